"""The context models' weights held as text, each feature's weight read when first asked.

As the lexicon's lists are (wordlists.py), and for the same reason: the fitted models hold
some 44,000 weights, each a tuple of strings and a float to unmarshal, hash, walk in every
collection and free at exit, and a run over the benchmark's notes asks 3,700 of them. A
feature ("w", "valley") is looked for in the one string that holds the features of its
template and the first letters of its value, one a line; its weight is written as Python
writes a float, so it reads back the same number. The answers are a dict's: a feature holding
a separator, which no table holds, is never searched for.
"""

import math
from collections.abc import Iterator, Mapping
from typing import Final

LINE: Final = "\x1e"  # (ASCII's record separator) between features
VALUE: Final = "\x1d"  # (its group separator) between a feature and its weight
PART: Final = "\x1f"  # between a feature's parts, as the weights file writes them
KNOWN_MOST = 1 << 16  # weights remembered at most
NO_WEIGHT: Final = math.nan  # (a fitted weight is always a number)

Feature = tuple[str, ...]


def _held(feature: Feature, name: str) -> bool:
    """Whether a table can hold the feature (its parts, joined, hold no separator)."""
    return (
        bool(feature)
        and name.count(PART) == len(feature) - 1
        and LINE not in name
        and (VALUE not in name)
    )


def _shelf(feature: Feature) -> str:
    return f"{feature[0]}{PART}{feature[1][:2]}" if len(feature) > 1 else feature[0]


class WeightTable:
    """Weights by feature, held as text: only what a model asks (`get`, iteration, `len`)."""

    def __init__(self, shelves: dict[str, str], size: int) -> None:
        self.shelves = shelves
        self.size = size
        self.known: dict[Feature, float] = {}  # (NaN: no weight)

    def get(self, feature: Feature, default: float) -> float:
        weight = self.known.get(feature)
        if weight is None:
            weight = self._read(feature)
            if len(self.known) >= KNOWN_MOST:
                self.known.clear()
            self.known[feature] = weight
        return default if weight != weight else weight  # (NaN is no number, not even itself)

    def _read(self, feature: Feature) -> float:
        name = PART.join(feature)
        if not _held(feature, name):
            return NO_WEIGHT
        shelf = self.shelves.get(_shelf(feature))
        if shelf is None:
            return NO_WEIGHT
        line = f"{LINE}{name}{VALUE}"
        at = shelf.find(line)
        if at < 0:
            return NO_WEIGHT
        return float(shelf[at + len(line) : shelf.index(LINE, at + 1)])

    def __iter__(self) -> Iterator[Feature]:
        for shelf in self.shelves.values():
            for line in shelf[1:-1].split(LINE):
                yield tuple(line.split(VALUE, 1)[0].split(PART))

    def __len__(self) -> int:
        return self.size


def weight_shelves(weights: Mapping[Feature, float]) -> tuple[dict[str, str], int]:
    """The weights as a WeightTable holds them. A feature holding a separator cannot be held:
    ValueError, rather than a table that silently lacks it."""
    lines: dict[str, list[str]] = {}
    for feature, weight in sorted(weights.items()):
        name = PART.join(feature)
        if not _held(feature, name):
            raise ValueError(f"a weight table cannot hold {feature!r}")
        if weight != weight:
            raise ValueError(f"a weight table cannot hold {feature!r}'s weight, NaN")
        lines.setdefault(_shelf(feature), []).append(f"{name}{VALUE}{float(weight)!r}")
    shelves = {key: LINE + LINE.join(held) + LINE for key, held in lines.items()}
    return shelves, len(weights)
