"""Record-aware mode: every mention of the identifiers Alcove already holds for a client.

Given the client's names, nicknames, relatives, address, employer, school and date of
birth, the engine finds them in any case, possessive ("Dana's"), as initials ("D.M."),
as a part alone ("Mrs. Moreau", "Dana") and misspelt by one letter ("Moraeu", "Dnaa").
"""

import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, NamedTuple

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.words import Lexicon

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd", "mr", "mrs", "ms", "dr", "miss"})
ORG_SUFFIX = regex(
    r"\s+(?:Inc\.?|LLC|Corp\.?|Corporation|Company|Co\.?|Group|Ltd\.?|School|High School|"
    r"Elementary|Middle School|University|College|Academy|Hospital|Clinic)$",
    re.I,
)
STREET_SUFFIX = regex(
    r"\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
    r"Way|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl)\.?$",
    re.I,
)
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


class Person(NamedTuple):
    name: str
    relation: str = ""  # "" for the client; "mother", "partner", ... for others


def _given[T](items: list[T] | None) -> list[T]:
    return items if items is not None else []


class Known:
    """What Alcove holds for the client and the case (all optional).

    A plain class, not a dataclass: its repr names no one (a log or an error page that shows
    it shows no identifier), and the engine loads no `dataclasses` (with `inspect`, a
    hundredth of a run over the benchmark's notes)."""

    def __init__(
        self,
        *,
        client: list[str] | None = None,  # legal, preferred names, nicknames
        relatives: list[Person] | None = None,
        # other people known to be in the case: the other participants of a couple, family
        # or group case ("Person A", never "the client")
        others: list[str] | None = None,
        staff: list[str] | None = None,
        addresses: list[str] | None = None,
        employers: list[str] | None = None,
        schools: list[str] | None = None,
        # other organisations to mask wherever named: the practice's own name
        organisations: list[str] | None = None,
        places: list[str] | None = None,
        dates_of_birth: list[date] | None = None,
        phones: list[str] | None = None,
        emails: list[str] | None = None,
        ids: list[str] | None = None,
    ) -> None:
        self.client = _given(client)
        self.relatives = _given(relatives)
        self.others = _given(others)
        self.staff = _given(staff)
        self.addresses = _given(addresses)
        self.employers = _given(employers)
        self.schools = _given(schools)
        self.organisations = _given(organisations)
        self.places = _given(places)
        self.dates_of_birth = _given(dates_of_birth)
        self.phones = _given(phones)
        self.emails = _given(emails)
        self.ids = _given(ids)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "Known":
        """From the CLI's JSON (see README): unknown keys and values of the wrong type are an
        error (ValueError), so typos are not silent; no message quotes a value."""
        unknown = set(data) - KNOWN_KEYS
        if unknown:
            # The keys are not echoed: a mistaken file may hold a name where a key should be.
            raise ValueError(
                f"{len(unknown)} unknown keys in the known identifiers; "
                f"allowed: {', '.join(sorted(KNOWN_KEYS))}"
            )

        def strings(*keys: str, within: Mapping[str, Any] = data) -> list[str]:
            out: list[str] = []
            for key in keys:
                out.extend(_strings(within.get(key), key))
            return [v for v in out if v.strip()]

        births = []
        for value in strings("date_of_birth", "dates_of_birth"):
            try:
                births.append(date.fromisoformat(value.strip()))
            except ValueError:
                raise ValueError("a date of birth must be written YYYY-MM-DD") from None
        return cls(
            client=_client_names(data) + strings("names", "nicknames"),
            relatives=_relatives(data.get("relatives")),
            others=strings("others"),
            staff=strings("staff"),
            addresses=strings("address", "addresses"),
            employers=strings("employer", "employers"),
            schools=strings("school", "schools"),
            organisations=strings("organisations", "organizations"),
            places=strings("places"),
            dates_of_birth=births,
            phones=strings("phone", "phones"),
            emails=strings("email", "emails"),
            ids=strings("ids"),
        )

    def every_string(self) -> list[str]:
        """Every identifier as written (used by tests: none may survive redaction)."""
        return [
            *self.client,
            *(p.name for p in self.relatives),
            *self.others,
            *self.staff,
            *self.addresses,
            *self.employers,
            *self.schools,
            *self.organisations,
            *self.places,
            *self.phones,
            *self.emails,
            *self.ids,
        ]


KNOWN_KEYS = frozenset(
    """client names nicknames relatives others staff address addresses employer employers
    school schools organisations organizations places date_of_birth dates_of_birth phones
    phone emails email ids""".split()
)
CLIENT_KEYS = ("names", "nicknames", "name", "legal_name", "preferred_name")


def _strings(value: object, key: str) -> list[str]:
    """A string or a list of strings; anything else is refused by the key's name only."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"'{key}' must be a string or a list of strings")


def _client_names(data: Mapping[str, Any]) -> list[str]:
    client = data.get("client")
    if client is None:
        return []
    if isinstance(client, Mapping):
        names: list[str] = []
        for key in CLIENT_KEYS:
            names.extend(_strings(client.get(key), f"client.{key}"))
        return [n for n in names if n.strip()]
    return [n for n in _strings(client, "client") if n.strip()]


def _relatives(value: object) -> list[Person]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError("'relatives' must be a list")
    relatives = []
    for item in value:
        if isinstance(item, str):
            relatives.append(Person(item, "relative"))
            continue
        relation = item.get("relation") if isinstance(item, Mapping) else None
        if (
            not isinstance(item, Mapping)
            or not isinstance(item.get("name"), str)
            or not isinstance(relation, str | None)
        ):
            raise ValueError('each relative is a name or {"name": ..., "relation": ...}')
        relatives.append(Person(item["name"], relation or "relative"))
    return [r for r in relatives if r.name.strip()]


def _name_parts(name: str) -> list[str]:
    words = re.findall(r"[A-Za-zÀ-ÿ]+(?:['\u2019-][A-Za-zÀ-ÿ]+)*", name)
    return [w for w in words if w.lower().strip(".") not in SUFFIXES]


class _Entry:
    def __init__(self, kind: Kind, ref: str) -> None:
        self.kind = kind
        self.ref = ref
        self.exact: list[str] = []  # phrases, matched case-insensitively
        self.cased: list[str] = []  # matched only capitalised (common words)
        self.initials: list[str] = []  # matched in capitals only
        self.fuzzy: list[str] = []  # words allowed one or two edits


def _person_entry(name: str, kind: Kind, ref: str, lex: Lexicon) -> _Entry:
    parts = _name_parts(name)
    entry = _Entry(kind, ref)
    if not parts:
        return entry
    # "Will Grant" in lower case is "will grant": a phrase of ordinary words needs capitals
    phrases = entry.cased if all(p.lower() in lex.common for p in parts) else entry.exact
    phrases.append(" ".join(parts))
    if len(parts) > 1:
        phrases.append(f"{parts[-1]}, {parts[0]}")
        phrases.append(f"{parts[0]} {parts[-1]}")
        letters = [p[0].upper() for p in parts]
        entry.initials += ["".join(letters), ".".join(letters) + ".", ". ".join(letters) + "."]
        if len(parts) > 2:
            first_last = parts[0][0].upper() + parts[-1][0].upper()
            entry.initials += [first_last, f"{first_last[0]}.{first_last[1]}."]
    for part in parts:
        if len(part) < 2:
            continue
        # "Will", "Hope", "Grant": an ordinary word is the name only when capitalised.
        (entry.cased if part.lower() in lex.common else entry.exact).append(part)
        if len(part) >= 4:
            entry.fuzzy.append(part)
    return entry


def _phrase_entry(phrase: str, kind: Kind, ref: str, lex: Lexicon) -> _Entry:
    entry = _Entry(kind, ref)
    phrase = " ".join(phrase.split())
    entry.exact.append(phrase)
    core = ORG_SUFFIX.sub("", phrase)
    if core != phrase and core:
        entry.exact.append(core)
    for word in re.findall(r"[A-Za-z][A-Za-z'\u2019-]+", core):
        if len(word) >= 4 and word.lower() not in lex.common:
            entry.exact.append(word)
            entry.fuzzy.append(word)
    return entry


def _address_entries(address: str, lex: Lexicon) -> list[_Entry]:
    entries = []
    segments = [s.strip() for s in re.split(r"[,\n]", address) if s.strip()]
    for k, segment in enumerate(segments):
        if k == 0 and re.match(r"\d", segment):
            entry = _Entry(Kind.ADDRESS, "address")
            entry.exact.append(segment)
            street = re.sub(r"^\d+[A-Za-z]?\s+", "", segment)
            street = re.sub(r"\s*(?:Apt|Unit|Suite|#).*$", "", street, flags=re.I)
            entry.exact.append(street)
            bare = STREET_SUFFIX.sub("", street)
            if bare != street and len(bare) >= 4:
                entry.exact.append(bare + " " + "(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane)")
            entries.append(entry)
            continue
        zip_match = re.search(r"\b\d{5}(?:-\d{4})?\b", segment)
        if zip_match:
            zip_entry = _Entry(Kind.ZIP, "address")
            zip_entry.exact.append(zip_match.group())
            entries.append(zip_entry)
            segment = segment[: zip_match.start()].strip()
        words = segment.split()
        if (words and len(words[0]) > 2 and segment.upper() != segment) or len(segment) > 2:
            if segment and segment.upper() not in ("USA", "US") and len(segment) > 2:
                entries.append(_phrase_entry(segment, Kind.LOCATION, "address", lex))
    return entries


def _dob_patterns(day: date) -> list[str]:
    m, d, y = day.month, day.day, day.year
    month = MONTH_NAMES[m - 1]
    numeric = rf"0?{m}[/.-]0?{d}(?:[/.-](?:{y}|{y % 100:02d}))?"
    iso = rf"{y}-{m:02d}-{d:02d}"
    day_re = rf"{d}(?:st|nd|rd|th)?"
    named = rf"(?:{month}|{month[:3]})\.?\s+{day_re}(?:,?\s+{y})?"
    day_first = rf"{day_re}\s+(?:of\s+)?(?:{month}|{month[:3]})\.?(?:,?\s+{y})?"
    return [iso, numeric, named, day_first]


def _digits_pattern(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return r"[\s().-]{0,2}".join(digits) if len(digits) >= 7 else re.escape(value)


class KnownMatcher:
    """Compiled once per Known; finds every mention in a text."""

    def __init__(self, known: Known, lex: Lexicon) -> None:
        self.lex = lex
        entries: list[_Entry] = []
        for name in known.client:
            entries.append(_person_entry(name, Kind.NAME, "client", lex))
        for k, person in enumerate(known.relatives):
            ref = f"relative:{k}:{person.relation.lower()}"
            entries.append(_person_entry(person.name, Kind.NAME, ref, lex))
        for k, name in enumerate(known.others):
            entries.append(_person_entry(name, Kind.NAME, f"other:{k}", lex))
        for k, name in enumerate(known.staff):
            entries.append(_person_entry(name, Kind.STAFF, f"staff:{k}", lex))
        for address in known.addresses:
            entries.extend(_address_entries(address, lex))
        for employer in known.employers:
            entries.append(_phrase_entry(employer, Kind.ORGANIZATION, "employer", lex))
        for school in known.schools:
            entries.append(_phrase_entry(school, Kind.ORGANIZATION, "school", lex))
        for organisation in known.organisations:
            entries.append(_phrase_entry(organisation, Kind.ORGANIZATION, "organisation", lex))
        for place in known.places:
            entries.append(_phrase_entry(place, Kind.LOCATION, "place", lex))
        self.patterns: list[tuple[re.Pattern[str], Kind, str]] = []
        for entry in entries:
            self._compile(entry)
        for day in known.dates_of_birth:
            for pattern in _dob_patterns(day):
                self._add(rf"(?<![\w/]){pattern}(?![\w/])", re.I, Kind.DATE, "dob")
        for phone in known.phones:
            self._add(rf"(?<!\d){_digits_pattern(phone)}(?!\d)", 0, Kind.PHONE, "phone")
        for email in known.emails:
            self._add(rf"(?<![\w.]){re.escape(email)}", re.I, Kind.EMAIL, "email")
        for value in known.ids:
            self._add(rf"(?<!\w){_digits_pattern(value)}(?!\w)", re.I, Kind.ID, "id")
        self.fuzzy: list[tuple[str, Kind, str]] = [
            (word.lower(), entry.kind, entry.ref) for entry in entries for word in entry.fuzzy
        ]

    def _add(self, body: str, flags: int, kind: Kind, ref: str) -> None:
        self.patterns.append((re.compile(body, flags), kind, ref))

    def _compile(self, entry: _Entry) -> None:
        def alternation(phrases: list[str]) -> str:
            unique = sorted(set(phrases), key=len, reverse=True)
            return "|".join(
                p if "(?:" in p else r"\s+".join(re.escape(w) for w in p.split()) for p in unique
            )

        if entry.exact:
            self._add(
                rf"(?<![\w])(?:{alternation(entry.exact)})(?![\w])", re.I, entry.kind, entry.ref
            )
        if entry.cased:
            cased = "|".join(
                f"{_title_pattern(p)}|{re.escape(p.upper())}"
                for p in sorted(set(entry.cased), key=len, reverse=True)
            )
            self._add(rf"(?<![\w])(?:{cased})(?![\w])", 0, entry.kind, entry.ref)
        if entry.initials:
            body = "|".join(
                re.escape(p) for p in sorted(set(entry.initials), key=len, reverse=True)
            )
            self._add(rf"(?<![\w.])(?:{body})(?![\w])", 0, entry.kind, entry.ref)

    def spans(self, text: str) -> Iterator[Span]:
        for pattern, kind, ref in self.patterns:
            for m in pattern.finditer(text):
                yield Span(m.start(), m.end(), kind, ref)
        if self.fuzzy:
            yield from self._fuzzy(text)

    def _fuzzy(self, text: str) -> Iterator[Span]:
        for m in re.finditer(r"[A-Za-z][A-Za-z'\u2019-]{2,}", text):
            word = m.group()
            if not word[0].isupper():
                continue
            lw = word.lower()
            if lw.endswith(("'s", "\u2019s")):
                lw = lw[:-2]
            if lw in self.lex.common and lw not in self.lex.first:
                continue
            for target, kind, ref in self.fuzzy:
                if lw == target or abs(len(lw) - len(target)) > 1:
                    continue
                limit = 2 if len(target) >= 9 else 1
                if _edits(lw, target, limit) <= limit:
                    yield Span(m.start(), m.start() + len(lw), kind, ref)
                    break


def _title_pattern(phrase: str) -> str:
    """Each word capitalised: "Will Grant", "Grant, Will"."""
    words = [re.escape(w[0].upper() + w[1:]) for w in phrase.split()]
    return r"\s+".join(words)


def _edits(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), giving up past the limit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
