"""A picture made when it is first painted: a QR code below the fold costs nothing until
somebody scrolls to it (encoding one is ~3 ms of pure Python, most of a page change)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel


class LazyPicture(QLabel):
    """A square of `side` pixels that shows `make()`'s image once it is on screen."""

    def __init__(self, side: int) -> None:
        super().__init__()
        self.setFixedSize(side, side)  # the layout does not move when the picture comes
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._make: Callable[[], QImage] | None = None

    def set_maker(self, make: Callable[[], QImage]) -> None:
        self.forget()
        self._make = make

    def forget(self) -> None:
        """Drop the picture and anything it would be made from (the last person's)."""
        self._make = None
        self.clear()

    def made_picture(self) -> QPixmap:
        """The picture, made now if it has not been painted yet."""
        if self._make is not None:
            make, self._make = self._make, None
            self.setPixmap(QPixmap.fromImage(make()))
        return self.pixmap()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        self.made_picture()
        super().paintEvent(event)
