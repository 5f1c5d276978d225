"""Names that a clinician uses for a scale, a sign, a part of the body or a report's section,
not for anyone.

A clinical scale's or classification's name before its score is no person and its score no
age: "BRADEN 17", "Hunt-Hess 3", "Mallampati 2", "Hamilton 22". Nor is a surname whose
possessive names a procedure, a ligament or a sign: "Hartmann's procedure", "Cooper's
ligament", "Light's criteria". These names are surnames too ("Beck", "Wells", "Cooper"), so
they stay names anywhere else; this pass, over the final spans, drops them only where the
words after them say what they are (and the age a score was taken for). So too a pathology
report's "GROSS DESCRIPTION:" and "(Gross: JKP/mlw)", never "Dr. Gross"; an eponym right
before the disease, sign or device it names ("Lyme disease", "Roth spots", "Jackson-Pratt
drain"); and whatever lies within the name of a therapy, a tool, a group's topic, a ward's
routine or a hospital's service ("Four Horsemen", "Suicide Precautions", "General Surgery"),
of a test or a scale ("Edinburgh Postnatal Depression Scale") or of an emergency code
("Code Gray")."""

import re

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.instruments import PHRASES as TESTING_PHRASES
from alcove.deidentify.engine.legal import CASE_HINTS, CASE_STANDARDS
from alcove.deidentify.engine.legal import PHRASES as LEGAL_PHRASES
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.therapies import PHRASES as PRACTICE_PHRASES
from alcove.deidentify.engine.vocabulary import THEORISTS

SCALES = frozenset(
    """braden morse norton waterlow hunt-hess fisher conners mallampati killip ranson
    child-pugh gleason hamilton beck caprini wells breslow tanner bishop centor alvarado
    rockall blatchford glasgow-blatchford forrest mobitz levine salter-harris gustilo
    spetzler-martin garden weber schatzki breslow clark duke padua geneva boston
    edmonton karnofsky lansky brighton aldrete ramsay richmond riker wexner bristol
    kellgren-lawrence kurtzke mcdonald hoehn hoehn-yahr yahr rankin barthel katz lawton
    folstein montreal cornell zung yesavage columbia conners' vanderbilt achenbach hess
    deauville epworth kessler dasa brøset broset""".split()
)
# What a name a scale's and the score after it look like: the score right after the name
# (or after ":" or "="), and no sex or age word after the number ("Wells 45 M" is a person)
SCORE_AFTER = regex(
    r"[ \t]*(?:(?:fall[ \t]+)?(?:scale|stage|sedation|class|grade)[ \t]*)?"
    r"[:=]?[ \t]*(?:score[ \t]*(?:of[ \t]*)?)?[-+]?\d{1,3}(?:/\d{1,3})?(?!\d)"
    r"(?![\d.,]\d|[ \t]*(?:[MFmf]\b|y/?o|yrs?\b|years?\b|-year|mo\b|months?\b))"
)
# A given name or a title before it makes it a person ("Dr. Wells 2" is no score)
PERSON_BEFORE = regex(r"(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Miss)\.?|\b[A-Z][a-z]+)[ \t]+$")
# What an eponym's possessive names in a clinical note (never a person's possessions: "Tom's
# procedure" would need "Tom" to be an eponym's surname first; only one word is dropped)
CLINICAL_POSSESSION = regex(
    r"['\u2019]s[ \t]+(?:ligament|procedure|criteria|sign|point|palsy|triad|maneuver|"
    r"manoeuvre|pouch|canal|fascia|space|node|classification|method|incision|operation|"
    r"reflex|phenomenon|angle|fracture|sarcoma|lymphoma|esophagus|oesophagus|capsule|"
    r"gland|duct|tubules|crypts|disease|syndrome)\b"
)
# An eponym a clinician names a tool, a grade or a method by, and the word that says so:
# "Hasson port", "Vanderbilt teacher rating", "Nottingham grade 2", "Stanley-Brown safety
# plan", "Gottman 4 horsemen", "TIMI 3 flow", "Conners CPT 3", "Conners 4 Parent"
EPONYM_TOOLS = frozenset(
    "hasson vanderbilt nottingham stanley-brown gottman timi veress bakri foley conners".split()
)
TOOL_AFTER = regex(
    r"(?i)[ \t]+(?:(?:teacher|parent|self)[ \t]+)?(?:port|trocar|needle|balloon|catheter|"
    r"ratings?|scales?|forms?|grade|score|format|template|safety plan|method|flow|horsemen|"
    r"four horsemen|technique|cpt|cata|ec|\d[ \t]+(?:horsemen|flow|parent|teacher|self))\b"
)
# A test's indices, a therapy's or a module's name, a service's kind, written in capitals as
# if they were names ("Working Memory 80", "Prolonged Exposure", "Distress Tolerance")
CLINICAL_PHRASES = frozenset(
    phrase.strip()
    for phrase in """working memory|processing speed|verbal comprehension|perceptual reasoning|fluid
    reasoning|visual spatial|full scale iq|prolonged exposure|narrative exposure therapy|
    cognitive processing therapy|cognitive behavioral therapy|dialectical behavior therapy|
    coping cat|challenging beliefs|challenging beliefs worksheet|targeted case management|
    health information management|invasive procedure|long-term care|opposite action|distress
    tolerance|emotion regulation|interpersonal effectiveness|seeking safety|motivational
    interviewing|art line|cath lab|process group|art group|grief group|skills group|peer
    recovery|street outreach|peer consultation group|school-based counseling|school-based
    mental health|zarit burden interview|wechsler individual achievement test|ward round|
    forrest iii|forrest ii|forrest i""".replace("\n    ", " ").split("|")
)
# The names of therapies, their models, skills and tools, of groups' topics, of a ward's
# routines and of a hospital's services, which a note writes in title case as if they were
# names: a span that lies within one is no one's (a space in them matches a hyphen too)
THERAPY_PHRASES = (
    [
        phrase.strip()
        for phrase in """acceptance and commitment therapy|solution focused brief therapy|parent
    child interaction therapy|emotionally focused therapy|emotionally focused couples therapy|
    internal family systems|interpersonal psychotherapy|schema therapy|mentalization based
    treatment|mentalization based therapy|compassion focused therapy|exposure and response
    prevention|somatic experiencing|sensorimotor psychotherapy|four horsemen|love maps|sound
    relationship house|drama triangle|cognitive triangle|hope box|serenity prayer|higher
    power|radical acceptance|wise mind|miracle question|music therapy|art therapy|recreation
    therapy|recreational therapy|leisure skills|anger management|relapse prevention|wellness
    recovery action plan|illness management and recovery|smart recovery|stanley brown safety
    plan|suicide precautions|fall precautions|seizure precautions|elopement precautions|
    assault precautions|aspiration precautions|bleeding precautions|contact precautions|
    droplet precautions|quiet room|comfort room|sensory room|seclusion room|close
    observation|constant observation|special observation|goals group|coping skills group|
    spirituality group|community meeting|morning meeting|general surgery|internal medicine|
    nuclear medicine|palliative care|wound clinic|labor and delivery|med surg|algebra i|algebra
    ii|earth science|life science|physical science|study hall|resource room|learning center|
    life skills|language arts|creative writing|least restrictive environment|crisis text
    line""".replace("\n    ", " ").split("|")
    ]
    + PRACTICE_PHRASES
    + TESTING_PHRASES
    + LEGAL_PHRASES
)
THERAPY_NAMES = regex(
    r"(?i)\b(?:"
    # (the longest first: "Digit Span Backward", not "Digit Span" and a word left over)
    + "|".join(
        r"[- ]".join(map(re.escape, p.split()))
        for p in sorted(THERAPY_PHRASES, key=len, reverse=True)
    )
    + r")\b"
)
# Their words: the names are looked for only around a span made of them (a hyphen written
# into a phrase, "nelson-denny", is matched as written: "Nelson Denny" may be a person)
THERAPY_WORDS = frozenset(w for p in THERAPY_PHRASES for w in p.replace("-", " ").split()) - {
    "and",
    "of",
    "to",
    "in",
    "de",
}
# A test's or a scale's full name, its capitalised words up to its head ("Hopkins Verbal
# Learning Test-R", "Edinburgh Postnatal Depression Scale", "Wisconsin Card Sort"), and a
# hospital's emergency codes ("Code Blue")
INSTRUMENT_NAMES = regex(
    r"\b(?:[A-Z][\w'-]*[ \t]){1,5}(?:Scale|Inventory|Questionnaire|Checklist|Battery|Index|"
    r"Test(?:-R)?|Card Sort|Experiences)\b|\bCode[ \t](?:Blue|Gray|Grey|Red|Orange|Pink|White|"
    r"Silver|Black|Green|Yellow|Purple|Brown|Amber)\b"
)
INSTRUMENT_HINTS = hint(
    (
        "Scale",
        "Inventory",
        "Questionnaire",
        "Checklist",
        "Battery",
        "Index",
        "Test",
        "Sort",
        "Experiences",
        "Code ",
    )
)
THERAPY_REACH = 48  # (longer than any of them)
# What a clinician names for someone or somewhere, right after the eponym: "Lyme disease",
# "Norwalk virus", "Ottawa ankle rules", "Roth spots", "Todd paralysis", "Jackson-Pratt drain"
EPONYM_NOUN = screened(
    regex(
        r"(?:'s)?[ \t]+(?:ankle[ \t]+rules|disease|virus|lesions?|spots|paralysis|test|drain|"
        r"needle|nodes?|phenomenon|reflex|triad|pump|catheter|line|tube|stockings|boot|bodies)\b"
    )
)
TITLE_BEFORE = regex(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Miss)\.?[ \t]+$")  # ("Dr. Allen test results")
# A pathology report's section: "GROSS DESCRIPTION:", "(Gross: JKP/mlw)"
GROSS_SECTION = regex(r"[ \t]+(?:DESCRIPTION|Description|EXAM|Exam)\b|[ \t]*:")
SCALE_KINDS = frozenset({Kind.NAME, Kind.STAFF, Kind.LOCATION, Kind.ORGANIZATION})
PERSONS = frozenset({Kind.NAME, Kind.STAFF})
# Where a name is a place someone is, whatever a therapy calls the same words: "groups at
# Middle Path", "two nights at the Safe Harbor"
PLACED_BEFORE = regex(r"(?:\bat|@)(?:[ \t]+the)?[ \t]+$")


def scales_left(text: str, spans: list[Span]) -> list[Span]:
    """The spans without a scale's name before its score, nor the score taken for an age."""
    out: list[Span] = []
    dropped_to = -1  # the end of the score after a dropped name
    named = _named_things(text, spans)
    for span in spans:
        if named and span.kind in SCALE_KINDS and not span.ref:
            if any(
                a <= span.start and span.end <= b for a, b in named
            ) and not PLACED_BEFORE.search(text, max(0, span.start - 10), span.start):
                continue  # "Four Horsemen", "Hope Box", "Acceptance and Commitment Therapy"
        number = span.kind == Kind.AGE or text[span.start : span.end].isdigit()
        if number and span.start < dropped_to:
            continue  # (the score, whatever a model beside the name took it for)
        if span.kind in SCALE_KINDS and not span.ref and _an_eponym(text, span):
            continue
        if span.kind in SCALE_KINDS and not span.ref and _before_its_noun(text, span):
            continue
        if span.kind in SCALE_KINDS and not span.ref and _gross_section(text, span):
            continue
        if span.kind in SCALE_KINDS and not span.ref and _a_named_tool(text, span):
            continue
        if span.kind in SCALE_KINDS and not span.ref and _a_theorist(text, span, out):
            continue
        if span.kind in SCALE_KINDS and not span.ref and _a_clinical_phrase(text, span):
            score = SCORE_AFTER.match(text, span.end)  # ("Zarit Burden Interview 44")
            dropped_to = score.end() if score else -1
            continue
        if _sex_after_age(text, span, out):
            continue  # "78 F admitted": the sex after an age, no one's initial
        if span.kind in SCALE_KINDS and not span.ref and _a_scale(text, span):
            score = SCORE_AFTER.match(text, span.end)
            dropped_to = score.end() if score else -1
            continue
        out.append(span)
    return out


def _named_things(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Where the note names a therapy, a test or a hospital's code (spans within are none):
    a therapy looked for only around a span made of its words."""
    named = []
    for s in spans:
        words = text[s.start : s.end].lower().replace("-", " ").split()
        # (a span lies within a name only if every word of it is one of the names' words)
        if s.kind in SCALE_KINDS and words and all(w in THERAPY_WORDS for w in words):
            start = max(0, s.start - THERAPY_REACH)
            for m in THERAPY_NAMES.finditer(text, start, s.end + THERAPY_REACH):
                named.append(m.span())
    if any_in(INSTRUMENT_HINTS, text):
        named += [m.span() for m in INSTRUMENT_NAMES.finditer(text)]
    if any_in(CASE_HINTS, text):
        named += [m.span() for m in CASE_STANDARDS.finditer(text)]  # ("the Dusky standard")
    return named


def _a_scale(text: str, span: Span) -> bool:
    word = text[span.start : span.end]
    if word.lower() not in SCALES or not SCORE_AFTER.match(text, span.end):
        return False
    return not PERSON_BEFORE.search(text, max(0, span.start - 12), span.start)


def _before_its_noun(text: str, span: Span) -> bool:
    """One capitalised word (or two joined by a hyphen) an eponym's noun follows."""
    word = text[span.start : span.end]
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return False
    return EPONYM_NOUN.match(text, span.end) is not None and not TITLE_BEFORE.search(
        text, max(0, span.start - 6), span.start
    )


def _an_eponym(text: str, span: Span) -> bool:
    if text[span.end : span.end + 1] not in ("'", "\u2019"):
        return False  # (most spans: one look)
    word = text[span.start : span.end]
    return word.istitle() and " " not in word and bool(CLINICAL_POSSESSION.match(text, span.end))


def _a_theorist(text: str, span: Span, kept: list[Span]) -> bool:
    """A theorist's surname alone, capitalised, with no title or person's name before it."""
    word = text[span.start : span.end]
    if not word.istitle() or word.lower() not in THEORISTS:
        return False
    if TITLE_BEFORE.search(text, max(0, span.start - 6), span.start):
        return False  # "Mr. Fonagy"
    before = kept[-1] if kept else None
    named = before is not None and before.kind in PERSONS and span.start - before.end <= 2
    return not named  # ("Hazel" then "Winnicott", found apart)


def _a_named_tool(text: str, span: Span) -> bool:
    word = text[span.start : span.end].lower()
    return word in EPONYM_TOOLS and TOOL_AFTER.match(text, span.end) is not None


def _sex_after_age(text: str, span: Span, out: list[Span]) -> bool:
    if span.kind not in (Kind.NAME, Kind.STAFF) or span.ref or span.end - span.start != 1:
        return False
    if text[span.start] not in "MF" or not out or out[-1].kind != Kind.AGE:
        return False
    return not text[out[-1].end : span.start].strip(" \t")


def _a_clinical_phrase(text: str, span: Span) -> bool:
    return " ".join(text[span.start : span.end].lower().split()) in CLINICAL_PHRASES


def _gross_section(text: str, span: Span) -> bool:
    if text[span.start : span.end].lower() != "gross" or not GROSS_SECTION.match(text, span.end):
        return False
    return not PERSON_BEFORE.search(text, max(0, span.start - 12), span.start)
