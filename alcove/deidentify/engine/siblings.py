"""Names beside a name: the other half of a name written surname first in a form's field,
the other children of a list of names with their ages, and a surname's initial after a given
name ("jeff d.").

A census list cannot vouch for a given name that is also a word ("Summer", "June", "Rain",
"Pip"), and the rules leave such words alone unless something says they name someone. Here
the shape of the text says so: "PEAKE, SUMMER  MRN 00731190" is one person's name filling a
field, and "Children: Ollie (7), Pip (4)" lists two children once one of them is known.
"""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import NOT_NAMES, credential_word
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.tokens import past
from alcove.deidentify.engine.vocabulary import STATE_CODES
from alcove.deidentify.engine.words import Lexicon

# A field's edge: a line's start or end, two spaces or a tab, a table's bar, a bracket,
# a label's colon
_FIELD_START = r"(?:^|(?<=\n)|(?<=[ \t]{2})|(?<=\t)|(?<=\|[ \t])|(?<=\|)|(?<=:[ \t]))"
_FIELD_END = r"(?=[ \t]*(?:\n|$|\||\()|[ \t]{2}|\t)"
FIELD_START = regex(_FIELD_START)
FIELD_END = regex(_FIELD_END)
# the given name after a surname found: "PEAKE, SUMMER  MRN", "| Lockhart, Rain   |"
GIVEN_AFTER = regex(rf",[ \t]?([A-Z][A-Za-z'-]+){_FIELD_END}")
# the surname before a given name found: "RM 418  BRIGHTWATER, JOSEPH ("JOEY")"
SURNAME_BEFORE = regex(rf"{_FIELD_START}([A-Z][A-Za-z'-]+),[ \t]?\Z")
# a table's cell opening just before: "| Baker, Rowan"
CELL_START = regex(r"\|[ \t]*\Z")
# the initial of a surname after a given name found: "w/ jeff d. 1000-1100", "Sara B.,"
SURNAME_INITIAL = regex(r"[ \t]([A-Za-z])\.(?=[ \t,;:)]|\n|$)")
# a child's name and age in a list, after one found: "Ollie (7), Pip (4)"
NEXT_LISTED = regex(
    r"[ \t]*\([ \t]*\d{1,2}[ \t]*\)[ \t]*(?:,|&|and)[ \t]*(?:and[ \t]+)?"
    r"([A-Z][a-z'-]+)[ \t]*\((\d{1,2})\)"
)


def names_beside_names(text: str, found: list[Span], lex: Lexicon) -> list[Span]:
    """The other half of each name found that fills a field surname first, the names listed
    with their ages after a name found with its age, and the initial of a given name's
    surname."""
    out: list[Span] = []
    for span in found:
        if span.kind != Kind.NAME:
            continue
        out.extend(_other_half(text, span, lex))
        bracket = past(text, span.end, " \t")
        if text[bracket : bracket + 1] == "(":  # (both start with an age in brackets)
            out.extend(_listed_after(text, span))
            out.extend(_listed_before(text, span))
        if text[span.end + 2 : span.end + 3] != ".":
            continue  # (the initial's full stop: most names have none there)
        initial = SURNAME_INITIAL.match(text, span.end)
        if initial is not None and _initial_fits(text[span.start : span.end], initial.group(1)):
            out.append(Span(initial.start(1), initial.end(), Kind.NAME))
    return out


def _initial_fits(name: str, letter: str) -> bool:
    """A given name alone, and its surname's initial written in the same case ("jeff d.",
    "Sara B.")."""
    return " " not in name and (letter.islower() == name.islower())


def _other_half(text: str, span: Span, lex: Lexicon) -> list[Span]:
    """The given name after a surname found, or the surname before a given name found (no
    ordinary word: "Thanks, Kyla", "Mom, Deb", but a surname's in a table's cell)."""
    word = text[span.start : span.end]
    if " " in word:
        return []
    after = GIVEN_AFTER.match(text, span.end) if _at_field_start(text, span.start) else None
    if after is not None and _same_case(word, after.group(1)):
        return [Span(*after.span(1), Kind.NAME)]
    if not _ends_field(text, span.end):
        return []
    before = SURNAME_BEFORE.search(text, max(0, span.start - 40), span.start)
    if before is None or before.group(1).lower() in NOT_NAMES:
        return []
    surname = before.group(1).lower()
    if surname in lex.common and not (
        surname in lex.last and CELL_START.search(text, 0, before.start(1))
    ):
        return []  # (but a table's cell holds no greeting: "| Moss, Rowan |")
    return [Span(*before.span(1), Kind.NAME)] if _same_case(word, before.group(1)) else []


def _at_field_start(text: str, start: int) -> bool:
    return FIELD_START.match(text, start) is not None


def _ends_field(text: str, end: int) -> bool:
    return FIELD_END.match(text, end) is not None


def _same_case(name: str, other: str) -> bool:
    """Whether two halves are written alike (both in capitals, or neither), and the other is
    no credential or state ("Ruiz, MD", "Salem, OR")."""
    if credential_word(other) or other in STATE_CODES or len(other) < 2:
        return False
    return name.isupper() == other.isupper()


# the one listed before a name found with its age: "Children: Ada (17), Felix (14)"
PREVIOUS_LISTED = regex(
    r"(?:^|(?<=[\s:;(]))([A-Z][a-z'-]+)[ \t]*\([ \t]*\d{1,2}[ \t]*\)[ \t]*(?:,|&|and)[ \t]*"
    r"(?:and[ \t]+)?$"
)
AGE_BRACKET_NEXT = regex(r"[ \t]*\([ \t]*\d{1,2}[ \t]*\)")


def _listed_before(text: str, span: Span) -> list[Span]:
    if not AGE_BRACKET_NEXT.match(text, span.end):
        return []
    m = PREVIOUS_LISTED.search(text, max(0, span.start - 40), span.start)
    return [Span(*m.span(1), Kind.NAME)] if m is not None else []


def _listed_after(text: str, span: Span) -> list[Span]:
    out = []
    position = span.end
    while (m := NEXT_LISTED.match(text, position)) is not None:
        out += [Span(*m.span(1), Kind.NAME), Span(*m.span(2), Kind.AGE)]
        position = m.end(1)
    return out
