"""The minimum-necessary package: a cover sheet, then only what the release names.

The values arrive already opened for this release (disclosures.services decides and
records each read); this module only lays them out. Every page carries the disclosure's
id and the redisclosure notice (disclosures.pdf).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from alcove.disclosures.pdf import Document, Section, document_render

REDISCLOSURE = (
    "Notice to the recipient: this information is disclosed to you from records whose "
    "confidentiality is protected by law. You may not disclose it further unless the client "
    "authorizes it in writing or the law requires or permits it. Use it only for the purpose "
    "stated above, and destroy or return it when that purpose is served."
)
NOTICE_LINE = (
    "Confidential. Redisclose only as the law permits (see the notice on the cover sheet)."
)
NEVER_INCLUDED = (
    "Drafts, notes awaiting a supervisor's co-signature, and joint session notes (which hold "
    "other participants' information) are never included."
)
PARTS = {
    "subjective": "Subjective",
    "objective": "Objective",
    "assessment": "Assessment",
    "plan": "Plan",
    "body": "",
}


@dataclass(frozen=True)
class PackageNote:
    kind: str
    written: date
    author: str
    content: dict[str, str]
    addenda: list[str]


@dataclass
class Package:
    disclosure_id: str
    practice: str
    released_at: datetime
    recipient: str
    purpose: str
    basis: str
    cover_facts: list[tuple[str, str]]
    scope: str
    statement: str = ""
    identifying: list[tuple[str, str]] = field(default_factory=list)
    attendance: list[tuple[date, str]] | None = None
    notes: list[PackageNote] = field(default_factory=list)

    @property
    def items(self) -> int:
        parts = [bool(self.statement), bool(self.identifying), self.attendance is not None]
        return sum(parts) + len(self.notes)


def _cover(package: Package) -> Section:
    return Section(
        "Cover sheet",
        [
            ("Disclosure", package.disclosure_id),
            ("Released", f"{package.released_at:%d %B %Y, %H:%M %Z}"),
            ("From", package.practice),
            ("To", package.recipient),
            ("Purpose", package.purpose),
            ("Basis", package.basis),
            *package.cover_facts,
            ("What is included", package.scope),
            ("Sections that follow", str(package.items)),
            ("Not included", NEVER_INCLUDED),
            ("Notice of redisclosure", REDISCLOSURE),
        ],
    )


def _note(note: PackageNote) -> Section:
    items = [(PARTS.get(part, part), text) for part, text in note.content.items()]
    items += [(f"Addendum {n}", text) for n, text in enumerate(note.addenda, start=1)]
    heading = f"{note.kind}, written {note.written:%d %B %Y} by {note.author}"
    return Section(heading, items, new_page=True)


def package_document(package: Package) -> Document:
    sections = [_cover(package)]
    if package.statement:
        sections.append(Section("What was disclosed", [("", package.statement)], new_page=True))
    if package.identifying:
        sections.append(Section("Identifying details", package.identifying, new_page=True))
    if package.attendance is not None:
        lines = "\n".join(f"{day:%d %B %Y}: {kind}" for day, kind in package.attendance)
        sections.append(Section("Dates of sessions", [("", lines or "No sessions")], True))
    sections += [_note(note) for note in package.notes]
    return Document(
        title="Release of information",
        reference=f"Disclosure {package.disclosure_id}",
        notice=NOTICE_LINE,
        sections=sections,
    )


def package_render(package: Package) -> tuple[bytes, int]:
    return document_render(package_document(package))
