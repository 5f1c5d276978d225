"""Supervision, case formulation and the practice's paperwork: the theorists a formulation
cites, the modes and schemas of its models and the words of its forms are no one's, while a
client who shares a theorist's surname still is.

Every example is new: none comes from the benchmark sets.
"""

from alcove.deidentify.engine import find_spans


def masked(text: str) -> set[str]:
    return {text[s.start : s.end] for s in find_spans(text)}


def test_it_leaves_a_theorist_cited_by_surname_but_not_a_person_of_that_name() -> None:
    note = "Formulation: Winnicott's holding environment; per Fonagy, mentalizing fails."
    assert masked(note) == set()
    assert "Imogen Winnicott" in masked("RE: Imogen Winnicott\nReferred for assessment.")
    assert "Fonagy" in masked("Spoke with Mr. Fonagy about the invoice.")


def test_it_leaves_the_modes_and_schemas_of_a_model() -> None:
    note = (
        "Trigger: partner late home -> Abandoned Child mode, then the Detached Protector. "
        "Defectiveness schema activated; the Healthy Adult mode is weak."
    )
    assert masked(note) == set()


def test_it_takes_else_for_no_name_but_keeps_someone_called_else() -> None:
    assert masked('She said "nobody else has asked." What else has changed?') == set()
    hidden = " ".join(masked("Seen with her aunt Else Magnusson."))
    assert "Else" in hidden and "Magnusson" in hidden


def test_it_leaves_the_words_of_a_practices_forms() -> None:
    form = (
        "You have the right to a Good Faith Estimate. Status: [ ] Approved [X] Pended. "
        "Recommended LOC: Intensive Outpatient (IOP). Retro-authorization requested."
    )
    assert masked(form) == set()


def test_it_leaves_the_steps_and_ratings_of_trauma_and_eating_disorder_work() -> None:
    note = (
        "EMDR: Butterfly Hug and Light Stream; Calm Place installed. Written the Impact "
        "Statement. In vivo hierarchy started. Self-compassion 2/10 -> 4/10; mood 5/10, up "
        "from 2/10. Added 1/3 cup with prompting. Orthostatics done. IED blast exposure."
    )
    assert masked(note) == set()
    assert "3/14" in masked("Next EMDR session on 3/14 after the Butterfly Hug practice.")


def test_it_leaves_the_terms_of_couples_and_family_models() -> None:
    note = (
        "Soft Start-Up practised; Negative Sentiment Override persists. Stonewalling by the "
        "husband. Cross-Generational Coalition noted; Unique Outcomes explored."
    )
    assert masked(note) == set()


def test_it_leaves_a_groups_handout_and_skill_titles() -> None:
    note = (
        "Handouts: Emotion Mind, Reasonable Mind, Middle Path. Reviewed Thinking Traps "
        "(Mind Reading, Should Statements). Co-fac led Cope Ahead."
    )
    assert masked(note) == set()
