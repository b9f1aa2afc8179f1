"""The drug list's report and completion models: Qt's model checks, and what each row says."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.fake_library import write_fake_library
from rxcombo import wording
from rxcombo.library import load_library
from rxcombo.search.combos import combination_report
from rxcombo.search.drug_names import DrugNames
from rxcombo.ui.roles import PAGE_ID_ROLE, SIMILAR_ROLE
from rxcombo.ui.sidebar.completion_model import CompletionModel
from rxcombo.ui.sidebar.report_model import KIND_ROLE, ReportModel

ENTRIES = ["Testazepam", "Fakeprofen", "Mockoxetine", "Placebin", "Fakeprofen + Placebin", "Testazepum"]


def test_the_report_model_passes_qts_checks_and_opens_only_page_rows(qtmodeltester, tmp_path):
    library = load_library(write_fake_library(tmp_path / "pages"), cache_dir=tmp_path / "cache")
    model = ReportModel()
    model.set_report(combination_report(library, ENTRIES))
    qtmodeltester.check(model, force_py=True)
    openable = {}
    for top in range(model.rowCount()):
        heading = model.index(top, 0)
        for row in range(model.rowCount(heading)):
            index = model.index(row, 0, heading)
            openable[index.data(KIND_ROLE)] = openable.get(index.data(KIND_ROLE), set()) | {
                index.data(PAGE_ID_ROLE) is not None
            }
    assert openable == {
        "page": {True},
        "pair": {False},
        "own-page": {True},
        "no-own-page": {False},
        "unknown": {False},
        "duplicate": {False},
    }
    model.set_report(None, "Nothing yet")
    qtmodeltester.check(model, force_py=True)
    assert [model.index(0, 0).data()] == ["Nothing yet"]


def test_completions_mark_similar_names_and_fill_in_the_name_alone(qtmodeltester, tmp_path):
    library = load_library(write_fake_library(tmp_path / "pages"), cache_dir=tmp_path / "cache")
    model = CompletionModel()
    model.set_suggestions(DrugNames(library).suggest("Testazepum"))
    qtmodeltester.check(model, force_py=True)
    first = model.index(0, 0)
    assert first.data() == f"Testazepam ({wording.SIMILAR_MARK})"
    assert first.data(SIMILAR_ROLE) is True
    assert first.data(Qt.ItemDataRole.EditRole) == "Testazepam"  # what the field receives
