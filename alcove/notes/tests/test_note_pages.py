from alcove.accounts.models import Role
from alcove.clients.models import Client
from alcove.conftest import consent_on_file
from alcove.notes.models import Note, NoteStatus

SOAP = {
    "subjective": "Worried about the move.",
    "objective": "Calm, good eye contact.",
    "assessment": "Improving.",
    "plan": "Fortnightly sessions.",
}


def new_chart(browser):
    browser.post("/clients/new/", {"legal_name": "Tobias Wirth"})
    client = Client.objects.get()
    consent_on_file(client)  # notes are signed only with informed consent on file
    return client


def test_a_clinician_writes_signs_and_amends_a_progress_note(signed_in, make_staff):
    browser = signed_in(make_staff(Role.CLINICIAN))
    client = new_chart(browser)
    started = browser.post(f"/clients/{client.pk}/notes/new", {"kind": "progress"})
    note = Note.objects.get()
    assert started.url == f"/notes/{note.pk}/"
    browser.post(f"/notes/{note.pk}/", {"verb": "save", **SOAP})
    editor = browser.get(f"/notes/{note.pk}/").content.decode()
    assert "Worried about the move." in editor and "Sign and lock" in editor
    browser.post(f"/notes/{note.pk}/", {"verb": "sign", **SOAP})
    note.refresh_from_db()
    assert note.status == NoteStatus.SIGNED
    locked = browser.get(f"/notes/{note.pk}/").content.decode()
    assert "Sign and lock" not in locked and "Add addendum" in locked
    browser.post(f"/notes/{note.pk}/", {"verb": "addendum", "addendum": "Moved on 3 March."})
    assert "Moved on 3 March." in browser.get(f"/notes/{note.pk}/").content.decode()


def test_front_desk_cannot_read_progress_notes(signed_in, make_staff, client_factory):
    browser = signed_in(make_staff(Role.CLINICIAN))
    client = new_chart(browser)
    browser.post(f"/clients/{client.pk}/notes/new", {"kind": "progress"})
    note = Note.objects.get()
    browser.post(f"/notes/{note.pk}/", {"verb": "save", **SOAP})
    desk = client_factory()
    desk.force_login(
        make_staff(Role.FRONT_DESK), backend="allauth.account.auth_backends.AuthenticationBackend"
    )
    response = desk.get(f"/notes/{note.pk}/")
    assert response.status_code == 403
    assert "Worried" not in response.content.decode()
