"""Names, places and organisations: words whose shape says nothing, found by dictionaries
and by the words around them.

A capitalised word is a name when the census lists hold it and it is not an ordinary
English word, or when its context says so: a title ("Dr. Okafor"), a credential ("Ana
Ruiz, LCSW"), a label ("Attending:", "signed by", "Client:"), a relation ("her sister
Dana"), a verb of reporting after an unknown word ("Zeferino states"). A name found once
is masked wherever it recurs in the document. Lines written in capitals get the
dictionaries only with context or for unambiguous given names, since every word there is
capitalised.

Everything works on one list of tokens (cue phrases are looked up by their last word),
which is several times faster than scanning the text with a pattern per cue.

The rules live by kind of evidence: tokens.py (the words), cues.py (the phrases, word sets
and patterns that are evidence), finder.py (what every rule asks of a word), names.py,
places.py, organisations.py and professions.py; the Finder here runs them in order.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate, chain

from alcove.deidentify.engine.allowlist import derived_safe, stems
from alcove.deidentify.engine.compiled import regex, starting_with
from alcove.deidentify.engine.cues import (
    COMPANIONS,
    CREDENTIAL_WORDS,
    DRUG_STEMS,
    FUNCTION_WORDS,
    NAME_LABELS,
    NOT_NAMES,
    NOT_TYPISTS,
    PLACE_ANNOUNCED,
    QUOTED_NICKNAME,
    RELATION,
)
from alcove.deidentify.engine.lexicon import WORLD_RANK
from alcove.deidentify.engine.names import NameRules
from alcove.deidentify.engine.organisations import OrganisationRules
from alcove.deidentify.engine.patterns import NOT_A_DATE_AFTER
from alcove.deidentify.engine.places import PlaceRules
from alcove.deidentify.engine.professions import ProfessionRules
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.tokens import past
from alcove.deidentify.engine.vocabulary import (
    AGENCY_ACRONYMS,
    CLINICAL,
    LABS,
    MONTHS,
    NOT_ORG_ACRONYMS,
    ORG_ACRONYMS,
    SHORTHAND,
    STATE_CODES,
)
from alcove.deidentify.engine.words import Lexicon, Words


class Finder(NameRules, PlaceRules, OrganisationRules, ProfessionRules):
    """Every rule of the modules above, over one list of tokens. (The rules' classes are
    mypyc traits, the one way it compiles a class of several bases; a single line of bases
    instead counted 0.5% fewer instructions, too few to be worth the odd hierarchy.)"""


def people_spans(text: str, lex: Lexicon, *, regions: bool = True) -> Iterator[Span]:
    """Names, staff, places, organisations and professions; with `regions`, US states and
    countries too (as LOCATION)."""
    finder = people_finder(text, lex, regions=regions)
    yield from finder.spans
    yield from finder.ages


def kept_regions(finder: Finder) -> list[Span]:
    """The states and countries a caller keeps: for the sweep to leave them too."""
    before = len(finder.spans)
    finder.regions()
    kept = finder.spans[before:]
    del finder.spans[before:]
    return kept


# A legend's initials, then the name: "KD = Kayla Dimitrov"; with a dash, capitals after a
# line's start or a list's mark ("Initials: DM \u2013 Dwight MacNeil; RG - Rosalind Gaudet"),
# never after a clock's time ("8:12 AM - Andr\u00e9s Mendoza")
INITIALS_EQUAL = starting_with(
    "[A-Z]",
    r"\b([A-Z][A-Za-z]{1,3})[ \t]*=[ \t]*$",
    r"(?<![^\n:;,(|][ \t])(?<![^\n:;,(| \t])\b([A-Z]{2,3})[ \t]+[-\u2013\u2014][ \t]+$",
)
# Credentials, then the initials in brackets: " RN (JMc)", ", HCA (AS)"
INITIALS_DEFINED = screened(
    regex(r"(?:,?[ \t]+[A-Z][A-Za-z-]{1,6}\.?){0,3}[ \t]*\(([A-Z][A-Za-z]{1,3})\)")
)


def people_finder(text: str, lex: Lexicon, *, regions: bool = True) -> Finder:
    """The finder after all its passes: its spans, and its tokens for the allow-list sweep."""
    finder = Finder(text, lex)
    finder.cued()
    finder.dictionary()
    finder.lowercase()
    finder.propagate()
    finder.coordinated()
    finder.lower_coordinated()
    finder.ages_after_names()
    finder.places()
    if regions:
        finder.regions()
    finder.organisations()
    finder.professions()  # after the organisations they work at
    finder.named_organisations()
    finder.recurring_acronyms()
    finder.spans = places_over_names(finder)
    return finder


# After a place: a state's or province's code, or a ZIP code ("Charleston, SC", "Medford 02155")
STATE_OR_ZIP_AFTER = regex(r",?[ \t]+(?:([A-Z]{2})\b|\d{5}\b)")


def places_over_names(finder: Finder) -> list[Span]:
    """The finder's spans, less the names that lie within a place announced as one: after
    "in" or a phrase that leads to a place ("moving to Reno", "in Terre Haute"), or before a
    state's code or a ZIP code ("Medford 02155"). The census lists those words as names too,
    and a name outranks a place where both are found. (Not a state or a country: "met with
    Jordan".)"""
    text, spans, tokens = finder.text, finder.spans, finder.tokens
    starts: list[int] = []  # (the tokens' starts, listed once a note has a place)
    placed = []
    for s in spans:
        if s.kind != Kind.LOCATION or text[s.start : s.end].lower() in finder.lex.regions:
            continue
        if text[s.end : s.end + 2] in ("'s", "\u2019s"):
            continue  # "move to Alice's": her home, not a place of that name
        after = STATE_OR_ZIP_AFTER.match(text, s.end)
        if after and after.group(1) in CREDENTIAL_WORDS:
            after = None  # "Marcus Wellesley, MD": a doctor, not Maryland
        starts = starts or [t.start for t in tokens]
        i = bisect_left(starts, s.start)
        cued = (
            i > 0
            and not text[tokens[i - 1].end : s.start].strip()
            and (tokens[i - 1].lower == "in" or PLACE_ANNOUNCED.ends_at(tokens, i - 1) is not None)
        )
        if cued or after:
            placed.append((s.start, s.end))
    if not placed:
        return spans
    # (a name lies within a place when a place starting at or before it ends at or after it:
    # the furthest end among the places started so far, found by bisection, not a scan of
    # every place for every name)
    placed.sort()
    firsts = [a for a, _ in placed]
    furthest = list(accumulate((b for _, b in placed), max))
    return [
        s
        for s in spans
        if s.kind != Kind.NAME
        or (k := bisect_right(firsts, s.start)) == 0
        or furthest[k - 1] < s.end
    ]


def names_recurring(finder: Finder, found: list[Span]) -> list[Span]:
    """A person's name again, a client's or a staff member's, in any case, once any rule
    (the sweep's last guesses included) has found it: "wife oksana brought him ... call
    oksana", '"Skeeter," who still uses ... around Skeeter', "case worker priya ... i'd ask
    priya". Only words no dictionary holds, so a name that is also a word ("Hope") is left
    to its context."""
    text, lex = finder.text, finder.lex
    people = (Kind.NAME, Kind.STAFF)
    written = {w: s.kind for s in found if s.kind in people for w in text[s.start : s.end].split()}
    names, subjects = set(), set()
    for word in written:
        lw = word.lower()
        if lw in finder.name_words:
            continue  # (the finder's own names: propagate() took them wherever they recur)
        if len(lw) < 3 or not lw.isalpha() or (word.isupper() and len(word) < 5):
            continue  # (letters: a unit, a credential, a programme as often as a name)
        again = lw in text or text.count(word) > 1  # (most names never recur: said at once)
        if not again or lw in NOT_NAMES or lw in CLINICAL or lw.endswith(DRUG_STEMS):
            continue
        if lw in lex.common:
            subjects.add(lw)  # ("Jess" found: "jess arrived late", not "a jess")
        elif lw in lex.first or lw in lex.last or finder.unknown(lw):
            names.add(lw)
    if not names and not subjects:
        return []  # (most notes: no pass over their words)
    kinds = {w.lower(): kind for w, kind in written.items()}
    return [
        Span(t.start, t.end, kinds[t.lower])
        for i, t in enumerate(finder.tokens)
        if t.lower in names or (t.lower in subjects and _word_as_name(finder, i))
    ]


_MONTH_WORDS = frozenset(m.lower() for m in MONTHS.split("|"))
POSSESSIVE_AFTER = regex(r"['\u2019]s\b")


def _word_as_name(finder: Finder, i: int) -> bool:
    """A word found elsewhere as this note's name, here as one too: opening a clause
    before its verb ("hope worries", "Hope agreeable"), before a possessive ("in front of
    tammy's new husband"), or capitalised where a word would not be ("called Faith back");
    never a month ("in May")."""
    t = finder.tokens[i]
    if not (t.text.islower() or t.text.istitle()) or t.caps_line:
        return False
    if t.text.istitle() and t.lower in _MONTH_WORDS:
        return False
    if finder.subject(i) or POSSESSIVE_AFTER.match(finder.text, t.end):
        return True
    # mid-sentence after a lower-case word, not in a run of capitals ("Certified Peer Support")
    before = finder.tokens[i - 1] if i else None
    return (
        t.text.istitle()
        and not t.sentence_start
        and before is not None
        and before.text.islower()
        and finder.gap(before, t) in (" ", " (")
    )


# "(mike 41, tara 39)": a bracketed list of people and their ages
BRACKETED = regex(r"\(([^()\n]{4,80})\)")
NAME_AND_AGE = regex(r"[ \t]*([A-Za-z][a-z'-]+)[ \t]+(\d{1,2})[ \t]*$")


def bracketed_name_ages(text: str, found: list[Span]) -> list[Span]:
    """Each "name age" of a bracketed list whose name is found elsewhere as a person's, in
    any case: 'mike & tara brandt (mike 41, tara 39)'."""
    if "(" not in text:
        return []
    named = {w.lower() for s in found if s.kind == Kind.NAME for w in text[s.start : s.end].split()}
    out = []
    for m in BRACKETED.finditer(text):
        position = m.start(1)
        for part in re.split(r"([,;])", m.group(1)):
            pair = NAME_AND_AGE.match(part)
            if pair is not None and pair.group(1).lower() in named:
                out.append(Span(position + pair.start(1), position + pair.end(1), Kind.NAME))
                out.append(Span(position + pair.start(2), position + pair.end(2), Kind.AGE))
            position += len(part)
    return out


# Right after a person's name: the age glued to the sex ("darnell fisher 19m", "jess m.,
# 19f", "Delacroix-Webb | 33M |") or in brackets ("jae park (33)", "Autumn Lilly (31 F)")
AGE_AFTER_NAME = regex(
    r"(?:[ \t]+[A-Za-z]\.)?(?:,?[ \t]+|,|[ \t]*\|[ \t]*)"
    r"(?:(\d{1,3})[mfMF](?=[ \t]*(?:[,|;)]|\n|$)|[ \t]+[a-z])|\((\d{1,3})(?:[ \t]?[MFmf])?\))"
    # or after a comma, a bare number closing a list of children: "(Kaden, 8 and Harper, 5)"
    r"|,[ \t]*(\d{1,2})(?=[ \t]*(?:\)|,[ \t]*(?:and|&)[ \t]|[ \t](?:and|&)[ \t]+[A-Z]))"
)


# An age said as the person's now or then: "Sofia (now 4)", "Rose B. now 70 -", "(38 at the
# time)"
AGE_NOW_AFTER_NAME = regex(
    r"[ \t]*(?:\([ \t]*(?:now|then|aged?)[ \t]+(\d{1,3})[ \t]*\)|[ \t]now[ \t]+(\d{1,3})"
    r"(?=[ \t]*(?:[,;.]|\n|$|[ \t][-\u2013\u2014][ \t]))|\((\d{1,3})[ \t]+at[ \t]+the[ \t]+time\))"
)


def ages_after_names(text: str, found: list[Span]) -> list[Span]:
    """The age that stands right after a person's name (AGE_AFTER_NAME, AGE_NOW_AFTER_NAME)."""
    out = []
    for span in found:
        if span.kind != Kind.NAME or not _age_may_follow(text, span.end):
            continue
        m = AGE_AFTER_NAME.match(text, span.end) or AGE_NOW_AFTER_NAME.match(text, span.end)
        if m is not None:
            group = next(g for g in (1, 2, 3) if m.group(g))
            if int(m.group(group)) < 120:
                out.append(Span(*m.span(group), Kind.AGE))
    return out


def _age_may_follow(text: str, end: int) -> bool:
    """What either pattern needs first, past the spaces, commas and bars after the name (and
    an initial, "Rose B."): a number, a bracket or "now"."""
    first = past(text, end, SEPARATORS)
    if text[first : first + 1].isalpha() and text[first + 1 : first + 2] == ".":
        first = past(text, first + 2, SEPARATORS)
    return text[first : first + 1] in ("(", "n") or text[first : first + 1].isdigit()


SEPARATORS = " \t,|"


# Right after a person, a place or an organisation: a month and day written as a fraction is
# when they were seen ("w/ Dr. Lindqvist 10/10", "per CL psych (Dr. Hwang, 5/10)", "court in
# Hillsborough 4/4"), where alone it might be a score ("mood 4/10"); never "2/2" ("secondary
# to") nor a count or a score after a name ("4/5 days", "8/8 (>95%)")
DATE_AFTER_NAME = regex(
    r"(?:,?[ \t]+(?:on[ \t]+)?|,)(?!2/2\b)((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))"
    r"(?![\d/])(?![ \t]*(?:\(|%|days?\b|wks?\b|weeks?\b|items?\b|groups?\b))"
)
DATED_KINDS = frozenset({Kind.NAME, Kind.STAFF, Kind.ORGANIZATION, Kind.LOCATION})


def dates_after_names(text: str, found: list[Span]) -> list[Span]:
    """The month and day right after a person, place or organisation (DATE_AFTER_NAME)."""
    if "/" not in text:
        return []
    out = []
    for span in found:
        if span.kind not in DATED_KINDS:
            continue
        # (what the pattern needs past the commas and spaces: the date's digit, or "on")
        first = past(text, span.end, ", \t")
        if not (text[first : first + 1].isdigit() or text.startswith("on", first)):
            continue
        m = DATE_AFTER_NAME.match(text, span.end)
        if m is not None:
            out.append(Span(*m.span(1), Kind.DATE))
    return out


# A weekday's name right before a date: "| Sat Mar 8 2025 02:40 |", "session 4/3   thu 10 apr"
WEEKDAY_BEFORE_DATE = regex(
    r"(?i)(?<![\w'])(?:mon|tues?|weds?|thu|thurs?|fri|sat|sun)(?:day)?\.?,?[ \t]+\Z"
)

SATURATION_BEFORE = regex(r"(?i)o2[ \t]*\Z")  # "O2 sat 6/7 liters" is no Saturday


def weekdays_before_dates(text: str, found: list[Span]) -> list[Span]:
    """The weekday a found date follows, which its own rules leave where nothing cues it."""
    out = []
    for span in found:
        if span.kind != Kind.DATE or span.start < 4:
            continue
        m = WEEKDAY_BEFORE_DATE.search(text, max(0, span.start - 12), span.start)
        if m is not None and not SATURATION_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            out.append(Span(m.start(), m.start() + len(m.group().rstrip(" \t.,")), Kind.DATE))
    return out


# The other end of a range or the next of a list after a date found ("1/3-1/8", "3/2, 3/9"):
# a month and a day, a year after them or not, where no other number follows
RANGE_END_AFTER = regex(
    r"[ \t]*(?:[-\u2013,&]|to|thru|through|and)[ \t]*"
    r"((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?)(?![/.]?\d)"
)


def range_ends_after_dates(text: str, found: list[Span]) -> list[Span]:
    """The month and day that closes a range or goes on with a list from a found date, whichever
    rule found it: the range's end has no cue of its own and may read as a fraction."""
    out = []
    for span in found:
        if span.kind != Kind.DATE or not text[span.end - 1 : span.end].isdigit():
            continue
        m = RANGE_END_AFTER.match(text, span.end)
        if m is not None and not NOT_A_DATE_AFTER.match(text, m.end()):  # ("2/3 of doses")
            out.append(Span(*m.span(1), Kind.DATE))
    return out


# An initial and a common surname that is also a word or a place: "observed by T. Combs",
# "Supervisor review: A. Greer" (the census's 2,000 commonest; never "H. Pylori", "T. Cell")
INITIAL_SURNAME = screened(
    regex(r"(?<![\w.])[A-Z]\.[ \t]?([A-Z][a-z]{2,})\b(?![.'\u2019-][A-Za-z])")
)
INITIAL_SURNAME_RANK = 2000


def initial_surnames(text: str, found: list[Span], lex: Lexicon) -> list[Span]:
    """An initial and a surname the census ranks commonest (INITIAL_SURNAME), which no rule
    took: the rules leave such a surname alone as the word or the place it also is."""
    if ". " not in text:
        return []
    taken = {s.start for s in found}
    out = []
    for m in INITIAL_SURNAME.finditer(text):
        surname = m.group(1).lower()
        if m.start() in taken or surname in NOT_NAMES:
            continue
        if lex.last.get(surname, INITIAL_SURNAME_RANK) < INITIAL_SURNAME_RANK:
            out.append(Span(m.start(), m.end(), Kind.NAME))
    return out


# Given names and surnames commoner than this in the census are names in lower case too,
# when no list holds them as anything else (a rank of 2,000 took "geri" and "heard", 5,000
# "hang", "lang" and "held")
PLAIN_GIVEN_RANK = 1000


def plain_given_names(finder: Finder, found: list[Span]) -> list[Span]:
    """A lower-case word no rule took that is one of the census's commoner given names or
    surnames and that no list holds as a word, a trade or a clinical term: "0830 tasha here
    early", "oscar relapsed" (never "will", "hang" or "geri"). Looked for last, so that a
    rule that knows better (a doctor's surname, a staff member) has its say first."""
    lex = finder.lex
    tokens = finder.tokens
    common = lex.common
    words = []
    for i, t in enumerate(tokens):
        low = t.lower
        # (most words are English ones: said at once, before any list of names is asked)
        if t.cap or len(low) < 4 or low in common or not _name_listed(low, lex):
            continue
        if i and tokens[i - 1].lower in SAINTS:
            continue  # ("st. john's wort")
        if t.text.isascii() and t.text.islower() and _plainly_given(low, lex):
            words.append(t)
    if not words:
        return []
    spans = sorted((s.start, s.end) for s in found)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))  # the furthest end so far
    out = []
    for t in words:
        k = bisect_right(starts, t.start) - 1
        if k < 0 or reach[k] < t.end:  # (no span begun before it covers it)
            out.append(Span(t.start, t.end, Kind.NAME))
    return out


SAINTS = frozenset({"st", "saint", "san", "santa", "sao"})


def _name_listed(word: str, lex: Lexicon) -> bool:
    """One of the census's commoner given names; a commoner surname of five letters or more
    ("lang" is language's shorthand); or a name of six or more that only the world's lists
    hold ("kacper", "jaylen": shorter ones are shorthand as often, "hemi", "arvo", "fella")."""
    return (
        lex.first.get(word, PLAIN_GIVEN_RANK) < PLAIN_GIVEN_RANK
        or (len(word) > 4 and lex.last.get(word, PLAIN_GIVEN_RANK) < PLAIN_GIVEN_RANK)
        or (len(word) > 5 and _world_name(word, lex))
    )


def _world_name(word: str, lex: Lexicon) -> bool:
    return (
        lex.first.get(word) == WORLD_RANK or lex.last.get(word) == WORLD_RANK
    ) and not derived_safe(word, lex)


def _plainly_given(word: str, lex: Lexicon) -> bool:
    # (a town's name is masked either way: "oscar" is a town in Louisiana too)
    return (
        not any(word in held for held in (lex.common, lex.modern, lex.safe, lex.regions, lex.jobs))
        and word not in CLINICAL
        and word not in NOT_NAMES
    )


def nicknames(finder: Finder, found: list[Span]) -> list[Span]:
    """A nickname in quotes after a name or after the word for who the person is:
    'marcus tillery ("tilly")', 'Scarlett ("Scout," 7)', 'his sponsor "big mike"',
    'his mate "Tosh"'; never a quoted phrase elsewhere ('calls it "the pit"')."""
    text = finder.text
    if '"' not in text and "\u201c" not in text:
        return []
    ends = {s.end for s in found if s.kind in (Kind.NAME, Kind.STAFF)}
    ending = {t.end: i for i, t in enumerate(finder.tokens)}  # the token ending at each place
    out = []
    for m in QUOTED_NICKNAME.finditer(text):
        bracketed = text[max(0, m.start() - 2) : m.start()] == " ("
        end = m.start() - (2 if bracketed else 1)
        labelled = text[end - 1 : end + 1] == ": " and _labelled_name(finder, ending.get(end - 1))
        if labelled or (text[end : m.start()] == " " and _called(finder, ending.get(end))):
            out.append(Span(*m.span(1), Kind.NAME))  # 'Preferred name: "Tee"', 'aka "Duke"'
            continue
        if text[end - 1 : m.start()] == ", " and not bracketed:  # 'Her ex, "Rooster," ...'
            if _said_of_a_person(finder, ending.get(end - 1), set()) and _may_name(
                finder, m.group(1).split()
            ):
                out.append(Span(*m.span(1), Kind.NAME))
            continue
        if text[end : m.start()] not in (" ", " ("):
            continue
        words = m.group(1).split()
        if end in ends and (bracketed or _one_unlisted_name(finder, words)):
            out.append(Span(*m.span(1), Kind.NAME))  # 'Scarlett ("Scout," 7)'
        elif _said_of_a_person(finder, ending.get(end), ends) and _may_name(finder, words):
            out.append(Span(*m.span(1), Kind.NAME))  # 'his sponsor "big mike"'
    return out


def _labelled_name(finder: Finder, i: int | None) -> bool:
    """Token i is a label for what a person is called: "Preferred name:", "AKA:"."""
    return i is not None and finder.tokens[i].lower in NAME_LABELS


def _called(finder: Finder, i: int | None) -> bool:
    """Token i says what a person is called, with no colon: 'aka "Duke"', 'first name
    "WILL"'; never the verb ('able to name "embarrassed"')."""
    if i is None:
        return False
    tokens = finder.tokens
    if tokens[i].lower == "name":
        return i > 0 and tokens[i - 1].lower in ("first", "given", "preferred", "full")
    return tokens[i].lower in NAME_LABELS


def _one_unlisted_name(finder: Finder, words: list[str]) -> bool:
    """A nickname standing bare after a name, not words quoted from the person: one
    capitalised word no dictionary holds ('Devendra "Dev" Raghunathan', never 'Kaylee
    "i'm done."')."""
    lw = words[0].lower()
    return len(words) == 1 and words[0][:1].isupper() and lw not in finder.lex.common


def _said_of_a_person(finder: Finder, i: int | None, ends: set[int]) -> bool:
    """Token i, just before the quote, is a relation or a word for a companion, or "and"
    after a name ('Friends Rowan and "Pickle"')."""
    if i is None:
        return False
    tokens = finder.tokens
    if tokens[i].lower == "and" and i > 0 and tokens[i - 1].end in ends:
        return True
    return tokens[i].lower in COMPANIONS or RELATION.ends_at(tokens, i) is not None


def _may_name(finder: Finder, words: list[str]) -> bool:
    """Words that may be a nickname: none a function word; one capitalised word, or one a
    given name or no word."""
    lex = finder.lex
    lowered = [w.lower().strip(".,!?;:") for w in words]
    if any(w in FUNCTION_WORDS for w in lowered):
        return False
    if len(words) == 1 and words[0][:1].isupper():
        return True  # 'alongside "Skeeter,"': a capitalised word in quotes after a companion
    # (a word's inflection is no name: 'son "never listens"', 'mom "overreacts"')
    return any(w in lex.first or not _inflected(w, lex.common) for w in lowered)


def _inflected(word: str, common: Words) -> bool:
    """The word is in the dictionary, or a form of one there ("listens", "shuts", "blamed")."""
    word = word.removesuffix("'s").removesuffix("\u2019s")  # ("nothing's left")
    return word in common or any(stem in common for stem in stems(word))


def staff_initials(text: str, found: list[Span]) -> list[Span]:
    """A person's initials defined beside the name ("J. McAllister RN (JMc)", "Initials
    key: KD = Kayla Dimitrov", "DM \u2013 Dwight MacNeil": a flowsheet's legend), then
    wherever they stand alone in the note: its columns, its comments ("0400 JMc: GCS 14").
    Only letters that are the initials of a name of two words or more. (Typed STAFF: a legend
    names those who wrote in the sheet; a client's own "Jane Porter (JP)" is masked all the
    same.)"""
    if "(" not in text and "=" not in text and "\u2013" not in text and " - " not in text:
        return []
    defined = set()
    for span in found:
        if span.kind not in (Kind.STAFF, Kind.NAME):
            continue
        words = text[span.start : span.end].replace(".", " ").split()
        if len(words) < 2:
            continue
        after = INITIALS_DEFINED.match(text, span.end)
        before = INITIALS_EQUAL.search(text, max(0, span.start - 8), span.start)
        for legend in (after, before):
            letters = legend and (legend.group(1) or legend.group(2))
            if letters and letters[0] == words[0][0] and words[-1][0] in letters[1:]:
                defined.add(letters)
    return [
        Span(m.start(), m.end(), Kind.STAFF)
        for letters in defined
        for m in re.finditer(rf"(?<![\w-]){letters}(?![\w-])", text)
    ]


# Letters a note writes for something else, that no list here holds: a general practitioner,
# thought process and content, a serial number, atrial fibrillation, a standard score, an
# ejection fraction, a police department or constable, a birth weight, a ward round
NOT_INITIALS = frozenset({"GP", "TP", "TC", "SN", "AF", "SS", "EF", "PD", "PC", "BW", "WR"})
# Capitals that name something other than a person, by the lists that hold them
ACRONYMS = NOT_ORG_ACRONYMS | ORG_ACRONYMS | AGENCY_ACRONYMS | STATE_CODES | NOT_INITIALS
ABBREVIATIONS = CLINICAL | SHORTHAND | LABS  # (lower case)


# Shorthand that is a named person's initials all the same where the note names someone so:
# "YP" is the young person of youth work ("YP settled"), but Yasmin Price's after her name
SHORTHAND_INITIALS = frozenset({"YP", "CYP"})
# A word of two or three letters or digits standing alone, as name_initials finds initials
STANDING_ALONE = regex(r"(?<![\w.&/-])\w{2,3}(?![\w&-])")
FEW_INITIALS = 16


def name_initials(text: str, found: list[Span], lex: Lexicon) -> list[Span]:
    """The initials of a name found in the note, standing alone elsewhere in it: "Jamie
    Torres RN" at the top, "redirected by JT" below. Only a name of two or three words of two
    letters or more, and never letters that are a word, an abbreviation or an acronym that
    any list holds ("Mary Dunn" is no "MD", "Paul Tran" no "PT")."""
    wanted: dict[str, Kind] = {}
    for span in found:
        if span.kind not in (Kind.NAME, Kind.STAFF):
            continue
        words = text[span.start : span.end].split()
        if not 2 <= len(words) <= 3 or not all(len(w) > 1 and w[0].isupper() for w in words):
            continue
        wanted.setdefault("".join(w[0] for w in words), span.kind)
    if not wanted:
        return []
    # (a note has a few names: a substring search for each is quickest; a page of names has
    # thousands, and a search of the whole text for each cost its length squared, so the
    # words of two or three letters standing alone are found once instead)
    held = text if len(wanted) <= FEW_INITIALS else set(STANDING_ALONE.findall(text))
    letters = {
        initials: kind
        for initials, kind in wanted.items()
        if initials in held
        and (initials in SHORTHAND_INITIALS or not listed_letters(initials, lex))
    }
    if not letters:
        return []
    return [
        Span(m.start(), m.end(), letters[m.group()])
        for m in STANDING_ALONE.finditer(text)
        if m.group() in letters
    ]


def listed_letters(letters: str, lex: Lexicon) -> bool:
    """Capital letters that a list holds as a word, an abbreviation or an acronym."""
    low = letters.lower()
    return letters in ACRONYMS or low in ABBREVIATIONS or low in lex.common or low in lex.safe


# A user name as a record system writes it: an initial and a surname, in lower case, perhaps a
# digit ("bkessler", "btanaka2"): no word of any list, and its surname among the common ones
LOGIN = regex(r"([a-z](?<![\w@./-][a-z])[a-z]{4,11})\d?(?![\w@-])")  # (led by its letter)
LOGIN_SURNAME_RANK = 10_000  # (rarer surnames end ordinary words: "f" + "latus")
# Where a system or a signer writes one: opening a line, after "by", "user", a bracket or a
# colon; or before a time, a date, a credential, "from", a bracket or the line's end
LOGIN_BEFORE = regex(
    r"(?:^|\n)[ \t]*[-/]*[ \t]*$|(?:\bby|\buser|\(|:|\|)[ \t]*$"
    # a dash or a time before it: "\u2014 tgerber (MA)", "09:47  cmorales", "3:12 PM - lmartinez"
    r"|[ \t][-\u2013\u2014/][ \t]+$|\d:\d\d(?:[ \t]*[AaPp][Mm])?[ \t]+(?:[-\u2013\u2014][ \t]+)?$"
)
LOGIN_AFTER = regex(r"[ \t]*(?:$|\n|\d{1,2}:?\d\d\b|\d{1,2}/\d|[A-Z]{2,5}\b|from\b|[():|])")
# Where only a system puts a user name, of any shape: "printed by glindqvist", "taken by: dmcg"
# ("taken by mouth" is no system's: "taken" and "received" only with the colon of a form)
SYSTEM_USER = screened(
    starting_with(
        "[AELMPRTaelmprt]",
        r"\b(?:[Pp]rinted[ \t]+by|[Rr]ec'?d[ \t]+by|[Ee]ntered[ \t]+by|[Ll]ogged[ \t]+by|"
        r"[Aa]ccessed[ \t]+by|[Mm]odified[ \t]+by|[Tt]aken[ \t]+by:|[Rr]eceived[ \t]+by:):?"
        r"[ \t]+([a-z]{3,12})\d?(?![\w@-])",
    )
)


# A user name written as an initial or "dr" and a surname, joined by a dot: "dr.ferreira (CL
# Psych)", "supervisor d.saunders approved" (not an address, a file or a dose's frequency:
# "d.saunders@", "a.txt", "q.day")
DOTTED_COMMON_RANK = 2000
DOTTED_LOGIN = screened(regex(r"(?<![\w.@/])(?:dr|[a-pr-z])\.([a-z]{3,15})(?![\w@]|\.[a-z])"))
# (what it cannot match without, found from its stop: the matcher skips to a character it
# is given far faster than to one of a set, so this look costs a twentieth of the scan)
DOTTED_LOGIN_NEAR = regex(r"\.(?<=[a-z]\.)[a-z]{3}")

# A word of a login's length anywhere in the note (each one looked up in a set)
LOGIN_SHAPED = regex(r"[A-Za-z](?<![\w@.-][A-Za-z])[A-Za-z]{3,15}\d?(?![\w@-])")


def logins_of_names(text: str, found: list[Span], lex: Lexicon) -> list[Span]:
    """A user name made from a name found in the note, wherever it stands: "Nate Sorensen,
    RN (NSORENSEN)", "B. Oduya (login boduya)", "dkowalski" for Dana Kowalski. Only the
    shape systems make most: the initials and the surname; never the surname alone (that is
    the name, found already), nor a listed word."""
    low = ""
    made: dict[str, Kind] = {}
    seen: set[str] = set()
    for span in found:
        if span.kind is not Kind.STAFF and span.kind is not Kind.NAME:
            continue
        name = text[span.start : span.end]
        if " " not in name or name in seen:
            continue  # (one word: no login can be made of it)
        seen.add(name)
        words = name.replace(",", " ").replace(".", " ").replace("-", " ").split()
        if len(words) < 2 or not all(w.isalpha() for w in words):
            continue
        given, surname = words[0].lower(), words[-1].lower()
        if "," in name:  # "KOWALSKI, DANA"
            given, surname = words[-1].lower(), words[0].lower()
        low = low or text.lower()
        initials = "".join(w[0].lower() for w in words[:-1])
        for login in {given[0] + surname, initials + surname}:
            # (looked for as a substring first: most notes hold none)
            if len(login) >= 5 and login in low and not _listed(login, lex):
                made.setdefault(login, span.kind)
    if not made:
        return []
    return [
        Span(m.start(), m.end(), made[word])
        for m in LOGIN_SHAPED.finditer(text)
        if (word := m.group().lower().rstrip("0123456789")) in made
    ]


# The initials that sign a note off: its last line alone ("-- CB/MT", "— a.p.", "SIGNED JB /
# LO", "FMcR"), or after the last sentence ("f/u 11/27. MO", "wt +0.6. jf")
_INITIALS = r"(?:[A-Za-z]{1,4}|[a-z]\.[a-z]\.?)"
CLOSING_INITIALS = screened(
    regex(
        # (not after an initial's stop: "- M. Sato" is a name, found whole)
        r"(?:^|\n|(?<=[.)])(?<![A-Z]\.)[ \t]+)[ \t]*(?:--?|\u2014|\u2013|signed|SIGNED)?[ \t]*"
        rf"({_INITIALS}(?:[ \t]*/[ \t]*{_INITIALS})*)[ \t]*\Z"
    )
)
# Shorthand of that shape that signs nothing
NOT_SIGNATURES = frozenset(
    {"n/a", "a/p", "s/p", "w/o", "h/o", "c/o", "d/c", "f/u", "y/n", "and/or"}
)


# The writer's initials closing each entry of a log, in lower case: "...FSBG 164. kp",
# "...to re-sign (kt)"
LINE_SIGNED = regex(r"(?:(?<=[.)])[ \t]+([a-z]{2,3})|[ \t]\(([a-z]{2,3})\)\.?)[ \t]*$", re.M)


def line_initials(text: str, lex: Lexicon) -> list[Span]:
    """The same lower-case initials closing two or more lines of a log (LINE_SIGNED): one
    writer's mark, never a word ("ok", "pls")."""
    if "\n" not in text:
        return []
    ends = []  # each line's end: only its last few characters are looked at
    end = text.find("\n")
    while end >= 0:
        ends.append(end)
        end = text.find("\n", end + 1)
    ends.append(len(text))
    found: dict[str, list[re.Match[str]]] = {}
    start = 0
    for end in ends:
        m = LINE_SIGNED.search(text, max(start, end - 8), end)  # (within the line)
        if m is not None:
            found.setdefault(m.group(1) or m.group(2), []).append(m)
        start = end + 1
    out: list[Span] = []
    for letters, marks in found.items():
        if len(marks) < 2 or _ordinary_initials(letters, lex):
            continue
        out.extend(Span(*m.span(1 if m.group(1) else 2), Kind.STAFF) for m in marks)
    return out


def _ordinary_initials(letters: str, lex: Lexicon) -> bool:
    low = letters.lower()
    if low in NOT_NAMES or low in CLINICAL or low in NOT_TYPISTS:
        return True
    return len(low) > 2 and (low in lex.common or low in lex.first)


def closing_initials(text: str, lex: Lexicon) -> list[Span]:
    """The initials that sign the note off (CLOSING_INITIALS), each set of them, never a
    credential, a clinical abbreviation or a word ("jt / hosp": "hosp" is a word)."""
    tail = text.rstrip()
    m = CLOSING_INITIALS.search(tail, max(0, len(tail) - 40))
    if m is None or (len(m.group(1)) < 2 and text[m.start()] not in "\n-\u2014\u2013"):
        return []  # (one letter only on a line of its own: "... x" is no signature)
    if m.group(1).replace(" ", "").lower() in NOT_SIGNATURES:
        return []
    out = []
    start = m.start(1)
    for part in re.finditer(r"[A-Za-z][A-Za-z.]*", m.group(1)):
        letters = part.group().rstrip(".")
        if letters in CREDENTIAL_WORDS or _ordinary_initials(letters.replace(".", ""), lex):
            continue
        out.append(Span(start + part.start(), start + part.start() + len(letters), Kind.STAFF))
    return out


# A log's entry opened by a time and the initials of who wrote it: "03/11 07:15 LM - handover"
ENTRY_INITIALS = screened(
    regex(
        r"(?m)^[ \t]*(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+)?\d{1,2}:?\d{2}[ \t]+"
        r"(?![AaPp][Mm]\b)([A-Za-z]{2,3})[ \t]*(?:[\u2013\u2014]|-(?!\d))[ \t]"
    )
)


# A message thread's line opened by its sender's initials and the time: "KB 2:19 PM: thx"
SENDER_INITIALS = screened(
    regex(r"(?m)^[ \t]*([A-Z]{2,3})[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*:[ \t]")
)


def entry_initials(text: str, lex: Lexicon) -> list[Span]:
    """The initials opening a log's entries after its time, or a thread's messages before it,
    and, where no dictionary holds them, wherever else they stand ("Handover to LM."); never
    "0900 BP - 120/80", "PT 2:30 PM: called"."""
    out: list[Span] = []
    if "\n" not in text:
        return out
    for m in chain(ENTRY_INITIALS.finditer(text), SENDER_INITIALS.finditer(text)):
        letters, low = m.group(1), m.group(1).lower()
        if low in NOT_NAMES or low in CLINICAL:
            continue
        out.append(Span(*m.span(1), Kind.STAFF))
        if not _listed(low, lex):
            out.extend(Span(*o.span(), Kind.STAFF) for o in re.finditer(rf"\b{letters}\b", text))
    return out


def staff_logins(text: str, lex: Lexicon) -> list[Span]:
    """Staff user names anywhere in the note: "(bkessler 10:02)", "accessed by rbishop",
    "- kmorales" closing a note; never a word ("bland" is "b" + "land"), nor shorthand in a
    sentence ("ate bfast.")."""
    out = []
    for m in LOGIN.finditer(text):
        word = m.group(1)
        if lex.last.get(word[1:], LOGIN_SURNAME_RANK) >= LOGIN_SURNAME_RANK:
            continue
        if _held(word, lex):
            continue
        before = LOGIN_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before is not None or LOGIN_AFTER.match(text, m.end()) is not None:
            out.append(Span(m.start(), m.end(), Kind.STAFF))
    for m in SYSTEM_USER.finditer(text) if " by" in text else ():
        if not _listed(m.group(1), lex):
            out.append(Span(*m.span(1), Kind.STAFF))
    for m in DOTTED_LOGIN.finditer(text) if DOTTED_LOGIN_NEAR.search(text) else ():
        surname = m.group(1)
        if surname not in lex.last or surname in NOT_NAMES:
            continue
        # (a common surname that is also a word is one here: "d.saunders", "k.brown")
        if surname not in lex.common or lex.last[surname] < DOTTED_COMMON_RANK:
            out.append(Span(m.start(), m.end(), Kind.STAFF))
    return out


def _listed(word: str, lex: Lexicon) -> bool:
    """A word some list holds: English, a name, a place, a clinical term or a job."""
    if any(word in held for held in (lex.common, lex.first, lex.last, lex.places, lex.safe)):
        return True
    return word in lex.jobs or word in NOT_NAMES


def _held(word: str, lex: Lexicon) -> bool:
    """A listed word, or one made of listed parts."""
    return _listed(word, lex) or derived_safe(word, lex)
