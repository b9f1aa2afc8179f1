"""Qt widgets, models and dialogs: a thin layer over the content engine and user data."""
