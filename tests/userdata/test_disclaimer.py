"""Remembering that the user accepted the disclaimer, by a hash of its text."""

from __future__ import annotations

from pathlib import Path

from rxcombo.dirs import settings_path
from rxcombo.userdata import SettingsStore, disclaimer_hash, is_accepted, record_acceptance

DISCLAIMER = "RxCombo is a reference, not medical advice.\n\nAsk a pharmacist.\n"


def loaded(path: Path) -> SettingsStore:
    store = SettingsStore(path)
    report = store.load()
    assert report.message is None, report.message
    return store


def test_disclaimer_hash_ignores_line_endings_and_outer_whitespace():
    windows = DISCLAIMER.replace("\n", "\r\n")
    assert disclaimer_hash(windows) == disclaimer_hash(DISCLAIMER)
    assert disclaimer_hash("\n\n" + DISCLAIMER + "   \n") == disclaimer_hash(DISCLAIMER)
    assert len(disclaimer_hash(DISCLAIMER)) == 64


def test_disclaimer_hash_changes_when_the_text_changes():
    changed = DISCLAIMER.replace("pharmacist", "doctor")
    assert disclaimer_hash(changed) != disclaimer_hash(DISCLAIMER)
    assert disclaimer_hash(DISCLAIMER + "New paragraph.") != disclaimer_hash(DISCLAIMER)


def test_acceptance_is_remembered_until_the_text_changes(user_dirs):
    settings = loaded(settings_path())
    assert not is_accepted(settings, DISCLAIMER)
    assert record_acceptance(settings, DISCLAIMER)
    assert settings_path().is_file()
    next_start = loaded(settings_path())
    assert is_accepted(next_start, DISCLAIMER)
    assert not is_accepted(next_start, DISCLAIMER + "\nUpdated wording.")


def test_acceptance_that_cannot_be_written_holds_for_the_session(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    settings = loaded(blocker / "settings.json")
    assert record_acceptance(settings, DISCLAIMER) is False
    assert settings.last_error is not None
    assert is_accepted(settings, DISCLAIMER)
