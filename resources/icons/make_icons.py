"""Render idguide.svg to the PNG sizes desktops use and to a Windows .ico.

QT_QPA_PLATFORM=offscreen python resources/icons/make_icons.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "idguide.svg"))
    for size in SIZES:
        render(renderer, size).save(str(HERE / f"idguide-{size}.png"))
    render(renderer, 256).save(str(HERE / "idguide.ico"))  # Qt's ico plugin
    del app


if __name__ == "__main__":
    main()
