"""The engine compiled by mypyc (native.py, bin/compile-engine): used only when it was built
from the very sources beside it, and finding exactly what the sources find."""

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alcove.deidentify.engine import native

NOTES = [
    "Seen 03/14/2025 with Dana Moreau (DOB 4/2/1961), MRN 88213. Lives in Pennacook Falls.",
    "PT STATES MOTHER MARGIT CALLED 555-201-4478. BP 128/82. PLAN: F/U 2 WKS W/ DR OKAFOR.",
    "Client's employer (Harbour Freight Lines) emailed dana.m@example.org from 10.4.22.91.",
]


@pytest.fixture
def build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in build folder, with the engine's sources copied beside it."""
    sources = tmp_path / "engine"
    sources.mkdir()
    for path in native.compiled_sources():
        shutil.copy2(path, sources / os.path.basename(path))
    monkeypatch.setattr(native, "SOURCES", str(sources))
    monkeypatch.setattr(native, "NATIVE", str(sources / "_native"))
    monkeypatch.delenv("ALCOVE_DEID_PURE", raising=False)
    (sources / "_native").mkdir()
    return sources


def stamp(build: Path, value: str) -> None:
    (build / "_native" / native.STAMP).write_text(value + "\n")


def test_it_uses_a_build_made_from_these_very_sources(build: Path) -> None:
    stamp(build, native.fingerprint())
    assert native.native_folder() == str(build / "_native")


def test_it_runs_the_sources_once_one_of_them_is_edited_after_the_build(build: Path) -> None:
    stamp(build, native.fingerprint())
    with (build / "tokens.py").open("a") as source:
        source.write("\n# an edit made after the build\n")
    assert native.native_folder() is None


def test_it_runs_the_sources_when_there_is_no_build(build: Path) -> None:
    assert native.native_folder() is None


def test_it_runs_the_sources_when_the_environment_asks(
    build: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp(build, native.fingerprint())
    monkeypatch.setenv("ALCOVE_DEID_PURE", "1")
    assert native.native_folder() is None


def spans_in_a_process(notes: list[str], *, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ALCOVE_DEID_PURE"}
    if pure:
        env["ALCOVE_DEID_PURE"] = "1"
    code = (
        "import json, sys\n"
        "from alcove.deidentify.engine import find_spans, Known\n"
        "from alcove.deidentify.engine.native import running_native\n"
        "notes = json.load(sys.stdin)\n"
        "known = Known(client=['Dana Moreau'], employers=['Harbour Freight Lines'])\n"
        "found = [[list(s) for s in find_spans(n, known)] for n in notes]\n"
        "found += [[list(s) for s in find_spans(n)] for n in notes]\n"
        "print(json.dumps({'native': running_native(), 'spans': found}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(notes), capture_output=True, text=True,
        env=env, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


COMPILED = pytest.mark.skipif(
    native.native_folder() is None,
    reason="no compiled engine of these sources, or ALCOVE_DEID_PURE",
)


@COMPILED
def test_the_compiled_engine_finds_what_the_sources_find() -> None:
    compiled, sources = spans_in_a_process(NOTES, pure=False), spans_in_a_process(NOTES, pure=True)
    assert compiled["native"] and not sources["native"]
    assert compiled["spans"] == sources["spans"]
    assert all(compiled["spans"])  # (every note has something to find)


# (escaped: a right quotation mark, a double-struck zero, an Arabic-Indic three, a ligature)
ODD = ["José", "Zoë", "Łukasz", "北京", "😀", "\u200b", "\t", "\n\n", "—", "O\u2019Brien", "ß",
       "İstanbul", "ǅ", "½", "\u0663", "\U0001d7d8", "\ufb01", "MÜLLER", "3/14", "12:30", "#", "(",
       ":", "..."]  # fmt: skip


def mixed_notes(count: int) -> list[str]:
    """Words of the generated notes, odd characters among them, in capitals or lower case,
    and cut anywhere (seeded: the same texts at every run)."""
    pick = random.Random(37)  # noqa: S311 (texts to compare, no secret)
    path = Path(__file__).resolve().parents[3] / "bench" / "deid" / "data" / "notes.jsonl"
    words = " ".join(json.loads(line)["text"] for line in path.open()).split()
    notes = []
    for _ in range(count):
        chosen = [pick.choice(words if pick.random() < 0.8 else ODD) for _ in range(60)]
        text = pick.choice([" ", "\n", ", "]).join(chosen)
        text = pick.choice([text, text, text.upper(), text.lower()])
        notes.append(text[: pick.randint(0, len(text))])
    return notes


@COMPILED
def test_the_compiled_engine_finds_what_the_sources_find_in_odd_text() -> None:
    notes = mixed_notes(300)
    compiled, sources = spans_in_a_process(notes, pure=False), spans_in_a_process(notes, pure=True)
    assert compiled["native"] and not sources["native"]
    assert compiled["spans"] == sources["spans"]
