"""Forensic and court reports: the cases a legal standard is named for, the law's Latin and
the risk instruments are no one's, while a party with a case's surname still is.

Every example is new: none comes from the benchmark sets.
"""

from alcove.deidentify.engine import find_spans


def masked(text: str) -> set[str]:
    return {text[s.start : s.end] for s in find_spans(text)}


def test_it_leaves_a_rare_case_name_before_the_standard_it_names() -> None:
    report = (
        "Competency was assessed under the Dusky standard; the Tarasoff duty did not arise. "
        "DAUBERT CHALLENGE: the defence moved to exclude the testimony."
    )
    assert masked(report) == set()


def test_it_leaves_common_surnames_only_in_a_list_of_cases() -> None:
    assert masked("The Roper, Graham and Miller decisions limit juvenile sentencing.") == set()
    assert masked("A Rogers-type hearing on medication was held.") == set()
    # alone, a common surname before a hearing may be the client's own
    assert "Harper" in masked("Ms. Harper hearing moved to the afternoon.")
    assert "Jablonski" in masked("Mr. Jablonski was seen; the Jablonski evaluation is done.")
    assert "Miranda" in masked("Her daughter Miranda attended the hearing.")


def test_it_leaves_the_laws_latin_and_the_risk_instruments() -> None:
    report = (
        "Mens rea is a legal question; the actus reus is not disputed. An ex parte order. "
        "SAVRY and SAPROF were coded; Static-99R total 3. Criminogenic needs were targeted."
    )
    assert masked(report) == set()


def test_it_takes_no_duty_or_role_in_its_possessive_for_a_trade() -> None:
    assert masked("It is the examiner's opinion that the evaluee is competent.") == set()
    assert masked("The clinician is a mandated reporter and filed a report.") == set()
    assert "court reporter" in masked("Her husband is a court reporter.")
