"""Where the engine keeps what it derives once per machine (its lexicon, its compiled
patterns), and how it reads and writes them safely.

In order: the user's cache directory (or $ALCOVE_DEID_CACHE), then $ALCOVE_DATA_DIR/cache,
then a folder of the system's temporary directory that only this user can write to. A
cache is never required: when none can be read or written, the work is done again.

Plain os.path rather than pathlib, and tempfile only when it is needed: this runs at every
start of the engine, and those imports alone cost a fiftieth of it.
"""

import os
from collections.abc import Iterator

KEPT = 3  # caches of one kind kept in a folder: enough for a few installs that share it


def file_stamp(path: str) -> str:
    """A file as a cache's key names it: its place, time of writing and size (as Python's own
    bytecode cache tells a source), so an edit or an upgrade writes a new cache."""
    info = os.stat(path)
    return f"{path}:{info.st_mtime_ns}:{info.st_size}"


def temporary_dir() -> str:
    import tempfile

    user = os.getuid() if hasattr(os, "getuid") else "user"
    return os.path.join(tempfile.gettempdir(), f"alcove-deid-{user}")


def cache_paths(name: str) -> Iterator[str]:
    """Each place a cache of that name may be, first place first (worked out as needed)."""
    base = os.environ.get("ALCOVE_DEID_CACHE") or os.environ.get("XDG_CACHE_HOME")
    yield os.path.join(base or os.path.join(os.path.expanduser("~"), ".cache"), "alcove", name)
    data = os.environ.get("ALCOVE_DATA_DIR")
    if data:
        yield os.path.join(data, "cache", name)
    yield os.path.join(temporary_dir(), name)


def trusted(path: str) -> bool:
    """A cache in the shared temporary directory is read only from a folder this user made
    and no one else can write to (another user could otherwise plant one)."""
    folder = os.path.dirname(path)
    if not os.path.basename(folder).startswith("alcove-deid-") or folder != temporary_dir():
        return True  # (the name first: no need to import tempfile for the usual place)
    try:
        info = os.stat(folder)
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
            with open(path, "rb") as handle:
                yield handle.read()
        except OSError:
            continue


def cache_write(name: str, raw: bytes, *, kind: str) -> None:
    """Write to the first place that takes it (whole or not at all: a temporary file
    renamed), then keep only the newest few caches of that kind there."""
    for path in cache_paths(name):
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            if not trusted(path):
                continue
            partial = f"{path}.{os.getpid()}.tmp"
            with open(partial, "wb") as handle:
                handle.write(raw)
            os.replace(partial, path)
        except OSError:
            continue  # a read-only home: the next place
        _prune(os.path.dirname(path), kind)
        return


def _prune(folder: str, kind: str) -> None:
    """Remove all but the newest few caches of a kind. Each version writes a new file, and
    nothing else would ever remove the old ones; an install whose cache goes builds it again."""
    try:
        found = [
            os.path.join(folder, name)
            for name in os.listdir(folder)
            if name.startswith(f"deid-{kind}-") and name.endswith(".marshal")
        ]
        caches = sorted(found, key=os.path.getmtime, reverse=True)
        for old in caches[KEPT:]:
            os.unlink(old)
    except OSError:
        return  # another process pruned first, or the folder is read-only: no harm
