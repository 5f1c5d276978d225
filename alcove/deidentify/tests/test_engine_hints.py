"""Hint words (hints.py): a rule's pattern runs when, and only when, a word it needs is in the
note, wherever the word stands; and no note's text is kept."""

import importlib
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alcove.deidentify.engine import find_spans

hints = importlib.import_module("alcove.deidentify.engine.hints")

LETTERS = "aAbB sS\tT\n.0é"


@given(
    st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=4), min_size=1, max_size=5),
    st.text(alphabet=LETTERS, max_size=40),
)
def test_it_finds_a_hint_word_wherever_it_stands_as_a_substring_search_does(
    words: list[str], text: str
) -> None:
    made = hints.hint(words)
    assert hints.any_in(made, text) == any(word in text for word in words)
    assert hints.any_in(made, text) == any(word in text for word in words)  # (seen before)


def test_it_answers_for_each_text_not_the_one_before() -> None:
    made = hints.hint(["Route 9"])
    assert hints.any_in(made, "took Route 9 home")
    assert not hints.any_in(made, "took Route 8 home")
    assert hints.any_in(made, "took Route 9 home")


def test_it_keeps_the_words_it_found_never_the_text() -> None:
    note = "Seen at 44 Lantern Route, Petal MS. Insurer: Ins co."
    find_spans(note)
    for key, (_, found) in hints._seen.items():
        assert all(isinstance(part, int) for part in key)
        assert found <= hints._words
        assert "Lantern" not in found


def test_it_refuses_an_empty_hint_word() -> None:
    # ("" is in every text: a rule hinted so would always run, and say nothing)
    with pytest.raises(ValueError, match="empty"):
        hints.hint(["Route", ""])


# --- patterns that wait behind their hint words ----------------------------------------------
patterns = importlib.import_module("alcove.deidentify.engine.patterns")
organisations = importlib.import_module("alcove.deidentify.engine.organisations")
sweep = importlib.import_module("alcove.deidentify.engine.sweep")

WEEKDAYS = "Tue tues Tues TUES Thu thu Thurs thurs THURS Weds weds WEDS Fri fri FRI Mon MON Wed WED"
MONTHS = "jan feb march apr may jun jul aug sep sept oct nov dec january december"
# (each pattern, the words it waits behind, and texts it matches: one for each way it starts)
GATED = [
    (patterns.WEEKDAY_ALWAYS, patterns.WEEKDAY_ALWAYS_HINTS, str, [
        *(f"group moved to {day} this week" for day in WEEKDAYS.split()),
        "flying in Sat. Continue", "back Sun. Plan", "wine Sat nights",
    ]),
    (patterns.LOWER_MONTH_DAY, patterns.LOWER_MONTH_HINTS, str, [
        f"seen {month} 14 for review" for month in MONTHS.split()
    ]),
    (patterns.LOWER_MONTH_YEAR, patterns.LOWER_MONTH_HINTS, str, [
        f"sober since {month} 2019" for month in [*MONTHS.split(), "mar"]
    ]),
    (patterns.CHILDREN_AGES, patterns.CHILDREN_HINTS, str.lower, [
        f"has {kin} (4 and 7)" for kin in "kids children sons daughters grandchildren grandkids "
        "twins".split()
    ]),
    (patterns.CHILDREN_AGES_LISTED, patterns.CHILDREN_HINTS, str.lower, [
        f"{kin} 4 and 7 at home" for kin in "kids children sons daughters boys girls twins "
        "grandkids grandchildren".split()
    ]),
    (organisations.EMPLOYER_LOWER, organisations.LABELLED_ORG_HINTS, str, [
        f"{label}: acme widgets\n" for label in
        ("Employer", "EMPLOYER", "Workplace", "Place of employment")
    ]),
    (organisations.LABELLED_ORG, organisations.LABELLED_ORG_HINTS, str, [
        f"{label}: Kestrel Blue\n" for label in
        "Program Programme Agency Facility Team Practice Site Placement Employer".split()
    ]),
    (sweep.ATTENDANCE, sweep.ATTENDANCE_HINTS, str.lower, [
        f"{label}: summer d, ama\n" for label in
        ("Present", "ATTENDEES", "In attendance", "Attendance", "members", "Participants",
         "Absent", "Excused", "Leaders", "Facilitators", "Co-facilitators", "Staff present")
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("pattern", "words", "looked_in", "texts"), GATED)
def test_a_pattern_behind_hint_words_finds_its_match_through_them(
    pattern: "re.Pattern[str]",
    words: tuple[str, ...],
    looked_in: Callable[[str], str],
    texts: list[str],
) -> None:
    for text in texts:
        scanned = text.lower() if looked_in is str.lower and pattern.flags & re.I == 0 else text
        assert pattern.search(scanned), text  # (the example is one it matches)
        assert hints.any_in(words, looked_in(text)), text  # ...and the look lets it through


people = importlib.import_module("alcove.deidentify.engine.people")
# (each pattern, the quicker look it waits behind, and texts it matches)
LOOKED = [
    (people.DOTTED_LOGIN, people.DOTTED_LOGIN_NEAR,
     ["per dr.ferreira today", "d.saunders approved", "z.okonkwo", "(k.brown)"]),
    (patterns.SPACED_NINE, patterns.SPACED_NINE_NEAR,
     ["SIN: 527 334 918", "service no.: A47 118 902;", "527 334 918"]),
]  # fmt: skip


@pytest.mark.parametrize(("pattern", "look", "texts"), LOOKED)
def test_a_pattern_behind_a_quicker_look_finds_its_match_through_it(
    pattern: "re.Pattern[str]", look: "re.Pattern[str]", texts: list[str]
) -> None:
    for text in texts:
        assert pattern.search(text), text
        assert look.search(text), text
