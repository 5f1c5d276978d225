"""The de-identification engine on clinical text that holds no identifier at all: how often
does it mask something it should not?

Run: .venv/bin/python bench/deid_probes.py [--show GENRE] [--all]

How it measures: bench/deid/probes/*.txt hold snippets of identifier-free clinical text, one
genre a file, snippets parted by a line holding only "---". Helpers who never saw the
engine wrote them on 2026-12-05, 300 a genre, under a brief that forbade every name
(first names and initials too), place below a country, organisation, brand, dated day, age,
number and address; weekdays, times of day, drug names, scores and clinical letters were
allowed. Every mask in them is a false one, or a weekday the annotated sets mark as a
date. It prints, for each genre, how many snippets have any mask (find_spans, this process).
--show GENRE lists that genre's masked snippets with what was masked; --all lists every
genre's.

On the engine of 57a3758 (the session that wrote them began there) 596 of the 3,600 had a
mask; after that session's rules, 497.
"""

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from alcove.deidentify.engine import find_spans  # noqa: E402

PROBES = HERE / "deid" / "probes"


def snippets(path: Path) -> list[str]:
    parts = path.read_text().split("\n---\n")
    return [p.strip("\n") for p in parts if p.strip()]


def masked(snippet: str) -> list[tuple[str, str]]:
    return [(snippet[s.start : s.end], str(s.kind)) for s in find_spans(snippet)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", metavar="GENRE", help="list one genre's masked snippets")
    parser.add_argument("--all", action="store_true", help="list every genre's")
    args = parser.parse_args()
    total = total_masked = 0
    for path in sorted(PROBES.glob("*.txt")):
        genre = path.stem
        found = [(s, m) for s in snippets(path) if (m := masked(s))]
        count = len(snippets(path))
        total += count
        total_masked += len(found)
        print(f"{genre:12} {len(found):4} of {count} snippets with a mask")
        if args.all or args.show == genre:
            for snippet, spans in found:
                print(f"    {spans}  <- {snippet[:100]!r}")
    print(f"{'all':12} {total_masked:4} of {total}")


if __name__ == "__main__":
    main()
