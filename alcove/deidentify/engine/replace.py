"""Replacements: consistent pseudonyms, shifted or year-only dates, ages over 89.

One `Pseudonyms` is kept per document or per case, so "Dana Moreau", "Dana" and "Ms.
Moreau" all become the same "Person A" wherever they appear, and the client is "the
client" throughout.
"""

import re
from datetime import date, timedelta
from enum import StrEnum
from string import ascii_uppercase

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import STATE_CODES, STATES

STATE_KEYS = frozenset(s.lower() for s in STATES)

PARTNERS = {"wife", "husband", "spouse", "partner", "boyfriend", "girlfriend", "fiance"}
PARTNERS |= {"fiancee", "fiancé", "fiancée", "ex-wife", "ex-husband", "ex-partner", "ex"}
PARENTS = {"mother", "father", "mom", "dad", "stepmother", "stepfather", "parent", "guardian"}
CHILDREN = {"son", "daughter", "child", "stepson", "stepdaughter"}
SIBLINGS = {"brother", "sister", "sibling", "half-brother", "half-sister", "twin"}

PLACEHOLDER = {
    Kind.LOCATION: "[CITY]",
    Kind.ADDRESS: "[ADDRESS]",
    Kind.ZIP: "[ZIP]",
    Kind.ORGANIZATION: "[ORGANIZATION]",
    Kind.PROFESSION: "[PROFESSION]",
    Kind.PHONE: "[PHONE]",
    Kind.FAX: "[FAX]",
    Kind.EMAIL: "[EMAIL]",
    Kind.SSN: "[SSN]",
    Kind.ID: "[ID]",
    Kind.URL: "[URL]",
    Kind.IP: "[IP]",
    Kind.DATE: "[DATE]",
    Kind.OTHER: "[REDACTED]",
}
REF_PLACEHOLDER = {"employer": "[EMPLOYER]", "school": "[SCHOOL]", "dob": "[DATE OF BIRTH]"}


class DatePolicy(StrEnum):
    SHIFT = "shift"  # every date moved by the same number of days
    YEAR = "year"  # only the year is kept


def _letter(n: int) -> str:
    return ascii_uppercase[n % 26] + (str(n // 26) if n >= 26 else "")


class Pseudonyms:
    """Labels handed out so far; share one across a case's notes to keep them consistent.
    (Its repr names no one: the keys are the names it replaces.)"""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    def _next(self, group: str) -> str:
        n = self.counts.get(group, 0)
        self.counts[group] = n + 1
        return f"{group} {_letter(n)}"

    def person(self, surface: str, kind: Kind, ref: str) -> str:
        if ref == "client":
            return "the client"
        if ref:
            if ref not in self.by_key:
                self.by_key[ref] = self._next(_group_of(ref, kind))
            return self.by_key[ref]
        words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", surface) if len(w) > 1]
        words = [w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in words]
        key = " ".join(words)
        if key in self.by_key:
            return self.by_key[key]
        label = next((self.by_key[w] for w in words if w in self.by_key), None)
        if label is None:
            label = self._next("Clinician" if kind == Kind.STAFF else "Person")
        self.by_key[key] = label
        for word in words:
            self.by_key.setdefault(word, label)
        return label


def _group_of(ref: str, kind: Kind) -> str:
    if ref.startswith("staff:") or kind == Kind.STAFF:
        return "Clinician"
    if ref.startswith("other:"):
        return "Person"  # another participant of the case
    relation = ref.split(":", 2)[-1]
    if relation in PARTNERS:
        return "Partner"
    if relation in PARENTS:
        return "Parent"
    if relation in CHILDREN:
        return "Child"
    if relation in SIBLINGS:
        return "Sibling"
    return "Relative"


MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
NUMERIC = regex(r"^(\d{1,4})([-/.])(\d{1,2})(?:\2(\d{2,4}))?$")
NAMED = regex(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>[A-Za-z]+)\.?"
    r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?:of\s+)?(?P<year>\d{4}|'\d{2}))?$",
    re.I,
)
YEAR_ONLY = regex(r"^(?:\d{4}|'\d{2})$")
ANY_YEAR = regex(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)")


def _month_number(word: str) -> int | None:
    word = word.lower()
    for k, name in enumerate(MONTHS, 1):
        if len(word) >= 3 and name.startswith(word[:3]) and name.startswith(word.rstrip(".")):
            return k
        if word == "sept" and k == 9:
            return k
    return None


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        value += 2000 if value < 50 else 1900
    return value


def date_replace(surface: str, policy: DatePolicy, offset_days: int) -> str:
    """The replacement for one date as written; "[DATE]" when it cannot be read."""
    text = surface.strip()
    if YEAR_ONLY.match(text):
        return text  # a year alone may stay (Safe Harbor keeps years)
    if policy == DatePolicy.YEAR:
        found = ANY_YEAR.search(text)
        if found:
            return found.group(1)
        # ("3/88": a month and its year, the year past any day; "8/29" is a month and a day)
        short = re.search(
            r"(?:'|\b\d{1,2}[-/.]\d{1,2}[-/.]|^\d{1,2}/(?=(?:3[2-9]|[4-9]\d)$))(\d{2})\b", text
        )
        return str(_year(short.group(1))) if short else "[DATE]"
    return _shift(text, offset_days) or "[DATE]"


def _shift(text: str, offset: int) -> str | None:
    numeric = NUMERIC.match(text)
    if numeric:
        a, sep, b, c = numeric.groups()
        try:
            if len(a) == 4:  # ISO
                day = date(int(a), int(b), int(c or 1))
                moved = day + timedelta(days=offset)
                return f"{moved.year}{sep}{moved.month:02d}{sep}{moved.day:02d}"
            if c is None:  # 3/14 with no year, or 03/2019 (month/year)
                if len(b) == 4:
                    return None
                moved = date(2001, int(a), int(b)) + timedelta(days=offset)
                return f"{moved.month}{sep}{moved.day}"
            month, day_ = (int(a), int(b)) if int(a) <= 12 else (int(b), int(a))
            moved = date(_year(c), month, day_) + timedelta(days=offset)
            year = f"{moved.year % 100:02d}" if len(c) == 2 else str(moved.year)
            first, second = (moved.month, moved.day) if int(a) <= 12 else (moved.day, moved.month)
            pad = len(a) == 2
            return f"{first:0{2 if pad else 1}d}{sep}{second:0{2 if pad else 1}d}{sep}{year}"
        except (ValueError, OverflowError):
            return None  # no such day, or shifted past year 1 or 9999
    named = NAMED.match(text)
    if named:
        month_number = _month_number(named.group("month"))
        if month_number is None:
            return None
        day_text = named.group("d1") or named.group("d2")
        year_text = named.group("year")
        try:
            base = date(_year(year_text) if year_text else 2001, month_number, int(day_text or 15))
            moved = base + timedelta(days=offset)
        except (ValueError, OverflowError):
            return None
        month_word = named.group("month")
        new_month = MONTHS[moved.month - 1].capitalize()
        if (
            len(month_word.rstrip(".")) <= 4
            and month_word.lower() != "june"
            and month_word.lower() != "july"
        ):
            new_month = new_month[:3]
        if month_word.isupper():
            new_month = new_month.upper()
        if not day_text:
            return f"{new_month} {moved.year}" if year_text else new_month
        out = f"{moved.day} {new_month}" if named.group("d1") else f"{new_month} {moved.day}"
        return (
            f"{out}, {moved.year}"
            if year_text and not named.group("d1")
            else (f"{out} {moved.year}" if year_text else out)
        )
    return None


SPELLED_OVER_89 = regex(r"^(?:ninety|one hundred)", re.IGNORECASE)


def age_replace(surface: str) -> str | None:
    """ "90 or older" for an age over 89; None keeps the age as written."""
    if SPELLED_OVER_89.match(surface.strip()):
        return "90 or older"
    digits = re.match(r"\d+", surface.strip())
    if digits and int(digits.group()) > 89:
        return "90 or older"
    if re.match(r"(?:9|1[01])0s", surface.strip()):
        return "90 or older"
    return None


def replacement_for(
    span: Span,
    surface: str,
    pseudonyms: Pseudonyms,
    *,
    dates: DatePolicy,
    offset_days: int,
) -> str | None:
    """What goes in place of the span; None leaves the text as it is (an age under 90)."""
    if span.kind in (Kind.NAME, Kind.STAFF):
        return pseudonyms.person(surface, span.kind, span.ref)
    if span.kind == Kind.AGE:
        return age_replace(surface)
    if span.kind == Kind.DATE:
        return date_replace(surface, dates, offset_days)
    if span.ref in REF_PLACEHOLDER:
        return REF_PLACEHOLDER[span.ref]
    if span.kind == Kind.LOCATION and not span.ref:
        region = region_of(surface)
        if region:
            return region
    return PLACEHOLDER[span.kind]


def region_of(surface: str) -> str | None:
    """ "[STATE]" for a US state, "[COUNTRY]" for a country, else None (a town: "[CITY]")."""
    key = " ".join(surface.replace(".", "").split()).lower()
    if key.upper() in STATE_CODES or key in STATE_KEYS:
        return "[STATE]"
    if key in lexicon().regions:
        return "[COUNTRY]"
    return None
