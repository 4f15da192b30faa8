"""The checklist laid out once as a QTextDocument: the PDF and the printer both use it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.domain.assess import NEW_CARD_CASES, Case
from gui.export.reminder import qr_grey
from gui.fonts import FONT_FAMILY

QR_URL = QUrl("idguide:qr.png")
QR_POINTS = 110  # ≈ 39 mm square: scans from paper at arm's length
QR_IMAGE_PIXELS = 560  # about 8 pixels a module: sharp edges when printed at 130 pt
BODY_PT = 8  # two A4 pages at most, even in English (printed ≈ 10.7 pt: see pdf.py)
VERDICT_PT = 14  # the one sentence saying what to do: larger than everything but the title
FOOTER_PT = 7.5
WARNING_BOX = "border='1' cellpadding='5' cellspacing='0' width='100%'"
WARNING_CELL = "bgcolor='#FDECEA' style='color: #8A1C13'"
STYLE = (
    "h1 { font-size: 17pt; margin-bottom: 0px; } p { margin-top: 2px; margin-bottom: 2px; }"
    " h3 { font-size: 11.5pt; margin-top: 6px; margin-bottom: 1px; }"
    " ul, ol { margin-top: 0px; margin-bottom: 0px; } td { vertical-align: top; }"
)


def _list(items: Sequence[str], tick_boxes: bool = False) -> str:
    box = "□ " if tick_boxes else ""
    rows = "".join(f"<li>{box}{html.escape(i)}</li>" for i in items if i)
    style = ' style="list-style-type: none; margin-left: 0px"' if tick_boxes else ""
    return f"<ul{style}>{rows}</ul>"


def _section(heading: str, body: str) -> str:
    """A heading and its body; the paginator keeps them on one page (see pdf.py)."""
    return f"<h3>{html.escape(heading)}</h3>{body}"


def _warning_box(lines: Sequence[str]) -> str:
    """Warnings set apart: a red-bordered box, never a plain bullet."""
    cells = "".join(f"<p><b>⚠ {html.escape(line)}</b></p>" for line in lines)
    return f"<table {WARNING_BOX}><tr><td {WARNING_CELL}>{cells}</td></tr></table>"


def qr_image(a: Assessment, content: Content, pixels: int) -> QImage:
    """The reminder's QR code, black and white, a whole number of pixels per module."""
    size, grey = qr_grey(a, content)
    scale = max(1, pixels // size)
    image = QImage(grey, size, size, size, QImage.Format.Format_Grayscale8).copy()
    return image.scaled(size * scale, size * scale, mode=Qt.TransformationMode.FastTransformation)


def _status(a: Assessment, content: Content) -> str:
    pdf = content.get("export.pdf")
    icon, headline = present.headline(a, content)
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td></tr>"
        for k, v in present.status_rows(a, content)
    )
    summary = (
        f"<p><b>{html.escape(icon)} {html.escape(headline)}</b></p>"
        f"<table cellpadding='2'>{rows}</table>"
    )
    qr = ""
    if a.remind_on is not None:
        qr = (
            f"<img src='{QR_URL.toString()}' width='{QR_POINTS}' height='{QR_POINTS}'>"
            f"<p style='font-size: 8pt'>{html.escape(pdf['qr'])}</p>"
        )
    return _section(
        pdf["status"],
        f"<table width='100%'><tr><td>{summary}</td>"
        f"<td align='right' width='{QR_POINTS + 20}'>{qr}</td></tr>"
        "</table>",
    )


def _alipay(a: Assessment, content: Content) -> list[str]:
    """Steps beside the warnings (更换实名, fraud), then the fallbacks, then the notes:
    three sections, so a page break can fall between them."""
    notes = present.alipay_notes(a, content)
    steps = "".join(f"<li>{html.escape(s.text)}</li>" for s in present.alipay_steps(content))
    warnings = _warning_box([notes.pop("do_not_switch"), notes.pop("fraud")])
    body = (
        f"<p>{html.escape(present.alipay_intro(a, content))}</p>"
        f"<table width='100%' cellspacing='0'><tr><td width='58%'><ol>{steps}</ol></td>"
        f"<td width='42%'>{warnings}</td></tr></table>"
    )
    heading = content.get("alipay_path.headings")
    fallbacks = [s.text for s in present.alipay_fallbacks(content)]
    return [
        _section(present.alipay_heading(a, content), body),
        _section(heading["fallbacks"], _list(fallbacks)),
        _section(heading["notes"], _list(list(notes.values()))),
    ]


def _sources(a: Assessment, content: Content) -> str:
    pdf = content.get("export.pdf")
    listed = pdf["source_separator"].join(a.rules_sources)
    cited = content.text("export.pdf.sources", sources=listed)
    return f"<p style='font-size: 8pt'>{html.escape(cited)} {html.escape(pdf['privacy'])}</p>"


def checklist_html(a: Assessment, content: Content) -> str:
    """The whole checklist in the HTML subset QTextDocument understands.

    The kiosk site block and the page numbers are not here: pdf.py draws them at the
    foot of every page.
    """
    text = content.text
    made = present.format_date(a.today, content)
    checked = present.format_date(a.rules_checked, content)
    parts = [
        f"<h1>{html.escape(present.sheet_title(a, content))}</h1>",
        f"<p>{html.escape(text('export.pdf.made_on', date=made))} · "
        f"{html.escape(text('export.pdf.rules_checked', date=checked))}</p>",
        f"<p style='font-size: {VERDICT_PT}pt'><b>{html.escape(present.next_step(a, content))}"
        "</b></p>",
        _status(a, content),
    ]
    warnings = present.warnings(a, content)
    if warnings:
        parts.append(_section(text("export.pdf.warnings"), _list([f"⚠ {w}" for w in warnings])))
    headings = content.get("impacts.headings")
    for section in present.impact_sections(a, content):
        if section.heading in (headings["lost"], headings["renamed"]):
            parts.append(_section(section.heading, _list(section.items)))
    if a.case in NEW_CARD_CASES:
        sections = present.checklist_sections(a, content)
        parts.append(_section(sections[0].heading, _list(sections[0].items, tick_boxes=True)))
        parts += [_section(s.heading, _list(s.items)) for s in sections[1:]]
    travel = present.travel_section(a, content)
    if travel is not None:
        parts.append(_section(travel.heading, _list(travel.items)))
    if a.case is not Case.NONE:  # a 长期 card needs no new card, so no "once it arrives"
        parts += _alipay(a, content)
    parts.append(_sources(a, content))
    return "".join(parts)


def _document(point_size: float) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont(FONT_FAMILY, point_size))
    document.setDefaultStyleSheet(STYLE)
    return document


def checklist_document(a: Assessment, content: Content) -> QTextDocument:
    document = _document(BODY_PT)
    if a.remind_on is not None:
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QR_URL, qr_image(a, content, QR_IMAGE_PIXELS)
        )
    document.setHtml(checklist_html(a, content))
    return document


def footer_document(
    content: Content, site: Sequence[str], page: int, pages: int, width: float
) -> QTextDocument:
    """The foot of one page: the kiosk site's name, address, hours and phone, and
    "page N of M"."""
    number = html.escape(content.text("export.pdf.page", page=page, pages=pages))
    lines = " · ".join(html.escape(line) for line in site if line)
    if lines:
        where = content.text("export.pdf.site_footer", site=lines)  # lines: escaped above
        markup = (
            f"<hr><table width='100%'><tr><td>{where}</td>"
            f"<td align='right' width='20%'>{number}</td></tr></table>"
        )
    else:
        markup = f"<hr><p align='right'>{number}</p>"
    document = _document(FOOTER_PT)
    document.setHtml(markup)
    document.setTextWidth(width)
    return document
