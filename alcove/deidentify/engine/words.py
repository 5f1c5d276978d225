"""The lexicon's shape (lexicon.py loads it): its lists of words, and words folded as its
keys are. Kept apart from the loading so that mypyc compiles this (native.py) and leaves the
loading, which runs once, as Python."""

import unicodedata
from collections.abc import Iterator
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


class Lexicon:
    """The word lists (lexicon.py says where each comes from). A plain class: the engine
    loads no `dataclasses` (with `inspect`, a hundredth of a run over the benchmark's notes)."""

    def __init__(
        self,
        first: Valued[int] | None = None,
        last: Valued[int] | None = None,
        common: Words = frozenset(),
        places: Valued[bool] | None = None,
        place_heads: Words = frozenset(),
        place_longest: int = 1,
        regions: Words = frozenset(),
        modern: Words = frozenset(),
        safe: Words = frozenset(),
        safe_longest: int = 1,
        named_words: Words = frozenset(),
        jobs: Words = frozenset(),
    ) -> None:
        # lower-case given name, surname -> census rank
        self.first: Valued[int] = first if first is not None else {}
        self.last: Valued[int] = last if last is not None else {}
        self.common = common  # ordinary English words (lower case)
        # place names (lower case, words joined by one space) -> True when unambiguous
        self.places: Valued[bool] = places if places is not None else {}
        # first words of place names of two words or more, those that are no place's name
        # too (a place's own name is looked up in places: kept once)
        self.place_heads = place_heads
        self.place_longest = place_longest
        # US states and countries (lower case, words joined by one space): masked as
        # LOCATION unless the caller keeps them (Safe Harbor allows it)
        self.regions = regions
        # frequent words that web2 lacks ("coordinate", "online", "telehealth")
        self.modern = modern
        # the allow-list: words known to be safe even capitalised mid-sentence (allowlist.py)
        self.safe = safe
        # the length of the longest word on it (a word longer than two of them is no two
        # run together)
        self.safe_longest = safe_longest
        # everyday words left off the allow-list for being names first ("frank", "hall")
        self.named_words = named_words
        # the last words of job titles ("adjuster", "librarian"): professions (allowlist.py)
        self.jobs = jobs

    def fields(self) -> tuple[Any, ...]:
        """Every field, in the order __init__ takes them."""
        return tuple(getattr(self, name) for name in LEXICON_FIELDS)

    def replaced(self, **changes: Any) -> "Lexicon":
        """A copy with the fields given changed (as dataclasses.replace would)."""
        return Lexicon(**({name: getattr(self, name) for name in LEXICON_FIELDS} | changes))


LEXICON_FIELDS = (
    "first",
    "last",
    "common",
    "places",
    "place_heads",
    "place_longest",
    "regions",
    "modern",
    "safe",
    "safe_longest",
    "named_words",
    "jobs",
)


def fold(word: str) -> str:
    """Lower case with accents dropped ("Ramírez" -> "ramirez"), as the lexicon keys are."""
    low = word.lower()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
