"""Benchmark: sealing against raw AES-GCM, audit appends, and verification against raw hashing.

Run: .venv/bin/python bench/crypto_audit.py [--events N]

How it measures: each database runs in its own child process on a fresh install (a SQLite
file in a temporary ALCOVE_DATA_DIR; a scratch PostgreSQL database `alcove_bench_perf` on
127.0.0.1:5432). Times are wall-clock (time.perf_counter) over one pass, after a warm-up.
- a chart: the development notes of bench/deid/data (180 real-style notes of 528 to 1,589
  bytes, repeated to 5,760) as one client's note versions, sealed with SealedField.seal_many,
  saved, read back with values_list("pk", "body") (not timed) and opened with
  Decision.open_column (the bulk paths: exports, rotation), against AESGCM.encrypt/decrypt
  on the same texts with one key, fresh nonces and associated data of the same length. Both
  sides encode, decode and keep what they make in a list, as any bulk reader must. Opening
  the same values from model rows (Decision.open_many, a note's addenda) is shown beside it.
  Best of 5 passes each, taken in turn; the same again per value size below.
- seal/open one at a time: values of 200 bytes, 4 KiB and 64 KiB (20,000 of the small
  ones, fewer of the large) through SealedField.seal and Decision.open (keys cached, as in a running
  server), against AESGCM.encrypt/decrypt on the same bytes with one key, fresh nonces
  and associated data of the same length. Each of the four is the best of 5 passes,
  taken in turn. The floor beside each ratio is a bare loop doing only what every value
  of this format must (its associated data joined from row and client, the key version
  written or read, the key found in a dict) around the same AES-GCM call: what no code
  in Python that binds each value to its row can beat.
- append: entries per second until every one is numbered and hashed into the log (the
  clock stops when the queue is empty, so the sequencer's work is counted). On PostgreSQL
  first the headline: N entries from 4 app processes at once, one entry per committed
  transaction (one per request), each process numbering its own with its background
  sequencer. Then, from one process: N entries each in its own committed transaction,
  N more in transactions of 50 (a request that records several), and N more fifty at a
  time through audit_record_many (one pipelined round trip each).
- verify: audit_verify() over the whole log (reads every entry in one snapshot, a stretch
  at a time, as the database writes it out in JSON; rehashes it, rebuilds the tree, checks
  every checkpoint; on PostgreSQL two more connections read ahead), against hashlib
  computing the same leaf hashes and the tree root from the same canonical bytes already
  in memory (so the raw figure leaves out reading the entries and encoding them). Each
  is the best of 5 passes, taken in turn: one pass over 40,000 entries lasts a tenth of a
  second, and a database still vacuuming after the appends can halve a single pass.
Goals (issue 3): seal/open >= 0.7 of raw (throughput: measured on a chart's data);
append >= 2,000/s on PostgreSQL; verify >= 0.3 of raw.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = (200, 4096, 65536)  # a name; a progress note; a scanned page
WRITERS = 4
PASSES = 5  # each figure and its raw counterpart: the best of this many passes, in turn
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "alcove_bench_perf"  # this benchmark's own scratch database, dropped afterwards


def _setup(backend: str, data_dir: str) -> None:
    os.environ.update({"ALCOVE_DATA_DIR": data_dir, "ALCOVE_KEY_PROVIDER": "local"})
    if backend == "postgres":
        os.environ["ALCOVE_DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_BENCH}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alcove.settings")
    sys.path.insert(0, ROOT)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def bench_seal_open(count: int = 20_000, size: int = 200) -> dict[str, float]:
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from alcove.access.decisions import Decision
    from alcove.audit.services import decision_record
    from alcove.clients.models import Client
    from alcove.clients.services import client_create

    client = client_create(actor_id=None, legal_name="Bench Client")
    field = Client._meta.get_field("legal_name")
    text = "x" * size
    decision = decision_record(
        Decision(True, None, "read", "demographics", client.pk, "client", str(client.pk), "bench")
    )
    field.seal(client, text)  # warm the key cache
    aead, data = AESGCM(secrets.token_bytes(32)), text.encode()
    aad = b"a" * len(field.aad(client))
    seal_s = open_s = raw_seal_s = raw_open_s = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        sealed = [field.seal(client, text) for _ in range(count)]
        seal_s = min(seal_s, time.perf_counter() - start)
        start = time.perf_counter()
        for ciphertext in sealed:
            client.__dict__["legal_name"] = ciphertext
            decision.open(client.legal_name)
        open_s = min(open_s, time.perf_counter() - start)

        start = time.perf_counter()
        raw = []
        for _ in range(count):
            nonce = secrets.token_bytes(12)
            raw.append(nonce + aead.encrypt(nonce, data, aad))
        raw_seal_s = min(raw_seal_s, time.perf_counter() - start)
        start = time.perf_counter()
        for blob in raw:
            aead.decrypt(blob[:12], blob[12:], aad).decode()
        raw_open_s = min(raw_open_s, time.perf_counter() - start)
    return {
        "seal_per_s": _rate(count, seal_s),
        "open_per_s": _rate(count, open_s),
        "raw_seal_per_s": _rate(count, raw_seal_s),
        "raw_open_per_s": _rate(count, raw_open_s),
    } | _floor(count, data, aad, aead, raw_seal_s, raw_open_s)


def _chart_texts() -> list[str]:
    """A chart's note text: the development notes of bench/deid/data (real-style therapy and
    hospital notes, 528 to 1,589 bytes each), thirty-two times over for a steadier clock."""
    path = os.path.join(ROOT, "bench", "deid", "data", "notes.jsonl")
    with open(path, encoding="utf-8") as notes:
        return [json.loads(line)["text"] for line in notes] * 32


def _chart_rows(texts: list[str]) -> tuple[Any, list[Any]]:
    """A client, and one note's versions for them (unsaved), one per text."""
    from alcove.accounts.models import User
    from alcove.clients.services import client_create
    from alcove.notes.models import Note, NoteKind, NoteVersion

    client = client_create(actor_id=None, legal_name="Bench Chart")
    author = User.objects.create_user(f"{uuid.uuid4().hex}@bench.example", uuid.uuid4().hex)
    note = Note.objects.create(client=client, author=author, kind=NoteKind.PROGRESS)
    rows = [
        NoteVersion(id=uuid.uuid4(), note=note, number=n, client_id_copy=client.pk)
        for n in range(len(texts))
    ]
    return client, rows


def bench_bulk(texts: list[str]) -> dict[str, float]:
    """Seal and open one field of many rows of one client at once, against raw AES-GCM doing
    the same to the same texts. Both keep what they make in a list, as any bulk reader must.
    Sealed with SealedField.seal_many; saved; read back as `values_list("pk", "body")` reads
    them (not timed); opened with Decision.open_column, and from model rows with open_many."""
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from alcove.access.decisions import Decision
    from alcove.audit.services import decision_record
    from alcove.notes.models import NoteVersion

    client, rows = _chart_rows(texts)
    field = NoteVersion._meta.get_field("body")
    decision = decision_record(
        Decision(True, None, "read", "clinical", client.pk, "note", "bench", "bench")
    )
    aead, aad = AESGCM(secrets.token_bytes(32)), b"a" * len(field.aad(rows[0]))
    seal_s = open_s = rows_s = raw_seal_s = raw_open_s = float("inf")
    for n in range(PASSES):
        start = time.perf_counter()
        sealed = field.seal_many(rows, texts, client=client.pk)
        seal_s = min(seal_s, time.perf_counter() - start)
        for row, ciphertext in zip(rows, sealed, strict=True):
            row.__dict__["body"] = ciphertext
        if n == 0:
            NoteVersion.objects.bulk_create(rows, batch_size=500)
            stored = NoteVersion.objects.filter(note__client=client).order_by("number")
            pairs = list(stored.values_list("pk", "body"))
        start = time.perf_counter()
        opened = decision.open_column(NoteVersion, "body", pairs)
        open_s = min(open_s, time.perf_counter() - start)
        assert opened == texts
        start = time.perf_counter()
        opened = decision.open_many(rows, "body")
        rows_s = min(rows_s, time.perf_counter() - start)

        start = time.perf_counter()
        raw = []
        for text in texts:
            nonce = os.urandom(12)
            raw.append(nonce + aead.encrypt(nonce, text.encode(), aad))
        raw_seal_s = min(raw_seal_s, time.perf_counter() - start)
        start = time.perf_counter()
        opened = [aead.decrypt(blob[:12], blob[12:], aad).decode() for blob in raw]
        raw_open_s = min(raw_open_s, time.perf_counter() - start)
    size = sum(len(t.encode()) for t in texts)
    return {
        "bytes": size,
        "values": len(texts),
        "seal_ratio": raw_seal_s / seal_s,
        "open_ratio": raw_open_s / open_s,
        "open_rows_ratio": raw_open_s / rows_s,
        "seal_mb_s": size / seal_s / 1e6,
        "open_mb_s": size / open_s / 1e6,
    }


def _floor(
    count: int, data: bytes, aad: bytes, aead: object, raw_seal_s: float, raw_open_s: float
) -> dict[str, float]:
    """The least any sealed value in this format costs in Python, as a share of raw: a loop
    with nothing but what each value must do (join its associated data from the row and
    client, write or read the key version, find the key among those in hand) around the
    same AES-GCM call. No field, descriptor, decision or cache: a ceiling on any ratio."""
    import os
    import struct
    import uuid

    header, rows = struct.Struct(">BI"), [uuid.uuid4() for _ in range(count)]
    # The same length of associated data as the raw loop's: a prefix, then row (16), "|",
    # client (16) and "|record" (7), as a sealed field joins them.
    client, prefix, suffix = uuid.uuid4().bytes, aad[: len(aad) - 40], b"|record"
    in_hand = {1: aead}
    seal_s = open_s = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        sealed = []
        for row in rows:
            bound = b"".join((prefix, row.int.to_bytes(16), b"|", client, suffix))
            nonce = os.urandom(12)
            sealed.append(header.pack(1, 1) + nonce + in_hand[1].encrypt(nonce, data, bound))  # type: ignore[attr-defined]
        seal_s = min(seal_s, time.perf_counter() - start)
        start = time.perf_counter()
        for row, blob in zip(rows, sealed, strict=True):
            bound = b"".join((prefix, row.int.to_bytes(16), b"|", client, suffix))
            key = in_hand[header.unpack_from(blob)[1]]
            key.decrypt(blob[5:17], blob[17:], bound).decode()  # type: ignore[attr-defined]
        open_s = min(open_s, time.perf_counter() - start)
    return {"floor_seal": raw_seal_s / seal_s, "floor_open": raw_open_s / open_s}


def _numbered(count: int) -> None:
    """Wait for the sequencer, number anything still queued, and check nothing is missing."""
    from alcove.audit.models import AuditHead, QueuedEntry
    from alcove.audit.sequencer import audit_sequence

    audit_sequence()
    assert not QueuedEntry.objects.exists()
    head = AuditHead.objects.get(pk=1)
    assert head.size == count, (head.size, count)


def bench_append(events: int) -> dict[str, float]:
    from django.db import transaction

    from alcove.audit.models import AuditHead
    from alcove.audit.services import audit_record, audit_record_many

    client_id = uuid.uuid4()

    def one(n: int) -> None:
        audit_record(
            actor_id=n, action="note.read", resource_type="note", resource_id=n, client_id=client_id
        )

    _numbered(size := AuditHead.objects.get(pk=1).size)
    one(0)
    _numbered(size := size + 1)
    start = time.perf_counter()
    for n in range(events):
        one(n)
    _numbered(size := size + events)
    single_s = time.perf_counter() - start
    start = time.perf_counter()
    for batch in range(0, events, 50):
        with transaction.atomic():
            for n in range(batch, min(batch + 50, events)):
                one(n)
    _numbered(size := size + events)
    batched_s = time.perf_counter() - start
    start = time.perf_counter()
    for batch in range(0, events, 50):
        audit_record_many(
            [
                {"actor_id": n, "action": "note.read", "resource_type": "note", "resource_id": n}
                for n in range(batch, min(batch + 50, events))
            ]
        )
    _numbered(size := size + events)
    together_s = time.perf_counter() - start
    return {
        "append_per_s": _rate(events, single_s),
        "append_batched_per_s": _rate(events, batched_s),
        "append_together_per_s": _rate(events, together_s),
    }


def _app_process(worker: int, each: int, start: object) -> None:
    """One app process: one entry per committed transaction, as one per request."""
    from alcove.audit.sequencer import sequencer_stop
    from alcove.audit.services import audit_record

    audit_record(actor_id=worker, action="client.view")  # connect before the clock starts
    start.wait()  # type: ignore[attr-defined]
    for n in range(each):
        audit_record(actor_id=worker, action="note.read", resource_type="note", resource_id=n)
    sequencer_stop()  # its background sequencer numbers what is left, then ends


def bench_append_processes(events: int, writers: int = WRITERS) -> dict[str, float]:
    """Several app processes appending at once, one entry per transaction."""
    import multiprocessing

    from django.db import connections

    from alcove.audit.models import AuditHead
    from alcove.audit.sequencer import audit_sequence, sequencer_stop

    audit_sequence()
    sequencer_stop()
    size = AuditHead.objects.get(pk=1).size + writers  # with each process's first entry
    connections.close_all()  # each process opens its own
    each = events // writers
    fork = multiprocessing.get_context("fork")
    start = fork.Barrier(writers + 1)
    processes = [fork.Process(target=_app_process, args=(w, each, start)) for w in range(writers)]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    for process in processes:
        process.join()
        assert process.exitcode == 0
    _numbered(size + each * writers)
    return {"append_processes_per_s": _rate(each * writers, time.perf_counter() - began)}


def bench_verify() -> dict[str, float]:
    from alcove.audit import merkle
    from alcove.audit.leaf import LEAF_FIELDS, leaf_data
    from alcove.audit.models import AuditEvent
    from alcove.audit.sequencer import sequencer_stop
    from alcove.audit.verify import audit_verify

    # As `alcove audit verify` runs: in a process of its own, with no sequencer thread.
    sequencer_stop()
    verify_s = raw_s = float("inf")
    data = [leaf_data(row) for row in AuditEvent.objects.order_by("seq").values_list(*LEAF_FIELDS)]
    for _ in range(PASSES):
        start = time.perf_counter()
        report = audit_verify()
        verify_s = min(verify_s, time.perf_counter() - start)
        assert report.ok, report.problems
        start = time.perf_counter()
        leaves = [hashlib.sha256(b"\x00" + d).digest() for d in data]
        root = merkle.root_from_leaf_hashes(leaves)
        raw_s = min(raw_s, time.perf_counter() - start)
        assert root == report.root
    return {
        "entries": report.entries,
        "verify_per_s": _rate(report.entries, verify_s),
        "raw_hash_per_s": _rate(len(data), raw_s),
    }


def child(backend: str, events: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        _setup(backend, data_dir)
        results: dict[str, float] = {}
        if backend == "sqlite":
            for size in SIZES:
                count = min(20_000, 80_000_000 // size)
                measured = bench_seal_open(count=count, size=size)
                results |= {f"{k}_{size}": v for k, v in measured.items()}
                measured = bench_bulk(["x" * size] * count)
                results |= {f"bulk_{k}_{size}": v for k, v in measured.items()}
            results |= {f"chart_{k}": v for k, v in bench_bulk(_chart_texts()).items()}
        if backend == "postgres":
            results |= bench_append_processes(events)
        results |= bench_append(events)
        results |= bench_verify()
        print(json.dumps(results))


def _postgres(action: str) -> bool:
    import psycopg

    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH}")
            if action == "create":
                conn.execute(f"CREATE DATABASE {PG_BENCH}")
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL unavailable ({type(exc).__name__}); skipping its figures.")
        return False
    return True


def run(backend: str, events: int) -> dict[str, float] | None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ALCOVE_")}
    done = subprocess.run(  # noqa: S603 (this very script, by its own path)
        [sys.executable, __file__, "--child", backend, "--events", str(events)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        print(done.stderr[-2000:])
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _print_seal_open(r: dict[str, float]) -> None:
    print(
        f"A chart: {r['chart_values']:,.0f} notes, {r['chart_bytes'] / 1e6:.2f} MB of note "
        "text, sealed and opened together (the throughput goal, >= 0.7 of raw AES-GCM):"
    )
    for verb in ("seal", "open"):
        ratio = r[f"chart_{verb}_ratio"]
        print(
            f"  {verb} {r[f'chart_{verb}_mb_s']:>6.1f} MB/s  ratio {ratio:.2f}  "
            f"({'met' if ratio >= 0.7 else 'NOT met'})"
        )
    print(
        f"  open from model rows (Decision.open_many) ratio {r['chart_open_rows_ratio']:.2f}: "
        "each row's attributes are read first"
    )
    print("Values of one size, many at once (seal_many; open_column, then open_many):")
    for size in SIZES:
        seal, opened = r[f"bulk_seal_ratio_{size}"], r[f"bulk_open_ratio_{size}"]
        rows = r[f"bulk_open_rows_ratio_{size}"]
        print(
            f"  {size:>5} B  seal ratio {seal:.2f}  open ratio {opened:.2f} ({rows:.2f} from rows)"
        )
    print("Values of one size, one at a time (SealedField.seal on save, Decision.open on a page):")
    for size in SIZES:
        for verb in ("seal", "open"):
            ours, raw = r[f"{verb}_per_s_{size}"], r[f"raw_{verb}_per_s_{size}"]
            print(
                f"  {verb} {size:>5} B {ours:>10,.0f}/s  raw AES-GCM {raw:>10,.0f}/s  "
                f"ratio {ours / raw:.2f}  ({1e6 / ours - 1e6 / raw:.2f} us more a value; "
                f"floor of any value bound in Python {r[f'floor_{verb}_{size}']:.2f})"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.events)
        return
    print(__doc__.split("Goals")[0].split("How it measures:")[1].strip(), end="\n\n")
    sqlite = run("sqlite", args.events)
    pg = run("postgres", args.events) if _postgres("create") else None
    if pg is not None:
        _postgres("drop")
    if sqlite:
        _print_seal_open(sqlite)
    for name, r in (("SQLite", sqlite), ("PostgreSQL", pg)):
        if r is None:
            continue
        goal = "  (goal >= 2,000/s)" if name == "PostgreSQL" else ""
        print(
            f"{name:<10} append {r['append_per_s']:>8,.0f}/s one per transaction, "
            f"{r['append_batched_per_s']:>8,.0f}/s fifty per transaction{goal}"
        )
        print(
            f"{name:<10} append {r['append_together_per_s']:>8,.0f}/s fifty recorded together "
            f"(audit_record_many, as the chart records its decisions){goal}"
        )
        if "append_processes_per_s" in r:
            print(
                f"{name:<10} append {r['append_processes_per_s']:>8,.0f}/s one per transaction "
                f"from {WRITERS} app processes at once (the headline){goal}"
            )
        ratio = r["verify_per_s"] / r["raw_hash_per_s"]
        print(
            f"{name:<10} verify {r['verify_per_s']:>8,.0f}/s over {r['entries']:,} entries; "
            f"raw hashlib {r['raw_hash_per_s']:>10,.0f}/s; ratio {ratio:.2f}  (goal >= 0.3)"
        )


if __name__ == "__main__":
    main()
