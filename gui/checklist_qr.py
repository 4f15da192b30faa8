"""A kiosk without a printer: what the printed sheet would say, as QR codes for a phone.

Plain text, never a name, a date of birth or an ID number (the Assessment's materials,
fees, places and advice carry none of them). Text that one readable code cannot hold is
split into several codes at line ends, each marked "1/2", "2/2".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from gui import present
from gui.content import Content
from gui.domain import Assessment
from gui.domain.assess import NEW_CARD_CASES, Case

MASK = 2  # a fixed mask: segno's search over all eight costs ~150 ms here; any mask scans
BORDER = 4  # modules of white around the code, as the standard asks
MODULE_PX = 4  # on screen: an old phone at arm's length still sees ~2.5 camera px a module
# One code holds at most this many bytes of UTF-8: about the most any QR code holds
# (version 40 at level L, 2953). At 4 px a module it is 740 px, less than the page shows
# at 1920×1080, so a camera takes it in one look. tests/test_checklist_qr.py reads every
# code back from the page's pixels at an old phone's camera resolution.
CODE_BYTES = 2900


def sheet_text(a: Assessment, content: Content, site: Sequence[str] = ()) -> str:
    """What the printed sheet says, as lines of plain text: the verdict, the warnings,
    what to bring, fee, where, at the office, collecting, time, temporary ID, travel,
    the Alipay update, and the site's name, address, hours and phone."""
    lines = [present.sheet_title(a, content), present.next_step(a, content)]
    lines += [f"⚠ {warning}" for warning in present.warnings(a, content)]
    sections = present.checklist_sections(a, content) if a.case in NEW_CARD_CASES else []
    travel = present.travel_section(a, content)
    if travel is not None:
        sections.append(travel)
    for section in sections:
        lines.append(f"【{section.heading}】")
        lines += [f"· {item}" for item in section.items if item]
    if a.case is not Case.NONE:
        notes = present.alipay_notes(a, content)
        lines.append(f"【{present.alipay_heading(a, content)}】")
        steps = present.alipay_steps(content)
        lines += [f"{n}. {step.text}" for n, step in enumerate(steps, 1)]
        lines += [f"⚠ {notes['do_not_switch']}", notes["hotline"]]
    if any(site):
        lines.append(content.text("export.pdf.site_footer", site=" · ".join(filter(None, site))))
    return "\n".join(lines)


def split_text(text: str, limit: int = CODE_BYTES) -> list[str]:
    """`text` in as few parts as fit `limit` bytes each, cut at line ends; each part after
    the first says which it is, so a phone's notes read in order."""
    lines = text.split("\n")
    for count in range(1, len(lines) + 1):
        parts: list[list[str]] = [[]]
        for line in lines:
            mark = len(f"({len(parts)}/{count})\n".encode())
            candidate = "\n".join([*parts[-1], line]).encode()
            if parts[-1] and len(candidate) + mark > limit:
                parts.append([])
            parts[-1].append(line)
        if len(parts) <= count:
            if len(parts) == 1:
                return ["\n".join(parts[0])]
            total = len(parts)
            return [f"({n}/{total})\n" + "\n".join(part) for n, part in enumerate(parts, 1)]
    raise ValueError("a single line is longer than one code holds")


def modules(text: str) -> int:
    """How many modules wide the code for `text` is, quiet zone included."""
    return int(code_for(text).symbol_size(border=BORDER)[0])


@lru_cache(maxsize=16)  # most people's sheets are alike; the text holds nothing personal
def code_for(text: str) -> segno.QRCode:
    # byte mode: segno would otherwise pick Kanji mode for some Chinese text, which is
    # Shift JIS, and phone readers decode that differently
    return segno.make(text, error="l", micro=False, mask=MASK, mode="byte")


@lru_cache(maxsize=16)
def text_qr_image(text: str, module_px: int = MODULE_PX) -> QImage:
    """`text` as a black-and-white QR code, `module_px` whole pixels a module."""
    code = code_for(text)
    dark_to_grey = bytes.maketrans(b"\x00\x01", b"\xff\x00")
    width = len(code.matrix[0]) + 2 * BORDER
    light = b"\xff" * BORDER
    rows = [light + bytes(row).translate(dark_to_grey) + light for row in code.matrix]
    blank = [b"\xff" * width] * BORDER
    grey = b"".join([*blank, *rows, *blank])
    image = QImage(grey, width, width, width, QImage.Format.Format_Grayscale8).copy()
    side = width * module_px
    return image.scaled(side, side, mode=Qt.TransformationMode.FastTransformation)


def printer_available(name: str | None) -> bool:
    """The kiosk's named printer, or the system's default one, exists."""
    from PySide6.QtPrintSupport import QPrinterInfo  # only a kiosk's checklist asks

    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    return not info.isNull()
