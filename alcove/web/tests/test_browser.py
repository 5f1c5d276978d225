"""In a real browser: the first-run journey, idle sign-out, a phone-sized screen, the CSP.

Drives Debian's Chromium through Playwright against pytest-django's live server. Without
Chromium these tests are skipped, except in CI (CI=true), where that is a failure.
"""

import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Locator,
    Page,
    expect,
    sync_playwright,
)
from pypdf import PdfReader
from pytest_django.live_server_helper import LiveServer

from alcove.accounts.middleware import LAST_SEEN_AT
from alcove.accounts.models import Practice, Role, User
from alcove.accounts.services import setup_link_issue
from alcove.clients.models import Client as ClientRecord
from alcove.conftest import PASSWORD, StaffMaker, consent_on_file, totp_code
from alcove.consent.models import ConsentVersion, DocumentKind
from alcove.consent.services import (
    consent_starter_load,
    consent_version_publish,
    consent_version_save,
)
from alcove.web.navigation import navigation_for

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
OWNER_PASSWORD = "quiet tidal morning lantern"
CLINICIAN_PASSWORD = "amber kettle over quiet hills"

# Reports every Content-Security-Policy violation, whatever the page does.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.alcoveReportCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || "inline"}` +
    ` on ${location.pathname}`
  );
});
"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        why = f"Chromium is not installed at {CHROMIUM}; `make browser-deps` installs it."
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    with pytest.MonkeyPatch.context() as patch:
        # Playwright's sync API runs an event loop in this thread, so Django would take the
        # ORM calls made between browser steps for calls from async code. They are not.
        # Allowed only while the browser runs, not for the rest of the test session.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        expect.set_options(timeout=10_000)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def problems() -> list[str]:
    """Console errors, uncaught exceptions and CSP violations seen by any page of the test."""
    return []


OpenBrowser = Callable[..., Page]


@pytest.fixture
def open_browser(
    chromium: Browser, live_server: LiveServer, problems: list[str]
) -> Iterator[OpenBrowser]:
    """A page in a fresh browser context (its own cookies), pointed at the live server.

    Whatever goes wrong in the page (a console error, an uncaught exception, a CSP
    violation) is added to `problems`.
    """
    contexts: list[BrowserContext] = []

    def open_page(**options: Any) -> Page:
        context = chromium.new_context(base_url=live_server.url, **options)
        # Generous, for a machine busy with other work; a passing run takes a fraction of it.
        context.set_default_timeout(15_000)
        context.expose_binding(
            "alcoveReportCspViolation", lambda source, text: problems.append(f"CSP: {text}")
        )
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: _console(problems, page, message))
        page.on("pageerror", lambda error: problems.append(f"uncaught on {path_of(page)}: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()


def _console(problems: list[str], page: Page, message: ConsoleMessage) -> None:
    if message.type != "error":
        return
    source = message.location.get("url", "")
    # Chromium asks every new site for /favicon.ico on its own; Alcove has none to give.
    if source.endswith("/favicon.ico"):
        return
    # A 404 or 410 page is the answer asked for; Chromium logs the page's own status.
    if source == page.url and message.text.startswith("Failed to load resource"):
        return
    problems.append(f"console {message.type} on {path_of(page)}: {message.text}")


def current_code(secret: str) -> str:
    """The authenticator code, never one about to expire (allauth accepts only the current one)."""
    left = 30 - time.time() % 30
    if left < 1.5:
        time.sleep(left + 0.1)
    return totp_code(secret)


def labelled(page: Page, label: str) -> Locator:
    """The one field whose label is exactly this (Django adds a colon to its labels)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}:?\s*$"))


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url)


def enrol_authenticator_app(page: Page, *, password: str) -> list[str]:
    """From the enrolment page: choose the app, enter the code for the secret shown.

    Returns the recovery codes shown afterwards. allauth asks for the password once more
    before showing them (a fresh sign-in does not count as re-authentication); the
    journey accepts that step but does not depend on it.
    """
    expect(page.get_by_role("heading", name="Set up a second factor")).to_be_visible()
    page.get_by_role("link", name="Use an authenticator app").click()
    secret = labelled(page, "Authenticator secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    labelled(page, "Authenticator code").fill(current_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("status")).to_contain_text("Authenticator app activated.")
    heading = page.get_by_role("heading", name=re.compile(r"^(Recovery Codes|Confirm Access)$"))
    if heading.inner_text().strip() == "Confirm Access":
        labelled(page, "Password").fill(password)
        page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    return labelled(page, "Unused codes").input_value().split()


def sign_in_through_the_form(page: Page, user: User) -> None:
    page.goto("/accounts/login/")
    labelled(page, "Email").fill(user.email)
    labelled(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    labelled(page, "Code").fill(current_code(user.totp_secret))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign In", exact=True).click()
    expect(page).to_have_url(re.compile(r"/$"))


def sign_in_with_a_cookie(page: Page, user: User, *, url: str) -> str:
    """Hand the browser a session as if both factors had just been passed; returns its key."""
    client = Client()
    client.force_login(user, backend=settings.AUTHENTICATION_BACKENDS[0])
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": key, "url": url}])
    return key


def nav_labels(page: Page) -> list[str]:
    return page.get_by_role("navigation", name="Main").get_by_role("link").all_inner_texts()


# --- 1. The first-run journey ------------------------------------------------------------


def test_owner_sets_up_the_practice_and_invites_a_clinician_who_signs_in_with_mfa(
    open_browser: OpenBrowser, problems: list[str]
) -> None:
    token = setup_link_issue()
    assert token is not None

    # The owner opens the setup link printed at first start; the token leaves the address bar.
    owner = open_browser()
    owner.goto(f"/setup/{token}")
    expect(owner).to_have_url(re.compile(r"/setup/$"))
    expect(owner.get_by_role("heading", name="Create your practice")).to_be_visible()
    labelled(owner, "Practice name").fill("Harbour Psychology")
    labelled(owner, "Your full name").fill("Ada Owner")
    labelled(owner, "Your email address").fill("ada@harbour.example")
    labelled(owner, "Password").fill(OWNER_PASSWORD)
    labelled(owner, "Password again").fill(OWNER_PASSWORD)
    owner.get_by_role("button", name="Create the practice").click()

    # Straight to second-factor enrolment; the app's code activates it and recovery codes follow.
    expect(owner).to_have_url(re.compile(r"/security/enrol/$"))
    codes = enrol_authenticator_app(owner, password=OWNER_PASSWORD)
    assert len(codes) == 10 and all(re.fullmatch(r"[0-9a-f]{8}", c) for c in codes), codes

    owner.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    expect(owner.get_by_role("heading", name="Home", exact=True)).to_be_visible()
    expect(owner.get_by_text("Authenticator app: set up")).to_be_visible()
    expect(owner.get_by_text("Recovery codes: generated")).to_be_visible()
    assert nav_labels(owner) == [item.label for item in navigation_for(frozenset({Role.OWNER}))]

    # The owner invites a clinician from the staff page and is shown the link once.
    owner.get_by_role("navigation", name="Main").get_by_role("link", name="Staff").click()
    labelled(owner, "Full name").fill("Cleo Clinician")
    labelled(owner, "Email address").fill("cleo@harbour.example")
    labelled(owner, "Clinician").check()
    owner.get_by_role("button", name="Create invitation link").click()
    expect(owner.get_by_role("heading", name="Invitation ready")).to_be_visible()
    link = labelled(owner, "Invitation link").input_value()
    assert re.fullmatch(r"http://[^/]+/invite/[\w-]+", link), link

    # The clinician, on another device: chooses a password, enrols an authenticator app.
    clinician = open_browser()
    clinician.goto(link)
    expect(clinician).to_have_url(re.compile(r"/invite/$"))
    expect(clinician.get_by_role("heading", name="Join Harbour Psychology")).to_be_visible()
    expect(labelled(clinician, "Your full name")).to_have_value("Cleo Clinician")
    labelled(clinician, "Password").fill(CLINICIAN_PASSWORD)
    labelled(clinician, "Password again").fill(CLINICIAN_PASSWORD)
    clinician.get_by_role("button", name="Create my account").click()
    expect(clinician).to_have_url(re.compile(r"/security/enrol/$"))
    assert len(enrol_authenticator_app(clinician, password=CLINICIAN_PASSWORD)) == 10

    # Home shows the clinician's own navigation, the practice and their name.
    clinician.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    expect(clinician.get_by_role("heading", name="Home", exact=True)).to_be_visible()
    assert nav_labels(clinician) == [
        item.label for item in navigation_for(frozenset({Role.CLINICIAN}))
    ]
    assert "Staff" not in nav_labels(clinician)
    expect(clinician.locator("header .practice")).to_have_text("Harbour Psychology")
    expect(clinician.get_by_text("Signed in as Cleo Clinician")).to_be_visible()
    expect(clinician.locator("main .badge")).to_have_text(["Clinician"])
    assert User.objects.get(email="cleo@harbour.example").roles == {Role.CLINICIAN}
    assert problems == []


# --- 2. Idle sign-out ---------------------------------------------------------------------


def test_an_idle_staff_member_is_signed_out_on_their_next_click_and_told_why(
    open_browser: OpenBrowser, live_server: LiveServer, make_staff: StaffMaker, problems: list[str]
) -> None:
    Practice.objects.update(idle_timeout_minutes=5)
    clinician = make_staff(Role.CLINICIAN, name="Cleo Clinician")
    page = open_browser()
    key = sign_in_with_a_cookie(page, clinician, url=live_server.url)
    page.goto("/")
    expect(page.get_by_text("Signed in as Cleo Clinician")).to_be_visible()
    # Left alone, the page reloads itself just after the idle period...
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_attribute("content", "305")

    # ...and by then the session has gone idle.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    session = store(session_key=key)
    session[LAST_SEEN_AT] = time.time() - (5 * 60 + 1)
    session.save()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sign-in security").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("status")).to_have_text(
        "You were signed out after 5 minutes without activity. Please sign in again."
    )
    expect(page.get_by_text("Signed in as")).to_have_count(0)
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    # The session itself has ended, not just the page: going back in does not work.
    assert not store().exists(key)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    assert problems == []


# --- 3. A phone, a keyboard, a screen reader ---------------------------------------------

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
  return {
    what: `${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.name || "").trim()}"`,
    isSkipLink: el.matches("a.skip"),
    isBody: el === document.body,
    ring,
  };
}"""

LABEL_OF = """el => {
  const named = el.labels && el.labels.length ? el.labels[0].innerText
    : el.getAttribute("aria-label") || "";
  return named.trim().replace(/:$/, "").trim();
}"""


def check_phone_page(page: Page) -> int:
    """Check one page at phone size; returns how many form fields it has."""
    where = path_of(page)

    # No sideways scrolling.
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"{where} scrolls sideways ({scroll_width}px)"

    # Every field has a label that names it for a screen reader.
    fields = page.locator("input:not([type=hidden]), select, textarea")
    for index in range(fields.count()):
        field = fields.nth(index)
        label = field.evaluate(LABEL_OF)
        assert label, f"{where}: unlabelled field {field.evaluate('el => el.outerHTML')}"
        expect(field).to_have_accessible_name(re.compile(re.escape(label)))
        found = labelled(page, label).evaluate_all(
            "(els, field) => els.includes(field)", field.element_handle()
        )
        assert found, f"{where}: get_by_label({label!r}) does not find its field"

    # The skip link is the first Tab stop, and every Tab stop shows where focus is.
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["isSkipLink"], f"{where}: the first Tab stop is {first['what']}"
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_in_viewport()
    for _ in range(60):
        focused = page.evaluate(FOCUSED)
        if focused["isBody"]:
            break
        assert focused["ring"], f"{where}: no visible focus on {focused['what']}"
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED)["isSkipLink"]:
            break
    else:
        pytest.fail(f"{where}: Tab never left the page")

    # Following the skip link puts focus on the main content.
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main", where
    return fields.count()


def test_sign_in_and_home_suit_a_phone_a_keyboard_and_a_screen_reader(
    open_browser: OpenBrowser, make_staff: StaffMaker, problems: list[str]
) -> None:
    owner = make_staff(Role.OWNER, name="Ada Owner")
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    fields = 0

    page.goto("/accounts/login/")
    fields += check_phone_page(page)
    labelled(page, "Email").fill(owner.email)
    labelled(page, "Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()

    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    fields += check_phone_page(page)
    labelled(page, "Code").fill(current_code(owner.totp_secret))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign In", exact=True).click()

    expect(page.get_by_role("heading", name="Home", exact=True)).to_be_visible()
    fields += check_phone_page(page)
    page.get_by_role("link", name="Manage staff and invitations").click()
    expect(page.get_by_role("heading", name="Staff", exact=True)).to_be_visible()
    fields += check_phone_page(page)
    assert fields >= 6  # email, password, code, and the invitation form's fields
    assert problems == []


# --- 4. Content-Security-Policy and the console ------------------------------------------


def settle(page: Page) -> None:
    """A round trip through the page, so that its reports so far have reached the test."""
    page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))")


def test_pages_load_with_no_csp_violation_and_no_console_error(
    open_browser: OpenBrowser, live_server: LiveServer, make_staff: StaffMaker, problems: list[str]
) -> None:
    owner = make_staff(Role.OWNER, name="Ada Owner")
    newcomer = make_staff(Role.CLINICIAN, name="Nia Newcomer", mfa=False)

    page = open_browser()
    for path, status in (
        ("/accounts/login/", 200),
        ("/invite/not-a-real-link", 410),
        ("/no-such-page/", 404),
    ):
        response = page.goto(path)
        assert response is not None and response.status == status, path
        settle(page)

    sign_in_through_the_form(page, owner)
    for path in (
        "/",
        "/staff/",
        f"/staff/{owner.pk}/",
        "/practice/settings/",
        "/accounts/2fa/",
        "/accounts/password/change/",
        "/accounts/reauthenticate/",
    ):
        response = page.goto(path)
        assert response is not None and response.ok, path
        settle(page)

    # Someone who has not enrolled yet: the enrolment pages, QR code and passkey script.
    enrolling = open_browser()
    sign_in_with_a_cookie(enrolling, newcomer, url=live_server.url)
    for path in ("/security/enrol/", "/accounts/2fa/totp/activate/", "/accounts/2fa/webauthn/add/"):
        response = enrolling.goto(path)
        assert response is not None and response.ok, path
        if path == "/accounts/2fa/totp/activate/":
            qr_code = enrolling.get_by_role("img")  # a data: URL, which the policy allows
            assert qr_code.evaluate("img => img.complete && img.naturalWidth > 0")
        settle(enrolling)

    assert problems == []

    # The watch is live: an injected inline script is refused, and both watchers report it.
    enrolling.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )
    settle(enrolling)
    assert enrolling.evaluate("() => window.injected === undefined")
    assert any(p.startswith("CSP: script-src") for p in problems), problems
    assert any(p.startswith("console error") for p in problems), problems


# --- 5. A clinician's day: a new chart, a progress note, signed and amended ---------------


def test_a_clinician_keeps_a_chart_from_intake_to_a_signed_note_on_a_phone(
    open_browser: OpenBrowser, live_server: LiveServer, make_staff: StaffMaker, problems: list[str]
) -> None:
    clinician = make_staff(Role.CLINICIAN, name="Cleo Clinician")
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in_with_a_cookie(page, clinician, url=live_server.url)

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Caseload").click()
    page.get_by_role("link", name="Open a new client's chart").click()
    # A click starts a navigation; wait for the new page before measuring it.
    expect(page.get_by_role("heading", name="Open a new client's chart")).to_be_visible()
    check_phone_page(page)
    labelled(page, "Legal name").fill("Tobias Wirth")
    labelled(page, "Preferred name (optional)").fill("Toby")
    page.get_by_role("button", name="Open the chart").click()
    expect(page.get_by_role("heading", name="Toby", exact=True)).to_be_visible()
    assert "Wirth" not in page.url and "Toby" not in page.url
    consent_on_file(ClientRecord.objects.get())  # notes are signed only with consent on file

    labelled(page, "New note").select_option("progress")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Progress note (SOAP)")).to_be_visible()
    check_phone_page(page)
    for part, text in (("Subjective", "Worried about the move."), ("Plan", "Fortnightly.")):
        labelled(page, part).fill(text)
    page.get_by_role("button", name="Sign and lock").click()
    expect(page.get_by_role("status")).to_contain_text("Signed")
    expect(page.get_by_text("Worried about the move.")).to_be_visible()
    expect(page.get_by_role("button", name="Sign and lock")).to_have_count(0)

    labelled(page, "Addendum").fill("Moved on 3 March.")
    page.get_by_role("button", name="Add addendum").click()
    expect(page.get_by_text("Moved on 3 March.")).to_be_visible()
    page.get_by_role("link", name="Back to the chart").click()
    page.get_by_role("link", name="Access history of this record").click()
    expect(page.get_by_role("table")).to_contain_text("clinical.sign")
    check_phone_page(page)
    settle(page)
    assert problems == []


# --- 6. Psychotherapy notes: their own area, reached from the chart, kept apart ------------


def test_a_clinician_keeps_a_psychotherapy_note_apart_from_the_record_by_keyboard(
    open_browser: OpenBrowser, live_server: LiveServer, make_staff: StaffMaker, problems: list[str]
) -> None:
    clinician = make_staff(Role.CLINICIAN, name="Cleo Clinician")
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in_with_a_cookie(page, clinician, url=live_server.url)

    page.goto("/clients/new/")
    labelled(page, "Legal name").fill("Tobias Wirth")
    page.get_by_role("button", name="Open the chart").click()
    expect(page.get_by_role("link", name="Psychotherapy notes")).to_be_visible()
    consent_on_file(ClientRecord.objects.get())  # notes are signed only with consent on file
    page.get_by_role("link", name="Psychotherapy notes").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Kept apart from the record")).to_be_visible()
    expect(page.get_by_text("never released, exported or shown in the portal")).to_be_visible()
    page.get_by_role("button", name="Start a psychotherapy note").click()
    expect(page.get_by_role("heading", name="Psychotherapy note", exact=True)).to_be_visible()
    check_phone_page(page)
    labelled(page, "Psychotherapy note").fill("My hunch: the move is a loss.")
    page.get_by_role("button", name="Sign and lock").click()
    expect(page.get_by_role("status")).to_contain_text("Signed")
    expect(page.get_by_text("My hunch: the move is a loss.")).to_be_visible()

    page.get_by_role("link", name="Back to the psychotherapy notes").click()
    expect(page.get_by_role("link", name=re.compile(r"^Psychotherapy note, "))).to_have_count(1)
    page.get_by_role("link", name="Back to the chart").click()
    expect(page.get_by_text("No notes yet.")).to_be_visible()
    settle(page)
    assert problems == []


# --- 7. Informed consent on the device, in the locked hand-over, before the first note -----


def test_a_new_client_signs_informed_consent_in_the_locked_hand_over_before_a_note(
    open_browser: OpenBrowser, live_server: LiveServer, make_staff: StaffMaker, problems: list[str]
) -> None:
    owner = make_staff(Role.OWNER)
    consent_starter_load(actor=owner)
    draft = ConsentVersion.objects.get(document__kind=DocumentKind.TREATMENT)
    completed = re.sub(r"\[PRACTICE TO COMPLETE:[^\]]*\]", "Our state's wording.", draft.text)
    consent_version_save(actor=owner, version=draft, text=completed)
    consent_version_publish(actor=owner, version=draft)
    clinician = make_staff(Role.CLINICIAN, name="Cleo Clinician")
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in_with_a_cookie(page, clinician, url=live_server.url)

    page.goto("/clients/new/")
    labelled(page, "Legal name").fill("Tobias Wirth")
    page.get_by_role("button", name="Open the chart").click()
    consent = page.get_by_role("region", name="Consent")
    expect(consent).to_contain_text("Notes cannot be signed until it is on file.")
    consent.get_by_role("link", name="Sign with the client").click()
    page.get_by_role("button", name="Hand the device over").click()

    # The client's turn: the document and the form, and no way elsewhere.
    expect(page.get_by_text("Duty to warn and protect")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    check_phone_page(page)
    labelled(page, "Type your full name").fill("Tobias Wirth")
    page.get_by_label(re.compile(r"I have read this document")).check()
    page.get_by_role("button", name="Sign", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("hand the device back")
    page.goto("/caseload/")
    assert path_of(page) == "/consent/hand-over/"

    # The clinician's turn: their password, by keyboard, and the chart again.
    labelled(page, "Clinician's password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tobias Wirth", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Consent")).to_contain_text("Tobias Wirth")

    labelled(page, "New note").select_option("progress")
    page.get_by_role("button", name="Start").click()
    labelled(page, "Plan").fill("Fortnightly.")
    page.get_by_role("button", name="Sign and lock").click()
    expect(page.get_by_role("status")).to_contain_text("Signed")
    settle(page)
    assert problems == []


def downloaded_text(page: Page, link: str) -> str:
    """Click a link that downloads a PDF; the text of every page, whitespace collapsed."""
    with page.expect_download() as download:
        page.get_by_role("link", name=link).click()
    reader = PdfReader(download.value.path())
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_a_clinician_releases_on_an_authorization_warns_and_prints_the_accounting(
    open_browser: OpenBrowser, live_server: LiveServer, make_staff: StaffMaker, problems: list[str]
) -> None:
    clinician = make_staff(Role.CLINICIAN, name="Cleo Clinician")
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in_with_a_cookie(page, clinician, url=live_server.url)
    page.goto("/clients/new/")
    labelled(page, "Legal name").fill("Tobias Wirth")
    page.get_by_role("button", name="Open the chart").click()
    client = ClientRecord.objects.get()
    consent_on_file(client)
    labelled(page, "New note").select_option("progress")
    page.get_by_role("button", name="Start").click()
    labelled(page, "Assessment").fill("Mood lifting; sleeping better.")
    page.get_by_role("button", name="Sign and lock").click()
    expect(page.get_by_role("status")).to_contain_text("Signed")
    today = timezone.localdate().isoformat()

    # The client authorizes a release of progress notes, signing on the device.
    page.goto(f"/clients/{client.pk}/")
    page.get_by_role("link", name=re.compile("Releases of information")).click()
    page.get_by_role("link", name="Record an authorization").click()
    expect(page.get_by_role("heading", name="Record an authorization")).to_be_visible()
    check_phone_page(page)
    labelled(page, "Recipient: who receives the information (name and address)").fill(
        "Dr Oren Blum, 4 Quay Street"
    )
    labelled(page, "Purpose of the release").fill("Continuity of care")
    page.get_by_label("Progress notes", exact=True).check()
    labelled(page, "Records dated from").fill(today)
    labelled(page, "Records dated to").fill(today)
    labelled(page, "Or expires when this happens").fill("the end of treatment")
    page.get_by_label(re.compile("On this device now")).check()
    page.get_by_role("button", name="Record the authorization").click()
    expect(page.get_by_text("You may revoke this authorization at any time")).to_be_visible()
    labelled(page, "Type your full name").fill("Tobias Wirth")
    page.get_by_label(re.compile(r"I have read this document")).check()
    page.get_by_role("button", name="Sign", exact=True).click()
    labelled(page, "Clinician's password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tobias Wirth", exact=True)).to_be_visible()

    # Only what it names leaves, in a package that carries its id on every page.
    page.goto(f"/clients/{client.pk}/releases/")
    expect(page.get_by_role("cell", name="active")).to_be_visible()
    page.get_by_role("link", name="Release information").click()
    page.get_by_role("link", name="The client's authorization").click()
    expect(page.get_by_role("heading", name=re.compile("^Release information:"))).to_be_visible()
    check_phone_page(page)
    page.get_by_label("Progress notes", exact=True).check()
    page.get_by_role("button", name="Release").click()
    expect(page.get_by_role("status")).to_contain_text("Released.")
    package = downloaded_text(page, "Download the package (PDF)")
    assert "Mood lifting; sleeping better." in package and "Dr Oren Blum" in package
    assert re.search(r"Disclosure [0-9a-f-]{36} · page 1 of \d", package)

    # A warning, walked through in order, with what the client was told.
    page.goto(f"/clients/{client.pk}/releases/")
    page.get_by_role("link", name="Warn or protect someone at risk").click()
    expect(page.get_by_role("heading", name="Duty to warn or protect")).to_be_visible()
    check_phone_page(page)
    labelled(page, "The threat, as the client expressed it").fill("Would hurt his neighbour")
    labelled(page, "The person at risk (identified as the law requires)").fill("Mr P. Hale")
    labelled(page, "The rule being followed (jurisdiction, statute or case law)").fill("State law")
    labelled(page, "Supervisor or colleague consulted, and what they advised").fill("Dr Amsel")
    an_hour_ago = timezone.localtime() - timedelta(hours=1)
    labelled(page, "When it was disclosed").fill(f"{an_hour_ago:%Y-%m-%dT%H:%M}")
    labelled(page, "Disclosed to (name and role or agency)").fill("Mr P. Hale, by telephone")
    labelled(page, "How it was disclosed (telephone, in person, in writing)").fill("Telephone")
    labelled(page, "Exactly what was disclosed").fill("A specific threat was made against you.")
    labelled(page, "How they were told, or why not (or not yet)").fill("In session, beforehand.")
    page.get_by_role("button", name="Record the disclosure").click()
    expect(page.get_by_role("status")).to_contain_text("Released.")

    # The accounting lists both, printed for the client.
    page.goto(f"/clients/{client.pk}/accounting/")
    # At phone size the rows stack, and a screen reader still hears a table with headers.
    expect(page.get_by_role("row")).to_have_count(3)
    expect(page.get_by_role("columnheader")).to_have_count(4)
    expect(page.get_by_role("cell", name="Mr P. Hale, by telephone")).to_be_visible()
    printed = downloaded_text(page, "Print for the client (PDF)")
    assert "Tobias Wirth" in printed and "Dr Oren Blum" in printed and "Mr P. Hale" in printed
    settle(page)
    assert problems == []
