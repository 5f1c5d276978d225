"""The `alcove deidentify` command's work, apart from Django so it can be tested on bytes.

Text mode: the whole of stdin is one document. JSON Lines mode: each line is
{"id": ..., "text": ..., "known": {...}?}; each good line gives one line
{"id": ..., "spans": [{"start": int, "end": int, "type": str}]} with character offsets, and
each bad line an error on stderr naming its line number, never its content.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from alcove.deidentify.engine import DatePolicy, Known, find_spans, redact


@dataclass
class Outcome:
    processed: int = 0
    errors: list[str] = field(default_factory=list)


def known_load(raw: bytes, *, source: str) -> Known:
    """Known identifiers from JSON; the error names the source, not its contents."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"{source} is not UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise ValueError(
            f"{source} is not JSON (line {error.lineno}, column {error.colno})"
        ) from None
    if not isinstance(data, dict):
        raise ValueError(f"{source} must hold a JSON object")
    try:
        return Known.from_mapping(data)
    except ValueError as error:
        raise ValueError(f"{source}: {error}") from None


Write = Callable[[str], None]


def text_redact(
    stdin: BinaryIO,
    write: Write,
    *,
    known: Known | None,
    dates: DatePolicy,
    offset_days: int,
    keep_states: bool = False,
) -> Outcome:
    raw = stdin.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return Outcome(errors=[f"input is not UTF-8 (byte {error.start})"])
    write(redact(text, known, dates=dates, offset_days=offset_days, keep_states=keep_states))
    return Outcome(processed=1)


def _line_error(number: int, raw: bytes) -> tuple[dict[str, Any] | None, str | None]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"line {number}: not UTF-8 (byte {error.start})"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return None, f"line {number}: not JSON (column {error.colno}: {error.msg})"
    if not isinstance(record, dict):
        return None, f"line {number}: expected a JSON object"
    for name in ("id", "text"):
        if name not in record:
            return None, f"line {number}: missing field '{name}'"
    if not isinstance(record["text"], str):
        return None, f"line {number}: 'text' must be a string"
    if "known" in record and not isinstance(record["known"], dict):
        return None, f"line {number}: 'known' must be a JSON object"
    return record, None


def spans_jsonl(
    stdin: Iterable[bytes], write: Write, *, known: Known | None, keep_states: bool = False
) -> Outcome:
    outcome = Outcome()
    for number, raw in enumerate(stdin, 1):
        if not raw.strip():
            continue
        record, error = _line_error(number, raw)
        if record is None:
            outcome.errors.append(error or f"line {number}: unreadable")
            continue
        line_known = known
        if "known" in record:
            try:
                line_known = Known.from_mapping(record["known"])
            except ValueError as problem:
                outcome.errors.append(f"line {number}: {problem}")
                continue
        spans = find_spans(record["text"], line_known, keep_states=keep_states)
        out = {
            "id": record["id"],
            "spans": [{"start": s.start, "end": s.end, "type": str(s.kind)} for s in spans],
        }
        write(json.dumps(out, ensure_ascii=False) + "\n")
        outcome.processed += 1
    return outcome
