"""PDF documents that leave the practice: release packages and accountings of disclosures.

Every page carries the document's reference, its page number out of the total and a
notice line, so a page separated from the rest still says what it belongs to. Output is
deterministic (reportlab's invariant mode), so the same content gives the same SHA-256.

Text is set in DejaVu Sans where the system has it (Debian's fonts-dejavu-core), else in
the Bitstream Vera that ships with reportlab; Chinese, Japanese and Korean in Adobe's
standard CID fonts. A character none of them can show would print as a blank, silently
changing what was released: such a document is refused instead.
"""

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
VERA = ("Vera.ttf", "VeraBd.ttf")


class Unprintable(ValueError):
    """The document holds a character its font cannot show."""


@dataclass(frozen=True)
class Section:
    """A heading, then (label, text) items; a section may start on a new page."""

    heading: str
    items: list[tuple[str, str]] = field(default_factory=list)
    new_page: bool = False


@dataclass(frozen=True)
class Document:
    title: str
    reference: str  # on every page, e.g. "Disclosure 1f0c…"
    notice: str  # one line on every page
    sections: list[Section]


def _dejavu_folder() -> Path | None:
    return next((d for d in FONT_DIRS if all((d / f).exists() for f in DEJAVU)), None)


def _has_dejavu() -> bool:
    return _dejavu_folder() is not None


@cache
def _fonts() -> tuple[str, str, frozenset[int]]:
    """Register the regular and bold faces once; returns their names and what they cover."""
    folder = _dejavu_folder()
    files = DEJAVU if folder else VERA
    folder = folder or Path(reportlab.__file__).parent / "fonts"
    regular, bold = (
        TTFont("AlcoveSans", folder / files[0]),
        TTFont("AlcoveSansBold", folder / files[1]),
    )
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(bold)
    covered = frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)
    return "AlcoveSans", "AlcoveSansBold", covered


# Chinese, Japanese and Korean text is set in Adobe's standard CID fonts, which PDF
# readers supply (they are named, not embedded): the characters are in the document, and
# a reader without the font shows a substitute, never nothing.
CJK_FONTS = (
    ("HYSMyeongJo-Medium", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("HeiseiMin-W3", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))),
    (
        "STSong-Light",
        ((0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF)),
    ),
)


def _cjk_font(char: str) -> str | None:
    code = ord(char)
    for name, blocks in CJK_FONTS:
        if any(low <= code <= high for low, high in blocks):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(UnicodeCIDFont(name))
            return name
    return None


def unprintable(text: str) -> set[str]:
    """Characters of the text that no font here would show (line breaks are fine)."""
    covered = _fonts()[2]
    return {c for c in text if c not in "\n\r\t" and ord(c) not in covered and _cjk_font(c) is None}


def _check(document: Document) -> None:
    texts = [document.title, document.reference, document.notice]
    for section in document.sections:
        texts.append(section.heading)
        texts.extend(part for item in section.items for part in item)
    missing = set().union(*(unprintable(t) for t in texts))
    if missing:
        codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(missing))
        remedy = "Tell the privacy officer: the practice needs a wider font for these."
        if not _has_dejavu():
            remedy = "Install Debian's fonts-dejavu-core on the server."
        raise Unprintable(
            f"The document holds characters its font cannot print ({codes}); it is not made "
            f"rather than made with blanks. {remedy}"
        )


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold, _ = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=6)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=16, leading=20),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12.5),
        "label": ParagraphStyle("label", parent=body, fontName=bold, spaceAfter=1),
        "body": body,
    }


def _markup(text: str) -> str:
    """Escaped text, runs the main font lacks wrapped in their CJK font."""
    covered = _fonts()[2]
    out: list[str] = []
    run: list[str] = []
    run_font: str | None = None
    for char in text:
        font = None if char in "\n\r\t" or ord(char) in covered else _cjk_font(char)
        if font != run_font and run:
            chunk = escape("".join(run))
            out.append(f'<font name="{run_font}">{chunk}</font>' if run_font else chunk)
            run = []
        run_font = font
        run.append(char)
    if run:
        chunk = escape("".join(run))
        out.append(f'<font name="{run_font}">{chunk}</font>' if run_font else chunk)
    return "".join(out).replace("\n", "<br/>")


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_markup(text), style)


def _flowables(document: Document) -> list[object]:
    styles = _styles()
    story: list[object] = [_paragraph(document.title, styles["title"]), Spacer(1, 6)]
    for section in document.sections:
        if section.new_page:
            story.append(PageBreak())
        story.append(_paragraph(section.heading, styles["heading"]))
        for label, text in section.items:
            if label:
                story.append(_paragraph(label, styles["label"]))
            story.append(_paragraph(text or "(none)", styles["body"]))
    return story


def _build(document: Document, total: int | None) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    regular = _fonts()[0]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        of = f" of {total}" if total else ""
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(0.75 * inch, 0.55 * inch, f"{document.reference} · page {doc.page}{of}")
        canvas.drawString(0.75 * inch, 0.4 * inch, document.notice)
        canvas.restoreState()

    template = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=document.title,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        bottomMargin=0.9 * inch,
        invariant=True,
    )
    template.build(_flowables(document), onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue(), template.page


def document_render(document: Document) -> tuple[bytes, int]:
    """The PDF and its page count. Two passes: the first counts the pages for "page n of N"."""
    _check(document)
    _, pages = _build(document, None)
    return _build(document, pages)
