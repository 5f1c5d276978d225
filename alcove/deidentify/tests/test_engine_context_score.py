"""The context score (engine/context.py): the last pass, over the words the rules left.

The first tests use the fitted weights, on sentences written for them (none comes from the
benchmark sets); a refit that loses one should be looked at before it lands. The rest use a
small hand-made model, so that they say what the pass does with any weights.
"""

from alcove.deidentify.engine import Kind, find_spans, rule_spans
from alcove.deidentify.engine.context import (
    SEP,
    Weights,
    context_spans,
    doc_of,
    feature_name,
    weights,
)
from alcove.deidentify.engine.spans import Span, spans_resolve


def masked(text: str, *, keep_states: bool = False) -> dict[str, Kind]:
    return {text[s.start : s.end]: s.kind for s in find_spans(text, keep_states=keep_states)}


# --- with the fitted weights -------------------------------------------------------------
def test_it_carries_a_business_name_on_past_where_the_rules_stopped() -> None:
    text = "client got a job at dunmore tire last week"
    assert [text[s.start : s.end] for s in rule_spans(text)[0]] == ["dunmore"]
    assert masked(text) == {"dunmore tire": Kind.ORGANIZATION}


def test_it_joins_an_organisation_the_context_found_to_the_rest_of_its_name() -> None:
    # the rules find "Helping Hands" and "Prairie" apart; the context pass joined neither
    text = "A home aide from Helping Hands of the Prairie visits three mornings a week."
    assert masked(text)["Helping Hands of the Prairie"] == Kind.ORGANIZATION
    assert "of the front" not in " ".join(masked("Dana of the front desk called back."))


def test_it_leaves_an_ordinary_clinical_note_as_the_rules_left_it() -> None:
    text = (
        "Plan: Continue sertraline 50 mg daily. Denies SI/HI. Sleep Improved with CBT-I.\n"
        "Reviewed Safety Plan; Follow Up in two weeks. Labs: CBC, BMP within normal limits."
    )
    assert find_spans(text) == rule_spans(text)[0] == []


def test_the_fitted_weights_name_the_features_the_engine_makes() -> None:
    # A change to Doc.features without a refit would leave the weights naming nothing.
    model = weights()
    assert 0 < model.threshold < 1
    text = "Referral sent to Valley Visiting Nurses by Dr. Okafor on 3/4; pt @ grindhouse."
    doc = doc_of(text, *rule_spans(text))
    made = {f[0] for i in range(len(doc.spans)) for f in doc.features(i)}
    named = {key[0] for key in model.weights}
    assert named <= made
    assert len(named) >= 20


def test_it_masks_a_word_far_from_any_span_where_the_far_model_reads_a_name() -> None:
    text = 'Caller goes by "Storm", says she is safe tonight.'
    assert rule_spans(text)[0] == []
    assert masked(text) == {"Storm": Kind.NAME}


# --- with a hand-made model -------------------------------------------------------------
def raw(words: dict[str, float], kind: str = "NAME") -> dict:
    return {
        "bias": -5.0,
        "threshold": 0.5,
        "weights": {feature_name(("w", w)): weight for w, weight in words.items()},
        "type_bias": {kind: 0.0},
        "type_weights": {kind: {}},
    }


def model(words: dict[str, float], kind: str = "NAME") -> Weights:
    return Weights(raw(words, kind))


def far_model(words: dict[str, float], kind: str = "NAME", gate: float = -9.0) -> Weights:
    """A near model that masks nothing, and a far model that masks the words given."""
    return Weights(raw({}) | {"far": raw(words, kind), "gate": gate})


def spans_of(text: str, spans: list[Span]) -> list[tuple[str, Kind]]:
    return [(text[s.start : s.end], s.kind) for s in spans_resolve(spans)]


def test_a_word_joining_a_span_the_rules_found_takes_its_type_and_merges_with_it() -> None:
    text = "Referral sent to Old Copperfield Visiting today."
    found = [Span(21, 32, Kind.ORGANIZATION)]
    extra = context_spans(text, found, model=model({"visiting": 9, "old": 9, "today": -9}))
    assert spans_of(text, found + extra) == [("Old Copperfield Visiting", Kind.ORGANIZATION)]


def test_a_word_after_a_comma_is_a_span_of_its_own_of_the_type_model_kind() -> None:
    text = "Seen by Ana Ruiz, Quillby clinic."
    found = [Span(8, 16, Kind.STAFF)]
    extra = context_spans(text, found, model=model({"quillby": 9}, "LOCATION"))
    assert spans_of(text, found + extra) == [("Ana Ruiz", Kind.STAFF), ("Quillby", Kind.LOCATION)]


def test_it_weighs_only_words_beside_a_span_the_rules_found() -> None:
    text = "Quillby Mart called. Seen by Ana Ruiz today."
    found = [Span(29, 37, Kind.STAFF)]
    every = model({"quillby": 9, "mart": 9, "called": 9, "seen": 9, "by": 9, "today": 9})
    extra = context_spans(text, found, model=every)
    assert spans_of(text, found + extra) == [("Ana Ruiz today", Kind.STAFF)]


def test_it_never_weighs_a_number_a_letter_a_closed_word_a_credential_or_shorthand() -> None:
    text = "Ana Ruiz PA, her Ruiz nxt; Bay 12 B"
    found = [Span(0, 8, Kind.STAFF), Span(17, 21, Kind.STAFF), Span(31, 33, Kind.LOCATION)]
    every = model({"pa": 9, "her": 9, "nxt": 9, "bay": 9, "b": 9})
    assert context_spans(text, found, model=every) == []


def test_letters_in_capitals_right_after_a_place_are_weighed_as_an_agencys() -> None:
    text = "Took him to the Quillby DMV; next at Quillby rm 4, Quillby  HR."
    found = [Span(m, m + 7, Kind.LOCATION) for m in (16, 37, 51)]
    extra = context_spans(text, found, model=model({"dmv": 9, "rm": 9, "hr": 9}))
    # (shorthand in lower case, or not right after the place, is still never weighed)
    assert spans_of(text, found + extra) == [
        ("Quillby DMV", Kind.LOCATION),
        ("Quillby", Kind.LOCATION),
        ("Quillby", Kind.LOCATION),
    ]


def test_states_the_caller_keeps_are_never_scored_nor_joined() -> None:
    text = "Moved from Ohio to Maine last spring."
    kept = [Span(11, 15, Kind.LOCATION), Span(19, 24, Kind.LOCATION)]
    every = model({"ohio": 9, "maine": 9, "last": 9, "from": 9})
    assert context_spans(text, [], kept, model=every) == []
    assert masked(text, keep_states=True) == {}


def test_the_weights_file_writes_a_feature_as_its_parts_joined() -> None:
    assert feature_name(("sh_el1", "Xx", "NAME")) == f"sh_el1{SEP}Xx{SEP}NAME"
    fitted = model({"nurses": 2.5})
    assert fitted.weights == {("w", "nurses"): 2.5}


def test_the_far_model_masks_words_no_span_is_beside_and_joins_a_run_of_them() -> None:
    text = "Bus pass via Quillby Transit next week; Quillby Mart too."
    found = [Span(40, 47, Kind.ORGANIZATION)]  # "Quillby" of the mart, found by a rule
    far = far_model({"quillby": 9, "transit": 9, "mart": 9}, "ORGANIZATION")
    extra = context_spans(text, found, model=far)
    # ("Mart" is beside a found span: the near model's to weigh, and it masks nothing)
    assert spans_of(text, found + extra) == [
        ("Quillby Transit", Kind.ORGANIZATION),
        ("Quillby", Kind.ORGANIZATION),
    ]


def test_the_far_model_weighs_no_word_whose_own_features_score_under_the_gate() -> None:
    text = "Bus pass via Quillby Transit next week."
    # (each word's own features score -5 + 9: over a gate of 3, under one of 5)
    assert context_spans(text, [], model=far_model({"quillby": 9, "transit": 9}, gate=3.0))
    assert context_spans(text, [], model=far_model({"quillby": 9, "transit": 9}, gate=5.0)) == []


def test_the_far_model_leaves_an_everyday_word_in_lower_case_in_a_note_with_capitals() -> None:
    far = far_model({w: 9.0 for w in "peak cook green".split()})
    for text, words in [
        ("Distress 8/10 at the peak, eased by evening.", set()),
        ("distress 8/10 at the peak, eased by evening", {"peak"}),  # (a note in lower case)
        ("Hours cut again; cook at the diner since spring.", {"cook"}),  # (a trade's word)
        ("Her favourite colour is green.", {"green"}),  # (a frequent surname: weighed)
    ]:
        extra = context_spans(text, rule_spans(text)[0], model=far)
        assert {text[s.start : s.end] for s in extra} == words, text


def test_the_far_model_leaves_the_words_the_rules_leave_on_purpose() -> None:
    every = {
        w: 9.0
        for w in """hope porter hanger john boston naming psychiatrist community health center
        sun atty town tavish bags brought wort hall juvenile probation spring anon""".split()
    }
    far = far_model(every)
    for text, words in [
        ("Sister Hope came; we talked about hope and tavish.", {"tavish"}),
        ("The porter brought the bags; coat on a hanger.", set()),
        ("Takes St. John's wort.", set()),
        ("Scored 52 on the Boston Naming Test.", set()),
        ("The psychiatrist at the Community Health Center on Sun; Atty for the Town.", set()),
        ("PT AMBULATING IN HALL.", set()),
        ("Goes to Al-Anon on Sundays.", set()),
        ("Prepared by the Juvenile Probation Officer last spring.", set()),
    ]:
        found = rule_spans(text)[0]
        extra = context_spans(text, found, model=far)
        assert {text[s.start : s.end] for s in extra} == words, text
