"""The engine's patterns as the C matcher gets them: with the set of characters a match
starts with (starts.py) and long alternations grouped by first letter (branches.py). They
find exactly what `re` finds, only sooner."""

import importlib
import json
import marshal
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from alcove.deidentify.engine.cachefiles import cache_contents

compiled = importlib.import_module("alcove.deidentify.engine.compiled")
starts = importlib.import_module("alcove.deidentify.engine.starts")
branches = importlib.import_module("alcove.deidentify.engine.branches")


def hinted(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return compiled._sre.compile(pattern, *compiled._entry(pattern, flags))


def start_set(pattern: str, flags: int = 0) -> list[object] | None:
    tree = compiled._parser.parse(pattern, flags)
    final = flags | tree.state.flags
    return starts.starting_set(tree, final, compiled._constants, compiled._compiler)


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


SHAPES = [
    r"(?=[A-Z])(?:\b(?:May|Mark|MAY)\b|[A-Z]\d)",
    r"\b(?:dr|mr)\.?[ \t]+([A-Z][a-z]+)",
    r"(?<![\w.])[A-Z]\.[ \t]?([A-Z][a-z]{2,})",
    r"(?:,?[ \t]+|,)(\d{1,2})/(\d{1,2})",
    r"(?:a[ ]?)?\d+",
    r"[A-Za-z0-9]+",
    r"(?i)\b(?:sec|ch)\.?[ \t]*\d",
    r"(?i:k)\w+|\d",
    r"(?=[a-z])(?:\b(?:ok|no)\b|[^\W\d_]{3})",
    r"(?=\d)(?:\b\d{3}|#\d)",
    r"[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*",
    r"(?m)^[ \t]*\d{1,2}:\d{2}",
    r"(?>ab|a)c|\Bk",
    r"(?=[^a-z])[\w.]+",
    r"\d{1,2}[a-z]?",
    r"(?<!\w)\s\d|\w+@",
    # (alternations grouped by their first letter: order, backtracking, groups, case)
    r"\b(?:mrn|mr#|med rec|acct|account|ab|a)\b",
    r"(?:ab|a|abc|b|ba|bab)c",
    r"(?:a|ab|abc|b|bc)",
    r"(?:(a)b|(a)c|ad|b|(b)a)+",
    r"(?i:ab|Ab|aB|ac|b|bc)x",
    r"(?:sign|sig|so|s|mai|ma|mrn)(?=[ .])",
    # (case-blind: the Kelvin sign is a "k", the long s an "s")
    r"(?i)\b(?:kelvin|ks|sec)\b",
    r"(?i)[a-c]x|[^\W\d_]{2}y",
]
# (with a digit, a space and letters from outside ASCII, which \d, \s and \w also match)
ALPHABET = "aAbBckKKxgintue#\u212a\u017fsSmMyYdro.#-:/@ \t\n12345é\u00e9ÉMayrk\u0663\u2003\x1cß"


@given(st.sampled_from(SHAPES), st.text(alphabet=ALPHABET, max_size=60))
def test_it_finds_what_re_finds_with_or_without_the_start_set(pattern: str, text: str) -> None:
    assert matches(hinted(pattern), text) == matches(re.compile(pattern), text)


def test_it_finds_what_re_finds_in_a_line_of_every_shape() -> None:
    text = "ab abc abcc bc bab bac Abx aBx abx mrn mr# med rec acct account sign sig so s mai "
    text += "May Mark MAY A1 dr. Okafor J. Smith, 3/14 #1 123 K\u212ak \u0663a @x sec. 4 ab."
    text += " \u212aelvin KELVIN \u212as \u017fec Bx \u00e9\u00e9y"
    for pattern in SHAPES:
        assert matches(hinted(pattern), text) == matches(re.compile(pattern), text), pattern


def test_it_tells_the_matcher_where_a_look_ahead_or_boundary_lets_a_match_start() -> None:
    assert start_set(r"(?=[A-Z])(?:\bMay|\bJune)") is not None
    assert start_set(r"\b(?:on|at)\b") is not None
    assert start_set(r"(?<!\w)(?:a)?b") is not None  # an optional start: a or b
    # re gives these none, and with it each position would be tried in full
    for pattern in (r"(?=[A-Z])(?:\bMay|\bJune)", r"[A-Za-z0-9]+"):
        assert compiled._entry(pattern, 0)[1][2] == compiled._constants.SRE_INFO_CHARSET


def test_it_tells_a_case_blind_or_negated_start_as_ascii_and_all_beyond() -> None:
    charset = compiled._constants.SRE_INFO_CHARSET
    for pattern in (r"(?i)\bkelvin", r"[^\W\d_]+"):
        assert compiled._entry(pattern, 0)[1][2] == charset, pattern
    # the Kelvin sign starts "kelvin" as "k" does, and a letter beyond ASCII a word
    assert hinted(r"(?i)\bkelvin").findall("\u212aelvin Kelvin") == ["\u212aelvin", "Kelvin"]
    assert hinted(r"[^\W\d_]+").findall("\u00e9t\u00e9 9a_b") == ["\u00e9t\u00e9", "a", "b"]


def needless(pattern: str) -> bool:
    tree = compiled._parser.parse(pattern, 0)
    final = tree.state.flags
    return starts.look_ahead_needless(tree, final, compiled._constants, compiled._compiler)


def test_it_leaves_out_a_look_ahead_only_where_every_match_meets_it() -> None:
    assert needless(r"(?=[A-Z])(?:\bMay|\bJune|[A-Z]\d)")
    assert needless(r"(?=\d)\b\d{3}")
    assert not needless(r"(?=\d)(?:\b\d{3}|#\d)")  # "#1" starts with no digit
    assert not needless(r"(?=[A-Z])\w+")  # nor "ab" with a capital
    assert not needless(r"(?=[^a-z])[\w.]+")


def alternatives(pattern: str) -> int:
    tree = compiled._parser.parse(pattern, 0)
    branches.branches_grouped(tree, tree.state.flags, compiled._constants)
    ops = [av for op, av in tree.data if op is compiled._constants.BRANCH]
    return len(ops[0][1]) if ops else 1


def test_it_groups_a_long_alternation_by_first_letter_unless_case_is_ignored() -> None:
    assert alternatives(r"(?:mrn|mr#|med rec|acct|account|policy)") == 3  # m, a, p
    assert alternatives(r"(?i)(?:mrn|mr#|med rec|acct|account|policy)") == 6
    assert alternatives(r"(?:mrn|\d+|med rec|acct|account|policy)") == 6  # a digit first


def test_it_gives_no_start_set_where_it_cannot_be_sure() -> None:
    assert start_set(r".x") is None  # any character
    assert start_set(r"(?i)kelvin") is None  # "K" (the Kelvin sign) matches too (unless asked)
    assert start_set(r"(?:a|)") is None  # a match may be empty
    assert start_set(r"(a)\1|(?(1)b|c)") is None  # a back reference
    assert start_set(r"[^a](?:x)|b") is None  # a negated set joins no other


# The benchmark's generated notes and the notes written by hand: every kind of identifier
NOTES = Path(__file__).parents[3] / "bench" / "deid" / "data"


def test_every_engine_pattern_finds_what_re_finds_on_clinical_notes() -> None:
    lines = (NOTES / "notes.jsonl").read_text().splitlines()[:40]
    texts = [json.loads(line)["text"] for line in lines]
    texts.append((NOTES / "handwritten.txt").read_text())
    entries: dict[tuple[str, int], object] = {}
    for raw in cache_contents(compiled._cache_name()):
        entries = marshal.loads(raw)  # noqa: S302 (this machine's own cache)
        break
    assert len(entries) > 200, "the engine's pattern cache (written when it is imported)"
    for pattern, flags in entries:
        ours, plain = hinted(pattern, flags), re.compile(pattern, flags)
        for text in texts:
            assert matches(ours, text) == matches(plain, text), pattern
