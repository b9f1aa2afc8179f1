"""The main window and its parts: the action table, loading, remembered state, save retries, status bar."""
