"""Trades: where a note names someone's work, each with a case it must catch and a near miss
it must leave.

Every example is new: none comes from the benchmark sets.
"""

from alcove.deidentify.engine import Kind, find_spans


def trades(text: str) -> set[str]:
    return {text[s.start : s.end] for s in find_spans(text) if s.kind == Kind.PROFESSION}


def test_it_masks_a_teachers_grade_with_the_trade() -> None:
    assert trades("Contact: Ms. Odile Marchetti, 4th grade teacher, Tamarack Elementary.") == {
        "4th grade teacher"
    }
    assert trades("Mom is a 2nd grade teacher at Birchwood Academy.") == {"2nd grade teacher"}
    assert trades("She is in 5th grade this year; her 4th grade teacher was kind.") == set()


def test_it_masks_a_bracketed_trade_before_where_it_is_held() -> None:
    assert trades("Injured lifting at work (loading dock associate, Pell Freight).") == {
        "loading dock associate"
    }
    assert trades("Partner Marcus (HVAC tech, Corvell Heating) works nights.") == {"HVAC tech"}
    assert trades("Seen (weekly session, Room B); plan (safety plan, Appendix C).") == set()


def test_it_masks_a_trade_set_off_after_a_name_and_closed_by_a_dash() -> None:
    assert trades("Omar Farouk, store manager - off sick since the robbery.") == {"store manager"}
    assert trades("Omar Farouk, tired - slept poorly, store was busy.") == set()


def test_it_masks_a_trade_of_three_words_after_employment_as_and_one_whose_jobs_are_sought() -> (
    None
):
    assert trades("He continues employment as a sheet metal fabricator.") == {
        "sheet metal fabricator"
    }
    assert trades("Applying for process engineer jobs at Brightline.") == {"process engineer"}
    assert trades("Applying for jobs at Brightline; his employment as a rule is seasonal.") == set()
