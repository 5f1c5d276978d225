"""Signed checkpoints, inclusion proofs, and `alcove audit verify` / `alcove audit checkpoint`."""

import json
import threading
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from alcove.audit import merkle
from alcove.audit.checkpoints import (
    Checkpoint,
    checkpoint_from_row,
    checkpoint_message,
    public_key,
    signature_valid,
)
from alcove.audit.leaf import LEAF_FIELDS, leaf_data
from alcove.audit.models import AuditCheckpoint, AuditEvent, AuditHead
from alcove.audit.sequencer import audit_sequence
from alcove.audit.services import audit_record
from alcove.audit.triggers import triggers_drop
from alcove.audit.verify import audit_verify

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _checkpoint_every_five(settings):
    settings.AUDIT_CHECKPOINT_EVERY = 5
    settings.AUDIT_CHECKPOINT_MINUTES = 60


def leaf_hashes() -> list[bytes]:
    return [
        bytes(h) for h in AuditEvent.objects.order_by("seq").values_list("leaf_hash", flat=True)
    ]


def checkpoints() -> dict[int, Checkpoint]:
    audit_sequence()  # checkpoints are signed as entries are numbered
    return {row.tree_size: checkpoint_from_row(row) for row in AuditCheckpoint.objects.all()}


def verify(*args: str) -> str:
    out = StringIO()
    call_command("audit", "verify", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def checkpoint_command() -> str:
    out = StringIO()
    call_command("audit", "checkpoint", stdout=out, stderr=StringIO())
    return out.getvalue()


def keep(tmp_path: Path, text: str) -> str:
    path = tmp_path / "checkpoint.json"
    path.write_text(text)
    return str(path)


def tamper(sql: str, params: list[Any]) -> None:
    """What someone with the database password could do: the triggers are only a fence."""
    triggers_drop(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[tuple[Any, ...]]:
    """Wrap module.name so that each call's arguments are recorded in the list returned."""
    calls: list[tuple[Any, ...]] = []
    real = getattr(module, name)

    def recorded(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(module, name, recorded)
    return calls


def other_key_sign(checkpoint: Checkpoint) -> Checkpoint:
    other = Ed25519PrivateKey.generate()
    return Checkpoint(
        tree_size=checkpoint.tree_size,
        root=checkpoint.root,
        signed_at=checkpoint.signed_at,
        signature=other.sign(checkpoint.message()),
        public_key=other.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )


# --- Checkpoints ---------------------------------------------------------------------------


def test_the_log_is_checkpointed_at_its_first_entry_and_every_fifth(append):
    append(12)
    assert sorted(checkpoints()) == [1, 5, 10]


def test_a_quiet_log_is_still_checkpointed_once_the_interval_has_passed(append):
    append(2)
    assert sorted(checkpoints()) == [1]
    AuditHead.objects.filter(pk=1).update(last_checkpoint_at=timezone.now() - timedelta(minutes=61))
    append(1)
    assert sorted(checkpoints()) == [1, 3]
    append(1)
    assert sorted(checkpoints()) == [1, 3]


def test_every_checkpoint_is_signed_by_the_practice_key_over_the_root_of_the_log(append):
    append(12)
    leaves = leaf_hashes()
    ours = public_key()
    for size, checkpoint in checkpoints().items():
        assert signature_valid(checkpoint, public=ours)
        assert not signature_valid(other_key_sign(checkpoint), public=ours)
        assert checkpoint.root == merkle.root_from_leaf_hashes(leaves[:size])
        assert checkpoint.root == bytes(AuditEvent.objects.get(seq=size - 1).root_after)


def test_each_stored_leaf_hash_is_the_hash_of_the_entry(append):
    append(6)
    for row in AuditEvent.objects.order_by("seq").values_list(*LEAF_FIELDS, "leaf_hash"):
        assert merkle.leaf_hash(leaf_data(row[:-1])) == bytes(row[-1])


def test_an_entry_is_proved_to_be_in_a_signed_checkpoint_with_a_few_hashes(append):
    append(12)
    leaves = leaf_hashes()
    for size, checkpoint in checkpoints().items():
        for index in range(size):
            proof = merkle.inclusion_proof(leaves[:size], index)
            merkle.verify_inclusion(index, size, leaves[index], proof, checkpoint.root)
    ten = checkpoints()[10]
    proof = merkle.inclusion_proof(leaves[:10], 3)
    with pytest.raises(merkle.ProofError):
        merkle.verify_inclusion(3, 10, leaves[4], proof, ten.root)


# --- alcove audit verify -------------------------------------------------------------------


def test_verify_says_the_log_verifies_with_its_number_of_entries(append):
    append(12)
    output = verify()
    assert "The audit log verifies: 12 entries, 3 signed checkpoints" in output


def test_a_printed_checkpoint_verifies_the_log_later(append, tmp_path):
    append(12)
    printed = checkpoint_command()
    document = json.loads(printed)
    assert document["tree_size"] == 12
    assert bytes.fromhex(document["root"]) == merkle.root_from_leaf_hashes(leaf_hashes())
    assert signature_valid(Checkpoint.from_json(printed), public=public_key())
    kept = keep(tmp_path, printed)
    append(3)
    assert "The audit log verifies: 15 entries" in verify("--against", kept)


def test_printing_a_checkpoint_twice_at_one_size_gives_the_same_checkpoint(append):
    append(4)
    assert checkpoint_command() == checkpoint_command()
    assert sorted(checkpoints()) == [1, 4]


def test_verify_names_the_entry_whose_action_was_changed(append):
    append(12)
    tamper("UPDATE audit_auditevent SET action = %s WHERE seq = %s", ["client.view", 7])
    with pytest.raises(CommandError, match=r"does NOT verify: entry 7 was altered"):
        verify()


def test_verify_names_the_first_changed_entry_when_its_hash_was_recomputed_too(append):
    append(12)
    row = AuditEvent.objects.filter(seq=7).values_list(*LEAF_FIELDS).get()
    changed = (*row[:3], "client.export", *row[4:])
    tamper(
        "UPDATE audit_auditevent SET action = %s, leaf_hash = %s WHERE seq = %s",
        ["client.export", merkle.leaf_hash(leaf_data(changed)), 7],
    )
    with pytest.raises(CommandError, match=r"does NOT verify: entry 7 does not match"):
        verify()


def test_an_entry_slipped_in_before_the_first_is_refused_or_found(append):
    # The triggers allow INSERT, so this needs only the application's database password.
    append(12)
    forged = AuditEvent.objects.get(seq=3)
    forged.seq, forged.action, forged.actor_id = -1, "note.read", 7
    forged.leaf_hash = merkle.leaf_hash(
        leaf_data(tuple(getattr(forged, name) for name in LEAF_FIELDS))
    )
    try:
        with transaction.atomic():
            AuditEvent.objects.bulk_create([forged])
    except IntegrityError:
        return  # the column's check constraint refuses numbers below zero
    with pytest.raises(CommandError, match="does NOT verify"):
        verify()


def test_a_kept_checkpoint_whose_root_was_altered_fails(append, tmp_path):
    append(12)
    document = json.loads(checkpoint_command())
    document["root"] = merkle.leaf_hash(b"another log").hex()
    with pytest.raises(CommandError, match="does NOT verify: the checkpoint at size 12"):
        verify("--against", keep(tmp_path, json.dumps(document)))


def test_a_kept_checkpoint_signed_by_another_key_fails(append, tmp_path):
    append(12)
    forged = other_key_sign(Checkpoint.from_json(checkpoint_command()))
    with pytest.raises(CommandError, match="is not signed by this practice's key"):
        verify("--against", keep(tmp_path, forged.to_json()))


def test_a_kept_checkpoint_shows_entries_removed_after_the_last_stored_one(append, tmp_path):
    append(12)
    kept = keep(tmp_path, checkpoint_command())
    # Remove entries 10 and 11 and every trace of them in the database.
    leaves = leaf_hashes()[:10]
    frontier = merkle.Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    tamper("DELETE FROM audit_auditevent WHERE seq >= %s", [10])
    tamper("DELETE FROM audit_auditcheckpoint WHERE tree_size > %s", [10])
    AuditHead.objects.filter(pk=1).update(size=10, frontier=frontier.to_bytes())
    with pytest.raises(CommandError, match="entries from 10 on were removed"):
        verify("--against", kept)


def test_a_log_emptied_below_a_stored_checkpoint_fails(append):
    append(12)
    tamper("DELETE FROM audit_auditevent WHERE seq >= %s", [8])
    AuditHead.objects.filter(pk=1).update(size=8)
    with pytest.raises(CommandError, match="entries from 8 on were removed"):
        verify()


def test_an_unreadable_checkpoint_file_is_refused(append, tmp_path):
    append(2)
    with pytest.raises(CommandError, match="Cannot read the checkpoint"):
        verify("--against", keep(tmp_path, "not a checkpoint"))


def test_a_checkpoint_message_covers_size_root_and_time():
    when = timezone.now()
    root = merkle.leaf_hash(b"x")
    base = checkpoint_message(5, root, when)
    assert base != checkpoint_message(6, root, when)
    assert base != checkpoint_message(5, merkle.leaf_hash(b"y"), when)
    assert base != checkpoint_message(5, root, when + timedelta(microseconds=1))


# --- Entries as the database writes them ----------------------------------------------------

AWKWARD = [
    'say "no"',
    "back\\slash",
    "line\nbreak\ttab\r",
    "\x01\x1f\x7f",
    "Zoë 中文 😀",
    "\u2028\u2029",
    "",
]


def test_the_database_writes_each_entry_exactly_as_verification_encodes_it(append):
    from alcove.audit.rehash import encoded_of, encoded_stretch_sql

    for i, text in enumerate(AWKWARD):
        audit_record(actor_id=None if i % 2 else i, action="note.read", rule=text, reason=text)
    audit_sequence()
    query = encoded_stretch_sql(connection.vendor, AuditEvent._meta.db_table, 0, None)
    assert query is not None
    with connection.cursor() as cursor:
        cursor.execute(*query)
        written = encoded_of(connection.vendor, cursor.fetchall())
    rows = AuditEvent.objects.order_by("seq").values_list(*LEAF_FIELDS)
    assert [bytes(entry) for entry in written.entries] == [leaf_data(row) for row in rows]
    assert written.hashes == b"".join(leaf_hashes())
    assert audit_verify().ok


@pytest.fixture
def database_writes_entries_differently(monkeypatch):
    """The database writes every entry otherwise than leaf.py (here: with a space after
    it): verification must still be decided by leaf.py's encoding. Counts stretches read
    twice (the arguments of each call to rehash)."""
    from alcove.audit import verify as verification

    encoded_of = verification.encoded_of

    def otherwise(vendor, rows):
        written = encoded_of(vendor, rows)
        return written._replace(entries=[entry + b" " for entry in written.entries])

    monkeypatch.setattr(verification, "encoded_of", otherwise)
    return spy(monkeypatch, verification, "rehash")


def test_a_log_the_database_encodes_differently_still_verifies(
    append, database_writes_entries_differently
):
    append(12)
    report = audit_verify()
    assert report.ok, report.problems
    assert report.entries == 12
    assert [start for _, start in database_writes_entries_differently] == [0]


def test_a_log_the_database_encodes_differently_still_names_the_changed_entry(
    append, database_writes_entries_differently
):
    append(12)
    tamper("UPDATE audit_auditevent SET reason = 'x' WHERE seq = 8", [])
    problems = audit_verify().problems
    assert problems and problems[0].startswith("entry 8 was altered"), problems


# --- Reading ahead on a second connection (PostgreSQL, long logs) ---------------------------


@pytest.fixture
def read_ahead_from_ten_entries(monkeypatch):
    """A second connection reads ahead for any log of ten entries or more, seven at a time."""
    from alcove.audit import verify as verification

    monkeypatch.setattr(verification, "READ_AHEAD_FROM", 10)
    monkeypatch.setattr(verification, "CHUNK", 7)
    return spy(monkeypatch, verification, "_rehashed_read_ahead")


def committed_log(n: int) -> None:
    for i in range(n):
        audit_record(actor_id=i, action="note.read", resource_type="note", resource_id=i)
        audit_sequence()


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a second connection shares a PostgreSQL snapshot"
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_reading_ahead_verifies_a_log_exactly_as_reading_in_turn_does(
    read_ahead_from_ten_entries,
):
    committed_log(40)
    report = audit_verify()
    assert len(read_ahead_from_ten_entries) == 1
    assert report.ok, report.problems
    assert (report.entries, report.checkpoints) == (40, 9)  # 1, 5, 10, ... 40
    assert report.root == merkle.root_from_leaf_hashes(leaf_hashes())


@on_postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE audit_auditevent SET action = 'x' WHERE seq = 23", "entry 23 was altered"),
        ("DELETE FROM audit_auditevent WHERE seq = 14", "entry 14 is missing"),
        ("DELETE FROM audit_auditevent WHERE seq = 20", "entry 20 is missing"),
        ("UPDATE audit_auditevent SET leaf_hash = root_after WHERE seq = 38", "entry 38 was"),
        ("DELETE FROM audit_auditevent WHERE seq >= 30", "the log has 30 entries"),
    ],
)
def test_reading_ahead_names_the_first_entry_that_does_not_match(
    read_ahead_from_ten_entries, sql, problem
):
    committed_log(40)
    tamper(sql, [])
    report = audit_verify()
    assert len(read_ahead_from_ten_entries) == 1
    assert report.problems and report.problems[0].startswith(problem), report.problems


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_entries_numbered_while_it_verifies_are_not_taken_for_tampering(
    read_ahead_from_ten_entries, monkeypatch
):
    from alcove.audit import verify as verification

    committed_log(40)
    appended: list[int] = []
    rehash_stretch = verification.rehash_encoded

    def rehash_then_append(rows, start):
        if not appended:  # another app process numbers more entries meanwhile
            appended.append(1)
            worker = threading.Thread(target=committed_log_elsewhere, args=(15,))
            worker.start()
            worker.join()
        return rehash_stretch(rows, start)

    monkeypatch.setattr(verification, "rehash_encoded", rehash_then_append)
    report = audit_verify()
    assert appended
    assert report.ok, report.problems
    assert report.entries == 40
    assert audit_verify().entries == 55


def committed_log_elsewhere(n: int) -> None:
    try:
        committed_log(n)
    finally:
        connection.close()
