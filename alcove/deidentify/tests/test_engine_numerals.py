"""The numeral model (engine/numerals.py): the numbers every rule and word model left.

The first tests use the fitted weights, on sentences written for them (none comes from the
benchmark sets); a refit that loses one should be looked at before it lands. The rest use a
small hand-made model, so that they say what the pass does with any weights.
"""

from alcove.deidentify.engine import Kind, find_spans, rule_spans
from alcove.deidentify.engine.context import SEP, Weights, context_spans, doc_of, weights
from alcove.deidentify.engine.numerals import found_numbers, unit_features, units
from alcove.deidentify.engine.spans import Span, spans_resolve


def masked(text: str) -> dict[str, Kind]:
    return {text[s.start : s.end]: s.kind for s in find_spans(text)}


def rules_masked(text: str) -> set[str]:
    return {text[s.start : s.end] for s in rule_spans(text)[0]}


# --- with the fitted weights -------------------------------------------------------------
def test_it_masks_a_day_written_as_a_fraction_where_its_neighbours_say_a_date() -> None:
    for text, day in [
        ("Hep C Ab neg 6/8.", "6/8"),
        ("License suspended 2/9 pending hearing.", "2/9"),
        ("no acute risk at last contact 4/9.", "4/9"),
    ]:
        assert day not in rules_masked(text)
        assert masked(text) == {day: Kind.DATE}


def test_it_leaves_scores_doses_vitals_and_the_numbers_of_names() -> None:
    for text in [
        "Motor: strength 5/5 throughout, reflexes 2+ symmetric.",
        "BP 120/80 HR 72 RR 16 T 98.6 SpO2 98% RA. Wt 82 kg.",
        "Recall 2/3 at 5 min. MoCA 24/30. PHQ 9/27.",
        "Took 1/2 tab qhs; took 3/8 of the usual dose.",
        "Sleeping 5/7 nights. Attended 4/5 groups this week.",
        "Crash on I-95 northbound, held under G.L. c. 123.",
    ]:
        assert masked(text) == {}, text


def test_the_fitted_numeral_weights_name_the_features_units_make() -> None:
    # A change to unit_features without a refit would leave the weights naming nothing.
    model = weights().numeral
    assert model is not None and 0 < model.threshold < 1
    text = "Hep C Ab neg 6/8; BP 120/80, seen 9.19.23, code 12-34-56-78.\nChart: 4471 (MRN 4471)"
    doc = doc_of(text, [Span(text.index("MRN"), len(text) - 1, Kind.ID)])
    found = found_numbers(doc)
    made = {f[0] for i, j in units(doc) for f in unit_features(doc, i, j, found)}
    named = {key[0] for key in model.weights}
    assert named <= made
    assert len(named) >= 15


# --- with a hand-made model -------------------------------------------------------------
def numeral_model(features: dict[tuple[str, ...], float], kind: str = "DATE") -> Weights:
    """Word models that mask nothing, and a numeral model that masks a unit with any of
    the features given."""
    nothing = {"bias": -9.0, "threshold": 0.5, "weights": {}, "type_bias": {"NAME": 0.0}}
    nothing["type_weights"] = {"NAME": {}}
    numeral = {
        "bias": -5.0,
        "threshold": 0.5,
        "weights": {SEP.join(f): w for f, w in features.items()},
        "type_bias": {kind: 0.0},
        "type_weights": {kind: {}},
    }
    return Weights(nothing | {"numeral": numeral})


def spans_of(text: str, spans: list[Span]) -> list[tuple[str, Kind]]:
    return [(text[s.start : s.end], s.kind) for s in spans_resolve(spans)]


def test_a_run_of_numbers_is_weighed_whole_and_masked_whole_with_its_type() -> None:
    text = "Seen 4/9 and 10.12.24; pain 14-15 at times."
    model = numeral_model({("u", "d/d"): 9.0, ("u", "d.d.d"): 9.0})
    extra = context_spans(text, [], model=model)
    assert spans_of(text, extra) == [("4/9", Kind.DATE), ("10.12.24", Kind.DATE)]


def test_it_never_weighs_a_number_a_span_holds_nor_one_left_on_purpose() -> None:
    text = "MRN 4471-02; took 1/2 tab; PHQ-9 done; G.L. c. 123; recall 7/9; seen 5/2."
    found = [Span(4, 11, Kind.ID)]
    every = numeral_model({("un", "1"): 9.0, ("un", "2"): 9.0})
    extra = context_spans(text, found, model=every)
    assert spans_of(text, extra) == [("5/2", Kind.DATE)]


def test_it_reads_a_number_in_a_bracket_left_open_at_the_notes_end() -> None:
    # (a score's closing bracket is looked for after the number, past the text's end here)
    assert find_spans("Depressive (85") == []
    assert find_spans("Seen 3/14 (85")[0].kind == Kind.DATE


def test_it_leaves_a_time_on_the_24_hour_clock_but_not_a_house_number() -> None:
    assert find_spans("Skin intact. Asleep at 2300.") == []
    assert find_spans("IM given at 2200.") == []
    assert find_spans("BAL 0.12 at 2215, 0.05 at 2330.") == []
    assert find_spans("She lives at 2200 Elm Street with her aunt.")
