"""Names the shape of the text gives beside a name found (engine/siblings.py)."""

from alcove.deidentify.engine import Kind, find_spans


def kinds(text: str) -> dict[str, Kind]:
    return {text[s.start : s.end]: s.kind for s in find_spans(text)}


def test_it_masks_a_given_name_that_is_a_word_after_a_surname_filling_a_field() -> None:
    found = kinds("RM 414B  PEAKE, SUMMER  MRN 00731190  19F\n- Q15 checks")
    assert found.get("SUMMER") == Kind.NAME
    found = kinds("CXR PA/LAT  4/2/90 06:48   MACALLISTER, JUNE  4471093")
    assert found.get("JUNE") == Kind.NAME


def test_it_leaves_a_word_after_a_surname_that_fills_no_field() -> None:
    assert "SUMMER" not in kinds("PEAKE, SUMMER PROGRAM ENROLMENT PENDING")
    assert "Rain" not in kinds("Called Peake, Rain expected so session moved indoors.")


def test_it_leaves_a_credential_or_a_state_after_a_name_in_a_field() -> None:
    assert kinds("Attending:  Kowalczyk, MD  pager 4412").get("MD") is None
    assert kinds("Home:  Salem, OR  97301").get("OR") != Kind.NAME


def test_it_masks_the_surname_before_a_given_name_found_in_a_field() -> None:
    found = kinds('RM 418  BRIGHTWATER, JOSEPH ("JOEY")  MRN 00731191')
    assert found.get("BRIGHTWATER") == Kind.NAME


def test_it_masks_a_surname_that_is_a_word_before_a_given_name_in_a_tables_cell() -> None:
    found = kinds("| 03/02/25 | Moss, Imogen  | B20117 | 90837 |")
    assert found.get("Moss") == Kind.NAME
    assert "Thanks" not in kinds("| 03/02/25 | Thanks, Imogen | left early |")


def test_it_leaves_a_greeting_or_a_relation_before_a_name_and_a_comma() -> None:
    found = kinds("Can bring him over by 3.\n\nThanks,\nTamika\nGateway Services")
    assert "Thanks" not in found
    assert "Mom" not in kinds("Emergency contact:  Mom, Deb  218-555-0142")


def test_it_masks_every_child_of_a_list_with_ages_once_one_is_found() -> None:
    found = kinds("Children: Ollie (7), Pip (4) and Wren (2)")
    assert {"Ollie", "Pip", "Wren"} <= set(found)
    assert found["Pip"] == Kind.NAME and found["4"] == Kind.AGE


def test_it_leaves_a_list_of_counts_that_names_no_one() -> None:
    found = kinds("Errors: Trails (4), Mazes (2) and Digits (1) today.")
    assert not {"Trails", "Mazes", "Digits"} & set(found)


def test_it_masks_a_surnames_initial_after_a_given_name_found() -> None:
    found = kinds("pt nadia k., 20yo, jr, bio major. sleeping better.")
    assert found.get("k.") == Kind.NAME
    # (and after a name the context models found: "jeff" here)
    assert "d." in kinds("escorted walk to the park w/ jeff d. 1000-1100, smoked x2.")
    assert "a." not in kinds("Seen with Maria a. m. rounds.")


def test_it_takes_the_child_listed_before_one_found_with_their_age() -> None:
    found = kinds("Marital status: separated    Children: Ada (17), Felix (14)")
    assert found.get("Ada") == found.get("Felix") == Kind.NAME
    # a word before a bracketed number with no name after it is left
    assert "Labs" not in kinds("Labs (12), stable. Felix (14) came too.")
