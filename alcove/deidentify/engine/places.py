"""Places: towns announced by the words before them, cities before a state, counties, and
(unless kept) US states and countries."""

import re

from mypy_extensions import trait

from alcove.deidentify.engine.compiled import regex, starting_with
from alcove.deidentify.engine.cues import (
    AGE_AFTER_INITIALS,
    CAPS_HEADER_NAME,
    CAPTION,
    CITY_LOWER,
    CITY_STATE,
    COUNTY,
    COUNTY_WORDS,
    CREDENTIAL_CODES,
    CREDENTIAL_THEN_NAME,
    CREDENTIAL_WORDS,
    DASH_SET_APART,
    DASHED_INITIALS_LOWER,
    DICTATION,
    DOTTED_INITIALS,
    DOTTED_NOT_INITIALS,
    END_AFTER_CODE,
    EPONYM_AFTER,
    GAP_AFTER_CODE,
    INITIALS,
    INITIALS_HINT,
    LOWER_AFTER_CODE,
    LOWER_TITLES,
    MONTH_OR_DAY,
    NOT_DASHED,
    NOT_NAMES,
    PERSON_BEFORE,
    PLACE_ANNOUNCED,
    PLACE_BEFORE_CODE,
    PLACE_CUE,
    PLACE_PARTICLES,
    REGION_POSTCODE,
    RELATION,
    SIGNED_LAST_LINE,
    STAFF_LABELLED,
    STATE_AFTER,
    STATE_CODE,
    STATE_NAMES,
    STRONG_PLACE_CUE,
    WORDLIKE_CODES,
    ZIP_AFTER,
)
from alcove.deidentify.engine.finder import FinderBase
from alcove.deidentify.engine.hints import any_in, hint
from alcove.deidentify.engine.patterns import POSTCODE_HINT
from alcove.deidentify.engine.screen import screened
from alcove.deidentify.engine.spans import Kind
from alcove.deidentify.engine.tokens import Token
from alcove.deidentify.engine.vocabulary import (
    CLINICAL,
    NOT_ORG_ACRONYMS,
    ORG_ACRONYMS,
    STATE_CODES,
)
from alcove.deidentify.engine.words import Lexicon, fold

ANNOUNCED_BEFORE = regex(
    r"\b(?:in|from|near|into|outside|moved to|relocated to|moving to|home to)[ \t]+$"
)
BARE_STREET = screened(
    regex(
        # (led by its first digit, as patterns.py explains)
        r"(\d(?<![\w.,/:-]\d)\d{0,4}[ \t]+([A-Z][a-z]{3,}(?:[ \t]+[A-Z][a-z]{3,})?))\b"
        r"(?![ \t]+[A-Z])"
    )
)
TOWN_AFTER = regex(r",[ \t]*([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b")
ADDRESS_BEFORE = regex(
    r"(?:\b(?:at|lives at|living at|staying at|moved to|address|addr|residence|resides at)"
    r"[ \t]*:?|(?:Pharmacy|Walgreens|CVS|Rite Aid)[^\n,]{0,20},)[ \t]*$",
    re.I,
)
# Towns whose names a sign, a scale or a disease bears: a place after a cue unless the
# sign follows ("lives in Glasgow", "in Glasgow coma scale 15")
TOWN_EPONYMS = frozenset({"glasgow", "huntington", "addison", "ewing"})
PLACE_NOT_EPONYM = regex(rf"(?:'s|\u2019s|[ \t]+(?:[Cc]oma|GCS|COMA)\b|{EPONYM_AFTER.pattern})")
# Street names that are also words, written with no suffix ("455 Broadway")
STREET_WORDS = frozenset({"broadway", "bowery", "boulevard", "embarcadero", "causeway"})


# A province of Canada or a state of Australia after a town the gazetteers know: "Surrey,
# BC,", "Montréal (QC)", "Winnipeg MB" closing a line, "Halifax NS B3J 2K9"
PROVINCES = "AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|PEI|QC|SK|YT|NSW|VIC|QLD|TAS|ACT|SA"
TOWN_PROVINCE_HINT = screened(starting_with("[ABM-QSTVY]", rf"\b(?:{PROVINCES})\b"))
TOWN_PROVINCE = screened(
    regex(
        rf"\b([A-Z][A-Za-z.'\u00c0-\u017f-]+(?:[ \t]+[A-Z][A-Za-z.'\u00c0-\u017f-]+){{0,2}})"
        rf"(,[ \t]*|[ \t]*\([ \t]*|[ \t]+)({PROVINCES})\b"
        r"(?=[ \t]*(?:[),.;\n]|$|([ \t]+(?:[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\d{4})\b)))"
    )
)
WORDLIKE_PROVINCES = frozenset({"ON", "NS", "PE", "ACT", "SA", "AB", "NT"})
SPACED_PROVINCES = frozenset({"NS"})  # (the letters of no English word)
THE_COUNTRY = regex(r"\bthe[ \t]+(US|U\.S\.|USA|U\.S\.A\.|UK|U\.K\.)(?![\w-])")


# The line, its field or its clause closes after a state's letters
CLOSING_AFTER_CODE = regex(r"[ \t]*(?:\n|$|[-\u2013\u2014|;)]|[ \t]{2})")
LICENCE_HINTS = hint(
    ("lic", "Lic", "LIC", "plate", "law", "CDL", "DL", "reg", "Reg", "tag", "Tag", "State",
     "STATE")
)  # fmt: skip
# The state whose law, board or agency a note cites: "Reviewed WA minor consent", "under MN
# statute", "KS standard", "AZ AHCCCS ID" (letters that are words too are left: "OR statute")
STATE_OF_LAW = screened(
    regex(
        r"\b([A-Z]{2})[ \t]+(?:minor[ \t]+consent|statutes?|standard|board|regulations|"
        r"Medicaid|AHCCCS|DHS|DCS|DCF|DOC|DMV|BMV)\b"
    )
)
STATE_OF_LAW_HINTS = hint(
    ("consent", "statute", "standard", "board", "regulations", "Medicaid", "AHCCCS", "DHS",
     "DCS", "DCF", "DOC", "DMV", "BMV")
)  # fmt: skip
# States' letters that are medicine's too: "Breast CA", "prior MI", "Tylenol PR", "CT
# standard protocol", "VA Medicaid" (Veterans Affairs)
MEDICAL_CODES = frozenset("CA MI PR SC CT VA DC".split())
DX_BEFORE = frozenset("of hx prior old acute recent previous postop inferior anterior".split())
LAWLESS_CODES = MEDICAL_CODES - {"SC"}  # ("under SC statute" is South Carolina's)
# A typist's or dictation's label, whose field holds initials even where they spell a word
TYPED_LABEL = regex(r"(?i)(?:dictated|transcribed|transcriber|typed|typist)\b")
NUMBER_AFTER = regex(r"[ \t]*(?:#|no\.)?[ \t]*:?[ \t]*[A-Z]{0,4}-?\d")
STATE_BEFORE_LICENCE = screened(
    starting_with(
        "[A-Zl]",
        # (a credential's letters may stand between: "TX LPC license #78214", "IN HSPP lic. 2004")
        r"\b([A-Z]{2})[ \t]+(?:[A-Z]{2,6}[ \t]+)?(?:license|licence|License|LICENSE|plate|law|"
        r"[Rr]eg\b\.?|[Tt]ag)\b|\b([A-Z]{2})[ \t]+(?:[A-Z]{2,6}[ \t]+)?(?:[Ll]ic|LIC)\b\.?"
        r"|\b(?:CDL|DL|license|licence)[ \t]*#?[ \t]*([A-Z]{2})[ \t]+(?=[A-Z]?\d)"
        # a form's state field, and where a clinician is licensed: no number needed
        r"|\b(?:State|STATE)[ \t]*:[ \t]*([A-Z]{2})\b|\blicensed in ([A-Z]{2})\b",
    )
)
# "Licensed Psychologist, TX #37214", "PhD  AZ #4187", "TN HSP #3921", "OR Licensed
# Psychologist #2891": the state that licensed a signer, before the licence's number
STATE_BEFORE_NUMBER = screened(
    regex(
        r"(?<![^\s,(])([A-Z]{2})[ \t]+(?:(?:Licensed[ \t]+)?(?:Clinical[ \t]+)?"
        r"(?:Psychologist|HSPP?|LMFT|LPC|LCSW|LICSW)[ \t]+)?#[ \t]?:?[ \t]?[A-Z]{0,4}-?\d"
    )
)
# what may stand before such a state: a line's start, a signer's role or credential, a dash
ROLE_BEFORE = regex(
    r"(?:^|\n|(?:Psychologist|Counselor|Counsellor|Therapist|Worker|[A-Z]{2,6}|"
    r"Ph\.?D\.?|Psy\.?D\.?|Ed\.?D\.?)[ \t]*[,-]?[ \t]*|[ \t]-[ \t]*)\Z"
)
# "licensed in NM, CO": the second state of the list too
LICENSED_IN_MORE = regex(r"\blicensed in [A-Z]{2}((?:,[ \t]*(?:and[ \t]+)?[A-Z]{2}\b)+)")
# A province before a Canadian postcode; an Australian town, its state and postcode
PROVINCE_POSTCODE = regex(
    r",[ \t]+(ON|BC|AB|QC|NS|NB|MB|SK|PE|NL|YT|NT|NU)[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d\b"
)
PROVINCE_HINTS = hint(f", {p}" for p in "ON BC AB QC NS NB MB SK PE NL YT NT NU".split())
AUSTRALIAN_HINTS = hint(f"{s} " for s in "NSW VIC QLD TAS ACT NT SA WA".split())
AUSTRALIAN_TOWN = screened(
    regex(
        r"\b((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+),?[ \t]+(NSW|VIC|QLD|TAS|ACT|NT|SA|WA)"
        r"[ \t]+(\d{4})\b"
    )
)


# A province closing a town's line ("Moncton, NB"); not PE or MB, which are degrees too
PROVINCE_AFTER_TOWN = regex(
    r"\b[A-Z][a-z]+,[ \t]+(ON|BC|AB|QC|NS|NB|SK|NL|YT|NT|NU)(?=[ \t]*(?:$|[-\u2013\u2014;)]))",
    re.M,
)
# The town or county before a British postcode ("Bishop's Castle SY9 5AB")
UK_TOWN_POSTCODE = screened(
    regex(
        r"\b((?:[A-Z][a-z]+(?:['\u2019]s)?[ \t]+){0,2}[A-Z][a-z]+)[ \t]+"
        r"(?=[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[ABD-HJLNP-UW-Z]{2}\b)"
    )
)
UK_STREET_ENDS = frozenset(
    "road lane close street court avenue drive way crescent gardens place terrace square row "
    "walk grove mews rise view park".split()
)


# Words before a town and its state that are no part of the town ("in Dover, DE")
NOT_CITY_LEADS = NOT_NAMES | {"in", "from", "the", "of", "to"}


@trait  # (mypyc compiles a class of several bases only from traits: people.Finder)
class PlaceRules(FinderBase):
    def _signatures(self) -> None:
        """Staff named where notes are signed: "RN D. PRICE", initials on the last line or
        after a closing dash, "Dictated By: MO", "SA/mp"."""
        text = self.text
        for m in CREDENTIAL_THEN_NAME.finditer(text):
            self.add(*m.span(1), Kind.STAFF)
        signed = SIGNED_LAST_LINE.search(text, max(0, len(text) - 16))
        if signed is not None:
            for group in (1, 2):
                if signed.group(group) and _initials(signed.group(group)):
                    self.add(*signed.span(group), Kind.STAFF)
        dashed = DASH_SET_APART.search(text) is not None
        for m in DASHED_INITIALS_LOWER.finditer(text) if dashed else ():
            if _initials(m.group(1)):
                self.add(*m.span(1), Kind.STAFF)
        for m in STAFF_LABELLED.finditer(text) if ":" in text else ():
            letters = m.group(1)
            # (a typist's field holds initials even where they spell a word: "Transcribed: aw")
            typed = len(letters) < 4 and TYPED_LABEL.match(m.group()) is not None
            if letters.lower() in RELATION.by_last:
                continue  # ("taken by: mom": a relation, never a staff member)
            if _initials(letters) and (
                letters.isupper() or typed or letters not in self.lex.common
            ):
                self.add(*m.span(1), Kind.STAFF)  # (never "by: self", "Staff: PRN")
        for m in DICTATION.finditer(text):
            self.add(*m.span(1), Kind.STAFF)
            self.add(*m.span(2), Kind.STAFF)

    def _placeable(self, tok: Token, after: str) -> bool:
        """Whether a listed place after a cue is one: not a word no name can be, unless it is
        a town that names a sign or a scale ("lives in Glasgow", not "Glasgow coma scale")."""
        if tok.lower not in NOT_NAMES:
            return True
        return tok.lower in TOWN_EPONYMS and not PLACE_NOT_EPONYM.match(after)

    def _announced_places(self) -> None:
        """A word no dictionary knows, where a place is announced, is a place: "grew up in
        Remniku", "flew to LEPPEN", "based in Kurzenkirchen"."""
        tokens = self.tokens
        lex = self.lex
        for i in self.capitalised:
            tok = tokens[i]
            if i == 0 or tok.caps_line or len(tok.text) < 4:
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
    def _diagnosis_letters(self, i: int) -> bool:
        """A state's letters that are a diagnosis's after the words that lead to one."""
        tokens = self.tokens
        return tokens[i].text in MEDICAL_CODES and i > 0 and tokens[i - 1].lower in DX_BEFORE

    def regions(self) -> None:
        """US states and countries, as LOCATION: i2b2-style scorers count them, though Safe
        Harbor would let them stay ("moved from Texas", "born in Korea", "Decatur, GA"), and
        the state that issued a licence or a plate."""
        self._licensing_states()
        for country in THE_COUNTRY.finditer(self.text) if "the U" in self.text else ():
            self.add(*country.span(1), Kind.LOCATION)  # "came to the US in 2041"
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
            if found == i and self._diagnosis_letters(i):
                continue  # "DIED OF MI", "hx of CA": a diagnosis's letters, not a state's
            if found == i and tok.lower in lex.common:
                # "Turkey", "China", "Chad": a country only where a place is announced
                cue = STRONG_PLACE_CUE.ends_at(tokens, i - 1) if i else None
                if tok.caps_line or (tok.sentence_start and cue is None) or tok.lower == "jersey":
                    continue
            self.add(tok.start, tokens[found].end, Kind.LOCATION)
            code = REGION_POSTCODE.match(self.text, tokens[found].end)
            if code:
                self.add(*code.span(1), Kind.ZIP)  # "Finland 80896"
        for k, tok in enumerate(tokens):
            if tok.text not in STATE_CODES:
                continue
            m = STATE_CODE.match(self.text, tok.start)
            if m is None or self._diagnosis_letters(k):
                continue
            before = PLACE_BEFORE_CODE.search(self.text, max(0, m.start() - 40), m.start())
            if before is None:
                continue
            place = " ".join(before.group(1).split()).lower()
            known = place in lex.places or place.split()[-1] in lex.places
            # after a street or a box and its comma: "900 Quarry Rd, Glen Ash, PA 18529"
            listed = self.text[max(0, before.start(1) - 2) : before.start(1)] in (", ", "- ")
            comma = listed and self.text[m.start() - 2 : m.start()] == ", "
            if ZIP_AFTER.match(self.text, m.end()) and (
                known or comma or m.group() not in WORDLIKE_CODES
            ):
                self.add(*m.span(), Kind.LOCATION)  # "Greensboro NC 27403", "Glen Ash, PA 18529"
                continue
            if (
                comma
                and m.group() not in WORDLIKE_CODES
                and not before.group(1).isupper()  # ("Claire Dubois, MA, CT": her degrees)
                and CLOSING_AFTER_CODE.match(self.text, m.end())
            ):
                self.add(*m.span(), Kind.LOCATION)  # "Greenbrier Hospital, Marlinton, WV --"
                continue
            # a place announced as one: "in Ridgway, PA with", "moved to Salem, OR in May"
            announced = self.text[m.start() - 2 : m.start()] == ", " and ANNOUNCED_BEFORE.search(
                self.text, max(0, before.start(1) - 12), before.start(1)
            )
            if (
                not known
                and listed
                and m.group() not in WORDLIKE_CODES | CREDENTIAL_CODES | MEDICAL_CODES
                and self.text[m.start() - 2 : m.start()] != ", "
                and not before.group(1).isupper()
                and END_AFTER_CODE.match(self.text, m.end())
            ):
                # a town no gazetteer holds as one, listed last before its state's letters
                # that close the line: "Pinnacle Roofing, Mesa AZ", "- Summit Pain, Lehi UT"
                self.add(*before.span(1), Kind.LOCATION)
                self.add(*m.span(), Kind.LOCATION)
                continue
            person = m.group() in CREDENTIAL_CODES and self._person_before(before)
            if not known or (person and not announced):
                continue  # "Sun-Hee Park, MD", "Hope Grant, MA": a person and a degree
            town = (
                announced
                or lex.places.get(place) is True
                or lex.places.get(place.split()[-1]) is True
            )
            if m.group() in WORDLIKE_CODES and self.text[m.start() - 2 : m.start()] != ", ":
                continue  # ("Portal ID:", "Lena OK"): a word's letters need the town's comma
            gap = m.group() not in CREDENTIAL_CODES and GAP_AFTER_CODE.match(self.text, m.end())
            if (
                END_AFTER_CODE.match(self.text, m.end())
                or gap
                or (
                    (town or m.group() not in WORDLIKE_CODES)
                    and LOWER_AFTER_CODE.match(self.text, m.end())
                )
            ):
                self.add(*m.span(), Kind.LOCATION)  # "Decatur, GA.", "Williston, ND on"

    def _licensing_states(self) -> None:
        """The state that issued a licence, a plate or a law: "WI license LMFT-118204", "MO
        plate 7HK-2R9", "CDL # TX 31887204", "under NE law"."""
        text = self.text
        for m in STATE_BEFORE_LICENCE.finditer(text) if any_in(LICENCE_HINTS, text) else ():
            group = next(g for g in (1, 2, 3, 4, 5) if m.group(g))
            code = m.group(group)
            if code not in STATE_CODES:
                continue
            # (letters that are words too need the number: "ID license renewed" is no state)
            if group < 4 and code in WORDLIKE_CODES and not NUMBER_AFTER.match(text, m.end()):
                continue
            self.add(*m.span(group), Kind.LOCATION)
        for m in STATE_OF_LAW.finditer(text) if any_in(STATE_OF_LAW_HINTS, text) else ():
            code = m.group(1)
            if code in STATE_CODES and code not in WORDLIKE_CODES | LAWLESS_CODES:
                self.add(*m.span(1), Kind.LOCATION)
        for m in STATE_BEFORE_NUMBER.finditer(text) if "#" in text else ():
            before = ROLE_BEFORE.search(text, max(0, m.start() - 24), m.start())
            # (never the label of a number: "STATE ID # D0811", "ID #: PP-0091")
            if m.group(1) in STATE_CODES and m.group(1) != "ID" and before is not None:
                self.add(*m.span(1), Kind.LOCATION)
        for m in LICENSED_IN_MORE.finditer(text) if "licensed in" in text else ():
            for code in re.finditer(r"[A-Z]{2}", m.group(1)):
                if code.group() in STATE_CODES:
                    self.add(m.start(1) + code.start(), m.start(1) + code.end(), Kind.LOCATION)

    def _postal_regions(self) -> None:
        """A province before a Canadian postcode ("Collingwood, ON L9Y 2L7"); an Australian
        town, its state and its postcode ("Wattle Creek NSW 2798")."""
        text = self.text
        if any_in(PROVINCE_HINTS, text):
            for m in PROVINCE_POSTCODE.finditer(text):
                self.add(*m.span(1), Kind.LOCATION)
            for m in PROVINCE_AFTER_TOWN.finditer(text):
                self.add(*m.span(1), Kind.LOCATION)
        for m in TOWN_PROVINCE.finditer(text) if TOWN_PROVINCE_HINT.search(text) else ():
            town = fold(" ".join(m.group(1).split()))
            if town not in self.lex.places and town.split()[-1] not in self.lex.places:
                continue  # ("BED ALARM ON.")
            comma = "," in m.group(2)
            if m.group(3) in WORDLIKE_PROVINCES and not comma and not m.group(4):
                # ("Leeds ON the ward", "Coach Dorsey (PE)"; but a known town's "Halifax NS")
                if (not m.group(2).strip() and m.group(3) not in SPACED_PROVINCES) or (
                    m.group(3) == "PE"
                ):
                    continue
            self.add(*m.span(3), Kind.LOCATION)
        for m in UK_TOWN_POSTCODE.finditer(text) if POSTCODE_HINT.search(text) else ():
            if m.group(1).split()[-1].lower() not in UK_STREET_ENDS:
                self.add(*m.span(1), Kind.LOCATION)
        for m in AUSTRALIAN_TOWN.finditer(text) if any_in(AUSTRALIAN_HINTS, text) else ():
            self.add(*m.span(1), Kind.LOCATION)
            self.add(*m.span(2), Kind.LOCATION)
            self.add(*m.span(3), Kind.ZIP)

    def _person_before(self, before: re.Match[str]) -> bool:
        """A capitalised word (a given name) before the town-like word: a person's name."""
        words = before.group(1).split()
        if len(words) > 1:  # "Fall River, MA" is a town; "Sun-Hee Park, MD" a person
            return " ".join(words).lower() not in self.lex.places
        head = self.text[max(0, before.start(1) - 30) : before.start(1)]
        return PERSON_BEFORE.search(head) is not None

    # --- places ----------------------------------------------------------------------------
    def bare_streets(self) -> None:
        """A number and a street's name with no suffix, where an address is announced or a
        town follows: "staying with a friend at 211 Hancock", "Walgreens, 455 Broadway, Chelsea"."""
        text = self.text
        for m in BARE_STREET.finditer(text):  # (it starts only at a digit)
            words = m.group(2).lower().split()
            if any(w in self.lex.common and w not in STREET_WORDS for w in words):
                continue
            if any(w in NOT_NAMES or MONTH_OR_DAY.fullmatch(w.title()) for w in words):
                continue
            town = TOWN_AFTER.match(text, m.end())
            announced = ADDRESS_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if (town and town.group(1).lower() in self.lex.places) or announced:
                self.add(m.start(1), m.end(1), Kind.ADDRESS)

    def places(self) -> None:
        self.bare_streets()
        self._postal_regions()
        lex = self.lex
        tokens = self.tokens
        n = len(tokens)
        resume = 0  # (past the last place found: its words are no new place's head)
        for i in self.capitalised:
            tok = tokens[i]
            if i < resume or (tok.lower not in lex.places and tok.lower not in lex.place_heads):
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
            elif strong or ((cue or followed) and self._placeable(tok, after)):
                self.add(start, end, Kind.LOCATION)
                if not strong:
                    self.place_words.add(self.text[start:end].lower())
            resume = j + 1
        for m in CITY_STATE.finditer(self.text):
            lead = m.group(1).split()
            if lead[0].lower().rstrip(".") in LOWER_TITLES:
                continue  # "Dr. Smith, MD": a person and a credential, not a town and a state
            while lead and lead[0].lower() in NOT_CITY_LEADS:
                lead.pop(0)
            if lead:
                city = " ".join(lead)
                self.add(m.end(1) - len(city), m.end(1), Kind.LOCATION)
                self.place_words.add(city.lower())
        self._announced_places()
        self._propagate_places()
        for m in CAPTION.finditer(self.text) if " v." in self.text or " vs" in self.text else ():
            self.add(*m.span(1), Kind.NAME)
        hinted = INITIALS_HINT.search(self.text) is not None
        for m in INITIALS.finditer(self.text) if hinted else ():
            self.add(*m.span(1), Kind.NAME)
        for m in DOTTED_INITIALS.finditer(self.text) if hinted else ():
            letters = m.group(1).replace(" ", "").replace("\t", "")
            # (nor a credential after a name's initial: "TOMAS E. M.D."; but "A.M., 14-year-old"
            # are a person's initials, whatever else they spell)
            aged = AGE_AFTER_INITIALS.match(self.text, m.end(1)) is not None
            if aged or (
                letters not in DOTTED_NOT_INITIALS and letters[-4:] not in DOTTED_NOT_INITIALS
            ):
                for k in range(m.start(1), m.end(1)):  # each letter, as initials are found
                    if self.text[k].isalpha():
                        self.add(k, k + 1, Kind.NAME)
        for m in CAPS_HEADER_NAME.finditer(self.text):
            surname = m.group(1).split()[0].lower()
            if surname in self.lex.last or surname not in self.lex.common:
                self.add(m.start(1), m.end(2), Kind.NAME)
        for m in CITY_LOWER.finditer(self.text) if "City" in self.text else ():
            self.add(*m.span(1), Kind.LOCATION)
        self._signatures()
        for m in COUNTY.finditer(self.text) if any_in(COUNTY_WORDS, self.text) else ():
            group = next(g for g in (1, 2, 3) if m.group(g))
            self.add(*m.span(group), Kind.LOCATION)


def _initials(letters: str) -> bool:
    """Letters signing a note that are no credential, no clinical abbreviation, no word."""
    low = letters.lower()
    return letters not in CREDENTIAL_WORDS and low not in CLINICAL and low not in NOT_DASHED


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
