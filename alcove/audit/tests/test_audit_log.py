"""What an entry says, what it never says, and that it stands or falls with its action."""

import re
from datetime import date

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from alcove.access.decisions import Decision
from alcove.accounts.models import Role, User
from alcove.accounts.services import setup_link_issue, staff_roles_set
from alcove.audit import merkle
from alcove.audit.leaf import LEAF_FIELDS, leaf_data, leaf_hash_of
from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead, Outcome, QueuedEntry
from alcove.audit.sequencer import audit_sequence
from alcove.audit.services import audit_record, audit_record_many, decision_record
from alcove.audit.verify import audit_verify
from alcove.clients.models import Client
from alcove.clients.services import client_create
from alcove.encryption import blind_index
from alcove.encryption.blind_index import client_pseudonym, name_digest
from alcove.encryption.keyring import Keyring

pytestmark = pytest.mark.django_db

NAME = "Marguerite Okonkwo-Lindqvist"
HEX32 = re.compile(r"[0-9a-f]{32}")


def seqs() -> list[int]:
    return list(AuditEvent.objects.order_by("seq").values_list("seq", flat=True))


def queued() -> int:
    return QueuedEntry.objects.count()


def head_size() -> int:
    head = AuditHead.objects.filter(pk=1).first()
    return head.size if head else 0


def raw_rows() -> list[tuple[object, ...]]:
    """Every column of every entry, queued or numbered, as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM audit_queuedentry")
        rows = list(cursor.fetchall())
        cursor.execute("SELECT * FROM audit_auditevent")
        return rows + list(cursor.fetchall())


def as_text(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        raw = bytes(value)
        return raw.hex() + " " + raw.decode("latin-1")
    return str(value)


# --- What an entry records -----------------------------------------------------------------


def test_an_entry_records_who_did_what_to_which_record_how_it_was_decided_and_when():
    before = timezone.now()
    event = audit_record(
        actor_id=42,
        action="note.read",
        outcome=Outcome.DENIED,
        resource_type="note",
        resource_id=7,
        rule="Only the client's clinicians may read notes.",
        reason="covering for a colleague",
    )
    after = timezone.now()
    stored = AuditEvent.objects.get(queued_as=event)
    assert stored.actor_id == 42
    assert stored.action == "note.read"
    assert (stored.resource_type, stored.resource_id) == ("note", "7")
    assert stored.outcome == "denied"
    assert stored.rule == "Only the client's clinicians may read notes."
    assert stored.reason == "covering for a colleague"
    assert before <= stored.occurred_at <= after


def test_a_system_action_has_no_actor():
    entry = audit_record(actor_id=None, action="x")
    assert AuditEvent.objects.get(queued_as=entry).actor_id is None


def test_an_allowed_and_a_denied_decision_are_both_in_the_log():
    def decision(allowed: bool) -> Decision:
        return Decision(
            allowed=allowed,
            actor_id=3,
            action="note.read",
            data_class="notes",
            client_id=None,
            resource_type="note",
            resource_id="12",
            rule="treating clinician" if allowed else "not on the care team",
            reason="",
        )

    allowed = decision_record(decision(True))
    denied = decision_record(decision(False))
    assert allowed.audit_entry is not None and denied.audit_entry is not None
    rows = {e.queued_as: e for e in AuditEvent.objects.all()}
    assert (rows[allowed.audit_entry].outcome, rows[allowed.audit_entry].rule) == (
        "allowed",
        "treating clinician",
    )
    assert (rows[denied.audit_entry].outcome, rows[denied.audit_entry].rule) == (
        "denied",
        "not on the care team",
    )


# --- How a client is named -----------------------------------------------------------------


@pytest.fixture
def marguerite(make_staff) -> tuple[User, Client]:
    clinician = make_staff(Role.CLINICIAN)
    client = client_create(
        actor_id=clinician.pk,
        legal_name=NAME,
        preferred_name="Margo",
        date_of_birth=date(1984, 3, 9),
    )
    return clinician, client


def test_creating_a_client_is_in_the_log_naming_the_client_by_pseudonym(marguerite):
    clinician, client = marguerite
    entry = AuditEvent.objects.get(action="client.create")
    assert entry.actor_id == clinician.pk
    assert entry.outcome == "allowed"
    assert entry.resource_type == "client"
    assert HEX32.fullmatch(entry.client)
    assert entry.client == client_pseudonym(client.pk)
    assert entry.client not in (str(client.pk), client.pk.hex, client.pk.hex[:32])


def test_a_clients_pseudonym_is_stable_for_one_client_and_differs_between_clients(make_staff):
    actor = make_staff(Role.CLINICIAN).pk
    one = client_create(actor_id=actor, legal_name="Ana Silva")
    two = client_create(actor_id=actor, legal_name="Ana Silva")
    audit_record(actor_id=actor, action="client.view", client_id=one.pk)
    by_client = list(AuditEvent.objects.order_by("seq").values_list("client", flat=True))
    assert by_client == [client_pseudonym(one.pk), client_pseudonym(two.pk), by_client[0]]
    assert by_client[0] != by_client[1]


def test_a_clients_pseudonym_needs_the_practice_key(marguerite, monkeypatch):
    _, client = marguerite
    ours = client_pseudonym(client.pk)
    other_practice = Keyring.generate()
    monkeypatch.setattr(blind_index, "keyring", lambda: other_practice)
    assert client_pseudonym(client.pk) != ours


def test_a_clients_name_appears_in_no_column_of_the_log(marguerite):
    _, client = marguerite
    audit_record(actor_id=1, action="client.view", client_id=client.pk)
    assert Client.objects.filter(legal_name_index=name_digest(NAME)).exists()
    needles = [
        "marguerite",
        "okonkwo",
        "lindqvist",
        "margo",
        "1984-03-09",
        name_digest(NAME),
    ]
    rows = raw_rows()
    assert len(rows) == 2
    for row in rows:
        for value in row:
            text = as_text(value).casefold()
            for needle in needles:
                assert needle not in text


def test_a_client_entry_carries_no_client_uuid(marguerite):
    _, client = marguerite
    for row in raw_rows():
        for value in row:
            assert str(client.pk) not in as_text(value)
            assert client.pk.hex not in as_text(value)


# --- Request ids ---------------------------------------------------------------------------

SETUP_FORM = {
    "practice_name": "Harbour Psychology",
    "full_name": "Ada Owner",
    "email": "ada@harbour.example",
    "password1": "quiet tidal morning lantern",
    "password2": "quiet tidal morning lantern",
}


def test_the_entries_of_one_request_share_its_request_id_and_no_other_request_has_it(client):
    client.get(f"/setup/{setup_link_issue()}")
    response = client.post("/setup/", SETUP_FORM)
    assert response.status_code == 302
    setup = list(AuditEvent.objects.order_by("seq"))
    assert [e.action for e in setup] == ["practice.create", "account.sign_in"]
    request_ids = {e.request_id for e in setup}
    assert len(request_ids) == 1
    (setup_request,) = request_ids
    assert re.fullmatch(r"[0-9a-f]{16}", setup_request)

    client.post("/accounts/logout/")
    sign_out = AuditEvent.objects.get(action="account.sign_out")
    assert sign_out.request_id and sign_out.request_id != setup_request


def test_an_entry_made_outside_a_request_has_no_request_id(client, practice):
    client.get("/")
    entry = audit_record(actor_id=None, action="system.job")
    assert AuditEvent.objects.get(queued_as=entry).request_id == ""


# --- Fail closed: the entry and the action share one transaction ---------------------------


def test_a_role_change_whose_entry_cannot_be_written_is_not_saved(make_staff, refused_by_db):
    owner = make_staff(Role.OWNER)
    member = make_staff(Role.FRONT_DESK)
    with refused_by_db("INSERT", "audit_queuedentry"):
        with pytest.raises(DatabaseError, match="refused by the test"):
            staff_roles_set(actor=owner, user=member, roles=["billing"])
    assert User.objects.get(pk=member.pk).roles == {Role.FRONT_DESK}
    assert seqs() == [] and head_size() == 0 and queued() == 0


on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite numbers entries in the action's transaction"
)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL numbers entries after the commit"
)


@on_sqlite
def test_on_sqlite_a_client_is_not_created_when_the_log_cannot_number_its_entry(
    make_staff, refused_by_db
):
    actor = make_staff(Role.CLINICIAN).pk
    AuditHead.objects.get_or_create(pk=1)
    with refused_by_db("UPDATE", "audit_audithead"):
        with pytest.raises(DatabaseError, match="refused by the test"):
            client_create(actor_id=actor, legal_name=NAME)
    assert not Client.objects.exists()
    assert seqs() == [] and queued() == 0


@on_postgresql
def test_on_postgresql_an_entry_the_log_cannot_number_yet_waits_in_the_queue(
    make_staff, refused_by_db
):
    actor = make_staff(Role.CLINICIAN).pk
    AuditHead.objects.get_or_create(pk=1)
    with refused_by_db("UPDATE", "audit_audithead"):
        client_create(actor_id=actor, legal_name=NAME)  # its entry is written: it stands
        with pytest.raises(DatabaseError, match="refused by the test"), transaction.atomic():
            seqs()  # a reader cannot get a log that leaves the entry out
        assert queued() == 1
    assert seqs() == [0] and queued() == 0
    assert AuditEvent.objects.get(seq=0).action == "client.create"
    assert audit_verify().ok


def test_an_action_that_swallows_its_entrys_failure_still_cannot_save(practice, refused_by_db):
    with refused_by_db("INSERT", "audit_queuedentry"):
        with transaction.atomic():  # the action's transaction
            practice.name = "Renamed Without A Trace"
            practice.save()
            try:
                audit_record(actor_id=1, action="practice.settings_update")
            except DatabaseError:
                pass  # careless code that carries on
    practice.refresh_from_db()
    assert practice.name == "Harbour Psychology"
    assert seqs() == [] and queued() == 0


@on_sqlite
def test_on_sqlite_an_entry_whose_checkpoint_cannot_be_signed_is_not_kept(append, refused_by_db):
    append(3)
    # No checkpoint time on the head: the next entry is due a checkpoint.
    AuditHead.objects.filter(pk=1).update(last_checkpoint_at=None)
    with refused_by_db("INSERT", "audit_auditcheckpoint"):
        with pytest.raises(DatabaseError, match="refused by the test"):
            with transaction.atomic():  # the action's own transaction
                audit_record(actor_id=1, action="client.view")
    assert seqs() == [0, 1, 2] and head_size() == 3
    append(2)
    assert seqs() == [0, 1, 2, 3, 4]
    assert audit_verify().ok


@on_postgresql
def test_on_postgresql_an_entry_whose_checkpoint_cannot_be_signed_waits_until_it_can(
    append, refused_by_db
):
    append(3)
    AuditHead.objects.filter(pk=1).update(last_checkpoint_at=None)
    with refused_by_db("INSERT", "audit_auditcheckpoint"):
        entry = audit_record(actor_id=1, action="client.view")
        with pytest.raises(DatabaseError, match="refused by the test"), transaction.atomic():
            audit_sequence()
        assert queued() == 1 and head_size() == 3
    assert seqs() == [0, 1, 2, 3]
    assert AuditEvent.objects.get(seq=3).queued_as == entry
    assert AuditCheckpoint.objects.filter(tree_size=4).exists()
    assert audit_verify().ok


def test_an_action_that_fails_after_its_entry_was_appended_leaves_no_entry_and_no_gap(
    append, make_staff
):
    actor = make_staff(Role.CLINICIAN).pk
    append(2)

    class Refused(Exception):
        pass

    with pytest.raises(Refused):
        with transaction.atomic():
            client_create(actor_id=actor, legal_name=NAME)
            assert seqs() == [0, 1, 2]
            raise Refused
    assert not Client.objects.exists()
    assert seqs() == [0, 1] and head_size() == 2

    client_create(actor_id=actor, legal_name="Ana Silva")
    append(2)
    assert seqs() == [0, 1, 2, 3, 4] and head_size() == 5
    assert AuditEvent.objects.get(seq=2).action == "client.create"
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == 5


AWKWARD = [
    'said "no" twice',
    "back\\slash and /slash",
    "line one\nline two\ttabbed\r",
    "control \x01\x1f and delete \x7f",
    "Zoë, Łódź, 東京, مرحبا, 🙂",
    "\u2028\u2029 separators",
]


def test_entries_with_quotes_control_characters_and_any_script_hash_as_the_verifier_does():
    # The sequencer hashes what the database gives back; the verifier reads it back the same.
    for n, reason in enumerate(AWKWARD):
        audit_record(actor_id=n, action="break_glass.open", reason=reason, resource_id="x")
    rows = AuditEvent.objects.order_by("seq").values_list(*LEAF_FIELDS, "leaf_hash", "reason")
    for row in rows:
        assert merkle.leaf_hash(leaf_data(row[:-2])) == bytes(row[-2])
        assert leaf_hash_of(row[:-2]) == bytes(row[-2])  # verification's one-step form
    assert [row[-1] for row in rows] == AWKWARD
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == len(AWKWARD)


def test_entries_appended_in_one_transaction_and_alone_form_one_verifiable_log():
    audit_record(actor_id=1, action="client.view")
    with transaction.atomic():
        for n in range(5):
            audit_record(actor_id=n, action="note.read", resource_id=n)
    audit_record(actor_id=2, action="client.view")
    assert seqs() == list(range(7)) and head_size() == 7
    frontier = merkle.Frontier()
    for event in AuditEvent.objects.order_by("seq"):
        frontier.append(bytes(event.leaf_hash))
        assert bytes(event.root_after) == frontier.root()
    assert audit_verify().ok


def test_entries_recorded_together_are_numbered_in_order_and_verify():
    audit_record(actor_id=1, action="client.view")
    entries = audit_record_many(
        [{"actor_id": 7, "action": f"part.{n}", "resource_id": n} for n in range(4)]
    )
    stored = AuditEvent.objects.filter(seq__gte=1).order_by("seq")
    assert [e.seq for e in stored] == [1, 2, 3, 4]
    assert [e.queued_as for e in stored] == entries
    assert [e.action for e in stored] == ["part.0", "part.1", "part.2", "part.3"]
    assert audit_verify().ok


def test_entries_recorded_together_are_kept_all_or_none():
    audit_record(actor_id=1, action="client.view")
    # The database refuses the second entry of the batch only.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION test_refuse_b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.action = 'b' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                "RETURN NEW; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER test_refuse_b BEFORE INSERT ON audit_queuedentry "
                "FOR EACH ROW EXECUTE FUNCTION test_refuse_b()"
            )
        else:
            cursor.execute(
                "CREATE TRIGGER test_refuse_b BEFORE INSERT ON audit_queuedentry "
                "WHEN NEW.action = 'b' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
    with pytest.raises(DatabaseError, match="refused by the test"), transaction.atomic():
        audit_record_many([{"actor_id": 2, "action": "a"}, {"actor_id": 2, "action": "b"}])
    assert seqs() == [0] and head_size() == 1 and queued() == 0
    assert audit_verify().ok


def test_a_batch_due_a_checkpoint_by_time_signs_one_not_one_per_entry():
    audit_record(actor_id=1, action="client.view")
    audit_sequence()
    AuditHead.objects.filter(pk=1).update(last_checkpoint_at=None)
    before = AuditCheckpoint.objects.count()
    audit_record_many([{"actor_id": 3, "action": f"x{n}"} for n in range(5)])
    audit_sequence()
    assert AuditCheckpoint.objects.count() == before + 1
    assert audit_verify().ok
