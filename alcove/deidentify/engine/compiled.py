"""The engine's own regular expressions, compiled once per machine instead of at every start.

Python's `re` parses and compiles a pattern in Python code; for the engine's 230 patterns
that was a quarter of its start-up (about 70 ms). What it produces is a list of numbers for
the C matcher. Those lists are kept in a cache file (cachefiles.py says where), keyed by
the exact Python build, and handed to the C matcher at the next start; the matcher checks
every list it is given, as it does `re`'s own. Each list is also made to be matched
sooner, with the same matches: long alternations of words grouped by first letter
(branches.py), a needless leading look-ahead left out, and the characters a match can start
with said where `re` would not say them (starts.py).

Only patterns compiled while the engine is being imported are kept. Those are the engine's
own, made from its source and public word lists. A pattern made later (a client's known
names, for one) is compiled by `re` as usual and never written anywhere. Another Python, a
missing internal or a damaged file: `re.compile`, as if there were no cache.
"""

import importlib
import marshal
import re
import sys
from collections.abc import Iterable
from typing import Any

from alcove.deidentify.engine.branches import branches_grouped
from alcove.deidentify.engine.native import sha256
from alcove.deidentify.engine.starts import look_ahead_needless, starting_set, with_start_set

# (a tuple: the final flags, the matcher's code, the group count, the group names both ways)
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# (bump when what is kept for a pattern changes)
VERSION = 6
try:
    _sre: Any = importlib.import_module("_sre")
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _constants: Any = importlib.import_module("re._constants")
    _BUILD = f"{VERSION}|{sys.version}|{sys.implementation.name}|{_sre.MAGIC}|{_sre.CODESIZE}"
except (ImportError, AttributeError):  # not CPython, or its internals moved
    _sre = None

_known: dict[tuple[str, int], Entry] = {}
_used: dict[tuple[str, int], Entry] | None = {}  # None once the engine is imported
_missed = False


def _cache_name() -> str:
    stamp = sha256(_BUILD.encode()).hexdigest()[:16]
    return f"deid-regex-{stamp}.marshal"


def _load() -> None:
    from alcove.deidentify.engine.cachefiles import cache_contents

    for raw in cache_contents(_cache_name()):
        try:
            loaded = marshal.loads(raw)  # noqa: S302 (our own cache file, in a trusted place)
        except (EOFError, ValueError, TypeError):
            continue
        if isinstance(loaded, dict):
            _known.update(loaded)
            return


def _entry(pattern: str, flags: int) -> Entry:
    """What re._compiler.compile works out before it calls the C matcher, made faster to
    match as the module's docstring says (the same matches)."""
    tree = _parser.parse(pattern, flags)
    final = int(flags | tree.state.flags)
    branches_grouped(tree, final, _constants)
    if look_ahead_needless(tree, final, _constants, _compiler):
        del tree.data[0]
    code = [int(op) for op in _compiler._code(tree, flags)]
    start = starting_set(tree, final, _constants, _compiler, cased=True)
    if start is not None:
        code = with_start_set(code, start, final, _constants, _compiler)
    names = dict(tree.state.groupdict)
    index: list[str | None] = [None] * tree.state.groups
    for name, number in names.items():
        index[number] = name
    return final, code, tree.state.groups - 1, names, tuple(index)


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the cache when the engine's own pattern is in it."""
    global _missed
    if _used is None or _sre is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    entry = _known.get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not something the matcher accepts: compiled afresh below
        else:
            _used[key] = entry
            return compiled
    try:
        entry = _entry(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except (AttributeError, TypeError, ValueError, RuntimeError, OverflowError):
        return re.compile(pattern, flags)  # an internal changed shape: simply not cached
    _used[key] = entry
    _missed = True
    return compiled


def longest_first(words: Iterable[str]) -> list[str]:
    """The words for an alternation, longer first (so that "New York" wins over "New"), and
    alphabetically within a length: a set's own order changes from one process to the next,
    and a pattern that changes misses the cache at every start."""
    return sorted(words, key=lambda word: (-len(word), word))


# Speed: `re` lets the matcher skip ahead to a pattern's first character only when the
# pattern begins with one (a letter, a digit, a set); with a leading \b, look-behind or
# look-ahead it tries every position. So the busiest patterns begin with their first
# character and check what stood before it just after: "\d(?<!\w\d)" is "\b\d",
# "at(?<!\wat)" is "\bat" (two to eight times faster on every benchmark set, same matches).
# Where a pattern cannot be written so, starting_with puts a look-ahead before it, which
# starts.py reads as the set to skip ahead to.
def starting_with(chars: str, *patterns: re.Pattern[str] | str, flags: int = 0) -> re.Pattern[str]:
    """The patterns as one, behind a look-ahead for the characters a match starts with.

    Same matches (the characters must be every one a match can start with); the matcher
    steps over every other character (starts.py), and where the parts' own first characters
    can be told it steps to those alone. Within each part the order puts the longer forms
    first."""
    if not isinstance(patterns[0], str):
        flags = patterns[0].flags
    sources = (p if isinstance(p, str) else p.pattern for p in patterns)
    return regex(f"(?={chars})(?:" + "|".join(f"(?:{p})" for p in sources) + ")", flags)


def regex_cache_close() -> None:
    """The engine is imported: stop keeping patterns, and write the cache if any was new
    (only the patterns this import used, so those the engine no longer has drop out)."""
    global _used
    used, _used = _used, None
    _known.clear()
    if _missed and used and _sre is not None:
        from alcove.deidentify.engine.cachefiles import cache_write

        cache_write(_cache_name(), marshal.dumps(used), kind="regex")


if _sre is not None:
    _load()
