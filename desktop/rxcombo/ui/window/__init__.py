"""The main window: its widgets, the actions declared in one place, saving and restoring its state."""
