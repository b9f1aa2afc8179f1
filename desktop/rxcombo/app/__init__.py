"""Start-up: the launch sequence, single-instance IPC and loading the library off the UI thread."""
