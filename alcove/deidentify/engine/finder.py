"""The finder's state and the questions every rule asks of a word (is it a given name,
an ordinary word, a drug) and of a run of words."""

from mypy_extensions import trait

from alcove.deidentify.engine.cues import (
    CAPS_STOP,
    CREDENTIALS_LOWER,
    DOSE_AFTER,
    DOSE_FIRST,
    DRUG_STEMS,
    EMPLOYERS,
    ENGLISH_SUFFIX,
    EPONYM_AFTER,
    FUNCTION_WORDS,
    GAP_NAME,
    NOT_NAMES,
    RELATION,
    SERVICE_TAIL,
    STATE_NAMES,
    STATE_WORDS,
    credential_word,
)
from alcove.deidentify.engine.spans import Kind, Span, span_of
from alcove.deidentify.engine.tokens import (
    Token,
    tokens_of,
)
from alcove.deidentify.engine.vocabulary import (
    EPONYMS,
    NAME_FIRST,
    PARTICLES,
    PROPER_NOT_NAMES,
    TITLES,
)
from alcove.deidentify.engine.words import Lexicon

# Surnames of two letters that are no English word, unit or abbreviation ("Vu asked to call",
# "Ng states"); "Li", "Le", "Ho" and "Do" are words or lithium as often
TWO_LETTER_SURNAMES = frozenset({"vu", "vo", "ng", "wu", "xu", "yu"})


@trait  # (mypyc compiles a class of several bases only from traits: people.Finder)
class FinderBase:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.tokens = tokens_of(text)
        self.spans: list[Span] = []
        self.ages: list[Span] = []
        self.name_words: set[str] = set()
        self.place_words: set[str] = set()
        self._token_bounds: tuple[list[int], list[int]] | None = None
        self._words: frozenset[str] | None = None
        self._capitalised: list[int] | None = None

    @property
    def words(self) -> frozenset[str]:
        """Every word of the note as written: a quick test of whether a list's word is there."""
        if self._words is None:
            self._words = frozenset(t.text for t in self.tokens)
        return self._words

    @property
    def capitalised(self) -> list[int]:
        """The indices of the capitalised tokens, in order: the passes that look only at
        those skip the other half of a note's words without a step each."""
        if self._capitalised is None:
            self._capitalised = [i for i, t in enumerate(self.tokens) if t.cap]
        return self._capitalised

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
            and (len(lw) > 2 or lw in TWO_LETTER_SURNAMES)
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
        first = self.text[tok.end : tok.end + 16].lstrip(" \t")[:1]  # (most words: no dose)
        if first in DOSE_FIRST or not first or first.isdigit():
            if DOSE_AFTER.match(self.text, tok.end) is not None:
                return True
        lw = tok.lower  # a stem in a name is chance: "April", "Nardone", "McAlpine"
        stem = lw.endswith(DRUG_STEMS)
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

    def contracted(self, tok: Token) -> bool:
        """The word is a verb's with "n't" after it ("Don't", "won't"), which no name has."""
        return self.text.startswith(("'t", "\u2019t"), tok.end)

    def _initial(self, tok: Token) -> bool:
        return len(tok.text) == 1 and self.text[tok.end : tok.end + 1] == "."

    def gap(self, a: Token, b: Token) -> str:
        return self.text[a.end : b.start]

    def adjacent(self, a: Token, b: Token) -> bool:
        gap = self.gap(a, b)
        return gap in GAP_NAME or (self._initial(a) and gap in (". ", "."))

    def next_column(self, gap: str, tok: Token) -> bool:
        """Whether a word of English after two spaces opens a form's next column, not the
        rest of a name ("Aaliyah Brooks  Age 7 yr")."""
        return gap == "  " and tok.lower in self.lex.common and tok.lower not in self.lex.first

    def add(self, start: int, end: int, kind: Kind) -> None:
        if kind == Kind.ORGANIZATION:
            tail = SERVICE_TAIL.match(self.text, end)
            if tail:
                end = tail.end()
            if self.text[end : end + 2] in ("'s", "\u2019s"):
                if end + 2 == len(self.text) or not self.text[end + 2].isalnum():
                    end += 2  # "Dayton Children's", "Papa Gino's": the 's is the name's
        self.spans.append(span_of(start, end, kind))

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
            if self.next_column(gap, tok):
                break
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
        """A surname that is also a people's, a state's or an eponym's name, after a given name
        ("Grant Black", "Leroy Washington", "Marcus Bell"): the census holds it as a surname."""
        lw = tok.lower
        after_initial = self._initial(prev) and self.gap(prev, tok) == ". "
        return (
            tok.cap
            and (tok.text[1:].islower() or tok.caps_line)
            and ((len(prev.text) > 1 and prev.lower in self.lex.first) or after_initial)
            and self.lex.last.get(lw, 10**6) < 20000
            and (lw in PROPER_NOT_NAMES or lw in STATE_NAMES or lw in EPONYMS)
            and not self.eponym_like(tok)
            and (self.gap(prev, tok) == " " or after_initial)
        )

    def add_run(self, i: int, last: int, kind: Kind) -> None:
        tokens = self.tokens
        while last >= i and credential_word(tokens[last].text):
            last -= 1  # "A Brennan RMN", "Ng, MBChB, MRCPsych": the credential is no name
        if last < i:
            return
        i = self._initials_before(i)
        end = tokens[last].end + (1 if self._initial(tokens[last]) else 0)
        self.add(tokens[i].start, end, kind)
        for tok in tokens[i : last + 1]:
            long = len(tok.text) > 2 or tok.lower in TWO_LETTER_SURNAMES
            if long and tok.lower not in PARTICLES:
                self.name_words.add(tok.lower)

    def _caps_name_word(self, tok: Token) -> bool:
        """In a line of capitals, a word that may continue a name already begun."""
        lw = tok.lower
        if len(lw) < 2:
            return self.name_like(tok)  # an initial
        if lw in CAPS_STOP or lw in NOT_NAMES or lw in FUNCTION_WORDS:
            return False
        return lw in self.lex.last or lw in self.lex.first or lw not in self.lex.common

    def _initials_before(self, i: int) -> int:
        """Extend a name back over initials: "R. Okonkwo", "M. J. Fox" (four at most: a
        longer run of dotted letters is no one's initials, and walking it back from each of
        its letters cost its length squared)."""
        tokens = self.tokens
        first = max(0, i - 4)
        while i > first and self._initial(tokens[i - 1]) and tokens[i - 1].cap:
            if self.gap(tokens[i - 1], tokens[i]) not in (". ", "."):
                break
            i -= 1
        return i

    def _opening_word(self, tok: Token) -> bool:
        """An ordinary word opening a sentence ("Reviewed Ana Ruiz, LCSW"), no name."""
        lw = tok.lower
        return (
            tok.sentence_start
            and lw in self.lex.common
            and lw not in self.lex.first
            and lw not in self.lex.last
        )

    def _whole_line(self, start: int, end: int) -> bool:
        """The words fill their line (a letterhead: "Meridian Recovery Center")."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start:start].strip() and not text[end:line_end].strip(" .,")
