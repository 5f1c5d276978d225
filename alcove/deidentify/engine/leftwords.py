"""What the context pass leaves on purpose: the words it never weighs, and those the rules
leave by a word's form or its neighbours (context.py's Doc takes these from LeftWords).

The rules let a word be for a reason (a word of English's closed classes, a clinical
abbreviation, a trade's word after an article, a verb opening a sentence), and the context
models, fitted on the annotated sets, do not know that reason: these lists and tests keep
them from taking what the rules leave. Each was drawn from a near miss of the engine's tests
and measured on the annotated sets before it stayed (see bench/deid/train_context.py).
"""

from functools import lru_cache

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import (
    CREDENTIALS_LOWER,
    FUNCTION_WORDS,
    GENERIC_ORG,
    NOT_NAMES,
)
from alcove.deidentify.engine.lexicon import lexicon
from alcove.deidentify.engine.professions import CARE_ROLES
from alcove.deidentify.engine.sweep import INSTRUMENT_WORDS, SURNAME_RANK
from alcove.deidentify.engine.vocabulary import (
    MONTHS,
    NOT_ORG_ACRONYMS,
    RELATIONS,
    SHORTHAND,
    STATE_CODES,
    TITLES,
)
from alcove.deidentify.engine.words import Lexicon, Words

# English's closed classes (pronouns, determiners, prepositions, conjunctions, auxiliaries):
# never an identifier alone, and never taken into one ("Her parole officer", "apt 2 may open").
CLOSED = frozenset(
    """a an the this that these those my your his her its our their me him us them he she it
    we they you i who whom whose which what of to in on at by for from with without into onto
    over under about after before between through during and or nor but so if then than as
    is are was were be been being am has have had do does did will would shall should can
    could may might must not no yes""".split()
)

# Never weighed: those, and credentials ("Ana Ruiz, PA"), which the rules read already.
NEVER = CLOSED | CREDENTIALS_LOWER

# Never weighed far from a span: those; the words the rules' lists say are something other
# than a name (shorthand, headings, drugs, eponyms: "Bell palsy", "Crisis Team"); the generic
# words a service's name is made of, which the rules leave alone on purpose ("Community
# Health Center"); care roles and titles ("the psychiatrist", "Atty"); weekdays' short forms
# (the rules read those as dates only where a day is meant: "Sun exposure") and seasons; and
# words the engine's tests caught it masking ("the Town of Brookline", "Al-Anon", "PT IS A
# NURSE FOR CHILDREN", "the Clinical Laboratory", "ty" for thank you)
FAR_NEVER = (
    NEVER
    | NOT_NAMES
    | FUNCTION_WORDS
    | GENERIC_ORG
    | CARE_ROLES
    | frozenset(t.rstrip(".") for t in TITLES)
    | frozenset("mon tue tues wed weds thu thur thurs fri sat sun town atty al".split())
    | frozenset("children opioid clinical co ty spring summer autumn winter".split())
    | frozenset({"foster"})  # ("Foster parent present": the care, no family or agency)
)

ARTICLES = frozenset({"a", "an", "the"})

RELATION_WORDS = frozenset(RELATIONS.split("|"))

# Words for a role or a legal status that end its capitalised name ("Peer Specialist",
# "Conditional Voluntary"), which no list of trades holds
ROLE_OR_STATUS = frozenset(
    "specialist reviewer coordinator navigator liaison advocate voluntary involuntary".split()
)

# Verbs that say how someone is, before a word that says it ("is fitter", "looks tired")
BEING = frozenset("is was are were be been looks looked feels felt seems seemed".split())

# A lone capital letter closing a clause: the type of what is named before it
TYPE_LETTER = regex(r" [A-Z](?=[.,;:)]|\s*$|\s*\n)")

# Verbs a note's sentence opens with in the present ("Attends St. Jude's")
PRESENT_VERBS = frozenset(
    "attends reports denies endorses presents states visits returns describes".split()
)

# Words of which or how many, said of a word of time after them ("last week", "most days")
HOW_MANY = frozenset(
    "last next this that most every each few several past same other all some many".split()
)

TIME_WORDS = frozenset(
    "week weeks weekend day days night nights month months year years time times".split()
)

# Words that label a number in a hospital or a home, not a name's
NUMBERED_LABELS = frozenset({"unit", "bed", "room", "bay", "suite", "apt", "flat", "lot", "box"})

# What "young" says who in a child's social care ("Young person", "Young people")
YOUNG_WHO = frozenset({"person", "people", "persons", "carer", "carers"})

VOWEL = regex(r"[aeiouy]")

# Everyday words newer than the dictionaries, that a list of surnames holds ("the Calm app")
EVERYDAY = frozenset({"app", "apps"})

# a surname's rank in the census under which it is a frequent one ("Green", "Cook"); under
# SURNAME_RANK (sweep.py), a commoner one ("Brewer" 251, "Singer" 1454, "Gardener" 9966)
FREQUENT_SURNAME = 2000

MONTH_WORDS = frozenset(MONTHS.lower().split("|"))


@lru_cache(maxsize=1 << 16)
def far_candidate(low: str) -> bool:
    """Whether a word is one the far model may weigh, by itself: two letters or more, a
    vowel, and none of FAR_NEVER."""
    return len(low) > 1 and low.isalpha() and low not in FAR_NEVER and bool(VOWEL.search(low))


def _never_weighed(low: str) -> bool:
    """A word (not a number) the far model never weighs."""
    return low.isalpha() and not far_candidate(low)


class LeftWords:
    """The tests of what the rules leave, for a note's tokens (context.Doc)."""

    text: str
    spans: list[tuple[int, int]]
    lows: list[str]
    labels: list[str]
    masked: set[str]
    cased: bool

    def _left_beside_a_span(self, i: int) -> bool:
        """What the near model never joins to the span beside it: a label before its number
        ("Unit 3 West", "BED 5N-22"), a verb opening a sentence ("Reviewed WA"), a relative
        before a name ("Okonjo's Mother Tongue"), a word of how many before a word of time
        ("dunmore tire last week"), shorthand before a span ("ins prairie mutual") and
        clinical letters ("SAH, Hunt-Hess")."""
        low = self.lows[i]
        if low in NUMBERED_LABELS and i + 1 < len(self.lows) and self.lows[i + 1][0].isdigit():
            return True
        if self._opening_verb(i) or self._relation_before_name(i):
            return True
        return self._said_of_time(i) or self._shorthand_before(i) or self._clinical_letters(i)

    def _opening_verb(self, i: int) -> bool:
        """A capitalised verb that opens its sentence: one of PRESENT_VERBS ("Attends"), or an
        everyday word of six letters or more in "-ed" that no list of names holds
        ("Reviewed")."""
        low = self.lows[i]
        if low in PRESENT_VERBS:
            return self._sentence_opens(i)
        if len(low) < 6 or not low.endswith("ed") or not self._sentence_opens(i):
            return False
        lex = lexicon()
        return low in lex.common and low not in lex.first and low not in lex.last

    def _said_of_time(self, i: int) -> bool:
        """A word of how many or which in lower case before a word of time ("last week",
        "most days"; not "hope house day program")."""
        start = self.spans[i][0]
        if not self.text[start].islower() or i + 1 >= len(self.lows):
            return False
        return self.lows[i] in HOW_MANY and self.lows[i + 1] in TIME_WORDS

    def _shorthand_before(self, i: int) -> bool:
        """Shorthand in lower case right before a span found ("ins prairie mutual")."""
        start = self.spans[i][0]
        if not self.text[start].islower() or self.lows[i] not in SHORTHAND:
            return False
        return i + 1 < len(self.labels) and self.labels[i + 1] != "O"

    def _clinical_letters(self, i: int) -> bool:
        """A clinical abbreviation in capitals (no state's), but after a place or an
        organisation or beside a trade ("PE teacher")."""
        start, end = self.spans[i]
        word = self.text[start:end]
        if word not in NOT_ORG_ACRONYMS or word in STATE_CODES:
            return False
        beside = self.labels[max(0, i - 1) : i + 2]
        return "PROFESSION" not in beside and not self._acronym_after_place(i)

    def _relation_before_name(self, i: int) -> bool:
        """A word for a relative (not a trade, no given name) before a name: who they are to
        the client, not their name ("Mother Tongue" read as a name; never "office manager,
        Marcy")."""
        low, lex = self.lows[i], lexicon()
        if low not in RELATION_WORDS or low in lex.jobs or low in lex.first:
            return False  # (never a given name too: "Tia Johnson", "Son Tran")
        return i + 1 < len(self.labels) and self.labels[i + 1] == "NAME"

    def _sentence_opens(self, i: int) -> bool:
        """Whether the word opens a line, or follows a full stop, a colon or the like."""
        before = self.text[self.spans[i - 1][1] if i else 0 : self.spans[i][0]]
        return i == 0 or "\n" in before or before.rstrip(" \t")[-1:] in (".", ";", ":", "!", "?")

    def _acronym_after_place(self, i: int) -> bool:
        """Letters in capitals right after a place or an organisation found: an agency's
        or a service's ("Oregon DMV", "Stoke North CMHT")."""
        start, end = self.spans[i]
        return (
            i > 0
            and self.labels[i - 1] in ("LOCATION", "ORGANIZATION")
            and self.text[start:end].isupper()
            and self.spans[i - 1][1] == start - 1
        )

    def _left_on_purpose(self, i: int) -> bool:
        """What the rules leave by a word's form or neighbours: a common word in lower case
        that is a name elsewhere in the note ("sister Hope came; we talked about hope"); a
        common word in capitals, which tell nothing of it ("AMBULATING IN HALL"); a trade's
        word right after an article ("the porter brought the bags", "coat on a hanger"),
        which the rules take only where something says it is someone's trade ("works as a
        drywall hanger"); the saint of "St. John's wort"; the rest of "Al-Anon"; a word of an
        instrument's or a role's name ("the Boston Naming Test", "Glasgow Coma Scale",
        "Juvenile Probation Officer"); "Young" before "person". And, since the thresholds
        were lowered on 2026-12-05 (bench/deid/train_context.py), what the engine's tests
        caught the far model masking then: an everyday word in lower case in a note with
        capitals ("at the peak"), a trade's word made a comparative ("is fitter") or after
        an article and a word ("the guitar tuner app"), a disease before its type's letter
        ("Hepatitis C"), a word said with its "g" dropped ("sayin"), and the word after a
        capitalised compound left by its hyphen ("Co-Occurring Disorders")."""
        start, end = self.spans[i]
        low, text = self.lows[i], self.text
        lex = lexicon()
        if text[start].islower() and low in self.masked and low in lex.common:
            return True
        if text[start].islower() and self.cased and self._plain_word(i, lex):
            return True  # ("at the peak": a note with capitals writes a name with one)
        if text[start].islower() and low in lex.jobs and self._comparative(i, lex):
            return True  # a trade's word that says how one is ("her hip is fitter now")
        if text[start:end].istitle() and self._before_its_type(i, lex):
            return True  # a disease and its type's letter ("hx of Hepatitis C")
        if text[start].islower() and low.endswith("in") and low + "g" in lex.common:
            return True  # a word said with its "g" dropped ("sayin he's fine")
        if low in lex.common and text[start:end].isupper():
            return True
        if low in lex.jobs and self._after_an_article(i, lex):
            return True
        if text[end : end + 7].lower() in ("'s wort", "\u2019s wort"):
            return True
        if self._hyphened_to_never(i):
            return True
        if self._after_a_hyphened_title(i, lex):
            return True
        if low == "young" and i + 1 < len(self.lows) and self.lows[i + 1] in YOUNG_WHO:
            return True  # "Young person reports ...": how a child's social care names them
        return text[start].isupper() and self._names_a_thing_or_role(i, lex.jobs)

    def _plain_word(self, i: int, lex: Lexicon) -> bool:
        """An everyday word that is no one's name, before no trade's word or month ("line
        cook", "late March")."""
        low = self.lows[i]
        if (low not in lex.common and low not in EVERYDAY) or low in lex.first or low in lex.jobs:
            return False
        if lex.last.get(low, FREQUENT_SURNAME) < FREQUENT_SURNAME:
            return False
        after = self.lows[i + 1] if i + 1 < len(self.lows) else ""
        return after not in lex.jobs and after not in MONTH_WORDS

    def _after_an_article(self, i: int, lex: Lexicon) -> bool:
        """Right after an article, or after an article and an everyday word in lower case when
        no commoner surname ("the porter", "the guitar tuner app"; not "the nurse barber")."""
        lows = self.lows
        if i and lows[i - 1] in ARTICLES:
            return True
        if i < 2 or lows[i - 2] not in ARTICLES or lows[i - 1] not in lex.common:
            return False
        if lex.last.get(lows[i], SURNAME_RANK) < SURNAME_RANK:
            return False  # ("the officer singer took the report")
        return self.text[self.spans[i - 1][0]].islower()

    def _comparative(self, i: int, lex: Lexicon) -> bool:
        """An everyday word and "-er" after a verb of being ("is fitter", "feels calmer")."""
        low = self.lows[i]
        if i == 0 or self.lows[i - 1] not in BEING or len(low) < 5 or not low.endswith("er"):
            return False
        if lex.last.get(low, SURNAME_RANK) < SURNAME_RANK:
            return False  # ("her new pcp is brewer")
        return low[:-2] in lex.common or (low[-3] == low[-4] and low[:-3] in lex.common)

    def _before_its_type(self, i: int, lex: Lexicon) -> bool:
        """An everyday word no list of names holds, before a lone capital letter that ends
        its clause ("Hepatitis C.", "Vitamin D;")."""
        low, end = self.lows[i], self.spans[i][1]
        if low not in lex.common or low in lex.first or low in lex.last:
            return False
        if (i and self.lows[i - 1].isdigit()) or low in lex.places:
            return False  # a street's ("4807 Avenue H", "off Avenue K")
        return TYPE_LETTER.match(self.text, end) is not None

    def _after_a_hyphened_title(self, i: int, lex: Lexicon) -> bool:
        """An everyday word, no name, after a capitalised word the rules leave by its hyphen:
        what a programme treats ("Co-Occurring Disorders Program"), not "co-pt Rab"."""
        low, start = self.lows[i], self.spans[i][0]
        if i < 2 or low not in lex.common or low in lex.first or low in lex.last:
            return False
        before, previous = self.spans[i - 1], self.spans[i - 2]
        if self.text[before[1] : start] != " " or not self.text[before[0]].isupper():
            return False
        return self.text[previous[0]].isupper() and self._hyphened_to_never(i - 1)

    def _hyphened_to_never(self, i: int) -> bool:
        """Whether a hyphen joins the word to one never weighed: the rest of a word the lists
        know ("Al-Anon", "Co-Occurring")."""
        start, end = self.spans[i]
        if i and self.text[start - 1 : start] == "-" and self.spans[i - 1][1] == start - 1:
            return _never_weighed(self.lows[i - 1])
        after = i + 1 < len(self.spans) and self.spans[i + 1][0] == end + 1
        return after and self.text[end : end + 1] == "-" and _never_weighed(self.lows[i + 1])

    def _names_a_thing_or_role(self, i: int, jobs: Words) -> bool:
        """Whether the capitalised words from i on, run together by spaces, end in an
        instrument's word ("Boston Naming Test"), a trade's ("Adult Probation Officer",
        "Court Clerk"), a role's or a legal status's ("Peer Specialist", "Conditional
        Voluntary"): a thing, a role or a status that no one is named by."""
        for n in range(i + 1, min(i + 5, len(self.spans))):
            a = self.spans[n][0]
            if self.text[self.spans[n - 1][1] : a] != " " or not self.text[a].isupper():
                return False
            if self.lows[n] in INSTRUMENT_WORDS or self.lows[n] in jobs:
                return True
            if n == i + 1 and self.lows[n] in ROLE_OR_STATUS:
                return True  # (right after it: "Riverside School District Liaison" is a place's)
        return False
