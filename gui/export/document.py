"""The checklist laid out once as a QTextDocument: the PDF and the printer both use it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.export.reminder import qr_grey
from gui.fonts import FONT_FAMILY

QR_URL = QUrl("idguide:qr.png")
QR_POINTS = 130  # ≈ 46 mm square: scans from paper at arm's length
QR_IMAGE_PIXELS = 560  # about 8 pixels a module: sharp edges when printed at 130 pt
BODY_PT = 9.5  # two A4 pages at most, even in English


def _list(items: Sequence[str], tick_boxes: bool = False) -> str:
    box = "□ " if tick_boxes else ""
    rows = "".join(f"<li>{box}{html.escape(i)}</li>" for i in items if i)
    style = ' style="list-style-type: none; margin-left: 0px"' if tick_boxes else ""
    return f"<ul{style}>{rows}</ul>"


def _section(heading: str, body: str) -> str:
    return f"<h3>{html.escape(heading)}</h3>{body}"


def qr_image(a: Assessment, content: Content, pixels: int) -> QImage:
    """The reminder's QR code, black and white, a whole number of pixels per module."""
    size, grey = qr_grey(a, content)
    scale = max(1, pixels // size)
    image = QImage(grey, size, size, size, QImage.Format.Format_Grayscale8).copy()
    return image.scaled(size * scale, size * scale,
                        mode=Qt.TransformationMode.FastTransformation)


def checklist_html(a: Assessment, content: Content, site: Sequence[str] = ()) -> str:
    """The whole checklist in the HTML subset QTextDocument understands."""
    text = content.text
    pdf = content.get("export.pdf")
    made = present.format_date(a.today, content)
    checked = present.format_date(a.rules_checked, content)
    icon, headline = present.headline(a, content)
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td></tr>"
        for k, v in present.status_rows(a, content)
    )
    summary = (f"<p><b>{html.escape(icon)} {html.escape(headline)}</b></p>"
               f"<table cellpadding='2'>{rows}</table>")
    qr = ""
    if a.remind_on is not None:
        qr = (f"<img src='{QR_URL.toString()}' width='{QR_POINTS}' height='{QR_POINTS}'>"
              f"<p style='font-size: 8pt'>{html.escape(pdf['qr'])}</p>")
    parts = [
        f"<h1>{html.escape(pdf['title'])}</h1>",
        f"<p>{html.escape(text('export.pdf.made_on', date=made))} · "
        f"{html.escape(text('export.pdf.rules_checked', date=checked))}</p>",
        _section(pdf["status"], f"<table width='100%'><tr><td>{summary}</td>"
                                f"<td align='right' width='{QR_POINTS + 20}'>{qr}</td></tr>"
                                "</table>"),
    ]
    warnings = present.warnings(a, content)
    if warnings:
        parts.append(_list([f"⚠ {w}" for w in warnings]))
    if a.materials:
        sections = present.checklist_sections(a, content)
        parts.append(_section(sections[0].heading, _list(sections[0].items, tick_boxes=True)))
        parts += [_section(s.heading, _list(s.items)) for s in sections[1:]]
    if site:
        parts.append(_section(pdf["site"], _list(site)))
    notes = present.alipay_notes(a, content)
    steps = [s.text for s in present.alipay_steps(content)]
    alipay = ("<ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in steps) + "</ol>"
              + _list([f"⚠ {notes['do_not_switch']}", notes["hotline"], notes["other_apps"]]))
    parts.append(_section(pdf["alipay"], alipay))
    # each rule cites several sources: list every citation once
    citations = (c.strip() for s in a.rules_sources for c in s.split(";"))
    sources = "; ".join(dict.fromkeys(citations))
    parts.append(f"<p style='font-size: 8pt'>{html.escape(pdf['sources'])}: "
                 f"{html.escape(sources)}. {html.escape(pdf['privacy'])}</p>")
    return "".join(parts)


def checklist_document(a: Assessment, content: Content, site: Sequence[str] = ()) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont(FONT_FAMILY, BODY_PT))
    document.setDefaultStyleSheet(
        "h1 { font-size: 17pt; margin-bottom: 0px; } p { margin-top: 2px; margin-bottom: 2px; }"
        " h3 { font-size: 11.5pt; margin-top: 6px; margin-bottom: 1px; }"
        " ul, ol { margin-top: 0px; margin-bottom: 0px; } td { vertical-align: top; }"
    )
    if a.remind_on is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QR_URL,
                             qr_image(a, content, QR_IMAGE_PIXELS))
    document.setHtml(checklist_html(a, content, site))
    return document
