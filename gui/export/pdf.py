"""Render the checklist to PDF bytes in memory, and check the bytes are a whole PDF."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.export.document import checklist_document, footer_document

MARGIN_MM = 12
MAX_BREAKS = 12  # page breaks the paginator may add: far more than two pages need
BREAK_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
KEEP_WHOLE = 3  # a section of this many items or fewer is never split


class IncompletePdf(ValueError):
    """The rendered bytes are not a whole PDF; nothing may be written from them."""


def check_complete(data: bytes) -> None:
    """A whole PDF starts with %PDF-, has a startxref and ends with %%EOF."""
    if not data.startswith(b"%PDF-") or b"startxref" not in data[-2048:]:
        raise IncompletePdf("missing PDF header or cross-reference")
    if not re.search(rb"%%EOF\s*$", data[-64:]):
        raise IncompletePdf("missing %%EOF trailer")


Unit = QTextBlock | QTextFrame  # a paragraph or list item, or a whole table


def _units(document: QTextDocument) -> list[Unit]:
    """The document's top-level pieces in order: root blocks, and tables as one piece."""
    root, block = document.rootFrame(), document.begin()
    found: list[Unit] = []
    seen: set[int] = set()
    while block.isValid():
        frame = QTextCursor(block).currentFrame()
        if frame is None or frame == root:
            found.append(block)
        else:
            while frame.parentFrame() is not None and frame.parentFrame() != root:
                frame = frame.parentFrame()
            if id(frame) not in seen and frame.firstPosition() not in seen:
                seen.add(frame.firstPosition())
                found.append(frame)
        block = block.next()
    return found


def _rect(document: QTextDocument, unit: Unit) -> QRectF:
    layout = document.documentLayout()
    if isinstance(unit, QTextFrame):
        return layout.frameBoundingRect(unit)
    return layout.blockBoundingRect(unit)


def _break_before(unit: Unit) -> None:
    if isinstance(unit, QTextFrame):
        frame_format = unit.frameFormat()
        frame_format.setPageBreakPolicy(BREAK_BEFORE)
        unit.setFrameFormat(frame_format)
    else:
        block_format = unit.blockFormat()
        block_format.setPageBreakPolicy(BREAK_BEFORE)
        QTextCursor(unit).setBlockFormat(block_format)


def _is_heading(unit: Unit) -> bool:
    """An <h3>, or a table whose first cell opens with one: sections printed in columns
    (document.COLUMNS) start a section of their own, kept whole on one page."""
    if isinstance(unit, QTextFrame):
        # not unit.document(): PySide6 makes a returned QObject a child of the frame's
        # wrapper, so the document would never be freed (one per PDF, soak test)
        unit = unit.firstCursorPosition().block()
    return unit.blockFormat().headingLevel() == 3


def _misplaced_break(document: QTextDocument, page_height: float) -> Unit | None:
    """The first piece a page break should go before, if any.

    A section (an <h3> and what follows) of up to KEEP_WHOLE pieces stays on one page;
    a longer one may split, but never leaves its heading, or a lone item, alone on a page.
    """
    units = _units(document)
    starts = [i for i, u in enumerate(units) if _is_heading(u)] + [len(units)]
    for first, stop in itertools.pairwise(starts):
        section = units[first:stop]
        pages = [int(_rect(document, u).top() // page_height) for u in section]
        last_page = int((_rect(document, section[-1]).bottom() - 1) // page_height)
        if pages[0] == last_page:
            continue
        on_first = pages.count(pages[0]) - 1  # items beside the heading
        on_last = pages.count(last_page)
        if len(section) - 1 <= KEEP_WHOLE or on_first < 2:
            return section[0]
        if on_last < 2:
            return section[-2]
    return None


def keep_sections_together(document: QTextDocument, page_height: float) -> None:
    """Add page breaks so that no page starts or ends with a stray heading or bullet."""
    for _ in range(MAX_BREAKS):
        unit = _misplaced_break(document, page_height)
        if unit is None:
            return
        _break_before(unit)
        document.pageCount()  # lays the document out again


def lay_out_and_print(
    device: QPagedPaintDevice, a: Assessment, content: Content, site: Sequence[str] = ()
) -> None:
    """The one layout for PDF and paper: A4 portrait, 12 mm margins, the kiosk site and
    "page N of M" at the foot of every page."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    paint = device.pageLayout().paintRectPoints()
    width, height = paint.width(), paint.height()
    # the footer's height does not depend on the page number's digits
    footer_height = footer_document(content, site, 99, 99, width).size().height()
    body_height = height - footer_height
    document = checklist_document(a, content)
    document.setPageSize(QSizeF(width, body_height))  # also stops Qt adding page numbers
    keep_sections_together(document, body_height)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise IncompletePdf("the page could not be painted")
    try:
        # the same scaling QTextDocument.print_ uses: document units fill the paint rect
        painter.scale(device.width() / width, device.height() / height)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body_height)
            context.clip = QRectF(0, page * body_height, width, body_height)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.save()
            painter.translate(0, body_height)
            footer_document(content, site, page + 1, pages, width).drawContents(painter)
            painter.restore()
    finally:
        painter.end()


def render_pdf(a: Assessment, content: Content, site: Sequence[str] = ()) -> bytes:
    """The checklist as PDF bytes (fonts embedded); raises IncompletePdf if cut short."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    # metadata: the title and the app only, never anything the person entered
    writer.setTitle(present.sheet_title(a, content))
    writer.setCreator("ID Renewal Guide")
    lay_out_and_print(writer, a, content, site)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    pdf = bytes(data.data())
    check_complete(pdf)
    return pdf
