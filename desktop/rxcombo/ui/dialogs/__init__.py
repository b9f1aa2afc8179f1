"""Dialogs: the disclaimer, link confirmation, About."""
