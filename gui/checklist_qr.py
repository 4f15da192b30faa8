"""A kiosk without a printer: the checklist itself as a QR code, to keep on a phone.

Only what to bring, the fee and where to go, as plain text: never a name, a date of
birth or an ID number (the Assessment's materials, fee and place carry none of them).
"""

from __future__ import annotations

from functools import lru_cache

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from gui import present
from gui.content import Content
from gui.domain import Assessment

MASK = 2  # a fixed mask: segno's search over all eight costs ~150 ms here; any mask scans
SECTIONS = 3  # materials, fee, where: what a person needs at the office door
BORDER = 4  # modules of white around the code, as the standard asks


def checklist_text(a: Assessment, content: Content) -> str:
    """The first sections of the on-screen checklist, as lines of plain text."""
    lines = [present.sheet_title(a, content)]
    for section in present.checklist_sections(a, content)[:SECTIONS]:
        lines.append(f"\n【{section.heading}】")
        lines += [f"- {item}" for item in section.items if item]
    return "\n".join(lines)


@lru_cache(maxsize=8)  # most people's checklists are alike; the text holds nothing personal
def text_qr_image(text: str, pixels: int) -> QImage:
    """`text` as a black-and-white QR code about `pixels` wide, whole pixels per module."""
    code = segno.make(text, error="l", micro=False, mask=MASK)
    dark_to_grey = bytes.maketrans(b"\x00\x01", b"\xff\x00")
    width = len(code.matrix[0]) + 2 * BORDER
    light = b"\xff" * BORDER
    rows = [light + bytes(row).translate(dark_to_grey) + light for row in code.matrix]
    blank = [b"\xff" * width] * BORDER
    grey = b"".join([*blank, *rows, *blank])
    image = QImage(grey, width, width, width, QImage.Format.Format_Grayscale8).copy()
    scale = max(2, pixels // width)
    return image.scaled(width * scale, width * scale, mode=Qt.TransformationMode.FastTransformation)


def printer_available(name: str | None) -> bool:
    """The kiosk's named printer, or the system's default one, exists."""
    from PySide6.QtPrintSupport import QPrinterInfo  # only a kiosk's checklist asks

    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    return not info.isNull()
