"""Remembering that the user accepted the medical disclaimer.

The settings keep a hash of the accepted text rather than a yes/no flag, so that a
changed disclaimer is shown again; only the text's meaning counts, not line endings or
surrounding blank lines, which differ between a git checkout on Windows and elsewhere.
"""

from __future__ import annotations

from rxcombo.support.digests import sha256

from .settings import SettingsStore


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def disclaimer_hash(text: str) -> str:
    """SHA-256 (hex) of ``text`` with ``\\n`` line endings and outer whitespace stripped."""
    return sha256(_normalise(text).encode("utf-8")).hexdigest()


def is_accepted(settings: SettingsStore, text: str) -> bool:
    """True if the user accepted exactly this disclaimer text before."""
    return settings.disclaimer_sha256 == disclaimer_hash(text)


def record_acceptance(settings: SettingsStore, text: str) -> bool:
    """Record acceptance of ``text`` and save the settings file.

    Returns ``settings.save()``: on False the acceptance still holds for this session and
    ``settings.last_error`` says why it could not be written; a later save retries.
    """
    settings.disclaimer_sha256 = disclaimer_hash(text)
    return settings.save()
