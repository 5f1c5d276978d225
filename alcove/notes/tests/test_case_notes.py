import pytest

from alcove.access.decisions import AccessDenied
from alcove.accounts.models import Role
from alcove.clients.models import CareTeamMember, CareTeamRole, CaseKind, Client
from alcove.clients.services import client_create
from alcove.conftest import consent_on_file
from alcove.encryption import rotation
from alcove.encryption.keys import KeyShredded
from alcove.notes.case_notes import case_note_read_for, case_note_write, case_open
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


def test_each_partner_sees_the_shared_account_and_only_their_own_part(therapist):
    ana, ben = treated(therapist, "Ana Moreau", "Ben Moreau")
    case = case_open(actor=therapist, kind=CaseKind.COUPLE, clients=[ana, ben])
    note = case_note_write(
        actor=therapist,
        case=case,
        shared="Worked on the pattern of withdrawal after arguments.",
        parts={
            ana.pk: "Ana disclosed an affair in her individual session.",
            ben.pk: "Ben: job loss.",
        },
    )
    for_ana = case_note_read_for(actor=therapist, note=note, client=ana)
    for_ben = case_note_read_for(actor=therapist, note=note, client=ben)
    assert for_ana["shared"] == for_ben["shared"]
    assert "affair" in for_ana["individual"] and "affair" not in str(for_ben)
    assert "job loss" not in str(for_ana)


def test_a_group_note_naming_a_member_is_refused(therapist):
    members = treated(therapist, "Greta Holm", "Idris Khan", "Lucía Ortega")
    case = case_open(actor=therapist, kind=CaseKind.GROUP, clients=members, label="Tuesday group")
    with pytest.raises(NoteRefused, match="shared part"):
        case_note_write(actor=therapist, case=case, shared="Idris led the check-in.", parts={})
    with pytest.raises(NoteRefused, match="names another member"):
        case_note_write(
            actor=therapist,
            case=case,
            shared="Check-in and grounding exercise.",
            parts={members[0].pk: "Supported lucia during the exercise."},
        )


def test_a_group_note_in_one_members_chart_names_no_other_member(therapist):
    members = treated(therapist, "Greta Holm", "Idris Khan", "Lucía Ortega")
    case = case_open(actor=therapist, kind=CaseKind.GROUP, clients=members)
    note = case_note_write(
        actor=therapist,
        case=case,
        shared="Check-in and grounding exercise; theme of trust.",
        parts={m.pk: f"Participated; mood {n}/10." for n, m in enumerate(members, start=5)},
    )
    seen = str(case_note_read_for(actor=therapist, note=note, client=members[0]))
    for other in ("Idris", "Khan", "Lucía", "Ortega"):
        assert other not in seen
    assert "mood 5/10" in seen and "6/10" not in seen


def test_a_clinician_treating_one_member_reads_only_that_members_copy(therapist, make_staff):
    greta, idris = treated(therapist, "Greta Holm", "Idris Khan")
    case = case_open(actor=therapist, kind=CaseKind.GROUP, clients=[greta, idris])
    note = case_note_write(actor=therapist, case=case, shared="Session one.", parts={})
    idris_own = make_staff(Role.CLINICIAN)
    CareTeamMember.objects.create(client=idris, staff=idris_own, role=CareTeamRole.CO_THERAPIST)
    assert case_note_read_for(actor=idris_own, note=note, client=idris)["shared"] == "Session one."
    with pytest.raises(AccessDenied):
        case_note_read_for(actor=idris_own, note=note, client=greta)


def test_shredding_one_participant_leaves_the_others_copies_readable(therapist):
    ana, ben = treated(therapist, "Ana Moreau", "Ben Moreau")
    case = case_open(actor=therapist, kind=CaseKind.COUPLE, clients=[ana, ben])
    note = case_note_write(actor=therapist, case=case, shared="Joint session.", parts={})
    rotation.client_shred(client_id=ana.pk)
    with pytest.raises(KeyShredded):
        case_note_read_for(actor=therapist, note=note, client=ana)
    assert case_note_read_for(actor=therapist, note=note, client=ben)["shared"] == "Joint session."


def test_a_case_needs_a_therapist_who_treats_every_participant(therapist, make_staff):
    (ana,) = treated(therapist, "Ana Moreau")
    stranger = client_create(actor_id=None, legal_name="Not Treated")
    with pytest.raises(AccessDenied):
        case_open(actor=therapist, kind=CaseKind.COUPLE, clients=[ana, stranger])


def test_each_partners_chart_page_shows_only_their_own_part(therapist, signed_in):
    ana, ben = treated(therapist, "Ana Moreau", "Ben Moreau")
    case = case_open(actor=therapist, kind=CaseKind.COUPLE, clients=[ana, ben])
    case_note_write(
        actor=therapist,
        case=case,
        shared="Worked on repair after arguments.",
        parts={ana.pk: "Raised her new job.", ben.pk: "Raised his brother's illness."},
    )
    browser = signed_in(therapist)
    ana_chart = browser.get(f"/clients/{ana.pk}/").content.decode()
    assert "Worked on repair" in ana_chart and "new job" in ana_chart
    assert "illness" not in ana_chart
