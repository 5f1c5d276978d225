"""Turn notes written with inline marks into JSON Lines with exact spans.

Run: .venv/bin/python bench/deid/marked.py bench/deid/data/blind.txt > bench/deid/data/blind.jsonl

The marked file holds notes separated by lines `=== ID`; an identifier is written
[[TYPE|text]] (as in handwritten.txt). Lines starting with `#` are comments. Each output line
is {"id", "kind": "blind", "text", "spans": [{"start", "end", "type"}]}, the format of
notes.jsonl. A mark whose text has spaces around it, or a stray `[[` or `]]`, is an error.
"""

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"\[\[([A-Z]+)\|(.*?)\]\]", re.S)
TYPES = {
    "NAME", "STAFF", "LOCATION", "ADDRESS", "ZIP", "ORGANIZATION", "PROFESSION", "DATE",
    "AGE", "PHONE", "FAX", "EMAIL", "URL", "IP", "SSN", "ID",
}  # fmt: skip


def parse(path: Path) -> list[dict[str, object]]:
    body = "\n".join(line for line in path.read_text().splitlines() if not line.startswith("#"))
    docs: list[dict[str, object]] = []
    for chunk in body.split("=== ")[1:]:
        name, _, marked = chunk.partition("\n")
        parts: list[str] = []
        spans: list[dict[str, object]] = []
        position = length = 0
        for m in MARK.finditer(marked):
            kind, inner = m.group(1), m.group(2)
            if kind not in TYPES or inner != inner.strip() or not inner:
                raise SystemExit(f"{name}: bad mark {m.group(0)!r}")
            before = marked[position : m.start()]
            parts.append(before)
            length += len(before)
            spans.append({"start": length, "end": length + len(inner), "type": kind})
            parts.append(inner)
            length += len(inner)
            position = m.end()
        parts.append(marked[position:])
        text = "".join(parts).rstrip("\n")
        if "[[" in text or "]]" in text:
            raise SystemExit(f"{name}: stray brackets")
        docs.append({"id": name.strip(), "kind": "blind", "text": text, "spans": spans})
    return docs


def main() -> None:
    for doc in parse(Path(sys.argv[1])):
        print(json.dumps(doc, ensure_ascii=False))


if __name__ == "__main__":
    main()
