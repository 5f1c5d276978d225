"""The engine on its own: what a reviewer notices in a de-identified note."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alcove.deidentify.engine import (
    DatePolicy,
    Kind,
    Known,
    Person,
    Pseudonyms,
    find_spans,
    redact,
    redact_detail,
)


def found(text: str, known: Known | None = None) -> dict[str, Kind]:
    return {text[s.start : s.end]: s.kind for s in find_spans(text, known)}


# One line per Safe Harbor category (and staff), each in a sentence a clinician writes.
CATEGORIES = [
    ("Client Dana Moreau reports better sleep.", "Dana Moreau", Kind.NAME),
    ("Her sister Rosalind visited on the unit.", "Rosalind", Kind.NAME),
    ("Seen with Dr. Helen Okafor today.", "Helen Okafor", Kind.STAFF),
    ("Reviewed by Samuel Reyes, LCSW.", "Samuel Reyes", Kind.STAFF),
    ("She moved to Bozeman in the fall.", "Bozeman", Kind.LOCATION),
    (
        "Lives at 412 Birch Hollow Rd, Apt 3 with roommates.",
        "412 Birch Hollow Rd, Apt 3",
        Kind.ADDRESS,
    ),
    ("Mailing address Tupelo, MS 38801.", "38801", Kind.ZIP),
    (
        "Admitted to St. Luke's Hospital after the overdose.",
        "St. Luke's Hospital",
        Kind.ORGANIZATION,
    ),
    ("He works at Hartwell Logistics on nights.", "Hartwell Logistics", Kind.ORGANIZATION),
    ("Her son attends Lincoln Elementary School.", "Lincoln Elementary School", Kind.ORGANIZATION),
    ("He works as a firefighter in the county.", "firefighter", Kind.PROFESSION),
    ("Last seen on March 14, 2024 for follow-up.", "March 14, 2024", Kind.DATE),
    ("Admitted 03/02/2024, discharged 2024-03-09.", "2024-03-09", Kind.DATE),
    ("Grandmother, age 93, lives alone.", "93", Kind.AGE),
    ("Call her cell at (662) 555-0142 after 5.", "(662) 555-0142", Kind.PHONE),
    ("Records faxed to fax 601-555-0199 today.", "601-555-0199", Kind.FAX),
    ("Email dana.moreau@example.com for forms.", "dana.moreau@example.com", Kind.EMAIL),
    ("SSN 123-45-6789 verified for SSDI.", "123-45-6789", Kind.SSN),
    ("MRN: 00482913 on the wristband.", "00482913", Kind.ID),
    ("Member ID BCX4417720, group 246535.", "BCX4417720", Kind.ID),
    ("Driver's license # D1234567 suspended.", "D1234567", Kind.ID),
    ("Vehicle VIN 1HGCM82633A004352 impounded.", "1HGCM82633A004352", Kind.ID),
    (
        "Portal at https://portal.example.org/room/4471 for video.",
        "https://portal.example.org/room/4471",
        Kind.URL,
    ),
    ("Connected from IP 73.114.201.9 tonight.", "73.114.201.9", Kind.IP),
]


@pytest.mark.parametrize(("text", "identifier", "kind"), CATEGORIES)
def test_it_finds_each_identifier_category(text: str, identifier: str, kind: Kind) -> None:
    assert found(text).get(identifier) == kind


SHORTHAND = """S: Pt reports mood "ok". Denies SI/HI, no AH/VH. Sleep 6 h, appetite fair.
O: A&Ox3, NAD. MSE: good eye contact, speech nl rate, affect constricted, TP linear.
Vitals: BP 120/80, HR 72, RR 16, T 98.6, SpO2 98% RA. Wt 182 lb.
PHQ-9 = 14, GAD-7 = 11. Pain 7/10. Motor 5/5 bilaterally. Recall 3/3.
Meds: sertraline 100 mg PO qd; hydroxyzine 25 mg q6h PRN; take 1/2 tab qhs x 7 days.
Dx: MDD, recurrent (F33.1); GAD (F41.1); r/o PTSD. Labs: TSH 2.1, CBC/BMP WNL.
P: Continue CBT. F/u 2 wks, sooner PRN. RTC 4 wks. Will continue to monitor.
"""


def test_it_leaves_clinical_shorthand_vitals_and_doses_alone() -> None:
    assert found(SHORTHAND) == {}


def test_it_leaves_an_all_capital_nursing_note_readable() -> None:
    note = (
        "PT AWAKE, ALERT, ORIENTED X3. DENIES SI/HI. ATTENDED GROUP X2.\n"
        "PRN HYDROXYZINE 25 MG PO GIVEN AT 2200 FOR ANXIETY W/ GOOD EFFECT.\n"
        "PT'S WIFE JENNIFER MORALES CALLED AT 2130. WILL CONTINUE TO MONITOR.\n"
    )
    assert found(note) == {"JENNIFER MORALES": Kind.NAME}


def test_it_reads_a_brand_name_drug_as_a_drug_not_a_person() -> None:
    assert found("Medications: Lopressor 25 mg bid, Lipitor 20 mg qhs, ASA 81 mg qd.") == {}


def test_it_masks_a_name_everywhere_once_context_has_shown_it() -> None:
    text = "His wife Zeferina called. Later Zeferina brought clothes."
    assert [s.kind for s in find_spans(text)] == [Kind.NAME, Kind.NAME]


def test_it_takes_a_capitalised_unknown_word_before_a_reporting_verb_for_a_name() -> None:
    assert found("Oluwaseun states the week was hard.") == {"Oluwaseun": Kind.NAME}


# --- record-aware mode ---------------------------------------------------------------------

KNOWN = Known(
    client=["Dana Marie Moreau", "Dani"],
    relatives=[Person("Luc Moreau", "husband"), Person("Ines Valcourt", "mother")],
    staff=["Oren Blumfeld"],
    addresses=["412 Birch Hollow Rd, Petal, MS 39465"],
    employers=["Hartwell Logistics"],
    schools=["Westbrook Academy"],
    dates_of_birth=[__import__("datetime").date(1986, 4, 17)],
    phones=["662-555-0142"],
)


@pytest.mark.parametrize(
    "mention",
    [
        "DANA",  # any case
        "dana",
        "Moreau's",  # possessive (the 's stays outside the span)
        "D.M.M.",  # initials
        "DMM",
        "Moraeu",  # one transposition
        "Danna",  # one letter too many
        "Dani",  # nickname
        "Mrs. Moreau",
    ],
)
def test_it_finds_the_clients_own_name_in_any_form(mention: str) -> None:
    text = f"Session today. {mention} talked about work."
    clean = redact(text, KNOWN)
    assert "the client" in clean.lower()
    core = mention.removeprefix("Mrs. ").removesuffix("'s")
    assert core not in clean


def test_it_finds_relatives_employer_school_address_and_birthday_from_the_record() -> None:
    text = (
        "Ines called about Luc. Dana was late to Hartwell again; her daughter starts at "
        "Westbrook in the fall. She still lives on Birch Hollow Rd in Petal. Birthday 4/17, "
        "call 662 555 0142."
    )
    clean = redact(text, KNOWN, dates=DatePolicy.SHIFT, offset_days=12)
    for identifier in ("Ines", "Luc", "Dana", "Hartwell", "Westbrook", "Birch Hollow", "Petal"):
        assert identifier not in clean
    assert "4/17" not in clean
    assert "555" not in clean
    assert "Partner A" in clean and "Parent A" in clean


def test_it_does_not_take_an_ordinary_word_for_a_known_name_in_lower_case() -> None:
    known = Known(client=["Will Grant"])
    assert redact("I will grant that it helped. Will was calm.", known) == (
        "I will grant that it helped. The client was calm."
    )


def test_it_keeps_a_known_client_the_client_though_a_credential_follows_the_name() -> None:
    text = "Marta Lopez, RN, reports poor sleep after nights."
    assert redact(text, Known(client=["Marta Lopez"])).startswith("The client, RN, reports")
    assert redact(text).startswith("Clinician A, RN, reports")


NAMES = ["Zeferina Oduya", "Thaddeus Quigley", "Marisol Achterberg", "Kwame Lindqvist"]


@given(
    name=st.sampled_from(NAMES),
    form=st.sampled_from(["{}", "{}'s", "{upper}", "{last}", "{first}", "{last}, {first}"]),
    before=st.sampled_from(["Today ", "Met with ", "Called ", "", "PT SEEN. "]),
    after=st.sampled_from([" reports stress.", " was late.", ".", " (see plan)."]),
)
def test_it_never_leaves_a_known_name_in_the_redacted_text(
    name: str, form: str, before: str, after: str
) -> None:
    first, last = name.split()
    mention = form.format(name, upper=name.upper(), first=first, last=last)
    clean = redact(before + mention + after, Known(client=[name]))
    for part in (first, last):
        assert not re.search(rf"\b{part}\b", clean, re.I)


@given(st.text(max_size=300))
def test_it_reports_spans_inside_the_text_in_order_without_overlap(text: str) -> None:
    spans = find_spans(text)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end
        previous_end = span.end


# --- replacement ---------------------------------------------------------------------------


def test_it_gives_the_same_pseudonym_to_the_same_person_within_a_note() -> None:
    text = "Her friend Rosalind Achterberg called. Rosalind said Achterberg would visit."
    clean = redact(text)
    assert clean == "Her friend Person A called. Person A said Person A would visit."


def test_it_keeps_pseudonyms_consistent_across_a_cases_notes() -> None:
    shared = Pseudonyms()
    first = redact("Met with her sister Rosalind and Dr. Okafor.", pseudonyms=shared)
    second = redact("Dr. Okafor spoke to Rosalind again.", pseudonyms=shared)
    assert "Person A" in first and "Person A" in second
    assert "Clinician A" in first and "Clinician A" in second


def test_what_is_known_of_a_case_names_no_one_when_printed_or_logged() -> None:
    known = Known(client=["Dana Moreau"], relatives=[Person("Luc Moreau", "father")])
    shared = Pseudonyms()
    redact("Dana Moreau and her father Luc Moreau came in.", known, pseudonyms=shared)
    assert shared.by_key  # it holds the names it replaced...
    for shown in (repr(known), str(known), repr(shared), str(shared)):
        assert "Dana" not in shown and "Moreau" not in shown  # ...and never shows them
    assert find_spans("Dana came.", Known(client=["Dana Moreau"]))  # (built from keywords)


def test_it_shifts_every_date_by_the_cases_offset_keeping_the_format() -> None:
    text = "Admitted 03/02/2024, seen March 14, 2024 and on 2024-03-20; next on 4/2."
    clean = redact(text, dates=DatePolicy.SHIFT, offset_days=-10)
    assert clean == "Admitted 02/21/2024, seen March 4, 2024 and on 2024-03-10; next on 3/23."


def test_it_can_keep_only_the_year_of_each_date() -> None:
    clean = redact("Seen March 14, 2024 and 04/02/2023; next on Tuesday.")
    assert clean == "Seen 2024 and 2023; next on [DATE]."
    # a month and a day has no year to keep; a month and a year past any day keeps it
    assert redact("Hearing 8/29; first episode 3/88.") == "Hearing [DATE]; first episode 1988."


def test_it_writes_ages_over_89_as_90_or_older_and_keeps_younger_ages() -> None:
    assert (
        redact("Grandmother, age 93, lives alone.") == "Grandmother, age 90 or older, lives alone."
    )
    assert redact("A 64 yo man with his 101-year-old father.") == (
        "A 64 yo man with his 90-or-older-year-old father."
    )


def test_it_refuses_to_shift_dates_by_nothing() -> None:
    with pytest.raises(ValueError, match="offset"):
        redact("Seen 3/14/2024.", dates=DatePolicy.SHIFT)


def test_it_says_where_each_replacement_went_for_review() -> None:
    detail = redact_detail("Call Dana Moreau at 662-555-0142.")
    for replacement in detail.replacements:
        assert detail.text[replacement.out_start : replacement.out_end] == replacement.text
    assert [r.span.kind for r in detail.replacements] == [Kind.NAME, Kind.PHONE]


def test_it_writes_date_when_a_shift_would_leave_the_calendar() -> None:
    late = redact("DOB 12/31/9999, seen 3/14/2024.", dates=DatePolicy.SHIFT, offset_days=30)
    assert late == "DOB [DATE], seen 4/13/2024."
    early = redact("DOB 1/1/0001; seen March 3, 2024.", dates=DatePolicy.SHIFT, offset_days=-30)
    assert early == "DOB [DATE]; seen February 2, 2024."


def test_it_calls_another_participant_of_the_case_person_a_never_the_client() -> None:
    known = Known(client=["Dana Moreau"], others=["Luciano Abernethy", "Pia Okonkwo-Reyes"])
    text = "Dana said Luciano interrupted her; Pia Okonkwo-Reyes sided with Luciano."
    assert (
        redact(text, known)
        == "The client said Person A interrupted her; Person B sided with Person A."
    )


def test_it_masks_a_known_organisation_wherever_it_is_named() -> None:
    known = Known(organisations=["Birchwood Counseling Collective"])
    assert redact("Seen at Birchwood Counseling Collective; Birchwood billed.", known) == (
        "Seen at [ORGANIZATION]; [ORGANIZATION] billed."
    )
