"""The allow-list sweep: after every rule that looks for evidence of an identifier, any word
still unmasked that looks like a proper noun and is not on the allow-list (allowlist.py) is
masked. Precision is spent to buy recall on text no rule foresaw.

What the sweep masks, each only where no other rule has already decided:
- mid-sentence, a capitalised word not on the allow-list ("worked at Brakebush", "the
  Halvorsen family"), with the capitalised words joined to it ("Harvard Vanguard");
- opening a sentence or in a title-case line, a capitalised word no dictionary holds;
- a run of capitalised words mid-sentence after a word that leads to a place of work, care
  or study ("loan from Farm Credit", "plays with the Cape Ann Symphony");
- in a line of capitals, a word of four letters or more that no dictionary holds (a word
  with no vowel is shorthand: "BKFST"), and a town after a word that announces a place;
- after a relation or a label ("her son Sal", "client J", "pt (wen)"), a word not on the
  allow-list, whatever its length or case; a given name before an initial ("Pilar S.");
- in lower case, a word no dictionary holds after "at" (an organisation), a town after a
  word that leads to a place ("d/c to lawrence", "in fall river"), a given name before a
  verb of reporting or after "it's" ("tay says", "its jess");
- two capitalised names joined by "&" ("Ropes & Gray"), and a compound of two capitalised
  words mid-sentence ("Cedar-Riverside", "Lincoln-Sudbury").
A word the sweep takes for a name is a name wherever else it stands capitalised in the text.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable

from alcove.deidentify.engine.allowlist import NOT_JOBS, is_safe
from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import (
    CAPS_STOP,
    CLIENT_LABELS,
    CREDENTIAL_WORDS,
    CREDENTIALS_LOWER,
    EMPLOYERS,
    EMPLOYMENT,
    FUNCTION_WORDS,
    GENERIC_ORG,
    IMPERATIVES,
    MONTH_OR_DAY,
    NOT_NAMES,
    ORG_LAST,
    PLACE_ANNOUNCED,
    PLACE_CUE,
    PRONOUNS,
    RELATION,
    STAFF,
    STRONG_LABEL,
    SUBJECT_VERBS,
    age_after_name,
)
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.people import Finder
from alcove.deidentify.engine.scales import SCORE_AFTER
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.tokens import Token
from alcove.deidentify.engine.vocabulary import (
    AGENCY_ACRONYMS,
    CLINICAL,
    DRUGS,
    HEADINGS,
    NOT_ORG_ACRONYMS,
    ORG_ACRONYMS,
    REPORT_VERBS,
    STATE_CODES,
    TITLES,
)

# A scale's or a test's letters with its edition or form ("BDI-II", "PCL-5", "HAM-D",
# "Y-BOCS", "C-SSRS"): in a line of capitals before a score, no name
SCALE_CODE = regex(r"[A-Z]{2,5}-(?:[IVX]{1,4}|\d{1,2}|[A-Z]{1,2})|[A-Z]-[A-Z]{2,5}")
# Words a letter follows as their grade, part or kind, never an initial ("Math C.", "Medicare
# Part B.", "Category I.", "Hepatitis C.")
LETTERED_WORDS = frozenset(
    """math maths english science reading writing spelling history art music spanish french
    part vitamin hepatitis type grade class category stage phase step level axis cluster plan
    section appendix form exhibit schedule item""".split()
)
# Words that never join a run of capitalised words into a name.
NOT_IN_RUN = FUNCTION_WORDS | TITLES | CREDENTIALS_LOWER | NOT_NAMES | HEADINGS
# Parts of a hyphenated compound that make an ordinary word of it ("Follow-Up", "Self-Care")
COMPOUND_PARTS = frozenset(
    """follow up self non co re pre post anti mid half step in out over under full part all
    high low cross check sign walk drop well long short x e t day night year week month old
    new ex on off by time care based related term free""".split()
)
TOWN_AFTER_ORG = regex(r",[ \t]*([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?=[ \t]*(?:[-,;\n]|$|[ \t]\d))")
INITIAL_AFTER_NAME = screened(regex(r",[ \t]?([A-Z])(?:\.(?=[ \t,;)|]|$)|(?=[ \t]*(?:\n|$)))"))
# "- C.W. (44, ...", "- M.A., 16:", "- T.: Priya notices": initials opening a list's line
LIST_INITIALS = regex(
    r"[ \t]*(?:[-*\u2022][ \t]*|\d{1,2}[.)][ \t]*)?(?:[A-Z]{2,3}:[ \t]*)?"
    r"((?:[A-Z]\.[ \t]?){1,3})(?=[ \t]*[(:,]|[ \t]+-[ \t])"
    r"|[ \t]*(?:[-*\u2022][ \t]*)?[A-Z]{2,3}:[ \t]*((?:[A-Z]\.[ \t]?){1,3})"  # "- RB: M.T. no-show"
)
# The labels of a line that lists who attended (or did not)
ATTENDED = (
    r"(?:present|attendees|in attendance|attendance|members|participants|absent|excused|"
    r"leaders|facilitators|co-facilitators|staff present)"
)
TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx)\."
# "Present: HA, PC, JL", "present: summer d, ama, jt, rosie": who attended, listed
ATTENDANCE_HINTS = hint(
    "present attend members participants absent excused leaders facilitators".split()
)
ATTENDANCE = screened(regex(rf"(?im)^[ \t]*{ATTENDED}[ \t]*:[ \t]*((?:{TITLE}[ \t]|[^\n.;:(])+)"))
TITLE_BEFORE = regex(rf"^{TITLE}[ \t]+")
# The rest of an attendance line, its label perhaps explained: "Present (initials only): "
ATTENDANCE_LINE = regex(rf"(?im)^[ \t]*{ATTENDED}\b[^:\n]{{0,40}}:([^\n]+)")
NOT_DOTTED_INITIALS = frozenset({"US", "AM", "PM", "DC", "PO", "UK", "EU"})
# Initials with full stops, "B.K." or "J. R. T.", standing alone
# (the capital first, then what stands before it: a capital is a quick first test)
DOTTED_INITIALS = screened(regex(r"[A-Z](?<![\w.][A-Z])\.(?:[ \t]?[A-Z]\.){1,2}(?![\w])"))
# A word before initials that names who did or heard something: "by M.L.", "told L.H."
ACTOR_BEFORE = regex(r"\b(?:by|told|per|with|w/|cc|asked|called|and)[ \t]+$")
# What an attendance line's label holds, in any case: a quick look before the pattern
ATTENDING = hint(("resent", "RESENT", "ttend", "TTEND", "embers", "EMBERS", "articipant",
             "ARTICIPANT", "bsent", "BSENT", "xcused", "XCUSED", "eaders", "EADERS",
             "acilitators", "ACILITATORS"))  # fmt: skip
# What follows a person's name: "is a", "is 39", ", 41,", " (41)", "'s", a verb of reporting
PERSON_AFTER = regex(
    r"[ \t]+is[ \t]+(?:a[ \t]|an[ \t]|\d)|,[ \t]*\d{1,3}\b|[ \t]*\(\d{1,3}\)|['\u2019]s[ \t]"
    r"|[ \t]+(?:reports|reported|states|stated|says|said|presents|presented|returns|denies)\b"
)
NOT_ATTENDEES = frozenset(
    """pt patient client clients all none n/a na staff family parents mother father mom dad
    writer therapist clinician group members everyone others""".split()
)
DOTTED_AROUND = regex(r"(?<![A-Za-z.])[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?")
# Capitals that are a unit, a role, a test, a state, an organisation: never a person's initials
# (shorthand is in NOT_NAMES, which initials_as_subject asks too)
KNOWN_LETTERS = (
    NOT_ORG_ACRONYMS
    | ORG_ACRONYMS
    | AGENCY_ACRONYMS
    | STATE_CODES
    | CREDENTIAL_WORDS
    | frozenset("AD TP TC IPV NCD XL SR ER IR CR LA DR ODT GP DV SA IV IM".split())
    | frozenset("II III VI VII VIII XI XII".split())  # roman numerals: "Axis II deferred"
)
# Words whose relatives are no one's name: "Client's mother", "Everyone's parents"
NOT_WHOSE = frozenset(
    """client patient pt member resident child baby kid kids student teacher doctor therapist
    god everyone someone anyone nobody family parent parents victim caller writer reader
    individual person man woman boy girl infant toddler teen adolescent youth veteran""".split()
)
# Words before a run of capitalised words that make it a place of work, care or study.
RUN_LEADS = frozenset({"at", "from", "with", "@"})
ORG_RUN_LEADS = frozenset({"at", "from", "with", "@"})
# A name's own capitals inside it ("McAllister", "DeShawn", "O'Neil", "LaToya")
NAME_CAPITALS = regex(r"(?:Mc|Mac|O'|D'|De|Di|Da|La|Le|Van|Von|St)[A-Z][a-z]+")
NAME_PARTICLES = frozenset({"al", "el", "abu", "bin", "ben", "ibn", "abd", "ould", "bou", "ait"})
NAMING = regex(
    r"(?i:\b(?:call(?:s|ed|ing)?|nam(?:es|ed|ing)|goes by)(?:[ \t]+(?:him|her|them|me|himself|"
    r"herself))?[ \t]+[\"\u201c]"
    r"|\b(?:yell|scream|call|ask|cry|cri|shout)(?:s|ed|ing|ies|ied)?[ \t]+(?:out[ \t]+)?for[ \t]+"
    r"[\"\u201c])\Z"
)
# Verbs after a lone letter or initials standing for a person ("K spoke", "T.F. was")
LETTER_VERBS = REPORT_VERBS | frozenset(
    "spoke talked cried laughed appeared seemed looked sat arrived smiled refused".split()
)
# Words a hurried note opens a sentence with before whom it is about ("Saw Ana Ruiz")
OPENING_VERBS = frozenset("seen saw met told took gave ask asks when then hey clt pt".split())
INITIALS_VERB = regex(r"[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?[ \t]+([a-z]+)")
INITIALS_AGED = regex(
    r"[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?(?:[ \t]*\(\d{1,3}[,)]|,[ \t]*\d{1,2},)"
)
NAMELESS = 10**9
COMMON_GIVEN_NAME = 3000  # the census's commoner given names
COMMON_SURNAME = 1000  # and its commonest surnames ("Patel" 591, "Speed" 4015)
SURNAME_RANK = 20_000  # the census's commoner surnames
AMPERSAND_GAP = regex(r"[ \t]?&[ \t]?")  # (between "Ropes" and "Gray")
APOSTROPHES = ("'", "\u2019")  # (what CONTRACTION needs first: a quick look)
CONTRACTION = regex(r"['\u2019](?:[tT]|ve|VE|ll|LL|re|RE|d|D|m|M)\b")
ORG = Kind.ORGANIZATION
PROPER = frozenset({Kind.NAME, Kind.STAFF, Kind.LOCATION, Kind.ORGANIZATION})
TOWN_WORDS = frozenset("city town village county borough township state commonwealth".split())
LONG_WORD = regex(r"[^\W\d_]{4,}")
PLAIN_LINE = regex(r"[^\d:;,()]*")  # no number, label or clause: a name's line
INSTRUMENT_WORDS = frozenset(
    """test tests scale scales inventory questionnaire index battery task screen screener
    interview syndrome disease disorder rating checklist""".split()
)
# Two or three capitalised words run together, as organisations spell themselves
CAMEL_CASE = regex(r"(?:[A-Z][a-z]{2,}){2,3}")
SELF_NAMING = frozenset({"its", "it's", "im", "i'm"})
GAPS_AFTER_CUE = frozenset({" ", ' "', ": ", " \u201c", ':"', " ("})


# Last words of the phrases after which lower_runs looks (a quick first test).
RUN_LEAD_WORDS = frozenset({"at", "@", "to", *PLACE_CUE.by_last, *EMPLOYMENT.by_last})


# Words that carry a lower-case organisation on ("tacoma general", "new bedford rehab")
LOWER_RUN_ENDS = frozenset({*ORG_LAST, "general"})
# Words that end an organisation's name in lower case after "at" or "@", two words or more
# in ("@ harbor house shelter"); organisations.LOWER_ORG_ENDS holds the ends it reads anywhere
AT_SIGN_ORG_ENDS = frozenset("shelter shelters packing vascular usd isd pharmacy".split())


# Words a note labels the parties of a session with letters: "Partner A", "Parent B"
PARTY_WORDS = frozenset(
    """partner partners parent parents member members spouse person party caregiver carer
    participant sibling twin client patient child""".split()
)


class Sweep:
    def __init__(self, finder: Finder, found: list[Span]) -> None:
        self.finder = finder
        self.text = finder.text
        self.tokens = finder.tokens
        self.lex = finder.lex
        merged = _merge((s.start, s.end) for s in found)
        self.name_ends = {s.end for s in found if s.kind in (Kind.NAME, Kind.STAFF)}
        # where a proper noun another rule found ends, and what it is: a capitalised word
        # right after it goes on with it ("Harvard Vanguard", "Raymond Two Bulls")
        self.proper_ends = {s.end: s.kind for s in found if s.kind in PROPER}
        self.proper_starts = {s.end: s.start for s in found if s.kind in PROPER}
        self.name_starts = {s.start: s.kind for s in found if s.kind in (Kind.NAME, Kind.STAFF)}
        self.org_starts = {s.start for s in found if s.kind == ORG}
        self.address_starts = {s.start for s in found if s.kind == Kind.ADDRESS}
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]
        self._title_lines: dict[int, bool] = {}
        self.out: list[Span] = []
        self.names: set[str] = set()
        self.initials: set[str] = set()

    def in_title_line(self, tok: Token) -> bool:
        """The word stands in a title-case line ("Progress Note - Individual Psychotherapy"),
        where a capital says nothing about a name (worked out once per line, when asked)."""
        start = self.text.rfind("\n", 0, tok.start) + 1
        known = self._title_lines.get(start)
        if known is None:
            end = self.text.find("\n", tok.start)
            known = _title_line(self.text[start : len(self.text) if end < 0 else end])
            self._title_lines[start] = known
        return known

    def covered(self, tok: Token) -> bool:
        k = bisect_right(self.starts, tok.start) - 1
        if k >= 0 and self.ends[k] > tok.start:
            return True
        return k + 1 < len(self.starts) and self.starts[k + 1] < tok.end

    def run(self) -> list[Span]:
        safe = self.lex.safe
        for i, tok in enumerate(self.tokens):
            if not tok.cap and tok.lower in safe and tok.lower not in EMPLOYERS:
                continue  # most words of a note: quickly done with
            if tok.cap and tok.lower in safe and self.plainly_safe(i):
                continue  # a listed word, capitalised, with nothing around it to say more
            if self.covered(tok):
                continue
            kind = self.judge(i)
            if kind is not None:
                self.mask(i, kind)
        self.capital_runs()
        self.lower_runs()
        self.joined_by_and()
        self.of_a_town()
        self.letterheads()
        if self.address_starts:
            self.above_addresses(self.text.split("\n"))
        self.given_names_before()
        self.name_pairs()
        self.attendance()
        self.recurring_initials()
        self.recurring_names()
        self.ages_after_names()
        self.after_names()
        return self.out

    def plainly_safe(self, i: int) -> bool:
        """A capitalised word on the allow-list that no rule of the sweep could take: a
        plain word, in capitals and no town, or in a mixed line after no proper noun found
        and before no initial (what the rules below would otherwise work out, at less cost)."""
        tok = self.tokens[i]
        if not tok.text.isalpha():
            return False
        if tok.caps_line:
            return tok.text.isupper() and tok.lower not in self.lex.places
        if not tok.text[1:].islower():
            return False
        if i > 0 and self.tokens[i - 1].end in self.proper_ends:
            return False  # goes_on() may carry it
        if i > 0 and self.tokens[i - 1].lower in RELATION.by_last:
            return False  # related() may take it
        if self.text[tok.end : tok.end + 2] in ("'s", "\u2019s"):
            return False  # whose_relative() may take it
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is None:
            return True
        if nxt.start in self.name_starts or nxt.start in self.org_starts:
            return False  # comes_before() or opens_organisation() may take it
        if not nxt.text[1:].islower() and CAMEL_CASE.fullmatch(nxt.text):
            return False  # opens_organisation() may take it
        return len(nxt.text) > 1

    # --- one word --------------------------------------------------------------------------
    def judge(self, i: int) -> Kind | None:
        kind = self.word_kind(i)
        if kind is not None and self.label(self.tokens[i]):
            return None  # "Examinee:", "Supervisee:" open a line as labels
        return kind

    def word_kind(self, i: int) -> Kind | None:
        tok = self.tokens[i]
        lw = tok.lower
        if len(tok.text) == 1:
            return self.letter(i)
        if "'" in tok.text or (
            self.text[tok.end : tok.end + 1] in APOSTROPHES
            and CONTRACTION.match(self.text, tok.end)
        ):
            return None  # "Don't", "DON'T": a word shortened, no name
        if lw in FUNCTION_WORDS and self.named_after_relation(i):
            return Kind.NAME  # "Father Per Lindqvist", "husband Will Ames"
        if lw in FUNCTION_WORDS or lw in TITLES or lw in CREDENTIALS_LOWER:
            return None
        if (
            self.cued(i)
            and not self.verb_after_client(i)
            and (
                (not is_safe(lw, self.lex) and lw not in NOT_NAMES)
                or self.quoted(i)  # 'his sponsor "Sully"', 'BF "DJ"'
                or (tok.caps_line and lw in self.lex.first and lw not in CAPS_STOP)  # "WIFE JUNE"
            )
        ):
            return Kind.NAME  # "her son Sal", "SISTER SAGAL", "pt (wen)"
        if self.quoted(i) and self.between_names(i):
            return Kind.NAME  # 'Devendra "Dev" Raghunathan'
        if self.related(i):
            return Kind.NAME  # "her brother Dev", "his wife Ama": listed words, names here
        if tok.caps_line:
            return self.in_capitals(i) if tok.text.isupper() else None
        if tok.text.isupper():
            if self.initials_as_subject(i):
                self.initials.add(tok.text)
                return Kind.NAME  # "JL covering", "PC w/ HA": a person by their initials
            return None  # letters in a mixed-case line: the acronym rules decide
        if "-" in tok.text and tok.text.split("-")[0].isupper() and self.compound_name(tok):
            return Kind.ORGANIZATION
        if tok.cap:
            return self.capitalised(i)
        return self.lower_case(i)

    def capitalised(self, i: int) -> Kind | None:
        tok = self.tokens[i]
        lw = tok.lower
        if CAMEL_CASE.fullmatch(tok.text) and lw not in self.lex.safe and lw not in NOT_NAMES:
            return Kind.ORGANIZATION  # "BayPath", "WellSpan": a health system's own spelling
        if MONTH_OR_DAY.fullmatch(tok.text) or self.inner_capitals(tok.text):
            return None  # "HbA1c", "iPhone": a test, a device, not a name's capitals
        if self.finder.drug_like(tok) or self.finder.eponym_like(tok):
            return None
        going_on = self.goes_on(i)
        if going_on is not None:
            return going_on
        before_name = self.comes_before(i)
        if before_name is not None:
            return before_name
        if self.whose_relative(i) or self.self_named(i):
            return Kind.NAME
        if self.opens_organisation(i):
            return ORG
        if len(lw) <= 4 and self.text[tok.end : tok.end + 1] == "." and lw not in self.lex.first:
            return None  # "Atty.", "Det.": an abbreviation
        if tok.sentence_start or self.in_title_line(tok):
            if self.opening_safe(lw) and not self.before_initial(i):
                return None  # an ordinary word opening a sentence or a heading
        elif is_safe(lw, self.lex) and not self.compound_name(tok) and not self.before_initial(i):
            return None
        if len(lw) == 2 and lw not in self.lex.first:
            return None  # "Dx", "Hx": shorthand, unless a given name ("Lu", "Bo")
        return self.kind_of(i)

    def goes_on(self, i: int) -> Kind | None:
        """A capitalised word mid-sentence right after a proper noun another rule found goes
        on with it: "Harvard Vanguard", "Lowell General", "Dr. Raymond Two Bulls"."""
        tok = self.tokens[i]
        if i == 0 or tok.sentence_start or self.in_title_line(tok):
            return None
        before = self.tokens[i - 1]
        kind = self.proper_ends.get(before.end)
        if len(tok.text) < 3 and not (kind == Kind.NAME and tok.lower in self.lex.last):
            return None  # ("Minh-Chau Vo": a surname of two letters)
        gap = self.text[before.end : tok.start]
        if kind is None or gap not in (" ", "'s ", "\u2019s ") or not before.cap:
            return None
        if tok.lower in NOT_IN_RUN:
            return None
        if gap != " " and kind != Kind.NAME:
            return None
        if gap != " ":  # "Tony's Auto": the name and its 's are the business's
            self.out.append(Span(self.proper_starts.get(before.end, before.start), tok.end, ORG))
        if kind == Kind.LOCATION or tok.lower in ORG_LAST or gap != " ":
            kind = Kind.ORGANIZATION  # "Lowell General", "Okafor Dental"
        self.proper_ends[tok.end] = kind
        return kind

    def opens_organisation(self, i: int) -> bool:
        """A capitalised word mid-line just before an organisation found is the first word of
        its name: "Hebrew SeniorLife", "Franciscan Children's"."""
        tok = self.tokens[i]
        if i + 1 >= len(self.tokens) or tok.sentence_start or not tok.text[1:].islower():
            return False
        nxt = self.tokens[i + 1]
        organisation = nxt.start in self.org_starts or CAMEL_CASE.fullmatch(nxt.text)
        if not organisation or self.text[tok.end : nxt.start] != " ":
            return False
        lw = tok.lower
        if lw in FUNCTION_WORDS or lw in TITLES or lw in LETTER_VERBS or lw in IMPERATIVES:
            return False
        return not lw.endswith(("ed", "ing")) and lw not in RELATION.by_last

    def self_named(self, i: int) -> bool:
        """A capitalised word after "it's", "its", "I'm", "this is" in a message: a name."""
        if i == 0 or self.text[self.tokens[i - 1].end : self.tokens[i].start] != " ":
            return False
        before = self.tokens[i - 1].lower
        return before in SELF_NAMING or (
            before == "is" and i > 1 and self.tokens[i - 2].lower == "this"
        )

    def whose_relative(self, i: int) -> bool:
        """A given name with a relative after it: "Justice's mother", "Hope's dad"."""
        tok = self.tokens[i]
        if i + 1 >= len(self.tokens) or not tok.text[1:].islower():
            return False
        if self.text[tok.end : self.tokens[i + 1].start] not in ("'s ", "\u2019s "):
            return False
        lw = tok.lower
        if lw in NOT_IN_RUN or lw in RELATION.by_last or lw in NOT_WHOSE:
            return False
        if lw in STRONG_LABEL.by_last or self.finder.drug_like(tok):
            return False
        return self.tokens[i + 1].lower in RELATION.by_last

    def _attendance_listed(self) -> bool:
        """Whether the text may list who attended: a colon, and a label's word in any case
        (looked for in the lower-cased text; a text beyond ASCII is always read, for the
        pattern's letters that match one beyond it: the long s is a case-blind "s")."""
        text = self.text
        return ":" in text and (not text.isascii() or any_in(ATTENDANCE_HINTS, text.lower()))

    def attendance(self) -> None:
        """Everyone listed after "Present:" or "Absent:" (up to three words each, by comma),
        their initials too: a group note's members."""
        for m in ATTENDANCE.finditer(self.text) if self._attendance_listed() else ():
            position = m.start(1)
            for item in m.group(1).split(","):
                words = TITLE_BEFORE.sub("", item.strip(" \t.;"))  # "Dr. Amadi": the name
                start = position + item.find(words) if words else position
                position += len(item) + 1
                if len(words) < 2 or len(words.split()) > 3 or any(c.isdigit() for c in words):
                    continue  # (one letter is a credential's cut short: "R" of "R.N.")
                if words.lower() in NOT_ATTENDEES or words.lower().split()[0] in RELATION.by_last:
                    continue
                if words in CREDENTIAL_WORDS or not self.attendee(words):
                    continue
                self.out.append(Span(start, start + len(words), Kind.NAME))
                for word in words.split():
                    if 2 <= len(word) <= 3 and (word.isupper() or self.lower_initials(word)):
                        self.initials.add(word)  # "LM", and "rb" wherever it recurs
        # Initials with full stops, which the list above stops at: each letter a name's, as
        # recurring_initials() then finds them wherever else they stand
        dotted = [*DOTTED_INITIALS.finditer(self.text)] if "." in self.text else []
        if not dotted:
            return
        lines = [*ATTENDANCE_LINE.finditer(self.text)] if any_in(ATTENDING, self.text) else []
        for m in dotted:
            line = next((ln for ln in lines if ln.start(1) <= m.start() < ln.end(1)), None)
            # "callback by M.L.", "told L.H. he"
            acted = ACTOR_BEFORE.search(self.text, max(0, m.start() - 8), m.start())
            if line is not None or acted:
                # a line of several initials holds no credential: "A.M., S.K., D.O."
                inside = [d for d in dotted if line and line.start(1) <= d.start() < line.end(1)]
                self.dotted_person(m.start(), m.group(), listed=len(inside) >= 3)

    def dotted_person(self, begin: int, dotted: str, *, listed: bool = False) -> None:
        """Each letter of initials with full stops, unless they are a credential or a
        country ("M.D.", "R.N.", "U.S.") outside a line of people's initials."""
        letters = dotted.replace(".", "").replace(" ", "")
        if not listed and (letters in CREDENTIAL_WORDS or letters in NOT_DOTTED_INITIALS):
            return
        for letter in re.finditer(r"[A-Z]", dotted):
            self.out.append(Span(begin + letter.start(), begin + letter.end(), Kind.NAME))

    def lower_initials(self, word: str) -> bool:
        """Letters in lower case on an attendance list, no word of a note's ("rb", "jt")."""
        return (
            word.isalpha()
            and word.islower()
            and word not in FUNCTION_WORDS
            and word not in NOT_NAMES
            and word not in NOT_ATTENDEES
            and word not in CREDENTIALS_LOWER
        )

    def attendee(self, words: str) -> bool:
        """A name or initials, not a phrase of ordinary words ("7 members", "all staff")."""
        parts = words.lower().split()
        if all(len(w) <= 3 and w.isalpha() and w not in FUNCTION_WORDS for w in parts):
            return True  # "HA", "JL", "jt"
        return any(w in self.lex.first or not is_safe(w, self.lex) for w in parts)

    def recurring_initials(self) -> None:
        """Initials found standing for a person stand for them wherever else they recur
        ("A.K." found once is A.K. everywhere in the note)."""
        dotted = set()
        for span in self.out:
            if span.kind == Kind.NAME and span.end - span.start == 1:
                around = DOTTED_AROUND.search(self.text, max(0, span.start - 4), span.end + 4)
                if around:
                    dotted.add(around.group())
        for dotted_initials in dotted:
            for m in re.finditer(re.escape(dotted_initials), self.text):
                for letter in re.finditer(r"[A-Z]", m.group()):
                    self.out.append(
                        Span(m.start() + letter.start(), m.start() + letter.end(), Kind.NAME)
                    )
        if not self.initials:
            return
        taken = {s.start for s in self.out}
        for tok in self.tokens:
            if tok.text in self.initials and tok.start not in taken and not self.covered(tok):
                self.out.append(Span(tok.start, tok.end, Kind.NAME))

    def name_pairs(self) -> None:
        """A given name and a common surname, both also words, before what a person is or
        does: "Joy Baker is a 39 yo", "Hope Miller, 41,", "Will Carpenter reports"."""
        tokens = self.tokens
        first, last = self.lex.first, self.lex.last
        for i in self.finder.capitalised:
            a = tokens[i]
            if a.lower not in first or i + 1 == len(tokens):
                continue
            b = tokens[i + 1]
            if not (b.cap and a.text[1:].islower() and b.text[1:].islower()):
                continue
            if last.get(b.lower, NAMELESS) > 2000:
                continue
            if self.text[a.end : b.start] != " " or not PERSON_AFTER.match(self.text, b.end):
                continue
            if self.covered(a) or self.covered(b):
                continue
            if b.lower in FUNCTION_WORDS:
                continue
            self.out.append(Span(a.start, b.end, Kind.NAME))
            self.names.update((a.lower, b.lower))

    def given_names_before(self) -> None:
        """comes_before() again for the names the sweep itself found ("Ama Owusu-Brandt")."""
        found = {s.start: s.kind for s in self.out if s.kind == Kind.NAME}
        if not found:
            return
        self.name_starts.update(found)
        for i in range(len(self.tokens) - 1):
            tok = self.tokens[i]
            if self.tokens[i + 1].start not in found or self.covered(tok) or not tok.cap:
                continue
            if any(s.start <= tok.start < s.end for s in self.out):
                continue
            initial = len(tok.text) == 1 and self.text[tok.end : tok.end + 2] == ". "
            kind = Kind.NAME if initial else self.comes_before(i)  # "E. Adjei-Mensah"
            if kind is not None:
                self.out.append(Span(tok.start, tok.end, kind))
                self.names.add(tok.lower)

    def comes_before(self, i: int) -> Kind | None:
        """A given name that is also a word, just before a name another rule found, is its
        first name: "Sky Hartman", "Will Okafor"."""
        tok = self.tokens[i]
        if i + 1 >= len(self.tokens) or not tok.text[1:].islower() or tok.caps_line:
            return None
        kind = self.name_starts.get(self.tokens[i + 1].start)
        if kind is None or self.text[tok.end : self.tokens[i + 1].start] != " ":
            return None
        lw = tok.lower
        if lw in RELATION.by_last or lw in LETTER_VERBS or MONTH_OR_DAY.fullmatch(tok.text):
            return None
        if lw in FUNCTION_WORDS or lw in TITLES or lw in CREDENTIALS_LOWER or lw in HEADINGS:
            return None
        if lw in NOT_IN_RUN and lw not in self.lex.first:
            return None  # ("Ama" is also shorthand, but not in title case before a surname)
        if lw in self.lex.first:
            return kind
        # a short word opening a line or a sentence before a surname: "Dev Raman, 19, slept"
        # (never a verb a note opens with: "Seen John Smith", "Met Ana Ruiz")
        opening = tok.sentence_start or self.text[tok.start - 1 : tok.start] in ("", "\n")
        plain = lw in FUNCTION_WORDS or lw.endswith(("ed", "ing")) or lw in IMPERATIVES
        plain = plain or lw in OPENING_VERBS  # ("Saw Ana Ruiz")
        return kind if opening and len(lw) <= 4 and not plain and kind == Kind.NAME else None

    def in_capitals(self, i: int) -> Kind | None:
        tok = self.tokens[i]
        lw = tok.lower
        if i > 0 and self.tokens[i - 1].lower in DRUGS:
            return None  # "ZYPREXA ZYDIS": a drug's form
        announced = i > 0 and PLACE_ANNOUNCED.ends_at(self.tokens, i - 1) is not None
        if announced and lw in self.lex.places:
            return Kind.LOCATION  # "LIVES IN AUBURN"
        cue = i > 0 and PLACE_CUE.ends_at(self.tokens, i - 1) is not None
        everyday = lw in self.lex.named_words or is_safe(lw, self.lex)
        if cue and lw in self.lex.places and not everyday:
            return Kind.LOCATION  # "CALL W/ MOTHER IN PONCE"
        if len(lw) < 4 or self.loosely_safe(lw):
            return None
        if SCALE_CODE.fullmatch(tok.text) and SCORE_AFTER.match(self.text, tok.end):
            return None  # "BDI-II 28, BAI 19, Y-BOCS 24": scales and their scores
        return self.kind_of(i)

    def lower_case(self, i: int) -> Kind | None:
        tok = self.tokens[i]
        lw = tok.lower
        if i == 0 or len(lw) < 3 or not tok.text.islower():
            return None
        before = self.tokens[i - 1]
        gap = self.text[before.end : tok.start]
        at_sign = gap.strip() == "@"  # "office @ durfee"
        if gap != " " and not at_sign:
            return None
        if lw in self.lex.first and not is_safe(lw, self.lex):
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
            if before.lower in SELF_NAMING or (nxt is not None and nxt.lower in REPORT_VERBS):
                return Kind.NAME  # "hi its jess", "also tay says hi"
        at = at_sign or before.lower == "at" or EMPLOYMENT.ends_at(self.tokens, i - 1) is not None
        if at and lw in EMPLOYERS:
            return Kind.ORGANIZATION  # "works at target"
        if self.loosely_safe(lw):
            return None
        if at:
            return Kind.ORGANIZATION  # "works at wegmans"
        if STAFF.ends_at(self.tokens, i - 1) is not None:
            return Kind.STAFF  # "therapist karen"
        if self.lex.first.get(lw, NAMELESS) <= COMMON_GIVEN_NAME and lw not in self.lex.modern:
            return Kind.NAME  # "then linda called": a common given name, in no dictionary
        return None

    def lower_runs(self) -> None:
        """Lower-case words after a word that leads to a place, holding a town or a word no
        dictionary knows: "in fall river", "at new bedford rehab", "to sunrise of wayland"."""
        tokens = self.tokens
        signs = "@" in self.text
        for i in range(1, len(tokens)):
            lead = tokens[i - 1]
            if lead.lower not in RUN_LEAD_WORDS:
                if not signs or lead.end + 1 >= tokens[i].start:
                    continue
                if self.text[lead.end : tokens[i].start].strip() != "@":
                    continue  # ("seen @ harbor house shelter": the sign is no token)
            if not tokens[i].text.islower():
                continue
            gap = self.text[lead.end : tokens[i].start]
            at_sign = gap.strip() == "@"
            if (gap != " " and not at_sign) or tokens[i].lower in FUNCTION_WORDS:
                continue
            org = at_sign or lead.lower == "at" or EMPLOYMENT.ends_at(tokens, i - 1) is not None
            if not org and lead.lower != "to" and PLACE_CUE.ends_at(tokens, i - 1) is None:
                continue
            run = self.lower_run(i)
            found = self.town_or_unknown(run, org)
            if found is None and org:
                found = self.named_by_its_end(run)
            if found is None or not (found[2] or org):
                continue  # a word no dictionary knows names a place of work after "at" only
            first, last, town = found
            while last + 1 < len(run) and run[last + 1].lower in LOWER_RUN_ENDS:
                last += 1
                org = True  # "new bedford rehab"
            if first > 0 and (org or run[first - 1].lower in ("of", "de", "du")):
                first = 0  # "sunrise of wayland", "tj maxx"
            kind = Kind.ORGANIZATION if org or (last + 1 < len(run) and not town) else Kind.LOCATION
            self.out.append(Span(run[first].start, run[last].end, kind))

    def lower_run(self, i: int) -> list[Token]:
        """Up to four lower-case words from token i, one space apart (joined by "of")."""
        tokens = self.tokens
        run = [tokens[i]]
        j = i + 1
        while (
            j < len(tokens)
            and len(run) < 4
            and self.text[tokens[j - 1].end : tokens[j].start] == " "
        ):
            tok = tokens[j]
            if not tok.text.islower() or (tok.lower in FUNCTION_WORDS and tok.lower != "of"):
                break
            run.append(tok)
            j += 1
        while run and run[-1].lower == "of":
            run.pop()
        return run

    def named_by_its_end(self, run: list[Token]) -> tuple[int, int, bool] | None:
        """After "at" or "@", ordinary words that a saint, "general" or an organisation's last
        word make a name: "@ st joes", "@ dollar general", "@ harbor house shelter" (two words
        before its end, so "at the shelter" and "@ local shelter" stay)."""
        words = [t.lower for t in run]
        if len(words) >= 2 and words[0] in ("st", "saint") and words[1] not in FUNCTION_WORDS:
            return 0, 1, False
        if len(words) >= 2 and words[1] == "general" and words[0] not in CLINICAL:
            return 0, 1, False  # "@ dollar general", "at mass general"
        for b in range(2, len(words)):
            if words[b] in AT_SIGN_ORG_ENDS and not any(
                w in CLINICAL or w in FUNCTION_WORDS for w in words[:b]
            ):
                return 0, b, False
        return None

    def town_or_unknown(self, run: list[Token], org: bool) -> tuple[int, int, bool] | None:
        """Where in the run a town stands (the longest the gazetteer holds, with a word that
        is no English word unless a place is announced: "at number one" is no town), or
        else a word no dictionary knows."""
        places = self.lex.places
        common = self.lex.common
        for a in range(len(run)):
            for b in range(len(run) - 1, a - 1, -1):
                key = " ".join(t.lower for t in run[a : b + 1])
                if key not in places:
                    continue
                plain = all(t.lower in common for t in run[a : b + 1])
                if not plain or (b > a and not org):
                    return a, b, True
        for a, tok in enumerate(run):
            if tok.lower == "of":
                continue
            if (
                len(tok.lower) >= 3
                and not self.loosely_safe(tok.lower)
                and tok.lower not in CREDENTIALS_LOWER
            ):
                return a, a, False
        return None

    def letter(self, i: int) -> Kind | None:
        """A lone capital letter for a person: "client J", "K came late"."""
        tok = self.tokens[i]
        if not tok.text.isupper() or tok.caps_line:
            return None
        after = self.text[tok.end : tok.end + 1]
        if self.initials_before_verb(i) or (
            i > 0
            and self.initials_before_verb(i - 1)
            and self.text[self.tokens[i - 1].end : tok.start] == "."
        ):
            return Kind.NAME
        named = i > 0 and len(self.tokens[i - 1].text) > 1
        swept = i > 0 and any(s.end == self.tokens[i - 1].end for s in self.out[-2:])
        if named and after == "." and (self.tokens[i - 1].end in self.name_ends or swept):
            if self.text[self.tokens[i - 1].end : tok.start] == " ":
                return Kind.NAME  # "Pilar S.": the initial closing a name
        nxt_start = self.tokens[i + 1].start if i + 1 < len(self.tokens) else -1
        if (
            after == "."
            and self.text[tok.end : nxt_start] == ". "
            and nxt_start in self.name_starts
        ):
            return self.name_starts[nxt_start]  # "E. Adjei-Mensah"
        if after == "." and (self.listed_initials(tok) or self.initial_acts(i)):
            return Kind.NAME  # "- C.W. (44, trucker)", "- T.: notices", "Peer D. offered"
        if tok.text in ("I", "A"):
            return None
        if after in (".", "/", "-", "&") or after.isdigit():
            return None  # an initial, "A/O", "T-cell"
        if i > 0 and self.lettered_parties(self.tokens[i - 1]):
            return None  # "Partner A ... Partner B said": the parties' labels, no initials
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        reporting = (
            nxt is not None and nxt.lower in LETTER_VERBS and self.text[tok.end : nxt.start] == " "
        )
        if reporting or self.cued(i):
            return Kind.NAME
        return None

    def lettered_parties(self, before: Token) -> bool:
        """The word before a letter labels parties by letters where the note has its "A" too:
        "Partner A", "Parent B", "Member C" (but "client J" alone is someone's initial)."""
        if before.lower not in PARTY_WORDS:
            return False
        # ("Patient Alert and oriented" has no party "A": the letter alone, as a word)
        return re.search(rf"(?i)\b{before.lower} A\b(?![.'\u2019])", self.text) is not None

    def initials_as_subject(self, i: int) -> bool:
        """Two or three capitals no list knows, doing something or in company: "JL covering",
        "HA to co-sign", "PC noticed", "PC w/ HA" (a supervision note's people)."""
        tok = self.tokens[i]
        letters = tok.text
        if not 2 <= len(letters) <= 3 or not letters.isalpha() or letters in KNOWN_LETTERS:
            return False
        if tok.lower in FUNCTION_WORDS or tok.lower in NOT_NAMES:
            return False
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        after = self.text[tok.end : nxt.start] if nxt is not None else ""
        acts = (
            nxt is not None
            and after == " "
            and nxt.text.islower()
            and (
                nxt.lower in SUBJECT_VERBS
                or nxt.lower in LETTER_VERBS
                or (
                    nxt.lower.endswith(("ed", "ing")) and len(nxt.lower) > 4 and "-" not in nxt.text
                )
                or (nxt.lower == "to" and self.text[nxt.end + 1 : nxt.end + 2].isalpha())
            )
        )
        before = self.text[max(0, tok.start - 3) : tok.start]
        company = before == "w/ " or self.text[tok.end : tok.end + 4] == " w/ "
        return acts or company

    def listed_initials(self, tok: Token) -> bool:
        """Initials opening a line of a list, before a bracket, a comma or a colon."""
        line_start = self.text.rfind("\n", 0, tok.start) + 1
        m = LIST_INITIALS.match(self.text, line_start)
        group = 0 if m is None else (1 if m.group(1) else 2)
        return m is not None and m.start(group) <= tok.start < m.end(group)

    def initial_acts(self, i: int) -> bool:
        """An initial after a relation, or before a verb a person does: "Peer D. offered"."""
        tok = self.tokens[i]
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if self._credential_after_name(tok.start):
            return False  # "Karen Fox, R.N. noted": her licence, no person
        verb = (
            nxt is not None
            and self.text[tok.end : nxt.start] == ". "
            and nxt.text.islower()
            and (nxt.lower in LETTER_VERBS or nxt.lower in SUBJECT_VERBS)
        )
        related = (
            i > 0
            and self.text[self.tokens[i - 1].end : tok.start] == " "
            and (RELATION.ends_at(self.tokens, i - 1) is not None)
        )
        return verb or (related and nxt is not None and nxt.text.islower())

    def initials_before_verb(self, i: int) -> bool:
        """Initials standing for a person before a verb or an age: "T.F. was more compliant",
        "M.O. presented", "L.B. (67)", "C.H., 19,"."""
        start = self.tokens[i].start
        m = INITIALS_VERB.match(self.text, start)
        if m is not None and self._credential_after_name(start):
            return False  # "Dr. Smith, M.D. reviewed": his degree, no person
        if m is not None and (m.group(1) in LETTER_VERBS or m.group(1) in SUBJECT_VERBS):
            return True
        if m is not None and m.group(1).endswith("ed") and len(m.group(1)) > 4:
            return True
        return INITIALS_AGED.match(self.text, start) is not None

    def _credential_after_name(self, at: int) -> bool:
        """Whether the letter at `at` is one of dotted letters that spell a credential ("M.D.",
        "R.N.") set after a name by a comma."""
        text = self.text
        start = at
        # (no credential has eight letters: a longer run of them is read no further)
        while start >= 2 and text[start - 1] == "." and text[start - 2].isalpha():
            start -= 2
            if at - start > 16:
                return False
        end = at
        while end + 1 < len(text) and text[end].isalpha() and text[end + 1] == ".":
            end += 2
            if end - at > 16:
                return False
        letters = text[start:end].replace(".", "").lower()
        comma = text.rfind(",", max(0, start - 2), start)
        return (
            len(letters) > 1
            and letters in CREDENTIALS_LOWER
            and comma >= 0
            and not text[comma + 1 : start].strip()
            and comma in self.name_ends
        )

    def cued(self, i: int) -> bool:
        """A relation or a label just before the word: "her son", "Client:", 'client "';
        a verb of naming before a quoted word: 'CALLED HIM "FRANK"'."""
        if i == 0:
            return False
        gap = self.text[self.tokens[i - 1].end : self.tokens[i].start]
        if gap not in GAPS_AFTER_CUE:
            return False
        start = self.tokens[i].start
        if gap.endswith(('"', "\u201c")) and NAMING.search(self.text, max(0, start - 40), start):
            return True  # 'CALLED HIM "FRANK"', 'YELLING FOR "GIO"'
        return (
            RELATION.ends_at(self.tokens, i - 1) is not None
            or STRONG_LABEL.ends_at(self.tokens, i - 1) is not None
        )

    def verb_after_client(self, i: int) -> bool:
        """An English word in lower case after "pt" or "client" and a space is mostly what
        the client did ("pt drew a picture", "client hung up"), not the client's name."""
        tok, before = self.tokens[i], self.tokens[i - 1]
        return (
            tok.text.islower()
            and before.lower in CLIENT_LABELS
            and self.text[before.end : tok.start] == " "
            and tok.lower in self.lex.common
        )

    def related(self, i: int) -> bool:
        """A word in title case straight after a relation, mid-sentence, is the relative's
        name even when it is also a word or an abbreviation ("her brother Dev", "wife Ama")."""
        tok = self.tokens[i]
        if i == 0 or tok.caps_line or tok.sentence_start or not tok.text[1:].islower():
            return False
        if not tok.cap or self.text[self.tokens[i - 1].end : tok.start] != " ":
            return False
        lw = tok.lower
        if lw in LETTER_VERBS or lw in PRONOUNS or MONTH_OR_DAY.fullmatch(tok.text):
            return False
        if self.text[tok.end : tok.end + 1] == ":" or self.finder.drug_like(tok):
            return False
        relative = self.tokens[i - 1]  # "her brother", "Wife Ama", never "the Peer Specialist"
        if not (relative.text.islower() or relative.sentence_start):
            return False
        return RELATION.ends_at(self.tokens, i - 1) is not None

    def named_after_relation(self, i: int) -> bool:
        """A short word in title case between a relation and a surname is a given name."""
        tok = self.tokens[i]
        if i == 0 or i + 1 >= len(self.tokens) or not tok.cap or not tok.text[1:].islower():
            return False
        if tok.caps_line or self.text[self.tokens[i - 1].end : tok.start] != " ":
            return False
        nxt = self.tokens[i + 1]
        surname = nxt.cap and nxt.text[1:].islower() and self.text[tok.end : nxt.start] == " "
        if not surname or is_safe(nxt.lower, self.lex):
            return False
        return RELATION.ends_at(self.tokens, i - 1) is not None

    def quoted(self, i: int) -> bool:
        tok = self.tokens[i]
        return self.text[tok.start - 1 : tok.start] in ('"', "\u201c") and self.text[
            tok.end : tok.end + 1
        ] in ('"', "\u201d")

    def between_names(self, i: int) -> bool:
        """A nickname in quotes after a given name or before a surname."""
        after_name = i > 0 and self.tokens[i - 1].end in self.name_ends
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return after_name or (nxt is not None and nxt.start in self.name_starts)

    def before_initial(self, i: int) -> bool:
        """A given name before an initial closing it: "Pilar S.", "Rosa M., Tom K."."""
        tok = self.tokens[i]
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return (
            nxt is not None
            and len(nxt.text) == 1
            and nxt.text.isupper()
            and self.text[tok.end : nxt.start] == " "
            and self.text[nxt.end : nxt.end + 2] in (".,", ".", ". ", ".\n", ".;", ".)", ".:")
            and tok.lower not in NOT_IN_RUN
            and tok.lower not in RELATION.by_last
            and tok.lower not in STRONG_LABEL.by_last
            and tok.lower not in LETTERED_WORDS
        )

    def label(self, tok: Token) -> bool:
        line_start = self.text.rfind("\n", 0, tok.start) + 1
        return (
            not self.text[line_start : tok.start].strip()
            and self.text[tok.end : tok.end + 1] == ":"
        )

    def opening_safe(self, lw: str) -> bool:
        """A capitalised word opening a sentence: safe when listed, or when a dictionary
        holds it and no census list does ("Pilar quiet" is a name; "Undomiciled" is not)."""
        if is_safe(lw, self.lex):
            return True
        named = lw in self.lex.first or self.lex.last.get(lw, NAMELESS) < SURNAME_RANK
        return not named and self.loosely_safe(lw)

    def loosely_safe(self, lw: str) -> bool:
        lex = self.lex
        return lw in lex.common or lw in lex.modern or lw in NOT_NAMES or is_safe(lw, lex)

    @staticmethod
    def inner_capitals(word: str) -> bool:
        """Capitals inside a word that no name has ("HbA1c", "MassHealth"); a hyphen's
        parts are each a word ("Al-Amin", "Cedar-Riverside")."""
        return any(
            any(c.isupper() for c in part[1:]) and not NAME_CAPITALS.fullmatch(part)
            for part in word.split("-")
        )

    def compound_name(self, tok: Token) -> bool:
        """Two capitalised words joined by a hyphen, neither a prefix: "Cedar-Riverside";
        a surname after its particle: "Al-Amin", "Abu-Bakr", "El-Sayed"."""
        if tok.lower in self.lex.safe or tok.lower in NOT_NAMES:
            return False  # "Al-Anon", "X-Ray" are listed whole
        parts = tok.text.split("-")
        if len(parts) == 2 and parts[0].lower() in NAME_PARTICLES and parts[1][:1].isupper():
            return len(parts[1]) >= 3
        if len(parts) == 2 and parts[0].isupper() and parts[1].lower() in self.lex.places:
            return True  # "MCI-Concord": a place of care by its letters and its town
        return (
            len(parts) == 2
            and all(len(p) >= 3 and p[0].isupper() and p[1:].islower() for p in parts)
            and not any(p.lower() in COMPOUND_PARTS for p in parts)
            and not all(p.lower() in NOT_NAMES for p in parts)
        )

    def kind_of(self, i: int) -> Kind:
        tok = self.tokens[i]
        lw = tok.lower
        if i > 0 and self.text[self.tokens[i - 1].end : tok.start] == " ":
            before = self.tokens[i - 1].lower
            if before in ("at", "@") or EMPLOYMENT.ends_at(self.tokens, i - 1) is not None:
                return Kind.ORGANIZATION
            if PLACE_CUE.ends_at(self.tokens, i - 1) is not None and lw not in self.lex.first:
                return Kind.LOCATION
        if lw in self.lex.places or lw in self.lex.regions:
            return Kind.LOCATION
        if lw in self.lex.modern and not self.before_initial(i):
            if age_after_name(self.text, tok.end) is None:  # ("Emi 14, sister Hana 10")
                return Kind.ORGANIZATION  # frequent, in no dictionary, no name: a brand
        return Kind.NAME

    def before_surname(self, i: int) -> bool:
        """One of the census's commonest surnames follows: "Rain Smith", "Dev Patel" name
        people ("Processing Speed" no one: "speed" is no common surname)."""
        if i + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[i + 1]
        if not nxt.cap or self.text[self.tokens[i].end : nxt.start] != " ":
            return False
        rank = self.lex.last.get(nxt.lower, NAMELESS)
        return rank <= COMMON_SURNAME and nxt.lower not in ORG_LAST

    # --- runs of words -----------------------------------------------------------------------
    def mask(self, i: int, kind: Kind) -> None:
        """The word, with the capitalised words joined to it in a mixed-case line."""
        tokens = self.tokens
        first = last = i
        if tokens[i].cap and not tokens[i].caps_line and kind != Kind.STAFF:
            while first > 0 and i - first < 3 and self.joins(tokens[first - 1], tokens[first]):
                if tokens[first - 1].sentence_start and self.loosely_safe(tokens[first - 1].lower):
                    break
                first -= 1
            while (
                last + 1 < len(tokens)
                and last - i < 3
                and self.joins(tokens[last], tokens[last + 1])
            ):
                last += 1
            if any(tokens[k].lower in ORG_LAST for k in range(i + 1, last + 1)):
                kind = Kind.ORGANIZATION  # "Brakebush Farms"
        self.out.append(Span(tokens[first].start, tokens[last].end, kind))
        if kind == Kind.NAME and first == last and tokens[i].cap:
            self.names.add(tokens[i].lower)

    def joins(self, a: Token, b: Token) -> bool:
        gap = self.text[a.end : b.start]
        if gap not in (" ", "-"):
            return False
        for tok in (a, b):
            if not tok.cap or tok.caps_line or tok.text.isupper():
                return False
            short_surname = tok is b and len(tok.text) == 2 and tok.lower in self.lex.last
            if tok.lower in NOT_IN_RUN and not short_surname:  # ("Minh-Chau Vo")
                return False
            if MONTH_OR_DAY.fullmatch(tok.text):
                return False
        return not b.sentence_start

    def capital_runs(self) -> None:
        """Two or more capitalised words mid-sentence, outside a heading, name something
        (English capitalises no run of ordinary words there): "claims adjuster, Liberty
        Mutual", "a loan from Farm Credit", "plays with the Cape Ann Symphony"."""
        tokens = self.tokens
        n = len(tokens)
        i = 1
        while i < n:
            lead = tokens[i - 1].lower
            if lead == "the" and i >= 2:
                lead = tokens[i - 2].lower
            if not tokens[i].cap or tokens[i].sentence_start or tokens[i].caps_line:
                i += 1
                continue
            if lead not in RUN_LEADS and self.in_title_line(tokens[i]):
                i += 1  # a heading's words, all capitalised
                continue
            last = i
            while last + 1 < n and last - i < 4 and self.joins(tokens[last], tokens[last + 1]):
                last += 1
            run = tokens[i : last + 1]
            direct = tokens[i - 1].lower in ("at", "from", "to", "@")
            if last > i and direct and self.generic_but_named(run):
                self.out.append(Span(run[0].start, run[-1].end, Kind.ORGANIZATION))
            elif (
                last > i
                and self.names_a_place(run)
                and not self.common_noun_phrase(i, run, lead)
                and not all(self.covered(t) for t in run)
            ):
                given = run[0].lower in self.lex.first or (len(run) == 2 and self.before_surname(i))
                named = lead not in ORG_RUN_LEADS and given
                kind = Kind.NAME if named else Kind.ORGANIZATION
                self.out.append(Span(run[0].start, run[-1].end, kind))
            i = last + 1

    def generic_but_named(self, run: list[Token]) -> bool:
        """Generic words ending in an organisation's word, capitalised right after "at" or
        "to" with no article, name one: "NP at Behavioral Health Network" (but "at the
        Community Health Center" may be any)."""
        if any(t.caps_line or t.text.isupper() or MONTH_OR_DAY.fullmatch(t.text) for t in run):
            return False
        return run[-1].lower in ORG_LAST and all(
            t.lower in GENERIC_ORG or t.lower in ORG_LAST for t in run
        )

    def common_noun_phrase(self, i: int, run: list[Token], lead: str) -> bool:
        """A role or a status written with capitals, no name: "met with the Peer Specialist",
        "converted to a Conditional Voluntary"."""
        last = run[-1].lower
        if last in self.lex.jobs or last.rstrip("s") in self.lex.jobs or last in NOT_JOBS:
            return True
        if last in INSTRUMENT_WORDS:
            return True  # "the Boston Naming Test", "Young Mania Rating Scale": instruments
        article = self.tokens[i - 1].lower in ("a", "an") if i > 0 else False
        return article and lead not in RUN_LEADS and all(t.lower in self.lex.safe for t in run)

    def names_a_place(self, run: list[Token]) -> bool:
        if any(t.lower in NOT_IN_RUN or t.caps_line or t.text.isupper() for t in run):
            return False
        if all(t.lower in GENERIC_ORG or t.lower in ORG_LAST for t in run):
            return False  # "the Community Health Center" names none
        return not any(MONTH_OR_DAY.fullmatch(t.text) for t in run)

    def joined_by_and(self) -> None:
        """ "Ropes & Gray", "Boston Sand & Gravel": capitalised names either side of "&"."""
        if "&" not in self.text:
            return
        tokens = self.tokens
        for i in range(len(tokens) - 1):
            a, b = tokens[i], tokens[i + 1]
            if not AMPERSAND_GAP.fullmatch(self.text, a.end, b.start):
                continue
            if a.caps_line or not (a.cap and b.cap) or len(a.text) < 3 or len(b.text) < 3:
                continue
            if a.lower in NOT_IN_RUN and b.lower in NOT_IN_RUN:
                continue  # "History & Physical"
            if self.text[b.end : b.end + 1] == ":" or self.in_title_line(a):
                continue  # a heading: "Assessment & Plan:"
            first = i
            while first > 0 and i - first < 2 and self.joins(tokens[first - 1], tokens[first]):
                if tokens[first - 1].sentence_start and self.opening_safe(tokens[first - 1].lower):
                    break  # "Attends Mothers & Babies": the verb is no part of the name
                first -= 1
            if tokens[first].sentence_start and self.opening_safe(tokens[first].lower):
                if a.lower in self.lex.safe and b.lower in self.lex.safe:
                    continue  # two ordinary words opening a sentence: "Risks & Benefits"
            self.out.append(Span(tokens[first].start, b.end, Kind.ORGANIZATION))

    def of_a_town(self) -> None:
        """Capitalised words before "of" and a town name a place there: "Sunrise of Edina",
        "Friends of Brookline" (a town's own "City of", "Town of" stay the town's)."""
        if " of " not in self.text:
            return
        tokens = self.tokens
        for i in range(1, len(tokens) - 1):
            if tokens[i].lower != "of" or not tokens[i - 1].cap or tokens[i - 1].caps_line:
                continue
            found = self.proper_ends.get(tokens[i + 1].end)
            town = found == Kind.LOCATION or (found and tokens[i + 1].lower in self.lex.places)
            if not town or not tokens[i + 1].cap:
                continue  # ("Edina" may have been taken for a given name: it is a town too)
            if self.text[tokens[i - 1].end : tokens[i + 1].start] != " of ":
                continue
            first = i - 1
            while first > 0 and i - first < 3 and self.joins(tokens[first - 1], tokens[first]):
                first -= 1
            head = tokens[first:i]
            if any(t.lower in NOT_IN_RUN or t.lower in TOWN_WORDS for t in head):
                continue
            if head[0].sentence_start and self.opening_safe(head[0].lower) and len(head) == 1:
                continue  # "Both of Boston's teams"
            self.out.append(Span(head[0].start, tokens[i + 1].end, Kind.ORGANIZATION))

    def letterheads(self) -> None:
        """A line of capitalised words under a signature: the signer's organisation ("Ana
        Ruiz, LCSW" then "Valley Child Guidance")."""
        lines = self.text.split("\n")
        if not any(self.signed(line) for line in lines):
            return
        position = 0
        signed = False
        for line in lines:
            words = line.split()
            # the signer's job ("Consultant Neurologist") is no organisation, and the line
            # under it may still be one
            job = signed and self.job_title(words)
            if signed and not job and PLAIN_LINE.fullmatch(line):
                if 2 <= len(words) <= 7 and self.capitalised_line(words):
                    start = position + len(line) - len(line.lstrip())
                    end = position + len(line.rstrip())
                    self.out.append(Span(start, end, Kind.ORGANIZATION))
            if words and not job:
                signed = self.signed(line)
            position += len(line) + 1

    def above_addresses(self, lines: list[str]) -> None:
        """A line of capitalised words just above a street address is the letterhead's
        organisation ("Pioneer Valley Neurology" over "77 Hatfield Street")."""
        position = 0
        for k in range(len(lines) - 1):
            line = lines[k]
            below = position + len(line) + 1
            words = line.split()
            if below in self.address_starts and PLAIN_LINE.fullmatch(line) and 2 <= len(words) <= 6:
                if self.capitalised_line(words):
                    first = position + len(line) - len(line.lstrip())
                    self.out.append(Span(first, position + len(line.rstrip()), ORG))
            position = below

    def job_title(self, words: list[str]) -> bool:
        """Words of a job's title: "Consultant Respiratory Physician", "GP Partner"."""
        lows = [w.lower().strip(",.") for w in words]
        named = [w in self.lex.jobs or w.endswith(("ist", "ian")) for w in lows]  # "-ologist"
        return any(named) and all(n or w in self.lex.safe for n, w in zip(named, lows, strict=True))

    @staticmethod
    def signed(line: str) -> bool:
        """The line ends with a credential: a signature."""
        last = line.rstrip().rpartition(" ")[2].rpartition(",")[2]
        return last.rstrip(".") in CREDENTIAL_WORDS or last in ("M.D.", "Ph.D.")

    def capitalised_line(self, words: list[str]) -> bool:
        small = {"of", "and", "&", "for", "the", "at", "in"}
        if not all(w[0].isupper() or w in small for w in words):
            return False
        if words[-1].rstrip(".") in CREDENTIAL_WORDS or words[0].rstrip(":") in TITLES:
            return False
        return not all(w.lower() in NOT_IN_RUN or w in small for w in words)

    def after_names(self) -> None:
        """A town after an organisation and a comma ("Emerson Hospital, Concord"); an initial
        closing a name written surname first ("Ordering: Coleman, J")."""
        ends = dict(self.proper_ends)
        ends.update((s.end, s.kind) for s in self.out if s.kind in PROPER)
        for end, kind in ends.items():
            if kind == ORG:
                town = TOWN_AFTER_ORG.match(self.text, end)
                if town and town.group(1).lower() in self.lex.places:
                    self.out.append(Span(*town.span(1), Kind.LOCATION))
            elif kind in (Kind.NAME, Kind.STAFF):
                initial = INITIAL_AFTER_NAME.match(self.text, end)
                if initial:
                    self.out.append(Span(*initial.span(1), kind))

    def ages_after_names(self) -> None:
        """A number right after any name found: 'client "L", 38, a chef', "J.R., 44"."""
        ends = self.name_ends | {s.end for s in self.out if s.kind == Kind.NAME}
        for end in ends:
            m = age_after_name(self.text, end)
            if m:
                self.out.append(Span(*m.span(1), Kind.AGE))

    def recurring_names(self) -> None:
        """A word the sweep took for a name is a name wherever it stands capitalised, and in
        lower case too when it is no English word ("emi mostly silent" in a hurried note)."""
        if not self.names:
            return
        taken = {s.start for s in self.out}
        common = self.lex.common
        for tok in self.tokens:
            if tok.lower not in self.names or tok.start in taken:
                continue
            if tok.cap or (tok.text.islower() and tok.lower not in common and len(tok.text) > 2):
                if not self.covered(tok):
                    self.out.append(Span(tok.start, tok.end, Kind.NAME))


def unlisted_spans(finder: Finder, found: list[Span]) -> list[Span]:
    """What the allow-list sweep masks, given what the other rules found."""
    return Sweep(finder, found).run()


def _merge(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(pairs):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _title_line(line: str) -> bool:
    """Three words in four (of more than three letters) are capitalised, in a line that is
    not written in capitals."""
    words = LONG_WORD.findall(line)
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    if all(w.isupper() for w in words):
        return False
    return capitalised >= 0.75 * len(words)
