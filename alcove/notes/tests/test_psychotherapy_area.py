import pytest

from alcove.access.breakglass import break_glass_open
from alcove.audit.models import AuditEvent
from alcove.notes.models import Note, NoteKind
from alcove.notes.services import note_create, note_save_draft

PROCESS = "My hunch: the anger at her sister is grief."
APART = "kept apart from the record; never released, exported or shown"
REASON = "Client in crisis at reception; primary clinician unreachable today."


def written_by(staff, who, text=PROCESS):
    note = note_create(actor=staff[who], client=staff["client"], kind=NoteKind.PSYCHOTHERAPY)
    note_save_draft(actor=staff[who], note=note, body=text)
    return note


def area(staff):
    return f"/clients/{staff['client'].pk}/psychotherapy-notes/"


def page(browser, url):
    response = browser.get(url)
    return response.status_code, response.content.decode()


def test_it_is_reached_from_the_chart_and_set_apart_from_the_record(practice_staff, signed_in):
    s = practice_staff
    browser = signed_in(s["clinician"])
    chart = browser.get(f"/clients/{s['client'].pk}/").content.decode()
    assert 'href="' + area(s) + '"' in chart
    assert "Psychotherapy note (yours alone)" not in chart  # not started from the notes form
    status, html = page(browser, area(s))
    assert status == 200 and APART in html.replace("\n  ", " ")
    assert "None that you may read." in html and "Start a psychotherapy note" in html


def test_it_starts_writes_and_signs_a_psychotherapy_note_outside_the_chart(
    practice_staff, signed_in
):
    s = practice_staff
    browser = signed_in(s["clinician"])
    started = browser.post(f"{area(s)}new")
    note = Note.objects.get(kind=NoteKind.PSYCHOTHERAPY)
    assert started.url == f"/psychotherapy-notes/{note.pk}/"
    browser.post(started.url, {"verb": "save", "body": PROCESS})
    assert PROCESS in page(browser, started.url)[1]
    browser.post(started.url, {"verb": "sign", "body": PROCESS})
    note.refresh_from_db()
    assert note.status == "signed"
    locked = page(browser, started.url)[1]
    assert "Sign and lock" not in locked and "addendum" not in locked.lower().replace(
        "takes no addenda", ""
    )
    chart = browser.get(f"/clients/{s['client'].pk}/").content.decode()
    assert f"/notes/{note.pk}/" not in chart and f"/psychotherapy-notes/{note.pk}/" not in chart
    assert f"/psychotherapy-notes/{note.pk}/" in page(browser, area(s))[1]


def test_it_lists_only_the_viewers_own_notes_to_a_co_therapist(practice_staff, signed_in):
    s = practice_staff
    theirs = written_by(s, "clinician")
    mine = written_by(s, "co", "My own note.")
    status, html = page(signed_in(s["co"]), area(s))
    assert status == 200 and str(mine.pk) in html
    assert str(theirs.pk) not in html and PROCESS not in html


def test_a_trainees_supervisor_finds_the_trainees_notes_there(practice_staff, signed_in):
    s = practice_staff
    trainees = written_by(s, "trainee")
    primarys = written_by(s, "clinician")
    browser = signed_in(s["supervisor"])
    chart = browser.get(f"/clients/{s['client'].pk}/").content.decode()
    assert 'href="' + area(s) + '"' in chart
    status, html = page(browser, area(s))
    assert status == 200 and str(trainees.pk) in html and str(primarys.pk) not in html
    assert "Start a psychotherapy note" not in html
    assert PROCESS in page(browser, f"/psychotherapy-notes/{trainees.pk}/")[1]


@pytest.mark.parametrize("who", ["owner", "desk", "billing"])
def test_the_owner_front_desk_and_billing_see_no_sign_of_the_area(practice_staff, signed_in, who):
    s = practice_staff
    written_by(s, "clinician")
    browser = signed_in(s[who])
    chart = browser.get(f"/clients/{s['client'].pk}/").content.decode()
    assert area(s) not in chart and "sychotherapy" not in chart
    status, html = page(browser, area(s))
    assert status == 403 and PROCESS not in html and "Psychotherapy note," not in html


def test_break_the_glass_does_not_reach_the_area_and_the_refusal_says_why(
    practice_staff, signed_in
):
    s = practice_staff
    note = written_by(s, "clinician")
    break_glass_open(actor=s["stranger"], client_id=s["client"].pk, reason=REASON)
    browser = signed_in(s["stranger"])
    status, chart = page(browser, f"/clients/{s['client'].pk}/")
    assert status == 200 and area(s) not in chart and "sychotherapy" not in chart
    status, html = page(browser, area(s))
    assert status == 403 and str(note.pk) not in html
    assert "open to their author alone" in html and "no break-the-glass" in html
    assert page(browser, f"/psychotherapy-notes/{note.pk}/")[0] == 403
    assert AuditEvent.objects.filter(
        actor_id=s["stranger"].pk,
        action="psychotherapy_notes.read",
        resource_type="psychotherapy_notes_list",
        outcome="denied",
    ).exists()


def test_each_list_shown_is_a_recorded_read(practice_staff, signed_in):
    s = practice_staff
    written_by(s, "trainee")
    signed_in(s["supervisor"]).get(area(s))
    listed = AuditEvent.objects.filter(resource_type="psychotherapy_notes_list")
    assert list(listed.values_list("actor_id", "resource_id", "outcome")) == [
        (s["supervisor"].pk, str(s["trainee"].pk), "allowed")
    ]


def test_the_record_editor_sends_psychotherapy_notes_to_their_own_area(practice_staff, signed_in):
    s = practice_staff
    note = written_by(s, "clinician")
    browser = signed_in(s["clinician"])
    assert browser.get(f"/notes/{note.pk}/").url == f"/psychotherapy-notes/{note.pk}/"
    started = browser.post(f"/clients/{s['client'].pk}/notes/new", {"kind": "psychotherapy"})
    assert started.url == area(s) and Note.objects.count() == 1


def test_a_supervisor_cosigns_a_trainees_signed_psychotherapy_note_on_its_page(
    practice_staff, signed_in
):
    s = practice_staff
    note = written_by(s, "trainee")
    trainee = signed_in(s["trainee"])
    trainee.post(f"/psychotherapy-notes/{note.pk}/", {"verb": "sign", "body": PROCESS})
    note.refresh_from_db()
    assert note.status == "awaiting_cosign"
    assert "Co-sign" not in page(trainee, f"/psychotherapy-notes/{note.pk}/")[1]
    supervisor = signed_in(s["supervisor"])
    assert "Co-sign as supervisor" in page(supervisor, f"/psychotherapy-notes/{note.pk}/")[1]
    supervisor.post(f"/psychotherapy-notes/{note.pk}/", {"verb": "cosign"})
    note.refresh_from_db()
    assert note.status == "signed" and note.cosigned_by == s["supervisor"]
