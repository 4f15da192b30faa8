"""The card page at a kiosk with an ID-card reader: 「请把身份证放在读卡区」.

The reader is watched on a worker thread (gui.cardreader.poller); what it reads arrives
here through a queued signal and fills the card page's dates as if they had been tapped,
so the pickers below stay the way for anyone without a card, or when reading fails. Only
the dates reach the page: the ID number is checked inside the reader package and dropped.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from gui.announce import announce
from gui.cardreader import CardDates, ReaderError, ReaderSettings
from gui.cardreader.poller import CardPoller, Kind, PollEvent
from gui.content import load_content
from gui.date_picker import DateField
from gui.flow import PageId
from gui.languages import DEFAULT_LOCALE
from gui.present import format_date
from gui.resources import resource_path
from gui.widgets import label

if TYPE_CHECKING:
    from gui.kiosk.window import KioskWizard

DRAWING = QSize(240, 150)
READER_DOWN = frozenset({"no_reader", "library_missing", "library_broken", "library_no_sdt"})


class _Bridge(QObject):
    """Carries the worker thread's events to the GUI thread (a queued connection)."""

    arrived = Signal(object)


class CardReaderPanel(QFrame):
    def __init__(self, kiosk: KioskWizard, settings: ReaderSettings) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.setObjectName("card_reader_panel")
        self.invite = label(role="heading")
        self.invite.setObjectName("card_reader_invite")
        self.hint = label(role="hint")
        self.status = label()
        self.status.setObjectName("card_reader_status")
        self.status.setVisible(False)
        self.drawing = self._drawing()
        words = QVBoxLayout()
        for widget in (self.invite, self.hint, self.status):
            words.addWidget(widget)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 12)
        row.addWidget(self.drawing, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self._down = False  # the reader cannot be used: the pickers are the only way
        self._note = ""  # what the line under the invitation says (see _show)
        self._read: CardDates | None = None  # this session's card, shown for checking
        self.reader_empty = False  # seen empty since the last read or reset: a card counts
        self._bridge = _Bridge(self)
        self._bridge.arrived.connect(self._on_event)
        self.poller = CardPoller(settings, self._bridge.arrived.emit)
        self._generation = self.poller.generation
        kiosk.currentIdChanged.connect(self._page_changed)
        self.retranslate()
        self.poller.start()

    def _drawing(self) -> QLabel:
        from PySide6.QtSvg import QSvgRenderer

        ratio = self.devicePixelRatioF()  # sharp on a high-density screen
        picture = QImage(DRAWING * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        QSvgRenderer(str(resource_path("images", "card_reader.svg"))).render(
            painter, QRectF(0, 0, DRAWING.width(), DRAWING.height())
        )
        painter.end()
        shown = QLabel()
        shown.setObjectName("card_reader_drawing")
        shown.setPixmap(QPixmap.fromImage(picture))
        shown.setFixedSize(DRAWING)
        return shown

    def retranslate(self) -> None:
        self.invite.setText(self.tr("请把身份证放在读卡区"))
        self.hint.setText(
            self.tr(
                "本机只取用出生日期和有效期限；姓名、住址、号码和照片不显示、不保存。"
                "没带身份证或身份证丢了，请在下面选择日期。"
            )
        )
        self.drawing.setAccessibleName(self.tr("示意图：把身份证平放在读卡器的读卡区上"))
        self._show()

    # --- the session ----------------------------------------------------------------
    def _page_changed(self, _id: int) -> None:
        self.poller.set_reading(self.kiosk.current_page() is PageId.CARD)

    def reset(self) -> None:
        """The wipe: nothing read is shown, and a card still on the reader must be lifted
        before it counts for the next visitor."""
        self.poller.reset()
        self._generation = self.poller.generation
        self.reader_empty = False
        self._note, self._read = ("down" if self._down else ""), None
        self._show()
        self.poller.set_reading(self.kiosk.current_page() is PageId.CARD)

    def stop(self) -> None:
        self.poller.stop()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show(self) -> None:
        """The line under the invitation, in the language now on screen."""
        text = ""
        if self._note == "read" and self._read is not None:
            content = self.kiosk.content
            text = self.tr(
                "已从身份证读到：出生日期 {birth}，有效期限 {start} 至 {end}。"
                "请核对；不对的话，可以在下面改。"
            ).format(
                birth=format_date(self._read.birth, content),
                start=format_date(self._read.start, content),
                end=format_date(self._read.end, content),
            )
        elif self._note == "waiting":
            text = self.tr(
                "读卡区上已有一张身份证：如果是您的，请拿起来再放一次；如果不是，请交给工作人员。"
            )
        elif self._note == "down":
            text = self.tr("读卡器暂时不能用，请在下面选择日期。")
        elif self._note == "other_card":
            text = self.tr(
                "这张证件不是居民身份证，本机读不了。本指引讲的是居民身份证；其他证件请问工作人员。"
            )
        elif self._note == "unreadable":
            text = self.tr("没能读出这张身份证：请拿起来再放一次，或在下面选择日期。")
        self.status.setText(text)
        self.status.setAccessibleName(text)  # announce() reads it: the wipe clears it too
        self.status.setVisible(bool(text))

    def _on_event(self, event: PollEvent) -> None:
        if event.generation != self._generation:
            return  # the worker read it for a session that has ended
        self.reader_empty = event.kind is Kind.EMPTY
        if event.kind is Kind.READ and event.dates is not None:
            self._fill(event.dates)
        elif event.kind is Kind.WAITING:
            self._note = "waiting"
        elif event.kind is Kind.EMPTY:
            self._down = False
            if self._note != "read":  # the card that had to be lifted is gone
                self._note = ""
        elif event.kind is Kind.PROBLEM and event.error is not None:
            self._problem(event.error)
        before = self.status.text()
        self._show()
        if self.status.text() and self.status.text() != before:
            announce(self.status)  # the visitor is looking at the card, not the screen

    def _fill(self, dates: CardDates) -> None:
        draft = self.kiosk.session.draft
        draft.set("birth", dates.birth)
        draft.set("start", dates.start)
        draft.set("long_term", dates.long_term)  # before the end: it clears the end
        draft.set("end", dates.end)
        page = self.kiosk.pages[PageId.CARD]
        page.show_session()
        for field in page.findChildren(DateField):  # every date is there: no grid open
            field.open(None)
        self._note, self._read = "read", dates

    def _problem(self, error: ReaderError) -> None:
        # the administrator's words, in the site's language, on stderr and the admin screen
        words = load_content(
            self.kiosk.kiosk.language if self.kiosk.kiosk else DEFAULT_LOCALE
        ).text(f"card_reader.errors.{error.code}", **error.params)
        print(f"idguide kiosk: card reader: {words}", file=sys.stderr)
        sys.stderr.flush()
        if words not in self.kiosk.problems:
            self.kiosk.problems.append(words)
        if error.code in READER_DOWN:
            self._down = True
            self._note = "down"
        elif error.code == "other_card":
            self._note = "other_card"
        else:
            self._note = "unreadable"


def attach(kiosk: KioskWizard, settings: ReaderSettings) -> CardReaderPanel:
    """The panel at the top of the card page."""
    panel = CardReaderPanel(kiosk, settings)
    kiosk.pages[PageId.CARD].body.insertWidget(0, panel)
    return panel
