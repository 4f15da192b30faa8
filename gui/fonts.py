"""Register the bundled CJK font so Chinese renders on machines without one."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from gui.resources import resource_path

FONT_FAMILY = "ID Guide Sans SC"


@cache  # once per process: the font files are 4 MB
def load_fonts() -> str:
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    return FONT_FAMILY
