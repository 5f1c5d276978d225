"""The lexicon's shape (lexicon.py loads it): its lists of words, and words folded as its
keys are. Kept apart from the loading so that mypyc compiles this (native.py) and leaves the
loading, which runs once, as Python."""

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

V = TypeVar("V", covariant=True)


# What the engine asks of a list of words: a set, or a WordList as loaded (wordlists.py)
class Words(Protocol):
    def __contains__(self, word: object, /) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...


# And of words with a value each: a dict, or a WordList as loaded
class Valued(Words, Protocol[V]):
    def __getitem__(self, word: str, /) -> V: ...
    def get(self, word: str, default: Any = None, /) -> Any: ...


@dataclass
class Lexicon:
    first: Valued[int] = field(
        default_factory=dict[str, int]
    )  # lower-case given name -> census rank
    last: Valued[int] = field(default_factory=dict[str, int])  # lower-case surname -> census rank
    common: Words = frozenset()  # ordinary English words (lower case)
    # place names (lower case, words joined by one space) -> True when unambiguous
    places: Valued[bool] = field(default_factory=dict[str, bool])
    # first words of place names of two words or more, those that are no place's name too
    # (a place's own name is looked up in places: kept once, a ninth fewer words to load)
    place_heads: Words = frozenset()
    place_longest: int = 1
    # US states and countries (lower case, words joined by one space): masked as LOCATION
    # unless the caller keeps them (Safe Harbor allows it)
    regions: Words = frozenset()
    # frequent words that web2 lacks ("coordinate", "online", "telehealth"): no name's shape
    modern: Words = frozenset()
    # the allow-list: words known to be safe even capitalised mid-sentence (allowlist.py)
    safe: Words = frozenset()
    # the length of the longest word on it (a word longer than two of them is no two run
    # together)
    safe_longest: int = 1
    # everyday words left off the allow-list for being names first ("frank", "hall")
    named_words: Words = frozenset()
    # the last words of job titles ("adjuster", "librarian"): professions (allowlist.py)
    jobs: Words = frozenset()


def fold(word: str) -> str:
    """Lower case with accents dropped ("Ramírez" -> "ramirez"), as the lexicon keys are."""
    low = word.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
