"""The lexicon's lists and the context models' weights held as text (wordlists.py,
weighttables.py): every answer is the one the set or the dict it was made from gives,
whatever is asked."""

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.weighttables import WeightTable, weight_shelves
from alcove.deidentify.engine.wordlists import word_list

wordlists = importlib.import_module("alcove.deidentify.engine.wordlists")
context = importlib.import_module("alcove.deidentify.engine.context")

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


# --- the context models' weights (weighttables.py) ------------------------------------------
PARTS = st.text(alphabet="abXd/\n\x1f\x1e\x1d", max_size=4)
FEATURES = st.lists(PARTS, min_size=1, max_size=3).map(tuple)


def _table(weights: dict[tuple[str, ...], float]) -> WeightTable:
    return WeightTable(*weight_shelves(weights))


@given(
    weights=st.dictionaries(
        st.lists(st.text(alphabet="abXd/ .", max_size=4), min_size=1, max_size=3).map(tuple),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    asked=st.lists(FEATURES),
)
def test_it_gives_each_feature_the_weight_the_dict_gives(
    weights: dict[tuple[str, ...], float], asked: list[tuple[str, ...]]
) -> None:
    table = _table(weights)
    for feature in [*asked, *weights, *((*f, "x") for f in weights)]:
        assert table.get(feature, 0.0) == weights.get(feature, 0.0), feature
    assert sorted(table) == sorted(weights) and len(table) == len(weights)


def test_it_never_takes_a_separator_for_a_parts_edge() -> None:
    table = _table({("pc", "", ""): 1.5, ("w", "a"): 2.0})
    assert table.get(("pc", "\x1f"), 0.0) == 0.0  # (joined, it reads as the first)
    assert table.get(("w", "a\x1d2.0"), 0.0) == 0.0
    assert table.get(("pc", "", ""), 0.0) == 1.5
    with pytest.raises(ValueError, match="cannot hold"):
        _table({("w", "a\x1eb"): 1.0})


def test_the_fitted_models_read_from_their_cache_score_as_their_weights_file_does() -> None:
    import json

    with open(context.WEIGHTS_FILE) as handle:
        written = context.Weights(json.load(handle))
    cached = context.weights()
    assert isinstance(cached.weights, WeightTable)
    for model, read in ((written, cached), (written.far, cached.far)):
        assert model is not None and read is not None
        for feature in list(model.weights)[:3000]:
            assert read.weights.get(feature, 0.0) == model.weights[feature]
        assert len(read.weights) == len(model.weights)
