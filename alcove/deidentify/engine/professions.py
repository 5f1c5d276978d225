"""Professions: a job's word with the words that modify it ("retired machinist", "works
as a line cook")."""

from mypy_extensions import trait

from alcove.deidentify.engine.allowlist import NOT_JOBS
from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import (
    FUNCTION_WORDS,
    JOB_ENDINGS,
    NOT_MODIFIERS,
    NOT_NAMES,
    PROFESSION_CUE,
    RELATION,
    WORKS_AS,
)
from alcove.deidentify.engine.finder import FinderBase
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.tokens import Token, past
from alcove.deidentify.engine.vocabulary import (
    PROFESSIONS,
    TITLES,
)
from alcove.deidentify.engine.words import Words

# Capitalised words before a trade that are no part of it ("Dr", "Mr")
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "rev", "sister", "father"})
# Heads of a trade's name that need a word before them ("sales associate", "case worker")
JOB_END3 = frozenset({"ist", "ian", "her"})  # the endings _job() reads a trade by
HEADED_JOBS = NOT_JOBS - frozenset(
    "person boy staff crew visitor runner land make copy emeritus professional".split()
)
# Roles of the care team, which a note names its members by ("therapist Kim Lavoie")
CARE_ROLES = frozenset(
    """therapist psychiatrist psychologist clinician physician doctor nurse counselor counsellor
    supervisor manager worker practitioner prescriber interpreter attending resident intern
    coordinator advocate educator""".split()
)
ROLES_IN_A_FAMILY = CARE_ROLES | frozenset(
    "caregiver carer agent proxy guardian payee executor contact driver cook".split()
)
# Letters that make part of a trade's name ("ICU nurse", "ER tech", "HR manager")
TRADE_LETTERS = frozenset(
    {"icu", "nicu", "picu", "er", "or", "hr", "it", "ed", "ot", "pt", "pr", "hvac"}
)
# A name's age opening a bracket, the trade after it: "Deb Hale (44, ER nurse)"
AGE_IN_BRACKET = regex(r"[ \t]\(\d{1,2},[ \t]")
# Whose a role is, before it: "his teacher at Lincoln" is the client's people's, no trade
POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our"})
# Words after a trade that make it one sought or held: "the forklift operator position"
POSTS = frozenset("position job role opening vacancy posting gig jobs positions roles".split())
# An age before a sex's letter: "52 M", "23F"
AGE_BEFORE_SEX = regex(r"(?<![\d/.:-])\d{1,3}[ \t]?$")
# Words after "works as a" that are no trade ("we will work as a team")
NOT_TRADES = frozenset(
    "team unit family group whole pair couple result reminder means way buffer bridge rule".split()
)
# Words a bare cue ("works as", "position as") may be followed by that are no trade ("works
# as needed", "worked as usual")
BARE_NOT_TRADES = frozenset(
    "needed usual prescribed intended directed ordered expected planned other either".split()
)
# A form's field for someone's trade, and what such a field holds that is no trade
TRADE_LABELS = frozenset({"occupation", "profession", "job", "trade", "employment"})
TRADE_LABEL_HINTS = hint(
    tuple(
        f"{tail}:"
        for w in ("ccupation", "rofession", "ob", "rade", "mployment")
        for tail in (w, w.upper())
    )
)
NO_TRADE = frozenset(
    "none unknown unemployed student homemaker retired disabled n na not no self ft pt full "
    "part seasonal temp casual".split()
)
FIELD_CLOSED = regex(r"[ \t]*(?:$|\n|[(,;|]|[ \t]{2}|[ \t]+(?:at|for|with)\b)")
# Heads of a trade's name no list holds, and the endings of one ("shift lead", "super")
TRADE_HEADS = frozenset("lead super hand tech aide member operative steward crew".split())
TRADE_ENDINGS = ("er", "or", "ist", "ian", "man", "woman")
# The endings of an ordinal ("5th grade teacher")
ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
# A trade set off after a name closed by a dash ("Raj Mehta, branch manager - on leave")
DASH_AFTER = regex(r"[ \t]+[-\u2013\u2014][ \t]")
# A bracketed trade's employer after it: "(HVAC tech, Keystone Comfort)"
EMPLOYER_AFTER = regex(r",[ \t]+[A-Z][a-z]*[A-Za-z]")
# A trade set off after a name is closed by a comma or goes on to where it is practised
PLACE_AFTER = regex(r"[ \t]+(?:in|at|on|for|with|from|out of)[ \t]+")


@trait  # (mypyc compiles a class of several bases only from traits: people.Finder)
class ProfessionRules(FinderBase):
    def professions(self) -> None:
        self._professions()
        self._works_as()
        self._labelled_trade()

    def _labelled_trade(self) -> None:
        """The value of a form's field for a trade, whatever its words: "OCCUPATION: PANEL
        BEATER (UNEMPLOYED SINCE 2023)", "Occupation: warehouse operative" (never "none",
        "unemployed" or "student")."""
        if not any_in(TRADE_LABEL_HINTS, self.text):
            return  # (most notes have no such field)
        tokens = self.tokens
        for i, tok in enumerate(tokens[:-1]):
            if tok.lower not in TRADE_LABELS or not self.gap(tok, tokens[i + 1]).startswith(":"):
                continue
            if not self._opens_field(i):
                continue
            first = i + 1
            if tokens[first].lower in ("retired", "former", "formerly", "previously", "ex"):
                first += 1  # "retired teacher": the trade, not its state
            last = first
            while last < len(tokens) and last - first < 4:
                if last > first and self.gap(tokens[last - 1], tokens[last]) != " ":
                    break
                if tokens[last].lower in FUNCTION_WORDS or not tokens[last].lower.isalpha():
                    break
                last += 1
            if last == first or tokens[first].lower in NO_TRADE or len(tokens[first].lower) < 3:
                continue
            end = tokens[last - 1].end
            if FIELD_CLOSED.match(self.text, end):  # (never "Job: find work by June")
                self.add(tokens[first].start, end, Kind.PROFESSION)

    def _opens_field(self, i: int) -> bool:
        """Whether the word at i opens a line or a table's cell (a label there)."""
        if i == 0:
            return True
        gap = self.gap(self.tokens[i - 1], self.tokens[i])
        return "\n" in gap or gap.rstrip(" \t").endswith("|") or "  " in gap

    def _professions(self) -> None:
        tokens = self.tokens
        jobs = self.lex.jobs or PROFESSIONS
        for i, tok in enumerate(tokens):
            lw = tok.lower
            # (most words are no trade by any test below: said at once, without a call)
            if (
                lw not in jobs
                and lw not in HEADED_JOBS
                and lw[-1:] != "s"
                and lw[-3:] not in JOB_END3
            ):
                continue
            if not self._job(lw) and not self._headed(i):
                continue
            # "works as a welder", "is a long-haul trucker", "Employment: electrician at ...",
            # "nurse at St. Luke's", "Ana Ruiz, claims adjuster, ...", "(pharmacist, CVS)",
            # "60 yo mail carrier", "a retired high school principal", "her coach, Pilar Reyes"
            first = self._modifier(i)
            k = first - 1
            cue = False
            while k >= 0 and first - k <= 3:  # past "widowed F,", up to a cue ("52 y/o M")
                if PROFESSION_CUE.ends_at(tokens, k) is not None:
                    cue = True
                    break
                if tokens[k].text in ("F", "M") and AGE_BEFORE_SEX.search(
                    self.text, max(0, tokens[k].start - 5), tokens[k].start
                ):
                    cue = True  # "HISTORY: 52 M long-haul trucker": an age and a sex
                    break
                if tokens[k].lower not in NOT_MODIFIERS and tokens[k].text not in ("F", "M"):
                    break
                k -= 1
            if not cue and k >= 0 and tokens[k].lower in ("a", "an"):
                cue = (
                    PROFESSION_CUE.ends_at(tokens, k) is not None
                    or PROFESSION_CUE.ends_at(tokens, k - 1) is not None
                    or (k >= 1 and tokens[k - 1].lower == "as")
                    # ", a cellist", "Ms. Abernathy, 46, a bus driver"
                    or (k >= 1 and self.gap(tokens[k - 1], tokens[k]).endswith((", ", " (")))
                    # "mother a bank manager", "his son an electrician"
                    or (k >= 1 and RELATION.ends_at(tokens, k - 1) is not None)
                    # "mother Máire a primary school teacher"
                    or (k >= 2 and self._kin_at(self._capitals_ending(k - 1) - 1))
                    or self._is_a(k, lw)  # "he's a mail carrier"
                )
            elif k >= 0 and PROFESSION_CUE.ends_at(tokens, k) is not None:
                cue = True
            elif k >= 0 and tokens[k].lower == "as" and lw in jobs and lw not in CARE_ROLES:
                cue = True  # "worked yrs as longshoreman"
            if cue and k >= 0 and tokens[k].lower == "the" and lw in ROLES_IN_A_FAMILY:
                cue = False  # "is the caregiver", "is the health care agent": no trade
            if not cue and first > 0:
                cue = self._equated(first)
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            at = (
                after is not None
                and after.lower in ("at", "for", "with", "of")  # "pastor of Mount Zion"
                and i + 2 < len(tokens)
                and tokens[i + 2].cap
                # (a role the client's people hold is no trade: "his teacher at Lincoln")
                and not (first > 0 and tokens[first - 1].lower in POSSESSIVES)
            )
            # "applied for the forklift operator position", "a line cook job at"
            posted = (
                after is not None
                and after.lower in POSTS
                and lw not in CARE_ROLES
                and self.gap(tok, after) == " "
            )
            apposed = self._apposed(i)
            if self._a_role_not_a_trade(first, tok):
                continue
            if cue or at or posted or apposed >= 0:
                start = min(first, apposed) if apposed >= 0 else first
                self.add(self._start(start), tok.end, Kind.PROFESSION)
                if at:
                    self._employer_after(i + 2)  # "security guard for Massport"

    def _a_role_not_a_trade(self, first: int, tok: Token) -> bool:
        """A duty the law gives ("a mandated reporter") or a role in its possessive ("the
        examiner's opinion", "the prosecutor's motion"): what someone does here, not their
        job."""
        if self.tokens[first].lower in ("mandated", "mandatory"):
            return True
        possessive = self.text.startswith(("'s ", "\u2019s "), tok.end)
        return possessive and first > 0 and self.tokens[first - 1].lower == "the"

    def _equated(self, first: int) -> bool:
        """A hurried note's trade: "Callum = firefighter", "D. = paralegal", "he's warehouse
        shift supervisor", "mom (nail tech)", "dad rich (electrician, ...)", "Deb Hale (44, ER
        nurse)"."""
        before = self.tokens[first - 1]
        gap = self.gap(before, self.tokens[first])
        if gap.strip(" \t.") == "=":
            return True
        if before.lower in ("he", "she") and gap in ("'s ", "\u2019s "):
            return True
        if before.cap and before.lower not in self.lex.common and AGE_IN_BRACKET.fullmatch(gap):
            return True  # "Greg Ostrander (41, HVAC installer)": after a name and its age
        if gap in (", ", "; ") and first >= 2:  # "Ray (husband, mechanic)", "(wife; nurse)"
            relation = RELATION.ends_at(self.tokens, first - 1)
            if relation is not None and relation > 0:
                return self.gap(self.tokens[relation - 1], self.tokens[relation]).endswith("(")
            # "husband (Grant Ebersole, orthodontist)": after the name a relation brackets
            named = self._capitals_ending(first - 1)
            bracket = named > 0 and self.gap(self.tokens[named - 1], self.tokens[named]) == " ("
            return bracket and self._kin_at(named - 1)
        if gap != " (":
            return False
        # "mom (nail tech)", "dad rich (electrician, ...)", "father Luis Reyes (HVAC
        # technician)": a relation, or a relation and the name it introduces
        return (
            RELATION.ends_at(self.tokens, first - 1) is not None
            or RELATION.ends_at(self.tokens, first - 2) is not None
            or self._kin_at(self._capitals_ending(first - 1) - 1)
        )

    def _kin_at(self, j: int) -> bool:
        """A relation ends at j that is no role of the care team ("interpreter Rosa Diaz
        (interpreter ID 2291)" names no trade)."""
        if RELATION.ends_at(self.tokens, j) is None:
            return False
        return self.tokens[j].lower not in CARE_ROLES

    def _capitals_ending(self, last: int) -> int:
        """The first of one or two capitalised words ending at last, or last + 1 when the
        word at last is not capitalised."""
        start = last
        while start >= 0 and last - start < 2 and self.tokens[start].cap:
            if start < last and self.gap(self.tokens[start], self.tokens[start + 1]) != " ":
                break
            start -= 1
        return start + 1

    def _is_a(self, k: int, job: str) -> bool:
        """Whether "he's a", "she's a", "who's a" (the tokens hold "he" and "a", the "'s" is
        in the gap between them), a hurried "shes a", "to be a", or "I'm a" comes before the
        trade."""
        if k < 1:
            return False
        before = self.tokens[k - 1].lower
        if before in ("shes", "hes", "im") or (
            before == "be" and k >= 2 and self.tokens[k - 2].lower == "to"
        ):
            return True  # "mum's at work, shes a support worker", "wants to be a midwife"
        if before in ("am", "m") and k >= 2 and self.tokens[k - 2].lower == "i":
            # a client's message ("I'm an air traffic controller"), not the letter of the
            # clinician who signs it ("I am a licensed professional counselor")
            return job not in CARE_ROLES
        if before not in ("he", "she", "who"):
            return False
        return self.gap(self.tokens[k - 1], self.tokens[k]) in ("'s ", "\u2019s ")

    def _employer_after(self, i: int) -> None:
        """The capitalised words after a trade and "at", "for" or "with" name where it is
        practised, unless they are a title, a place or a listed word alone."""
        tokens = self.tokens
        if tokens[i].lower in TITLES or tokens[i].lower == "the" or tokens[i].caps_line:
            return
        last = i
        while (
            last + 1 < len(tokens)
            and last - i < 3
            and self.gap(tokens[last], tokens[last + 1]) == " "
        ):
            if not tokens[last + 1].cap:
                break
            last += 1
        words = [t.lower for t in tokens[i : last + 1]]
        if " ".join(words) in self.lex.places or words[0] in self.lex.regions:
            return
        if last == i and (words[0] in self.lex.common or words[0] in NOT_NAMES):
            return
        self.add(tokens[i].start, tokens[last].end, Kind.ORGANIZATION)

    def _headed(self, i: int) -> bool:
        """A word that is a trade only with a word before it: "warehouse associate", "social
        worker", "program director"."""
        tok = self.tokens[i]
        return tok.lower in HEADED_JOBS and self._modifier(i) < i and not tok.caps_line

    def _modifier(self, i: int, most: int = 3) -> int:
        """The index of the first of up to three words qualifying the trade at i ("graduate
        student", "high school chemistry teacher"), in title case with a trade in title case
        ("retired Postal Carrier", "a Tool and Die Maker")."""
        first = i
        titled = self.tokens[i].text[1:].islower() and self.tokens[i].cap
        while first > 0 and i - first < most:
            before = self.tokens[first - 1]
            acronym = before.text.isupper() and 2 <= len(before.text) <= 4  # "ICU nurse"
            cased = before.text.islower() or before.caps_line or acronym
            if before.caps_line and not before.text.isupper():
                cased = False
            title_word = all(
                part[:1].isupper() and part[1:].islower() for part in before.text.split("-")
            )
            if titled and before.cap and title_word and not before.caps_line:
                cased = True  # "Long-Haul Truck Driver", "Dental Hygienist at ..."
            if titled and before.lower == "and" and first - 1 > 0 and first < i:
                first -= 1  # "Tool and Die Maker"
                continue
            if self.gap(before, self.tokens[first]) != " " or not cased:
                break  # ("LINE COOK" in a line of capitals)
            lw = before.lower
            if self._ordinal(first - 1):
                first -= 1  # "5th grade teacher", "3rd year resident"
                continue
            if lw in NOT_MODIFIERS or lw in FUNCTION_WORDS or lw in ("a", "an", "as"):
                break
            if (len(lw) < 3 and not acronym) or not lw.replace("-", "").isalpha():
                break  # ("y/o": no modifier)
            if lw.endswith("ly") or (acronym and lw in NOT_NAMES and lw not in TRADE_LETTERS):
                break
            if before.cap and not acronym and (lw in TITLES or lw in HONORIFICS):
                break
            first -= 1
        if self.tokens[first].lower == "and":
            first += 1
        return first

    def _ordinal(self, j: int) -> bool:
        """Whether the token at j is an ordinal's ending ("th" of "5th") before "grade" or
        "year"."""
        tok = self.tokens[j]
        return (
            tok.lower in ORDINAL_ENDINGS
            and j + 1 < len(self.tokens)
            and self.tokens[j + 1].lower in ("grade", "year")
            and self.text[tok.start - 1 : tok.start].isdigit()
        )

    def _start(self, first: int) -> int:
        """Where the trade whose first token is at first begins: before an ordinal's digits."""
        start = self.tokens[first].start
        if self._ordinal(first):
            while start > 0 and self.text[start - 1].isdigit():
                start -= 1
        return start

    def _apposed(self, last: int) -> int:
        """A trade set off by commas or brackets after a name or an age: "Ana Ruiz, claims
        adjuster, Liberty Mutual", "Pt is 24, hair stylist,", "(software engineer, Acme)":
        the index of its first word, or -1."""
        tokens = self.tokens
        first = self._modifier(last)
        lead = tokens[first]
        if first == 0 or lead.caps_line or (lead.cap and first < last and not self._letters(lead)):
            return -1
        start = self._start(first)
        before = self.text[max(0, start - 2) : start]
        closed = self.text[tokens[last].end : tokens[last].end + 1] in (",", ")", ";") or (
            self.text[tokens[last].end : tokens[last].end + 2] in (". ", ".\n")
            or self.text[tokens[last].end : tokens[last].end + 1] == "\n"
            or DASH_AFTER.match(self.text, tokens[last].end) is not None
        )
        if not before.endswith((", ", "(")) or not (
            closed or PLACE_AFTER.match(self.text, tokens[last].end)
        ):
            return -1  # "(Hien, salon owner in Quincy)", "(46), home health aide on leave"
        previous = tokens[first - 1]
        if (
            previous.cap
            or self.text[previous.end : previous.end + 1].isdigit()
            or (before.endswith(", ") and self.text[start - 3] in "0123456789)")
        ):
            return first
        if before.endswith("(") and EMPLOYER_AFTER.match(self.text, tokens[last].end):
            return first  # "(warehouse associate, Amazon)": a trade, then where it is held
        return -1

    def _letters(self, tok: Token) -> bool:
        """Letters that make part of a trade's name ("ICU nurse", "HR manager")."""
        return tok.text.isupper() and tok.lower in TRADE_LETTERS

    def _works_as(self) -> None:
        """Whatever follows "works as a" is a trade: "work as a barback" (never "work as a
        team"); and what follows "position as" or "promoted to" without an article, when its
        last word reads as a trade: "her position as dispatch coordinator"."""
        tokens = self.tokens
        for i in range(2, len(tokens)):
            lead = tokens[i - 1].lower
            if lead in ("as", "to") and tokens[i].lower not in ("a", "an"):
                if WORKS_AS.ends_at(tokens, i - 1) is not None or self._worked_a_while_as(i - 1):
                    self._bare_trade(i)
            if tokens[i - 1].lower not in ("a", "an"):
                continue
            loose = WORKS_AS.ends_at(tokens, i - 2) is None
            if loose and not self._worked_a_while_as(i - 2):
                continue
            if tokens[i].lower in NOT_TRADES:
                continue
            first = i
            while first + 1 < len(tokens) and tokens[first].lower in NOT_MODIFIERS:
                first += 1  # "works as a very patient cashier"
            last = first
            for k in (first + 1, first + 2):  # "a forklift operator", "a sheet metal fabricator"
                if k >= len(tokens) or self.gap(tokens[k - 1], tokens[k]) != " ":
                    break
                if not tokens[k].text.islower() or tokens[k].lower in FUNCTION_WORDS:
                    break
                if k == first + 1 or self._tradelike(tokens[k].lower):
                    last = k
            end = tokens[last].lower
            if loose and (end in RELATION.by_last or not (self._tradelike(end) or end == "guide")):
                continue  # ("work well as a reward", "worked hard as a mother": trades only)
            if tokens[first].text.islower() and tokens[first].lower not in FUNCTION_WORDS:
                self.add(tokens[first].start, tokens[last].end, Kind.PROFESSION)

    def _worked_a_while_as(self, k: int) -> bool:
        """ "worked seasonally as", "works weekends as", "after 11 yrs as": a work verb or a
        count of years, then up to three words in lower case, then the "as" at token k."""
        tokens = self.tokens
        if k < 2 or tokens[k].lower != "as":
            return False
        for j in range(k - 1, max(-1, k - 5), -1):
            tok = tokens[j]
            counted = (
                tok.lower in YEARS
                and j > 0
                and any(c.isdigit() for c in self.gap(tokens[j - 1], tok))
            )
            if counted or (tok.lower in WORKED and j < k - 1):
                # (numbers lie between the tokens: "worked 30 years as")
                return all(
                    not self.gap(tokens[m], tokens[m + 1]).strip(" 0123456789") for m in range(j, k)
                )
            if not tok.text.islower():
                return False
        return False

    def _bare_trade(self, first: int) -> None:
        """Up to three words in lower case (or in a line of capitals) after a cue with no
        article, masked when the last reads as a trade ("building super", "shift lead")."""
        tokens = self.tokens
        last = first
        while last < len(tokens) and last - first < 3:
            tok = tokens[last]
            if tok.lower in FUNCTION_WORDS or not tok.lower.isalpha():
                break
            if not (tok.text.islower() or (tok.caps_line and tok.text.isupper())):
                break
            if last > first and self.gap(tokens[last - 1], tok) != " ":
                break
            last += 1
        if last == first or tokens[first].lower in NOT_MODIFIERS:
            return
        if self._tradelike(tokens[last - 1].lower):
            self.add(tokens[first].start, tokens[last - 1].end, Kind.PROFESSION)

    def _tradelike(self, lw: str) -> bool:
        return tradelike(lw, self.lex.jobs or PROFESSIONS)

    def _job(self, lw: str) -> bool:
        jobs = self.lex.jobs or PROFESSIONS
        if lw in jobs or (lw[-1:] == "s" and lw[:-1] in jobs):
            return True
        if lw[-3:] in ("ist", "ian", "her") and lw.endswith(JOB_ENDINGS):
            return lw not in self.lex.first and lw not in self.lex.last  # "cardiologist"
        return False


def tradelike(lw: str, jobs: Words) -> bool:
    """A word that can end a trade's name: a listed trade or head, or a trade's ending."""
    if lw in NOT_TRADES or lw in BARE_NOT_TRADES:
        return False
    return lw in jobs or lw in NOT_JOBS or lw in TRADE_HEADS or lw.endswith(TRADE_ENDINGS)


# "laid off from Target corporate (merchandise planner)", "Trader Joe's (crew member)": the
# trade in brackets after an employer
TRADE_BRACKETED = regex(r"(?:[ \t]+[a-z]+)?[ \t]*\(([a-z]+(?:[ \t][a-z]+)?)\)")
# "Employer: Capital Area Rapid Transit - bus operator, 22 yrs": the trade after a dash
TRADE_DASHED = regex(r"[ \t]+[-\u2013\u2014][ \t]+([a-z]+(?:[ \t][a-z]+)?)(?=[ \t]*(?:[,;(\n]|$))")


def trades_after_employers(text: str, found: list[Span], jobs: Words) -> list[Span]:
    """The trade in brackets right after an organisation, when its last word is a trade's
    ("(crew member)", "(payroll specialist)"), never a care role, a physician's, or a phrase
    ("(works as teller)", "(waitlist)", "(sister)")."""
    out = []
    for span in found:
        if span.kind != Kind.ORGANIZATION or text[span.end : span.end + 1] not in (" ", "\t"):
            continue
        m = TRADE_BRACKETED.match(text, span.end) or TRADE_DASHED.match(text, span.end)
        if m is None:
            continue
        words = m.group(1).split()
        last = words[-1]
        if any(w in FUNCTION_WORDS for w in words) or _carers(last):
            continue
        if m.re is TRADE_DASHED and not tradelike(last, jobs):
            continue  # ("Vet Center - readjustment counseling": no trade)
        if last in jobs or last in TRADE_HEADS or last in NOT_JOBS:
            out.append(Span(*m.span(1), Kind.PROFESSION))
        elif len(words) == 2 and last not in RELATION.by_last and tradelike(last, jobs):
            out.append(Span(*m.span(1), Kind.PROFESSION))  # "(ditch rider)": a trade's ending
    return out


def _carers(lw: str) -> bool:
    """A role of the care team or a physician's ("Baystate Health (pediatrician)" names who
    referred, not the client's trade)."""
    return lw in CARE_ROLES or lw.endswith(JOB_ENDINGS) or lw in ("employer", "employee")


# The words before a trade that say which trade it is ("dental hygienist", "kindergarten
# teacher", "HVAC technician", "union electrician"): up to two, in the trade's case, each an
# ordinary word of three letters or more, or a trade's letters. Words that say how or
# whether someone works stay out ("retired", "former", "part-time": NOT_MODIFIERS), as do
# those that say whose the trade is ("his", "her"), adverbs, numbers and measures.
MODIFIER_WORD = regex(r"(?<![\w'-])([A-Za-z][a-z]{2,}|[A-Z]{2,4})[ \t]+$")
NOT_TRADE_MODIFIERS = (
    NOT_MODIFIERS
    | FUNCTION_WORDS
    | POSSESSIVES
    | frozenset(
        """current previous prior ex new old good great local unemployed laid off works worked
    working employed job jobs was is are were been being became become as now also still
    then who whose which that their its per daily weekly night day shift dad mom mum father
    mother husband wife son daughter brother sister partner boyfriend girlfriend uncle aunt
    cousin friend contact call see refer brief""".split()
    )
)


# The head a trade's first word may have been found without ("dispatch supervisor", "kitchen
# hand", "Assistant Principal"): a trade's word, or one of these
TRADE_HEAD = regex(r"[ \t]([A-Za-z][a-z]{2,})\b(?![-'\u2019]\w)")
HEADS = frozenset(
    "hand lead helper worker coordinator specialist rep representative officer agent".split()
)
# What works, before the words that say when or how long ("worked seasonally as a")
WORKED = frozenset({"work", "works", "worked", "working"})
YEARS = frozenset({"years", "yrs"})
# "electrician's apprentice", "nurse's aide", "welder's helper"
HELPER_AFTER = regex(r"['\u2019]s[ \t]+(?:apprentice|aide|helper|assistant|mate)\b")
# "labor and delivery nurse": a ward's two words, joined, that say which nurse
JOINED_MODIFIER = regex(r"(?i)\blabou?r[ \t]+and[ \t]+(?:delivery[ \t]+)?$")
# A role's holder after it: the role before a name is left ("assistant principal Mr. Lozano")
HOLDER_AFTER = regex(r"[ \t,]+(?:Mr|Ms|Mrs|Mx|Dr|Miss)\b")


def trades_with_modifiers(text: str, spans: list[Span], common: Words, jobs: Words) -> list[Span]:
    """The spans, each trade carried on to its head where the rules stopped before it, then
    grown back over the words that say which trade it is."""
    out: list[Span] = []
    for n, span in enumerate(spans):
        if span.kind == Kind.PROFESSION and not span.ref:
            limit = spans[n + 1].start if n + 1 < len(spans) else len(text)
            span = _with_modifiers(text, _with_head(text, span, limit, jobs), out, common)
        out.append(span)
    return out


def _with_head(text: str, span: Span, limit: int, jobs: Words) -> Span:
    helper = HELPER_AFTER.match(text, span.end)
    if helper is not None:  # "electrician's apprentice": the one who helps is the trade
        return Span(span.start, helper.end(), span.kind, span.ref)
    head = TRADE_HEAD.match(text, span.end, limit)
    if head is None or HOLDER_AFTER.match(text, head.end(1)):  # "assistant principal Mr."
        return span
    word = head.group(1)
    if word[:1].isupper() != text[span.start].isupper():
        return span
    if word.lower() not in jobs and word.lower() not in HEADS:
        return span
    return Span(span.start, head.end(1), span.kind, span.ref)


def _with_modifiers(text: str, span: Span, out: list[Span], common: Words) -> Span:
    start = span.start
    free = out[-1].end if out else 0
    trade = text[span.start : span.end]
    joined = JOINED_MODIFIER.search(text, max(free, start - 24), start)
    if joined is not None:
        return Span(joined.start(), span.end, span.kind, span.ref)
    for _ in range(2):
        word = MODIFIER_WORD.search(text, max(free, start - 16), start)
        if word is None or not _modifies(word.group(1), trade, common):
            break
        start = word.start(1)
    return span if start == span.start else Span(start, span.end, span.kind, span.ref)


def _modifies(word: str, trade: str, common: Words) -> bool:
    lw = word.lower()
    if lw in NOT_TRADE_MODIFIERS or lw.endswith("ly"):
        return False
    if word.isupper():
        return lw in TRADE_LETTERS or lw not in common  # "ICU nurse", "HVAC technician"
    return word[:1].isupper() == trade[:1].isupper() and lw in common


# A clinician's role after their name ("Dr. S. Whitlock (psychiatrist)", "T. Ngata, case
# manager", "Beth Corrigan, M.Ed., school counselor"): what they do on the case, which the
# annotation, as a reader, leaves; a trade after anyone else's name is still one
STAFF_ROLES = frozenset(
    """therapist psychiatrist psychologist clinician physician doctor nurse counselor counsellor
    practitioner prescriber consultant specialist intern resident attending""".split()
)
STAFF_ROLE_PAIRS = frozenset(
    {"case manager", "nurse manager", "care manager", "social worker", "care coordinator"}
)
# Between the name and the role: a comma or a bracket, and the credentials after the name
ROLE_GAP = regex(
    r",?[ \t]?\(|,[ \t]|,?[ \t][A-Z][A-Za-z.-]*(?:,[ \t][A-Z][A-Za-z.-]*)*,?[ \t]?\(?"
    r"|,[ \t][A-Z][A-Za-z-]+,[ \t]"
)


def staff_roles_left(text: str, spans: list[Span]) -> list[Span]:
    """The spans but a clinician's role right after their name."""
    out: list[Span] = []
    for span in spans:
        if (
            span.kind == Kind.PROFESSION
            and not span.ref
            and out
            and out[-1].kind == Kind.STAFF
            and _staff_role(text[span.start : span.end])
            and ROLE_GAP.fullmatch(text, out[-1].end, span.start)
        ):
            continue
        out.append(span)
    return out


def _staff_role(role: str) -> bool:
    words = role.lower().split()
    return words[-1] in STAFF_ROLES or " ".join(words[-2:]) in STAFF_ROLE_PAIRS


# "Ines Valcourt, HR advisor (555-...)", "Odalys - bank teller;", "Maeve Tolland (61) --
# hotel housekeeper": a trade set off after a person's name (and age), in one case
# throughout, up to where the phrase closes
TRADE_AFTER_NAME = screened(
    regex(
        r"(?:[ \t]\(\d{1,3}\))?(?:,|[ \t]+(?:-{1,2}|\u2013|\u2014))[ \t]+"
        r"((?:(?:\d{1,2}(?:st|nd|rd|th)|[A-Z]{2,4})[ \t])?(?:[a-z][a-z'-]+[ \t]){0,3}[a-z][a-z-]+)"
        r"(?=[ \t]*(?:[,;(\n|]|$)|[ \t]+(?:@|at|for|with)[ \t])"
    )
)


def _set_off(text: str, end: int) -> bool:
    """What TRADE_AFTER_NAME needs first: a comma, or past the spaces a dash or the age's
    bracket."""
    if text[end : end + 1] == ",":
        return True
    first = past(text, end, " \t")
    return first > end and text[first : first + 1] in DASHES


DASHES = ("-", "\u2013", "\u2014", "(")


# Roles of the offices a note deals with, given after their holder's name as a matter of
# course ("Heather Dumont, referral coordinator")
OFFICE_ROLES = frozenset(
    """coordinator specialist examiner investigator administrator clerk hospitalist paramedic
    adjuster officer liaison representative""".split()
)


def trades_after_names(text: str, found: list[Span], jobs: Words) -> list[Span]:
    """The trade set off after a person's name: its last word a trade's, no word of it a
    function word or a relation. Never after a staff member's name, whose role a note gives
    as a matter of course ("Dr. Ana Ruiz, attending psychiatrist")."""
    out = []
    for span in found:
        if span.kind != Kind.NAME or not _set_off(text, span.end):
            continue
        m = TRADE_AFTER_NAME.match(text, span.end)
        if m is None:
            continue
        words = m.group(1).lower().split()
        last = words[-1]
        if any(w in FUNCTION_WORDS or w in NOT_TRADE_MODIFIERS for w in words[:-1]):
            continue
        if last in RELATION.by_last or _carers(last) or last in OFFICE_ROLES:
            continue
        if last in ("member", "student") or (len(words) == 1 and last not in jobs):
            continue  # ("youngest member", "MSW student"; "J. Bolduc, tech" alone)
        if last not in jobs and last not in TRADE_HEADS and last != "advisor":
            continue
        out.append(Span(*m.span(1), Kind.PROFESSION))
    return out
