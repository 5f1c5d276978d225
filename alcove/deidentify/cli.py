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
    try:
        clean = redact(text, known, dates=dates, offset_days=offset_days, keep_states=keep_states)
    except Exception as error:  # (one whose message may quote the text: its kind only)
        return Outcome(errors=[f"input could not be processed ({type(error).__name__})"])
    write(clean)
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
    except RecursionError:
        return None, f"line {number}: not JSON this reader takes (nested too deeply)"
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
        try:
            line = _line_spans(number, raw, known, keep_states)
        except Exception as error:  # one bad line must not stop the others
            # Only the kind of failure: its message may quote the line (a name, a note).
            line = f"line {number}: could not be processed ({type(error).__name__})"
        if line.startswith("{"):
            write(line + "\n")
            outcome.processed += 1
        else:
            outcome.errors.append(line)
    return outcome


def _line_spans(number: int, raw: bytes, known: Known | None, keep_states: bool) -> str:
    """The output line for one input line, or its error ("line N: ...")."""
    record, error = _line_error(number, raw)
    if record is None:
        return error or f"line {number}: unreadable"
    line_known = known
    if "known" in record:
        try:
            line_known = Known.from_mapping(record["known"])
        except ValueError as problem:
            return f"line {number}: {problem}"
    spans = find_spans(record["text"], line_known, keep_states=keep_states)
    out = {
        "id": record["id"],
        "spans": [{"start": s.start, "end": s.end, "type": str(s.kind)} for s in spans],
    }
    # ASCII with escapes: an id or text holding a lone surrogate still writes cleanly
    return json.dumps(out, ensure_ascii=True)
