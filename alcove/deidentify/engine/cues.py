"""The words and shapes that are evidence around a name, a place or an organisation:
cue phrases (found by their last word), word sets, and patterns."""

import re

from alcove.deidentify.engine.compiled import longest_first, regex, starting_with
from alcove.deidentify.engine.hints import hint
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.tokens import WORD, Token
from alcove.deidentify.engine.vocabulary import (
    CLINICAL,
    DRUGS,
    EMPLOYMENT_CUES,
    EPONYMS,
    HEADINGS,
    KIN_NAMES,
    KIN_WORDS,
    LABS,
    ORG_LEADS,
    ORG_WORDS,
    PEOPLES,
    PROFESSION_CUES,
    PROPER_NOT_NAMES,
    RELATIONS,
    REPORT_VERBS,
    SHORTHAND,
    STAFF_CUES,
    STATE_CODES,
    STATES,
    STRONG_LABELS,
    WEAK_LABELS,
)

# What a family calls its elders: a census list holds "mom", "nana", "koro" as surnames, but
# in a note they are the relation (annotators marked them 12 times of 134, each in a quoted
# nickname such as "Nana Bev", which the nickname rule takes whole)
KIN_CALLS = frozenset("mom mum grandma gran nan nana koro aunty auntie".split()) | (
    KIN_WORDS - KIN_NAMES
)
NOT_NAMES = (
    CLINICAL
    | HEADINGS
    | PROPER_NOT_NAMES
    | EPONYMS
    | LABS
    | DRUGS
    | PEOPLES
    | SHORTHAND
    | KIN_CALLS
)
NOT_ORG_WORDS = NOT_NAMES - PROPER_NOT_NAMES
STATE_WORDS = frozenset(w.lower() for s in STATES for w in s.split()) - {"new", "north", "south"}
STATE_NAMES = frozenset(s.lower() for s in STATES)
CONNECTORS = frozenset({"of", "for", "and", "the", "&", "de", "la", "on", "at"})
# Small words inside a town's name: "Fond du Lac", "Isle of Palms", "Des Moines"
PLACE_PARTICLES = frozenset("of de la du des del los las le sur en upon".split())
GAP_CUE = regex(r"[ \t]*(?:'s|\u2019s)?[ \t]*[:,(\-\u2013#]?[ \t]*(?:\n[ \t]*)?")
# (a nickname in quotes stands inside a name: Benjamin "Benji" Araujo)
GAP_NAME = frozenset({" ", "-", " '", "  ", ' "', '" ', " \u201c", "\u201d "})
CREDENTIAL_WORDS = frozenset(
    """MD DO RN NP PA LPN CNA APRN CNS PMHNP FNP DNP PhD PsyD EdD LCSW LICSW LMSW MSW LMFT
    MFT LPC LPCC LMHC LCPC LADC CADC LCADC BCBA MSN BSN OTR DPT CRNA MBBS FACP
    PA-C LPC-S LPC-A LPCA LPC-Associate PMHNP-BC FNP-C FNP-BC RN-BC LCSW-C LCSW-R LSCSW LISW
    LISW-S LSW ASW AMFT APCC LMHCA LMFTA LCMHC LCMHC-A LCDC LAC CASAC CRC NCC MHW MHT LNA
    PCA CPRS CPSS QMHP MRCPsych FRCPC LVN RMN RGN RPN RSW RCC CPN AMHP MBChB MRCP MRCGP FRCP
    FRCPsych FRANZCP FRACGP FRCS PharmD RPh CRNP AGNP RDN SLP CCC-SLP
    CNM NNP NNP-BC RDCS RRT IBCLC SUDP LCSWA LLPC LLMSW CTRS ATR ATR-BC CSAC RBT CNP ANP
    ACNP PNP WHNP CPNP CCRN NCSP DClinPsy CPsychol ClinPsyD""".split()
)
# A credential's variant by its suffix: "LCSW-S", "LMHC-QS", "CADC-II" ("Rosa Villanueva, LCSW-S")
CREDENTIAL_SUFFIXED = regex(r"([A-Za-z]{2,8})-(?:[A-Z]{1,3}|II|III)")


def credential_word(word: str) -> bool:
    """A credential, or a listed one with its suffix."""
    if word in CREDENTIAL_WORDS:
        return True
    m = CREDENTIAL_SUFFIXED.fullmatch(word) if "-" in word else None
    return m is not None and m.group(1) in CREDENTIAL_WORDS


# "Ana Ruiz, intake coordinator": a role after a comma makes the name before it staff.
ROLE_AFTER = screened(
    regex(
        r",[ \t]+(?:the[ \t]+)?(?:intake coordinator|front desk|receptionist|scheduler|secretary|"
        r"office manager|care coordinator|case manager|social worker|therapist|counselor|"
        r"counsellor|psychiatrist|psychologist|clinician|intern|trainee|practicum student|"
        r"supervisor|program director|clinical director|medical director|charge nurse|"
        r"peer specialist|peer support specialist|recovery coach|mental health worker|"
        r"nurse practitioner|physician assistant|medical assistant|unit clerk|"
        r"(?:psychiatry |psychology |medical |nursing )?(?:resident|student|fellow))\b",
        re.I,
    )
)
# A signature: "-- Hollis Grant", "/es/ PATRICIA NWOSU", "e-signed: Ana Ruiz"
SIGNATURE = screened(
    regex(r"(?m)^[ \t]*(?:--+|\u2014|\u2013|/e?s/|e-signed:?|signed:)[ \t]*(?=[A-Z])")
)
# Typists' initials closing a dictated note ("ef:tlw", "GA/rtm"), or a line of two or three
# lower-case letters ending a note ("mk").
TYPIST = screened(
    regex(
        # ... at a line's end, or set apart from the next field ("RAC/jlm   Job 771042")
        r"[:/](?<=[A-Za-z][:/])([a-z]{2,4})(?=[ \t]*(?:\n|$|DD:|D:|T:)|[ \t]{2,}\S)"
    )
)
TYPIST_AUTHOR = regex(r"(?<![\w/])([A-Za-z]{2,4})$")
# The same in capitals, opening a line before the dictation's fields, on that line or the
# next: "PAG:RST" over "DD: 02/15/90", "DK/OB   JOB 00441937" (a line of a problem list,
# such as "HIV/AIDS", is followed by none)
DICTATION_FIELD = r"(?:JOB\b|Job\b|(?:DD|DT|TD|D|T|cc|CC)[ \t]*:)"
TYPIST_CAPS = screened(
    regex(
        rf"(?m)^[ \t]*([A-Z]{{2,4}})[:/]([A-Z]{{2,4}})"
        rf"(?=[ \t]+{DICTATION_FIELD}|[ \t]*\n[ \t]*{DICTATION_FIELD})"
    )
)
CLOSING_INITIALS = regex(
    r"[ \t]*-*[ \t]*([a-z]{2,3}|[A-Z]{2,3})"
    # "NH/JT" (two who wrote it), "GPJ 17.04.24" (initials and the day they signed)
    r"(?:/([A-Z]{2,3}))?(?:[ \t]+\d{1,2}[./-]\d{1,2}[./-]\d{2,4})?[ \t]*"
)
# Surnames the engine otherwise never takes for a name (a sign's, a people's), after a title
TITLED_SURNAMES = EPONYMS | PROPER_NOT_NAMES | PEOPLES
CREDENTIALS_LOWER = frozenset(c.lower() for c in CREDENTIAL_WORDS)
# Initials signing a line: "Helena Brandt, MD / hb", "Reviewed kjm", "TR: jmk", "... -RS",
# "call back. -mk" (a phone log's entries)
SIGNED_INITIALS = regex(r"(?<=[ \t/~\u2013\u2014-])([a-z]{2,3}|[A-Z]{2,3})\.?[ \t]*$")
SIGNED_BEFORE = regex(
    r"(?m)(?:[ \t]/[ \t]?|^[ \t]*(?:TR|Tr|TRANS|Trans|TS):[ \t]*"
    r"|\b(?:[Rr]eviewed|[Dd]ictated|[Tt]ranscribed|[Ee]ntered|[Tt]yped|[Dd]escription)"
    r"(?:[ \t]+by)?:?[ \t]+|\bby:?[ \t]+|[.!?)\"][ \t]+[-\u2013\u2014~]+[ \t]?)$"
)
# After a name opening a sentence: an age, a possessive ("Sage, 19,", "Izzy's")
ACTED_AFTER = regex(r",[ \t]*\d{1,2}\b|['\u2019]s[ \t]+[a-z]")
# A speaker's or a member's colon after a name opening its line ("Hope: 'you said...'")
SPEAKER_AFTER = regex(r":[ \t]")
# Adverbs between a name and its verb ("Summer now works", "Will still drinks")
ADVERBS = frozenset(
    "now also then still initially again mostly later often never always just only recently "
    "finally usually".split()
)
# Verbs a person is the subject of, beyond verbs of reporting
SUBJECT_VERBS = (
    frozenset(
        """was is has had felt feels shared practiced wants wanted went came got left did does
    noticed presented disclosed talked started quit relapsed cried laughed agreed declined
    arrived attended completed continues continued described admitted denied noted returned
    spoke worked lives lived grew began became took made told thought knew met ran sat saw
    spent kept lost found brought bought will would could can may might should must drew ate
    slept wrote sang swore""".split()
    )
    # and the states a note gives its subject without a verb ("Summer tearful", "tara able
    # to reflect", "Cooper mostly silent")
    | frozenset(
        """tearful able agreeable angry calm quiet anxious silent irritable guarded
    engaged receptive reluctant hesitant pleasant cooperative withdrawn defensive""".split()
    )
    | REPORT_VERBS
)  # (and every verb of reporting: "says", "stated")
# A note's last words, after its last sentence: "(988, press 1). GL", "cb 555-0161. d.osei"
CLOSING_AFTER_SENTENCE = screened(regex(r"[.!?)][ \t]+([A-Z]{2,3}|[a-z]\.[a-z]{3,})$"))
NOT_TYPISTS = frozenset("ok okay yes no na nil tbd tba etc thx ty np pls".split())
PRONOUNS = frozenset("he him his she her hers they them their theirs ze zir xe xem".split())
# Short credentials that are also clinical abbreviations count only after a comma.
WEAK_CREDENTIALS = frozenset({"DO", "PA", "NP", "MA", "MS", "PT", "RD", "OT"})
DOTTED_CREDENTIAL = regex(r"(?:M\.D\.|D\.O\.|R\.N\.|Ph\.D\.|Psy\.D\.|Ed\.D\.)")
DOTTED_HEADS = frozenset({"M", "D", "R", "Ph", "Psy", "Ed"})  # the word each of those opens with
GENERIC_ORG = frozenset(
    """the a an our this that his her their its mental behavioral behavioural health emergency
    psychiatric inpatient outpatient medical community day partial intensive support group home
    nursing urgent care primary family public state county general regional veterans national
    private local university children's childrens women's womens memorial new city hospital
    clinic center school high middle elementary department police fire insurance and of for
    treatment recovery residential crisis counseling services service program unit ward
    rehabilitation rehab drug alcohol detox sober living wellness physical occupational speech
    therapy medicine surgery surgical vascular interventional pediatric pediatrics adult
    adolescent child geriatric senior
    student employee human resources care team office court jail juvenile correctional
    detention legal aid church temple club bank credit union main east west north south
    central upper lower grade graduate undergraduate law business food consultation liaison
    consultation-liaison psychology psychiatry neurology cardiology oncology heart brain spine
    lung kidney liver skin chest head neck rheumatology dermatology gastroenterology nephrology
    urology orthopedics orthopaedics endocrinology pulmonology cl c-l case management
    internal palliative neuropsychology anger cognitive processing acute dialectical exposure
    men's mens hospitalist postpartum stroke""".split()
)
# Large employers a note names without a suffix ("stress at Walmart").
EMPLOYERS = frozenset(
    """walmart amazon target costco kroger safeway publix walgreens cvs starbucks mcdonald
    fedex ups usps lowe wendy chick-fil-a aldi meijer tesla boeing
    verizon at&t comcast uber lyft doordash instacart grubhub ubereats spotify netflix google
    microsoft apple facebook meta raytheon lockheed quest labcorp staples macys kohls sears
    petco petsmart autozone marshalls wayfair ikea massport
    """.split()
)
# The apps and portals a person is on, posts to or writes through ("posting about her on
# Snapchat", "a message via MyChart"), which the brief counts as organisations, as it does
# Facebook above
PLATFORMS = frozenset("snapchat tiktok instagram discord mychart".split())
FUNCTION_WORDS = frozenset(
    """from on in at to of for with by and or the a an is was as it its he she they we you
    i me my his her their our this that these those be been has have had do does did not no
    yes but if then so up out into onto over under after before about per via re pt him
    them""".split()
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
AGE_BRACKET_AFTER = screened(regex(r"[ \t]*\([ \t]*\d{1,2}[ \t]*(?:\)|,)"))
LOWER_TITLES = frozenset({"mr", "ms", "mrs", "miss", "dr", "doctor"})
LOWER_LABELS = frozenset({"pt", "client", "patient", "bf", "gf", "hubby", "sis", "bro"})
# (a verb follows them as often: "pt drew a picture", "child drew the harbour")
CLIENT_LABELS = frozenset(
    "pt client patient child student youth adolescent teen caller texter resident".split()
)
# Between two names in a list: ", ", " and ", " & ", " (14), ", " or "
LIST_GAP = regex(r"[ \t]*(?:\(\d{1,2}\)|\d{1,2})?[ \t]*(?:,|&|/|\+|and|or)[ \t]*(?:and[ \t]+)?")
AGE_AFTER_NAME_COMMA = screened(
    regex(
        r"(?:[ \t]*\([a-z][a-z /-]{1,18}\))?\.?[\"\u201d]?\)?,[\"\u201d]?[ \t]*"
        r"(?:now[ \t]+|age[ \t]+)?"
        r"(\d{1,3})"
        r"(?=[ \t]*(?:[,;:)]|\n|$|\.(?:\s|$)|(?:yr|yrs|yo|y/o|mo|mos|months?)\b|[MFmf]\b)|[ \t]{2,}"
        r"|[ \t]+[\u2013\u2014][ \t])"  # ("Ole Haugland, 71 \u2014 dx F41.1")
    )
)
# "Mark Oyelaran is 29, a barista": an age stated after a name
AGE_AFTER_NAME_IS = screened(
    regex(
        r"[\"\u201d]?[ \t]+is[ \t]+(?:now[ \t]+)?(\d{1,3})"
        r"(?=[ \t]*(?:[,;.]|and\b|with\b|but\b|so\b|years\b|\n|$))"
    )
)
AGE_AFTER_NAME = screened(
    regex(
        r"(?:'s|\u2019s)?(?:[ \t]+|[ \t]*\([ \t]*)(\d{1,2})"
        r"(?=(?:yrs?|yo|y/o)\b(?![ \t]+ago)"  # ("Gallagher 66yrs MRN ...": glued to its unit)
        r"|[ \t]*(?:[,;)]|\.(?:\s|$)|,? he/|,? she/"
        r"|[MF](?:[ \t]*[,;]|[ \t]{2}|[ \t]*$|[ \t]+[-\u2013\u2014][ \t])))"
    )
)


DIGIT = regex(r"\d")


def age_after_name(text: str, end: int) -> re.Match[str] | None:
    """An age right after a name ending at `end`: "Ayaan 12", "Sage, 19,", "Mark is 29,"."""
    if DIGIT.search(text, end, end + 16) is None:
        return None  # (most names have no number after them: one quick look)
    return (
        AGE_AFTER_NAME.match(text, end)
        or AGE_AFTER_NAME_COMMA.match(text, end)
        or AGE_AFTER_NAME_IS.match(text, end)
    )


CAPS_STOP = frozenset(
    """will may can see call seen home here back well best good long little young rich
    sharp strong hope love bell king day called states reports said says told asked wants
    could would should go going went come came all""".split()
)


# Endings of medical words ("Postpartum" is no name, nor "Afebrile", "Hyperlipidemia")
MEDICAL_SUFFIX = regex(
    r"(?:emia|aemia|itis|osis|ectomy|otomy|ostomy|plasty|algia|pathy|oma|uria|trophy|plegia|"
    r"paresis|scopy|graphy|cardia|pnea|rrhea|rhoea|partum|natal|brile|ular|ally|ary|eal|ic|"
    r"ive|ous|ized|ised|ated|tion|sion|ment|ness|ism|ist|ology|ologist|iatry|iatric|"
    r"therapy|health|care|giver|visit|session|sessions)$"
)
# Word endings English has and names almost never do ("Restructuring", "Mindfulness").
ENGLISH_SUFFIX = regex(
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

    def ends_at(self, tokens: list[Token], j: int) -> int | None:
        """The index of the phrase's first token when one ends at token j."""
        if j < 0:
            return None
        options = self.by_last.get(tokens[j].lower)
        if options is None:
            return None
        for before in options:  # (plain loops: this runs for most tokens of every note)
            k = j - len(before)
            if k < 0:
                continue
            for n, word in enumerate(before):
                if tokens[k + n].lower != word:
                    break
            else:
                return k
        return None


STAFF = Phrases(STAFF_CUES)
RELATION = Phrases(RELATIONS)
STRONG_LABEL = Phrases(STRONG_LABELS)
WEAK_LABEL = Phrases(WEAK_LABELS)
EMPLOYMENT = Phrases(EMPLOYMENT_CUES + "|stress at|employer|employed|works|job|hr at")
PROFESSION_CUE = Phrases(PROFESSION_CUES + "|employment|occupation|profession|job title|position")
ORG_LEAD = Phrases(ORG_LEADS)
PLACE_CUE = Phrases(
    "in|from|near|outside|outside of|visiting|visited|toward|towards|moved to|move to|moving to|"
    "home to|kids to|go to|going to|went to|trip to|drive to|driving to|flight to|bus to|"
    "lives in|living in|born in|raised in|grew up in|relocated to|drove to|flew to|back to|"
    "returned to|resides in|located in|north of|south of|east of|west of|suburb of|"
    "town of|city of|village of|near to|based in|resident of|native of|residing in"
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
    "hometown|visits from|lived in|stays in|staying in|live in|resident of|native of|"
    "residing in"
)
NOT_MODIFIERS = frozenset(
    """married divorced single widowed separated retired former unemployed disabled old young
    male female man woman gentleman lady right-handed left-handed year-old yo new part-time
    full-time very really quite rather pretty extremely""".split()
)
JOB_ENDINGS = ("ologist", "iatrist", "ician", "ographer")
# "works as a barback": after these, whatever the word, it is a trade
WORKS_AS = Phrases(
    "works as|worked as|working as|work as|employed as|job as|career as|trained as|"
    "position as|hired as|promoted to|promotion to|employment as"
)
# Sentence openers that are instructions, not the first word of a name ("Continue Group").
IMPERATIVES = frozenset(
    """continue attend refer call start see follow return discuss consider recommend schedule
    resume contact obtain request review complete check monitor encourage provide hold give
    repeat recheck stop increase decrease titrate wean""".split()
)
# Capitalised words after "at" that name no organisation.
AT_NOT_ORG = frozenset(
    """home work school night noon midnight baseline risk times least most first last this
    that all end bedtime rest church temple mosque synagogue mass dinner lunch breakfast
    mom mom's dad dad's grandma grandpa"""
    """ times first""".split()
)
MONTH_OR_DAY = regex(
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


REGION_POSTCODE = regex(r"[ \t]+(\d{4,6})\b(?![.,:/]\d)")
STATE_CODE = regex(rf"\b(?:{'|'.join(sorted(STATE_CODES))})\b")
STATE_ZIP_AFTER = screened(
    regex(
        rf",?[ \t]+(?:{'|'.join(sorted(STATE_CODES))})[ \t]+\d{{5}}\b"
        rf"|,[ \t]*(?:{'|'.join(longest_first(STATES))})\b"
    )
)
CREDENTIAL_CODES = frozenset({"MD", "MA", "MS", "PA", "NP", "DO"})
PERSON_BEFORE = regex(r"\b[A-Z][A-Za-z'-]+[ \t]+$")
LOWER_AFTER_CODE = regex(r"[ \t]+[a-z]")
# Codes that are also words or abbreviations ("ID 44731", "OR", "ME"): a known town first
WORDLIKE_CODES = frozenset("ID OR IN ME OK HI OH PA MD DE MS MA AL CO LA MO ND SD".split())
ZIP_AFTER = regex(r"[ \t]+\d{5}(?:-\d{4})?\b")
PLACE_BEFORE_CODE = regex(r"\b((?:[A-Z][A-Za-z'.-]+[ \t]){0,2}[A-Z][A-Za-z'.-]+),?[ \t]+$")
# (an aside or a dash after it too: "Brattleboro, VT (confirmed", "Ville Platte, LA - 337-";
# or a table's bar: "Rapid City, SD |")
END_AFTER_CODE = regex(r"[ \t]*(?:[.,;:()|]|[-\u2013\u2014][ \t]|\n|$)")
# A column's gap after it: "Bangor, ME   Provider location" (not after a degree: "Pierre MD   ")
GAP_AFTER_CODE = regex(r"[ \t]{3}")
STATE_ALT = "|".join(longest_first((*STATE_CODES, *STATES)))
STATE_AFTER = regex(rf",?[ \t]*(?:{STATE_ALT})\b|[ \t]+(?:County|Parish|area)\b")
CITY_STATE = screened(
    regex(
        # (led by the capital, as patterns.py explains: "[A-Z](?<!\w[A-Z])" is "\b[A-Z]")
        rf"([A-Z](?<!\w[A-Z])(?:[a-z]+\.?[ \t]+[A-Z]){{0,2}}[a-z]+),[ \t]*"
        rf"(?:(?:{'|'.join(sorted(STATE_CODES))})"
        rf"(?=[ \t]*(?:\d{{5}}|[.,;)\n]|$))|(?:{'|'.join(longest_first(STATES))})\b)"
    )
)
COUNTY = starting_with(
    "[A-Z]",
    r"\b((?:[A-Z][a-z]+[ \t]+){1,2}(?:County|Parish|Township|Borough|COUNTY|PARISH))\b"
    r"|\b(?:City|Town|Village|CITY|TOWN) of ([A-Z][a-z]+)"
    r"|(?<=, )(Co\.[ \t]+[A-Z][a-z]+)\b",
)
# Words without one of which COUNTY cannot match (a note holds one rarely: no scan)
COUNTY_WORDS = hint((
    "County", "Parish", "Township", "Borough", "COUNTY", "PARISH", "City of", "Town of",
    "Village of", "CITY of", "TOWN of", "Co.",
))  # fmt: skip
# "DELGADO-FINN, ARTURO   418-27-93" opening a header line: the patient, surname first
CAPS_HEADER_NAME = screened(
    regex(
        r"(?m)^[ \t]*([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?), ([A-Z][A-Z'-]+(?: [A-Z]\.?)?)"
        r"(?=[ \t]{2,}|[ \t]*$|[ \t]+\d)"
    )
)
# "GA/rtm" at the foot of a dictated note: the author's and the typist's initials
DICTATION = screened(regex(r"(?m)^[ \t]*([A-Z]{2,4}):?/([a-z]{2,4})[ \t]*$"))
# "City/State/ZIP: kalamazoo, mi 49008": a form's town written in lower case
CITY_LOWER = regex(
    r"\bCity(?:/State(?:/ZIP|/Zip)?)?[ \t]*:[ \t]*([a-z][a-z'.-]+(?:[ \t]+[a-z][a-z'.-]+){0,2})"
    r"(?=[ \t]*(?:,|\n|$|\d|[ \t]{2}))"
)
# "RN D. PRICE", "LPN K. Odum": an initial and a surname after a care credential
CREDENTIAL_THEN_NAME = screened(
    starting_with(
        "[CL-NPR]",
        r"\b(?:RN|LPN|LVN|CNA|NP|PA|MD|MHT|LCSW|LICSW|LPC|LMFT)"
        r"[ \t]+([A-Z]\.[ \t]?[A-Z][A-Za-z'-]+)\b",
    )
)
# "...or sooner prn.\nTN": initials alone on a note's last line sign it
# ("MH / EV": the clinician's and a co-signer's)
SIGNED_LAST_LINE = regex(
    r"\n[ \t]*[-\u2013\u2014/]?[ \t]*([A-Z]{2,3})(?:[ \t]*/[ \t]*([A-Z]{2,3}))?[ \t]*\Z"
)
# "rtc 2 wk.\n-jm", "ok to cont. -rk (covering)", "Handoff given. —TY": a note's initials
# after a dash, closing its line
# ("-kc, np", "- tj rn": with the signer's credential)
# (what it cannot match without, led by the dash: a dash opening a line or after a space)
DASH_SET_APART = regex(r"[-\u2013\u2014~](?<![^ \t\n][-\u2013\u2014~])")
DASHED_INITIALS_LOWER = screened(
    regex(
        r"(?m)(?:^|[ \t])[-\u2013\u2014~]{1,2}[ \t]?([a-z]{2,3}|[A-Z]{2,3})"
        r"(?:,?[ \t]*(?:rn|np|lpn|md|do|pa|pmhnp|aprn|lcsw|licsw|lpc|lmft|lmhc|psyd|phd|msw))?"
        r"[ \t]*(?:\([a-z ]+\))?[ \t]*$"
    )
)
NOT_DASHED = FUNCTION_WORDS | frozenset("ok no yes neg pos am pm ve ish tbd tba na".split())
# "Dictated By: MO   Transcribed By: tk", "Counselor: BAM", "therapist: jm", "Registered by:
# kjohannsen": the initials (or login) a label gives the note's staff member, closing its field
STAFF_LABELLED = screened(
    starting_with(
        "[C-ER-TWcst]",
        r"\b(?:(?:Dictated|DICTATED|Transcribed|TRANSCRIBED|Typed|TYPED)(?:[ \t]+(?:By|by|BY))?|"
        r"Typist|TYPIST|Transcriber|TRANSCRIBER|(?:Taken|TAKEN|taken)[ \t]+(?:By|by|BY)|"
        r"(?:Registered|Entered|Recorded|Completed|Written|Seen)[ \t]+(?:By|by)|"
        r"[Ss]igned(?:[ \t]+(?:By|by))?|[Cc]ounsell?or|COUNSELL?OR|[Tt]herapist|THERAPIST|[Tt]her|"
        r"[Cc]linician|CLINICIAN|[Ss]taff|STAFF|[Ss]cribe)[ \t]*:[ \t]*"
        r"([a-z]{2,4}|[A-Z]{2,4}|(?<=[Bb]y: )[a-z]{5,15})"
        # (or the writer's role in brackets after: "taken by: lm (reception)")
        r"(?=[ \t]*(?:\n|$)|[ \t]{2}|[ \t]*[,;/]|[ \t]+\d|[ \t]+\([A-Za-z])",
    )
)
# "client J.M.", "pt A.B.": initials standing for a person
# "Commonwealth v. Dmitri Sokolov", "State vs. Ruiz": the party named in a case caption
CAPTION = regex(
    r"\b(?:Commonwealth|State|People|United States|Town|City|County)[ \t]+vs?\.?[ \t]+"
    r"((?:[A-Z][a-z'-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z'-]+|[A-Z]\.)){0,2})"
)
INITIALS_HINT = screened(regex(r"[A-Z]\.[ \t]?[A-Z]\."))
# "a peer (J.R.)", "apologized to J.R.": dotted initials alone stand for a person, unless
# they are one of the abbreviations written the same way
# (a sentence's own full stop may follow: "near M.R.. Chantal")
DOTTED_INITIALS = regex(r"(?<![\w.])([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?!\w|\.\w)")
AGE_AFTER_INITIALS = regex(r",?[ \t]+\d{1,2}(?:-year-old|[ \t]?(?:yo|y/o|[MF])\b|,)")
DOTTED_NOT_INITIALS = frozenset(
    """U.S. U.K. A.M. P.M. D.C. L.A. N.Y. N.J. N.C. S.C. N.H. N.D. S.D. E.R. O.R. P.O. R.N. M.D.
    D.O. B.A. M.A. M.S. B.S. P.A. N.P. I.V. I.M. P.T. O.T. S.W. A.A. N.A. E.D. G.I. I.Q. T.V.
    D.V. U.N. B.C. A.D. O.D. O.S. O.U. Q.D. H.S. S.L. N.G. C.T. E.G. I.E. P.S. J.D. M.P.H.
    D.O.B. N.P.O. P.R.N. B.I.D. T.I.D. Q.I.D. Q.H.S. E.M.S. H.I.V. R.O.M. M.R.N. S.S.N. P.H.D.
    U.S.A. W.N.L. A.K.A. C.O.D. E.T.A. J.S.C. J.P. P.C. L.L.C. G.L. M.G.L.""".split()
)
INITIALS = regex(
    r"\b(?:client|pt|patient|member|resident|participant|clients|patients|initials)\b"
    r"[ \t]*(?:\([ \t]*(?:initials[ \t]+)?)?:?[ \t]*"
    r"([A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)",
    re.I,
)
ORG_TAIL = regex(
    r"[ \t]+(?:of|for|OF|FOR)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:[A-Z][a-z]{0,2}\.|[A-Z][A-Za-z'\u2019-]*)"
    r"(?:[ \t](?=[A-Z])|[ \t](?:and|&)[ \t](?=[A-Z]))?){1,4}"
)
# A patient's label, then the name filling its field: "PT: WASHINGTON, BEATRICE L",
# "Name: Quarrington, Winifred Ada", "pt: o'brien, kathleen", "CLIENT: DAKOTA LITTLE ELK (".
# The labels, in every case: the patient's own, and those of the justice system, social care
# and programmes ("Offender: KELLY, Jarrah", "Service user: Callum Reid")
_WHOM = (
    *"pt patient client name resident student deceased decedent offender defendant respondent "
    "participant consumer member veteran inmate detainee child infant youth individual "
    "caller".split(),
    "service user",
    "young person",
)
# (looked for before each colon: a note has few colons and many words)
PATIENT_LABEL_BEFORE = regex(
    r"\b(?:"
    + "|".join(f"{w}|{w.capitalize()}|{w.upper()}" for w in _WHOM)
    + r")(?:[ \t]+(?:NAME|Name|name))?[ \t]*$"
)
_FIELD_END = r"(?=[ \t]*(?:\n|$|[ \t]{2}|\t|[;(|\u2014]|,[ \t]*(?:DOB|MRN|AGE|Age|age|\d)))"
LABELLED_INVERTED = regex(
    rf"([A-Za-z][A-Za-z'-]+(?:[ \t]+[A-Za-z][A-Za-z'-]+)?),[ \t]*"
    rf"([A-Za-z][A-Za-z'-]+(?:[ \t]+[A-Za-z][A-Za-z'-]*\.?){{0,2}}){_FIELD_END}"
)
LABELLED_PLAIN = regex(
    rf"((?:[A-Za-z]\.|[A-Za-z][A-Za-z'-]+)(?:[ \t][A-Za-z][A-Za-z'-]*\.?){{1,3}})"
    rf"{_FIELD_END}"
)
# A handoff's item: the room, a dash, the patient in capitals, then age and sex
# ("RM 414A \u2014 KNIGHT, ROSE  77 YO F", "RM 9 - DEVONTE "DJ" PRICE 15YO M")
CAPS_AGE_SEX = screened(
    regex(r"\d[ \t]?(?:YO|Y/O|YR|YRS|Y)?[ \t]?[MF]\b")
)  # (said first: most notes lack it)
CAPS_BEFORE_AGE_SEX = screened(
    starting_with(
        r"[\n\-:A-Z\u2013\u2014]",
        r"(?:^|\n|[\u2014\u2013:-][ \t]+|\b(?:RM|ROOM|BED)[ \t]+[\w-]+[ \t]+|\bPT[ \t]+)"
        r"(?!(?:PT|RM|ROOM|BED)\b)((?:[A-Z][A-Z'-]+,?[ \t]+(?:\"[A-Z]+\"[ \t]+)?){1,3}"
        r"[A-Z][A-Z'-]*)[ \t]+\d{1,3}[ \t]?(?:YO|Y/O|YR|YRS|Y)?[ \t]?[MF]\b",
    )
)
# A group's roll: "Attendance (6 of 7): KL, M.R., Faith, t.n., JJ. Absent: Hope (sick)"
ROLL = screened(
    starting_with(
        "[AGIMPamp]",
        r"\b(?:Attendance|Attendees|In attendance|Present|Absent|Members|Participants|"
        r"Group members|attendance|present|absent|members|participants)"
        r"(?:[ \t]*\([^)\n]{0,20}\))?[ \t]*:[ \t]*([^\n]+)",
    )
)
ROLL_ITEM = regex(r"[ \t]*(?:and[ \t]+)?([^,;]+?)[ \t]*(?=[,;]|[ \t]and[ \t]|$)")
DOTTED = regex(r"(?:[A-Za-z]\.)+")
ROLL_ASIDE = regex(r"\([^)\n]*\)")
ROLL_NOT = frozenset("all none everyone staff client clients members group family n/a".split())
ROLL_INITIALS = regex(
    r"(?:[A-Za-z]\.){1,3}|[A-Z]{1,3}|[a-z]{2,3}|[A-Za-z]\.?[ \t][A-Z][a-z'-]+"
    r"|[A-Za-z]{1,2}'[A-Za-z]"
)
# The full stop that ends the roll's sentence, never an initial's ("S.O. (new). Absent")
ROLL_END = regex(r"(?<![A-Za-z]\.[A-Za-z])(?<!\b[A-Za-z])\.(?:[ \t]|$)")
# A nickname in quotes, its closing comma or stop inside them: '"Scout,"', '("tilly")'
QUOTED_NICKNAME = regex(r'["\u201c]([A-Za-z][\w\'.-]*(?:[ \t][A-Za-z][\w\'.-]*)?)[,.]?["\u201d]')
NAME_LABELS = frozenset("name nickname aka alias".split())
# Words for a companion before a nickname ('his sponsor "big mike"', 'alongside "Skeeter"')
COMPANIONS = frozenset("sponsor mate buddy pal alongside nicknamed dubbed prefers".split())
# A hurried note's person: given name, initial, age and sex ("kenzie r 19f", "pt dwayne h.
# 31yo m", "dmitri k 34m")
LOWER_AGE_SEX_HINT = screened(regex(r"\d[ \t]?(?:[mf]|yo|y/o)\b"))
LOWER_NAME_INITIAL_AGE = screened(
    regex(
        r"\b([a-z][a-z'-]{2,})[ \t]([a-z])\.?[ \t](\d{1,3})[ \t]?"
        r"(?:[mf]|yo[ \t]?[mf]|y/o[ \t]?[mf])\b"
    )
)
# A nurse's or technician's initials after the role's label, and whom they handed to
# ("RN: DMK \u2192 JRT", "GIVING RN: MLR")
ROLES = hint(("RN", "LPN", "CNA", "NP", "RT", "TECH", "Tech", "NURSE", "Nurse"))
ROLE_INITIALS = screened(
    starting_with(
        "[CLNRT]",
        r"\b(?:RN|LPN|CNA|NP|RT|TECH|Tech|NURSE|Nurse)[ \t]*:[ \t]*([A-Z]{2,3})\b"
        r"(?:[ \t]*(?:\u2192|->|/|to)[ \t]*([A-Z]{2,3})\b)?",
    )
)
# What follows an organisation's name and is still its name: its team or service
# ("Cumberland Mobile Crisis Team", "Desert Sage IOP", "Harbourlight DBT Program") or a
# veterans' post's number ("American Legion Post 212")
SERVICE_TAIL = screened(
    regex(
        r"(?:[ \t]+(?:Mobile|Crisis|Response|Outreach|ACT|DBT|IOP|PHP|Team|Residential|"
        r"Connection|Program|Programme))+\b|(?<=Post)[ \t]+(?:No\.[ \t]*|#)?\d{1,5}\b"
    )
)
BRANDS = screened(
    starting_with(
        "[A-DF-PR-WY]",
        r"\b(?:Home Depot|Dollar General|Dollar Tree|Best Buy|Whole Foods|Trader Joe's|Taco Bell|"
        r"Burger King|Pizza Hut|Planet Fitness|Family Dollar|Rite Aid|Bed Bath|Waffle House|"
        r"Olive Garden|Dunkin'?(?: Donuts)?|Jiffy Lube|Little Caesars|Motel 6|Super 8|Red Roof|"
        r"Days Inn|La Quinta|Holiday Inn|Chuck E\. Cheese|Panera(?: Bread)?|Chipotle|Subway|"
        r"Kaiser Permanente|Kaiser|Sutter Health|Mass General Brigham|Partners HealthCare|"
        r"Mayo Clinic|Cleveland Clinic|Johns Hopkins|Mount Sinai|Cedars-Sinai|Beth Israel|"
        r"Brigham and Women's|Dana-Farber|Sloan Kettering|NewYork-Presbyterian|Mass General|"
        r"Atrium Health|Ochsner|Geisinger|Intermountain|Providence Health|Banner Health|"
        r"Kaiser Foundation|McLean|Bellevue|Rikers(?: Island)?|Betty Ford|Hazelden(?: Betty Ford)?|"
        r"Planned Parenthood|Goodwill|Salvation Army|Catholic Charities|Lutheran Social Services|"
        r"Volunteers of America|Habitat for Humanity|Big Brothers Big Sisters|"
        r"Boys (?:&|and) Girls Clubs?|St\.? Vincent de Paul|United Way|Red Cross|"
        r"Post Office|Social Security(?: Administration)?|(?<=the )Gap|"
        # charities a note sends clients to, by the name the whole country knows them by
        r"Samaritans|Kids Help Phone|Headspace|Barnardo's|NSPCC|Childline|Women's Aid|"
        r"Citizens Advice|Age UK|Mission Australia|Anglicare|Wesley Mission|Vinnies|Salvos|"
        r"Baptcare|Centacare|Life Without Barriers|Act for Kids|YMCA|YWCA|"
        # insurers: companies, which annotators mark as they mark any employer (the programmes,
        # Medicare and Medicaid, are no organisation of the client's and stay)
        r"Anthem(?: Blue Cross)?(?: Blue Shield)?|Blue Cross(?: (?:and|&) )?(?: ?Blue Shield)?|"
        r"BCBS|Aetna|Cigna|Humana|UnitedHealthcare|United Healthcare|UHC|Molina Healthcare|"
        r"Ambetter|WellCare|Highmark|CareFirst|Florida Blue|Oscar Health|AARP|Centrelink|"
        r"Medibank|Bupa)\b",
    )
)
# The same brands written in capitals, as a nursing note writes everything; one word in
# capitals may be a word ("SUBWAY"), so only names of two words and more
CAPS_BRAND_NAMES = [
    name.upper()
    for name in re.findall(r"[A-Z][\w'.&-]*(?: [A-Z][\w'.&-]*)*", BRANDS.pattern)
    if " " in name
]
BRANDS_CAPS = screened(regex(r"\b(?:" + "|".join(re.escape(n) for n in CAPS_BRAND_NAMES) + r")\b"))
# Their first words: a quick test before the long pattern
BRAND_HEADS = frozenset(
    WORD.match(name).group()  # type: ignore[union-attr]
    for name in CAPS_BRAND_NAMES
)
# The first word of every brand, as the tokens read it: most notes hold none, and a test of
# the note's words is far quicker than the pattern's scan of every position.
BRAND_STARTS = frozenset(
    WORD.match(head).group()  # type: ignore[union-attr]
    for head in re.findall(r"(?:\(\?:|\||\))([A-Z][\w'-]*)", BRANDS.pattern)
)
SAINT = regex(
    r"\bSaint[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?(?=[\s,.;]|$)"
    r"|\bSt\.?[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?(?=[\s,.;]|$)"
    r"|\b(?:ST\.?|SAINT)[ \t]+[A-Z]{3,}(?:'S)?(?=[\s,.;]|$)"
)
EPONYM_AFTER = screened(
    regex(
        r"(?:'s)?[ \t]+(?:Depression|Anxiety|Inventory|Scale|Scales|Questionnaire|forms?|Rating|"
        r"Suicide|Criteria|Protocol|[Ss]yndrome|[Dd]isease|sign|[Tt]est|score|[Cc]lassification|"
        r"procedure|maneuver|palsy|disorder|Assessment Scale)\b"
    )
)
DOSE_AFTER = screened(
    regex(
        r"[ \t]*(?:(?:XL|ER|SR|CR|XR|ODT|DR|LA|CD|HCT)[ \t]+)?(?:\(\w+\)[ \t]*)?\d+(?:\.\d+)?"
        r"(?:/\d+)?[ \t]*(?:mg|mcg|g|ml|mL|units?|meq|mEq|%|tabs?|puffs?|iu|IU|bid|tid|qid|qd|qhs|"
        r"daily|prn|q\d+h?|BID|TID|QID|QD|QHS|PRN)\b"
    )
)
# A dose begins with one of these after the spaces (or with a digit)
DOSE_FIRST = frozenset("XESCOLDH(")
# How generic drug names end (a tuple, for str.endswith)
DRUG_STEMS = tuple(
    """pril olol statin azole mycin cillin pine done zepam azepam zolam xetine afil sartan
    tidine prazole formin gliptin triptan oxacin cycline navir ciclovir umab imab tinib barbital
    caine profen oxone orphine codone trel vudine parin gabalin lukast semide thiazide dronate
    tropin mazine peridol apine idone azine""".split()
)
