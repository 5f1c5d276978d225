"""The engine compiled to C by mypyc, where a build of these very sources is at hand.

`bin/compile-engine` compiles the engine's modules into C extension modules (all but this
one, `__init__` and `lexicon.py`, which runs once, to load the word lists) and keeps them in
`_native/` beside the sources, with the fingerprint of the sources (and the Python) they
were built from. Importing this module puts that folder ahead of the sources on the
package's path, so that the compiled modules are imported in their place, only while the
fingerprint still matches: an engine edited since its build runs as Python, never stale.
The compiled engine finds the same spans with about a fifth fewer instructions.
ALCOVE_DEID_PURE=1 runs the sources whatever is built.

Plain os.path, and SHA-256 by CPython's own module where it has one: pathlib and hashlib
(which loads OpenSSL) would add a thirtieth to every start of the engine.
"""

import importlib
import os
import sys
from typing import Any

# (the compiled modules are elsewhere: data files are here)
SOURCES = os.path.dirname(os.path.abspath(__file__))
NATIVE = os.path.join(SOURCES, "_native")
STAMP = "fingerprint"
NOT_COMPILED = frozenset({"__init__.py", "native.py", "lexicon.py"})  # (see above)


def sha256(data: bytes = b"") -> Any:
    """hashlib.sha256, without loading OpenSSL where CPython has its own (_sha2)."""
    try:
        return importlib.import_module("_sha2").sha256(data)
    except (ImportError, AttributeError):
        import hashlib

        return hashlib.sha256(data)


def compiled_sources() -> list[str]:
    """The paths of the engine's modules that the build compiles."""
    names = (n for n in os.listdir(SOURCES) if n.endswith(".py") and n not in NOT_COMPILED)
    return [os.path.join(SOURCES, name) for name in sorted(names)]


def fingerprint() -> str:
    """What a build must have been made from: every compiled module's source, told by its
    size and the time it was last written (as Python's own bytecode cache tells a source:
    reading and hashing the 700 KB of them took a hundredth of the engine's start), and this
    Python (an extension module is built for one interpreter)."""
    digest = sha256(sys.version.encode())
    for path in compiled_sources():
        info = os.stat(path)
        digest.update(f"{os.path.basename(path)}:{info.st_size}:{info.st_mtime_ns}\0".encode())
    return str(digest.hexdigest())


def built_here() -> bool:
    """Whether the build folder holds modules built from these sources by this Python."""
    try:
        with open(os.path.join(NATIVE, STAMP)) as stamp:
            built = stamp.read().strip()
    except OSError:
        return False
    return built == fingerprint()


def native_folder() -> str | None:
    """The folder of the compiled modules, if they were built from these sources by this
    Python and the environment does not ask for the sources."""
    if os.environ.get("ALCOVE_DEID_PURE") or not built_here():
        return None
    return NATIVE


def running_native() -> bool:
    """Whether the engine's modules were imported compiled."""
    module = sys.modules.get("alcove.deidentify.engine.tokens")
    return module is not None and not str(module.__file__).endswith(".py")


def _put_first() -> None:
    """Where a build of these sources is at hand, its folder first on the package's path
    (the package's __init__ imports this module before any other of the engine)."""
    folder = native_folder()
    package = sys.modules.get(__package__ or "")  # (none when loaded alone, by its path)
    if folder is not None and package is not None and folder not in package.__path__:
        package.__path__.insert(0, folder)


_put_first()
