"""Benchmark: the de-identification engine's recall, precision and F2, and its throughput.

Run: .venv/bin/python bench/deid.py [--show-misses N] [--set SET]... [--no-speed]
     (--set held-out: the sets in HELD_OUT, pooled: the figure for notes no model learnt from)

How it measures:
- Sets: bench/deid/data/notes.jsonl (synthetic therapy and clinical notes written by
  bench/deid/generate.py, exact spans), handwritten.txt (notes written by hand, inline
  marks), blind.jsonl to blind6.jsonl (notes of many kinds written by hand, each before the
  rules it measures were looked at, made from blind*.txt by bench/deid/marked.py: blind2
  after the first's rules were done, blind3 after every rule of its branch, blind4 (46
  notes) before the allow-list sweep, blind5 (20) after it, blind6 (18) after blind5's
  rules; blind7 to blind17 (30 notes each) were written by helpers who never saw the engine
  or the other sets, during the context rules of 2026-12-03: 7 and 8 before them, 10 and
  11 after their first round, 9 held back until the second was in, 12 and 13 after the
  third, 14 and 15 after the fourth and fifth, 16 and 17 after the sixth, 18 and 19 after
  the last; blind20 to blind29 the same way on 2026-12-03 again, in five pairs, each pair
  written after the round of rules before it (20 and 21 before any, 28 and 29 after the
  last; 26 is practice outside the United States); blind30 and blind31 the same way in
  the next session, after its speed work and before any rule of its own; blind32 (mental
  health) and blind33 (hospital records) in the session after, before any rule from them,
  blind34 and blind35 (the same two kinds) after the rules from 32 and 33, blind36 and
  blind37 after those from 34 and 35, blind38 and blind39 after those from 36 and 37, and
  blind40 and blind41 after those from 38, and blind42 and blind43 after those from 40 and 41,
  and blind44 and blind45 in the session after, before any rule from them, blind46
  and blind47 after the rules from 44 and 45, blind48 and blind49 after those from
  46 and 47, blind50 and blind51 after those from 48 and 49, and blind52 and blind53
  after those from 50 and 51; blind54 and blind55 in the session after, after its rules
  from the earlier sets and before any rule from them; blind56 (mental health) and blind57
  (hospital) the same way in the session after that; blind58 to blind61 (mental health,
  hospital, outpatient mental health, inpatient and primary care) in the session after, before
  any rule or weight of its own, blind60 held out of the context weights until scored with
  them; blind62 to blind65 (discharge summaries, mental health, community and social care,
  outpatient and emergency) in the session after, before any rule or weight of its own;
  blind66 to blind69 (inpatient psychiatry, couples, family, child and group therapy,
  community, housing and substance use, hospital and clinic) in the session after that, the
  same way; blind70 to blind73 (outpatient mental health, hospital records in the i2b2 style,
  nursing, community and social care) in the session after, 71 to 73 after its first three
  rule commits, 70 after those and the rules from 72; blind74 to blind77 (private-practice
  psychotherapy, hospital records in the i2b2 style, inpatient psychiatry and substance use,
  child and youth services) in the session after, 75 and 76 after its rules from 70 to 73,
  74 and 77 after those and the rules from 76, each before any rule or weight of its own;
  blind78 to blind81 (outpatient mental health, hospital records in the i2b2 style, UK and
  Pacific nursing and inpatient mental health, community and family services) in the session
  after, after its first rule commit and before any rule or weight from them; blind82 to
  blind85 (private-practice psychotherapy, emergency and inpatient psychiatry, university
  counselling and training clinics outside the US, addiction and forensic programmes) the
  same way in the session after; blind86 to blind89 (couples, family and child therapy,
  group-practice and telehealth administration, training clinics and supervision in the UK,
  New Zealand, South Africa and Singapore, rural and community mental health) in the session
  after, after its speed commits (every span the same as at its start) and before any rule;
  blind90 to blind93 (outpatient psychiatry and psychotherapy, hospital records in the i2b2
  style, inpatient and residential psychiatric nursing in the US and Canada, school, college,
  youth and employee-assistance counselling) in the session after, written while its first
  rules (from blind86 to blind89) were made and scored on the engines before and after them;
  blind94 to blind97 (psychiatric emergency and inpatient psychiatry, hospital discharge
  summaries in the i2b2 style, private-practice psychotherapy, substance-use treatment and
  case management) in the same session, scored on its starting engine, then left unread until
  its rules were done and scored again (the commit that adds them gives both figures);
  blind98 to blind105 (outpatient psychiatry, hospital records in the i2b2 style, inpatient
  and residential nursing, couples, family and child therapy, forensic and correctional
  mental health, telehealth and secure messaging, community mental health and substance use,
  consultation-liaison psychiatry and medical social work) at the start of the session after,
  scored on its starting engine before anyone read them; blind106 to blind109 (outpatient
  psychotherapy and psychiatry, hospital records in the i2b2 style, inpatient psychiatry and
  crisis services, community mental health and social care) in the same session, after its
  rules, scored unread on its starting engine and its last (the commit gives both);
  blind110 to blind113 (group-practice outpatient psychotherapy and psychiatry, hospital
  records in the i2b2 style, inpatient psychiatry, emergency and crisis nursing in the US,
  Canada and the UK, community mental health and substance use) at the start of the session
  after, scored unread on its starting engine (the commit that adds them gives the figure);
  blind114 to blind117 (private-practice psychotherapy, testing and supervision, hospital
  records in the i2b2 style, child, adolescent and family services, forensic, correctional
  and telehealth mental health) in the same session, scored unread on its starting engine
  and after its far context model (the commit gives both); blind118 to blind121 (outpatient
  psychotherapy and psychiatry, hospital records in the i2b2 style, inpatient psychiatry,
  crisis and residential nursing in the US, Canada, the UK and New Zealand, community mental
  health, substance use and social work) at the start of the session after, scored unread on
  its starting engine (the commit that adds them gives the figure); blind122 to blind125
  (private-practice psychotherapy and psychological assessment, hospital records in the i2b2
  style, child, adolescent and family services in the US, the UK and Australia, forensic,
  correctional, veterans' and employee-assistance mental health) in the same session, after
  its numeral model, scored unread on its starting engine and its last (the commit gives both);
  blind126 to blind129 (outpatient psychotherapy and psychiatry, hospital records in the i2b2
  style, inpatient psychiatry, crisis and residential nursing in the US, Canada, the UK and
  Ireland, community mental health, substance use and social work) at the start of the
  session after, scored unread on its starting engine (the commit that adds them gives the
  figure); blind130 to blind133 (private-practice psychotherapy and psychological
  assessment, hospital records in the i2b2 style, child, adolescent and family services in
  the US, the UK, Canada and Australia, forensic, correctional, veterans' and
  employee-assistance mental health) in the same session, after its rules, scored unread on
  its starting engine and its latest (the commit gives both); blind134 to blind137 (outpatient
  psychotherapy and psychiatry, hospital records in the i2b2 style, inpatient psychiatry,
  crisis and residential nursing in the US, Canada, the UK and Australia, community mental
  health, substance use and social work) at the start of the session after, scored unread on
  its starting engine and after its first rules (the commit that adds them gives both);
  blind138 to blind141 (private-practice psychotherapy and psychological assessment,
  hospital records in the i2b2 style, child, adolescent and family services in the US, the
  UK, Canada and Australia, forensic, correctional, veterans' and employee-assistance mental
  health) at the start of the session after, scored unread on its starting engine (the
  commit that adds them gives the figure); blind142 to blind145 (outpatient psychotherapy
  and psychiatry, hospital records in the i2b2 style, inpatient psychiatry, crisis and
  residential nursing in five countries, community mental health and substance use) later
  in the same session, scored unread on its starting engine and its latest (the commit gives
  both); blind146 to blind149 (the kinds of blind138 to blind141) in the session after,
  written while its rules were made and scored unread on its starting engine and its latest
  (the commit gives both); blind150 to blind153 (the kinds of blind142 to blind145) in the
  session after, scored unread on its starting engine before anyone read them (the commit
  that adds them gives the figure), and blind154 to blind157 (the kinds of blind146 to
  blind149) later in that session, scored unread on its starting engine and its latest (the
  commit gives both); blind158 to blind165 (the kinds of blind150 to blind157) at the start
  of the session after, scored unread on its starting engine (the commit that adds them
  gives the figure); blind166 to blind169 (forensic and correctional; employee-assistance,
  occupational and veterans'; community mental health and substance use; hospital records
  in the i2b2 style) later in that session, scored unread on its starting engine and its
  engine then (the commit gives both), blind167 and blind168 read afterwards; blind170 to
  blind173 (employee-assistance and veterans'; community, homelessness and substance use;
  outpatient psychotherapy and psychiatry; inpatient and emergency psychiatry) at that
  session's end, scored unread on its starting engine and its last (the commit gives both);
  blind174 to blind177 (outpatient psychotherapy and psychiatry; hospital records in the
  i2b2 style; couples, family, child and school counselling; forensic, veterans' and
  employee-assistance) at the start of the session after, scored unread on its starting
  engine (the commit that adds them gives the figure);
  each was scored once untuned, its first figure in the commit that added it, and what is
  printed now is tuned, but for blind142 to blind177 save blind167 and blind168, which no one
  has read (rules have been drawn from blind122 to blind141, blind167 and blind168 since
  2026-12-05; every set here but blind122 to blind177, train_context.py's HELD_OUT, is also
  one the context weights were fitted on: bench/deid/train_context.py measures them on sets
  they were not);
  they mark US states and countries as LOCATION, the others do not) and
  ../shared/data/presidio_synth_dataset_v2.json (general PII from presidio-research, MIT
  licence), or $ALCOVE_PRESIDIO_SET.
- Tokens are runs of letters and digits. A token is an identifier in the gold standard
  when it lies inside a gold span, and found when it lies inside a span the engine returns
  (whatever the two types are: a name masked as a place is still masked; how many found
  tokens carry another type than the annotation's is printed beside, since the type decides
  the replacement). Recall, precision
  and F2 (recall weighed twice) are counted over all tokens; per type, recall counts gold
  tokens of that type and precision counts tokens the engine gave that type. Entity recall
  per type counts gold spans whose every token was found.
- Presidio's labels are mapped onto the engine's: PERSON->NAME, STREET_ADDRESS->ADDRESS,
  GPE->LOCATION, ORGANIZATION->ORGANIZATION, DATE_TIME->DATE, PHONE_NUMBER->PHONE,
  AGE->AGE, EMAIL_ADDRESS->EMAIL, ZIP_CODE->ZIP, DOMAIN_NAME->URL, IP_ADDRESS->IP,
  US_SSN->SSN, CREDIT_CARD, IBAN_CODE and US_DRIVER_LICENSE->ID. TITLE (Mr, Dr...) and NRP
  (nationality, religion, politics) are not identifiers under Safe Harbor: their tokens are
  left out of the counts altogether. Presidio marks states and countries (GPE) and every
  age; the engine masks states and countries by default (find_spans(keep_states=True) keeps
  them).
- Throughput: a fresh Python process pinned to one core (taskset when available) imports
  the engine, loads its dictionaries and compiled patterns (from their caches, built
  beforehand) and runs find_spans once over every text of the set; five such processes are
  timed (after one untimed one). The best of the five is the figure, as timeit takes the
  best of its repeats: what the code costs, with less of what else the machine was doing at
  the time (on this shared machine a process took from 1.25 to 1.48 s within a minute); the
  median is printed beside it. The engine's bytecode is cached, as
  for an installed program; where the environment forbids writing bytecode
  (PYTHONDONTWRITEBYTECODE), the figure with every module compiled at each start is printed
  as well. Start-up is included: the time runs from before the interpreter starts to its
  exit. KB/s = UTF-8 bytes of the texts / 1024 / seconds, given for the child's CPU time
  (user + system, from getrusage: fair on a machine others share) and for wall time (what a
  person waits, when the core is free).
  The first build of the caches (once per machine) is timed separately. Sets under
  64 KB are too small to measure throughput on: their figure would be start-up alone.
"""

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

NOTES = HERE / "deid" / "data" / "notes.jsonl"
DATA = HERE / "deid" / "data"
# blind.jsonl, blind2.jsonl ...: each written before the engine saw it (see above)
BLIND_SETS = ["blind", *(f"blind{n}" for n in range(2, 178))]
# The blind sets no model is fitted on (train_context.py leaves them out) until a later
# session has scored them: scored together as "held-out", the figure for notes the engine
# has not learnt from
HELD_OUT: tuple[str, ...] = tuple(f"blind{n}" for n in range(122, 178))
PRESIDIO = Path(
    os.environ.get(
        "ALCOVE_PRESIDIO_SET", ROOT.parent / "shared" / "data" / "presidio_synth_dataset_v2.json"
    )
)
PRESIDIO_MAP = {
    "PERSON": "NAME",
    "STREET_ADDRESS": "ADDRESS",
    "GPE": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "AGE": "AGE",
    "EMAIL_ADDRESS": "EMAIL",
    "ZIP_CODE": "ZIP",
    "DOMAIN_NAME": "URL",
    "IP_ADDRESS": "IP",
    "US_SSN": "SSN",
    "CREDIT_CARD": "ID",
    "IBAN_CODE": "ID",
    "US_DRIVER_LICENSE": "ID",
}
IGNORED = {"TITLE", "NRP"}
TOKEN = re.compile(r"[A-Za-z0-9]+")

Doc = dict[str, object]


def _jsonl(path: Path) -> list[Doc]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def load_notes() -> list[Doc]:
    return _jsonl(NOTES)


def load_blind(name: str) -> list[Doc]:
    path = DATA / f"{name}.jsonl"
    return _jsonl(path) if path.exists() else []


HANDWRITTEN = HERE / "deid" / "data" / "handwritten.txt"
MARK = re.compile(r"\[\[([A-Z]+)\|(.*?)\]\]", re.S)


def load_handwritten() -> list[Doc]:
    """Notes written by hand with inline marks: [[TYPE|text]]."""
    docs: list[Doc] = []
    body = "\n".join(
        line for line in HANDWRITTEN.read_text().splitlines() if not line.startswith("#")
    )
    for chunk in body.split("=== ")[1:]:
        name, _, marked = chunk.partition("\n")
        text_parts: list[str] = []
        spans: list[dict[str, object]] = []
        position = 0
        length = 0
        for m in MARK.finditer(marked):
            before = marked[position : m.start()]
            text_parts.append(before)
            length += len(before)
            spans.append({"start": length, "end": length + len(m.group(2)), "type": m.group(1)})
            text_parts.append(m.group(2))
            length += len(m.group(2))
            position = m.end()
        text_parts.append(marked[position:])
        docs.append({"id": name.strip(), "text": "".join(text_parts), "spans": spans})
    return docs


def load_presidio() -> list[Doc]:
    rows = json.loads(PRESIDIO.read_text())
    docs = []
    for n, row in enumerate(rows):
        spans = [
            {
                "start": s["start_position"],
                "end": s["end_position"],
                "type": PRESIDIO_MAP.get(s["entity_type"], s["entity_type"]),
            }
            for s in row["spans"]
        ]
        docs.append({"id": f"presidio-{n}", "text": row["full_text"], "spans": spans})
    return docs


def _label(tokens: list[tuple[int, int]], spans: list[dict[str, object]]) -> list[str | None]:
    labels: list[str | None] = [None] * len(tokens)
    for span in spans:
        start, end, kind = int(str(span["start"])), int(str(span["end"])), str(span["type"])
        for i, (a, b) in enumerate(tokens):
            if a < end and b > start:
                labels[i] = kind
    return labels


def f2(recall: float, precision: float) -> float:
    if recall + precision == 0:
        return 0.0
    return 5 * precision * recall / (4 * precision + recall)


def score(docs: list[Doc], show_misses: int = 0) -> None:
    from alcove.deidentify.engine import find_spans

    tp = fp = fn = mistyped = 0
    gold_by: Counter[str] = Counter()
    found_by: Counter[str] = Counter()
    pred_by: Counter[str] = Counter()
    right_by: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    entities_found: Counter[str] = Counter()
    misses: list[str] = []
    false: list[str] = []
    for doc in docs:
        text = str(doc["text"])
        gold_spans = list(doc["spans"])  # type: ignore[call-overload]
        tokens = [m.span() for m in TOKEN.finditer(text)]
        gold = _label(tokens, gold_spans)
        predicted_spans = [
            {"start": s.start, "end": s.end, "type": str(s.kind)} for s in find_spans(text)
        ]
        pred = _label(tokens, predicted_spans)
        for (a, b), g, p in zip(tokens, gold, pred, strict=True):
            if g in IGNORED:
                continue
            if g:
                gold_by[g] += 1
            if p:
                pred_by[p] += 1
            if g and p:
                tp += 1
                found_by[g] += 1
                right_by[p] += 1
                mistyped += g != p
            elif g:
                fn += 1
                misses.append(f"{g:<12} {text[a:b]!r:<24} …{text[max(0, a - 40) : b + 20]!r}")
            elif p:
                fp += 1
                false.append(f"{p:<12} {text[a:b]!r:<24} …{text[max(0, a - 40) : b + 20]!r}")
        for span in gold_spans:
            kind = str(span["type"])
            if kind in IGNORED:
                continue
            entities[kind] += 1
            inside = [
                i
                for i, (a, b) in enumerate(tokens)
                if a < int(span["end"]) and b > int(span["start"])
            ]
            if inside and all(pred[i] for i in inside):
                entities_found[kind] += 1
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"  tokens: {tp + fn} identifier tokens, {tp + fp} masked")
    print(f"  token recall {recall:.4f}  precision {precision:.4f}  F2 {f2(recall, precision):.4f}")
    # (the type decides the replacement: "Person A" for a clinician, "[ORGANIZATION]" for a town)
    share = mistyped / tp if tp else 0.0
    print(
        f"  identifier tokens masked under another type than the annotation's: {mistyped} "
        f"({share:.1%})"
    )
    print(
        f"  {'type':<13}{'gold tok':>9}{'recall':>8}{'masked':>8}{'precision':>10}{'F2':>7}"
        f"{'entities':>9}{'ent.rec':>8}"
    )
    for kind in sorted(set(gold_by) | set(pred_by)):
        r = found_by[kind] / gold_by[kind] if gold_by[kind] else float("nan")
        p = right_by[kind] / pred_by[kind] if pred_by[kind] else float("nan")
        er = entities_found[kind] / entities[kind] if entities[kind] else float("nan")
        both = f2(r, p) if gold_by[kind] and pred_by[kind] else float("nan")
        print(
            f"  {kind:<13}{gold_by[kind]:>9}{r:>8.3f}{pred_by[kind]:>8}{p:>10.3f}{both:>7.3f}"
            f"{entities[kind]:>9}{er:>8.3f}"
        )
    if show_misses:
        print("  missed:")
        for line in misses[:show_misses]:
            print("   ", line)
        print("  masked but not an identifier:")
        for line in false[:show_misses]:
            print("   ", line)


THROUGHPUT = """
import json, sys
from alcove.deidentify.engine import find_spans
texts = json.load(open(sys.argv[1]))
for text in texts:
    find_spans(text)
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


RUNS = 5


def _timed_runs(command: list[str], env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each of RUNS runs, after one untimed run (which warms the
    file cache and, where allowed, writes the bytecode)."""
    subprocess.run(command, check=True, cwd=ROOT, env=env)  # noqa: S603 (our own interpreter)
    walls, cpus = [], []
    for _ in range(RUNS):
        started, cpu = time.perf_counter(), _child_cpu()
        subprocess.run(command, check=True, cwd=ROOT, env=env)  # noqa: S603
        walls.append(time.perf_counter() - started)
        cpus.append(_child_cpu() - cpu)
    return sorted(walls), sorted(cpus)


def throughput(name: str, docs: list[Doc]) -> None:
    from alcove.deidentify.engine.native import native_folder

    texts = [str(d["text"]) for d in docs]
    size = sum(len(t.encode()) for t in texts)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(texts, handle)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    command = [*pin, sys.executable, "-c", THROUGHPUT, handle.name]
    # As an installed program starts: its bytecode cached, and the engine compiled by mypyc
    # where `make engine` has built it from these sources (native.py); the same engine as
    # Python is timed too. An environment that forbids writing bytecode
    # (PYTHONDONTWRITEBYTECODE) compiles every module at every start; that figure is given too.
    own = {k: v for k, v in os.environ.items() if k != "ALCOVE_DEID_PURE"}
    cached = {k: v for k, v in own.items() if k != "PYTHONDONTWRITEBYTECODE"}
    python = {**cached, "ALCOVE_DEID_PURE": "1"}
    compiled = native_folder() is not None  # (its fingerprint read once)
    runs = [("the engine compiled by mypyc", cached)] if compiled else []
    runs.append(("the engine as Python, bytecode cached", python))
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        every = {**own, "ALCOVE_DEID_PURE": "1"}
        runs.append(("as Python, modules compiled at each start, as this environment asks", every))
    if not compiled:
        print("  (no compiled engine of these sources: `make engine` builds it)")
    kb = size / 1024
    for label, env in runs:
        walls, cpus = _timed_runs(command, env)
        cpu, wall, middle = cpus[0], walls[0], cpus[RUNS // 2]
        print(
            f"  throughput ({name}, {kb:.0f} KB, one core, start-up included, {label}): "
            f"{kb / cpu:.0f} KB/s of CPU time ({cpu:.2f} s), {kb / wall:.0f} KB/s of wall time "
            f"({wall:.2f} s): the best of {RUNS} processes; their median {kb / middle:.0f} KB/s "
            "of CPU time"
        )
    os.unlink(handle.name)


def startup() -> None:
    command = [
        sys.executable,
        "-c",
        "from alcove.deidentify.engine import find_spans; find_spans('x')",
    ]
    # (once untimed first: on a fresh machine that run builds the caches the timed one reads)
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603
    warm = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as empty:
        env = dict(os.environ, ALCOVE_DEID_CACHE=empty)
        started = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, env=env)  # noqa: S603
        cold = time.perf_counter() - started
    print(f"start-up: {warm:.2f} s with the caches, {cold:.2f} s building it (once per machine)")
    print(f"machine: {machine_reference():.2f} s of CPU for a reference loop of 10 million steps")


def machine_reference() -> float:
    """A fixed pure-Python workload, so that throughput measured at different times or on
    different machines can be compared: KB/s scales roughly with its inverse. (On 2026-12-03
    it took from 0.7 to 2.2 s within the hour on this machine, and the notes ran at 100 to
    130 KB/s of CPU; the 2026-11-30 machine ran them at 217 to 221.)"""
    started = time.process_time()
    total = 0
    for step in range(10_000_000):
        total += step
    return time.process_time() - started


SETS = ["notes", "handwritten", *BLIND_SETS, "held-out", "presidio"]


def main() -> None:
    parser = argparse.ArgumentParser(description="De-identification benchmark.")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    parser.add_argument(
        "--set",
        choices=SETS,
        action="append",
    )
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    sets = args.set or SETS
    loaders = {
        "notes": load_notes,
        "handwritten": load_handwritten,
        **{name: partial(load_blind, name) for name in BLIND_SETS},
        "held-out": lambda: [doc for name in HELD_OUT for doc in load_blind(name)],
        "presidio": load_presidio,
    }
    if not args.no_speed:
        startup()
    for name in sets:
        docs = loaders[name]()
        if not docs:
            continue
        size = sum(len(str(d["text"]).encode()) for d in docs)
        print(f"\n{name}: {len(docs)} documents, {size / 1024:.0f} KB")
        score(docs, args.show_misses)
        if not args.no_speed and size >= 64 * 1024:
            throughput(name, docs)


if __name__ == "__main__":
    main()
