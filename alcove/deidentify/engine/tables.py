"""Tables drawn with bars, as intake forms paste them: a household's members, one a row.

    | Name          | Relation | Age | Occupation / School          |
    | Keisha Talbot | Self     | 31  | Pharmacy technician          |

A column's heading says what its cells hold, which no rule reading the words around a cell
can see: the numbers under "Age" are ages, and a trade under "Occupation" is a trade.
(Names and employers in the cells are found by the other rules, which read them as text,
except where the heading is all that says whom a cell names: "Initials", "Given by", "Pt".)
"""

from collections import Counter
from itertools import pairwise

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.cues import NOT_NAMES
from alcove.deidentify.engine.spans import Kind, Span
from alcove.deidentify.engine.vocabulary import CLINICAL
from alcove.deidentify.engine.words import Lexicon, Words

AGE_HEADINGS = frozenset({"age", "age (yrs)", "age (years)", "ages"})
# A column of the ages at which something happened: "Age 1st use", "Age of onset", "Onset age"
AGE_AT = regex(r"(?:age (?:at|of|1st|first|started|began)\b.*|(?:onset|start|first use) age)")
TRADE_HEADINGS = ("occupation", "job", "profession", "employment", "work")
# What a household's members are when they have no trade: it identifies no one
NO_TRADE = frozenset({"student", "retired", "unemployed", "homemaker", "disabled", "none"})
AGE_CELL = regex(r"[ \t]*(\d{1,3})[ \t]*")
# Columns whose heading says their cells are who signed the row, or who the row is about
SIGNER_HEADINGS = frozenset(
    "initials|init|inits|by|given by|obs by|checked by|done by|signed|nurse|staff|rn|worker|"
    "clinician|lead".split("|")
)
# Headings that say by what a row was paid, not by whom: "Paid by | CC"
PAYER_HEADINGS = frozenset({"paid by", "funded by", "covered by", "billed by", "paid for by"})
PERSON_HEADINGS = frozenset({"pt", "patient", "client", "resident", "service user"})
# A signer's cell: "| TM", "HT/JR - see incident", "kp" (perhaps with more after a dash)
SIGNER_CELL = regex(
    r"[ \t]*([A-Za-z]{2,3})(?:[ \t]*/[ \t]*([A-Za-z]{2,3}))?(?=[ \t]*(?:$|[-,;:(]))"
)
# A person's cell: one to three words, the first capitalised ("Sky", "Rose M", "JB")
PERSON_CELL = regex(r"[ \t]*([A-Z][A-Za-z'-]*(?:[ \t]+[A-Z][A-Za-z'.-]*){0,2})[ \t]*")
NOT_PEOPLE = frozenset({"na", "nil", "yes", "no", "none", "vacant", "empty", "self", "pt"})
# A cell of two or three letters, perhaps with the time they signed at: "| TW |", "| DO 2215 |"
INITIALS_CELL = regex(r"[ \t]*([A-Za-z]{2,3})(?:[ \t]+((?:[01]\d|2[0-3])[0-5]\d))?[ \t]*")


def table_spans(text: str, jobs: Words) -> list[Span]:
    """Ages and trades in the cells of each bar table's columns that are headed so."""
    if "|" not in text:
        return []
    out: list[Span] = []
    ages = trades = -1
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        if "|" not in line:
            ages = trades = -1  # the table ended
            continue
        # (cut at every bar, so that a row drawn without its outer bars lines up with its
        # heading: "PT | AGE | BARRIER", "R. Mbeki | 52 | housing")
        cells = _split(line, start)
        headings = [text[a:b].strip().lower() for a, b in cells]
        age_at = next((k for k, h in enumerate(headings) if _ages(h)), -1)
        trade_at = next((k for k, h in enumerate(headings) if h.startswith(TRADE_HEADINGS)), -1)
        if age_at >= 0 or trade_at >= 0:  # a heading row: the columns below are these
            ages, trades = age_at, trade_at
            continue
        if 0 <= ages < len(cells):
            a, b = cells[ages]
            m = AGE_CELL.fullmatch(text, a, b)
            if m is not None:
                out.append(Span(*m.span(1), Kind.AGE))
        if 0 <= trades < len(cells):
            out.extend(_trade(text, *cells[trades], jobs))
    return out


def _cells(line: str, start: int) -> list[tuple[int, int]]:
    """Each cell's (start, end) in the text, between the bars of a line."""
    return _split(line, start)[1:-1]


def _trade(text: str, a: int, b: int, jobs: Words) -> list[Span]:
    """The cell's trade: its words up to a comma, when the last of them is a trade's word
    ("Welder, Gulf Coast Fabrication"; not "3rd grade, Pelham Elementary")."""
    cell = text[a:b]
    head = cell.split(",")[0].rstrip()
    words = head.split()
    if not words or words[-1].lower().strip(".") not in jobs or head.strip().lower() in NO_TRADE:
        return []
    begin = a + len(cell) - len(cell.lstrip())
    return [Span(begin, a + len(head), Kind.PROFESSION)]


def table_initials(text: str, lex: Lexicon) -> list[Span]:
    """The initials a flowsheet's staff sign its rows with, where no legend names them: a
    cell of two or three letters no dictionary holds that recurs or bears a time ("| MFL |",
    "| mw 2330 |"), or one that does both ("| DO 2215 |"); never "| WNL |" or "| Yes |"."""
    if "|" not in text:
        return []
    cells: list[tuple[str, int, int, bool]] = []
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        for a, b in _cells(line, start) if line.count("|") > 1 else ():
            m = INITIALS_CELL.fullmatch(text, a, b)
            if m is not None:
                cells.append((m.group(1), *m.span(1), m.group(2) is not None))
    counts = Counter(letters for letters, *_ in cells)

    def signed(letters: str, timed: bool) -> bool:
        recurs = counts[letters] > 1
        if _word_or_shorthand(letters, lex):
            return recurs and timed  # "DO" is a word, "| DO 2215 |" on every row a signature
        return recurs or timed

    return [Span(a, b, Kind.STAFF) for letters, a, b, timed in cells if signed(letters, timed)]


def _word_or_shorthand(letters: str, lex: Lexicon) -> bool:
    """A cell's letters as a value writes them: a word or clinical shorthand ("WNL", "Yes")."""
    low = letters.lower()
    return low in lex.common or low in lex.safe or low in NOT_NAMES or low in CLINICAL


def headed_columns(text: str) -> list[Span]:
    """The cells under a heading that says whom they name: the initials under "Initials",
    "Given by" or "by" (each row's signer, "| TM", "HT/JR - see incident") and the patient
    under "Pt" or "Client" ("Bed | Pt | Legal": "3 | Sky | informal")."""
    out: list[Span] = []
    columns: dict[int, Kind] = {}
    width = 0
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        if "|" not in line:
            columns = {}
            continue
        cells = _split(line, start)
        heads = {k: _heading_kind(text[a:b].strip().lower()) for k, (a, b) in enumerate(cells)}
        if any(heads.values()):
            columns = {k: kind for k, kind in heads.items() if kind is not None}
            width = len(cells)
            continue
        if not columns or abs(len(cells) - width) > 1:
            continue  # (a row spanning columns: "0415 | RAPID RESPONSE CALLED | JLB")
        for k, kind in columns.items():
            if k < len(cells):
                out.extend(_headed_cell(text, *cells[k], kind))
    return out


def _ages(heading: str) -> bool:
    return heading in AGE_HEADINGS or AGE_AT.fullmatch(heading) is not None


def _split(line: str, start: int) -> list[tuple[int, int]]:
    """Each cell's (start, end) in the text, the line cut at its bars."""
    bars = [start + k for k, c in enumerate(line) if c == "|"]
    edges = [start - 1, *bars, start + len(line)]
    return [(a + 1, b) for a, b in pairwise(edges)]


def _heading_kind(heading: str) -> Kind | None:
    if heading in SIGNER_HEADINGS or (
        heading.endswith(" by") and len(heading) < 16 and heading not in PAYER_HEADINGS
    ):
        return Kind.STAFF  # (and "Issued by", "Witnessed by", "Approved by")
    return Kind.NAME if heading in PERSON_HEADINGS else None


def _headed_cell(text: str, a: int, b: int, kind: Kind) -> list[Span]:
    if kind == Kind.STAFF:
        m = SIGNER_CELL.match(text, a, b)
        if m is None:
            return []
        groups = [g for g in (1, 2) if m.group(g) and m.group(g).lower() not in NOT_PEOPLE]
        return [Span(*m.span(g), kind) for g in groups]
    m = PERSON_CELL.fullmatch(text, a, b)
    if m is None or m.group(1).lower() in NOT_PEOPLE:
        return []
    return [Span(*m.span(1), kind)]
