"""Tables drawn with bars, as intake forms paste them: a household's members, one a row.

    | Name          | Relation | Age | Occupation / School          |
    | Keisha Talbot | Self     | 31  | Pharmacy technician          |

A column's heading says what its cells hold, which no rule reading the words around a cell
can see: the numbers under "Age" are ages, and a trade under "Occupation" is a trade.
(Names and employers in the cells are found by the other rules, which read them as text.)
"""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.spans import Kind, Span

AGE_HEADINGS = frozenset({"age", "age (yrs)", "age (years)", "ages"})
TRADE_HEADINGS = ("occupation", "job", "profession", "employment", "work")
# What a household's members are when they have no trade: it identifies no one
NO_TRADE = frozenset({"student", "retired", "unemployed", "homemaker", "disabled", "none"})
AGE_CELL = regex(r"[ \t]*(\d{1,3})[ \t]*")


def table_spans(text: str, jobs: frozenset[str]) -> list[Span]:
    """Ages and trades in the cells of each bar table's columns that are headed so."""
    if "|" not in text:
        return []
    out: list[Span] = []
    ages = trades = -1
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        if not line.lstrip().startswith("|"):
            ages = trades = -1  # the table ended
            continue
        cells = _cells(line, start)
        headings = [text[a:b].strip().lower() for a, b in cells]
        if any(h in AGE_HEADINGS or h.startswith(TRADE_HEADINGS) for h in headings):
            ages = next((k for k, h in enumerate(headings) if h in AGE_HEADINGS), -1)
            trades = next((k for k, h in enumerate(headings) if h.startswith(TRADE_HEADINGS)), -1)
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
    bars = [start + k for k, c in enumerate(line) if c == "|"]
    return list(zip((b + 1 for b in bars), bars[1:], strict=False))


def _trade(text: str, a: int, b: int, jobs: frozenset[str]) -> list[Span]:
    """The cell's trade: its words up to a comma, when the last of them is a trade's word
    ("Welder, Gulf Coast Fabrication"; not "3rd grade, Pelham Elementary")."""
    cell = text[a:b]
    head = cell.split(",")[0].rstrip()
    words = head.split()
    if not words or words[-1].lower().strip(".") not in jobs or head.strip().lower() in NO_TRADE:
        return []
    begin = a + len(cell) - len(cell.lstrip())
    return [Span(begin, a + len(head), Kind.PROFESSION)]
