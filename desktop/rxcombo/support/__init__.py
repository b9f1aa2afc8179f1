"""Small shared tools: late imports, start-up timing marks, the one crash-safe write."""
