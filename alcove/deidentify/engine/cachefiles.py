"""Where the engine keeps what it derives once per machine (its lexicon, its compiled
patterns), and how it reads and writes them safely.

In order: the user's cache directory (or $ALCOVE_DEID_CACHE), then $ALCOVE_DATA_DIR/cache,
then a folder of the system's temporary directory that only this user can write to. A
cache is never required: when none can be read or written, the work is done again.
"""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

KEPT = 3  # caches of one kind kept in a folder: enough for a few installs that share it


def temporary_dir() -> Path:
    user = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"alcove-deid-{user}"


def cache_paths(name: str) -> list[Path]:
    base = os.environ.get("ALCOVE_DEID_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    paths = [root / "alcove" / name]
    data = os.environ.get("ALCOVE_DATA_DIR")
    if data:
        paths.append(Path(data) / "cache" / name)
    paths.append(temporary_dir() / name)
    return paths


def trusted(path: Path) -> bool:
    """A cache in the shared temporary directory is read only from a folder this user made
    and no one else can write to (another user could otherwise plant one)."""
    folder = path.parent
    if folder != temporary_dir():
        return True
    try:
        info = folder.stat()
    except OSError:
        return False
    own = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return own and not info.st_mode & 0o022


def cache_contents(name: str) -> Iterator[bytes]:
    """The bytes of each trusted cache of that name that can be read, first place first."""
    for path in cache_paths(name):
        if not trusted(path):
            continue
        try:
            yield path.read_bytes()
        except OSError:
            continue


def cache_write(name: str, raw: bytes, *, kind: str) -> None:
    """Write to the first place that takes it (whole or not at all: a temporary file
    renamed), then keep only the newest few caches of that kind there."""
    for path in cache_paths(name):
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not trusted(path):
                continue
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(raw)
            partial.replace(path)
        except OSError:
            continue  # a read-only home: the next place
        _prune(path.parent, kind)
        return


def _prune(folder: Path, kind: str) -> None:
    """Remove all but the newest few caches of a kind. Each version writes a new file, and
    nothing else would ever remove the old ones; an install whose cache goes builds it again."""
    try:
        caches = sorted(
            folder.glob(f"deid-{kind}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in caches[KEPT:]:
            old.unlink()
    except OSError:
        return  # another process pruned first, or the folder is read-only: no harm
