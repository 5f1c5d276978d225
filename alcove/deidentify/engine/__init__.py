"""The de-identification engine: no Django, usable on its own.

    from alcove.deidentify.engine import DatePolicy, Known, find_spans, redact
    spans = find_spans(text)                      # list[Span], character offsets
    clean = redact(text, known=Known(client=["Dana Moreau"]))   # dates keep their year
    clean = redact(text, dates=DatePolicy.SHIFT, offset_days=-41)

`find_spans` finds the 18 HIPAA Safe Harbor identifier categories and staff names;
with `known`, every mention of the client's own identifiers too. `redact` replaces them
(see replace.py) and `redact_detail` also says where each replacement went, for review.
"""

# isort: off
# (before every other module of the engine: where a build of these very sources is at hand,
# its compiled modules are imported in their place; native.py)
import alcove.deidentify.engine.native  # noqa: F401

# isort: on
import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from alcove.deidentify.engine.compiled import regex, regex_cache_close
from alcove.deidentify.engine.context import context_spans
from alcove.deidentify.engine.initials import placed_initials
from alcove.deidentify.engine.kinds import types_checked
from alcove.deidentify.engine.known import Known, KnownMatcher, Person
from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.patterns import shaped_spans
from alcove.deidentify.engine.people import (
    Finder,
    ages_after_names,
    bracketed_name_ages,
    closing_initials,
    dates_after_names,
    entry_initials,
    initial_surnames,
    kept_regions,
    line_initials,
    logins_of_names,
    name_initials,
    names_recurring,
    nicknames,
    people_finder,
    plain_given_names,
    range_ends_after_dates,
    staff_initials,
    staff_logins,
    weekdays_before_dates,
)
from alcove.deidentify.engine.professions import (
    staff_roles_left,
    trades_after_employers,
    trades_after_names,
    trades_with_modifiers,
)
from alcove.deidentify.engine.replace import DatePolicy, Pseudonyms, replacement_for
from alcove.deidentify.engine.scales import scales_left
from alcove.deidentify.engine.screen import screen_end, screen_start
from alcove.deidentify.engine.siblings import names_beside_names
from alcove.deidentify.engine.spans import Kind, Span, spans_resolve, spans_trim
from alcove.deidentify.engine.sweep import unlisted_spans
from alcove.deidentify.engine.tables import headed_columns, table_initials, table_spans
from alcove.deidentify.engine.tails import org_tails
from alcove.deidentify.engine.words import Words

__all__ = [
    "DatePolicy",
    "Kind",
    "Known",
    "Person",
    "Pseudonyms",
    "Redaction",
    "Replacement",
    "Span",
    "find_spans",
    "redact",
    "redact_detail",
]


def find_spans(text: str, known: Known | None = None, *, keep_states: bool = False) -> list[Span]:
    """Every identifier in the text, sorted, not overlapping, with character offsets.

    US states and countries are found as LOCATION (as i2b2-style scorers count them);
    `keep_states=True` leaves them, as Safe Harbor allows."""
    screen_start(text)  # (which costly patterns cannot match it: screen.py)
    try:
        return _found(text, known, keep_states=keep_states)
    finally:
        screen_end()


def _found(text: str, known: Known | None, *, keep_states: bool) -> list[Span]:
    found, kept, finder = _rules(text, known, keep_states=keep_states)
    # last of all, the words the rules left that their context marks (context.py)
    extra = context_spans(text, found, kept)
    if extra:
        # (a name the context pass found may have its age beside it: "darnell fisher 19m",
        # and is a name wherever it recurs: "met tilly for coffee ... tilly's sponsor")
        extra.extend(ages_after_names(text, extra))
        extra.extend(names_recurring(finder, extra))
        extra.extend(names_beside_names(text, extra, lexicon()))  # ("jeff d.")
        # (and an organisation it found carries on as the rules' ones do: "of the Prairie")
        found = org_tails(text, spans_resolve(found + extra))
    # the user names made of the names found, looked for once they are all known (and few)
    logins = logins_of_names(text, found, lexicon())
    found = spans_resolve(found + logins) if logins else found
    # last, each span's type checked against its neighbours (kinds.py)
    # (and a scale's name before its score is no person, its score no age: "BRADEN 17")
    lex = lexicon()
    found = trades_with_modifiers(text, scales_left(text, found), lex.common, lex.jobs)
    # (and a clinician's role after their name is no trade: "T. Ngata, case manager")
    return staff_roles_left(text, types_checked(text, found))


def rule_spans(
    text: str, known: Known | None = None, *, keep_states: bool = False
) -> tuple[list[Span], list[Span]]:
    """What the rules find (resolved), and the states and countries kept unmasked (with
    keep_states): the context score's input, and what its weights were fitted on."""
    found, kept, _ = _rules(text, known, keep_states=keep_states)
    return found, kept


def _rules(
    text: str, known: Known | None, *, keep_states: bool
) -> tuple[list[Span], list[Span], Finder]:
    lex = lexicon()
    found = list(shaped_spans(text))
    finder = people_finder(text, lex, regions=not keep_states)
    found.extend(names_outside_dates(finder.spans, found))
    found.extend(finder.ages)
    if known is not None:
        found.extend(KnownMatcher(known, lex).spans(text))
    # last: what no rule claimed and the allow-list does not know (sweep.py); states and
    # countries the caller keeps are no unknown words
    kept = kept_regions(finder) if keep_states else []
    found.extend(unlisted_spans(finder, found + kept))
    found.extend(address_block_lines(text, found, lex.common))
    found.extend(town_and_zip_after(text, found))
    found.extend(table_spans(text, lex.jobs))
    found.extend(table_initials(text, lex))
    found.extend(headed_columns(text) if "|" in text else ())
    found.extend(nicknames(finder, found))
    found.extend(names_recurring(finder, found))
    found.extend(bracketed_name_ages(text, found))
    found.extend(names_beside_names(text, found, lex))
    found.extend(trades_after_employers(text, found, lex.jobs))
    found.extend(trades_after_names(text, found, lex.jobs))
    found.extend(ages_after_names(text, found))
    found.extend(dates_after_names(text, found))
    found.extend(weekdays_before_dates(text, found))
    found.extend(range_ends_after_dates(text, found))
    found.extend(initial_surnames(text, found, lex))
    found.extend(staff_initials(text, found))
    found.extend(name_initials(text, found, lex))
    found.extend(staff_logins(text, lex))
    found.extend(entry_initials(text, lex))
    found.extend(closing_initials(text, lex))
    found.extend(line_initials(text, lex))
    found.extend(placed_initials(text, lex))
    found.extend(plain_given_names(finder, found))
    resolved = org_tails(text, spans_trim(text, spans_resolve(spans_trim(text, found))))
    return ward_labels_left(text, resolved), kept, finder


def names_outside_dates(names: list[Span], shaped: list[Span]) -> list[Span]:
    """The finder's spans but a name that a date holds whole: "Jan" in "Seen Jan 27." is
    the month (the sweep would take "Seen" with it for a name, and "27" for its age)."""
    dates = sorted((s.start, s.end) for s in shaped if s.kind == Kind.DATE)
    if not dates:
        return names
    # (by bisection: a page of names and dates would cost their product otherwise)
    starts = [a for a, _ in dates]
    reach = list(accumulate((b for _, b in dates), max))  # the furthest end so far
    return [
        n
        for n in names
        if n.kind != Kind.NAME or (k := bisect_right(starts, n.start)) == 0 or reach[k - 1] < n.end
    ]


# "Ward 4B", "WARD J24", "Ward: Kestrel Ward", "Ward consultant", "WARD ROUND": the word
# labelling a ward, not the surname it also is ("Elijah Ward", "Kestrel Ward" stay masked)
WARD_LABEL = regex(r"[ \t]*(?::|\d|[A-Z]\d|[a-z]|(?i:round|manager|clerk)\b)")


def ward_labels_left(text: str, spans: list[Span]) -> list[Span]:
    """The spans but those that are a ward's label alone."""
    if "ard" not in text and "ARD" not in text:
        return spans
    return [
        s
        for s in spans
        if text[s.start : s.end] not in ("Ward", "WARD") or not WARD_LABEL.match(text, s.end)
    ]


# A line that goes on an address: "Suite 680", "Kissousa", "Cyprus 36903", ", CO", "LONDON"
BLOCK_LINE = regex(
    r"[ \t>?*-]*,?[ \t]*((?:(?:Suite|Apt\.?|Unit|Flat|Box|Apartment|Floor|Ste\.?|Bldg\.?)"
    r"[ \t]*#?[ \t]*[\w-]+)|[A-Z\u00c0-\u017f0-9][\w\u00c0-\u017f'.-]*"
    r"(?:[ \t,]+[A-Z\u00c0-\u017f0-9][\w\u00c0-\u017f'.-]*){0,4})[ \t,]*"
)
NOT_BLOCK_OPENERS = (
    "Dear", "Re", "RE", "To", "From", "Attn", "Cc", "CC", "Subject", "Date", "Phone", "Tel", "Fax",
    "Email", "E-mail", "Web", "Cell", "Mobile", "Pager",
)  # fmt: skip


# ", East Tilbury 03874", ", Pennacook Falls, NH 03871": the town and ZIP that end an address
TOWN_ZIP_AFTER = regex(
    # (its empty second group stands for the second town TOWNS_POSTCODE_AFTER may have)
    r",[ \t]*((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)()"
    r",?[ \t]+(?:[A-Z]{2}[ \t]+)?(?P<code>\d{5}(?:-\d{4})?)\b"
)


MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
# ", Takapuna, Auckland 0622" closing its line: the four-digit postcode of New Zealand,
# Australia, much of Europe, after a town or two
TOWNS_POSTCODE_AFTER = regex(
    r",[ \t]*((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)(?:,[ \t]*((?:[A-Z][a-z]+[ \t]+){0,2}"
    r"[A-Z][a-z]+))?[ \t]+(?P<code>\d{4})[ \t]*(?=\n|$)"
)


# ", Port Dalton\n", ", Westerly, RI": the town closing a street address, with its state at most
TOWN_AFTER = regex(
    r",[ \t]*((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)(?=[ \t]*(?:,[ \t]*[A-Z]{2}\b|\n|$|[.;]))"
)


def town_and_zip_after(text: str, found: list[Span]) -> list[Span]:
    """The town after a street address on its line, when a ZIP follows it (with or without
    its state) or when it closes the line or the sentence: a place, however the words read
    alone."""
    out: list[Span] = []
    for start, end in {(s.start, s.end) for s in found if s.kind == Kind.ADDRESS}:
        m = TOWN_ZIP_AFTER.match(text, end) or TOWNS_POSTCODE_AFTER.match(text, end)
        if m is not None and not MONTHS & set(m.group().lower().replace(",", " ").split()):
            out.extend(Span(*m.span(g), Kind.LOCATION) for g in (1, 2) if m.group(g))
            out.append(Span(*m.span("code"), Kind.ZIP))
            continue
        numbered = text[start].isdigit()  # (a street with its number, not "District Court")
        m = TOWN_AFTER.match(text, end) if numbered else None
        if m is not None and m.group(1).split()[0] not in NOT_TOWNS:
            out.append(Span(*m.span(1), Kind.LOCATION))
    return out


# Capitalised words after an address that go on with it, no town ("Apt", "Suite")
NOT_TOWNS = frozenset({"Apt", "Suite", "Unit", "Ste", "Floor", "Room", "Bldg", "Building", "Box"})


def address_block_lines(text: str, found: list[Span], common: Words) -> list[Span]:
    """The lines under a street address that finish it: a suite, a town, a country and its
    postcode, each alone on its line (up to four lines, none a sentence or a label)."""
    out: list[Span] = []
    ends = sorted({s.end for s in found if s.kind == Kind.ADDRESS})
    for end in ends:
        line_end = text.find("\n", end)
        if line_end < 0 or text[end:line_end].strip(" \t,.;"):
            continue  # the address does not close its line
        position = line_end
        for _ in range(4):
            next_end = text.find("\n", position + 1)
            next_end = len(text) if next_end < 0 else next_end
            line = text[position + 1 : next_end]
            m = BLOCK_LINE.fullmatch(line)
            if m is None or not m.group(1) or m.group(1).split()[0] in NOT_BLOCK_OPENERS:
                break
            words = re.findall(r"[^\W\d_]+", m.group(1))
            digits = any(c.isdigit() for c in m.group(1))
            if not digits and all(w.lower() in common for w in words):
                break  # "MENTAL HEALTH NOTE": a heading, not a town
            out.append(Span(position + 1 + m.start(1), position + 1 + m.end(1), Kind.ADDRESS))
            position = next_end
            if next_end >= len(text):
                break
    return out


class Replacement(NamedTuple):
    """One replacement: the span in the original and where its text sits in the output."""

    span: Span
    text: str
    out_start: int
    out_end: int


class Redaction:
    """The redacted text, and each replacement in it."""

    def __init__(self, text: str, replacements: list[Replacement] | None = None) -> None:
        self.text = text
        self.replacements = replacements if replacements is not None else []


def redact_detail(
    text: str,
    known: Known | None = None,
    *,
    spans: list[Span] | None = None,
    pseudonyms: Pseudonyms | None = None,
    dates: DatePolicy = DatePolicy.YEAR,
    offset_days: int = 0,
    keep_states: bool = False,
) -> Redaction:
    """The redacted text and every replacement in it (for highlighting and review).

    Dates keep only their year unless `dates=DatePolicy.SHIFT` with a non-zero offset (a
    shift of nothing would leave every date as it was).
    """
    if dates == DatePolicy.SHIFT and offset_days == 0:
        raise ValueError("Shifting dates needs a non-zero offset_days (the case's offset).")
    if spans is None:
        spans = find_spans(text, known, keep_states=keep_states)
    if pseudonyms is None:
        pseudonyms = Pseudonyms()
    out: list[str] = []
    replacements = []
    position = 0
    length = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < position:
            continue
        surface = text[span.start : span.end]
        new = replacement_for(span, surface, pseudonyms, dates=dates, offset_days=offset_days)
        if new is None:
            continue
        if new and new[0].islower() and _sentence_start(text, span.start):
            new = new[0].upper() + new[1:]
        if new and text[span.end : span.end + 1].isalnum() and not surface[-1:].isalpha():
            new += " "  # "93F" becomes "90 or older F"
        end = span.end
        if span.kind == Kind.AGE:
            compound = YEAR_OLD.match(text, span.end)
            if compound:  # "a 93-year-old" reads "a 90-or-older-year-old"
                new, end = "90-or-older-year-old", compound.end()
        before = text[position : span.start]
        out.append(before)
        length += len(before)
        out.append(new)
        replacements.append(Replacement(span, new, length, length + len(new)))
        length += len(new)
        position = end
    out.append(text[position:])
    return Redaction("".join(out), replacements)


YEAR_OLD = regex(r"[- ](?:year|yr)s?[- ]old\b", re.IGNORECASE)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?\n:"


def redact(
    text: str,
    known: Known | None = None,
    *,
    pseudonyms: Pseudonyms | None = None,
    dates: DatePolicy = DatePolicy.YEAR,
    offset_days: int = 0,
    keep_states: bool = False,
) -> str:
    """The text with every identifier replaced (US states and countries too, unless
    `keep_states`)."""
    return redact_detail(
        text,
        known,
        pseudonyms=pseudonyms,
        dates=dates,
        offset_days=offset_days,
        keep_states=keep_states,
    ).text


# Every module of the engine is imported and its patterns compiled: keep them for next time.
regex_cache_close()
