"""Staff initials where a record's shape puts them: the typists' pair on a dictation's line,
the initials a role's field holds, the two sides of a handover's arrow, the initials a
co-signature follows, a message thread's sender in brackets.

Letters alone say nothing (a note is full of them: "ED", "BP", "SOB"); the place says whose
they are, and a list's abbreviation is never taken ("ED -> ICU" is a transfer).
"""

import re
from collections import Counter

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import credential_word
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.patterns import GENERIC_UNITS
from alcove.deidentify.engine.people import listed_letters
from alcove.deidentify.engine.professions import TRADE_ENDINGS
from alcove.deidentify.engine.screen import Screened, screened
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.words import Lexicon

# "DICTATED: 09/06/2086  CA/TMH": the dictating and typing initials closing the line
DICTATION_PAIR = screened(
    regex(
        r"(?m)^[ \t]*(?:DICTATED|Dictated|TRANSCRIBED|Transcribed|DD|DT|D|T)[ \t]*:[^\n]*?\d"
        r"[ \t]{2,}([A-Z]{2,3})/([A-Z]{2,3})[ \t]*$"
    )
)
# "D: 02/11/2019 09:40   T: 02/12/2019 07:05   pjm": the typist's initials in lower case
# closing the line of a dictation's dates (never a word: "job# 448812" goes on)
DICTATION_TYPIST = regex(
    r"(?m)^[ \t]*D[ \t]*:[^\n]*?\bT[ \t]*:[ \t]*[\d/]{6,10}(?:[ \t]+\d\d?:\d\d)?"
    r"[ \t]{2,}([a-z]{2,3})[ \t]*$"
)
# "Sonographer: JKT   Image quality": a role's field holding initials
ROLE_FIELD = screened(
    regex(r"\b([A-Z][a-z]{3,})[ \t]*:[ \t]*([A-Z]{2,3})\b(?=[ \t]{2,}|[ \t]*(?:$|\n|[,;|]))")
)
# "SIGN-OUT   Sun 4/14   DK → RM": who hands over to whom
HANDOVER = screened(regex(r"\b([A-Z]{2,3})[ \t]*(?:\u2192|->|=>)[ \t]*([A-Z]{2,3})\b"))
# "TRH / cosign AB": the author's initials before a co-signature
COSIGNED = regex(r"\b([A-Z]{2,3})[ \t]*/[ \t]*(?i:co-?sign)")
# "CLINIC (ntw): Yes that's fine": who answered for the clinic in a message thread
SENDER_BRACKETED = regex(r"\b[A-Z]{3,}[ \t]*\(([a-z]{2,3})\):")

# Where hospital records put the initials of who made them: "(Gross: JKP/mlw)" on a
# pathology report, the typist's after a dictation's document number ("eScription document:
# 3-4471902 TRL") or after the dictating doctor's name closing the report ("D. OKAFOR/LB"),
# a signer's before a credential in lower case ("-- kmb pa-c  7/25") or before their name
# ("- ebw / Eleanor Whitfield, MD")
GROSSED = regex(
    r"\b(?:Gross(?:ed)?(?:[ \t]+by)?|GROSS(?:ED)?(?:[ \t]+BY)?)[ \t]*:[ \t]*"
    r"([A-Z]{2,4})(?:/([a-z]{2,4}))?\b"
)
DOCUMENT_TYPIST = regex(
    r"(?m)\b(?:eScription|Transcription|Dictation)[ \t]+(?:document|doc|job|#)[^\n]{0,6}"
    r"[ \t]*:?[ \t]*[\d-]{5,}[ \t]+([A-Z]{2,3})[ \t]*$"
)
NAME_TYPIST = screened(
    regex(r"(?m)^[ \t]*(?:[A-Z]\.[ \t]?)?[A-Z][A-Za-z'-]{2,}/([A-Z]{2,3})[ \t]*$")
)
SIGNER_CREDENTIAL = regex(
    r"(?m)^[ \t]*-{1,2}[ \t]*([a-z]{2,4})[ \t]+(?:pa-c|np|md|do|rn|lpn|pharmd|rd|sw)\b"
)
# "... To bay 2. -jqp RN": the same after a sentence, closing the line
SIGNER_AFTER_SENTENCE = regex(
    r"[.;!][ \t]+-{1,2}[ \t]*([a-z]{2,4})[ \t]+(?i:pa-c|np|md|do|rn|lpn)[ \t]*(?:$|\n)"
)
SIGNER_BEFORE_NAME = regex(
    r"(?m)^[ \t]*-{1,2}[ \t]*([a-z]{2,4})[ \t]*/[ \t]*(?:Dr\.?[ \t]+)?[A-Z][a-z]+[ \t]+[A-Z]"
)
# "hey dr k", "dr. p wants": a clinician by the initial a hurried note or a client gives
# (never a street's "Dr" after its name: "University Dr S")
DOCTOR_INITIAL = screened(regex(r"\b(?:dr|Dr|DR)\.?[ \t]+([A-Za-z])(?![\w.'\u2019-])"))
STREET_BEFORE = regex(r"[A-Z][a-z]+[ \t]+\Z")
# "TJW / T. Wendt, MD", "-ak / Anneliese Kroll": a signer's initials before their name
# (looked for at each slash, the letters before it and the name after it: one regex over the
# whole note took five times as long)
LETTERS_BEFORE_SLASH = regex(r"(?<![\w/-])-{0,2}([A-Za-z]{2,4})[ \t]*\Z")
NAME_AFTER_SLASH = regex(
    r"[ \t]*(?:[Dd]r\.?[ \t]+)?([A-Za-z][A-Za-z'-]*\.?(?:[ \t]+[A-Za-z][A-Za-z'-]*\.?){1,2})"
)
GROSSED_HINTS = hint(("Gross", "GROSS"))
# Initials closing a line after a gap, a bar, a bracket or a dash set apart
CLOSING_LETTERS = screened(
    regex(r"(?m)(?:[ \t]{2,}|\|[ \t]*|\(|[ \t][-\u2013\u2014][ \t])([A-Z]{2,3})\)?[ \t]*$")
)
PROVINCES = frozenset("AB BC MB NB NL NS ON PE QC SK YT NT NU NSW VIC QLD TAS ACT".split())
ROMAN = regex(r"[IVX]+")
DOCUMENT_HINTS = hint(("eScription", "ranscription", "ictation"))
# (the signers' shapes open a line with a dash: looked for only where a line does)
SIGNER_HINTS = hint(("\n-", "\n -", "\n--"))
# Places of care a patient is moved between ("ED -> ICU", "PACU -> 4W"): every hospital's
# units, and a few more
UNITS = GENERIC_UNITS | frozenset("IR ICN SDU HDU IMC ACU AMU".split())
HANDOVER_WORDS = regex(r"(?i)sign[- ]?out|hand[- ]?off|hand[- ]?over|shift report|\bshift\b")
DICTATION_HINTS = hint(("ICTATED", "ictated", "RANSCRIBED", "ranscribed", "D:", "T:"))
ARROWS = hint(("\u2192", "->", "=>"))
COSIGN_HINTS = hint(("cosign", "co-sign", "Cosign", "Co-sign", "COSIGN", "CO-SIGN"))


def placed_initials(text: str, lex: Lexicon) -> list[Span]:
    """Staff initials in the places above, never letters a list holds."""
    out: list[Span] = []
    for m in DICTATION_PAIR.finditer(text) if any_in(DICTATION_HINTS, text) else ():
        out += [Span(*m.span(1), Kind.STAFF), Span(*m.span(2), Kind.STAFF)]  # ("CA/TMH")
    for m in DICTATION_TYPIST.finditer(text) if "T:" in text else ():
        out.append(Span(*m.span(1), Kind.STAFF))
    arrows = any_in(ARROWS, text)
    for m in HANDOVER.finditer(text) if arrows else ():  # (on a handover's line, no unit)
        sides = m.group(1), m.group(2)
        if any(s in UNITS for s in sides) or not _handover_line(text, m):
            continue
        if not all(listed_letters(s, lex) for s in sides):
            out += [Span(*m.span(1), Kind.STAFF), Span(*m.span(2), Kind.STAFF)]
    for m in ROLE_FIELD.finditer(text):
        role = m.group(1).lower()
        if (role in lex.jobs or role.endswith(TRADE_ENDINGS)) and not listed_letters(
            m.group(2), lex
        ):
            out.append(Span(*m.span(2), Kind.STAFF))
    out.extend(_record_initials(text, lex))
    for m in DOCTOR_INITIAL.finditer(text) if "r" in text else ():
        if not (m.group()[0] == "D" and STREET_BEFORE.search(text, 0, m.start())):
            out.append(Span(*m.span(1), Kind.STAFF))
    out.extend(_initials_before_names(text))
    out.extend(_closing_initials(text, lex))
    signed = any_in(COSIGN_HINTS, text), "):" in text
    for pattern, present in zip((COSIGNED, SENDER_BRACKETED), signed, strict=True):
        for m in pattern.finditer(text) if present else ():
            letters = m.group(1).upper()
            if text[max(0, m.start() - 2) : m.start()] == ", ":
                continue  # a credential after a name ("Will Santos, APC / co-signed")
            if not listed_letters(letters, lex) and not credential_word(letters):
                out.append(Span(*m.span(1), Kind.STAFF))
    return out


def _initials_before_names(text: str) -> list[Span]:
    """Letters before a slash that are the initials of the name after it ("-ak / Anneliese
    Kroll", "TJW / T. Wendt"): no credential, no abbreviations in capitals ("DNR/DNI")."""
    out: list[Span] = []
    slash = text.find("/")
    while slash >= 0:
        letters = LETTERS_BEFORE_SLASH.search(text, max(0, slash - 8), slash)
        name = NAME_AFTER_SLASH.match(text, slash + 1) if letters is not None else None
        if letters is not None and name is not None and _initials_of(letters[1], name[1]):
            out.append(Span(*letters.span(1), Kind.STAFF))
        slash = text.find("/", slash + 1)
    return out


def _closing_initials(text: str, lex: Lexicon) -> list[Span]:
    """The initials that close two lines or more of a log, each the writer's ("...Sent
    intake packet.  TR", "| resting in room | TB", "(MR)"), never letters a list holds, a
    province, a credential or a Roman numeral."""
    found = list(CLOSING_LETTERS.finditer(text)) if "\n" in text else []
    counts = Counter(m.group(1) for m in found)
    out = []
    for m in found:
        letters = m.group(1)
        if counts[letters] < 2 or letters in PROVINCES or ROMAN.fullmatch(letters):
            continue
        if not listed_letters(letters, lex) and not credential_word(letters):
            out.append(Span(*m.span(1), Kind.STAFF))
    return out


def _initials_of(letters: str, name: str) -> bool:
    written = name.split()
    if any(len(w) > 2 and w.isupper() for w in written) or credential_word(letters.upper()):
        return False
    # (a double-barrelled surname's second part counts: "PHS / P. Hollins-Steyn")
    words = [w.lower() for w in written]
    last = {part[:1] for w in words[1:] for part in w.split("-")}
    return letters[0].lower() == words[0][0] and letters[-1].lower() in last


def _handover_line(text: str, m: re.Match[str]) -> bool:
    """Whether the arrow's line is a handover's ("MICU NIGHT SIGN-OUT ... DK → RM"), not a
    course of care ("90% prox LAD -> DES x1")."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return HANDOVER_WORDS.search(text, start, len(text) if end < 0 else end) is not None


def _record_initials(text: str, lex: Lexicon) -> list[Span]:
    """The initials in the places GROSSED to SIGNER_BEFORE_NAME describe (no listed letters)."""
    out: list[Span] = []
    signers = text.startswith("-") or any_in(SIGNER_HINTS, text)
    present = (
        any_in(GROSSED_HINTS, text),
        any_in(DOCUMENT_HINTS, text),
        "/" in text,
        signers,
        signers,
        ". -" in text or ". --" in text,
    )
    patterns: tuple[re.Pattern[str] | Screened, ...] = (
        GROSSED,
        DOCUMENT_TYPIST,
        NAME_TYPIST,
        SIGNER_CREDENTIAL,
        SIGNER_BEFORE_NAME,
        SIGNER_AFTER_SENTENCE,
    )
    for pattern, there in zip(patterns, present, strict=True):
        for m in pattern.finditer(text) if there else ():
            for group in range(1, (m.re.groups or 0) + 1):
                letters = m.group(group)
                if letters and not listed_letters(letters.upper(), lex):
                    out.append(Span(*m.span(group), Kind.STAFF))
    return out
