"""Organisations: runs of capitalised words ending in an organisation's word, places of
work after "works at", acronyms, brands and employers."""

import re

from mypy_extensions import trait

from alcove.deidentify.engine.compiled import regex, starting_with
from alcove.deidentify.engine.cues import (
    ACRONYM_LEAD,
    AGENCY_LEADS,
    AT_NOT_ORG,
    BRAND_HEADS,
    BRAND_STARTS,
    BRANDS,
    BRANDS_CAPS,
    CREDENTIAL_WORDS,
    EMPLOYERS,
    EMPLOYMENT,
    FUNCTION_WORDS,
    GENERIC_ORG,
    IMPERATIVES,
    MONTH_OR_DAY,
    NOT_NAMES,
    NOT_ORG_WORDS,
    ORG_LAST,
    ORG_LEAD,
    ORG_TAIL,
    PLATFORMS,
    RELATION,
    SAINT,
    STAFF,
    STATE_NAMES,
)
from alcove.deidentify.engine.finder import FinderBase
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind
from alcove.deidentify.engine.tokens import (
    Token,
    _sentence_start,
)
from alcove.deidentify.engine.vocabulary import (
    AGENCY_ACRONYMS,
    CLINICAL,
    LABS,
    MONTHS,
    NOT_ORG_ACRONYMS,
    ORG_ACRONYMS,
    PROPER_NOT_NAMES,
    REPORT_VERBS,
    STATE_CODES,
    TITLES,
    WEEKDAYS,
)

# "for DBT", "for CBT": what a service offers, not the rest of its name
TREATMENT_TAIL = regex(r"[ \t]+(?:for|FOR)[ \t]+[A-Z]{2,4}")


MEETING = regex(
    r"\b(Our Lady of (?:the )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"|\b(?:the|The)[ \t]+((?:[A-Z][a-z]+[ \t]+(?:(?:to|of|in|for|and|the)[ \t]+)?){1,4})"
    r"(?=(?:AA|NA|CA|Al-Anon|SMART)[ \t]+(?:group|meeting|Group|Meeting)s?\b)"
)


# Letters no list holds before a unit of a hospital ("the FIH ED"), or closing a heading or
# a line after a dash ("DISCHARGE SUMMARY - FIH"); after a comma they may be a credential
CARE_UNIT_AFTER = regex(r"[ \t]+(?:ED|ER|ICU|CCU|MICU|SICU|NICU|PICU|clinic|Clinic|ward)\b")
ACRONYM_CLOSING = regex(r"[ \t]*(?:\n|$)")
ACRONYM_OPENING = regex(r"[ \t][-\u2013\u2014][ \t]$")
SPECIALTIES = (
    r"(?:Cardiology|Nephrology|Neurology|Oncology|Endocrinology|Psychiatry|Pediatrics|"
    r"Surgery|Radiology|Urology|Dermatology|Rheumatology|Gastroenterology|Pulmonology|"
    r"Hematology|Orthopedics|Obstetrics|Gynecology|Geriatrics|Medicine|Primary Care)"
)
SPECIALTY_BESIDE = screened(regex(rf"[ \t]+(?:{SPECIALTIES}|{SPECIALTIES.upper()})\b"))
SPECIALTY_BEFORE = regex(rf"\b{SPECIALTIES},[ \t]+$")
MILITARY_HINT = screened(regex(r"Battalion|Brigade|Regiment|Division|Squadron|Infantry|Airborne"))
MILITARY_UNIT = regex(
    r"\b\d{1,3}(?:st|nd|rd|th)[ \t]+(?:[A-Z][a-z]+[ \t]+){0,2}"
    r"(?:Battalion|Brigade|Regiment|Division|Squadron|Infantry|Airborne|Cavalry|Marines|Wing|"
    r"Fleet|Signal|Engineers?|Artillery)(?:[ \t]+(?:Regiment|Division|Brigade|Battalion))?\b"
)
POLICE_LETTERS = regex(
    r"\b(?!(?:BPD|PPD|OPD|CPD|GPD|COPD|OCPD|ASPD|STPD|AVPD)\b)[A-Z]{1,4}PD\b"
)  # not disorders
UNION_LOCAL = regex(r"\b(?:[A-Z]{2,6}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+Local[ \t]+\d{1,4}\b")


# "Halcyon Logistics Inc.", "Kestrel Forensic & Clinical Psychology, PLLC": a company, by
# the suffix the law gives it
COMPANY = regex(
    r"\b([A-Z][\w'-]*(?:[ \t]+(?:&[ \t]+|and[ \t]+|of[ \t]+)?[A-Z][\w'-]*){0,5}),?[ \t]+"
    r"(?:Inc|LLC|PLLC|L\.L\.C|P\.C|P\.A|LLP|Ltd|Corp|Co)\.?(?![\w-])"
)
COMPANY_HINTS = hint((
    "Inc.", "Inc,", "Inc ", "Inc\n", "LLC", "L.L.C", "P.C", "P.A", "LLP", "Ltd", "Corp", "Co.",
    "Co ", "Co\n",
))  # fmt: skip
# "Insurance: Mountain State Medicare Advantage, member ID ...": the insurer, after its label
INSURER = regex(
    r"(?m)\b(?:Insurance|INSURANCE|Insurer|Ins\.|Payer|Payor|Health plan|Health Plan|Coverage)"
    r"[ \t]*:[ \t]*([A-Z][\w&'.-]*(?:[ \t]+(?:of[ \t]+|&[ \t]+)?"
    r"(?!(?:ID|Member|Group|Policy|Subscriber|No|Number)\b)[A-Z][\w&'.-]*){0,5})"
)
# "ins medical mutual id MMO44812": a hurried note's insurer, between "ins" and its number
INSURER_SHORT = regex(
    r"\b(?:ins|Ins|INS)\.?[ \t]+((?:[A-Za-z][\w&'.-]*[ \t]+){0,4}?[A-Za-z][\w&'.-]*)"
    r"(?=[ \t]+(?:id|ID|member|mbr|#)\b)"
)
# Words that end an organisation's name even in lower case ("high" after "jr" or a name);
# never "clinic" or "hospital", which follow clinical words no dictionary holds ("perinatal")
LOWER_ORG_ENDS = frozenset(
    "university college academy school high elementary logistics freight "
    "transit manufacturing construction motors trucking industries pharmacy church shelter "
    "court bank inc llc foods schools institute seminary ministries club engineering clinic "
    "center hospital mhc cc ctr daycare preschool hardware".split()
)
CARE_ENDS = frozenset(
    {"clinic", "center", "hospital", "mhc", "ctr", "health", "healthcare", "memorial"}
)
WARD_HINTS = hint((" ward", " unit"))
# What "Our" opens as a church's own name: "Our Savior's Lutheran", "Our Redeemer"
OUR_CHURCHES = frozenset(
    "savior's saviour's savior saviour redeemer lady shepherd father mother".split()
)
INSURANCE_HINTS = hint(("ins ", "Ins ", "INS ", "ins. ", "Ins. "))
DENOMINATIONS = hint((
    "methodist", "baptist", "lutheran", "presbyterian", "episcopal", "pentecostal", "adventist",
))  # fmt: skip
# A congregation in lower case by its church's name: "first methodist", "grace lutheran"
LOWER_CHURCH = regex(
    r"\b(?:first|second|grace|trinity|calvary|bethel|zion|immanuel|emmanuel|new hope|"
    r"st\.? [a-z]+'?s?)[ \t]+(?:methodist|baptist|lutheran|presbyterian|episcopal|pentecostal|"
    r"umc|ame)(?:[ \t]+church)?\b"
)
# A saint's place in lower case after "@", "at", "to" or "from": "@ st. ambrose", "st.
# brendan's food pantry", "st. vincent de paul thrift" (a saint's name is a name)
LOWER_SAINT = screened(
    starting_with(
        "[@aft]",
        r"(?:@|\bat|\bto|\bfrom)[ \t]+(st\.?[ \t][a-z]{3,}(?:'s)?(?:[ \t](?:de|of)[ \t][a-z]{3,})?"
        r"(?:[ \t](?:food[ \t]pantry|pantry|thrift|church|parish|shelter|hospital|school|academy|"
        r"cathedral|catholic|episcopal|house|center))?)\b",
    )
)
# A ward or unit in lower case by the tree, flower or saint it is named for: "holly ward",
# "sycamore ward", "laurel unit", "st brigid's unit" (hospitals name wards so; "the ward",
# "psych unit" name none)
LOWER_NAMED_WARD = regex(
    r"\b((?:ash|aspen|alder|beech|birch|bluebell|cedar|cherry|elm|fern|hawthorn|hazel|heather|"
    r"holly|iris|ivy|jasmine|juniper|larch|laurel|lavender|lilac|linden|magnolia|maple|oak|"
    r"orchid|pine|poppy|primrose|rowan|sycamore|thistle|willow|yew|st\.?[ \t][a-z]{3,}'s)"
    r"[ \t](?:ward|unit))\b"
)
INSURER_LABELS = hint(
    (
        "Insurance",
        "INSURANCE",
        "Insurer",
        "Ins.",
        "Payer",
        "Payor",
        "Health",
        "Coverage",
    )
)
# The kind of plan after an insurer's name ("Humana Gold Plus HMO", "BCBS PPO"): no part of the
# name ("Keystone Health Plan" and "Mountain State Medicare Advantage" are whole names)
PLAN_KIND = regex(r"(?:[ \t]+(?:HMO|PPO|EPO|POS|PFFS|SNP))+$")
# Programmes and plan words, which say nothing of where a client lives or works (the insurers
# themselves are brands, cues.BRANDS, and need no label)
NOT_INSURERS = frozenset(
    "medicaid medicare tricare self-pay self none pending private commercial uninsured n/a "
    "na unknown".split()
)


# "Employer: bronson methodist hosp": a form's employer written in lower case, to the line's end
EMPLOYER_LOWER = regex(
    r"(?m)^[ \t]*(?:Employer|EMPLOYER|Workplace|Place of employment)[ \t]*:[ \t]*"
    r"(?!(?:none|n/a|na|unemployed|retired|self|disabled|disability|unknown|student|homemaker|"
    r"not)\b)([a-z][\w&'.-]*(?:[ \t]+[\w&'.-]+){0,5}?)[ \t]*(?:$|[ \t]{2}|[,;(])"
)
# Chains and apps a note may write in lower case, and the words that place someone there
BRANDS_LOWER = (
    EMPLOYERS
    | PLATFORMS
    | frozenset(
        "asda tesco sainsburys lidl morrisons woolies woolworths coles bunnings kmart dunkin "
        "hy-vee wawa sheetz mcdonalds walgreens lowes".split()
    )
) - {"ups"}  # fmt: skip  ("the ups and downs")
BRAND_PAIRS = frozenset(
    {("dollar", "general"), ("home", "depot"), ("family", "dollar"), ("giant", "eagle")}
)
BRAND_HINTS = hint(sorted(BRANDS_LOWER | {first for first, _ in BRAND_PAIRS}))
BRAND_CUES = frozenset("at on to the from for via behind near outside".split())
# ", Norfolk, VA", " - Newark, NJ": a town and its state after a name
# A signature's fields after it: "Gateway Behavioral Health | Case Management | Toledo"
FIELD_AFTER = regex(r"[ \t]+[|\u00b7\u2022][ \t]")
TOWN_STATE_AFTER = regex(
    rf"(?:,|[ \t]+[-\u2013\u2014])[ \t]+(?!(?:{WEEKDAYS}|{MONTHS})\b)"
    r"(?:[A-Z][a-z]*\.?[ \t]+)?[A-Z][a-z]+,"
    r"[ \t]*[A-Z][A-Za-z]+\b"
)
# A practice named for its specialty ("High Desert Rheumatology"); after letters, the
# specialty is a hospital's department, and the letters alone are its name
SPECIALTIES_ENDING = frozenset(
    """neurology rheumatology cardiology oncology dermatology gastroenterology nephrology urology
    orthopedics orthopaedics endocrinology pulmonology""".split()
)
# "Agency: Tri-County Crisis Connection", "Team: Eastside Assertive Community Treatment
# Team": a form's organisation after its label, two or more capitalised words
# (what either labelled pattern cannot match without: "Place of employment" holds "employ")
LABELLED_ORG_HINTS = hint(
    "Program Agency Facility Team Practice Site Placement Employer EMPLOYER Workplace "
    "employ".split()
)
LABELLED_ORG = starting_with(
    "[AEFPST]",
    r"\b(?:Program|Programme|Agency|Facility|Team|Practice|Site|Placement|Employer)[ \t]*:[ \t]*"
    r"([A-Z][\w&'.-]*(?: (?:of |for |and |& )?[A-Z][\w&'.-]*){1,6})",
)
# Letters that name one agency or association wherever they stand, in either case ("dcfs
# hotline", "the YMCA", "in dcf custody", "WINZ appt", "called centrelink"): never a unit, a
# test or a role ("MASH" only in capitals: "mash" is food)
AGENCY_LETTERS = hint(
    """DCFS DFCS DCYF DHHS DSHS YMCA YWCA MBTA DCF DCJ WINZ MASH RCMP IHS dcfs dfcs dcyf dhhs
    dshs ymca ywca mbta dcf dcj winz centrelink rcmp""".split()
)
AGENCY_ALWAYS = regex(r"\b(?:" + "|".join(AGENCY_LETTERS) + r")\b")
# "Family Court of Pemberly County", "Court of Common Pleas of Wexford County": a court by
# the county it sits for
COURT_OF = regex(
    r"\b(?:(?:Family|Superior|District|Circuit|Probate|Juvenile|Municipal|Orphans'|Supreme|"
    r"Chancery|Magistrate's)[ \t]+)?Court[ \t]+of[ \t]+(?:Common[ \t]+Pleas[ \t]+of[ \t]+)?"
    r"(?:the[ \t]+)?(?:[A-Z][a-z]+[ \t]+){1,3}(?:County|Parish|District)\b"
)
# The same in a caption's capitals: "IN THE CIRCUIT COURT OF JACKSON COUNTY"
COURT_OF_CAPS = regex(
    r"\b(?:(?:FAMILY|SUPERIOR|DISTRICT|CIRCUIT|PROBATE|JUVENILE|MUNICIPAL|SUPREME|CHANCERY)"
    r"[ \t]+)?COURT[ \t]+OF[ \t]+(?:THE[ \t]+)?(?:[A-Z]+[ \t]+){1,3}(?:COUNTY|PARISH|DISTRICT)\b"
)
# What a service treats, which names no organisation ("Program: Adult Substance Use IOP")
SERVICE_WORDS = GENERIC_ORG | frozenset(
    """substance use eating disorders disorder hospitalization iop php dbt co-occurring mood
    anxiety trauma opioid methadone suboxone dual diagnosis""".split()
)
# A programme is named by its place or founder: what it treats names nothing.
# Ends that a service or a hospital's department shares: a name no dictionary holds must
# come before them
PROGRAMME = frozenset({"program", "programme", "laboratory", "psychiatric"})
ORG_PREPOSITIONS = frozenset({"at", "@", "for", "to", "from", "of", "thru", "via", "bib"})
# Ends a clinic shares with what it treats ("memory clinic", "lethal means counseling"): the
# words before them must name a place or a person ("blue ridge recovery center", "larned
# regional", "kiowa co ems")
CARE_PLACE_ENDS = frozenset(
    """clinic center centre ctr counseling counselling recovery behavioral medical regional
    village ems practice health services hosp""".split()
)
NATURE_WORDS = frozenset(
    """ridge hill hills valley creek river lake lakes pine pines oak oaks cedar maple prairie
    rose summit mountain mount bay harbor harbour brook spring springs meadow meadows grove
    forest woods rock stone crossroads gateway bridge willow birch aspen sunrise sunset
    desert canyon mesa bluff bluffs shore coast island delta""".split()
)
NOT_PLACE_WORDS = frozenset("mobile falls memory pain heart means elder".split())
PREP_ORG_ENDS = frozenset(
    "church daycare preschool academy usd isd deli diner cafe bakery hardware shelter "
    "pharmacy motel salon gym ranch garage manor pantry thrift carryout plant mission hostel "
    "library clubhouse dental".split()
) | frozenset(CARE_PLACE_ENDS)
# Words that say which one of its kind, not its name ("sent to preferred pharmacy")
PREP_ORG_KINDS = frozenset(
    "preferred usual regular retail mail order specialty compounding same nearest nearby "
    "other new old previous former current campus".split()
)
DEFINED_ACRONYM = screened(regex(r"[ \t]?\(([A-Z][A-Z&]{1,7})\)"))
ALONE_NO_END = frozenset(
    "plan home nursing aging team crisis residential connection response outreach life support "
    "supplement squad".split()
)
# Ends that name a practice or a school in a sentence ("Dunmore Family Medical", "Crestview
# HS") but head a line of capitals as what it is about ("DVLA MEDICAL ENQUIRY") or give a
# dose's hour there ("SENNA HS", "CLOZAPINE 400MG HS")
NO_CAPS_END = frozenset({"medical", "hs"})
# A programme by its hours or its people names nothing ("Evening IOP", "Adult IOP")
SERVICE_ENDS = frozenset({"iop", "php"})
SERVICE_WHO = frozenset(
    """evening morning afternoon weekend adult adults adolescent adolescents youth teen
    women's men's virtual telehealth""".split()
)


# Words no name is but a public body's after its lead ("Department of Social Development",
# "Ministry of Children and Family Development", "Department of Child Safety")
AFTER_LEAD_WORDS = frozenset({"social", "family", "safety"})
# A hospital's departments, and the specialties they are named by
DEPARTMENTS = frozenset({"department", "division", "section", "dept"})
DEPARTMENT_WORDS = frozenset(
    """medicine surgery psychiatry psychology neurology neuropsychology cardiology oncology
    rheumatology dermatology gastroenterology nephrology urology orthopedics orthopaedics
    endocrinology pulmonology pediatrics paediatrics radiology anesthesiology anaesthesia
    pathology obstetrics gynecology gynaecology geriatrics internal family emergency general
    palliative critical care and child adolescent adult behavioral mental health
    cardiovascular cardiothoracic thoracic vascular infectious disease diseases hematology
    hepatology transplant trauma neonatology neonatal perinatal maternal fetal sleep pain
    rehabilitation physical sports addiction consultation liaison nuclear interventional
    otolaryngology ophthalmology plastic reconstructive colorectal hospital allergy
    immunology genetics nutrition""".split()
)


@trait  # (mypyc compiles a class of several bases only from traits: people.Finder)
class OrganisationRules(FinderBase):
    # --- organisations and professions ---------------------------------------------------------
    def organisations(self) -> None:
        tokens = self.tokens
        n = len(tokens)
        leads = ORG_LEAD.by_last  # (a look-up first: most words end no lead at all)
        for i, tok in enumerate(tokens):
            lead = ORG_LEAD.ends_at(tokens, i) if tok.lower in leads else None
            if lead is not None and tokens[lead].cap and i + 1 < n:
                j = i + 1
                if tokens[j].lower == "the" and j + 1 < n:
                    j += 1
                last = self._cap_run_end(j, 4, led=True)
                while last + 2 < n and tokens[last + 1].lower in ("and", "&") and not tok.caps_line:
                    more = self._cap_run_end(
                        last + 2, 3, led=True
                    )  # "Center for Women and Families"
                    if more < last + 2 or not self.adjacent_words(last, last + 2):
                        break
                    last = more
                # (never a hospital's department by its specialty: "Department of Neurology")
                specialty = tokens[lead].lower in DEPARTMENTS and all(
                    t.lower in DEPARTMENT_WORDS for t in tokens[j : last + 1]
                )
                if last >= j and not specialty:
                    self.add(tokens[lead].start, tokens[last].end, Kind.ORGANIZATION)
            if not tok.cap:
                continue
            options = ORG_LAST.get(tok.lower)
            if options is not None and (tok.text[1:].islower() or tok.text.isupper()):
                self._org_ending(i, options)
            if (tok.lower in EMPLOYERS or tok.lower in PLATFORMS) and (
                not tok.sentence_start or (i > 0 and ":" in self.gap(tokens[i - 1], tok))
            ):
                self.add(
                    tok.start,
                    tok.end + (2 if self.text[tok.end : tok.end + 2] in ("'s", "\u2019s") else 0),
                    Kind.ORGANIZATION,
                )
        self._employers()
        self._lower_brands()
        labelled = ":" in self.text and any_in(LABELLED_ORG_HINTS, self.text)
        for m in EMPLOYER_LOWER.finditer(self.text) if labelled else ():
            self.add(*m.span(1), Kind.ORGANIZATION)
        for m in LABELLED_ORG.finditer(self.text) if labelled else ():
            words = [w.lower() for w in m.group(1).split()]
            people = any(  # "Team: Calvin Rhee, LPC": the team's people, found already
                p.kind in (Kind.NAME, Kind.STAFF) and p.start < m.end(1) and m.start(1) < p.end
                for p in self.spans
            )
            if not people and any(
                w not in SERVICE_WORDS and w not in CLINICAL and len(w) > 2 for w in words
            ):
                self.add(*m.span(1), Kind.ORGANIZATION)
        for m in AGENCY_ALWAYS.finditer(self.text) if any_in(AGENCY_LETTERS, self.text) else ():
            self.add(*m.span(), Kind.ORGANIZATION)
        for m in COURT_OF.finditer(self.text) if "Court of" in self.text else ():
            self.add(*m.span(), Kind.ORGANIZATION)
        for m in COURT_OF_CAPS.finditer(self.text) if "COURT OF" in self.text else ():
            self.add(*m.span(), Kind.ORGANIZATION)
        self._at_organisations()
        self._caps_at_organisations()
        self._acronyms()
        self._lower_case_organisations()
        self._lower_case_places_of()

    def _letterhead(self, start: int, end: int) -> bool:
        """The words fill their line, or open it before their town and state or a field of a
        signature, as a letterhead gives them ("Tidewater Community Hospital, Norfolk, VA")."""
        if self._whole_line(start, end):
            return True
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.text[line_start:start].strip():
            return False
        if TOWN_STATE_AFTER.match(self.text, end):
            return True
        # (a plan's table opens its rows with instructions: "Continue Group | daily")
        first = self.text[start:end].split(maxsplit=1)[0].lower()
        return first not in IMPERATIVES and FIELD_AFTER.match(self.text, end) is not None

    def _named_word(self, lw: str) -> bool:
        """A word no dictionary of English holds, nor any of its hyphened parts: a name."""
        lex = self.lex
        if len(lw) < 3 or lw in lex.common or lw in lex.modern:
            return False
        return not all(len(part) < 3 or part in lex.common for part in lw.split("-"))

    def _lower_case_organisations(self) -> None:
        """A hurried note's organisations in lower case: a word no dictionary holds (or a
        town's name that is no English word), then up
        to three words ending in a strong organisation word ("brightwater logistics",
        "thornfield university", "westlake jr high", "halloway county circuit court")."""
        text = self.text
        for m in LOWER_CHURCH.finditer(text) if any_in(DENOMINATIONS, text) else ():
            self.add(*m.span(), Kind.ORGANIZATION)
        for m in LOWER_SAINT.finditer(text) if "st" in text else ():
            self.add(*m.span(1), Kind.ORGANIZATION)
        for m in LOWER_NAMED_WARD.finditer(text) if any_in(WARD_HINTS, text) else ():
            self.add(*m.span(1), Kind.ORGANIZATION)
        tokens = self.tokens
        for j, tok in enumerate(tokens):
            if tok.lower not in LOWER_ORG_ENDS or not tok.text.islower():
                continue
            for k in range(j - 1, max(-1, j - 5), -1):
                word = tokens[k]
                if not word.text.islower() or not self.adjacent(word, tokens[k + 1]):
                    break
                if word.lower in FUNCTION_WORDS:
                    break
                lw = word.lower
                named = self.unknown(lw) or (lw in self.lex.places and lw not in self.lex.common)
                if tok.lower in CARE_ENDS:  # ("perinatal clinic", "adol clinic": what they treat)
                    named = named and len(lw) > 4 and lw not in self.lex.modern
                if named and not self.drug_like(word):
                    self.add(word.start, tok.end, Kind.ORGANIZATION)
                    break

    def _defined_acronyms(self) -> None:
        """Letters in brackets after an organisation, made of its capitals in order, are its
        short name ("Harmon Valley Behavioral Health (HVBH)")."""
        for span in [s for s in self.spans if s.kind == Kind.ORGANIZATION]:
            m = DEFINED_ACRONYM.match(self.text, span.end)
            if m is None:
                continue
            capitals = iter(c for c in self.text[span.start : span.end] if c.isupper())
            letters = m.group(1).replace("&", "")
            if letters[0] == self.text[span.start] and all(c in capitals for c in letters):
                self.add(*m.span(1), Kind.ORGANIZATION)

    def _lower_case_places_of(self) -> None:
        """In a hurried note, the lower-case place someone works, studies or worships at,
        after "at", "@", "for", "to", "from" or "of": words of its own, then its kind ("for
        pine valley usd", "@ market basket deli"); never "at the local church", whose words
        say only what it is. (Not clinics: "refer to memory clinic" names what it treats.)"""
        tokens = self.tokens
        for j, tok in enumerate(tokens):
            if tok.lower not in PREP_ORG_ENDS or not tok.text.islower():
                continue
            first, k = j, j - 1
            while k >= 0 and j - k <= 4:
                word = tokens[k]
                if not word.text.islower() or not self.adjacent(word, tokens[k + 1]):
                    break
                if word.lower in ORG_PREPOSITIONS or word.lower in FUNCTION_WORDS:
                    break
                first, k = k, k - 1
            if first == j or k < 0:
                continue
            while first < j and tokens[first].lower in PREP_ORG_KINDS:
                first += 1  # "at the old tennessee valley hosiery plant": which one, not its name
            # "got a bed at the salvos hostel"; "to the perinatal ctr" names what it treats
            the = tokens[k].lower == "the" and k > 0 and self.adjacent(tokens[k - 1], tokens[k])
            if the:
                k -= 1
            at_sign = self.gap(tokens[k], tokens[k + 1]).strip() == "@"
            if not at_sign and tokens[k].lower not in ORG_PREPOSITIONS:
                continue
            own = [t for t in tokens[first:j] if self._own_word(t)]
            if own and (
                tok.lower not in CARE_PLACE_ENDS
                or any(self._placeish(t, known_only=the) for t in own)
            ):
                self.add(tokens[first].start, tok.end, Kind.ORGANIZATION)

    def _own_word(self, t: Token) -> bool:
        """A word of a place's own name, not what it is or which one."""
        lw = t.lower
        return (
            lw not in GENERIC_ORG
            and lw not in CLINICAL
            and lw not in PREP_ORG_ENDS
            and lw not in PREP_ORG_KINDS
            and len(t.text) > 2
            and not self.drug_like(t)
        )

    def _placeish(self, token: Token, *, known_only: bool = False) -> bool:
        """A word that could name a place or a person, as a clinic's own name does."""
        lw = token.lower
        if lw in NOT_PLACE_WORDS:
            return False
        lex = self.lex
        return (
            lw in NATURE_WORDS
            or lw in lex.places
            or lw in lex.place_heads
            or lex.last.get(lw, 10**6) < 5000
            or (not known_only and self.unknown(lw))  # a name of its own making ("riverbend")
        )

    def recurring_acronyms(self) -> None:
        """Letters found naming an organisation name it wherever else they stand ("FIH")."""
        if "(" in self.text:
            self._defined_acronyms()
        found = {
            self.text[s.start : s.end]
            for s in self.spans
            if s.kind == Kind.ORGANIZATION and s.end - s.start >= 3
        }
        letters = {f for f in found if f.isupper() and f.isalpha() and f not in ORG_ACRONYMS}
        if not letters:
            return
        for tok in self.tokens:
            if tok.text in letters:
                self.add(tok.start, tok.end, Kind.ORGANIZATION)

    def named_organisations(self) -> None:
        """Saints' names (St. Jude's) and the brands and health systems listed by name."""
        saints = any(w in self.text for w in ("St", "ST", "Saint", "SAINT"))
        for m in SAINT.finditer(self.text) if saints else ():
            before = re.search(r"([A-Za-z]+)[ \t]+$", self.text[max(0, m.start() - 30) : m.start()])
            if m.group().startswith("St") and before and before.group(1)[0].isupper():
                if not _sentence_start(self.text, m.start() - len(before.group(0))):
                    continue  # "Elm St. Mary" is a street, then a name
            self.add(m.start(), m.end(), Kind.ORGANIZATION)
        # "Our Lady of Sorrows", "the Back to Basics AA group"
        meetings = any(
            w in self.text for w in ("Our Lady", "AA ", "NA ", "CA ", "Al-Anon", "SMART ")
        )
        for m in MEETING.finditer(self.text) if meetings else ():
            group = 1 if m.group(1) else 2
            self.add(
                m.start(group), m.start(group) + len(m.group(group).rstrip()), Kind.ORGANIZATION
            )
        for m in MILITARY_UNIT.finditer(self.text) if MILITARY_HINT.search(self.text) else ():
            self.add(m.start(), m.end(), Kind.ORGANIZATION)  # "2nd Battalion, 23rd Infantry"
        for m in POLICE_LETTERS.finditer(self.text) if "PD" in self.text else ():
            self.add(m.start(), m.end(), Kind.ORGANIZATION)  # "brought by IMPD"
        # "IBEW Local 103", "Carpenters Local 33"
        for m in UNION_LOCAL.finditer(self.text) if "Local " in self.text else ():
            self.add(m.start(), m.end(), Kind.ORGANIZATION)
        for m in COMPANY.finditer(self.text) if any_in(COMPANY_HINTS, self.text) else ():
            self.add(m.start(1), m.end(), Kind.ORGANIZATION)
        insurers = [*INSURER.finditer(self.text)] if any_in(INSURER_LABELS, self.text) else []
        if any_in(INSURANCE_HINTS, self.text):
            insurers += INSURER_SHORT.finditer(self.text)
        for m in insurers:
            insurer = PLAN_KIND.sub("", m.group(1).rstrip("."))
            programme = insurer.split()[0].lower() in NOT_INSURERS  # ("Medicare A/B")
            if not programme:
                self.add(m.start(1), m.start(1) + len(insurer), Kind.ORGANIZATION)
        for m in BRANDS.finditer(self.text) if not self.words.isdisjoint(BRAND_STARTS) else ():
            self.add(m.start(), m.end(), Kind.ORGANIZATION)
        capitals = not self.words.isdisjoint(BRAND_HEADS)
        for m in BRANDS_CAPS.finditer(self.text) if capitals else ():
            self.add(m.start(), m.end(), Kind.ORGANIZATION)  # "WORKING AT HOME DEPOT"

    def _org_caps_word(self, tok: Token, *, places: bool = True) -> bool:
        """A word in capitals that may stand in an organisation's name: a name's own word, a
        surname, a town's ("LAKELAND BEHAVIORAL SERVICES"), but no clinical word."""
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
            or (places and lw in self.lex.places)
        ) and lw not in CLINICAL

    def adjacent_words(self, a: int, b: int) -> bool:
        """Tokens a and b with only single spaces and the words between them."""
        return all(
            self.gap(self.tokens[k], self.tokens[k + 1]) in (" ", " & ") for k in range(a, b)
        )

    def _person(self, run: list[Token]) -> bool:
        """Two or three words that read as a person's name: a given name the census lists
        first, and no word of an organisation's name."""
        return (
            2 <= len(run) <= 3
            and run[0].lower in self.lex.first
            and not any(t.lower in GENERIC_ORG or t.lower in ORG_LAST for t in run)
        )

    def _cap_run_end(self, j: int, limit: int, *, led: bool = False) -> int:
        """The last of up to limit capitalised words from j (led: after a lead such as
        "Department of", where "Social" or "Family" is part of the name)."""
        tokens = self.tokens
        last = j - 1
        while j < len(tokens) and j - last <= 1 and limit > 0:
            tok = tokens[j]
            named = led and tok.lower in AFTER_LEAD_WORDS
            if not tok.cap or (tok.lower in NOT_ORG_WORDS and not named):
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
        if tokens[i].lower in NO_CAPS_END and tokens[i].caps_line:
            return
        if k < 0 and tokens[i].lower in ALONE_NO_END:
            # "Plan" ends "Health Plan", not "Safety Plan"; "Home" ends "Nursing Home";
            # "Nursing" ends "Skilled Nursing", not "Certified Nursing Assistant"; "Team"
            # ends "Mobile Crisis Team", not "Treatment Team"
            return
        k = max(k, i) if k < 0 else k
        first = k
        j = k - 1
        words = 0
        joined = False
        while j >= 0 and words < 5:
            tok = tokens[j]
            gap = self.gap(tok, tokens[j + 1])
            plural = gap in ("' ", "\u2019 ") and tokens[i].lower == "court"  # "Magistrates' Court"
            if (
                gap not in (" ", "-", " & ", "'s ", "\u2019s ", "'S ")
                and not plural
                and not (gap == ". " and (tok.lower in ("st", "mt", "bros") or len(tok.text) == 1))
            ):
                break
            caps_and = tok.caps_line and first == j + 1 and j > 0
            if tok.lower in ("and", "de", "la") and (not tok.cap or caps_and):
                j -= 1  # "Center for Women and Families", "BRIGHAM AND WOMEN'S HOSPITAL"
                joined = joined or caps_and
                continue
            if tok.lower in TITLES:
                break
            clinical = tok.lower in CLINICAL and tok.lower not in GENERIC_ORG
            if clinical and tok.text[1:].islower() and not tok.sentence_start and j < i:
                clinical = False  # "Axis Medical Center": a clinical word inside a name
            if not tok.cap or clinical:
                break
            if tok.lower == "our" and tok.text == "Our" and tokens[j + 1].lower in OUR_CHURCHES:
                first = j  # "Our Savior's Lutheran Church": the church's own name
                break
            if tok.caps_line != tokens[i].caps_line or tok.lower in FUNCTION_WORDS:
                break
            # (a town's word joined by AND is a list's: "BURN OF PALM AND VOLAR INDEX AND MIDDLE")
            if tok.caps_line and not self._org_caps_word(tok, places=not joined):
                if j != k - 1:
                    break
                j -= 1  # "FAIRVIEW INSTITUTIONAL HOSPITAL": one ordinary word before its end
                words += 1
                continue
            first = j
            if tok.lower in ("st", "saint", "mt", "mount"):
                break
            words += 1
            if tok.sentence_start:
                break
            j -= 1
        while first < k and tokens[first].lower in ("the", "a", "an", "our", "his", "her"):
            if tokens[first].text == "Our" and tokens[first + 1].lower in OUR_CHURCHES:
                break
            first += 1
        if first == k:
            return
        # (an instruction opens the sentence even when its verb is also a surname: "Call")
        imperative = tokens[first].sentence_start and tokens[first].lower in IMPERATIVES
        opening = (self._opening_word(tokens[first]) or imperative) and not self._letterhead(
            tokens[first].start, tokens[i].end
        )
        verb = tokens[first].lower.endswith(("ed", "ing")) or tokens[first].lower in REPORT_VERBS
        labelled = first > 0 and ":" in self.gap(tokens[first - 1], tokens[first])
        if labelled and not verb and tokens[first].lower not in IMPERATIVES:
            opening = False  # "Discharge plan: Team Wellness Center"
        # A line opening with a name's own word before generic ones ("Riverside Regional
        # Medical Center - ACE Unit"), never a verb or a clinical word ("Outside Hospital");
        # in capitals, one such word is enough ("GRANITE STATE HOSPITAL" heading a log).
        line_name = (
            opening
            and not verb
            and not imperative
            and (k - first >= 2 or tokens[first].caps_line)
            and (tokens[first].text[1:].islower() or tokens[first].caps_line)
            and self._line_opens_at(tokens[first].start)
            and tokens[first].lower not in GENERIC_ORG
            and tokens[first].lower not in CLINICAL
        )
        if (
            opening
            and not line_name
            and (
                verb
                or not any(
                    t.lower not in GENERIC_ORG and t.lower not in ORG_LAST and len(t.text) > 2
                    for t in tokens[first + 1 : k]
                )
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
        denomination = len(run) == 1 and (
            run[0].lower in DENOMINATIONS or run[0].lower == "memorial"
        )
        if not distinctive and denomination and tokens[i].lower in CARE_ENDS:
            distinctive = run  # "Methodist Hospital", "Baptist Memorial", "Memorial Health"
        if not distinctive:
            return
        if tokens[i].lower in PROGRAMME and not any(
            self._named_word(t.lower) or (t is run[0] and t.lower in self.lex.places) for t in run
        ):
            return  # "Opioid Treatment Program", "Clinical Laboratory"; "Bayview ... Program"
        if tokens[i].lower in SERVICE_ENDS and all(
            t.lower in SERVICE_WORDS or t.lower in SERVICE_WHO or t.lower in CLINICAL for t in run
        ):
            return
        if tokens[i].lower in SPECIALTIES_ENDING and all(t.text.isupper() for t in run):
            return  # "QMC Cardiology": the hospital's letters, then its department
        caps = tokens[i].caps_line
        if caps and all(
            (t.lower in self.lex.common or t.lower in CLINICAL)
            and t.lower not in self.lex.last
            and t.lower not in self.lex.first
            and t.lower not in self.lex.places
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
        if (
            not labelled
            and not line_name
            and all(
                t.sentence_start
                and t.lower in self.lex.common
                and t.lower not in self.lex.last
                and not self._letterhead(tokens[first].start, tokens[i].end)
                for t in distinctive
            )
        ):
            return  # "Continue Group" opens a sentence; it names nothing
        end = tokens[i].end
        tail = ORG_TAIL.match(self.text, end)
        if tail and not TREATMENT_TAIL.fullmatch(tail.group()):
            end = tail.end()  # "Center for Women", never "Therapy for DBT"
        self.add(tokens[first].start, end, Kind.ORGANIZATION)

    def _line_opens_at(self, start: int) -> bool:
        line_start = self.text.rfind("\n", 0, start) + 1
        return not self.text[line_start:start].strip(" \t-*\u2022")

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
            owned = self.text[tok.end : tok.end + 2] in ("'s", "\u2019s")
            if owned and lw not in RELATION.by_last and not MONTH_OR_DAY.fullmatch(tok.text):
                self.add(tok.start, tok.end + 2, Kind.ORGANIZATION)  # "at Friendly's", "at Shaw's"
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

    def _caps_at_organisations(self) -> None:
        """In a line of capitals, a place of work or care after "at", "with" or a word of
        employment, when a word of it is in no dictionary ("32 YRS AT CALCASIEU REFINING",
        "WITH ONTARIO NORTHLAND"); never "AT BEDSIDE" or "WITH FAMILY"."""
        tokens = self.tokens
        lex = self.lex
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.caps_line or not tok.text.isupper() or len(tok.text) < 3:
                continue
            lead = tokens[i - 1].lower
            if lead in ("with", "for"):  # "31 YRS WITH ...", "ROOFER FOR ...", not "WITH FAMILY"
                before = tokens[i - 2].lower if i > 1 else ""
                if before not in ("yrs", "years", "yr") and before not in lex.jobs:
                    continue
            elif lead not in ("at", "@") and EMPLOYMENT.ends_at(tokens, i - 1) is None:
                continue
            if self.gap(tokens[i - 1], tok) not in (" ", " @ ") or lead in ("the", "a"):
                continue
            last = i
            while last + 1 < len(tokens) and last - i < 3:
                nxt = tokens[last + 1]
                if not nxt.text.isupper() or self.gap(tokens[last], nxt) not in (" ", " & "):
                    break
                if nxt.lower in FUNCTION_WORDS or nxt.lower in CLINICAL:
                    break
                last += 1
            run = [t.lower for t in tokens[i : last + 1]]
            if " ".join(run) in lex.places or any(w in FUNCTION_WORDS for w in run):
                continue
            if run[0] in CLINICAL or run[0] in STATE_NAMES or run[0] in AT_NOT_ORG:
                continue  # ("AT BASELINE")
            named = any(self.unknown(w) and w not in CLINICAL for w in run)
            if named or (len(run) > 1 and run[0] in lex.places and run[0] not in lex.common):
                self.add(tok.start, tokens[last].end, Kind.ORGANIZATION)  # "WAYCROSS TIRE"

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
                if not self.text[tok.end : tok.end + 1].isdigit():  # ("CHA2DS2-VASc": a score)
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
            if word in STATE_CODES or word in CREDENTIAL_WORDS:
                continue
            closing = ACRONYM_CLOSING.match(self.text, tok.end) and ACRONYM_OPENING.search(
                self.text, max(0, tok.start - 3), tok.start
            )
            if closing and len(word) >= 3 and tok.lower not in NOT_NAMES:
                self.add(tok.start, tok.end, Kind.ORGANIZATION)  # "DISCHARGE SUMMARY - FIH"
                continue
            if (
                len(word) >= 3
                and tok.lower not in NOT_NAMES
                and SPECIALTY_BESIDE.match(self.text, tok.end)
            ):
                self.add(
                    tok.start, tok.end, Kind.ORGANIZATION
                )  # "LMH Cardiology", "MVMC CARDIOLOGY"
                continue
            if tok.caps_line:
                continue
            if tok.lower in NOT_NAMES or len(word) < 3:
                continue
            if i and self.gap(tokens[i - 1], tok) == " " and ACRONYM_LEAD.ends_at(tokens, i - 1):
                self.add(tok.start, tok.end, Kind.ORGANIZATION)
            elif CARE_UNIT_AFTER.match(self.text, tok.end):
                self.add(tok.start, tok.end, Kind.ORGANIZATION)  # "the FIH ED"
            elif SPECIALTY_BEFORE.search(self.text, max(0, tok.start - 20), tok.start):
                self.add(tok.start, tok.end, Kind.ORGANIZATION)  # "Nephrology, SBMC."

    def _lower_brands(self) -> None:
        """A chain, a shop or an app a hurried note writes in lower case after a word that
        places someone there ("at the walmart on Nob Hill", "on snapchat", "lates at asda",
        "behind the dollar general"); never a brand that is also a word ("target")."""
        if not any_in(BRAND_HINTS, self.text):
            return  # (a look-up first: most notes name no brand in lower case)
        tokens = self.tokens
        common, first = self.lex.common, self.lex.first  # (a brand that is a word or a name)
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.text.islower() or tokens[i - 1].lower not in BRAND_CUES:
                continue
            if tok.lower in BRANDS_LOWER and not (tok.lower in common or tok.lower in first):
                self.add(tok.start, tok.end, Kind.ORGANIZATION)
            elif i + 1 < len(tokens) and (tok.lower, tokens[i + 1].lower) in BRAND_PAIRS:
                if self.gap(tok, tokens[i + 1]) == " ":
                    self.add(tok.start, tokens[i + 1].end, Kind.ORGANIZATION)

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
            if STAFF.ends_at(tokens, i - 1) is not None and self._person(run):
                continue  # "seen by Ana Ruiz, MD": a clinician (the name rules take her)
            lex = self.lex
            if all(t.lower in lex.common and t.lower not in lex.last for t in run):
                continue  # "referred to Dialectical Behavior Therapy" names a treatment
            end = tokens[last].end
            if self.text[end : end + 2] in ("'s", "\u2019s") and last == i:
                end += 2
            self.add(tok.start, end, Kind.ORGANIZATION)
