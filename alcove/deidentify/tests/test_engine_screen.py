"""The screen (screen.py): a pattern's scan of a note is skipped only where the pattern cannot
match that note, so the engine finds exactly what it finds without the screen."""

import importlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alcove.deidentify.engine import find_spans

screen = importlib.import_module("alcove.deidentify.engine.screen")
needs_hyperscan = pytest.mark.skipif(
    screen.hyperscan is None, reason="hyperscan publishes no wheel for this platform"
)

DATA = Path(__file__).parents[3] / "bench" / "deid" / "data"


def development_texts() -> list[str]:
    """The generated notes, the notes written by hand and every fourth blind set: ASCII ones,
    as only those are screened."""
    texts = [json.loads(line)["text"] for line in (DATA / "notes.jsonl").read_text().splitlines()]
    texts.append((DATA / "handwritten.txt").read_text())
    for path in sorted(DATA.glob("blind*.jsonl"))[::4]:
        texts.extend(json.loads(line)["text"] for line in path.read_text().splitlines())
    return [text for text in texts if text.isascii()]


def skipped(text: str) -> list[tuple[re.Pattern[str], str]]:
    """The engine's screened patterns whose scans of the text are skipped, each with the text
    it scans (the note, or its lower case)."""
    screen.screen_start(text)
    try:
        seen = screen._NOW.seen
        if seen is None:
            return []
        return [
            (p, seen[1] if i in screen._LOWER else text)
            for i, p in enumerate(screen._PATTERNS)
            if not seen[2][i]
        ]
    finally:
        screen.screen_end()


@needs_hyperscan
def test_it_never_skips_a_pattern_that_matches_a_development_note() -> None:
    find_spans("x")  # (the engine imported, its patterns marked)
    texts = development_texts()
    skips = 0
    for text in texts:
        for pattern, scanned in skipped(text):
            skips += 1
            assert pattern.search(scanned) is None, pattern.pattern
    # (and it does skip: most screened patterns find nothing in most notes)
    assert skips > 20 * len(texts)


@needs_hyperscan
@settings(max_examples=300, deadline=None)
@given(st.data())
def test_it_never_skips_a_pattern_that_matches_a_piece_of_a_note(data: st.DataObject) -> None:
    # (a piece cut anywhere: a pattern's anchors and look-behinds meet the piece's ends)
    note = data.draw(st.sampled_from(NOTES_FOR_PIECES))
    start = data.draw(st.integers(0, len(note)))
    piece = note[start : data.draw(st.integers(start, min(len(note), start + 400)))]
    for pattern, scanned in skipped(piece):
        assert pattern.search(scanned) is None, pattern.pattern


NOTES_FOR_PIECES = [
    json.loads(line)["text"] for line in (DATA / "notes.jsonl").read_text().splitlines()[:60]
]


def database(*sources: str) -> tuple[object, bytes]:
    return screen.database_of([re.compile(source) for source in sources])


@needs_hyperscan
def test_its_classes_agree_with_pythons_on_every_ascii_character() -> None:
    classes = [r"\w", r"\W", r"\d", r"\D", r"\S", r".", r"x\b", r"x\B", r"(?i)k", r"[^\W\d_]"]
    made, always = database(*classes)
    assert not any(always[:-1]), "each class compiles"
    for code in range(128):
        text = f"x{chr(code)}"
        may = screen.may_match(text, made, always)
        if may is None:
            assert 0x1C <= code <= 0x1F  # (below)
            continue
        for i, source in enumerate(classes):
            assert bool(may[i]) == bool(re.search(source, text)), (source, code)


@needs_hyperscan
def test_a_note_holding_a_character_only_python_counts_as_space_is_not_screened() -> None:
    made, always = database(r"a\sb")
    assert screen.may_match("a b", made, always) == bytearray([1, 0])
    assert screen.may_match("a-b", made, always) == bytearray([0, 0])
    assert re.search(r"a\sb", "a\x1cb")  # (Python's \s: Hyperscan's would not say so)
    assert screen.may_match("a\x1cb", made, always) is None


@needs_hyperscan
def test_a_note_beyond_ascii_is_not_screened() -> None:
    made, always = database(r"caf\w")
    assert screen.may_match("café", made, always) is None
    find_spans("x")
    assert skipped("Seen with Zoë at the café.") == []


@needs_hyperscan
def test_a_pattern_it_cannot_compile_is_never_skipped() -> None:
    made, always = database(r"(?:a|)", r"a{,2}b", r"\N{EM DASH}", r"ok")
    assert list(always) == [1, 1, 1, 0, 0]
    assert screen.may_match("nothing here", made, always) == bytearray([1, 1, 1, 0, 0])


@pytest.mark.parametrize(
    ("source", "flags", "read"),
    [
        (r"\bMRN\Z", 0, r"\bMRN\z"),  # (Python's \Z is the very end: Hyperscan's \z)
        (r"[\u2013\u2014-]", 0, r"[\x{2013}\x{2014}-]"),
        (r"\\Z", 0, r"\\Z"),  # (a backslash, then Z)
        (r"a{,3}", 0, None),  # (a literal to Hyperscan)
        (r"\N{EM DASH}", 0, None),
        (r"\x41", 0, None),
        (r"[[:alpha:]]", 0, None),  # (a class of POSIX's to Hyperscan)
        (r"(?x) a b", 0, None),
        (r"stra\u00dfe", 0, r"stra\x{00df}e"),
        ("Pra\u00e7a", 0, r"Pra\x{00e7}a"),  # (the package takes only escapes beyond ASCII)
        (r"(?i:stra\u00dfe)", 0, r"(?i:stra\x{00df}e)"),
        # (case-blind, Python takes these for ASCII letters: the long s, the Kelvin sign)
        (r"[A-Z\u00c0-\u017f]", re.IGNORECASE, None),
        ("(?i)\u212a", 0, None),
        (r"x|(?i:[^\u0131])", 0, None),
    ],
)
def test_it_hands_hyperscan_only_what_means_the_same_to_it(
    source: str, flags: int, read: str | None
) -> None:
    assert screen.hyperscan_source(source, flags) == read


@needs_hyperscan
def test_the_installed_hyperscan_finds_the_match_vectorscan_5_4_12_misses() -> None:
    assert screen.trustworthy()
    pattern, text = screen.CANARY
    made, always = database(pattern)
    assert re.search(pattern, text)
    assert screen.may_match(text, made, always) == bytearray([1, 0])


@needs_hyperscan
def test_a_hyperscan_that_misses_a_known_match_screens_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(screen, "CANARY", (r"Georgia", "no state here"))
    made, always = database(r"\bRoute\b")
    assert made is None
    assert screen.may_match("Route 9", made, always) is None


@needs_hyperscan
def test_a_pattern_run_on_the_lower_case_is_read_case_blind_in_the_note() -> None:
    made, always = screen.database_of([re.compile(r"\bssn[ :]+\d{3}")], {0})
    assert screen.may_match("SSN: 123-45-6789", made, always) == bytearray([1, 0])
    assert screen.may_match("Seen: 123", made, always) == bytearray([0, 0])


@pytest.mark.parametrize("source", [r"x[^A-Z]", r"x[^a]", r"x(?![^a-z])"])
def test_a_pattern_refusing_a_letter_is_not_read_case_blind_for_the_lower_case(
    source: str,
) -> None:
    # ("[^A-Z]" takes the "a" of "xA".lower(); read case-blind in "xA", it refuses the "A")
    assert screen.hyperscan_source(source, 0) is not None
    assert screen.hyperscan_source(source, 0, lower=True) is None


def test_the_lower_case_keeps_every_offset() -> None:
    assert screen.lowered("İstanbul ÉCOLE") == "İstanbul école"  # ("i̇" would be two)


@needs_hyperscan
def test_the_lower_case_of_the_note_screened_is_the_string_the_screen_read() -> None:
    find_spans("x")
    note = "SSN 123-45-6789 on file"
    screen.screen_start(note)
    try:
        assert screen.lowered(note) is screen.lowered(note)  # (the string the screen read)
    finally:
        screen.screen_end()


def test_it_knows_every_character_python_takes_for_an_ascii_one_case_blind() -> None:
    folds = screen._ascii_folds()
    ascii_letters = [chr(c) for c in range(128) if chr(c).isalpha()]
    for code in range(0x80, 0x3000):
        pattern = re.compile(re.escape(chr(code)), re.IGNORECASE)
        takes = any(pattern.fullmatch(letter) for letter in ascii_letters)
        assert takes == (code in folds), hex(code)


def test_threads_screening_at_once_find_what_each_finds_alone() -> None:
    # (each thread's answers are for its own note: a tuple swapped whole, told by identity)
    from concurrent.futures import ThreadPoolExecutor

    notes = NOTES_FOR_PIECES[:24]
    alone = [find_spans(note) for note in notes]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(find_spans, notes)) == alone


def test_it_keeps_no_note_once_find_spans_returns() -> None:
    find_spans("Seen by Dr. Okafor at 44 Lantern Route on 3/2/2025.")
    assert screen._NOW.seen is None


@needs_hyperscan
def test_it_builds_its_database_once_and_loads_it_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALCOVE_DEID_CACHE", str(tmp_path))
    patterns = [re.compile(r"\bRoute\b"), re.compile(r"\d{3}-\d{4}")]
    _, always = screen._loaded_or_built(patterns)
    (cached,) = tmp_path.rglob("deid-screen-*")
    written = cached.stat().st_ino
    loaded, kept = screen._loaded_or_built(patterns)
    assert cached.stat().st_ino == written  # (read, not written again)
    assert kept == always
    assert screen.may_match("call 555-0142", loaded, kept) == bytearray([0, 1, 0])


def test_its_cache_is_keyed_by_the_code_that_spells_the_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = [re.compile(r"\bRoute\b")]
    before = screen._key(patterns, set())
    assert screen._key(patterns, {0}) != before  # (read case-blind: another database)
    (tmp_path / "screen.py").write_text("# spelt another way\n")
    monkeypatch.setattr(screen, "SOURCES", str(tmp_path))
    assert screen._key(patterns, set()) != before


@needs_hyperscan
def test_a_damaged_database_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALCOVE_DEID_CACHE", str(tmp_path))
    patterns = [re.compile(r"\bRoute\b")]
    screen._loaded_or_built(patterns)
    (cached,) = tmp_path.rglob("deid-screen-*")
    cached.write_bytes(b"not a database")
    made, always = screen._loaded_or_built(patterns)
    assert screen.may_match("Route 9", made, always) == bytearray([1, 0])


def test_without_hyperscan_every_pattern_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    note = "Seen by Dr. Okafor at 44 Lantern Route on 3/2/2025. Call 662-555-0142."
    expected = find_spans(note)
    monkeypatch.setattr(screen, "hyperscan", None)
    assert skipped(note) == []
    assert find_spans(note) == expected
