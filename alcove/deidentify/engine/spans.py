"""What the engine reports: a typed span of characters, and how overlapping spans combine."""

from bisect import bisect_left, bisect_right
from enum import StrEnum
from typing import NamedTuple

from alcove.deidentify.engine.compiled import regex


class Kind(StrEnum):
    """Span type names, as the CLI writes them (documented in alcove/deidentify/README.md)."""

    NAME = "NAME"  # a person: the client, relatives, anyone else named
    STAFF = "STAFF"  # a clinician or other staff member (titled, credentialed or signing)
    LOCATION = "LOCATION"  # a city, town, county or other place smaller than a state
    ADDRESS = "ADDRESS"  # a street address, PO box
    ZIP = "ZIP"
    ORGANIZATION = "ORGANIZATION"  # hospital, clinic, employer, school, church, agency
    PROFESSION = "PROFESSION"  # an occupation that, with an employer or town, identifies
    DATE = "DATE"  # any element of a date but a year alone; years attached to it too
    AGE = "AGE"
    PHONE = "PHONE"
    FAX = "FAX"
    EMAIL = "EMAIL"
    SSN = "SSN"
    ID = "ID"  # record, plan, account, licence, vehicle, device, card and other numbers
    URL = "URL"
    IP = "IP"
    OTHER = "OTHER"  # any other identifying characteristic (a reviewer's own redaction)


# When two recognisers claim overlapping text, the more specific one keeps it.
PRIORITY: dict[Kind, int] = {
    Kind.EMAIL: 100,
    Kind.URL: 95,
    Kind.IP: 90,
    Kind.SSN: 85,
    Kind.PHONE: 80,
    Kind.FAX: 80,
    Kind.ADDRESS: 75,
    Kind.ZIP: 70,
    Kind.DATE: 65,
    Kind.ID: 60,
    Kind.AGE: 55,
    Kind.ORGANIZATION: 50,
    Kind.STAFF: 45,
    Kind.NAME: 40,
    Kind.LOCATION: 35,
    Kind.PROFESSION: 30,
    Kind.OTHER: 20,
}


ABBREVIATION = regex(r"(?:\b[A-Za-z]{1,4}|\.[A-Za-z])\.$")


# A named tuple rather than a frozen dataclass: a note makes hundreds of these, and a
# tuple is built in a third of the time.
class Span(NamedTuple):
    start: int
    end: int
    kind: Kind
    # A stable key for consistent pseudonyms: the known identifier it matched, or "".
    ref: str = ""

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


def span_of(start: int, end: int, kind: Kind) -> Span:
    """Span(start, end, kind), made at C speed: a named tuple's constructor is generated
    Python, run for each span made (most by the finder, Finder.add)."""
    return tuple.__new__(Span, (start, end, kind, ""))


def spans_resolve(spans: list[Span]) -> list[Span]:
    """Overlaps resolved: the higher-priority (then longer) span wins; the rest is trimmed."""
    # A span from the client's own identifiers (with a ref) wins over a guess.
    ordered = sorted(
        spans,
        key=lambda s: (-PRIORITY[s.kind] - (1000 if s.ref else 0), -(s.end - s.start), s.start),
    )
    # What is taken never overlaps itself, so kept in order of start it is in order of end
    # too: the pieces a span loses are found by bisection, not by a scan of everything taken.
    starts: list[int] = []
    ends: list[int] = []
    taken: list[Span] = []
    for span in ordered:
        pieces = []
        position = span.start
        k = bisect_right(ends, span.start)
        while k < len(starts) and starts[k] < span.end:
            if starts[k] > position:
                pieces.append((position, starts[k]))
            position = max(position, ends[k])
            k += 1
        if position < span.end:
            pieces.append((position, span.end))
        for start, end in pieces:
            if end > start:
                at = bisect_left(starts, start)
                starts.insert(at, start)
                ends.insert(at, end)
                whole = start == span.start and end == span.end  # (most are: kept as they are)
                taken.insert(at, span if whole else Span(start, end, span.kind, span.ref))
    return _merge_adjacent(taken)


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and merged[-1].end == span.start and merged[-1].kind == span.kind:
            last = merged[-1]
            if last.ref == span.ref:
                merged[-1] = Span(last.start, span.end, span.kind, span.ref)
                continue
        merged.append(span)
    return merged


def spans_trim(text: str, spans: list[Span]) -> list[Span]:
    """Whitespace and edge punctuation belong to no identifier ("(662) 555-0142" keeps its
    bracket, since it is closed inside)."""
    out = []
    strip = " \t\r\n,;:[]\"'"
    for s in spans:
        start, end = s.start, s.end
        while start < end and (
            text[start] in strip or (text[start] == "(" and ")" not in text[start:end])
        ):
            start += 1
        while end > start and (
            text[end - 1] in strip or (text[end - 1] == ")" and "(" not in text[start:end])
        ):
            end -= 1
        # "Lincoln Elementary." keeps no full stop; "Acme Inc." and "J." keep theirs
        if end - start > 1 and text[end - 1] == "." and not ABBREVIATION.search(text, start, end):
            end -= 1
        if end <= start:
            continue
        # (most spans lose nothing: kept as they are, no new one made)
        out.append(s if start == s.start and end == s.end else Span(start, end, s.kind, s.ref))
    return out
