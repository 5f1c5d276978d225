"""The engine's compiled patterns, kept between starts: faster, never different, never a
client's words on disk. Each test starts fresh Python processes, as the command line does."""

import importlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alcove.deidentify.engine.cachefiles import cache_paths

# (the package's `lexicon` is the cached function; the tests want the module)
lexicon_module = importlib.import_module("alcove.deidentify.engine.lexicon")

NOTE = (
    "Pt seen 3/14/2024 at Harbor View Clinic, 12 Elm St, Petal MS 39465. Call 662-555-0142. "
    "Zebulon Quagmire (pt) says his sister Ann visits. MRN 00482913. Dr. Okafor to f/u."
)

# Imports the engine counting every pattern parsed on the way (by `re` or for the cache), then
# prints the spans.
CHILD = """
import json, re._parser, sys
compiled = []
real = re._parser.parse
re._parser.parse = lambda pattern, *args: compiled.append(pattern) or real(pattern, *args)
from alcove.deidentify.engine import Known, find_spans
re._parser.parse = real
known = Known(client=["Zebulon Quagmire"]) if sys.argv[2:] == ["known"] else None
spans = [(s.start, s.end, s.kind.value) for s in find_spans(sys.argv[1], known)]
missed = sys.modules["alcove.deidentify.engine.compiled"]._missed
print(json.dumps({"compiled": len(compiled), "spans": spans, "missed": missed}))
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory holding only a copy of this machine's lexicon (building it
    takes seconds, and it is not what these tests are about)."""
    folder = tmp_path / "alcove"
    folder.mkdir(mode=0o700)
    name = lexicon_module._cache_name()
    lexicon_module.lexicon()  # written somewhere by now, unless nothing could be
    for path in cache_paths(name):
        if Path(path).exists():
            shutil.copy(path, folder / name)
            break
    monkeypatch.setenv("ALCOVE_DEID_CACHE", str(tmp_path))
    return folder


def start(*args: str, seed: str = "0", text: str = NOTE) -> dict[str, object]:
    """A fresh process's answer; seed: its PYTHONHASHSEED, which orders its sets."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, text, *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )
    return dict(json.loads(done.stdout))


def pattern_caches(folder: Path) -> list[Path]:
    return list(folder.glob("deid-regex-*.marshal"))


def test_it_starts_without_compiling_its_patterns_again(cache_dir: Path) -> None:
    first = start()
    assert len(pattern_caches(cache_dir)) == 1
    second = start()
    assert int(str(first["compiled"])) > 200  # every pattern of the engine, the first time
    # The second time from the cache: what is left is the standard library's own few.
    assert int(str(second["compiled"])) < 30
    assert second["spans"] == first["spans"] and first["spans"]


def test_it_finds_every_pattern_in_the_cache_whatever_order_its_sets_are_in(
    cache_dir: Path,
) -> None:
    # A pattern joined from a set in the set's order would differ from one process to the
    # next, miss the cache and have it written again at every start.
    start(seed="1")
    again = start(seed="2")
    assert again["missed"] is False
    assert len(pattern_caches(cache_dir)) == 1


@pytest.mark.parametrize("damage", ["garbage", "wrong code"])
def test_it_finds_the_same_spans_from_a_damaged_pattern_cache(cache_dir: Path, damage: str) -> None:
    expected = start()["spans"]
    (cache,) = pattern_caches(cache_dir)
    if damage == "garbage":
        cache.write_bytes(b"\x00not a cache")
    else:  # well-formed, but code no matcher would run: every pattern compiled afresh
        import marshal

        entries = marshal.loads(cache.read_bytes())  # noqa: S302 (written by this test's run)
        cache.write_bytes(marshal.dumps({key: (0, [1, 2, 3], 0, {}, ()) for key in entries}))
    again = start()
    assert again["spans"] == expected
    assert int(str(again["compiled"])) > 200


def test_it_scores_words_the_same_from_its_kept_weights_or_a_damaged_copy(
    cache_dir: Path,
) -> None:
    # (the rules find "dunmore"; the weights carry the name on to "tire")
    text = "client got a job at dunmore tire last week"
    expected = [[20, 32, "ORGANIZATION"]]
    assert start(text=text)["spans"] == expected  # built from the weights file
    (kept,) = cache_dir.glob("deid-weights-*.marshal")
    assert start(text=text)["spans"] == expected  # read back from the kept tables
    kept.write_bytes(b"\x00not a cache")
    assert start(text=text)["spans"] == expected  # built again


def test_it_never_writes_a_clients_names_into_a_cache(cache_dir: Path) -> None:
    found = start("known")
    assert found["spans"]
    assert pattern_caches(cache_dir)
    for path in cache_dir.parent.rglob("*"):
        if path.is_file():
            assert b"Quagmire" not in path.read_bytes(), path.name
