"""The lexicon's shape (lexicon.py loads it): its sets of words, and words folded as its
keys are. Kept apart from the loading so that mypyc compiles this (native.py) and leaves the
loading, which runs once, as Python."""

import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

# A set of words, held where the garbage collector never walks it (words_held)
Words = AbstractSet[str]


def words_held(words: Iterable[str]) -> Words:
    """The words as a set the garbage collector does not go through. It walks every entry of
    a frozenset at each full collection (15 ms for the lexicon's 140,000 words, at the end of
    every process at least); the keys of a dict that holds only strings it leaves alone."""
    return dict.fromkeys(words).keys()


@dataclass
class Lexicon:
    first: dict[str, int] = field(default_factory=dict)  # lower-case given name -> census rank
    last: dict[str, int] = field(default_factory=dict)  # lower-case surname -> census rank
    common: Words = frozenset()  # ordinary English words (lower case)
    # place names (lower case, words joined by one space) -> True when unambiguous
    places: dict[str, bool] = field(default_factory=dict)
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
