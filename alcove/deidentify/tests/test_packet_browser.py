"""In a real browser: a clinician takes de-identified notes from the chart to supervision.

Picks notes, reads the draft with every replacement highlighted, undoes one, approves and
exports, on a phone-sized screen, with no CSP violation and no console error.
"""

import re

import pytest
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from alcove.deidentify.tests.conftest import signed
from alcove.web.tests.test_browser import (  # noqa: F401 (chromium, open_browser, problems: fixtures)
    PHONE,
    OpenBrowser,
    check_phone_page,
    chromium,
    labelled,
    open_browser,
    problems,
    settle,
    sign_in_with_a_cookie,
)

pytestmark = pytest.mark.browser


def test_a_clinician_picks_notes_reviews_the_replacements_undoes_one_approves_and_exports(
    open_browser: OpenBrowser,  # noqa: F811
    live_server: LiveServer,
    chart: dict,
    progress: object,
    problems: list[str],  # noqa: F811
) -> None:
    clinician, client = chart["clinician"], chart["client"]
    signed(
        clinician,
        client,
        subjective="Luc called Dana twice from Petal; Dr. Okafor adjusted the dose.",
        objective="",
        assessment="",
        plan="",
    )
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in_with_a_cookie(page, clinician, url=live_server.url)

    # From the chart, pick both signed notes.
    page.goto(f"/clients/{client.pk}/")
    page.get_by_role("link", name="Supervision packet").click()
    expect(page.get_by_role("heading", name="New supervision packet")).to_be_visible()
    check_phone_page(page)
    notes = page.get_by_role("checkbox")
    expect(notes).to_have_count(2)
    for index in range(2):
        notes.nth(index).check()
    page.get_by_role("button", name="Make the de-identified draft").click()

    # The draft: every replacement highlighted, none of the client's identifiers left.
    expect(page.get_by_role("heading", name="Supervision packet", exact=True)).to_be_visible()
    body = page.locator("main").inner_text()
    for identifier in ("Dana", "Moreau", "Luc", "Petal", "Hartwell", "662-555-0142"):
        assert identifier not in body.split("Replacements in this note")[0], identifier
    marks = page.locator(".packet-text mark")
    assert marks.count() >= 8
    expect(marks.filter(has_text="Partner A").first).to_be_visible()
    page.goto(page.url.split("#")[0])  # (the skip link's "#main" outlives the redirect)
    # every note's list of replacements open (without moving focus), so that each of its
    # fields is checked for a label that says which replacement it undoes
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    check_phone_page(page)

    # Undo one replacement: the town stays as written.
    page.get_by_role("checkbox", name=re.compile(r'^undo: .* ← "Petal"')).first.check()
    page.get_by_role("button", name="Update the draft").click()
    expect(page.get_by_role("status")).to_contain_text("Draft updated.")
    expect(page.locator(".packet-text").first).to_contain_text("Petal")

    # Approve, then export: what leaves is the reviewed text.
    page.get_by_role("button", name="Approve this draft").click()
    expect(page.get_by_role("status")).to_contain_text("Approved")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export as text").click()
    exported = download.value.path().read_text(encoding="utf-8")
    assert "Petal" in exported
    assert re.search(r"\bPartner A\b", exported)
    for identifier in ("Dana", "Moreau", "Luc", "Hartwell", "662-555-0142"):
        assert identifier not in exported, identifier
    settle(page)
    assert problems == []
