"""Names: from their context (a title, a credential, a label, a relation, a verb of
reporting), from the census dictionaries, in lower case and in lists; ages said beside
them."""

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator

from mypy_extensions import trait

from alcove.deidentify.engine.allowlist import derived_safe
from alcove.deidentify.engine.compiled import regex, starting_with
from alcove.deidentify.engine.cues import (
    ACTED_AFTER,
    ADVERBS,
    AGE_BRACKET_AFTER,
    CAPS_AGE_SEX,
    CAPS_BEFORE_AGE_SEX,
    CLIENT_LABELS,
    CLOSING_AFTER_SENTENCE,
    CLOSING_INITIALS,
    CREDENTIAL_WORDS,
    CREDENTIALS_LOWER,
    CUE_LAST_WORDS,
    DOTTED,
    DOTTED_CREDENTIAL,
    DOTTED_HEADS,
    FUNCTION_WORDS,
    GAP_CUE,
    IMPERATIVES,
    LABELLED_INVERTED,
    LABELLED_PLAIN,
    LIST_GAP,
    LOWER_AGE_SEX_HINT,
    LOWER_LABELS,
    LOWER_NAME_INITIAL_AGE,
    LOWER_STOP,
    LOWER_TITLES,
    MEDICAL_SUFFIX,
    NOT_NAMES,
    NOT_TYPISTS,
    PATIENT_LABEL_BEFORE,
    PLACE_ANNOUNCED,
    PRONOUNS,
    RELATION,
    ROLE_AFTER,
    ROLE_INITIALS,
    ROLES,
    ROLL,
    ROLL_ASIDE,
    ROLL_END,
    ROLL_INITIALS,
    ROLL_ITEM,
    ROLL_NOT,
    SIGNATURE,
    SIGNED_BEFORE,
    SIGNED_INITIALS,
    SPEAKER_AFTER,
    STAFF,
    STATE_NAMES,
    STATE_ZIP_AFTER,
    STRONG_LABEL,
    STRONG_PLACE_CUE,
    SUBJECT_VERBS,
    TITLED_SURNAMES,
    TYPIST,
    TYPIST_AUTHOR,
    TYPIST_CAPS,
    WEAK_CREDENTIALS,
    WEAK_LABEL,
    ZIP_AFTER,
    age_after_name,
    credential_word,
)
from alcove.deidentify.engine.finder import TWO_LETTER_SURNAMES, FinderBase
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.tokens import (
    Token,
)
from alcove.deidentify.engine.vocabulary import (
    CLINICAL,
    NAME_FIRST,
    NOT_ORG_ACRONYMS,
    ORG_ACRONYMS,
    PARTICLES,
    REPORT_VERBS,
    SHORTHAND,
    STAFF_TITLES,
    STATE_CODES,
    TITLES,
)

# Two or three letters, then the two or three words they are the initials of, in brackets
# (perhaps with more after a comma: "jm (jonah mcallister, 34yo)")
EXPLAINED_INITIALS = regex(
    r"(?<![\w.])((?:[A-Za-z]\.){2,3}|[A-Za-z]{2,3})[ \t]*"
    r"\((\w[\w'-]*(?:[ \t]+\w[\w'-]*){1,2})(?:,[^()\n]{0,30})?\)"
)
# (the credentials of a hurried note's signature, in lower case)
LOWER_CREDENTIALS = (
    r"md|do|np|fnp|pa|pa-c|rn|lpn|lmsw|lcsw|lpc|lpcc|msw|lmft|mft|psyd|phd|pgy-?\d|ms[34]"
    r"|r[1-3]|\(r[1-3]\)|cprs|lsw|rpn|rmn|rgn|cmhn|cpn|cnm[12]?|hca"
)
LOWER_SIGNATURE = screened(
    regex(
        r"(?:^|/)[ \t]*-{0,2}[ \t]*((?:[a-z]\.?[ \t]?)?[a-z][a-z'-]{1,20}|[a-z]{2,3})"
        rf",?[ \t]+(?:{LOWER_CREDENTIALS})(?=[ \t]*(?:$|[,/(]|x\d))",
        re.M,
    )
)
# An initial with its stop, a lower-case surname and a credential, wherever it stands: the
# shape alone is a signature ("- j. santos rn  0645", "visit 1340-1450. m. kettering rn cm",
# "-k. marsh ma, sch counselor", "t. ramirez-holm, lcpc   2/2")
LOWER_INITIAL_SURNAME_CREDENTIAL = regex(
    r"(?<![\w.])([a-z]\.[ \t]?([a-z][a-z'-]{2,20})),?[ \t]+"
    rf"(?:{LOWER_CREDENTIALS}|lcpc|lmhc|ma|rmn|cm|sw)\b(?![\w-])"
)
NOT_SIGNERS = frozenset("pt cl dr per seen by to and the with w cm sw f u d c".split())
CAPS_INITIAL_SURNAME_CREDENTIAL = screened(
    starting_with(
        "[A-Z]",
        r"\b([A-Z]\.[ \t]?[A-Z][A-Z'-]{2,20}),?[ \t]+"
        r"(?:RMN|RN|RGN|LPN|EMT(?:-[BPI])?|NRP|LPCC(?:-S)?|LCSW|LMSW|MD|DO|NP|PA-C|APRN|PMHNP)\b",
    )
)
UNITS_BEFORE_RN = frozenset("ED ER OR ICU CCU PCU MED SNF ALF PACU NICU PICU OB".split())
HANDOFF_INITIALS = regex(r"\b(?:BY|TO|FROM)[ \t]+([A-Z]{2,3})[ \t]+RN\b")
# A lower-case initial with its stop, then a letter ("j.d.", "r. santangelo"): what
# LOWER_DOTTED and LOWER_INITIAL_SURNAME_CREDENTIAL cannot match without. Led by the stop, it
# is found many times faster than either (most notes have none).
LOWER_INITIAL_HINT = screened(regex(r"\.(?<=[a-z]\.)(?<![\w.][a-z]\.)[ \t]?[a-z]"))
LOWER_DOTTED = regex(r"(?<![\w.])(?:[a-z]\.){2,3}(?![\w.])")
NOT_INITIALS = frozenset(
    """e.g. i.e. a.m. p.m. p.o. q.d. q.h. b.i.d. t.i.d. q.i.d. p.r.n. n.p.o. o.d. o.s. o.u.
    a.c. p.c. h.s. s.c. i.v. i.m. p.r. s.l. u.s. d.c. n.b. c.f. b.m. r.n. m.d. d.o. p.a. n.p.
    o.t. p.t. s.w. a.a. n.a. h.o. f.u. r.o. w.c. e.d. e.r. c.o. s.p. v.s. w.o. u.k. a.d.""".split()
)
INITIALS_CUE_BEFORE = regex(
    r"(?:\b(?:pt|cl|client|patient|member|when|with|w/|re|per|for|and|\d{1,2}[mf])|^-|\n-)[ \t]*$"
)
INITIALS_CUE_AFTER = regex(
    r"[ \t]*(?::|,|\(|'s\b|\u2019s\b|[ \t](?:cancel|report|state|said|was|is|has|did|no-show)\w*)"
)
# (looked for only where a bracket opens: a few places a note, not every word)
INITIALS_BEFORE = regex(r"(?<![\w.])(?:(?:[A-Za-z]\.){2,3}|[A-Za-z]{2,3})[ \t]*$")

MODALS = frozenset("will shall may must should would can could".split())
# Words before "miss" the verb ("to miss class", "will miss work")
MISSING_BEFORE = MODALS | frozenset("to not might did didn't won't don't often also".split())
# An ICD-10 or DSM code closing the text before a word ("F32.1 ", "296.32 - "): the words a
# diagnosis's code comes before are the diagnosis
DIAGNOSIS_CODE_BEFORE = regex(
    r"(?<![\w.])(?:F\d{2}(?:\.\d{1,4})?|[A-TV-Z]\d{2}\.\d{1,4}|\d{3}\.\d{1,2})[ \t]*[-:]?[ \t]*\Z"
)


# A log entry's writer after its date and time, or a line signed with initials, date and time
LOGGED = screened(
    regex(
        r"(?m)^[ \t]*(?:(?i:mon|tue|tues|wed|thu|thurs|fri|sat|sun)[ \t]+)?"
        r"\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+\d{1,2}:\d{2}[ \t]*(?:[ap]m?)?[ \t]+"
        # (a login, or initials, and the writer's role: "09:14 tmcgrath (front desk):", "16:50 LA:")
        r"([a-z]{2,12}|[A-Z]{2,3})(?:[ \t]+\([a-z][a-z /-]{1,20}\))?:"
        r"|^[ \t]*([A-Z]{2,3})[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?[ \t]+\d{1,2}:\d{2}[ \t]*$"
        # a chat's speaker after its bracketed time: "[0712] dr.chao:", "[21:17] kmoss:"
        r"|^[ \t]*\[\d{1,2}:?\d{2}\][ \t]+((?:[a-z]{1,3}\.)?[a-z]{2,12}(?:\.[a-z])?):"
        # a login after a bare clock time: "22:15  jroanhorse: on call" (words are left)
        r"|^[ \t]*\d{1,2}:\d{2}(?:[ap]m?)?[ \t]+([a-z]{4,12}):"
    )
)
# Letters that say what a log's entry is or who wrote it by role, never whom: "11:40 VM:",
# "14:00 FYI:", "10:02 SW:" (credentials, "RN:", are CREDENTIAL_WORDS)
ROLE_LETTERS = frozenset(
    """SW CM VM ED ER HR IT AM PM TX DX HX RE FW CC OT PT ST RT MHT PCA PCT FYI NB PS MSG TEL
    CPS DCF DSS PO PCP CSW CSR LVN UA BP RR""".split()
)
# The two who made a timed check, by their initials: "16:30 CH/LD - pacing", "20:30 KO/PM -"
TIMED_PAIR_HINT = regex(r"/(?<=[A-Z]{2}/)[A-Z]{2,3}[ \t]*[-\u2013:]")  # (led by the slash)
TIMED_PAIR = starting_with(
    r"\d",
    r"(?<![\w/:])(?:[01]?\d|2[0-3]):?[0-5]\d[ \t]+([A-Z]{2,3})/([A-Z]{2,3})(?=[ \t]*[-\u2013:])",
)
# Who speaks in a text thread or a log without being named: "4/02 8:12am worker: hi"
LOG_SPEAKERS = frozenset(
    "client worker youth patient pt staff me caller nurse note unit ward team parent carer "
    "to from in out re auto pm am visitor texter counsellor counselor volunteer operator "
    "user".split()
)
GREETED = regex(
    r"(?m)^[ \t]*Dear[ \t]+(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Judge|Rev|Pastor)\.?[ \t]+)?"
    r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*[,:]"
)
# Whom a letter may greet without a name
GREETINGS = frozenset(
    """colleague colleagues sir madam sirs doctor doctors parent parents team friend friends
    provider providers family families member members patient client all everyone
    whom teacher teachers principal counselor counsellor judge employer landlord coach
    caregiver caregivers hiring admissions committee supervisor manager officer physician
    physicians referrer referrers gp gps clinician clinicians practitioner practitioners
    consultant registrar therapist psychiatrist psychologist nurse pharmacist dentist
    worker""".split()
)
# "dr. kessler", "dr p. hennessey": the title in lower case, then an initial or not, then a
# surname; never a street's "elm dr." (a word before it) nor "dr. appt"
LOWER_DOCTOR = regex(
    r"(?m)(?:^|[(,;:/-]|\b(?:w/|with|per|by|to|from|saw|see|seen|call|called|cc|and|ask|"
    r"asked|via|pcp|psych|md|np))[ \t]*dr\.?[ \t]+([a-z]\.[ \t]*)?([a-z][a-z'-]{2,})\b"
)


# Initials after the word for co-signing or keeping the minutes (not "signed": "signed IEP")
COSIGNED = screened(
    regex(
        r"(?=[CcMmSsNnRr])\b(?:[Cc]o-?sign(?:ed)?|[Cc]osign(?:ed)?|[Mm]inutes|[Ss]cribe|"
        r"[Nn]otes|[Rr]ecorder)[ \t]*:?[ \t]+(?:by[ \t]+)?([A-Z]{2,3}|[a-z]{2,3})\b"
        r"(?![ \t]*[a-z]|[.'\u2019-]\w)"
    )
)
COSIGN_WORDS = hint(("sign", "inutes", "cribe", "otes", "ecorder"))
DOCTOR_HINTS = hint(("dr. ", "dr "))


HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
# Words a staff member's name follows that the staff cues leave out: "attn k. sato"
SIGNING_WORDS = frozenset({"attn", "signed", "mgr", "by", "w/"})


# Every word a credential after a name opens with: the credential pass's quick test
CREDENTIAL_LEADS = CREDENTIAL_WORDS | WEAK_CREDENTIALS | DOTTED_HEADS
# Degrees and short credentials before a credential ("Dana Whitfield, MA, LPC"): the weak
# ones spell a state or a clinical abbreviation too, so they are no CREDENTIAL_WORDS
DEGREES = WEAK_CREDENTIALS | frozenset({"BA", "BS", "MEd", "MSc", "BSc", "MFA", "MBA", "MPH"})


# Staff labels that, before a title other than a doctor's, name who is no staff member
TITLED_NOT_STAFF = frozenset({"cc", "resident", "judge", "magistrate"})


@trait  # (mypyc compiles a class of several bases only from traits: people.Finder)
class NameRules(FinderBase):
    def _titled_surname(self, lw: str) -> bool:
        """A surname that is also a sign, a people's or shorthand, after a title: "Dr. Weiss",
        "Mr. Min", "Dr. Ip", "Ms. Fu" (the census lists shorthand's "min", "ip", "fu" too)."""
        return lw in TITLED_SURNAMES or (lw in SHORTHAND and lw in self.lex.last)

    def _staff_label_before(self, j: int) -> bool:
        """A staff label and its colon before the title at j: "Supervisor: Ms Grace Teo" (not
        a copy's, a care home's resident's or a judge's: "cc: Mr Alfred Penhallow (patient)")."""
        if j < 1 or ":" not in (gap := self.gap(self.tokens[j - 1], self.tokens[j])):
            return False
        if self.tokens[j - 1].lower in TITLED_NOT_STAFF:
            return False
        return GAP_CUE.fullmatch(gap) is not None and STAFF.ends_at(self.tokens, j - 1) is not None

    def cued(self) -> None:
        tokens = self.tokens
        for i in range(1, len(tokens)):
            tok = tokens[i]
            if not tok.cap and (tok.lower not in PARTICLES or self._after_particles(i) == i):
                continue
            j = i - 1
            gap = self.gap(tokens[j], tok)
            titled = tokens[j].lower in TITLES and gap in (". ", " ", ".  ", "  ")
            if titled and not self._sentence_ended(j, gap):
                relation_word = tokens[j].lower in {"sister", "father", "nurse", "pastor"}
                if relation_word and tok.caps_line and tok.lower in REPORT_VERBS:
                    continue  # "FATHER DIED OF MI": what the relative did
                if not (relation_word and not tokens[j].cap):  # "his sister Dana": below
                    last = self.run_from(i)
                    if last < 0 and tok.text[1:].islower() and self._titled_surname(tok.lower):
                        last = i  # "Dr. Weiss", "Dr. Black": a surname that is also a word
                    if last < 0 and len(tok.text) == 1 and tok.text.isupper():
                        if tokens[j].lower in HONORIFICS:
                            last = i  # "Mr. K", "Mrs. H": a name kept to its initial
                    if last >= 0:
                        staff = tokens[j].lower in STAFF_TITLES or self._staff_label_before(j)
                        self.add_run(i, last, Kind.STAFF if staff else Kind.NAME)
                    continue
            if tokens[j].lower not in CUE_LAST_WORDS:
                continue  # (most words follow no cue at all: a quick answer)
            if not GAP_CUE.fullmatch(gap):
                continue
            if "\n" in gap and ":" not in gap:
                continue
            if STAFF.ends_at(tokens, j) is not None:
                last = self.run_from(i, inverted=":" in gap)  # "Dictated By: BEEZLEY, CORA"
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
        self._explained_initials()
        self._lower_doctors()
        self._greeted()
        self._logged()
        self._labelled_patients()
        self._rolls()
        self._lower_names_with_initials()
        self._role_initials()
        self._lower_dotted_initials()
        self._signed_with_credentials()
        self._lower_initial_surnames()

    def _lower_initial_surnames(self) -> None:
        """In a hurried note, a person kept to an initial and a lower-case surname after the
        word for their role: "attn k. sato", "supervisor k. marsh", "case mgr j. tillman",
        "signed d. okonjo"; never "pt c. diff" or "see p. 4"."""
        tokens = self.tokens
        for i in range(1, len(tokens) - 1):
            tok, surname = tokens[i], tokens[i + 1]
            if len(tok.text) != 1 or not tok.text.islower() or self.gap(tok, surname) != ". ":
                continue
            if not surname.text.isalpha() or not surname.text.islower() or len(surname.text) < 3:
                continue
            kind = self._role_before(i - 1)
            if kind is None or not self._lower_surname(surname.lower):
                continue
            if self.gap(tokens[i - 1], tok) in (" ", ": ", " - "):
                self.add(tok.start, surname.end, kind)

    def _role_before(self, j: int) -> Kind | None:
        """STAFF after a staff member's role or a signature, NAME after a relation."""
        tokens = self.tokens
        if tokens[j].lower in SIGNING_WORDS or STAFF.ends_at(tokens, j) is not None:
            return Kind.STAFF
        return Kind.NAME if RELATION.ends_at(tokens, j) is not None else None

    def _lower_surname(self, lw: str) -> bool:
        if lw in CLINICAL or lw in FUNCTION_WORDS or lw in NOT_NAMES:
            return False
        return self.unknown(lw) or self.lex.last.get(lw, 10**6) < 20000

    def _signed_with_credentials(self) -> None:
        """A line signed by a name kept short, then a credential or a year of training: "r.
        santangelo md", "- k morrow fnp", "tk lmsw", "-rk pgy1", "sk ms3 / t. brandt md",
        "m. kettering rn cm",
        "J. ASHWORTH, RMN"; and initials before a nurse's credential in a handoff ("GIVEN BY
        KL RN TO MFO RN")."""
        text = self.text
        for m in LOWER_SIGNATURE.finditer(text):
            name = m.group(1)
            if name.lower() not in NOT_SIGNERS:
                self.add(*m.span(1), Kind.STAFF)
        initial = LOWER_INITIAL_HINT.search(text) is not None
        for m in LOWER_INITIAL_SURNAME_CREDENTIAL.finditer(text) if initial else ():
            first = m.group(2).split("-")[0]
            if first not in CLINICAL and first not in FUNCTION_WORDS and first not in NOT_NAMES:
                self.add(*m.span(1), Kind.STAFF)
        for m in CAPS_INITIAL_SURNAME_CREDENTIAL.finditer(text):
            self.add(*m.span(1), Kind.STAFF)
        for m in HANDOFF_INITIALS.finditer(text) if " RN" in text else ():
            if m.group(1) not in UNITS_BEFORE_RN:  # ("REPORT CALLED TO ED RN KAYLA BOUCHARD")
                self.add(*m.span(1), Kind.STAFF)

    def _lower_dotted_initials(self) -> None:
        """A person kept to lower-case initials with stops, where the words around say it is
        one: "pt j.d., ok to use initials", "relief when j.o. cancels", "- t.n.: skipped";
        never "e.g.", "p.o." or "a.m."."""
        text = self.text
        for m in LOWER_DOTTED.finditer(text) if LOWER_INITIAL_HINT.search(text) else ():
            if m.group().lower() in NOT_INITIALS:
                continue
            before = text[max(0, m.start() - 12) : m.start()]
            after = text[m.end() : m.end() + 12]
            if INITIALS_CUE_BEFORE.search(before) or INITIALS_CUE_AFTER.match(after):
                self.add(m.start(), m.end(), Kind.NAME)

    def _role_initials(self) -> None:
        text = self.text
        for m in ROLE_INITIALS.finditer(text) if ":" in text and any_in(ROLES, text) else ():
            for group in (1, 2):
                if m.group(group) and m.group(group) not in CREDENTIAL_WORDS:
                    self.add(*m.span(group), Kind.STAFF)

    def _lower_names_with_initials(self) -> None:
        """ "kenzie r 19f": a given name the census lists hold, its initial, age and sex."""
        hinted = LOWER_AGE_SEX_HINT.search(self.text) is not None
        for m in LOWER_NAME_INITIAL_AGE.finditer(self.text) if hinted else ():
            lw = m.group(1)
            if lw in self.lex.first and lw not in NOT_NAMES and lw not in FUNCTION_WORDS:
                self.add(m.start(1), m.end(2), Kind.NAME)
                self.ages.append(Span(*m.span(3), Kind.AGE))
                self.name_words.add(lw)

    def _rolls(self) -> None:
        """Who came to group and who did not, by initials or first name, up to the end of
        the list ("Present: KL, M.R., Faith, t.n. (new). Absent: Hope (sick)")."""
        text = self.text
        position = 0
        while ":" in text and (roll := ROLL.search(text, position)):
            offset = position = roll.start(1)
            # asides blanked, so a comma inside "(excused, work)" divides nothing
            body = ROLL_ASIDE.sub(lambda m: " " * len(m.group()), roll.group(1))
            for item in ROLL_ITEM.finditer(body):
                position = offset + item.end()
                end = ROLL_END.search(item.group(1))
                word = item.group(1)[: end.start() if end else None].rstrip()
                if not self._roll_name(word):
                    break
                start = offset + item.start(1)
                if DOTTED.fullmatch(word):  # each letter, as dotted initials are found
                    for k in range(start, start + len(word), 2):
                        self.add(k, k + 1, Kind.NAME)
                else:
                    self.add(start, start + len(word), Kind.NAME)
                if end:
                    position = start + end.end()
                    break

    def _roll_name(self, word: str) -> bool:
        lw = word.lower()
        if lw in FUNCTION_WORDS or lw in TITLES or lw in ROLL_NOT or lw in CLINICAL:
            return False
        lex = self.lex
        return bool(ROLL_INITIALS.fullmatch(word)) or (
            word[:1].isupper()
            and word[1:].islower()
            and word.replace("-", "").replace("'", "").isalpha()
            and lw not in RELATION.by_last
            and (lw in lex.first or lw in lex.last or self.unknown(lw))
        )

    def _labelled_patients(self) -> None:
        """The name that fills a patient's field, whatever its words ("PT: WASHINGTON,
        BEATRICE L", "Patient: Pa Nhia Vang"), and a handoff's patient in capitals before
        age and sex ("RM 11 \u2014 HARPER QUINTANILLA 11YO F")."""
        text = self.text
        colon = text.find(":")
        while colon >= 0:
            label = PATIENT_LABEL_BEFORE.search(text, max(0, colon - 16), colon)
            start = colon + 1
            colon = text.find(":", start)
            if label is None:
                continue
            while text[start : start + 1] in (" ", "\t"):
                start += 1
            m = LABELLED_INVERTED.match(text, start)
            if m is not None:
                given = self._given_names(m.group(2).split(), inverted=True)
                # "Offender: KELLY, Jarrah": a listed surname vouches for a given name no list
                # holds as one ("jarrah" is a tree)
                given = given or (
                    self._listed_surname(m.group(1))
                    and m.group(2)[0].isupper()
                    and m.group(2).lower().rstrip(".") not in CREDENTIALS_LOWER  # "Yau, MD"
                )
                if given and self._name_words(m.group(1)):
                    self.add(m.start(1), m.end(2), Kind.NAME)
                continue
            m = LABELLED_PLAIN.match(text, start)
            if m is not None:
                words = m.group(1).split()
                if self._given_names(words[:1]) and self._name_words(" ".join(words[1:])):
                    self.add(*m.span(1), Kind.NAME)
        for m in CAPS_BEFORE_AGE_SEX.finditer(text) if CAPS_AGE_SEX.search(text) else ():
            if self._name_words(m.group(1).replace('"', " ")):
                self.add(*m.span(1), Kind.NAME)

    def _listed_surname(self, run: str) -> bool:
        return all(w.lower() in self.lex.last for w in run.split())

    def _given_names(self, words: list[str], *, inverted: bool = False) -> bool:
        """Given names or initials ("Winifred Ada", "BEATRICE L", "j."): never words of a
        sentence ("doing well"). After a surname and its comma, a given name that is a word
        too is a name ("Smith, Will"). A double given name is one when both halves are
        ("ava-rose")."""
        return bool(words) and all(
            (len(w.rstrip(".")) == 1 and w[0].isalpha())
            or (w.lower() in self.lex.first and (inverted or w.lower() not in NOT_NAMES))
            or self.unknown(w.lower())
            or ("-" in w and all(p.lower() in self.lex.first for p in w.split("-")))
            for w in words
        )

    def _name_words(self, run: str) -> bool:
        """Words that may make a name: none a function word, a clinical term or a label."""
        words = [w.strip(",").lower() for w in run.split()]
        return (
            bool(words)
            and not any(
                w in FUNCTION_WORDS or w in CLINICAL or w in STRONG_LABEL.by_last or len(w) < 2
                for w in words[:-1]  # (the last may be a middle initial: "MCALLISTER, DONALD R")
            )
            and words[-1] not in FUNCTION_WORDS
            and words[-1] not in CLINICAL
        )

    def _logged(self) -> None:
        """Who wrote each entry of a phone or contact log: "2/12 9:20 rk: called back",
        "taken by front desk (shay)", a line signed "DM 1/31 12:40", and the pair who made a
        timed check ("16:30 CH/LD - pacing")."""
        if ":" not in self.text:
            return
        for m in TIMED_PAIR.finditer(self.text) if TIMED_PAIR_HINT.search(self.text) else ():
            for group in (1, 2):
                if m.group(group) not in CREDENTIAL_WORDS:
                    self.add(*m.span(group), Kind.STAFF)
        matches = list(LOGGED.finditer(self.text))
        # (after a bare clock time only a thread's speakers count: each writing twice, and a
        # word only between two of them, "7:02p faith:", never "12:00 lunch:", "23:00 check:")
        bare = Counter(m.group(4) for m in matches if m.group(4))
        speakers = sum(1 for count in bare.values() if count > 1)
        for m in matches:
            group = next(g for g in (1, 2, 3, 4) if m.group(g))
            who = m.group(group)
            low = who.lower()
            if group == 4 and (bare[who] < 2 or (self._ordinary(low) and speakers < 2)):
                continue
            if low in NOT_TYPISTS or low in LOG_SPEAKERS or RELATION.by_last.get(low):
                continue
            if who in ROLE_LETTERS or who in CREDENTIAL_WORDS:
                continue
            # a word, unless a census holds it as a name: "6/3 10:14 tay:", "10:20 jess:"
            if not self._ordinary(low) or low in self.lex.first or low in self.lex.last:
                self.add(*m.span(group), Kind.STAFF)

    def _greeted(self) -> None:
        """The name a letter greets, even when it is a word too: "Dear Corny,", "Dear Rose:"."""
        for m in GREETED.finditer(self.text) if "Dear" in self.text else ():
            # (a role, whatever words before it: "Dear Family Physician,", "Dear Referrer,";
            # never after a given name: "Dear Paul Nurse,")
            words = m.group(1).lower().split()
            role = words[-1] in GREETINGS and (len(words) == 1 or words[0] not in self.lex.first)
            if not role:
                self.add(*m.span(1), Kind.NAME)

    def _lower_doctors(self) -> None:
        """A doctor in a hurried note's lower case: "w/ dr. kessler-brandt", "dr. p. hennessey"
        (a surname that is an English word too is left: "dr. white" may be anything)."""
        if not any_in(DOCTOR_HINTS, self.text):
            return
        for m in LOWER_DOCTOR.finditer(self.text):
            if m.group(2) not in self.lex.common and m.group(2) not in NOT_NAMES:
                self.add(m.start(1) if m.group(1) else m.start(2), m.end(2), Kind.STAFF)

    def _explained_initials(self) -> None:
        """Initials and the name they stand for in brackets: "pt JW (jordan whitfield)",
        "bj (Bethany Jorgensen)". The letters must be the name's own first letters, and the
        words a given name and a surname no dictionary holds as a word."""
        text = self.text
        bracket = text.find("(")
        while bracket > 0:
            before = INITIALS_BEFORE.search(text, max(0, bracket - 5), bracket)
            m = EXPLAINED_INITIALS.match(text, before.start()) if before else None
            bracket = text.find("(", bracket + 1)
            if m is None:
                continue
            letters, words = m.group(1).lower().replace(".", ""), m.group(2).split()
            lex = self.lex
            named = words[-1].lower() not in lex.common and all(
                w.lower() in lex.first or w.lower() in lex.last for w in words[:-1]
            )  # never an acronym spelt out: "MDD (major depressive disorder)"
            given = lex.first.get(words[0].lower(), 100_000) <= 1500
            named = named or (given and words[-1].lower() in lex.last)  # "(ronnie wilkes)"
            if named and letters == "".join(w[0] for w in words).lower():
                self.add(*m.span(1), Kind.NAME)
                self.add(*m.span(2), Kind.NAME)

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

    def _credentials(self) -> None:
        tokens = self.tokens
        text = self.text
        for i in range(1, len(tokens)):
            tok = tokens[i]
            word = tok.text
            if word not in CREDENTIAL_LEADS and not ("-" in word and credential_word(word)):
                continue  # (one look-up for most words)
            dotted = word in DOTTED_HEADS and DOTTED_CREDENTIAL.match(text, tok.start) is not None
            if not credential_word(word) and word not in WEAK_CREDENTIALS and not dotted:
                continue
            gap = self.gap(tokens[i - 1], tok)
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
            if author is not None:  # "ef:tlw", "GA/rtm", "HT:mlw", "fq/ams"
                self._typists((author.span(1), m.span(1)))
        if ":" in text or "/" in text:
            for m in TYPIST_CAPS.finditer(text):
                self._typists((m.span(1), m.span(2)))  # "PAG:RST", "DK/OB"
        for m in self._line_ends(SIGNED_INITIALS):
            before = SIGNED_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if before is None:
                continue
            letters = m.group(1)
            lw = letters.lower()
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            labelled = before.group().lstrip().startswith(("TR", "Tr", "TS"))
            signed = "/" in before.group() and self._credentialed(line)
            if (labelled or signed) and lw not in NOT_TYPISTS:
                self.add(*m.span(1), Kind.STAFF)  # "TR: ph", "Catherine Moy, MD / cm"
                continue
            # After a sentence and a dash ("missed appt. -AR") capitals are someone's
            # initials even when they spell a state or a short word ("AR", "AL").
            dashed = letters.isupper() and before.group().lstrip()[:1] in tuple('.!?)"')
            if lw in NOT_TYPISTS or lw in LOWER_TITLES or (self._ordinary(lw) and not dashed):
                continue
            if letters.isupper() and (
                letters in NOT_ORG_ACRONYMS or (letters in STATE_CODES and not dashed)
            ):
                continue
            self.add(*m.span(1), Kind.STAFF)
        for m in COSIGNED.finditer(text) if any_in(COSIGN_WORDS, text) else ():
            letters = m.group(1)
            lw = letters.lower()
            if lw in NOT_TYPISTS or letters in CREDENTIAL_WORDS:
                continue
            # capitals are initials unless an acronym ("signed ROI"); lower case unless a word
            known = letters in NOT_ORG_ACRONYMS or letters in ORG_ACRONYMS
            if (letters.isupper() and known) or (letters.islower() and self._ordinary(lw)):
                continue
            self.add(*m.span(1), Kind.STAFF)  # "co-signed CB 11/14", "minutes: ST"
        closing = text.rstrip()
        line_start = closing.rfind("\n") + 1
        last_line = CLOSING_INITIALS.fullmatch(closing, line_start)
        if last_line and len(closing[:line_start].strip()) >= 40:
            letters = last_line.group(1)  # a closing "mk" (or "CJ", or "tg") under a note
            dashed = closing[line_start:].lstrip().startswith(("-", "\u2013", "\u2014"))
            paired = last_line.group(2) is not None  # "NH/JT" is two people, not a state
            if letters.lower() not in NOT_TYPISTS and (
                letters not in STATE_CODES or dashed or paired
            ):
                self.add(*last_line.span(1), Kind.STAFF)
                if last_line.group(2):
                    self.add(*last_line.span(2), Kind.STAFF)
        closed = CLOSING_AFTER_SENTENCE.search(closing)  # "... press 1). GL", "... 0161. d.osei"
        if closed and len(closing) >= 60 and closed.group(1).lower() not in NOT_TYPISTS:
            if closed.group(1) not in STATE_CODES and closed.group(1) not in CREDENTIAL_WORDS:
                self.add(*closed.span(1), Kind.STAFF)

    @staticmethod
    def _credentialed(line: str) -> bool:
        """The line holds a credential: a signature's line ("Catherine Moy, MD / cm")."""
        return DOTTED_CREDENTIAL.search(line) is not None or any(
            credential_word(word.strip(",.;")) for word in line.split()
        )

    def _typists(self, parts: tuple[tuple[int, int], tuple[int, int]]) -> None:
        """An author's and a typist's initials: both, when either is no word of its own."""
        text = self.text
        initials = [not self._ordinary(text[a:b].lower()) for a, b in parts]
        for (start, end), own in zip(parts, initials, strict=True):
            if own or (any(initials) and text[start:end].lower() not in NOT_TYPISTS):
                self.add(start, end, Kind.STAFF)

    def _ordinary(self, lw: str) -> bool:
        """An English word, a clinical term or a pronoun: no one's initials by itself."""
        return lw in self.lex.common or lw in NOT_NAMES or lw in PRONOUNS

    def _line_ends(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The pattern's matches in the last few characters of each line (a scan of the
        whole text for something that only ends lines would cost far more)."""
        text = self.text
        end = len(text)
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            m = pattern.search(text, max(start, end - 12), end)
            if m:
                yield m
            end = start - 1

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
        name-like words, past the degrees between ("Dana Whitfield, MA, LPC")."""
        tokens = self.tokens
        while (
            i > 1
            and (tokens[i - 1].text in DEGREES or tokens[i - 1].text in CREDENTIAL_WORDS)
            and self.gap(tokens[i - 1], tokens[i]).strip() == ","  # (never "RD RN": initials)
        ):
            i -= 1
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
        if i - first >= 2 and all(self._initial(t) for t in tokens[first:i]):
            self.add_run(first, i - 1, Kind.STAFF)  # "L.K. RN": initials sign too
            return
        while first < i - 1 and self._opening_word(tokens[first]):
            first += 1
        if tokens[first].lower in MODALS and first < i - 1:
            if tokens[first + 1].lower not in self.lex.last:
                return  # "WILL NOTIFY MD": a nurse's intention, not "Will Grant, MD"
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
            if self.contracted(tok):
                continue  # "'Don't mind'", "Won't": a verb, never "Don", "Won"
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
                and (len(lw) > 2 or lw in TWO_LETTER_SURNAMES)
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
                    # a word made of listed ones ("Premorbid", "Neurobehavioral"; but
                    # "Bayfront", two words run together, is as likely a name)
                    derived = (
                        tok.cap
                        and lw not in self.lex.last  # ("Moser", "Dejesus": census surnames)
                        and derived_safe(lw, self.lex, compounds=False)
                    )
                    opening_name = (
                        lw not in self.lex.modern
                        and not MEDICAL_SUFFIX.search(lw)
                        and not (len(lw) > 6 and lw.endswith("ed"))  # "Diuresed 6 L."
                        and not derived
                        and self.text[tok.end : tok.end + 1] not in (":", "-")
                    )
                    if not tok.sentence_start or reporting or surname_next or opening_name:
                        self._name_from(i)  # "Tomomi Nishiyama lives at ..."
                    elif derived and nxt is not None and self._name_after(tok, nxt):
                        self._name_from(i + 1)  # "Post-discharge Maren rang": the name after
                elif lw in self.lex.places and lw not in self.lex.common and lw not in NOT_NAMES:
                    # "Lysander Patel", "Leopold threatened": a town's name, used as a person's
                    if reporting or (nxt is not None and nxt.cap and self._surname(nxt)):
                        self._name_from(i)

    def _sentence_ended(self, j: int, gap: str) -> bool:
        """Whether the title at j ends a sentence rather than opens a name: one written out in
        lower case before a stop ("the probation officer. Reviewed plan"; but "the detective.
        Rivers said", a surname by its verb), or multiple sclerosis in a line not in
        capitals ("Hx MS. Lives alone")."""
        title = self.tokens[j]
        if title.text == "MS" and not title.caps_line:
            return True
        if gap[:1] != "." or not title.text.islower() or len(title.text) <= 4:
            return False
        return not (j + 2 < len(self.tokens) and self.tokens[j + 2].lower in REPORT_VERBS)

    def _name_after(self, tok: Token, nxt: Token) -> bool:
        """A name in title case right after the word ("Post-discharge Maren"), never letters
        or an ordinary word ("Hypertensive CAD", "Bilateral Effusions")."""
        if self.gap(tok, nxt) != " " or not nxt.cap or not nxt.text[1:].islower():
            return False
        lw = nxt.lower
        if lw in self.lex.first or lw in self.lex.last:
            return True
        return lw not in self.lex.common and lw not in NOT_NAMES and lw not in self.lex.places

    def _surname(self, tok: Token) -> bool:
        lw = tok.lower
        if lw in NOT_NAMES:
            return False
        return lw in self.lex.last or (lw not in self.lex.common and len(lw) > 2)

    def _name_from(self, i: int) -> None:
        tokens = self.tokens
        if DIAGNOSIS_CODE_BEFORE.search(self.text, max(0, tokens[i].start - 12), tokens[i].start):
            return  # "F32.1 Major depressive disorder": a diagnosis's words follow its code
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
            if self.next_column(self.gap(tokens[j - 1], tok), tok):
                break
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
        words = {
            w
            for w in self.name_words
            if w not in NOT_NAMES and (len(w) > 2 or w in TWO_LETTER_SURNAMES)
        }
        if not words:
            return
        common = self.lex.common
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if tok.lower in words and tok.cap and not (len(tok.text) == 2 and tok.caps_line):
                if tok.lower in common and tok.lower not in NAME_FIRST:
                    if tok.caps_line or (tok.sentence_start and not self._acts(i)):
                        continue
                self.add(tok.start, tok.end, Kind.NAME)
            elif tok.lower in words and tok.text.islower():
                # a word of English too only as a sentence's subject: "amir had already..."
                if tok.lower not in common or self.subject(i):
                    self.add(tok.start, tok.end, Kind.NAME)

    def subject(self, i: int) -> bool:
        """The word opens a clause and a verb follows: "jess arrived late", ", amir raised"."""
        tok = self.tokens[i]
        opens = tok.sentence_start or self.text[max(0, tok.start - 2) : tok.start] == ", "
        return opens and self._acts(i)

    def _acts(self, i: int) -> bool:
        """A verb, an age or a possessive follows the word: "Bear was suspended", "Rain felt",
        "D: Sage, 19, sophomore", "Izzy's mother", an adverb and a verb ("Summer now works"),
        or a speaker's colon opening the line ('Hope: "you said..."')."""
        tok = self.tokens[i]
        if ACTED_AFTER.match(self.text, tok.end):
            return True
        if SPEAKER_AFTER.match(self.text, tok.end) and self._line_opens(tok):
            # 'Hope: "you said it was over"', a speaker or a member's line (a given name's
            # word, never a field's label: "Court:", "Police:")
            return tok.lower in self.lex.first
        tokens = self.tokens
        j = i + 1
        if j + 1 < len(tokens) and tokens[j].lower in ADVERBS and self.gap(tok, tokens[j]) == " ":
            j += 1  # "Summer now works", "Will still drinks"
        if j >= len(tokens):
            return False
        nxt = tokens[j]
        if self.gap(tokens[j - 1], nxt) != " " or not nxt.text.islower():
            return False
        lw = nxt.lower
        return lw in SUBJECT_VERBS or (lw.endswith("ed") and len(lw) > 4)

    def _line_opens(self, tok: Token) -> bool:
        start = self.text.rfind("\n", 0, tok.start) + 1
        return not self.text[start : tok.start].strip(" \t-*\u2022")

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
            if tok.cap or len(lw) < 2 or not tok.text.islower():
                continue
            if lw in NOT_NAMES or lw in FUNCTION_WORDS:
                continue
            if self.contracted(tok):
                continue  # "children don't", "pt won't"
            prev = tokens[i - 1]
            gap = self.gap(prev, tok)
            if lw in LOWER_STOP:
                if lw in lex.first and self._listed_child(i, gap):
                    self._lower_run(i, Kind.NAME)  # "kids: may (7) & jasper (4)"
                continue
            if len(lw) < 3 and not AGE_BRACKET_AFTER.match(self.text, tok.end):
                continue
            if lw in lex.first and self._lower_person_acts(i):
                self._lower_run(i, Kind.NAME)  # "bud p quiet", "tina shared 90 days"
                continue
            surname_next = lw in lex.first and self._lower_surname_next(i)
            given = lw in lex.first and (lw not in lex.common or surname_next)
            if (
                given
                and ((prev.lower == "w" and gap == "/ ") or (prev.lower == "with" and gap == " "))
            ) or surname_next:
                self._lower_run(i, Kind.NAME)  # "fight w/ marco", "(ricky jaramillo)"
                continue
            if gap == " " and prev.lower in IMPERATIVES and lw in lex.first:
                if self._lower_surname_at(i):  # "will see gracie", "call liv" (see below)
                    self.add(tok.start, tok.end, Kind.NAME)
                    self.name_words.add(lw)
                    continue
            if gap == ". " and prev.lower in LOWER_TITLES and (lw in lex.last or lw in lex.first):
                self._lower_run(i, Kind.STAFF if prev.lower in ("dr", "doctor") else Kind.NAME)
                continue  # "hi dr. reyes"
            if gap not in (" ", ", ", ": ", " ("):
                continue
            if len(lw) <= 4 and lw not in lex.common and STAFF.ends_at(tokens, i - 1) is not None:
                self.add(tok.start, tok.end, Kind.STAFF)  # "transcribed by kjw"
                continue
            if prev.lower in LOWER_TITLES:
                if prev.lower == "miss" and i > 1 and tokens[i - 2].lower in MISSING_BEFORE:
                    continue  # "may need to miss class": the verb, no title
                if lw in lex.last or lw in lex.first or self.unknown(lw):
                    kind = Kind.STAFF if prev.lower in ("dr", "doctor") else Kind.NAME
                    self._lower_run(i, kind)
                continue
            relation = RELATION.ends_at(tokens, i - 1) is not None or prev.lower in LOWER_LABELS
            if relation and AGE_BRACKET_AFTER.match(self.text, tok.end) and not self.drug_like(tok):
                self._lower_run(i, Kind.NAME)  # "son jj (17)", "kids kai (9)": whoever the age is
                continue
            # (after "pt" or "client" an English word is mostly its verb: "pt drew a picture")
            worded = lw in lex.common and prev.lower in CLIENT_LABELS
            if relation and lw in lex.first and (lw not in lex.common or lex.first[lw] <= 1500):
                if not worded:
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

    def _listed_child(self, i: int, gap: str) -> bool:
        """A word for a person's relatives, then this word and an age in brackets."""
        if gap not in (" ", ": ") or not AGE_BRACKET_AFTER.match(self.text, self.tokens[i].end):
            return False
        return RELATION.ends_at(self.tokens, i - 1) is not None

    def _lower_person_acts(self, i: int) -> bool:
        """A lower-case given name opening a sentence of a hurried note, with an initial or a
        verb after it: "bud p quiet", "marcus t talked", "tina shared", "jess (new) left"."""
        tokens = self.tokens
        tok = tokens[i]
        if not tok.sentence_start or i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1]
        gap = self.gap(tok, nxt)
        if len(nxt.text) == 1 and nxt.text.islower() and gap == " " and nxt.lower not in "ai":
            return True
        verb = nxt.lower in SUBJECT_VERBS
        common = tok.lower in self.lex.common
        return gap in (" ", " (new) ") and verb and (not common or tok.lower in NAME_FIRST)

    def _lower_surname_next(self, i: int) -> bool:
        """A surname no dictionary of English holds follows, in lower case ("ricky jaramillo")."""
        if i + 1 >= len(self.tokens):
            return False
        if self.tokens[i].lower in IMPERATIVES:
            return False  # a verb, then a name: "will see gracie" masks "gracie" alone
        return self.gap(self.tokens[i], self.tokens[i + 1]) == " " and self._lower_surname_at(i + 1)

    def _lower_surname_at(self, i: int) -> bool:
        tok = self.tokens[i]
        return (
            tok.text.islower()
            and tok.lower in self.lex.last
            and tok.lower not in self.lex.common
            and tok.lower not in NOT_NAMES
            and tok.lower not in FUNCTION_WORDS  # ("nobody else has cried": no "Else Has")
        )

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

    def lower_coordinated(self) -> None:
        """In lower case, a given name listed with a name found: "(jayden + mia)", "kai (9) &
        indi (6)"."""
        text = self.text
        if not any(s.kind == Kind.NAME and text[s.start : s.end].islower() for s in self.spans):
            return  # (no lower-case name found: nothing to list beside one)
        tokens = self.tokens
        lex = self.lex
        named = self._named_tokens()
        for i, tok in enumerate(tokens):
            lw = tok.lower
            if i in named or not tok.text.islower() or len(lw) < 3 or i == 0:
                continue
            if lw in NOT_NAMES or lw in FUNCTION_WORDS or lw in LOWER_STOP or lw in STATE_NAMES:
                continue
            given = lw in lex.first and (lw not in lex.common or lex.first[lw] <= 1500)
            aged = AGE_BRACKET_AFTER.match(self.text, tok.end) is not None
            if not (given or (aged and lw not in lex.common)):
                continue
            before = tokens[i - 1]  # itself in lower case: a hurried note's list, not prose
            if (
                i - 1 in named
                and before.text.islower()
                and LIST_GAP.fullmatch(self.gap(before, tok))
            ):
                self.add(tok.start, tok.end, Kind.NAME)
                named.add(i)

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
            m = age_after_name(self.text, span.end)
            if m:
                self.ages.append(Span(*m.span(1), Kind.AGE))
