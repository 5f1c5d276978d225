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


def draft_build(
    notes: Sequence[tuple[str, str]],
    *,
    known: Known,
    adjustments: Adjustments,
    offset_days: int,
) -> Draft:
    """Each (title, text) de-identified with one set of pseudonyms for the whole packet."""
    pseudonyms = Pseudonyms()
    undone = set(adjustments.unmask)
    out = []
    for n, (title, text) in enumerate(notes):
        spans = find_spans(text, known) + _masked_phrases(text, adjustments.mask)
        spans = spans_resolve(spans)
        kept = [s for s in spans if f"{n}:{s.start}:{s.end}" not in undone]
        detail = redact_detail(
            text,
            spans=kept,
            pseudonyms=pseudonyms,
            dates=DatePolicy.SHIFT,
            offset_days=offset_days,
        )
        segments: list[Segment] = []
        position = 0
        for replacement in detail.replacements:
            if replacement.out_start > position:
                segments.append(Segment(detail.text[position : replacement.out_start]))
            span = replacement.span
            segments.append(
                Segment(
                    replacement.text,
                    kind=str(span.kind),
                    key=f"{n}:{span.start}:{span.end}",
                    original=text[span.start : span.end],
                )
            )
            position = replacement.out_end
        if position < len(detail.text):
            segments.append(Segment(detail.text[position:]))
        for span in spans:
            if f"{n}:{span.start}:{span.end}" in undone:
                # shown to the reviewer so an undo can itself be undone
                segments.append(
                    Segment(
                        "",
                        kind=str(span.kind),
                        key=f"{n}:{span.start}:{span.end}",
                        original=text[span.start : span.end],
                        undone=True,
                    )
                )
        out.append(DraftNote(title, segments))
    return Draft(out)
