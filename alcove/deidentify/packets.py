"""Building a packet's draft from note texts: no database, no decisions (the callers make
them). Kept apart so the review page, the approval and the tests all build it the same way.
"""

import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import UUID

from alcove.deidentify.engine import (
    DatePolicy,
    Kind,
    Known,
    Pseudonyms,
    Redaction,
    Span,
    find_spans,
    redact_detail,
)
from alcove.deidentify.engine.spans import spans_resolve
from alcove.encryption.keys import keyring

PARTS = ("subjective", "objective", "assessment", "plan", "body")
PART_LABELS = {
    "subjective": "Subjective",
    "objective": "Objective",
    "assessment": "Assessment",
    "plan": "Plan",
    "body": "",
}
HEADER = (
    "Supervision packet (de-identified)\n"
    "Names, places, numbers and other identifiers are replaced; dates are shifted by an "
    "offset kept by the practice. Reviewed and approved by the treating clinician.\n"
)


@dataclass
class Adjustments:
    """The reviewer's changes: replacements undone (by note and offsets) and phrases masked."""

    unmask: list[str] = field(default_factory=list)  # "note:start:end"
    mask: list[str] = field(default_factory=list)

    @classmethod
    def loads(cls, raw: str) -> "Adjustments":
        data = json.loads(raw) if raw else {}
        return cls(unmask=list(data.get("unmask", [])), mask=list(data.get("mask", [])))

    def dumps(self) -> str:
        return json.dumps({"unmask": sorted(set(self.unmask)), "mask": self.mask})


@dataclass
class Segment:
    text: str
    kind: str = ""  # empty for text kept as written
    key: str = ""  # "note:start:end" of the original span, for undoing it
    original: str = ""
    undone: bool = False


@dataclass
class DraftNote:
    title: str
    segments: list[Segment]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass
class Draft:
    notes: list[DraftNote]

    @property
    def text(self) -> str:
        parts = [HEADER]
        for note in self.notes:
            parts.append(f"\n== {note.title} ==\n{note.text}\n")
        return "".join(parts)


def date_offset(client_id: UUID) -> int:
    """The client's own shift, 30 to 365 days either way: the same in every packet, so
    intervals survive, and derived from the keyring, so it is never stored or shown."""
    key = keyring().derive(b"alcove deidentify date offset v1")
    digest = hmac.new(key, str(client_id).encode(), hashlib.sha256).digest()
    days = 30 + int.from_bytes(digest[:4], "big") % 336
    return days if digest[4] & 1 else -days


def note_text(content: dict[str, str]) -> str:
    """A note's parts as one text, labelled the way the note page shows them."""
    lines = []
    for part in PARTS:
        value = (content.get(part) or "").strip()
        if not value:
            continue
        label = PART_LABELS[part]
        lines.append(f"{label}: {value}" if label else value)
    return "\n".join(lines)


def _masked_phrases(text: str, phrases: Sequence[str]) -> list[Span]:
    spans = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            spans.append(Span(m.start(), m.end(), Kind.OTHER, "reviewer"))
    return spans


def _with_masks(spans: list[Span], masks: list[Span]) -> list[Span]:
    """The reviewer's masks win whole: a span a mask touches joins it, so every character
    the reviewer asked to hide stays hidden, whatever the engine found there."""
    for mask in sorted(masks, key=lambda m: m.start):
        touching = [s for s in spans if s.start < mask.end and mask.start < s.end]
        start = min([mask.start, *(s.start for s in touching)])
        end = max([mask.end, *(s.end for s in touching)])
        spans = [s for s in spans if s not in touching]
        spans.append(Span(start, end, Kind.OTHER, "reviewer"))
    return sorted(spans, key=lambda s: s.start)


def _segments(
    n: int, text: str, detail: Redaction, undone: list[tuple[str, Span]]
) -> list[Segment]:
    """The output in order: kept text, replacements, and (marked, unchanged) the originals
    the reviewer chose to keep, where they stand in the text."""
    items: list[tuple[int, int, Segment]] = []  # (output start, output end, segment)
    for replacement in detail.replacements:
        span = replacement.span
        segment = Segment(
            replacement.text,
            kind=str(span.kind),
            key="" if span.ref == "reviewer" else f"{n}:{span.start}:{span.end}",
            original=text[span.start : span.end],
        )
        items.append((replacement.out_start, replacement.out_end, segment))
    for key, span in undone:
        shift = sum(
            (r.out_end - r.out_start) - (r.span.end - r.span.start)
            for r in detail.replacements
            if r.span.end <= span.start
        )
        original = text[span.start : span.end]
        segment = Segment(original, kind=str(span.kind), key=key, original=original, undone=True)
        items.append((span.start + shift, span.end + shift, segment))
    segments, position = [], 0
    for out_start, out_end, segment in sorted(items, key=lambda item: item[0]):
        if out_start > position:
            segments.append(Segment(detail.text[position:out_start]))
        segments.append(segment)
        position = out_end
    if position < len(detail.text):
        segments.append(Segment(detail.text[position:]))
    return segments


def draft_build(
    notes: Sequence[tuple[str, str]],
    *,
    known: Known,
    adjustments: Adjustments,
    offset_days: int,
) -> Draft:
    """Each (title, text) de-identified with one set of pseudonyms for the whole packet.

    Undoing applies to what the engine found; the reviewer's own masks are applied after it
    and never undone by it (only "stop masking" removes one)."""
    pseudonyms = Pseudonyms()
    undone = set(adjustments.unmask)
    out = []
    for n, (title, text) in enumerate(notes):
        found = spans_resolve(find_spans(text, known))
        kept = [s for s in found if f"{n}:{s.start}:{s.end}" not in undone]
        masks = _masked_phrases(text, adjustments.mask)
        spans = _with_masks(kept, masks)
        covered = [(m.start, m.end) for m in spans if m.ref == "reviewer"]
        left_as_written = [
            (f"{n}:{s.start}:{s.end}", s)
            for s in found
            if f"{n}:{s.start}:{s.end}" in undone
            and not any(a < s.end and s.start < b for a, b in covered)
        ]
        detail = redact_detail(
            text,
            spans=spans,
            pseudonyms=pseudonyms,
            dates=DatePolicy.SHIFT,
            offset_days=offset_days,
        )
        out.append(DraftNote(title, _segments(n, text, detail, left_as_written)))
    return Draft(out)
