"""The search results proxy shows its page model's rows as they are: what it answers for
every role is what the model answers (with the proxy's own notes and similar-name mark)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from rxcombo.ui.roles import NOTE_ROLE, SIMILAR_ROLE
from rxcombo.ui.sidebar.page_models import PageListModel, SearchResultsProxy


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    drugs: tuple[str, ...]


PAGES = [
    Page("testazepam", "Testazepam", ("Testazepam",)),
    Page("fakeprofen-testazepam", "Fakeprofen + Testazepam", ("Fakeprofen", "Testazepam")),
    Page("mockacillin", "Mockacillin", ("Mockacillin",)),
]


def test_every_role_of_a_row_is_its_page_models(qtmodeltester) -> None:
    model = PageListModel()
    model.set_documents(PAGES)
    model.set_favorite_check(lambda page_id: page_id == "mockacillin")
    model.set_hints(lambda page_id: "fake-source" if page_id == "testazepam" else None)
    proxy = SearchResultsProxy()
    proxy.setSourceModel(model)
    proxy.set_rows([2, 0, 1])
    qtmodeltester.check(proxy)
    own = {SIMILAR_ROLE, NOTE_ROLE}  # what the proxy adds (a notice's notes, similar names)
    asked = 0
    for row, source_row in enumerate([2, 0, 1]):
        for role in range(int(Qt.ItemDataRole.UserRole) + 21):
            if role in own:
                continue
            shown = proxy.index(row, 0).data(role)
            assert shown == model.index(source_row, 0).data(role), (row, role)
            asked += shown is not None
    assert asked >= 3 * 4  # title, tip, page id, drugs; a favorite; a hint
    assert proxy.index(0, 0).data(NOTE_ROLE) is None and proxy.index(1, 0).data(NOTE_ROLE) == "fake-source"
