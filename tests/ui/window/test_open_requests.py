"""Requests from outside (``rxcombo open``, ``rxcombo:`` links) in the real window."""

from __future__ import annotations

from helpers.gui import launch, wait_loaded
from rxcombo.links import request_for


def test_a_page_link_opens_the_page(window):
    window.open_request(request_for("rxcombo:page/gabapentin-amitriptyline"))
    assert window.page_view.document.title == "Gabapentin + Amitriptyline"


def test_a_search_link_searches_and_never_opens_a_look_alike(window):
    window.open_request(request_for("rxcombo:search?q=ketamine%20gabapentin"))
    assert window.search_pane.search_field.text() == "ketamine gabapentin"
    assert window.page_view.showing_notice()  # no page covers them: the notice, not a page


def test_a_request_before_the_library_wins_over_the_last_page(qtbot, seeds_dir):
    first = launch(qtbot, seeds_dir)
    wait_loaded(qtbot, first.window)
    first.window.open_page("alprazolam-imipramine")
    first.window.close()
    again = launch(qtbot, seeds_dir, accept=False)
    again.window.open_request(request_for("rxcombo:page/amitriptyline-ketamine"))  # before loading ends
    wait_loaded(qtbot, again.window)
    qtbot.wait(300)  # past the first paint, when the last page would be reopened
    assert again.window.page_view.document.title == "Amitriptyline + Ketamine"
    again.window.close()
