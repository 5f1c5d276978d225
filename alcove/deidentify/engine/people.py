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
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from alcove.deidentify.engine.lexicon import Lexicon
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import (
    CLINICAL,
    DRUGS,
    EMPLOYMENT_CUES,
    EPONYMS,
    HEADINGS,
    LABS,
    NAME_FIRST,
    ORG_LEADS,
    ORG_WORDS,
    PROFESSION_CUES,
    PROFESSIONS,
    PROPER_NOT_NAMES,
    RELATIONS,
    REPORT_VERBS,
    STAFF_CUES,
    STAFF_TITLES,
    STATE_CODES,
    STATES,
    STRONG_LABELS,
    TITLES,
    WEAK_LABELS,
)

# Letters of any script; an apostrophe joins "O'Brien" but not "I've" or "didn't".
WORD = re.compile(
    r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_])|['\u2019](?!(?:ve|m|d|ll|re|t)\b)(?=[^\W\d_]))*"
)
NOT_NAMES = CLINICAL | HEADINGS | PROPER_NOT_NAMES | EPONYMS | LABS | DRUGS
NOT_ORG_WORDS = NOT_NAMES - PROPER_NOT_NAMES
STATE_WORDS = frozenset(w.lower() for s in STATES for w in s.split()) - {"new", "north", "south"}
STATE_NAMES = frozenset(s.lower() for s in STATES)
CONNECTORS = frozenset({"of", "for", "and", "the", "&", "de", "la", "on", "at"})
GAP_CUE = re.compile(r"[ \t]*(?:'s|\u2019s)?[ \t]*[:,(\-\u2013#]?[ \t]*(?:\n[ \t]*)?")
GAP_NAME = frozenset({" ", "-", " '", "  "})
CREDENTIAL_WORDS = frozenset(
    """MD DO RN NP PA LPN CNA APRN CNS PMHNP FNP DNP PhD PsyD EdD LCSW LICSW LMSW MSW LMFT
    MFT LPC LPCC LMHC LCPC LADC CADC LCADC BCBA MSN BSN OTR DPT CRNA MBBS FACP""".split()
)
# Short credentials that are also clinical abbreviations count only after a comma.
WEAK_CREDENTIALS = frozenset({"DO", "PA", "NP", "MA", "MS", "PT", "RD", "OT"})
DOTTED_CREDENTIAL = re.compile(r"(?:M\.D\.|D\.O\.|R\.N\.|Ph\.D\.|Psy\.D\.|Ed\.D\.)")
GENERIC_ORG = frozenset(
    """the a an our this that his her their its mental behavioral behavioural health emergency
    psychiatric inpatient outpatient medical community day partial intensive support group home
    nursing urgent care primary family public state county general regional veterans national
    private local university children's childrens women's womens memorial new city hospital
    clinic center school high middle elementary department police fire insurance and of for
    treatment recovery residential crisis counseling services service program unit ward
    rehabilitation rehab drug alcohol detox sober living wellness physical occupational speech
    therapy medicine surgery pediatric pediatrics adult adolescent child geriatric senior
    student employee human resources care team office court jail juvenile correctional
    detention legal aid church temple club bank credit union main east west north south
    central upper lower grade graduate undergraduate law business food consultation liaison
    consultation-liaison psychology psychiatry neurology cardiology oncology heart brain spine
    lung kidney liver skin chest head neck""".split()
)
# Large employers a note names without a suffix ("stress at Walmart").
EMPLOYERS = frozenset(
    """walmart amazon target costco kroger safeway publix walgreens cvs starbucks mcdonald
    fedex ups usps lowe wendy chick-fil-a aldi meijer dollar general tesla boeing
    verizon at&t comcast""".split()
)
FUNCTION_WORDS = frozenset(
    """from on in at to of for with by and or the a an is was as it its he she they we you
    i me my his her their our this that these those be been has have had do does did not no
    yes but if then so up out into onto over under after before about per via re pt""".split()
)
CAPS_STOP = frozenset(
    """will may can see call seen home here back well best good long little young rich
    sharp strong hope love bell king day called states reports""".split()
)


# Word endings English has and names almost never do ("Restructuring", "Mindfulness").
ENGLISH_SUFFIX = re.compile(
    r"(?:ing|tion|sion|ment|ness|ity|ive|ous|ful|less|able|ible|ical|ism|ist|ize|ise|ology|"
    r"ship|ence|ance|ward|wise)$"
)


class Phrases:
    """Cue phrases ("signed by", "her sister"), found by their last word in a token list."""

    def __init__(self, alternation: str) -> None:
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in alternation.replace("\\", "").split("|"):
            words = tuple(w.lower() for w in WORD.findall(phrase))
            if words:
                self.by_last.setdefault(words[-1], []).append(words[:-1])
        for options in self.by_last.values():
            options.sort(key=len, reverse=True)

    def ends_at(self, tokens: list["Token"], j: int) -> int | None:
        """The index of the phrase's first token when one ends at token j."""
        if j < 0:
            return None
        options = self.by_last.get(tokens[j].lower)
        if options is None:
            return None
        for before in options:
            k = j - len(before)
            if k < 0:
                continue
            if all(tokens[k + n].lower == w for n, w in enumerate(before)):
                return k
        return None


STAFF = Phrases(STAFF_CUES)
RELATION = Phrases(RELATIONS)
STRONG_LABEL = Phrases(STRONG_LABELS)
WEAK_LABEL = Phrases(WEAK_LABELS)
EMPLOYMENT = Phrases(EMPLOYMENT_CUES + "|stress at|employer|employed|works|job|hr at")
PROFESSION_CUE = Phrases(PROFESSION_CUES + "|employment|occupation|profession|job title")
ORG_LEAD = Phrases(ORG_LEADS)
PLACE_CUE = Phrases(
    "in|from|near|outside|outside of|visiting|visited|toward|towards|moved to|move to|moving to|"
    "home to|kids to|go to|going to|went to|trip to|drive to|driving to|flight to|bus to|"
    "lives in|living in|born in|raised in|grew up in|relocated to|drove to|flew to|back to|"
    "returned to|resides in|located in|north of|south of|east of|west of|suburb of|"
    "town of|city of|village of|near to|based in"
)
STRONG_PLACE_CUE = Phrases(
    "in|from|near|outside|moved to|lives in|living in|born in|raised in|grew up in|"
    "relocated to|drove to|flew to|resides in|located in|based in|visits from|back to"
)
ORG_LAST: dict[str, list[tuple[str, ...]]] = Phrases(ORG_WORDS).by_last
NOT_MODIFIERS = frozenset(
    """married divorced single widowed separated retired former unemployed disabled old young
    male female man woman gentleman lady right-handed left-handed year-old yo new part-time
    full-time""".split()
)
PROFESSION_WORDS = PROFESSIONS | frozenset(p + "s" for p in PROFESSIONS)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool
    caps_line: bool
    sentence_start: bool


ABBREVIATED = re.compile(
    r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Mt|Jr|Sr|Prof|Rev|Fr|vs|ST|DR|MR|MRS|MS)|\b[A-Z])$"
)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'(*•-\u2013)[":
        i -= 1
    if i >= 0 and text[i] == "." and ABBREVIATED.search(text, max(0, i - 4), i):
        return False  # "St. Luke", "Dr. Okafor", "J. Smith"
    return i < 0 or text[i] in ".!?:;\n"


DROP_LOWER = {c: None for c in range(ord("a"), ord("z") + 1)}
DROP_UPPER = {c: None for c in range(ord("A"), ord("Z") + 1)}


def tokens_of(text: str) -> list[Token]:
    caps_lines: list[tuple[int, bool]] = []
    position = 0
    for line in text.split("\n"):
        lower = len(line) - len(line.translate(DROP_LOWER))
        upper = len(line) - len(line.translate(DROP_UPPER))
        caps_lines.append((position + len(line), upper >= 10 and upper > 4 * lower))
        position += len(line) + 1
    row = 0
    tokens = []
    for m in WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        if word.endswith(("'s", "\u2019s", "'S")):
            word, end = word[:-2], end - 2
        while caps_lines[row][0] < start:
            row += 1
        tokens.append(
            Token(
                start,
                end,
                word,
                word.lower(),
                word[0].isupper(),
                caps_lines[row][1],
                _sentence_start(text, start),
            )
        )
    return tokens


class _Finder:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.tokens = tokens_of(text)
        self.spans: list[Span] = []
        self.name_words: set[str] = set()

    # --- what a word is, by the dictionaries --------------------------------------------
    def strong_first(self, lw: str) -> bool:
        return (
            lw in self.lex.first
            and len(lw) > 2
            and (lw not in self.lex.common or lw in NAME_FIRST)
            and lw not in NOT_NAMES
        )

    def any_first(self, lw: str) -> bool:
        return lw in self.lex.first and lw not in NOT_NAMES and len(lw) > 1

    def strong_last(self, lw: str) -> bool:
        return (
            lw in self.lex.last
            and lw not in self.lex.common
            and len(lw) > 2
            and lw not in NOT_NAMES
        )

    def unknown(self, lw: str) -> bool:
        """Not an English word, a clinical term, a place or a state: most likely a name."""
        lex = self.lex
        return (
            len(lw) > 3
            and not ENGLISH_SUFFIX.search(lw)
            and lw not in lex.common
            and lw not in NOT_NAMES
            and lw not in lex.places
            and lw not in STATE_WORDS
            and lw not in EMPLOYERS
        )

    def eponym_like(self, tok: Token) -> bool:
        """ "Vanderbilt forms", "Beck Depression Inventory", "Cushing syndrome"."""
        return EPONYM_AFTER.match(self.text, tok.end) is not None

    def drug_like(self, tok: Token) -> bool:
        """A brand or generic drug: a dose follows ("Lopressor 25 mg") or a drug stem ends it."""
        return (
            DOSE_AFTER.match(self.text, tok.end) is not None
            or DRUG_STEM.search(tok.lower) is not None
        )

    def name_like(self, tok: Token) -> bool:
        if not tok.cap or tok.lower in NOT_NAMES or tok.lower in STATE_NAMES:
            return False
        if self.drug_like(tok):
            return False
        if tok.lower in FUNCTION_WORDS:
            return False
        if len(tok.text) == 1:
            # an initial: "J." or, closing a header's name, "JAMES T   Unit #"
            after = self.text[tok.end : tok.end + 2]
            return after[:1] == "." or after in ("  ", " \t", "\t") or after[:1] in ("\n", "")
        return not (tok.caps_line and len(tok.text) < 3)

    def _initial(self, tok: Token) -> bool:
        return len(tok.text) == 1 and self.text[tok.end : tok.end + 1] == "."

    def gap(self, a: Token, b: Token) -> str:
        return self.text[a.end : b.start]

    def adjacent(self, a: Token, b: Token) -> bool:
        gap = self.gap(a, b)
        return gap in GAP_NAME or (self._initial(a) and gap in (". ", "."))

    def add(self, start: int, end: int, kind: Kind) -> None:
        if kind == Kind.ORGANIZATION and self.text[end : end + 2] in ("'s", "\u2019s"):
            if end + 2 == len(self.text) or not self.text[end + 2].isalnum():
                end += 2  # "Dayton Children's", "Papa Gino's": the 's is the name's
        self.spans.append(Span(start, end, kind))

    # --- names from context --------------------------------------------------------------
    def run_from(self, i: int, *, limit: int = 3, inverted: bool = False) -> int:
        """The last index of a name starting at token i ("Ana M. Ruiz", "Ruiz, Ana" when
        inverted), or -1 when token i cannot start one."""
        tokens = self.tokens
        if tokens[i].lower in TITLES and i + 1 < len(tokens):
            return -1  # the title's own rule takes the name that follows
        if not self.name_like(tokens[i]):
            return -1
        last = i
        j = i + 1
        while j < len(tokens) and j - i < limit + 1:
            prev, tok = tokens[j - 1], tokens[j]
            gap = self.gap(prev, tok)
            if not (gap in GAP_NAME or (self._initial(prev) and gap in (". ", "."))):
                if not (inverted and j == i + 1 and gap in (", ", ",")):
                    break
            if not self.name_like(tok):
                break
            if len(tok.text) == 1:  # an initial (name_like has checked it is one)
                last = j
                j += 1
                continue
            if tok.caps_line and not self._caps_name_word(tok):
                break
            if (
                not tok.caps_line
                and tok.lower in self.lex.common
                and not (tok.lower in self.lex.last or tok.lower in self.lex.first)
            ):
                break
            last = j
            j += 1
        return last

    def add_run(self, i: int, last: int, kind: Kind) -> None:
        tokens = self.tokens
        i = self._initials_before(i)
        end = tokens[last].end + (1 if self._initial(tokens[last]) else 0)
        self.add(tokens[i].start, end, kind)
        for tok in tokens[i : last + 1]:
            if len(tok.text) > 2:
                self.name_words.add(tok.lower)

    def cued(self) -> None:
        tokens = self.tokens
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.cap:
                continue
            j = i - 1
            gap = self.gap(tokens[j], tok)
            if tokens[j].lower in TITLES and gap in (". ", " ", ".  ", "  "):
                relation_word = tokens[j].lower in {"sister", "father", "nurse", "pastor"}
                if not (relation_word and not tokens[j].cap):  # "his sister Dana": below
                    last = self.run_from(i)
                    if last >= 0:
                        kind = Kind.STAFF if tokens[j].lower in STAFF_TITLES else Kind.NAME
                        self.add_run(i, last, kind)
                    continue
            if not GAP_CUE.fullmatch(gap):
                continue
            if "\n" in gap and ":" not in gap:
                continue
            if STAFF.ends_at(tokens, j) is not None:
                last = self.run_from(i)
                if last >= 0 and self._plausible(i, last):
                    self.add_run(i, last, Kind.STAFF)
                continue
            if STRONG_LABEL.ends_at(tokens, j) is not None and ":" in gap:
                last = self.run_from(i, inverted=True)
                if last >= 0 and self._plausible(i, last):
                    self.add_run(i, last, Kind.NAME)
                continue
            verb = tokens[j].lower in ("is", "was", "named", "called")
            relation = RELATION.ends_at(tokens, j - 1 if verb else j)
            if relation is not None and "\n" not in gap:
                last = self.run_from(i)
                if last >= 0 and self._plausible(i, last):
                    self.add_run(i, last, Kind.NAME)
                continue
            if WEAK_LABEL.ends_at(tokens, j) is not None:
                lw = tok.lower
                if self.strong_first(lw) or self.strong_last(lw) or self.unknown(lw):
                    last = self.run_from(i)
                    if last >= 0:
                        self.add_run(i, last, Kind.NAME)
        self._credentials()

    def _plausible(self, i: int, last: int) -> bool:
        """A cue's run must hold one word that is not an ordinary English word."""
        for tok in self.tokens[i : last + 1]:
            lw = tok.lower
            if (
                self.text[tok.end : tok.end + 1] == "."
                and len(lw) <= 4
                and lw not in self.lex.first
            ):
                continue  # "Lic.", "Dept."
            if lw not in self.lex.common or lw in self.lex.first or lw in NAME_FIRST:
                return True
            if lw in self.lex.last and not tok.sentence_start:
                return True
        return False

    def _opening_word(self, tok: Token) -> bool:
        """An ordinary word opening a sentence ("Reviewed Ana Ruiz, LCSW"), no name."""
        lw = tok.lower
        return (
            tok.sentence_start
            and lw in self.lex.common
            and lw not in self.lex.first
            and lw not in self.lex.last
        )

    def _credentials(self) -> None:
        tokens = self.tokens
        text = self.text
        for i in range(1, len(tokens)):
            tok = tokens[i]
            word = tok.text
            gap = self.gap(tokens[i - 1], tok)
            dotted = DOTTED_CREDENTIAL.match(text, tok.start)
            if word not in CREDENTIAL_WORDS and word not in WEAK_CREDENTIALS and not dotted:
                continue
            if gap.strip() not in ("", ",") or "\n" in gap:
                continue
            if (word in WEAK_CREDENTIALS and not dotted) and gap.strip() != ",":
                continue
            # walk back over the name: up to three name-like words
            k = i - 1
            first = None
            while k >= 0 and i - k <= 3:
                t = tokens[k]
                if not self.name_like(t):
                    break
                if k < i - 1 and not self.adjacent(t, tokens[k + 1]):
                    break
                first = k
                if t.sentence_start:
                    break
                k -= 1
            if first is None:
                continue
            while first < i - 1 and self._opening_word(tokens[first]):
                first += 1
            if self._plausible(first, i - 1):
                self.add_run(first, i - 1, Kind.STAFF)

    # --- names from the dictionaries -----------------------------------------------------
    def dictionary(self) -> None:
        tokens = self.tokens
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if not tok.cap or tok.lower in NOT_NAMES or len(tok.text) < 2 or self.drug_like(tok):
                continue
            if self.eponym_like(tok):
                continue
            if tok.lower in FUNCTION_WORDS or tok.lower in TITLES:
                continue
            lw = tok.lower
            if not tok.caps_line and tok.text.isupper() and len(tok.text) <= 3:
                continue  # "MA", "ASA", "OT": abbreviations in a mixed-case line
            before = self.gap(tokens[i - 1], tok) if i else ""
            if lw in self.lex.places and i and STRONG_PLACE_CUE.ends_at(tokens, i - 1) is not None:
                if "\n" not in before:
                    continue  # "moved to Jackson": the place finder decides
            if lw in STATE_NAMES:
                continue
            nxt = tokens[i + 1] if i + 1 < n and self.adjacent(tok, tokens[i + 1]) else None
            caps = tok.caps_line
            if self.strong_first(lw) and not (caps and len(lw) < 4):
                if caps and nxt is None and lw in self.lex.last and not self.strong_last(lw):
                    continue
                if self.lex.places.get(lw) and nxt is None:
                    continue
                self._name_from(i)
            elif self.any_first(lw) and nxt is not None and nxt.cap and self._surname(nxt):
                if not caps or self.strong_last(nxt.lower):
                    self._name_from(i)
            elif caps:
                continue
            elif (
                nxt is not None
                and self.strong_last(nxt.lower)
                and not tok.sentence_start
                and tok.text[1:].islower()
            ):
                self._name_from(i)  # "case worker Juniper Estrada"
            elif (
                tok.sentence_start
                and i + 1 < n
                and tokens[i + 1].lower in REPORT_VERBS
                and self.gap(tok, tokens[i + 1]) == " "
                and len(lw) > 2
                and (
                    lw in self.lex.first
                    or (
                        lw not in self.lex.common and (lw in self.lex.last or lw in self.lex.places)
                    )
                )
                and tok.text[1:].islower()
            ):
                self._name_from(i)  # "Catalina is a 92-year-old woman"
            elif (
                not tok.sentence_start
                and self.any_first(lw)
                and (nxt is None or not nxt.cap)
                and self.text[tok.end : tok.end + 1] != ":"
            ):
                self._name_from(i)  # "met with Grace" mid-sentence (not "MRI Brain")
            elif (
                not tok.sentence_start
                and self.strong_last(lw)
                and self.lex.places.get(lw) is not True
                and self.lex.last[lw] < 30000
            ):
                self._name_from(i)
            elif tok.text[1:].islower() and self.text[tok.end : tok.end + 1] not in (".", "#"):
                following = tokens[i + 1].lower if i + 1 < n else ""
                reporting = following in REPORT_VERBS and self.gap(tok, tokens[i + 1]) == " "
                if self.unknown(lw):
                    surname_next = (
                        nxt is not None
                        and nxt.text[1:].islower()
                        and (self.strong_last(nxt.lower) or self.unknown(nxt.lower))
                    )
                    if not tok.sentence_start or reporting or surname_next:
                        self._name_from(i)  # "Tomomi Nishiyama lives at ..."
                elif lw in self.lex.places and lw not in self.lex.common and lw not in NOT_NAMES:
                    # "Lysander Patel", "Leopold threatened": a town's name, used as a person's
                    if reporting or (nxt is not None and nxt.cap and self._surname(nxt)):
                        self._name_from(i)

    def _caps_name_word(self, tok: Token) -> bool:
        """In a line of capitals, a word that may continue a name already begun."""
        lw = tok.lower
        if len(lw) < 2:
            return self.name_like(tok)  # an initial
        if lw in CAPS_STOP or lw in NOT_NAMES or lw in FUNCTION_WORDS:
            return False
        return lw in self.lex.last or lw in self.lex.first or lw not in self.lex.common

    def _initials_before(self, i: int) -> int:
        """Extend a name back over initials: "R. Okonkwo", "M. J. Fox"."""
        tokens = self.tokens
        while i > 0 and self._initial(tokens[i - 1]) and tokens[i - 1].cap:
            if self.gap(tokens[i - 1], tokens[i]) not in (". ", "."):
                break
            i -= 1
        return i

    def _surname(self, tok: Token) -> bool:
        lw = tok.lower
        if lw in NOT_NAMES:
            return False
        return lw in self.lex.last or (lw not in self.lex.common and len(lw) > 2)

    def _name_from(self, i: int) -> None:
        tokens = self.tokens
        if i > 0 and self.gap(tokens[i - 1], tokens[i]) in (", ", ","):
            before = tokens[i - 1]
            lw = before.lower
            if (
                self.name_like(before)
                and (lw in self.lex.last or lw not in self.lex.common)
                and (before.sentence_start or self._whole_line(before.start, tokens[i].end))
            ):
                i -= 1  # "DELGADO-FINN, ARTURO", "Moreau, Dana" opening a line
        last = i
        j = i + 1
        while j < len(tokens) and j < i + 3 and self.adjacent(tokens[j - 1], tokens[j]):
            tok = tokens[j]
            if not self.name_like(tok) or not (
                self._surname(tok) or self._initial(tok) or tok.lower in self.lex.first
            ):
                break
            if tok.caps_line and not self._caps_name_word(tok):
                break
            last = j
            j += 1
        self.add_run(i, last, Kind.NAME)

    def propagate(self) -> None:
        """A word found as a name is a name wherever it recurs capitalised in the document."""
        words = {w for w in self.name_words if w not in NOT_NAMES and len(w) > 2}
        if not words:
            return
        for tok in self.tokens:
            if tok.lower in words and tok.cap:
                if tok.lower in self.lex.common and tok.lower not in NAME_FIRST:
                    if tok.sentence_start or tok.caps_line:
                        continue
                self.add(tok.start, tok.end, Kind.NAME)

    # --- places ----------------------------------------------------------------------------
    def places(self) -> None:
        lex = self.lex
        tokens = self.tokens
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            if not tok.cap or tok.lower not in lex.place_heads:
                i += 1
                continue
            found = None
            words = [tok.lower]
            j = i
            for length in range(1, lex.place_longest + 1):
                if length > 1:
                    if j + 1 >= n or not self.adjacent(tokens[j], tokens[j + 1]):
                        break
                    j += 1
                    if tokens[j].text.islower() and tokens[j].lower not in ("of", "de", "la"):
                        break
                    words.append(tokens[j].lower)
                key = " ".join(words)
                if key in lex.places:
                    found = (j, lex.places[key])
            if found is None:
                i += 1
                continue
            j, strong = found
            start, end = tok.start, tokens[j].end
            cue = i > 0 and PLACE_CUE.ends_at(tokens, i - 1) is not None
            cue = cue and "\n" not in self.gap(tokens[i - 1], tok)
            after = self.text[end : end + 24]
            followed = STATE_AFTER.match(after) is not None
            if tok.caps_line:
                # every word is capitalised there: only a place no word could be, announced
                strong_cue = i > 0 and STRONG_PLACE_CUE.ends_at(tokens, i - 1) is not None
                if (strong and (j > i or cue)) or (cue and followed):
                    self.add(start, end, Kind.LOCATION)
                elif strong_cue and tok.lower not in lex.common and tok.lower not in NOT_NAMES:
                    self.add(start, end, Kind.LOCATION)
            elif strong or ((cue or followed) and tok.lower not in NOT_NAMES):
                self.add(start, end, Kind.LOCATION)
            i = j + 1
        for m in CITY_STATE.finditer(self.text):
            lead = m.group(1).split()
            while lead and lead[0].lower() in NOT_NAMES | {"in", "from", "the", "of", "to"}:
                lead.pop(0)
            if lead:
                city = " ".join(lead)
                self.add(m.end(1) - len(city), m.end(1), Kind.LOCATION)
        for m in CAPTION.finditer(self.text) if " v." in self.text or " vs" in self.text else ():
            self.add(*m.span(1), Kind.NAME)
        for m in INITIALS.finditer(self.text) if INITIALS_HINT.search(self.text) else ():
            self.add(*m.span(1), Kind.NAME)
        for m in CAPS_HEADER_NAME.finditer(self.text):
            surname = m.group(1).split()[0].lower()
            if surname in self.lex.last or surname not in self.lex.common:
                self.add(m.start(1), m.end(2), Kind.NAME)
        for m in DICTATION.finditer(self.text):
            self.add(*m.span(1), Kind.STAFF)
            self.add(*m.span(2), Kind.STAFF)
        for m in COUNTY.finditer(self.text):
            group = 1 if m.group(1) else 2
            self.add(*m.span(group), Kind.LOCATION)

    # --- organisations and professions ---------------------------------------------------------
    def organisations(self) -> None:
        tokens = self.tokens
        n = len(tokens)
        for i, tok in enumerate(tokens):
            lead = ORG_LEAD.ends_at(tokens, i)
            if lead is not None and tokens[lead].cap and i + 1 < n:
                j = i + 1
                if tokens[j].lower == "the" and j + 1 < n:
                    j += 1
                last = self._cap_run_end(j, 4)
                if last >= j:
                    self.add(tokens[lead].start, tokens[last].end, Kind.ORGANIZATION)
            if not tok.cap:
                continue
            options = ORG_LAST.get(tok.lower)
            if options is not None and (tok.text[1:].islower() or tok.text.isupper()):
                self._org_ending(i, options)
            after_label = i > 0 and ":" in self.gap(tokens[i - 1], tok)
            if tok.lower in EMPLOYERS and (not tok.sentence_start or after_label):
                self.add(
                    tok.start,
                    tok.end + (2 if self.text[tok.end : tok.end + 2] in ("'s", "\u2019s") else 0),
                    Kind.ORGANIZATION,
                )
        self._employers()
        self._professions()
        saints = any(w in self.text for w in ("St", "ST", "Saint", "SAINT"))
        for m in SAINT.finditer(self.text) if saints else ():
            before = re.search(r"([A-Za-z]+)[ \t]+$", self.text[max(0, m.start() - 30) : m.start()])
            if m.group().startswith("St") and before and before.group(1)[0].isupper():
                if not _sentence_start(self.text, m.start() - len(before.group(0))):
                    continue  # "Elm St. Mary" is a street, then a name
            self.add(m.start(), m.end(), Kind.ORGANIZATION)
        for m in BRANDS.finditer(self.text):
            self.add(m.start(), m.end(), Kind.ORGANIZATION)

    def _org_caps_word(self, tok: Token) -> bool:
        lw = tok.lower
        if lw in FUNCTION_WORDS:
            return False
        return (
            lw in GENERIC_ORG
            or lw in ORG_LAST
            or lw in ("st", "saint", "mt", "mount")
            or lw not in self.lex.common
            or lw in self.lex.last
            or lw in self.lex.first
        ) and lw not in CLINICAL

    def _cap_run_end(self, j: int, limit: int) -> int:
        tokens = self.tokens
        last = j - 1
        while j < len(tokens) and j - last <= 1 and limit > 0:
            tok = tokens[j]
            if not tok.cap or tok.lower in NOT_ORG_WORDS:
                break
            if tok.caps_line and not self._org_caps_word(tok):
                break
            last = j
            limit -= 1
            if j + 1 < len(tokens) and not self.adjacent(tok, tokens[j + 1]):
                break
            j += 1
        return last

    def _org_ending(self, i: int, options: list[tuple[str, ...]]) -> None:
        tokens = self.tokens
        # the org word may be two words ("Medical Center"): find where it starts
        k = i
        for before in options:
            start = i - len(before)
            if start >= 0 and all(tokens[start + m].lower == w for m, w in enumerate(before)):
                k = start
                break
        first = k
        j = k - 1
        words = 0
        while j >= 0 and words < 5:
            tok = tokens[j]
            gap = self.gap(tok, tokens[j + 1])
            if gap not in (" ", "-", " & ", "'s ", "\u2019s ", "'S ") and not (
                gap == ". " and (tok.lower in ("st", "mt") or len(tok.text) == 1)
            ):
                break
            if tok.lower in ("and", "de", "la") and not tok.cap:
                j -= 1
                continue
            if tok.lower in TITLES:
                break
            if not tok.cap or (tok.lower in CLINICAL and tok.lower not in GENERIC_ORG):
                break
            if tok.caps_line != tokens[i].caps_line or tok.lower in FUNCTION_WORDS:
                break
            if tok.caps_line and not self._org_caps_word(tok):
                break
            first = j
            if tok.lower in ("st", "saint", "mt", "mount"):
                break
            words += 1
            if tok.sentence_start:
                break
            j -= 1
        while first < k and tokens[first].lower in ("the", "a", "an", "our", "his", "her"):
            first += 1
        if first == k:
            return
        opening = self._opening_word(tokens[first]) and not self._whole_line(
            tokens[first].start, tokens[i].end
        )
        verb = tokens[first].lower.endswith(("ed", "ing")) or tokens[first].lower in REPORT_VERBS
        if opening and (
            verb
            or not any(
                t.lower not in GENERIC_ORG and t.lower not in ORG_LAST and len(t.text) > 2
                for t in tokens[first + 1 : k]
            )
        ):
            first += 1  # "Continue Group": the opening verb is no part of a name
            if first == k:
                return
        run = tokens[first:k]
        distinctive = [t for t in run if t.lower not in GENERIC_ORG and t.lower not in ORG_LAST]
        if not distinctive:
            return
        caps = tokens[i].caps_line
        if caps and all(
            (t.lower in self.lex.common or t.lower in CLINICAL)
            and t.lower not in self.lex.last
            and t.lower not in self.lex.first
            for t in distinctive
        ):
            if not any(t.lower in ("st", "saint", "mount", "mt") for t in run):
                return
        if not caps and all(t.lower in NOT_ORG_WORDS for t in distinctive):
            return  # ("Jewish Family Service" and "Catholic Charities" are names)
        if all(
            t.sentence_start
            and t.lower in self.lex.common
            and t.lower not in self.lex.last
            and not self._whole_line(tokens[first].start, tokens[i].end)
            for t in distinctive
        ):
            return  # "Continue Group" opens a sentence; it names nothing
        end = tokens[i].end
        tail = ORG_TAIL.match(self.text, end)
        if tail:
            end = tail.end()
        self.add(tokens[first].start, end, Kind.ORGANIZATION)

    def _whole_line(self, start: int, end: int) -> bool:
        """The words fill their line (a letterhead: "Meridian Recovery Center")."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start:start].strip() and not text[end:line_end].strip(" .,")

    def _employers(self) -> None:
        tokens = self.tokens
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.cap or tok.lower in NOT_ORG_WORDS or tok.lower in STATE_NAMES:
                continue
            gap = self.gap(tokens[i - 1], tok)
            if gap.strip() not in ("", "(", ":") or "\n" in gap:
                continue
            if EMPLOYMENT.ends_at(tokens, i - 1) is None:
                continue
            if tok.lower in ("the", "a", "an"):
                continue
            last = self._cap_run_end(i, 5)
            if last < i:
                continue
            run = tokens[i : last + 1]
            if tok.caps_line and all(t.lower in self.lex.common for t in run):
                continue
            if all(t.lower in GENERIC_ORG or t.lower in ORG_LAST for t in run):
                continue  # "attends Church weekly" names no church
            if all(t.lower in PROPER_NOT_NAMES for t in run):
                continue  # "attends AA", "works for Medicaid"
            lex = self.lex
            if all(t.lower in lex.common and t.lower not in lex.last for t in run):
                continue  # "referred to Dialectical Behavior Therapy" names a treatment
            end = tokens[last].end
            if self.text[end : end + 2] in ("'s", "\u2019s") and last == i:
                end += 2
            self.add(tok.start, end, Kind.ORGANIZATION)

    def _professions(self) -> None:
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if tok.lower not in PROFESSION_WORDS:
                continue
            # "works as a welder", "Employment: electrician at ...", "nurse at St. Luke's"
            start = i
            k = i - 1
            steps = 0
            while (
                k >= 0
                and steps < 2
                and tokens[k].lower not in ("a", "an", "as")
                and (PROFESSION_CUE.ends_at(tokens, k) is None)
            ):
                if tokens[k].lower in PROFESSION_WORDS or not tokens[k].lower.isalpha():
                    break
                k -= 1
                steps += 1
            cue = False
            if k >= 0 and tokens[k].lower in ("a", "an"):
                cue = PROFESSION_CUE.ends_at(tokens, k - 1) is not None or (
                    k >= 1 and tokens[k - 1].lower == "as"
                )
                start = k + 1
            elif k >= 0 and PROFESSION_CUE.ends_at(tokens, k) is not None:
                cue = True
                start = k + 1
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            at = (
                after is not None
                and after.lower in ("at", "for", "with")
                and i + 2 < len(tokens)
                and tokens[i + 2].cap
            )
            if cue or at:
                start = min(start, i)
                # keep one modifier ("truck driver", "dental hygienist"), never the article
                if i - start > 1:
                    start = i - 1
                if start < i and tokens[start].lower in NOT_MODIFIERS:
                    start = i
                self.add(tokens[start].start, tok.end, Kind.PROFESSION)


STATE_ALT = "|".join(sorted((*STATE_CODES, *STATES), key=len, reverse=True))
STATE_AFTER = re.compile(rf",?[ \t]*(?:{STATE_ALT})\b|[ \t]+(?:County|Parish|area)\b")
CITY_STATE = re.compile(
    rf"\b((?:[A-Z][a-z]+\.?[ \t]+){{0,2}}[A-Z][a-z]+),[ \t]*(?:(?:{'|'.join(sorted(STATE_CODES))})"
    rf"(?=[ \t]*(?:\d{{5}}|[.,;)\n]|$))|(?:{'|'.join(sorted(STATES, key=len, reverse=True))})\b)"
)
COUNTY = re.compile(
    r"\b((?:[A-Z][a-z]+[ \t]+){1,2}(?:County|Parish|Township|Borough|COUNTY|PARISH))\b"
    r"|\b(?:City|Town|Village|CITY|TOWN) of ([A-Z][a-z]+)"
)
# "DELGADO-FINN, ARTURO   418-27-93" opening a header line: the patient, surname first
CAPS_HEADER_NAME = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?), ([A-Z][A-Z'-]+(?: [A-Z]\.?)?)"
    r"(?=[ \t]{2,}|[ \t]*$|[ \t]+\d)"
)
# "GA/rtm" at the foot of a dictated note: the author's and the typist's initials
DICTATION = re.compile(r"(?m)^[ \t]*([A-Z]{2,4}):?/([a-z]{2,4})[ \t]*$")
# "client J.M.", "pt A.B.": initials standing for a person
# "Commonwealth v. Dmitri Sokolov", "State vs. Ruiz": the party named in a case caption
CAPTION = re.compile(
    r"\b(?:Commonwealth|State|People|United States|Town|City|County)[ \t]+vs?\.?[ \t]+"
    r"((?:[A-Z][a-z'-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z'-]+|[A-Z]\.)){0,2})"
)
INITIALS_HINT = re.compile(r"[A-Z]\.[ \t]?[A-Z]\.")
INITIALS = re.compile(
    r"\b(?:client|pt|patient|member|resident|participant|clients|patients)\b[ \t]*:?[ \t]*"
    r"([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)",
    re.I,
)
ORG_TAIL = re.compile(
    r"[ \t]+(?:of|for|OF|FOR)[ \t]+(?:the[ \t]+)?(?:[A-Z][A-Za-z'\u2019.-]*[ \t]?){1,4}"
)
BRANDS = re.compile(
    r"\b(?:Home Depot|Dollar General|Dollar Tree|Best Buy|Whole Foods|Trader Joe's|Taco Bell|"
    r"Burger King|Pizza Hut|Planet Fitness|Family Dollar|Rite Aid|Bed Bath|Waffle House|"
    r"Olive Garden|Dunkin'?(?: Donuts)?|Jiffy Lube|Little Caesars)\b"
)
SAINT = re.compile(
    r"\bSaint[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?(?=[\s,.;]|$)"
    r"|\bSt\.?[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?(?=[\s,.;]|$)"
    r"|\b(?:ST\.?|SAINT)[ \t]+[A-Z]{3,}(?:'S)?(?=[\s,.;]|$)"
)
EPONYM_AFTER = re.compile(
    r"(?:'s)?[ \t]+(?:Depression|Anxiety|Inventory|Scale|Scales|Questionnaire|forms?|Rating|"
    r"Criteria|Protocol|[Ss]yndrome|[Dd]isease|sign|[Tt]est|score|[Cc]lassification|"
    r"procedure|maneuver|palsy|disorder|Assessment Scale)\b"
)
DOSE_AFTER = re.compile(
    r"[ \t]*(?:(?:XL|ER|SR|CR|XR|ODT|DR|LA|CD|HCT)[ \t]+)?(?:\(\w+\)[ \t]*)?\d+(?:\.\d+)?"
    r"(?:/\d+)?[ \t]*(?:mg|mcg|g|ml|mL|units?|meq|mEq|%|tabs?|puffs?|iu|IU|bid|tid|qid|qd|qhs|"
    r"daily|prn|q\d+h?|BID|TID|QID|QD|QHS|PRN)\b"
)
DRUG_STEM = re.compile(
    r"(?:pril|olol|statin|azole|mycin|cillin|pine|done|zepam|azepam|zolam|xetine|afil|sartan|"
    r"tidine|prazole|formin|gliptin|triptan|oxacin|cycline|navir|ciclovir|umab|imab|tinib|"
    r"barbital|caine|profen|oxone|orphine|codone|trel|vudine|parin|gabalin|lukast|semide|"
    r"thiazide|dronate|tropin|mazine|peridol|apine|idone|azine)$"
)


def people_spans(text: str, lex: Lexicon) -> Iterator[Span]:
    finder = _Finder(text, lex)
    finder.cued()
    finder.dictionary()
    finder.propagate()
    finder.places()
    finder.organisations()
    yield from finder.spans
