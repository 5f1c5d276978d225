"""The approved packet as a PDF, set by the practice's own document renderer (the one that
prints release packages), so fonts, page footers and the refusal of unprintable characters
are the same everywhere."""

from alcove.deidentify.packets import HEADER
from alcove.disclosures.pdf import Document, Section, document_render

NOTICE = "De-identified for supervision or consultation. Not part of the clinical record."


def packet_pdf(*, text: str, reference: str) -> bytes:
    """The approved text (as packet_export gives it) laid out one section per note."""
    body = text.removeprefix(HEADER)
    sections = [
        Section(heading="About this packet", items=[("", HEADER.split("\n", 1)[1].strip())])
    ]
    for chunk in body.split("\n== ")[1:]:
        title, _, content = chunk.partition(" ==\n")
        sections.append(Section(heading=title.strip(), items=[("", content.strip())]))
    document = Document(
        title="Supervision packet (de-identified)",
        reference=reference,
        notice=NOTICE,
        sections=sections,
    )
    return document_render(document)[0]
