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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from alcove.deidentify.engine.lexicon import Lexicon, fold
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import (
    AGENCY_ACRONYMS,
    CLINICAL,
    DRUGS,
    EMPLOYMENT_CUES,
    EPONYMS,
    HEADINGS,
    LABS,
    NAME_FIRST,
    NOT_ORG_ACRONYMS,
    ORG_ACRONYMS,
    ORG_LEADS,
    ORG_WORDS,
    PARTICLES,
    PEOPLES,
    PROFESSION_CUES,
    PROFESSIONS,
    PROPER_NOT_NAMES,
    RELATIONS,
    REPORT_VERBS,
    SHORTHAND,
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
NOT_NAMES = CLINICAL | HEADINGS | PROPER_NOT_NAMES | EPONYMS | LABS | DRUGS | PEOPLES | SHORTHAND
NOT_ORG_WORDS = NOT_NAMES - PROPER_NOT_NAMES
STATE_WORDS = frozenset(w.lower() for s in STATES for w in s.split()) - {"new", "north", "south"}
STATE_NAMES = frozenset(s.lower() for s in STATES)
CONNECTORS = frozenset({"of", "for", "and", "the", "&", "de", "la", "on", "at"})
# Small words inside a town's name: "Fond du Lac", "Isle of Palms", "Des Moines"
PLACE_PARTICLES = frozenset("of de la du des del los las le sur en".split())
GAP_CUE = re.compile(r"[ \t]*(?:'s|\u2019s)?[ \t]*[:,(\-\u2013#]?[ \t]*(?:\n[ \t]*)?")
# (a nickname in quotes stands inside a name: Benjamin "Benji" Araujo)
GAP_NAME = frozenset({" ", "-", " '", "  ", ' "', '" ', " \u201c", "\u201d "})
CREDENTIAL_WORDS = frozenset(
    """MD DO RN NP PA LPN CNA APRN CNS PMHNP FNP DNP PhD PsyD EdD LCSW LICSW LMSW MSW LMFT
    MFT LPC LPCC LMHC LCPC LADC CADC LCADC BCBA MSN BSN OTR DPT CRNA MBBS FACP
    PA-C LPC-S LPC-A LPCA LPC-Associate PMHNP-BC FNP-C FNP-BC RN-BC LCSW-C LCSW-R LSCSW LISW
    LISW-S LSW ASW AMFT APCC LMHCA LMFTA LCMHC LCMHC-A LCDC LAC CASAC CRC NCC MHW MHT LNA
    PCA CPRS CPSS QMHP MRCPsych FRCPC""".split()
)
# "Ana Ruiz, intake coordinator": a role after a comma makes the name before it staff.
ROLE_AFTER = re.compile(
    r",[ \t]+(?:the[ \t]+)?(?:intake coordinator|front desk|receptionist|scheduler|secretary|"
    r"office manager|care coordinator|case manager|social worker|therapist|counselor|"
    r"counsellor|psychiatrist|psychologist|clinician|intern|trainee|practicum student|"
    r"supervisor|program director|clinical director|medical director|charge nurse|"
    r"peer specialist|peer support specialist|recovery coach|mental health worker|"
    r"nurse practitioner|physician assistant|medical assistant|unit clerk|"
    r"(?:psychiatry |psychology |medical |nursing )?(?:resident|student|fellow))\b",
    re.I,
)
# A signature: "-- Hollis Grant", "/es/ PATRICIA NWOSU", "e-signed: Ana Ruiz"
SIGNATURE = re.compile(r"(?m)^[ \t]*(?:--+|\u2014|\u2013|/e?s/|e-signed:?|signed:)[ \t]*(?=[A-Z])")
# Typists' initials closing a dictated note ("ef:tlw", "GA/rtm"), or a line of two or three
# lower-case letters ending a note ("mk").
TYPIST = re.compile(r"[:/](?<=[A-Za-z][:/])([a-z]{2,4})(?=[ \t]*(?:\n|$|DD:|D:|T:))")
TYPIST_AUTHOR = re.compile(r"(?<![\w/])([A-Za-z]{2,4})$")
CLOSING_INITIALS = re.compile(r"[ \t]*-*[ \t]*([a-z]{2,3}|[A-Z]{2,3})")
# Surnames the engine otherwise never takes for a name (a sign's, a people's), after a title
TITLED_SURNAMES = EPONYMS | PROPER_NOT_NAMES | PEOPLES
CREDENTIALS_LOWER = frozenset(c.lower() for c in CREDENTIAL_WORDS)
NOT_TYPISTS = frozenset("ok okay yes no na nil tbd tba etc thx ty np pls".split())
PRONOUNS = frozenset("he him his she her hers they them their theirs ze zir xe xem".split())
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
# Words after a relation word in lower case that are no names ("her son will", "sister may").
LOWER_STOP = frozenset(
    """will may can could would should might must also always never still just who which
    whom whose that says said states reports reported feels felt thinks wants wanted lives
    lived works worked came went got gets has had have is was were are does did not now
    then too very really who's being been here there today tonight tomorrow yesterday
    again all both each every any some many much more most less least other another such
    own same new old young little big age aged years yrs months weeks days home
    passed died visited called texted stayed moved""".split()
)
AGE_BRACKET_AFTER = re.compile(r"[ \t]*\([ \t]*\d{1,2}[ \t]*(?:\)|,)")
LOWER_TITLES = frozenset({"mr", "ms", "mrs", "miss", "dr", "doctor"})
LOWER_LABELS = frozenset({"pt", "client", "patient", "bf", "gf", "hubby", "sis", "bro"})
# Between two names in a list: ", ", " and ", " & ", " (14), ", " or "
LIST_GAP = re.compile(r"[ \t]*(?:\(\d{1,2}\)|\d{1,2})?[ \t]*(?:,|&|/|and|or)[ \t]*(?:and[ \t]+)?")
AGE_AFTER_NAME_COMMA = re.compile(r"[\"\u201d]?\)?,[ \t]*(\d{1,3})(?=[ \t]*(?:[,;)]|\n|$))")
AGE_AFTER_NAME = re.compile(
    r"(?:[ \t]+|[ \t]*\([ \t]*)(\d{1,2})(?=[ \t]*(?:[,;)]|\.(?:\s|$)|,? he/|,? she/))"
)
CAPS_STOP = frozenset(
    """will may can see call seen home here back well best good long little young rich
    sharp strong hope love bell king day called states reports said says told asked wants
    could would should go going went come came all""".split()
)


# Endings of medical words ("Postpartum" is no name, nor "Afebrile", "Hyperlipidemia")
MEDICAL_SUFFIX = re.compile(
    r"(?:emia|aemia|itis|osis|ectomy|otomy|ostomy|plasty|algia|pathy|oma|uria|trophy|plegia|"
    r"paresis|scopy|graphy|cardia|pnea|rrhea|rhoea|partum|natal|brile|ular|ally|ary|eal|ic|"
    r"ive|ous|ized|ised|ated|tion|sion|ment|ness|ism|ist|ology|ologist|iatry|iatric|"
    r"therapy|health|care|giver|visit|session|sessions)$"
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
# The words a cue of cued() can end with (a name follows them)
CUE_LAST_WORDS = frozenset(
    {*STAFF.by_last, *STRONG_LABEL.by_last, *RELATION.by_last, *WEAK_LABEL.by_last}
    | {"is", "was", "named", "called"}
)
# Cues that announce a place for a word no dictionary knows ("in" alone is too weak)
PLACE_ANNOUNCED = Phrases(
    "moved to|lives in|living in|born in|raised in|grew up in|relocated to|drove to|flew to|"
    "resides in|located in|based in|visiting|travelled to|traveled to|trip to|moving to|"
    "move to|from the town of|the city of|the town of|the village of|emigrated from|"
    "immigrated from|came from|is from|was from|are from|originally from|hometown of|"
    "hometown|visits from|lived in|stays in|staying in|live in"
)
NOT_MODIFIERS = frozenset(
    """married divorced single widowed separated retired former unemployed disabled old young
    male female man woman gentleman lady right-handed left-handed year-old yo new part-time
    full-time""".split()
)
JOB_ENDINGS = ("ologist", "iatrist", "ician", "ographer")
# "works as a barback": after these, whatever the word, it is a trade
WORKS_AS = Phrases("works as|worked as|working as|work as|employed as|job as|career as|trained as")
# Sentence openers that are instructions, not the first word of a name ("Continue Group").
IMPERATIVES = frozenset(
    """continue attend refer call start see follow return discuss consider recommend schedule
    resume contact obtain request review complete check monitor encourage provide""".split()
)
# Capitalised words after "at" that name no organisation.
AT_NOT_ORG = frozenset(
    """home work school night noon midnight baseline risk times least most first last this
    that all end bedtime rest church temple mosque synagogue mass dinner lunch breakfast
    mom mom's dad dad's grandma grandpa"""
    """ times first""".split()
)
MONTH_OR_DAY = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|"
    r"Thanksgiving)"
)
# Words before an agency's letters: "called DSHS", "a DMH group home", "at VFW"
AGENCY_LEADS = frozenset(
    """at from to with called by for the a an per via contacted notified through and
    involved vs or""".split()
)
# Where letters name a place of care, work or study
ACRONYM_LEAD = Phrases(
    "at|from|transferred from|transferred to|admitted to|discharged from|seen at|followed at|"
    "f/u at|student at|works at|worked at|employed at|school at|hospitalized at|detox at|"
    "detoxed at|treated at|admission to|inpatient at|outpatient at|program at|job at|"
    "position at|internship at|intern at|residency at"
)


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
                low if (low := word.lower()).isascii() else fold(low),
                word[0].isupper(),
                caps_lines[row][1],
                _sentence_start(text, start),
            )
        )
    return tokens


class Finder:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.tokens = tokens_of(text)
        self.spans: list[Span] = []
        self.ages: list[Span] = []
        self.name_words: set[str] = set()
        self.place_words: set[str] = set()
        self._token_bounds: tuple[list[int], list[int]] | None = None

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
        if "-" in lw and all(len(p) < 2 or p in lex.common for p in lw.split("-")):
            return False  # "E-signed", "Follow-up", "Re-Admit"
        if lw in RELATION.by_last or lw in TITLES or lw in CREDENTIALS_LOWER:
            return False  # "Girlfriend Anika", "Auntie Wanjiru": the word before a name
        return (
            len(lw) > 3
            and not ENGLISH_SUFFIX.search(lw)
            and lw not in lex.common
            and lw not in lex.safe
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
        if DOSE_AFTER.match(self.text, tok.end) is not None:
            return True
        lw = tok.lower  # a stem in a name is chance: "April", "Nardone", "McAlpine"
        stem = DRUG_STEM.search(lw) is not None
        return stem and lw not in self.lex.first and lw not in self.lex.last

    def name_like(self, tok: Token) -> bool:
        if len(tok.text) == 1 and tok.cap and self.text[tok.end : tok.end + 1] == ".":
            return True  # an initial, even one that is a symbol ("K.", "I.")
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
        particle_end = self._after_particles(i)
        if particle_end > i:
            i = particle_end  # "Dr. van der Berg": the name goes on from "Berg"
        elif not self.name_like(tokens[i]):
            return -1
        last = i
        j = i + 1
        while j < len(tokens) and j - i < limit + 1:
            prev, tok = tokens[j - 1], tokens[j]
            gap = self.gap(prev, tok)
            if not (gap in GAP_NAME or (self._initial(prev) and gap in (". ", "."))):
                if not (inverted and j == i + 1 and gap in (", ", ",")):
                    break
            if self.text[tok.end : tok.end + 1] == ":":
                break  # "Kaitlyn Schmidt  Age: 15": a label
            particle_end = self._after_particles(j)
            if particle_end > j:
                last = j = particle_end
                j += 1
                continue
            if self._surname_word(prev, tok):
                last = j
                j += 1
                continue
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

    def _after_particles(self, j: int) -> int:
        """When token j opens particles of a surname ("van der Berg", "de la Cruz"), the index
        of the surname's capitalised word; else j."""
        tokens = self.tokens
        if tokens[j].lower not in PARTICLES:
            return j
        k = j
        while k < len(tokens) and k - j < 3 and tokens[k].lower in PARTICLES and not tokens[k].cap:
            if k > j and self.gap(tokens[k - 1], tokens[k]) != " ":
                return j
            k += 1
        if k == j or k >= len(tokens) or self.gap(tokens[k - 1], tokens[k]) not in (" ", "-"):
            return j
        surname = tokens[k]
        if surname.cap and self.name_like(surname):
            return k
        return j

    def _surname_word(self, prev: Token, tok: Token) -> bool:
        """A surname that is also a people's or a state's name, after a given name ("Grant
        Black", "Leroy Washington"): the census holds it as a surname."""
        lw = tok.lower
        after_initial = self._initial(prev) and self.gap(prev, tok) == ". "
        return (
            tok.cap
            and (tok.text[1:].islower() or tok.caps_line)
            and ((len(prev.text) > 1 and prev.lower in self.lex.first) or after_initial)
            and self.lex.last.get(lw, 10**6) < 20000
            and (lw in PROPER_NOT_NAMES or lw in STATE_NAMES)
            and (self.gap(prev, tok) == " " or after_initial)
        )

    def add_run(self, i: int, last: int, kind: Kind) -> None:
        tokens = self.tokens
        i = self._initials_before(i)
        end = tokens[last].end + (1 if self._initial(tokens[last]) else 0)
        self.add(tokens[i].start, end, kind)
        for tok in tokens[i : last + 1]:
            if len(tok.text) > 2 and tok.lower not in PARTICLES:
                self.name_words.add(tok.lower)

    def cued(self) -> None:
        tokens = self.tokens
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.cap and (tok.lower not in PARTICLES or self._after_particles(i) == i):
                continue
            j = i - 1
            gap = self.gap(tokens[j], tok)
            if tokens[j].lower in TITLES and gap in (". ", " ", ".  ", "  "):
                relation_word = tokens[j].lower in {"sister", "father", "nurse", "pastor"}
                if not (relation_word and not tokens[j].cap):  # "his sister Dana": below
                    last = self.run_from(i)
                    if last < 0 and tok.text[1:].islower() and tok.lower in TITLED_SURNAMES:
                        last = i  # "Dr. Weiss", "Dr. Black": a surname that is also a word
                    if last >= 0:
                        kind = Kind.STAFF if tokens[j].lower in STAFF_TITLES else Kind.NAME
                        self.add_run(i, last, kind)
                    continue
            if tokens[j].lower not in CUE_LAST_WORDS:
                continue  # (most words follow no cue at all: a quick answer)
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
            # "her sister is Dana", "a friend named Kofi"; never "SON CALLED, WILL VISIT"
            verb = tokens[j].lower in ("is", "was", "named", "called") and "," not in gap
            if tokens[j].lower in ("is", "was", "named", "called") and "," in gap:
                continue
            relation = RELATION.ends_at(tokens, j - 1 if verb else j)
            if relation is not None and "\n" not in gap:
                last = self.run_from(i)
                if last >= 0 and self._plausible(i, last):
                    self.add_run(i, last, Kind.NAME)
                continue
            if WEAK_LABEL.ends_at(tokens, j) is not None:
                lw = tok.lower
                given = (
                    lw in self.lex.first
                    and tok.text[1:].islower()
                    and lw not in LOWER_STOP
                    and lw not in NOT_NAMES
                )
                if self.strong_first(lw) or self.strong_last(lw) or self.unknown(lw) or given:
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
            initial = self._initial(tokens[i - 1]) and gap.startswith(".")
            if initial:
                gap = gap[1:]  # "Dawn M., RN"
            if gap.strip() not in ("", ",") or "\n" in gap:
                continue
            if (word in WEAK_CREDENTIALS and not dotted) and gap.strip() != ",":
                continue
            if word in STATE_CODES and (
                ZIP_AFTER.match(text, tok.end) or self.lex.places.get(tokens[i - 1].lower)
            ):
                continue  # "Lowell, MA 01852": a town and its state
            if self._signed_initials(i - 1):
                continue  # "-mjo RN"
            self._staff_before(i)
        for m in ROLE_AFTER.finditer(text) if "," in text else ():
            k = self._token_ending_at(m.start())
            if k is not None:
                self._staff_before(k + 1)  # "April Summers, intake coordinator"
        for m in SIGNATURE.finditer(text):
            k = self._token_starting_at(m.end())
            if k is not None:
                last = self.run_from(k)
                if last >= 0 and self._plausible(k, last):
                    self.add_run(k, last, Kind.STAFF)  # "-- Hollis Grant", "/es/ PAT NWOSU"
        for m in TYPIST.finditer(text):
            author = TYPIST_AUTHOR.search(text, max(0, m.start() - 5), m.start())
            if author is None:
                continue
            for start, end in (author.span(1), m.span(1)):  # "ef:tlw", "GA/rtm"
                if text[start:end].lower() not in self.lex.common | NOT_NAMES | PRONOUNS:
                    self.add(start, end, Kind.STAFF)
        closing = text.rstrip()
        line_start = closing.rfind("\n") + 1
        last_line = CLOSING_INITIALS.fullmatch(closing, line_start)
        if last_line and len(closing[:line_start].strip()) >= 40:
            letters = last_line.group(1)  # a closing "mk" (or "CJ") under a note
            lw = letters.lower()
            if lw not in NOT_TYPISTS and lw not in self.lex.common | NOT_NAMES:
                if not (letters.isupper() and letters in NOT_ORG_ACRONYMS | STATE_CODES):
                    self.add(*last_line.span(1), Kind.STAFF)

    def _signed_initials(self, k: int) -> bool:
        """Initials in lower case opening a signature line before a credential: "-mjo RN"."""
        tok = self.tokens[k]
        line_start = self.text.rfind("\n", 0, tok.start) + 1
        if self.text[line_start : tok.start].strip(" \t-\u2013\u2014/") or not tok.text.islower():
            return False
        if not 2 <= len(tok.text) <= 4 or tok.lower in self.lex.common or tok.lower in NOT_TYPISTS:
            return False
        self.add(tok.start, tok.end, Kind.STAFF)
        return True

    def _token_ending_at(self, end: int) -> int | None:
        """The index of the token ending exactly at `end` (by bisection: a long text has many
        signatures and roles, and a scan for each would grow with the square of its size)."""
        ends = self._bounds()[1]
        k = bisect_right(ends, end) - 1
        return k if k >= 0 and ends[k] == end else None

    def _token_starting_at(self, start: int) -> int | None:
        starts = self._bounds()[0]
        k = bisect_left(starts, start)
        return k if k < len(starts) and starts[k] == start else None

    def _bounds(self) -> tuple[list[int], list[int]]:
        if self._token_bounds is None:
            self._token_bounds = ([t.start for t in self.tokens], [t.end for t in self.tokens])
        return self._token_bounds

    def _staff_before(self, i: int) -> None:
        """The name just before token i (a credential, a role), as staff: up to three
        name-like words."""
        tokens = self.tokens
        k = i - 1
        first = None
        while k >= 0 and i - k <= 3:
            t = tokens[k]
            if not self.name_like(t) and not (k < i - 1 and self._surname_word(t, tokens[k + 1])):
                short = (
                    len(t.text) == 2 and t.cap and t.text[1:].islower() and t.lower in self.lex.last
                )  # ("Thuy Do, LMFT"; never "called to RN")
                if not (k == i - 1 and k > 0 and (self._surname_word(tokens[k - 1], t) or short)):
                    break  # ("Thuy Do, LMFT": a two-letter surname)
            if k < i - 1 and not self.adjacent(t, tokens[k + 1]):
                break
            first = k
            if t.sentence_start:
                break
            k -= 1
        if first is None:
            return
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
            if (
                not tok.caps_line
                and "(" in self.text[tok.end : tok.end + 3]
                and tok.text[1:].islower()
                and AGE_BRACKET_AFTER.match(self.text, tok.end)
                and (lw in self.lex.first or lw in self.lex.last or self.unknown(lw))
            ):
                self._name_from(i)  # "Destiny (14) attended", "Yareli (14), Emiliano (4)"
                continue
            if not tok.caps_line and tok.text.isupper() and len(tok.text) <= 3:
                continue  # "MA", "ASA", "OT": abbreviations in a mixed-case line
            before = self.gap(tokens[i - 1], tok) if i else ""
            after = self.text[tok.end : tok.end + 3]
            if (after[:1] == "," or after[1:3].isupper()) and STATE_ZIP_AFTER.match(
                self.text, tok.end
            ):
                continue  # "Lowell, MA 01852": a town, whatever else the word may be
            place = lw in self.lex.places or lw in self.lex.regions
            if place and i and STRONG_PLACE_CUE.ends_at(tokens, i - 1) is not None:
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
                    if lw not in self.lex.modern and PLACE_ANNOUNCED.ends_at(tokens, i - 1):
                        continue  # "grew up in Remniku": the place finder decides
                    surname_next = (
                        nxt is not None
                        and nxt.text[1:].islower()
                        and (self.strong_last(nxt.lower) or self.unknown(nxt.lower))
                    )
                    opening_name = (
                        lw not in self.lex.modern
                        and not MEDICAL_SUFFIX.search(lw)
                        and self.text[tok.end : tok.end + 1] not in (":", "-")
                    )
                    if not tok.sentence_start or reporting or surname_next or opening_name:
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
            particle_end = self._after_particles(j)
            if particle_end > j:
                last = j = particle_end
                j += 1
                continue
            if self._surname_word(tokens[j - 1], tok):
                last = j
                j += 1
                continue
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
        """A word found as a name is a name wherever it recurs capitalised in the document
        (and in lower case too, when it is no English word: "tasha" in a hurried note)."""
        words = {w for w in self.name_words if w not in NOT_NAMES and len(w) > 2}
        if not words:
            return
        common = self.lex.common
        for tok in self.tokens:
            if tok.lower in words and tok.cap:
                if tok.lower in common and tok.lower not in NAME_FIRST:
                    if tok.sentence_start or tok.caps_line:
                        continue
                self.add(tok.start, tok.end, Kind.NAME)
            elif tok.lower in words and tok.lower not in common and tok.text.islower():
                self.add(tok.start, tok.end, Kind.NAME)

    # --- names written in lower case, names listed together -------------------------------
    def lowercase(self) -> None:
        """Names and places in a hurried note's lower case, where a word before says what
        they are: "her bf marcus", "ms oconnor", "sister tasha", "lives in rochester"."""
        tokens = self.tokens
        lex = self.lex
        n = len(tokens)
        for i in range(1, n):
            tok = tokens[i]
            lw = tok.lower
            if tok.cap or len(lw) < 3 or not tok.text.islower():
                continue
            if lw in NOT_NAMES or lw in FUNCTION_WORDS or lw in LOWER_STOP:
                continue
            prev = tokens[i - 1]
            if self.gap(prev, tok) not in (" ", ", ", ": ", " ("):
                continue
            if len(lw) <= 4 and lw not in lex.common and STAFF.ends_at(tokens, i - 1) is not None:
                self.add(tok.start, tok.end, Kind.STAFF)  # "transcribed by kjw"
                continue
            if prev.lower in LOWER_TITLES:
                if lw in lex.last or lw in lex.first or self.unknown(lw):
                    kind = Kind.STAFF if prev.lower in ("dr", "doctor") else Kind.NAME
                    self._lower_run(i, kind)
                continue
            relation = RELATION.ends_at(tokens, i - 1) is not None or prev.lower in LOWER_LABELS
            if relation and lw in lex.first and (lw not in lex.common or lex.first[lw] <= 1500):
                self._lower_run(i, Kind.NAME)
                continue
            if relation and lw not in lex.common and lw in lex.last:
                self._lower_run(i, Kind.NAME)
                continue
            if (
                STRONG_PLACE_CUE.ends_at(tokens, i - 1) is not None
                and lw in lex.places
                and lw not in lex.common
            ):
                self.add(tok.start, tok.end, Kind.LOCATION)

    def _lower_run(self, i: int, kind: Kind) -> None:
        tokens = self.tokens
        last = i
        if i + 1 < len(tokens) and self.gap(tokens[i], tokens[i + 1]) == " ":
            nxt = tokens[i + 1]
            if (
                nxt.text.islower()
                and nxt.lower not in self.lex.common
                and nxt.lower not in NOT_NAMES
                and (nxt.lower in self.lex.last or self.unknown(nxt.lower))
            ):
                last = i + 1
        self.add(tokens[i].start, tokens[last].end, kind)
        for tok in tokens[i : last + 1]:
            if tok.lower not in self.lex.common:
                self.name_words.add(tok.lower)

    def coordinated(self) -> None:
        """A word listed with a name is a name when it could be one: "kids (Tobi, Ife)",
        "Yareli (14), Emiliano (4)", "Hodan and Ilhan"."""
        tokens = self.tokens
        lex = self.lex
        for _ in range(2):
            named = self._named_tokens()
            added = False
            for i, tok in enumerate(tokens):
                if i in named or not tok.cap or len(tok.text) < 3 or tok.caps_line:
                    continue
                if tok.text.isupper() or tok.text in CREDENTIAL_WORDS:
                    continue
                lw = tok.lower
                if lw in NOT_NAMES or lw in FUNCTION_WORDS or lw in STATE_NAMES or lw in TITLES:
                    continue
                if lw in lex.common and lw not in lex.first:
                    continue
                if not (lw in lex.first or lw in lex.last or self.unknown(lw)):
                    continue
                if self.drug_like(tok):
                    continue
                before = i - 1 in named and LIST_GAP.fullmatch(self.gap(tokens[i - 1], tok))
                after = (
                    i + 1 in named
                    and i + 1 < len(tokens)
                    and LIST_GAP.fullmatch(self.gap(tok, tokens[i + 1]))
                )
                if (before or after) and not (tok.sentence_start and lw in lex.common):
                    self.add(tok.start, tok.end, Kind.NAME)
                    added = True
            if not added:
                return

    def _named_tokens(self) -> set[int]:
        starts = {tok.start: k for k, tok in enumerate(self.tokens)}
        named: set[int] = set()
        for span in self.spans:
            if span.kind != Kind.NAME or span.start not in starts:
                continue
            k = starts[span.start]
            while k < len(self.tokens) and self.tokens[k].end <= span.end:
                named.add(k)
                k += 1
        return named

    def ages_after_names(self) -> None:
        """An age right after a listed name: "Ayaan 12, Hodan 9", "Gabriel (17, he/him)"."""
        for span in self.spans:
            if span.kind != Kind.NAME:
                continue
            m = AGE_AFTER_NAME.match(self.text, span.end) or AGE_AFTER_NAME_COMMA.match(
                self.text, span.end
            )
            if m:
                self.ages.append(Span(*m.span(1), Kind.AGE))

    def _announced_places(self) -> None:
        """A word no dictionary knows, where a place is announced, is a place: "grew up in
        Remniku", "flew to LEPPEN", "based in Kurzenkirchen"."""
        tokens = self.tokens
        lex = self.lex
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.cap or tok.caps_line or len(tok.text) < 4:
                continue
            lw = tok.lower
            if lw in lex.common or lw in NOT_NAMES or lw in lex.first or lw in STATE_NAMES:
                continue
            if lw in lex.modern or lw in lex.regions or self.drug_like(tok):
                continue
            if tok.text.isupper() and (tok.text in NOT_ORG_ACRONYMS or tok.text in ORG_ACRONYMS):
                continue
            if (
                self.gap(tokens[i - 1], tok) != " "
                or PLACE_ANNOUNCED.ends_at(tokens, i - 1) is None
            ):
                continue
            end = tok.end
            if i + 1 < len(tokens) and self.gap(tok, tokens[i + 1]) == " ":
                nxt = tokens[i + 1]
                if nxt.cap and nxt.lower not in lex.common and nxt.lower not in NOT_NAMES:
                    end = nxt.end  # "Port Paien"
            self.add(tok.start, end, Kind.LOCATION)

    def _propagate_places(self) -> None:
        """A town found once ("Boston, MA 02108") is a town wherever it recurs capitalised
        in the note, and not at a sentence's start when it is also a word."""
        words = {w for w in self.place_words if " " not in w and w not in NOT_NAMES}
        if not words:
            return
        for tok in self.tokens:
            if tok.cap and tok.lower in words and not tok.caps_line:
                if tok.sentence_start and tok.lower in self.lex.common:
                    continue
                self.add(tok.start, tok.end, Kind.LOCATION)

    # --- states and countries ----------------------------------------------------------------
    def regions(self) -> None:
        """US states and countries, as LOCATION: i2b2-style scorers count them, though Safe
        Harbor would let them stay ("moved from Texas", "born in Korea", "Decatur, GA")."""
        lex = self.lex
        tokens = self.tokens
        heads = _region_heads(lex)
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if not tok.cap:
                continue
            longest = heads.get(tok.lower)
            if longest is None:
                continue
            found = -1
            words = [tok.lower]
            j = i
            for length in range(1, longest + 1):
                if length > 1:
                    if j + 1 >= n or not self.adjacent(tokens[j], tokens[j + 1]):
                        break
                    j += 1
                    if not tokens[j].cap and tokens[j].lower not in ("of", "and", "the"):
                        break
                    words.append(tokens[j].lower)
                if " ".join(words) in lex.regions:
                    found = j
            if found < 0:
                continue
            if found == i and tok.lower in lex.common:
                # "Turkey", "China", "Chad": a country only where a place is announced
                cue = STRONG_PLACE_CUE.ends_at(tokens, i - 1) if i else None
                if tok.caps_line or (tok.sentence_start and cue is None) or tok.lower == "jersey":
                    continue
            self.add(tok.start, tokens[found].end, Kind.LOCATION)
            code = REGION_POSTCODE.match(self.text, tokens[found].end)
            if code:
                self.add(*code.span(1), Kind.ZIP)  # "Finland 80896"
        for tok in tokens:
            if tok.text not in STATE_CODES:
                continue
            m = STATE_CODE.match(self.text, tok.start)
            if m is None:
                continue
            before = PLACE_BEFORE_CODE.search(self.text, max(0, m.start() - 40), m.start())
            if before is None:
                continue
            place = " ".join(before.group(1).split()).lower()
            known = place in lex.places or place.split()[-1] in lex.places
            if ZIP_AFTER.match(self.text, m.end()) and (known or m.group() not in WORDLIKE_CODES):
                self.add(*m.span(), Kind.LOCATION)  # "Greensboro NC 27403"
                continue
            if not known or (m.group() in CREDENTIAL_CODES and self._person_before(before)):
                continue  # "Sun-Hee Park, MD", "Hope Grant, MA": a person and a degree
            town = lex.places.get(place) is True or lex.places.get(place.split()[-1]) is True
            if END_AFTER_CODE.match(self.text, m.end()) or (
                (town or m.group() not in WORDLIKE_CODES)
                and LOWER_AFTER_CODE.match(self.text, m.end())
            ):
                self.add(*m.span(), Kind.LOCATION)  # "Decatur, GA.", "Williston, ND on"

    def _person_before(self, before: re.Match[str]) -> bool:
        """A capitalised word (a given name) before the town-like word: a person's name."""
        words = before.group(1).split()
        if len(words) > 1:  # "Fall River, MA" is a town; "Sun-Hee Park, MD" a person
            return " ".join(words).lower() not in self.lex.places
        head = self.text[max(0, before.start(1) - 30) : before.start(1)]
        return PERSON_BEFORE.search(head) is not None

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
                    if tokens[j].text.islower() and tokens[j].lower not in PLACE_PARTICLES:
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
                if not strong:
                    self.place_words.add(self.text[start:end].lower())
            i = j + 1
        for m in CITY_STATE.finditer(self.text):
            lead = m.group(1).split()
            while lead and lead[0].lower() in NOT_NAMES | {"in", "from", "the", "of", "to"}:
                lead.pop(0)
            if lead:
                city = " ".join(lead)
                self.add(m.end(1) - len(city), m.end(1), Kind.LOCATION)
                self.place_words.add(city.lower())
        self._announced_places()
        self._propagate_places()
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
            group = next(g for g in (1, 2, 3) if m.group(g))
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
                while last + 2 < n and tokens[last + 1].lower in ("and", "&") and not tok.caps_line:
                    more = self._cap_run_end(last + 2, 3)  # "Center for Women and Families"
                    if more < last + 2 or not self.adjacent_words(last, last + 2):
                        break
                    last = more
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
        self._at_organisations()
        self._acronyms()
        self._professions()
        self._works_as()
        saints = any(w in self.text for w in ("St", "ST", "Saint", "SAINT"))
        for m in SAINT.finditer(self.text) if saints else ():
            before = re.search(r"([A-Za-z]+)[ \t]+$", self.text[max(0, m.start() - 30) : m.start()])
            if m.group().startswith("St") and before and before.group(1)[0].isupper():
                if not _sentence_start(self.text, m.start() - len(before.group(0))):
                    continue  # "Elm St. Mary" is a street, then a name
            self.add(m.start(), m.end(), Kind.ORGANIZATION)
        for m in BRANDS.finditer(self.text):
            self.add(m.start(), m.end(), Kind.ORGANIZATION)
        for m in (
            BRANDS_CAPS.finditer(self.text)
            if self.tokens and any(t.caps_line for t in self.tokens)
            else ()
        ):
            self.add(m.start(), m.end(), Kind.ORGANIZATION)  # "WORKING AT HOME DEPOT"

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

    def adjacent_words(self, a: int, b: int) -> bool:
        """Tokens a and b with only single spaces and the words between them."""
        return all(
            self.gap(self.tokens[k], self.tokens[k + 1]) in (" ", " & ") for k in range(a, b)
        )

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
        k = -1
        for before in options:
            start = i - len(before)
            if start >= 0 and all(tokens[start + m].lower == w for m, w in enumerate(before)):
                k = start
                break
        if k < 0 and tokens[i].lower in ("plan", "home"):
            return  # "Plan" ends "Health Plan", not "Safety Plan"; "Home" ends "Nursing Home"
        k = max(k, i) if k < 0 else k
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
            clinical = tok.lower in CLINICAL and tok.lower not in GENERIC_ORG
            if clinical and tok.text[1:].islower() and not tok.sentence_start and j < i:
                clinical = False  # "Axis Medical Center": a clinical word inside a name
            if not tok.cap or clinical:
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
        labelled = first > 0 and ":" in self.gap(tokens[first - 1], tokens[first])
        if labelled and not verb and tokens[first].lower not in IMPERATIVES:
            opening = False  # "Discharge plan: Team Wellness Center"
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
        # an organisation word inside the run names it ("South Cove Community Health Center")
        distinctive = [
            t
            for t in run
            if t.lower not in GENERIC_ORG
            and (t.lower not in ORG_LAST or (len(run) >= 2 and t.text[1:].islower()))
        ]
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
        if not caps and all(
            t.lower in NOT_ORG_WORDS
            and not (t.text[1:].islower() and not t.sentence_start and len(t.text) > 3)
            for t in distinctive
        ):
            return  # ("Jewish Family Service" and "Catholic Charities" are names)
        if not labelled and all(
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

    def _at_organisations(self) -> None:
        """A capitalised name after "at" in the middle of a sentence is a place of work, care
        or study ("an internship at Genentech", "60 hours a week at Deloitte")."""
        tokens = self.tokens
        lex = self.lex
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.cap or tok.caps_line or tok.sentence_start:
                continue
            if tokens[i - 1].lower not in ("at", "@") or self.gap(tokens[i - 1], tok) != " ":
                continue
            lw = tok.lower
            if lw in STATE_NAMES or lw in TITLES or lw in AT_NOT_ORG:
                continue
            if lw in NOT_ORG_WORDS and not (
                i + 1 < len(tokens)
                and tokens[i + 1].cap
                and tokens[i + 1].lower not in NOT_ORG_WORDS
                and self.gap(tok, tokens[i + 1]) == " "
            ):
                continue  # "at Foley Hoag" is a firm; "at Foley" alone a catheter
            if len(tok.text) < 2 or (tok.text.isupper() and tok.text in NOT_ORG_ACRONYMS):
                continue
            last = self._cap_run_end(i, 4)
            if last < i:
                continue
            run = tokens[i : last + 1]
            key = " ".join(t.lower for t in run)
            if key in lex.places or key in lex.regions or lw in lex.regions:
                continue  # "at Springfield": the place finder decides
            if all(t.lower in GENERIC_ORG or t.lower in ORG_LAST for t in run):
                continue
            if all(t.lower in PROPER_NOT_NAMES for t in run):
                continue
            if MONTH_OR_DAY.fullmatch(tok.text):
                continue
            end = tokens[last].end
            if self.text[end : end + 2] in ("'s", "\u2019s"):
                end += 2
            self.add(tok.start, end, Kind.ORGANIZATION)

    def _acronyms(self) -> None:
        """Hospitals and universities by their letters ("MGH", "UCSF"); an agency's letters
        after a word that leads to one ("called DSHS"); letters before a town ("UT Austin",
        "MCI-Framingham"); unknown letters where a place of care or work is announced
        ("transferred from BHMC", "works at QXT")."""
        tokens = self.tokens
        lex = self.lex
        for i, tok in enumerate(tokens):
            word = tok.text
            if not tok.cap or len(word) < 2 or len(word) > 7:
                continue
            if not word.isupper():
                if word[1:].islower() or word.upper() not in ORG_ACRONYMS:
                    continue
                word = word.upper()  # "UMass", "UCHealth"
            if word in ORG_ACRONYMS:
                self.add(tok.start, tok.end, Kind.ORGANIZATION)
                continue
            if word in NOT_ORG_ACRONYMS or tok.lower in CLINICAL or tok.lower in LABS:
                continue
            prev = tokens[i - 1].lower if i else ""
            if word in AGENCY_ACRONYMS and prev in AGENCY_LEADS:
                self.add(tok.start, tok.end, Kind.ORGANIZATION)
                continue
            if i + 1 < len(tokens) and self.gap(tok, tokens[i + 1]) in (" ", "-"):
                nxt = tokens[i + 1]
                town = lex.places.get(nxt.lower)
                university = town is not None and word[0] == "U"
                joined = town is not None and self.gap(tok, nxt) == "-"  # "MCI-Concord"
                if nxt.cap and not nxt.caps_line and (town or university or joined):
                    j = i + 1
                    while (
                        j + 1 < len(tokens)
                        and self.gap(tokens[j], tokens[j + 1]) == " "
                        and " ".join(t.lower for t in tokens[i + 1 : j + 2]) in lex.places
                    ):
                        j += 1
                    self.add(tok.start, tokens[j].end, Kind.ORGANIZATION)
                    continue
            if tok.caps_line or word in STATE_CODES or word in CREDENTIAL_WORDS:
                continue
            if tok.lower in NOT_NAMES or len(word) < 3:
                continue
            if i and self.gap(tokens[i - 1], tok) == " " and ACRONYM_LEAD.ends_at(tokens, i - 1):
                self.add(tok.start, tok.end, Kind.ORGANIZATION)

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

    def _job(self, lw: str) -> bool:
        jobs = self.lex.jobs or PROFESSIONS
        if lw in jobs or (lw[-1:] == "s" and lw[:-1] in jobs):
            return True
        if lw[-3:] in ("ist", "ian", "her") and lw.endswith(JOB_ENDINGS):
            return lw not in self.lex.first and lw not in self.lex.last  # "cardiologist"
        return False

    def _professions(self) -> None:
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if not self._job(tok.lower):
                continue
            # "works as a welder", "is a long-haul trucker", "Employment: electrician at ...",
            # "nurse at St. Luke's", "Ana Ruiz, claims adjuster, ...", "(pharmacist, CVS)"
            start = i
            k = i - 1
            steps = 0
            while (
                k >= 0
                and steps < 2
                and tokens[k].lower not in ("a", "an", "as")
                and (PROFESSION_CUE.ends_at(tokens, k) is None)
            ):
                if not tokens[k].lower.replace("-", "").isalpha():
                    break
                k -= 1
                steps += 1
            cue = False
            if k >= 0 and tokens[k].lower in ("a", "an"):
                cue = (
                    PROFESSION_CUE.ends_at(tokens, k) is not None
                    or PROFESSION_CUE.ends_at(tokens, k - 1) is not None
                    or (k >= 1 and tokens[k - 1].lower == "as")
                    or (k >= 1 and self.gap(tokens[k - 1], tokens[k]) == ", ")  # ", a cellist"
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
            apposed = self._apposed(i)
            if at or apposed >= 0:
                start = min(start, apposed if apposed >= 0 else self._modifier(i))
            if cue or at or apposed >= 0:
                start = min(start, i)
                # keep one modifier ("truck driver", "dental hygienist"), never the article
                if i - start > 1:
                    start = i - 1
                if start < i and tokens[start].lower in NOT_MODIFIERS:
                    start = i
                self.add(tokens[start].start, tok.end, Kind.PROFESSION)

    def _modifier(self, i: int) -> int:
        """The index of one lower-case word qualifying the trade at i ("graduate student")."""
        before = self.tokens[i - 1] if i > 0 else None
        if before is None or self.gap(before, self.tokens[i]) != " ":
            return i
        if not before.text.islower() or before.lower in NOT_MODIFIERS:
            return i
        if before.lower in FUNCTION_WORDS or not before.lower.replace("-", "").isalpha():
            return i
        return i - 1

    def _apposed(self, last: int) -> int:
        """A trade set off by commas or brackets after a name or an age: "Ana Ruiz, claims
        adjuster, Liberty Mutual", "Pt is 24, hair stylist,", "(software engineer, Acme)":
        the index of its first word, or -1."""
        tokens = self.tokens
        first = self._modifier(last)
        if first == 0 or tokens[first].caps_line or (tokens[first].cap and first < last):
            return -1
        before = self.text[max(0, tokens[first].start - 2) : tokens[first].start]
        after = self.text[tokens[last].end : tokens[last].end + 1]
        if not before.endswith((", ", "(")) or after not in (",", ")", ";"):
            return -1
        previous = tokens[first - 1]
        if (
            previous.cap
            or self.text[previous.end : previous.end + 1].isdigit()
            or (before.endswith(", ") and self.text[tokens[first].start - 3].isdigit())
        ):
            return first
        return -1

    def _works_as(self) -> None:
        """Whatever follows "works as a" is a trade: "work as a barback"."""
        tokens = self.tokens
        for i in range(2, len(tokens)):
            if tokens[i - 1].lower not in ("a", "an") or WORKS_AS.ends_at(tokens, i - 2) is None:
                continue
            last = i
            if i + 1 < len(tokens) and self.gap(tokens[i], tokens[i + 1]) == " ":
                if tokens[i + 1].text.islower() and tokens[i + 1].lower not in FUNCTION_WORDS:
                    last = i + 1  # "a forklift operator"
            if tokens[i].text.islower() and tokens[i].lower not in FUNCTION_WORDS:
                self.add(tokens[i].start, tokens[last].end, Kind.PROFESSION)


_REGION_HEADS: dict[int, dict[str, int]] = {}


def _region_heads(lex: Lexicon) -> dict[str, int]:
    """First word of each state and country -> the most words a name starting so has."""
    heads = _REGION_HEADS.get(id(lex))
    if heads is None:
        heads = {}
        for region in lex.regions:
            words = region.split()
            heads[words[0]] = max(heads.get(words[0], 0), len(words))
        _REGION_HEADS.clear()
        _REGION_HEADS[id(lex)] = heads
    return heads


REGION_POSTCODE = re.compile(r"[ \t]+(\d{4,6})\b(?![.,:/]\d)")
STATE_CODE = re.compile(rf"\b(?:{'|'.join(sorted(STATE_CODES))})\b")
STATE_ZIP_AFTER = re.compile(
    rf",?[ \t]+(?:{'|'.join(sorted(STATE_CODES))})[ \t]+\d{{5}}\b"
    rf"|,[ \t]*(?:{'|'.join(sorted(STATES, key=len, reverse=True))})\b"
)
CREDENTIAL_CODES = frozenset({"MD", "MA", "MS", "PA", "NP", "DO"})
PERSON_BEFORE = re.compile(r"\b[A-Z][A-Za-z'-]+[ \t]+$")
LOWER_AFTER_CODE = re.compile(r"[ \t]+[a-z]")
# Codes that are also words or abbreviations ("ID 44731", "OR", "ME"): a known town first
WORDLIKE_CODES = frozenset("ID OR IN ME OK HI OH PA MD DE MS MA AL CO LA MO ND SD".split())
ZIP_AFTER = re.compile(r"[ \t]+\d{5}(?:-\d{4})?\b")
PLACE_BEFORE_CODE = re.compile(r"\b((?:[A-Z][A-Za-z'.-]+[ \t]){0,2}[A-Z][A-Za-z'.-]+),?[ \t]+$")
END_AFTER_CODE = re.compile(r"[ \t]*(?:[.,;:)]|\n|$)")
STATE_ALT = "|".join(sorted((*STATE_CODES, *STATES), key=len, reverse=True))
STATE_AFTER = re.compile(rf",?[ \t]*(?:{STATE_ALT})\b|[ \t]+(?:County|Parish|area)\b")
CITY_STATE = re.compile(
    rf"\b((?:[A-Z][a-z]+\.?[ \t]+){{0,2}}[A-Z][a-z]+),[ \t]*(?:(?:{'|'.join(sorted(STATE_CODES))})"
    rf"(?=[ \t]*(?:\d{{5}}|[.,;)\n]|$))|(?:{'|'.join(sorted(STATES, key=len, reverse=True))})\b)"
)
COUNTY = re.compile(
    r"\b((?:[A-Z][a-z]+[ \t]+){1,2}(?:County|Parish|Township|Borough|COUNTY|PARISH))\b"
    r"|\b(?:City|Town|Village|CITY|TOWN) of ([A-Z][a-z]+)"
    r"|(?<=, )(Co\.[ \t]+[A-Z][a-z]+)\b"
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
    r"\b(?:client|pt|patient|member|resident|participant|clients|patients|initials)\b"
    r"[ \t]*(?:\([ \t]*(?:initials[ \t]+)?)?:?[ \t]*"
    r"([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)",
    re.I,
)
ORG_TAIL = re.compile(
    r"[ \t]+(?:of|for|OF|FOR)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:[A-Z][a-z]{0,2}\.|[A-Z][A-Za-z'\u2019-]*)"
    r"(?:[ \t](?=[A-Z])|[ \t](?:and|&)[ \t](?=[A-Z]))?){1,4}"
)
BRANDS = re.compile(
    r"\b(?:Home Depot|Dollar General|Dollar Tree|Best Buy|Whole Foods|Trader Joe's|Taco Bell|"
    r"Burger King|Pizza Hut|Planet Fitness|Family Dollar|Rite Aid|Bed Bath|Waffle House|"
    r"Olive Garden|Dunkin'?(?: Donuts)?|Jiffy Lube|Little Caesars|Motel 6|Super 8|Red Roof|"
    r"Days Inn|La Quinta|Holiday Inn|Chuck E\. Cheese|Panera(?: Bread)?|Chipotle|Subway|"
    r"Kaiser Permanente|Kaiser|Sutter Health|Mass General Brigham|Partners HealthCare|"
    r"Mayo Clinic|Cleveland Clinic|Johns Hopkins|Mount Sinai|Cedars-Sinai|Beth Israel|"
    r"Brigham and Women's|Dana-Farber|Sloan Kettering|NewYork-Presbyterian|Mass General|"
    r"Atrium Health|Ochsner|Geisinger|Intermountain|Providence Health|Banner Health|"
    r"Kaiser Foundation|McLean|Bellevue|Rikers(?: Island)?|Betty Ford|Hazelden(?: Betty Ford)?|"
    r"Planned Parenthood|Goodwill|Salvation Army|Catholic Charities|Lutheran Social Services)\b"
)
# The same brands written in capitals, as a nursing note writes everything
BRANDS_CAPS = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(name.upper())
        for name in re.findall(r"[A-Z][\w'.&-]*(?: [A-Z][\w'.&-]*)*", BRANDS.pattern)
        if " " in name  # (one word in capitals may be a word: "SUBWAY")
    )
    + r")\b"
)
SAINT = re.compile(
    r"\bSaint[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?(?=[\s,.;]|$)"
    r"|\bSt\.?[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?(?=[\s,.;]|$)"
    r"|\b(?:ST\.?|SAINT)[ \t]+[A-Z]{3,}(?:'S)?(?=[\s,.;]|$)"
)
EPONYM_AFTER = re.compile(
    r"(?:'s)?[ \t]+(?:Depression|Anxiety|Inventory|Scale|Scales|Questionnaire|forms?|Rating|"
    r"Suicide|Criteria|Protocol|[Ss]yndrome|[Dd]isease|sign|[Tt]est|score|[Cc]lassification|"
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


def people_finder(text: str, lex: Lexicon, *, regions: bool = True) -> Finder:
    """The finder after all its passes: its spans, and its tokens for the allow-list sweep."""
    finder = Finder(text, lex)
    finder.cued()
    finder.dictionary()
    finder.lowercase()
    finder.propagate()
    finder.coordinated()
    finder.ages_after_names()
    finder.places()
    if regions:
        finder.regions()
    finder.organisations()
    return finder
