"""A first look at a note that tells which of the costly patterns cannot match it.

Most of the engine's patterns find nothing in most notes, yet each of their scans still
walks the whole note (on the generated notes, such empty scans were about a third of a
run). Hyperscan (Intel's matcher of many patterns at once, from PyPI)
reads a note once for every pattern marked `screened`, and says which of them could match.
The scans of the others are skipped: they would have found nothing.

Why a skipped scan finds nothing, exactly:
- each pattern is compiled in Hyperscan's prefilter mode, which matches wherever the
  pattern does and sometimes elsewhere (look-arounds and back-references are loosened,
  never tightened), so a pattern Hyperscan does not report matches nowhere in the text;
- only a text that is ASCII throughout is screened. There Python's Unicode classes and
  Hyperscan's agree (\\w, \\d, \\b, `.`, case-blind letters), but for \\s on \\x1c-\\x1f,
  which Python counts as space: a text holding one of those is not screened either;
- a pattern is screened only when its source means the same to both (the escapes in
  SAME_ESCAPES, with \\uXXXX and \\Z spelt Hyperscan's way); not a case-blind one naming a
  character Python folds into an ASCII letter (the long s matches a case-blind "s");
- a pattern run on the note's lower case is read case-blind in the note (`screened_lower`),
  unless it refuses a letter;
- a pattern Hyperscan cannot compile, a text other than the note screened and its lower
  case (a line of it, a copy) and a pattern made after the screen was built are never
  skipped.

Without Hyperscan (a wheel is published for Linux on x86-64 only), or where its database
cannot be built or loaded, nothing is skipped: the engine is slower, never different.
The compiled database is kept in the engine's cache (cachefiles.py), keyed by the
patterns and this module's source, so it is built once per machine (a few seconds) and
loaded in milliseconds. Hyperscan itself must be right: `CANARY` holds a match one release
missed, and a Hyperscan that misses it screens nothing.
The note screened is held only until find_spans returns (`screen_end`).
"""

import importlib
import os
import re
import sys
import threading
from collections.abc import Iterator
from typing import Any, Final

from alcove.deidentify.engine.native import SOURCES, sha256

hyperscan: Any
try:
    hyperscan = importlib.import_module("hyperscan")
except ImportError:  # not published for this platform: every pattern is run
    hyperscan = None

VERSION = 1  # (bump when what is screened, or how, changes)

# Python's escapes that mean the same to Hyperscan (\uXXXX and \Z are spelt its way below)
SAME_ESCAPES: Final = frozenset("\\.-[](){}*+?|^$/'\"#&~,:=!<>@%; dDwWsSbBAtnrfv123456789")
# (an escape, or a character beyond ASCII, which Hyperscan's package takes only escaped)
ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)|([^\x00-\x7f])", re.DOTALL)
# (a class of POSIX's, "[:alpha:]", is a class to Hyperscan and three characters to Python)
POSIX_CLASS = re.compile(r"\[:\^?[A-Za-z]+:\]")


class Screened:
    """A compiled pattern whose look at a screened note is skipped where Hyperscan says it
    cannot match. Only what the engine asks of its patterns, with the same answers."""

    def __init__(self, compiled: re.Pattern[str], index: int, *, lower: bool) -> None:
        self.compiled = compiled
        self.index = index
        self.lower = lower  # (run on the note's lower case, `lowered`, not the note)
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groups = compiled.groups

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        if _cannot(self.index, self.lower, text):
            return iter(())
        return self.compiled.finditer(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if _cannot(self.index, self.lower, text):
            return None
        return self.compiled.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if _cannot(self.index, self.lower, text):
            return None
        return self.compiled.match(text, pos)

    def findall(self, text: str, pos: int = 0) -> list[Any]:
        if _cannot(self.index, self.lower, text):
            return []
        return self.compiled.findall(text, pos)


class _Screen:
    """The note screened last, its lower case and what may match them, swapped whole (a
    tuple), so that a thread never reads one note's answers for another's text."""

    def __init__(self) -> None:
        self.seen: tuple[str, str, bytearray] | None = None


_PATTERNS: list[re.Pattern[str]] = []
_LOWER: set[int] = set()  # (the patterns run on the lower case)
_NOW: Final = _Screen()
_lock = threading.Lock()
# (the database, and for each pattern 1 where it is never skipped; None: not built yet)
_built: tuple[Any, bytes] | None = None


def screened(compiled: re.Pattern[str]) -> Screened:
    """The pattern, screened (marked where it is defined, when the engine is imported)."""
    _PATTERNS.append(compiled)
    return Screened(compiled, len(_PATTERNS) - 1, lower=False)


def screened_lower(compiled: re.Pattern[str]) -> Screened:
    """A pattern run on the note's lower case (`lowered`), screened. Hyperscan reads it
    case-blind in the note itself: on ASCII, wherever it matches the lower case, it matches
    the note so."""
    _LOWER.add(len(_PATTERNS))
    _PATTERNS.append(compiled)
    return Screened(compiled, len(_PATTERNS) - 1, lower=True)


def _cannot(index: int, lower: bool, text: str) -> bool:
    seen = _NOW.seen
    if seen is None or seen[1 if lower else 0] is not text:
        return False
    return index < len(seen[2]) and not seen[2][index]


def lowered(text: str) -> str:
    """The text in lower case, offsets unchanged (a character whose lower case is longer,
    like "İ", is kept as it is); the very string the screen read, for the note screened."""
    seen = _NOW.seen
    if seen is not None and seen[0] is text:
        return seen[1]
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def screen_start(text: str) -> None:
    """Look at the note once for every screened pattern (find_spans, before its rules)."""
    _NOW.seen = None
    if hyperscan is None or not text.isascii():
        return
    database, always = _database()
    may = may_match(text, database, always)
    if may is not None:
        _NOW.seen = (text, text.lower(), may)  # (ASCII: its lower case is as long)


def may_match(text: str, database: Any, always: bytes) -> bytearray | None:
    """For each pattern of the database, 1 where it may match the text (0: it cannot), or
    None where the text cannot be screened."""
    if database is None or not text.isascii():
        return None
    may = bytearray(always)
    try:
        database.scan(text.encode(), match_event_handler=_reported, context=may)
    except hyperscan.error:  # (its scratch in use by another thread, say): nothing skipped
        return None
    # (the last pattern: a character Python's \s counts as space and Hyperscan's does not)
    return None if may[-1] else may


def screen_end() -> None:
    """Forget the note screened (find_spans, as it returns)."""
    _NOW.seen = None


def _reported(index: int, start: int, end: int, flags: int, may: bytearray) -> None:
    may[index] = 1


def hyperscan_source(pattern: str, flags: int, *, lower: bool = False) -> str | None:
    """The pattern as Hyperscan reads it to the same effect on ASCII text (case-blind, for
    one run on the lower case), or None where that is not sure."""
    if flags & re.VERBOSE or "(?x" in pattern or "{," in pattern or POSIX_CLASS.search(pattern):
        return None  # (Python's {,n} is a literal to Hyperscan)
    if _folds_into_ascii(pattern, flags) or (lower and _negates_a_letter(pattern, flags)):
        return None  # (case-blind, "[^A-Z]" refuses "a" too: it takes "a" in the lower case)
    unsure = False

    def spelt(escape: re.Match[str]) -> str:
        nonlocal unsure
        what = escape.group(1)
        if what is None:
            return f"\\x{{{ord(escape.group(2)):04x}}}"
        if len(what) == 5:
            return f"\\x{{{what[1:]}}}"
        if what == "Z":
            return "\\z"
        unsure = unsure or what not in SAME_ESCAPES
        return escape.group(0)

    rewritten = ESCAPE.sub(spelt, pattern)
    return None if unsure else rewritten


def _folds_into_ascii(pattern: str, flags: int) -> bool:
    """Whether a case-blind pattern holds a character beyond ASCII, alone or in a range,
    that Python takes for an ASCII one (the long s for "s", the Kelvin sign for "k", the
    dotless i for "i"); True where that cannot be told."""
    blind = flags & re.IGNORECASE or "(?i" in pattern
    if not blind or (pattern.isascii() and "\\u" not in pattern):
        return False
    tree, folds = _parsed(pattern, flags), _ascii_folds()
    return tree is None or folds is None or _mentions(tree, folds)


def _negates_a_letter(pattern: str, flags: int) -> bool:
    """Whether the pattern refuses a letter ("[^A-Z]", "[^a]"); True where that cannot be told."""
    tree = _parsed(pattern, flags)
    return tree is None or _refuses(tree, _LETTERS)


def _parsed(pattern: str, flags: int) -> Any:
    """The pattern as `re` parses it, or None where its internals cannot (another Python)."""
    try:
        return importlib.import_module("re._parser").parse(pattern, flags)
    except (ImportError, AttributeError, re.error, TypeError, ValueError):
        return None


_LETTERS = frozenset(ord(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _refuses(items: Any, letters: frozenset[int]) -> bool:
    for op, value in items:
        name = str(op)
        if name == "NOT_LITERAL" and value in letters:
            return True
        if name == "IN" and value and str(value[0][0]) == "NEGATE" and _mentions(value, letters):
            return True
        if name != "IN" and any(_refuses(part, letters) for part in _parts(value)):
            return True
    return False


def _mentions(items: Any, folds: frozenset[int]) -> bool:
    """Whether the parsed pattern (or a set's items) names one of the characters."""
    for op, value in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL"):
            if value in folds:
                return True
        elif name == "RANGE":
            if any(value[0] <= c <= value[1] for c in folds):
                return True
        elif any(_mentions(part, folds) for part in _parts(value)):
            return True
    return False


def _parts(value: Any) -> list[Any]:
    """What a parsed node holds that is parsed in turn: a set's items, a group's pattern, a
    repeat's, an assertion's, each branch."""
    if isinstance(value, list) or hasattr(value, "data"):
        return [value]
    parts: list[Any] = []
    for part in value if isinstance(value, tuple) else ():
        if hasattr(part, "data"):
            parts.append(part)
        elif isinstance(part, list):
            parts.extend(p for p in part if hasattr(p, "data"))
    return parts


_folds: frozenset[int] | None = None


def _ascii_folds() -> frozenset[int] | None:
    """The characters beyond ASCII that Python's re, case-blind, takes for ASCII ones: those
    whose lower case is ASCII (the Kelvin sign, the dotted capital I), and the extra cases of
    ASCII ones (the long s, the dotless i); None where `re`'s internals cannot tell."""
    global _folds
    if _folds is None:
        try:
            lower = importlib.import_module("_sre").unicode_tolower
            extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
        except (ImportError, AttributeError):
            return None
        folds = {c for c in range(128, sys.maxunicode + 1) if lower(c) < 128}
        for key, others in extra.items():
            group = (key, *others)
            if any(c < 128 for c in group):
                folds.update(c for c in group if c >= 128)
        _folds = frozenset(folds)
    return _folds


def _flags(flags: int, *, lower: bool = False) -> int:
    assert hyperscan is not None
    made: int = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH
    made |= hyperscan.HS_FLAG_UTF8
    if flags & re.IGNORECASE or lower:
        made |= hyperscan.HS_FLAG_CASELESS
    if flags & re.DOTALL:
        made |= hyperscan.HS_FLAG_DOTALL
    if flags & re.MULTILINE:
        made |= hyperscan.HS_FLAG_MULTILINE
    return made


def _database() -> tuple[Any, bytes]:
    global _built
    built = _built
    if built is None:
        with _lock:
            built = _built
            if built is None:
                built = _built = _loaded_or_built(list(_PATTERNS), set(_LOWER))
    return built


def _key(patterns: list[re.Pattern[str]], lower: set[int]) -> str:
    """The patterns, this module's source (which spells them for Hyperscan), the Python and
    Hyperscan's version: a database built by other code is never read."""
    from alcove.deidentify.engine.cachefiles import file_stamp

    own = file_stamp(os.path.join(SOURCES, "screen.py"))
    made = f"{VERSION}|{own}|{sys.version}|{getattr(hyperscan, '__version__', '')}"
    digest = sha256(made.encode())
    for index, compiled in enumerate(patterns):
        digest.update(f"{compiled.flags}\0{index in lower}\0{compiled.pattern}\0".encode())
    return str(digest.hexdigest())[:16]


def _loaded_or_built(
    patterns: list[re.Pattern[str]], lower: set[int] | None = None
) -> tuple[Any, bytes]:
    import marshal

    from alcove.deidentify.engine.cachefiles import cache_contents, cache_write

    assert hyperscan is not None
    lower = lower or set()
    name = f"deid-screen-{_key(patterns, lower)}.marshal"
    for raw in cache_contents(name):
        try:
            always, serial = marshal.loads(raw)  # noqa: S302 (our own cache, a trusted place)
            database = hyperscan.loadb(serial, hyperscan.HS_MODE_BLOCK)
            database.scratch = hyperscan.Scratch(database)  # (a loaded one comes without)
            return database, always
        except (EOFError, ValueError, TypeError, hyperscan.error):
            continue  # (damaged, or made for another processor): built again
    database, always = database_of(patterns, lower)
    if database is not None:
        cache_write(name, marshal.dumps((always, hyperscan.dumpb(database))), kind="screen")
    return database, always


# A match Vectorscan 5.4.12 (the Hyperscan of the hyperscan package from 0.8.0) misses; a
# Hyperscan that misses it screens nothing (pyproject.toml pins the package to one that finds
# it, and every match of the development notes: tests/test_engine_screen.py)
CANARY = (r",[ \t]*(?:District of Columbia|Georgia)\b", "h hosp          | Y x1, Georgia Reg")


def database_of(
    patterns: list[re.Pattern[str]], lower: set[int] | None = None
) -> tuple[Any, bytes]:
    """The database of every pattern Hyperscan compiles (read case-blind where it is run on
    the lower case), and the patterns never skipped."""
    lower = lower or set()
    assert hyperscan is not None
    if not trustworthy():
        return None, b"\1" * (len(patterns) + 1)
    sources = [
        hyperscan_source(p.pattern, p.flags, lower=i in lower) for i, p in enumerate(patterns)
    ]
    taken = [i for i, source in enumerate(sources) if source is not None]
    flags = [_flags(p.flags, lower=i in lower) for i, p in enumerate(patterns)]
    database = _joined(taken, sources, flags)
    if database is None:  # (one of them Hyperscan cannot compile: each tried alone)
        taken = [i for i in taken if _compiles(str(sources[i]), flags[i])]
        database = _joined(taken, sources, flags)
    always = bytearray(b"\1" * len(patterns)) + b"\0"  # (and the last: \x1c-\x1f)
    for index in taken if database is not None else ():
        always[index] = 0
    return database, bytes(always)


def _joined(taken: list[int], sources: list[str | None], flags: list[int]) -> Any:
    assert hyperscan is not None
    expressions = [str(sources[i]).encode() for i in taken] + [b"[\\x1c-\\x1f]"]
    made = [flags[i] for i in taken] + [hyperscan.HS_FLAG_SINGLEMATCH]
    database = hyperscan.Database()
    try:
        database.compile(expressions=expressions, ids=[*taken, len(flags)], flags=made)
    except hyperscan.error:
        return None
    return database


def trustworthy() -> bool:
    """Whether this Hyperscan finds the match CANARY holds (a known false negative, which
    the buggy version shows with the pattern alone)."""
    assert hyperscan is not None
    found = bytearray(1)
    try:
        database = hyperscan.Database()
        database.compile(expressions=[CANARY[0].encode()], ids=[0], flags=[_flags(0)])
        database.scan(CANARY[1].encode(), match_event_handler=_reported, context=found)
    except hyperscan.error:
        return False
    return found[0] == 1


def _compiles(source: str, flags: int) -> bool:
    assert hyperscan is not None
    try:
        hyperscan.Database().compile(expressions=[source.encode()], flags=[flags])
    except hyperscan.error:
        return False
    return True
