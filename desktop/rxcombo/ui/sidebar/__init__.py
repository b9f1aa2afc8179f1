"""The left pane: the search field and its keys, the three views with their models, proxies and delegate."""
