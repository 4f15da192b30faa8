"""The checklist laid out once as a QTextDocument: the PDF and the printer both use it."""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.export.reminder import qr_grey
from gui.fonts import FONT_FAMILY

QR_URL = QUrl("idguide:qr.png")
QR_POINTS = 110  # ≈ 39 mm square: scans from paper at arm's length
QR_IMAGE_PIXELS = 560  # about 8 pixels a module: sharp edges when printed at 130 pt
BODY_PT = 8  # two A4 pages at most, even in English (printed ≈ 10.7 pt: see pdf.py)
VERDICT_PT = 14  # the one sentence saying what to do: larger than everything but the title
FOOTER_PT = 7  # QFont(family, size) takes whole points: this was 7.5, drawn as 7
SOURCES_PT = 7
COLUMN_GAP = 8  # points between two columns of sections
LIST_INDENT = 16  # points a list is indented (Qt's 40 wastes a tenth of a column)
WARNING_BOX = "border='1' cellpadding='5' cellspacing='0' width='100%'"
WARNING_CELL = "bgcolor='#FDECEA' style='color: #8A1C13'"
STYLE = (
    "h1 { font-size: 17pt; margin-bottom: 0px; } p { margin-top: 2px; margin-bottom: 2px; }"
    " h3 { font-size: 11pt; margin-top: 5px; margin-bottom: 1px; }"
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


def _status(a: Assessment, content: Content, sheet: present.Sheet) -> str:
    pdf = content.get("export.pdf")
    icon, headline = sheet.headline
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td></tr>"
        for k, v in sheet.status_rows
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


def _alipay_steps(steps: present.Section, boxed: present.Section | None) -> str:
    """The update steps in two columns, numbered down the first and on down the second
    (short steps: half a page's width each), then the warnings (更换实名, fraud) boxed."""
    numbered = [f"{n}. {html.escape(step)}" for n, step in enumerate(steps.items, 1)]
    half = (len(numbered) + 1) // 2
    rows = "".join(
        f"<tr><td width='50%'>{left}</td><td width='50%'>{right}</td></tr>"
        for left, right in itertools.zip_longest(numbered[:half], numbered[half:], fillvalue="")
    )
    warnings = _warning_box(boxed.items) if boxed else ""
    table = f"<table width='100%' cellspacing='0' cellpadding='2'>{rows}</table>"
    return _section(steps.heading, f"<p>{html.escape(steps.lead)}</p>{table}{warnings}")


def _body(section: present.Section) -> str:
    if section.key == "warnings":
        return _list([f"⚠ {w}" for w in section.items])
    return _list(section.items, tick_boxes=section.key == "documents")


# Short sections printed in two columns (left keys, right keys), so that a sheet needs
# three A4 pages at most even in English, and never a last page with only a few lines.
COLUMNS = (
    (("where",), ("processing",)),
    (("collect",), ("temp_id",)),
    (("fallbacks", "prevention"), ("notes", "credit")),
)


def _columns(left: list[present.Section], right: list[present.Section]) -> str:
    """Sections in two columns: one table, which the paginator keeps whole."""
    cells = "".join(
        f"<td width='50%' style='padding-right: {gap}px'>"
        + "".join(_section(s.heading, _body(s)) for s in column)
        + "</td>"
        for column, gap in ((left, COLUMN_GAP), (right, 0))
    )
    return f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"


def _grouped(sections: list[present.Section]) -> list[str]:
    """Each section's markup in sheet order; a COLUMNS group goes where its first
    section would, when both of its columns have something to say."""
    by_key = {s.key: s for s in sections if s.items}
    placed: dict[str, str] = {}  # first key of a group -> its table
    taken: set[str] = set()
    for left_keys, right_keys in COLUMNS:
        left = [by_key[k] for k in left_keys if k in by_key]
        right = [by_key[k] for k in right_keys if k in by_key]
        if left and right:
            keys = [s.key for s in sections if s.key in {*left_keys, *right_keys}]
            placed[next(k for k in keys if k in by_key)] = _columns(left, right)
            taken.update(s.key for s in (*left, *right))
    parts = []
    for section in sections:
        key = section.key
        if key in placed:
            parts.append(placed[key])
        elif key == "alipay_steps":
            parts.append(_alipay_steps(section, by_key.get("alipay_warnings")))
        elif key not in taken and key != "alipay_warnings" and section.items:
            parts.append(_section(section.heading, _body(section)))
    return parts


def checklist_html(a: Assessment, content: Content) -> str:
    """The whole checklist (present.sheet) in the HTML subset QTextDocument understands.

    The kiosk site block and the page numbers are not here: pdf.py draws them at the
    foot of every page.
    """
    sheet = present.sheet(a, content)
    parts = [
        f"<h1>{html.escape(sheet.title)}</h1>",
        f"<p>{' · '.join(html.escape(d) for d in sheet.dated)}</p>",
        # the sources beside the date they were checked, not on a last page of their own
        f"<p style='font-size: {SOURCES_PT}pt'>{html.escape(sheet.sources)} "
        f"{html.escape(sheet.privacy)}</p>",
        f"<p style='font-size: {VERDICT_PT}pt'><b>{html.escape(sheet.verdict)}</b></p>",
        _status(a, content, sheet),
    ]
    return "".join(parts + _grouped(sheet.sections))


def _document(point_size: int) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(QFont(FONT_FAMILY, point_size))
    document.setDefaultStyleSheet(STYLE)
    document.setIndentWidth(LIST_INDENT)
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
