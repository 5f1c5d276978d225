"""Tokens: the words of a text with what the rules ask of each (case, a line of capitals,
a sentence's start)."""

from alcove.deidentify.engine.compiled import regex
from alcove.deidentify.engine.words import fold

# Letters of any script; an apostrophe joins "O'Brien" but not "I've" or "didn't".
# (Runs of letters joined by one mark: the same words as a loop over single letters, and a
# third faster.)
WORD = regex(r"[^\W\d_][^\W\d_]*(?:(?:-|['\u2019](?!(?:ve|m|d|ll|re|t)\b))[^\W\d_]+)*")


class Token:
    """A word: where it stands, as written and folded to lower case, whether it is
    capitalised, in a line of capitals, or a sentence's first.

    (A plain class: mypyc compiles its __init__, where a dataclass's is generated Python,
    run for each of a note's words at ten times the cost.)"""

    __slots__ = ("cap", "caps_line", "end", "lower", "sentence_start", "start", "text")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        lower: str,
        cap: bool,
        caps_line: bool,
        sentence_start: bool,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.cap = cap
        self.caps_line = caps_line
        self.sentence_start = sentence_start

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


ABBREVIATED = regex(
    r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Mt|Jr|Sr|Prof|Rev|Fr|vs|ST|DR|MR|MRS|MS|e\.g|i\.e|eg|esp|incl)"
    r"|\b[A-Z])$"
)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'(*•-\u2013)[":
        i -= 1
    if i >= 0 and text[i] == "." and ABBREVIATED.search(text, max(0, i - 5), i):
        return False  # "St. Luke", "Dr. Okafor", "J. Smith", "e.g. Lantern House"
    return i < 0 or text[i] in ".!?:;\n"


def past(text: str, start: int, chars: str) -> int:
    """Where the first character at or after `start` that is none of `chars` stands (the
    length of the text if none): a look past the spaces after a word before a pattern is
    asked there, which spares most words the pattern's call."""
    end = len(text)
    while start < end and text[start] in chars:
        start += 1
    return start


LOWER_BYTES = bytes(range(ord("a"), ord("z") + 1))
UPPER_BYTES = bytes(range(ord("A"), ord("Z") + 1))


def tokens_of(text: str) -> list[Token]:
    caps_lines: list[tuple[int, bool]] = []
    position = 0
    for line in text.split("\n"):
        # (counted on ASCII bytes: deleting by a byte table is many times faster than by a
        # str translation table)
        ascii_ = line.encode("ascii", "ignore")
        lower = len(ascii_) - len(ascii_.translate(None, LOWER_BYTES))
        upper = len(ascii_) - len(ascii_.translate(None, UPPER_BYTES))
        caps_lines.append((position + len(line), upper >= 10 and upper > 4 * lower))
        position += len(line) + 1
    row = 0
    tokens: list[Token] = []
    # (most notes are ASCII throughout: then no word needs folding, and a capital is A to Z,
    # answered without a method's call for each word)
    ascii_text = text.isascii()
    for m in WORD.finditer(text):
        start, end = m.span()
        word = text[start:end]
        if word.endswith(("'s", "\u2019s", "'S")):
            word, end = word[:-2], end - 2
        while caps_lines[row][0] < start:
            row += 1
        low = word.lower()
        first = word[0]
        tokens.append(
            Token(
                start,
                end,
                word,
                low if ascii_text or low.isascii() else fold(low),
                "A" <= first <= "Z" if ascii_text else first.isupper(),
                caps_lines[row][1],
                # (most words follow a word and a space: no sentence starts there)
                False
                if start > 1 and text[start - 1] == " " and text[start - 2].isalnum()
                else _sentence_start(text, start),
            )
        )
    return tokens
