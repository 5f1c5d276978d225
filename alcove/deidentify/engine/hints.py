"""Hint words: what a rule's pattern cannot match without, looked for all at once.

Many rules run a pattern only when the text holds one of a few words ("Route", " St",
"dob"): the pattern's scan costs far more than the look. But a note meets some 400 such
words, and a substring search for each went through the note 400 times (a twentieth of the
engine's time). So each rule's words are made a `Hint` when the engine is imported; the
first look at a text finds every hint word in it in one pass of an Aho-Corasick automaton
(pyahocorasick), and each later look at the same text is a set intersection.

What is kept between looks is the set of hint words a text holds, under the text's hash and
length: never the text. Words that are no Hint (a plain tuple) are looked for one by one.
"""

import threading
from collections.abc import Iterable

import ahocorasick
from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=False)  # (mypyc compiles no subclass of tuple)
class Hint(tuple[str, ...]):
    """Words one rule needs (any one of them), known to the automaton."""

    __slots__ = ()


_words: set[str] = set()
_lock = threading.Lock()
# (the automaton, how many words it was made from, and the words of one character it leaves
# to a plain search), swapped whole when words are added
_built: tuple[ahocorasick.Automaton, int, tuple[str, ...]] = (ahocorasick.Automaton(), -1, ())
# hash and length of a text -> (the automaton that read it, the hint words in it)
_seen: dict[tuple[int, int], tuple[object, frozenset[str]]] = {}
SEEN_KEPT = 8  # a note's text, its lower case and a line or two of it


def hint(words: Iterable[str]) -> Hint:
    """The words as a Hint (made at import time: the automaton is built once, from all)."""
    made = Hint(words)
    if not all(made):
        raise ValueError("a hint word cannot be empty")
    _words.update(made)
    return made


def hints(table: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A table of rules' words, each row a Hint (an empty row, for a rule always run, kept)."""
    return tuple(hint(row) if row else () for row in table)


def any_in(words: tuple[str, ...], text: str) -> bool:
    """Whether any of the words is in the text, as a substring."""
    if type(words) is not Hint:
        for word in words:  # (a loop rather than a generator: a third faster)
            if word in text:
                return True
        return False
    return not _in(text).isdisjoint(words)


def _in(text: str) -> frozenset[str]:
    automaton, size, singles = _built
    if size != len(_words):
        automaton, size, singles = _build()
    if not text or not size:
        return frozenset()
    key = (hash(text), len(text))
    seen = _seen.get(key)
    if seen is not None and seen[0] is automaton:
        return seen[1]
    found = {word for _, word in automaton.iter(text)} if len(automaton) else set()
    found.update(word for word in singles if word in text)
    kept = frozenset(found)
    if len(_seen) >= SEEN_KEPT:
        _seen.clear()
    _seen[key] = (automaton, kept)
    return kept


def _build() -> tuple[ahocorasick.Automaton, int, tuple[str, ...]]:
    """The automaton of every hint word of two characters or more, and those of one (a
    single character is found at once by a plain search, and would be most of the
    automaton's matches: every "-" and "/" of a note)."""
    global _built
    with _lock:
        words = sorted(_words)
        made = ahocorasick.Automaton()
        for word in words:
            if len(word) > 1:
                made.add_word(word, word)
        made.make_automaton()
        _built = (made, len(words), tuple(word for word in words if len(word) == 1))
    return _built
