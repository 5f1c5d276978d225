"""Hint words (hints.py): a rule's pattern runs when, and only when, a word it needs is in the
note, wherever the word stands; and no note's text is kept."""

import importlib

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
