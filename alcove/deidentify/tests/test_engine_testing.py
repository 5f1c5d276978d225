"""Psychological and neuropsychological test reports: the names of tests, subtests, indexes
and score ranges are no one's, while the people and places in the same report still are.

Every example is new: none comes from the benchmark sets.
"""

from alcove.deidentify.engine import Kind, find_spans


def masked(text: str) -> set[str]:
    return {text[s.start : s.end] for s in find_spans(text)}


def kinds(text: str) -> dict[str, Kind]:
    return {text[s.start : s.end]: s.kind for s in find_spans(text)}


def test_it_leaves_subtests_indexes_and_score_ranges_but_not_the_examiner() -> None:
    report = (
        "Block Design ss 11; Digit Span Backward ss 6; Reliable Digit Span = 8. "
        "FSIQ 104 (Average); WMI 82 (Low Average). Examiner: Dr. Odalys Ferreira-Quist."
    )
    assert masked(report) == {"Odalys Ferreira-Quist"}


def test_it_still_masks_a_town_or_a_surname_that_a_score_range_spells() -> None:
    assert "Superior" in masked("Moved to Superior, WI last year.")
    assert "Low" in masked("Seen by Dr. Low for the second opinion.")


def test_it_leaves_a_percentile_written_as_an_ordinal_but_not_a_day() -> None:
    assert masked("FSIQ 87 (19th %ile); Word Reading at the 8th percentile.") == set()
    assert masked("Feedback session on the 19th.") == {"19th"}


def test_it_leaves_serial_sevens_but_not_a_device_serial_number() -> None:
    assert masked("MoCA 24/30: serial 7s -2, recall -2.") == set()
    assert "4471902" in masked("Insulin pump serial 4471902 replaced.")


def test_it_leaves_an_index_spelt_like_a_weekday_or_a_holiday_before_its_score() -> None:
    assert masked("WPPSI-IV: VSI 102 | FRI 98 | WMI 89. MMPI-3: EID 71T, THD 50T.") == set()
    assert kinds("Group moved to Fri 12 June.")["Fri"] == Kind.DATE
    assert kinds("Closed for Eid on the 12th.")["Eid"] == Kind.DATE


def test_it_leaves_test_names_and_their_letters_even_in_capitals() -> None:
    listed = (
        "TESTS ADMINISTERED: WISC-V; WIAT-4; D-KEFS; RBANS; TOMM; CVLT-3. Conners CPT 3 and "
        "Conners 4 Parent. Rey-Osterrieth copy; Nelson-Denny reading rate."
    )
    assert masked(listed) == set()
    # a surname a test is named for is still one where it is a person's
    assert "Imelda Conners" in masked("Mother, Imelda Conners, attended feedback.")


def test_it_leaves_a_personality_scales_score_in_brackets_but_not_a_childs_age() -> None:
    assert masked("MCMI-IV: BR elevations on Depressive (85) and Dependent (78).") == set()
    assert "14" in masked("Kids: Tobiah (14) and Marisol (9).")


def test_it_leaves_the_labs_in_a_tables_first_column() -> None:
    table = "| Lab | Result | Ref |\n| Creatinine | 1.1 | 0.6-1.2 |\n| Platelets | 210 | 150-400 |"
    assert masked(table) == set()


def test_it_leaves_the_words_of_memory_clinics_and_perinatal_care() -> None:
    note = (
        "?Dementia with Lewy bodies. Fluency 3/14. Tolterodine 2 mg OD - stop. "
        "Hyperemesis and Tokophobia discussed; PPH 900 ml; MBU bed offered."
    )
    assert masked(note) == set()
    assert "Lewy" in " ".join(masked("Met with Dr. Lewy about her mother."))


def test_it_takes_a_test_named_for_two_people_only_as_the_test_writes_it() -> None:
    assert masked("Nelson-Denny reading rate at the 3rd percentile.") == set()
    assert "Nelson Denny" in masked("Nelson Denny, the patient's uncle, attended.")
