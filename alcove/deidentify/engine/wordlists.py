"""The lexicon's word lists as text, each word looked up when it is first asked.

Unmarshalled as 285,000 string objects in sets and dicts, the lexicon cost a twentieth of a
run over the benchmark's notes: made one by one, hashed, collected, and freed again at exit.
A run asks only a few thousand distinct words of it. So each list is kept as a few thousand
strings, each holding the words that begin with the same three letters, one per line
("\\nmaple\\nmapleton\\n"). A word is found by searching its line in its one small string,
and the answer is remembered for the next time it is asked. The answers are the same as a
set's or a dict's: a word holding a line break or a tab, which no list holds, is never
searched for (it could join two lines).
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

KEY: Final = 3  # the letters a word's string is found by (a few hundred bytes each, on average)
SEEN_MOST = 1 << 16  # answers remembered at most, a list (a server sees new words for ever)

# what a list holds for each word
WORDS: Final = 0  # nothing: a set
NUMBERS: Final = 1  # a number (a census rank)
YES_NO: Final = 2  # True or False

_ABSENT: Final = object()


class WordList:
    """A set of words, or a mapping of words to a number or to True or False, held as text.

    Only what the engine asks of its lists: `in`, `get`, `[]`, `len`, iteration (slow: it
    reads every line) and truth."""

    def __init__(self, shelves: dict[str, str], size: int, holds: int) -> None:
        self.shelves = shelves
        self.size = size
        self.holds = holds
        # the answers so far: whether a word is held, and (of a mapping) its value
        self.held: dict[str, bool] = {}
        self.values: dict[str, object] = {}

    def _remember(self, answers: dict[str, Any], word: str, answer: object) -> None:
        if len(answers) >= SEEN_MOST:
            answers.clear()
        answers[word] = answer

    def _read(self, word: str) -> object:
        if "\n" in word or "\t" in word:
            return _ABSENT
        shelf = self.shelves.get(word[:KEY])
        if shelf is None:
            return _ABSENT
        if self.holds == WORDS:
            return True if f"\n{word}\n" in shelf else _ABSENT
        line = f"\n{word}\t"
        at = shelf.find(line)
        if at < 0:
            return _ABSENT
        raw = shelf[at + len(line) : shelf.index("\n", at + 1)]
        if self.holds == YES_NO:
            return raw == "1"  # (apart: mypyc would make a bool or an int an int)
        return int(raw)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        held = self.held.get(word)
        if held is None:
            held = self._read(word) is not _ABSENT
            self._remember(self.held, word, held)
        return held

    def _value(self, word: str) -> object:
        value = self.values.get(word)
        if value is None:
            value = self._read(word)
            self._remember(self.values, word, value)
        return value

    def get(self, word: str, default: Any = None) -> Any:
        value = self._value(word)
        return default if value is _ABSENT else value

    def __getitem__(self, word: str) -> Any:
        value = self._value(word)
        if value is _ABSENT:
            raise KeyError(word)
        return value

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[str]:
        for shelf in self.shelves.values():
            for line in shelf[1:-1].split("\n"):
                yield line.split("\t", 1)[0]


def word_list(words: Iterable[str] | Mapping[str, int | bool]) -> WordList:
    """The words (and their values, given a mapping) as a WordList. A word holding a line
    break or a tab cannot be held: ValueError, rather than a list that silently lacks it."""
    holds = WORDS
    if isinstance(words, Mapping):
        values = list(words.values())
        holds = YES_NO if values and all(isinstance(v, bool) for v in values) else NUMBERS
    lines: dict[str, list[str]] = {}
    count = 0
    for word in sorted(words):
        if "\n" in word or "\t" in word:
            raise ValueError(f"a word list cannot hold {word!r}")
        line = word
        if isinstance(words, Mapping):
            value = words[word]
            line = f"{word}\t{int(value)}"
        lines.setdefault(word[:KEY], []).append(line)
        count += 1
    shelves = {key: "\n" + "\n".join(held) + "\n" for key, held in lines.items()}
    return WordList(shelves, count, holds)
