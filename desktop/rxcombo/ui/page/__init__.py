"""The page pane: a header, and one tab per section of the open page."""
