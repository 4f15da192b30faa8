"""Render the checklist to PDF bytes in memory, and check the bytes are a whole PDF."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from gui.content import Content
from gui.domain import Assessment
from gui.export.document import checklist_document

MARGIN_MM = 15


class IncompletePdf(ValueError):
    """The rendered bytes are not a whole PDF; nothing may be written from them."""


def check_complete(data: bytes) -> None:
    """A whole PDF starts with %PDF-, has a startxref and ends with %%EOF."""
    if not data.startswith(b"%PDF-") or b"startxref" not in data[-2048:]:
        raise IncompletePdf("missing PDF header or cross-reference")
    if not re.search(rb"%%EOF\s*$", data[-64:]):
        raise IncompletePdf("missing %%EOF trailer")


def lay_out_and_print(device: QPagedPaintDevice, a: Assessment, content: Content,
                      site: Sequence[str] = ()) -> None:
    """The one layout for PDF and paper: A4 portrait, 15 mm margins."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)
    document = checklist_document(a, content, site)
    # a page size on the document stops Qt adding its own page numbers
    paint = device.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(paint.width(), paint.height()))
    document.print_(device)


def render_pdf(a: Assessment, content: Content, site: Sequence[str] = ()) -> bytes:
    """The checklist as PDF bytes (fonts embedded); raises IncompletePdf if cut short."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    # metadata: the title and the app only, never anything the person entered
    writer.setTitle(content.text("export.pdf.title"))
    writer.setCreator("ID Renewal Guide")
    lay_out_and_print(writer, a, content, site)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    pdf = data.data()
    check_complete(pdf)
    return pdf
