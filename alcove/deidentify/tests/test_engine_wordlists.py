"""The lexicon's lists held as text (wordlists.py): every answer is the one the set or the
dict it was made from gives, whatever is asked."""

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.wordlists import word_list

wordlists = importlib.import_module("alcove.deidentify.engine.wordlists")

# words as the lexicon holds them, and the odd ones a note can make of its text
LETTERS = st.text(alphabet="abcdeé' -.\u2019", min_size=0, max_size=7)
ASKED = st.one_of(LETTERS, st.text(max_size=9), LETTERS.map(lambda w: w + "\n" + w))


@given(words=st.sets(LETTERS.filter(lambda w: "\n" not in w)), asked=st.lists(ASKED))
def test_it_holds_a_word_exactly_when_the_set_does(words: set[str], asked: list[str]) -> None:
    held = word_list(words)
    for word in [*asked, *words, *(w[:-1] for w in words), *(w + "a" for w in words)]:
        assert (word in held) == (word in words), word
    assert len(held) == len(words)
    assert sorted(held) == sorted(words)


@given(
    ranks=st.dictionaries(LETTERS, st.integers(min_value=0, max_value=10**6)),
    asked=st.lists(ASKED),
)
def test_it_gives_the_rank_the_dict_gives(ranks: dict[str, int], asked: list[str]) -> None:
    held = word_list(ranks)
    for word in [*asked, *ranks, *(w + "a" for w in ranks)]:
        assert held.get(word) == ranks.get(word), word
        assert held.get(word, 7) == ranks.get(word, 7), word
        assert (word in held) == (word in ranks), word
        if word in ranks:
            assert held[word] == ranks[word]
        else:
            with pytest.raises(KeyError):
                held[word]


def test_it_tells_true_and_false_as_booleans() -> None:
    places = word_list({"petal": True, "paris": False})
    assert places.get("petal") is True
    assert places.get("paris") is False  # (the engine asks "is True" of a place)
    assert places["paris"] is False and places.get("perth") is None


def test_it_never_joins_two_lines_into_one_word() -> None:
    held = word_list({"ann", "annex"})
    assert "ann\nannex" not in held
    assert "ann\tannex" not in held
    assert "nn" not in held and "" not in held


def test_it_refuses_a_word_it_could_not_hold() -> None:
    with pytest.raises(ValueError, match="cannot hold"):
        word_list({"two\nlines"})


def test_it_forgets_old_answers_rather_than_growing_for_ever(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(wordlists, "SEEN_MOST", 10)
    held = word_list({f"w{n}" for n in range(0, 100, 2)})
    for n in range(100):
        assert (f"w{n}" in held) == (n % 2 == 0)
    assert len(held.held) <= 10
    assert all((f"w{n}" in held) == (n % 2 == 0) for n in range(100))


def test_the_loaded_lexicon_answers_as_its_lists_do() -> None:
    lex = lexicon()
    assert "maple" in lex.common and "mapleqz" not in lex.common
    assert lex.last.get("smith", 10**6) < 10 and lex.first.get("mary", 10**6) < 10
    assert lex.places.get("springfield") is not None
    assert len(lex.safe) > 10_000 and "patient" in set(lex.safe)
