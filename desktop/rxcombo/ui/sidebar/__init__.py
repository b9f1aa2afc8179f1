"""The left pane: the search field, the list models and proxies, their delegate and empty state."""
