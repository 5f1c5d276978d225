"""Letters between clinicians in British and Commonwealth style: the roles a letter greets,
the spellings, brands and shorthand of those countries are no one's, while the people in
the letter still are.

Every example is new: none comes from the benchmark sets.
"""

from alcove.deidentify.engine import find_spans


def masked(text: str) -> set[str]:
    return {text[s.start : s.end] for s in find_spans(text)}


def test_it_leaves_a_role_a_letter_greets_but_not_a_name() -> None:
    assert masked("Dear Family Physician,\nThank you for your referral.") == set()
    assert masked("Dear Referrer,\nWe cannot accept this referral.") == set()
    assert "Ratchford" in masked("Dear Nurse Ratchford,\nThank you for your note.")


def test_it_leaves_british_spellings_brands_and_shorthand() -> None:
    letter = (
        "PLAN: Pitting oedema, haemorrhagic transformation excluded, dyspnoea improving. "
        "Priadel 800 mg nocte; Laxido 1 sachet BD; Zuclopenthixol decanoate fortnightly. "
        "FBC and U&E in 1 week. cc: GP"
    )
    assert masked(letter) == set()
    assert "Aled Pritchard-Evans" in masked("Seen by Dr Aled Pritchard-Evans, MBChB.")


def test_it_leaves_the_kinds_of_service_and_order_a_letter_names() -> None:
    letter = (
        "From: Early Intervention in Psychosis Service\nTo: Community Mental Health Team\n"
        "The patient's Community Treatment Order was discharged; referral to psycho-oncology."
    )
    assert masked(letter) == set()
    assert "Larkfield" in " ".join(masked("From: Larkfield Early Intervention Service"))
