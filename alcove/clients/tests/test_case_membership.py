import pytest

from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Role
from alcove.audit.models import AuditEvent
from alcove.clients.models import CareTeamMember, CareTeamRole, CaseKind, CaseParticipant, Client
from alcove.clients.services import (
    CaseRefused,
    case_participant_add,
    case_participant_leave,
    client_create,
)
from alcove.conftest import consent_on_file
from alcove.notes.case_notes import case_note_read_for, case_note_write, case_open
from alcove.notes.models import CaseNoteEntry
from alcove.notes.services import NoteRefused


@pytest.fixture
def therapist(make_staff):
    return make_staff(Role.CLINICIAN)


def treated(therapist, *names):
    clients = []
    for name in names:
        client = client_create(actor_id=None, legal_name=name)
        CareTeamMember.objects.create(client=client, staff=therapist, role=CareTeamRole.PRIMARY)
        consent_on_file(client)  # joint notes are signed only with every consent on file
        clients.append(Client.objects.get(pk=client.pk))
    return clients


@pytest.fixture
def group(therapist):
    greta, idris, lucia = treated(therapist, "Greta Holm", "Idris Khan", "Lucia Ortega")
    case = case_open(actor=therapist, kind=CaseKind.GROUP, clients=[greta, idris])
    return case, greta, idris, lucia


def test_the_primary_clinician_adds_a_client_who_shares_only_later_sessions(therapist, group):
    case, _, _, lucia = group
    before = case_note_write(actor=therapist, case=case, shared="Session one.", parts={})
    case_participant_add(actor=therapist, case=case, client=lucia)
    after = case_note_write(
        actor=therapist, case=case, shared="Session two.", parts={lucia.pk: "First visit."}
    )
    assert case_note_read_for(actor=therapist, note=after, client=lucia) == {
        "shared": "Session two.",
        "individual": "First visit.",
    }
    with pytest.raises(NoteRefused):
        case_note_read_for(actor=therapist, note=before, client=lucia)
    assert AuditEvent.objects.filter(
        action="case.participant_add", resource_id=str(case.pk), actor_id=therapist.pk
    ).exists()


def test_a_leaver_keeps_their_past_and_gets_no_later_joint_notes(therapist, group):
    case, greta, idris, _ = group
    past = case_note_write(
        actor=therapist, case=case, shared="Trust exercise.", parts={idris.pk: "Spoke first."}
    )
    left = case_participant_leave(actor=therapist, case=case, client=idris)
    assert left.left_at is not None and CaseParticipant.objects.filter(client=idris).exists()
    later = case_note_write(actor=therapist, case=case, shared="Without him.", parts={})
    assert case_note_read_for(actor=therapist, note=past, client=idris)["individual"] == (
        "Spoke first."
    )
    assert not CaseNoteEntry.objects.filter(note=later, client=idris).exists()
    assert "Spoke first." not in str(case_note_read_for(actor=therapist, note=past, client=greta))
    assert AuditEvent.objects.filter(
        action="case.participant_leave", resource_id=str(case.pk)
    ).exists()


def test_a_co_therapist_cannot_change_who_takes_part_and_it_says_who_can(
    therapist, group, make_staff
):
    case, greta, _, lucia = group
    co = make_staff(Role.CLINICIAN)
    for client in (greta, lucia):
        CareTeamMember.objects.create(client=client, staff=co, role=CareTeamRole.CO_THERAPIST)
    with pytest.raises(CaseRefused, match="Only the case's primary clinician") as refused:
        case_participant_add(actor=co, case=case, client=lucia)
    assert "Ask the clinician who opened the case." in str(refused.value)
    with pytest.raises(CaseRefused):
        case_participant_leave(actor=co, case=case, client=greta)
    assert CaseParticipant.objects.filter(case=case, left_at__isnull=True).count() == 2
    assert (
        AuditEvent.objects.filter(
            actor_id=co.pk, action__startswith="case.participant_", outcome="denied"
        ).count()
        == 2
    )


def test_only_a_client_the_primary_clinician_treats_can_join(therapist, group):
    case, *_ = group
    stranger = client_create(actor_id=None, legal_name="Not Treated")
    with pytest.raises(AccessDenied, match="Need to know"):
        case_participant_add(actor=therapist, case=case, client=stranger)
    assert not CaseParticipant.objects.filter(client=stranger).exists()


def test_a_client_is_not_added_twice_and_a_leaver_does_not_rejoin(therapist, group):
    case, greta, idris, _ = group
    with pytest.raises(CaseRefused, match="already"):
        case_participant_add(actor=therapist, case=case, client=greta)
    case_participant_leave(actor=therapist, case=case, client=idris)
    with pytest.raises(CaseRefused, match="open a new case"):
        case_participant_add(actor=therapist, case=case, client=idris)
    with pytest.raises(CaseRefused, match="not taking part"):
        case_participant_leave(actor=therapist, case=case, client=idris)


def test_the_case_page_adds_a_participant_and_marks_one_as_left(therapist, group, signed_in):
    case, greta, idris, lucia = group
    browser = signed_in(therapist)
    page = browser.get(f"/cases/{case.pk}/").content.decode()
    assert "Add a participant from your caseload" in page and "Lucia Ortega" in page
    browser.post(f"/cases/{case.pk}/participants", {"client": lucia.pk})
    browser.post(f"/cases/{case.pk}/participants/{idris.pk}/leave")
    current = set(case.participants.filter(left_at__isnull=True).values_list("client", flat=True))
    assert current == {greta.pk, lucia.pk}
    page = browser.get(f"/cases/{case.pk}/").content.decode()
    assert "1 participant left the case." in page and 'for="part-' + str(idris.pk) not in page
    browser.post(f"/cases/{case.pk}/", {"shared": "Session after he left."})
    idris_chart = browser.get(f"/clients/{idris.pk}/").content.decode()
    assert "Session after he left." not in idris_chart and ", left " in idris_chart
    assert "Session after he left." in browser.get(f"/clients/{lucia.pk}/").content.decode()


def test_a_co_therapist_is_offered_no_membership_changes(therapist, group, make_staff, signed_in):
    case, greta, idris, _ = group
    co = make_staff(Role.CLINICIAN)
    for client in (greta, idris):
        CareTeamMember.objects.create(client=client, staff=co, role=CareTeamRole.CO_THERAPIST)
    browser = signed_in(co)
    assert "Mark as left" not in browser.get(f"/cases/{case.pk}/").content.decode()
    response = browser.post(f"/cases/{case.pk}/participants/{idris.pk}/leave", follow=True)
    assert "Only the case&#x27;s primary clinician" in response.content.decode()
    assert not case.participants.filter(left_at__isnull=False).exists()


def test_adding_an_unknown_client_is_not_found(therapist, group, signed_in):
    case, *_ = group
    browser = signed_in(therapist)
    assert browser.post(f"/cases/{case.pk}/participants", {"client": "nobody"}).status_code == 404
