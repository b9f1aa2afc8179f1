"""RxCombo: an offline desktop reference for drugs and drug combinations."""

__version__ = "0.1.0"
APP_NAME = "RxCombo"
