"""An organisation's name runs on past the part a rule found: "Linden Grove" then "Eating
Disorders Program", "Harbor Light" then "Family Housing", "Sacred Heart" of "the Ozarks
Medical Center". Each rule stops where its own evidence stops; this pass, over the final
spans, carries a found name through the capitalised words that end it as an organisation.
The same pass, walking the same spans, adds the flat or lot after an address or a home, the
letters a number of identity carries ("(OH TR221904)"), "Mt." or "Ft." before a name, and
keeps "mid-" with its month."""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import FUNCTION_WORDS, ORG_LAST
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import (
    CLINICAL,
    MONTHS,
    REPORT_VERBS,
    STATE_CODES,
    TITLES,
    WEEKDAYS,
)

# Where an organisation's name ends: the last words of the organisation phrases, and a few
# that end one only after a name ("Akoma Family Housing", "Wellsprings Lane Surgery").
# Not a hospital's departments, though: annotators (and readers) take "Hospital ED" or
# "General Medicine" as what the hospital has, not its name.
ENDS = (
    frozenset(ORG_LAST)
    | frozenset("housing co-op coop learning tabernacle fellowship gp ambulance infusion".split())
) - frozenset(
    """unit ward medicine surgery psychiatry psychology cardiology oncology neurology
    pediatrics orthopedics orthopaedics urology dermatology nephrology endocrinology
    gastroenterology rheumatology pulmonology imaging plan line lines moving post nursing
    care home support crisis life therapy therapies""".split()
)
# What a tail carries on: a person's name too, since a rule often takes an organisation's
# first words for one ("Linden Grove"). Only "of" never joins a person to an organisation:
# "Dana of the Lakeside Clinic" is a person at one.
CARRIED = frozenset({Kind.ORGANIZATION, Kind.LOCATION, Kind.ADDRESS, Kind.NAME})
HOUSED = frozenset({Kind.ORGANIZATION, Kind.ADDRESS})
BRIDGED = frozenset({Kind.ORGANIZATION, Kind.LOCATION, Kind.ADDRESS})
# One space apart, never a label ("Unit: 7792014", "Group: Relapse Prevention II"): a wider
# gap is a form's next column.
WORD = regex(r" ((?:(?:&|and|of|of the) )?[A-Z][A-Za-z'\u2019-]*\.?)(?![:#])")
# ("ST. CATHERINE OF SIENA SCHOOL", "Tribunal for Scotland", "St. Luke the Evangelist")
OF_THE = regex(r"[ \t]+(?:(?:of|OF|for|FOR)(?:[ \t]+(?:the|THE))?|the)[ \t]+")
# The word before an organisation a rule found, when it is an ordinary word the rule left
# ("Good" Samaritan, "Children's" Hospital of the Ozarks, "Pacific" Crest Poultry)
HEAD = regex(r"(?:^|(?<=[\s(,;/]))([A-Z][A-Za-z'\u2019]+) $")
SENTENCE_BEFORE = regex(r"(?:^|[.!?:\n]|[-\u2013\u2014] )[ \t]*$")
NOT_HEADS = (
    FUNCTION_WORDS
    | TITLES
    | REPORT_VERBS
    | CLINICAL
    | frozenset(f"{MONTHS}|{WEEKDAYS}".lower().split("|"))
    | frozenset("the per via pt patient client dx hx ed er icu".split())
)
# An organisation's name of a place or a name a rule found: "Hospice of the [Pioneer Valley]",
# "University of [St. Thomas]", "Distress Centre of the [Kawarthas]"; the words before "of"
# must end as an organisation's name does
ORG_OF = regex(
    r"(?:^|(?<=[\s(,;/]))((?:[A-Z][A-Za-z'\u2019&-]*[ \t]+){0,3}([A-Z][A-Za-z'\u2019-]+))"
    r"[ \t]+of(?:[ \t]+the)?[ \t]+$"
)
# Other words that end an organisation's name before "of" and a place or a name found
# ("Lutheran Home of Carver County", "City of Marlowe", "Knights of Columbus", "LPCA of
# Georgia")
OF_HEADS = frozenset(
    """home city town borough village knights friends shepherds sisters brothers daughters
    bureau board commission ministry""".split()
)
# The letters a number of identity carries before or after it, outside what its rule took:
# "(# RDH 48812)", "(OH TR221904)", "FILE NO: EDH 55/21904", "OHIP: 4628 337 915 KT"
ID_LETTERS_BEFORE = regex(r"(?:[#(:]|\b(?:NO|No|no)\.?)[ \t]*([A-Z]{2,4})[ \t]+$")
ID_LABELS = frozenset(
    """ID MRN NPI CRN SMIS RM REMS PHIN PC NHI MBI HMIS GMC DEA CRPO CDL SSN DOB MR NHS CHI PHN
    HCN UCI INC REF ACCT PIN MSP OHIP RAMQ AHCIP MCP BCBS SIN NI NINO DL VIN IRN UR""".split()
)
ID_LETTERS_AFTER = regex(r"[ \t]+([A-Z]{2})(?=[ \t]*(?:\n|$|[,;)]))")
# A mountain's or a fort's short form opening a name ("Mt. Zion AME", "Ft. Sanders Regional")
MOUNT_BEFORE = regex(r"\b(?:Mt|Ft|MT|FT)\.?[ \t]+$")
# An organisation "of" a state by its letters: "Blue Cross Blue Shield of MA"
OF_STATE = regex(rf"[ \t]+of[ \t]+(?:{'|'.join(sorted(STATE_CODES))})\b(?![-'\u2019.]?\w)")
# A name that is a region's by its first word ("YMCA of Greater Dayton", "VNA of Northern
# Essex"): after an organisation and "of", a place whatever type a rule gave it
REGION_HEADS = frozenset(
    "Greater North South East West Northern Southern Eastern Western Central Upper Lower".split()
)
OF_HEADED = frozenset({Kind.ORGANIZATION, Kind.LOCATION, Kind.NAME})
# A public health service's letters before the region or the town it serves ("NHS Forth
# Valley", "CLSC de Verdun", "HSE South", "CMHA Simcoe"), and a prison's ("HMP Bristol")
SERVICE_BEFORE = regex(
    r"\b(NHS|CLSC|CIUSSS|CISSS|HSE|CMHA|HMP|HMYOI|FCI|USP|SCI)"
    r"(?:[ \t]+(?:de[ \t]+la|de|du|des))?[ \t]+$"
)
PERSONS = frozenset({Kind.NAME, Kind.STAFF})
# The street that crosses one found, as an intersection is written: "& 5th St", "and Quaker
# Ave" (the kind of street needed: "on Broad and Belvidere" is left)
CROSS_STREET = regex(
    r"(?:[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive)\b\.?)?[ \t]+(?:&|and)[ \t]+"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z]+|[A-Z])(?:[ \t]+[A-Z][a-z]+)?[ \t]+"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way|Hwy|Pkwy)\b"
)
# The 's of a shop named for its owner where the name closes ("by the Yoke's.")
OWNED_AFTER = regex(
    r"(['\u2019]s)(?=[ \t]*(?:[.,;:)]|\n|$|[ \t]+(?:near|on|in|at|by|off|parking|lot)\b))"
)
# A middle initial without its stop between a name's words, and one after a name written
# surname first that closes its field ("BRIAN T HOLLOWAY", "HOLLISTER, JAMES R, MD")
MIDDLE_INITIAL = regex(r" [A-Z] ")
TRAILING_INITIAL = regex(r" ([A-Z])\.?(?=[ \t]{2,}|[ \t]*(?:\n|$)|,)")
# A person's initial before a found surname ("T. NAKAMURA", "ADA K. Whitehorse")
INITIAL_BEFORE = regex(r"(?<![\w.'\u2019-])([A-Z])\.[ \t]$")
INITIALLED = frozenset({Kind.NAME, Kind.STAFF, Kind.LOCATION})
# The letters of those before a town that may be taken for a person's name ("HMP Bristol",
# "FCI Terre Haute", "CMHA Simcoe"; "SCI", a spinal cord injury too, only before a place
# found as one, SERVICE_BEFORE's "SCI Muncy")
PRISON_BEFORE = regex(r"\b(HMP|HMYOI|FCI|USP|CMHA)[ \t]+$")
# At a sentence's or a line's start a capitalised word is only a capital letter, unless it
# is one that opens names of hospitals and homes.
HEADS_AT_START = frozenset("good children's childrens our mercy holy sacred mother".split())
# In a line of capitals every word is one: only these, and the points of the compass
HEADS_IN_CAPITALS = HEADS_AT_START | frozenset(
    "north south east west northwest northeast southwest southeast".split()
)
# A flat, a unit or a room in a named building: "Maple Terrace Assisted Living, Apt 112",
# "Tamarack Hall, Room 314", "2215 Dogwood Trace, Unit 4"
UNIT_AFTER = regex(
    r",?[ \t]+((?:Apt|APT|Apartment|Unit|UNIT|Suite|Ste|Room|Rm|Flat|Lot)\.?[ \t]*#?[ \t]*"
    r"\d{1,4}[A-Za-z]?)\b(?![./:-]?\d)"
)
HOMES = frozenset({"apt", "apa", "fla", "lot"})  # after an organisation: where one lives
# The shorthand that ends an organisation's name in lower case ("family med", "hale hs")
LOWER_TAIL = regex(
    r"(?: (?:comm|family|cardiac|urgent|assisted|memorial|regional|general|behavioral))?"
    r" (?:med|hosp|hs|jhs|ms|rehab|living|care|health|ctr|elem|clinic|hospital|center|centre)"
    r"\b(?![-'])"
)
# The discipline a private practice is named for, after the words a rule found
PRACTICE_AFTER = regex(
    r"(?: (?:&|and) [A-Z][a-z]+)? (?:Psychology|Neuropsychology|Psychotherapy)\b(?![-'])"
)
INSTITUTIONS = frozenset(
    "hospital hospitals center centre clinic health healthcare university college institute "
    "system medicine".split()
)
LONGEST = 5  # words after the name: "Early Supported Discharge Team" is four


def _bridges(text: str, span: Span, gap: str) -> bool:
    """Whether the words between two names join them: "of" always; "for" only after an
    organisation's name of more than one word ("Tribunal for Scotland", never "Bayview for
    AECOPD")."""
    if "for" not in gap.lower():
        return True
    return span.kind == Kind.ORGANIZATION and any(c in text[span.start : span.end] for c in " -")


def org_tails(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with a name followed by the rest of an organisation's name grown over it
    (and the flat after an address, an identity number's letters, "Mt." before a name,
    "mid-" before a month, a person's initials, a prison's letters before its town, a
    crossing street and a shop's 's)."""
    out: list[Span] = []
    for k, span in enumerate(spans):
        limit = spans[k + 1].start if k + 1 < len(spans) else len(text)
        if out and out[-1].end > span.start:  # swallowed by the one before
            continue
        free = out[-1].end if out else 0  # (where the span may grow back to)
        if (
            out
            and span.kind in PERSONS
            and out[-1].kind == span.kind
            and MIDDLE_INITIAL.fullmatch(text, out[-1].end, span.start)
        ):
            # a middle initial without its stop between a name's words: "BRIAN T HOLLOWAY"
            out[-1] = Span(out[-1].start, span.end, span.kind, out[-1].ref)
            continue
        if span.kind in BRIDGED and k + 1 < len(spans):
            after = spans[k + 1]
            gap = OF_THE.fullmatch(text, span.end, after.start)
            # (an organisation of a place is one name: "WellCare of Kentucky")
            of_place = span.kind == Kind.ORGANIZATION and (
                after.kind == Kind.LOCATION or _region_named(text, after)
            )
            if (
                gap
                and (after.kind == Kind.ORGANIZATION or of_place)
                and _bridges(text, span, gap[0])
            ):
                out.append(Span(span.start, after.end, Kind.ORGANIZATION))
                continue
        end = _tail_end(text, span.end, limit) if _carries(text, span) else None
        if end is None and span.kind == Kind.ORGANIZATION:
            end = _practice_end(text, span) or _lower_tail_end(text, span, limit)
        if end is not None:
            span = Span(span.start, end, Kind.ORGANIZATION, span.ref)
        if span.kind in OF_HEADED:
            span = _with_org_of(text, span, free)
        if span.kind in INITIALLED:
            span = _with_initials(text, span, free, limit)
        if span.kind == Kind.NAME and text[max(free, span.start - 1) : span.start] == " ":
            # a prison's or an agency's letters before the town it is named for
            if prison := PRISON_BEFORE.search(text, max(free, span.start - 8), span.start):
                span = Span(prison.start(1), span.end, Kind.ORGANIZATION, span.ref)
        if span.kind in BRIDGED:
            span = _with_head(text, span, free)
            if (after_of := OF_STATE.match(text, span.end, limit)) is not None:
                span = Span(span.start, after_of.end(), span.kind, span.ref)  # "BCBS of MA"
            elif text.startswith("/GYN", span.end) and text.endswith("OB", 0, span.end):
                span = Span(span.start, span.end + 4, span.kind, span.ref)  # "Westbrook OB/GYN"
        if span.kind == Kind.ORGANIZATION and (owned := OWNED_AFTER.match(text, span.end, limit)):
            # a shop or a hospital named for its owner or its saint: "Fry's on Bell Rd",
            # "(2011, St. Vincent's)", never the organisation's possessive ("Walmart's policy")
            span = Span(span.start, owned.end(1), span.kind, span.ref)
        if span.kind in CARRIED:
            peak = MOUNT_BEFORE.search(text, max(free, span.start - 6), span.start)
            if peak is not None:  # "Mt. Zion", "Ft. Sanders"
                span = Span(peak.start(), span.end, span.kind, span.ref)
        if span.kind == Kind.ADDRESS and (cross := CROSS_STREET.match(text, span.end, limit)):
            span = Span(span.start, cross.end(), span.kind, span.ref)  # "Harmon Ave & 5th St"
        if span.kind == Kind.ID:
            span = _id_letters(text, span, free)
        if span.kind == Kind.DATE and text.endswith("mid-", 0, span.start):
            span = Span(span.start - 4, span.end, span.kind, span.ref)  # "mid-October"
        out.append(span)
        unit = UNIT_AFTER.match(text, span.end, limit) if span.kind in HOUSED else None
        if unit is None:
            continue
        if span.kind == Kind.ADDRESS:
            out[-1] = Span(span.start, unit.end(1), span.kind, span.ref)
        elif unit.group(1)[:3].lower() in HOMES:  # a hospital's "Unit 4 West" places no one
            out.append(Span(*unit.span(1), Kind.ADDRESS))
    return out


def _with_initials(text: str, span: Span, free: int, limit: int) -> Span:
    """A person's span grown over the initials written beside it: a middle initial after a
    name written surname first ("HOLLISTER, JAMES R, MD", "OYELARAN,FUNMILAYO A   EXP"), and
    an initial before the surname ("T. NAKAMURA"), a surname taken for a town then being a
    person's (never after a compass letter: "N. Dakota", "W. Main")."""
    if span.kind in PERSONS and "," in text[span.start : span.end]:
        if trailing := TRAILING_INITIAL.match(text, span.end, limit):
            span = Span(span.start, trailing.end(1), span.kind, span.ref)
    initial = INITIAL_BEFORE.search(text, max(free, span.start - 4), span.start)
    if initial is None or (span.kind == Kind.LOCATION and initial.group(1) in "NSEW"):
        return span
    kind = Kind.NAME if span.kind == Kind.LOCATION else span.kind
    return Span(initial.start(1), span.end, kind, span.ref)


def _with_head(text: str, span: Span, free_from: int) -> Span:
    """An organisation grown back over the ordinary word that opens its name ("Good"
    Samaritan), and a place or an organisation over the service's letters before it ("NHS"
    Forth Valley, "CLSC" de Verdun)."""
    service = SERVICE_BEFORE.search(text, max(free_from, span.start - 16), span.start)
    if service is not None:
        return Span(service.start(1), span.end, Kind.ORGANIZATION, span.ref)
    head = HEAD.search(text, max(free_from, span.start - 40), span.start)
    if head is None or span.kind != Kind.ORGANIZATION:
        return span
    word = head.group(1)
    lower = word.lower()
    if lower in NOT_HEADS or word.isupper() != text[span.start : span.end].isupper():
        return span
    if word.isupper() and lower not in HEADS_IN_CAPITALS:
        return span
    # (only the few characters before it: this runs for every organisation found)
    before = max(0, head.start() - 24)
    if lower not in HEADS_AT_START and SENTENCE_BEFORE.search(text, before, head.start()):
        return span
    return Span(head.start(), span.end, span.kind, span.ref)


def _carries(text: str, span: Span) -> bool:
    # A line of capitals gives no sign where a name ends; nor does one that ended a sentence.
    name = text[span.start : span.end]
    return span.kind in CARRIED and not name.endswith(".") and not name.isupper()


def _tail_end(text: str, position: int, limit: int) -> int | None:
    """Where the organisation's name that carries on at position ends, if it does."""
    end = None
    for _ in range(LONGEST):
        word = WORD.match(text, position, limit)
        if word is None:
            break
        position = word.end()
        name = word.group(1).rpartition(" ")[2]
        if name.rstrip(".").lower() in ENDS:
            end = position - (1 if name.endswith(".") else 0)
        if name.endswith("."):  # a full stop ends the sentence, and the name with it
            break
    return end


def _lower_tail_end(text: str, span: Span, limit: int) -> int | None:
    """Where a hurried note's organisation in lower case ends, past the shorthand a rule
    stopped before: "northgate family" then "med", "nathan hale" then "hs", "riverside comm"
    then "hosp"."""
    if not text[span.start : span.end].islower():
        return None
    tail = LOWER_TAIL.match(text, span.end, limit)
    return tail.end() if tail is not None else None


def _practice_end(text: str, span: Span) -> int | None:
    """Where a practice's name ends that the rules took up to its last word: "Shoreline
    Child & Family" then "Psychology" (never a hospital's department: "Mercy Hospital
    Psychology")."""
    practice = PRACTICE_AFTER.match(text, span.end)
    if practice is None:
        return None
    name = text[span.start : span.end]
    if len(name) < 4 or name.rsplit(" ", 1)[-1].lower() in INSTITUTIONS:
        return None
    return practice.end()


def _with_org_of(text: str, span: Span, free_from: int) -> Span:
    head = ORG_OF.search(text, max(free_from, span.start - 60), span.start)
    if head is None:
        return span
    word = head.group(2)
    if word.lower() not in ENDS and word.lower() not in OF_HEADS and not _acronym(word):
        return span
    if span.kind == Kind.NAME and not head.group().rstrip().endswith("the"):
        return span  # (a person is of no organisation's name, but a "the" makes it a place)
    return Span(head.start(1), span.end, Kind.ORGANIZATION, span.ref)


def _acronym(word: str) -> bool:
    """An organisation's letters ("LPCA"), never a roman numeral ("Title VII of")."""
    return 3 <= len(word) <= 6 and word.isupper() and word.isalpha() and bool(word.strip("IVXLC"))


def _region_named(text: str, span: Span) -> bool:
    return span.kind == Kind.NAME and text[span.start : span.end].split(" ", 1)[0] in REGION_HEADS


def _id_letters(text: str, span: Span, free: int) -> Span:
    before = ID_LETTERS_BEFORE.search(text, max(free, span.start - 10), span.start)
    if before is not None and before.group(1) in ID_LABELS:
        before = None  # the number's label, not its letters ("(MRN 5529031)")
    start = before.start(1) if before is not None else span.start
    end = span.end
    if text[span.start : span.end].replace(" ", "").isdigit():
        after = ID_LETTERS_AFTER.match(text, span.end)
        end = after.end(1) if after is not None else end  # (a health card's version code)
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.kind, span.ref)
