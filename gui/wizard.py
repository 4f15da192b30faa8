"""The guided wizard: page order from gui.flow, a step list, language and text size."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget, QWizard

from gui import i18n, style
from gui.content import Content, load_content
from gui.flow import PAGES, PageId, Session
from gui.languages import DEFAULT_LOCALE
from gui.navigation import MissingExplainer, RestartControl, plain
from gui.pages.base import GuidePage
from gui.pages.welcome import WelcomePage
from gui.restyle import repolish, restyle
from gui.touch import TapDebounce

if TYPE_CHECKING:
    from gui.kiosk.config import KioskConfig


def later_page_classes() -> tuple[type[GuidePage], ...]:
    """The pages after the welcome page, imported when they are first built."""
    from gui.pages.alipay import AlipayPage
    from gui.pages.card import CardPage
    from gui.pages.checklist import ChecklistPage
    from gui.pages.results import ImpactPage, StatusPage
    from gui.pages.situation import SituationPage
    from gui.pages.summary import SummaryPage

    return (CardPage, SituationPage, StatusPage, ImpactPage, AlipayPage, ChecklistPage, SummaryPage)


QT_BUTTON_TEXTS = {  # Qt's source strings for the classic style, translated by qtbase_*.qm
    QWizard.WizardButton.BackButton: "< &Back",
    QWizard.WizardButton.NextButton: "&Next >",
    QWizard.WizardButton.FinishButton: "&Finish",
}


def page_number(page: PageId) -> int:
    return PAGES.index(page)


class StepList(QWidget):
    """The progress indicator: this person's route, the current step, jumps back."""

    def __init__(self, guide: GuideWizard) -> None:
        # parented at once: QWizard adopts its side widget only when it lays itself out,
        # so a wizard deleted unshown would leave the list behind as a window of its own
        super().__init__(guide)
        self.guide = guide
        self.setObjectName("step_list")
        self.position = QLabel()
        self.position.setObjectName("step_position")
        self.position.setProperty("role", "heading")
        outer = QVBoxLayout(self)
        outer.addWidget(self.position)
        self.buttons: dict[PageId, QPushButton] = {}
        for page in PAGES:
            button = QPushButton()
            button.setObjectName(f"step_{page}")
            button.setProperty("role", "step")
            button.clicked.connect(lambda _=False, p=page: self.jump(p))
            outer.addWidget(button)
            self.buttons[page] = button
        outer.addStretch(1)
        # away from 上一步 / 下一步, and asks first: one slip must not wipe every answer
        self.restart = RestartControl()
        self.restart.confirmed.connect(self.guide.start_again)
        # while 重新开始 asks, its question takes the steps' place: a short screen in large
        # text has no room for both
        self.restart.asking.connect(lambda _asking: self.refresh())
        outer.addWidget(self.restart)

    def move_to_end_of_tab_order(self) -> None:
        """A page built after the step list joins the focus chain at its end: move the
        list's own buttons behind it again (setTabOrder ignores unfocusable widgets)."""
        window = self.window()
        for widget in self.findChildren(QPushButton):
            last = window.previousInFocusChain()
            while (
                last is not None
                and last.focusPolicy() is Qt.FocusPolicy.NoFocus
                and last is not window
            ):
                last = last.previousInFocusChain()
            if last is not None and last is not widget:
                QWidget.setTabOrder(last, widget)

    def names(self) -> dict[PageId, str]:
        return {
            PageId.WELCOME: self.tr("欢迎"),
            PageId.CARD: self.tr("您的证件"),
            PageId.SITUATION: self.tr("您的情况"),
            PageId.STATUS: self.tr("证件状态"),
            PageId.IMPACT: self.tr("对支付宝的影响"),
            PageId.ALIPAY: self.tr("更新支付宝"),
            PageId.CHECKLIST: self.tr("办理清单"),
            PageId.SUMMARY: self.tr("您的回答"),
        }

    def refresh(self) -> None:
        route = self.guide.session.route()
        current = self.guide.current_page()
        names = self.names()
        compact = self.compact
        asking = self.restart.question.isVisibleTo(self)
        for page, button in self.buttons.items():
            button.setVisible(page in route and not asking)
            number = route.index(page) + 1 if page in route else 0
            if page in route:  # a narrow portrait list shows the numbers only
                button.setText(f"{number}" if compact else f"{number}. {names[page]}")
            restyle(button, "current", "true" if page is current else "false")
            # the current step is not a disabled one: a reader hears "current step"
            button.setEnabled(self.guide.can_jump_to(page) or page is current)
            button.setAccessibleName(
                self.tr("{n}. {step}（当前步骤）").format(n=number, step=names[page])
                if page is current
                else f"{number}. {names[page]}"
            )
            button.setToolTip(names[page] if compact else "")
            # as wide as the words in bold (the current step's look), whichever is current
            button.ensurePolished()
            bold = QFont(button.font())
            bold.setBold(True)
            words = QFontMetrics(bold).horizontalAdvance(button.text())
            button.setMinimumWidth(words + 2 * 12 + 8)  # the style's padding, and a margin
        self.restart.setVisible(current is not PageId.WELCOME)
        # numbers only are narrower than 重新开始: the list keeps room for it
        ask = self.restart.ask
        ask.ensurePolished()  # the style sheet's font, also before the first showing
        words = ask.fontMetrics().horizontalAdvance(ask.text()) + 2 * 16  # padding, border
        self.setMinimumWidth(words + 24 if compact else 0)  # and the list's own margins
        if current is PageId.WELCOME:
            self.restart.reset()
        index = route.index(current) + 1 if current in route else 1
        self.position.setText(
            f"{index}/{len(route)}"
            if compact
            else self.tr("第 {n} 步，共 {total} 步").format(n=index, total=len(route))
        )
        self.position.setAccessibleName(
            self.tr("第 {n} 步，共 {total} 步").format(n=index, total=len(route))
        )

    @property
    def compact(self) -> bool:
        """A portrait touch screen: numbers only, so the content gets the width."""
        window = self.guide
        return window.touch and window.height() > window.width()

    def jump(self, page: PageId) -> None:
        if page is not self.guide.current_page():  # the current step: nothing to do
            self.guide.go_to(page)


class GuideWizard(QWizard):
    """The wizard; `touch` (the kiosk) gives big targets and an action bar on each page."""

    def __init__(
        self,
        session: Session,
        locale: str = DEFAULT_LOCALE,
        large_text: bool = False,
        touch: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.language = locale
        self.content: Content = load_content(locale)
        self.large_text = large_text
        self.touch = touch
        self.kiosk: KioskConfig | None = None  # set by the kiosk window
        self._title: QLabel | None = None  # QWizard's header label, found once shown
        self._apply_style()  # before the pages exist: styling them once, not twice
        self.setObjectName("guide")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOptions(
            QWizard.WizardOption.NoBackButtonOnStartPage | QWizard.WizardOption.NoCancelButton
        )
        # a touch screen uses each page's own action bar; the desktop keeps Qt's row
        self.setButtonLayout(
            []
            if touch
            else [
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
            ]
        )
        self.button(QWizard.WizardButton.NextButton).setProperty("role", "primary")
        MissingExplainer(
            self.button(QWizard.WizardButton.NextButton),
            lambda: self.pages.get(self.current_page()),
        )
        self.painted = False  # the first paint has happened (see paintEvent)
        self._pages: dict[PageId, GuidePage] = {}
        self._add_page(WelcomePage)
        self.steps = StepList(self)
        self.setSideWidget(self.steps)
        self.currentIdChanged.connect(lambda _id: self._refresh_steps())
        # a double tap on 开始 / 下一步 / 上一步 must not act on the next page too
        self.debounce = TapDebounce(self)
        self.currentIdChanged.connect(lambda _id: self.debounce.moved_on())
        self.retranslate()

    @property
    def pages(self) -> dict[PageId, GuidePage]:
        """Every page. Start-up builds only the welcome page; the others are built one by
        one once it has been painted, or all at once when something needs them sooner."""
        self.build_pages()
        return self._pages

    def build_pages(self) -> None:
        if len(self._pages) == len(PAGES):  # every access to `pages` comes through here
            return
        while self._build_next_page():
            pass

    def _build_next_page(self) -> bool:
        """Build one more page; False once every page exists."""
        missing = [cls for cls in later_page_classes() if cls.page_id not in self._pages]
        if not missing:
            return False
        self._add_page(missing[0])
        self.steps.move_to_end_of_tab_order()  # Tab reaches the content before the steps
        if len(missing) == 1:
            self._refresh_steps()  # the summary may be reachable now
        return True

    def _add_page(self, cls: type[GuidePage]) -> None:
        page = cls(self)
        self._pages[cls.page_id] = page
        self.setPage(page_number(cls.page_id), page)
        page.completeChanged.connect(self._refresh_steps)  # the route and jumps follow answers

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        window = self.windowHandle()
        if window is not None:  # installing a filter again only moves it to the front
            self.debounce.watch(window)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        # Enter on a page not yet answered says what is missing, as a tap on the disabled
        # 下一步 does (QDialog would press the disabled default button: nothing)
        page = self._pages.get(self.current_page())
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and page is not None
            and not page.isComplete()
        ):
            page.explain_missing()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        compact = "true" if self.steps.compact else "false"
        if self.steps.property("compact") != compact:
            restyle(self.steps, "compact", compact)
            self._refresh_steps()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            # a person reads the welcome page for seconds: its first paint does not wait
            # for Qt's first scroller (~40 ms) or the other pages (~50 ms)
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self._pages[self.current_page()].enable_flick()
        QTimer.singleShot(0, self, self._build_in_idle_time)

    def _build_in_idle_time(self) -> None:
        # a page per turn of the event loop: a tap in between is answered at once
        if self._build_next_page():
            QTimer.singleShot(0, self, self._build_in_idle_time)

    def validateCurrentPage(self) -> bool:  # Qt override: next() needs the next page built
        self.build_pages()
        return super().validateCurrentPage()

    # --- navigation -------------------------------------------------------------------
    def current_page(self) -> PageId:
        return PAGES[max(self.currentId(), 0)]

    def has_shown(self, page: PageId) -> bool:
        return page in self.session.journey.history

    # The journey (gui.flow) decides; Qt moves the pages and reports each move back to it.
    def nextId(self) -> int:  # Qt override
        following = self.session.journey.following()
        return -1 if following is None else page_number(following)

    def initializePage(self, page_id: int) -> None:  # Qt override: a move forward
        self.session.journey.entered(PAGES[page_id])
        super().initializePage(page_id)

    def cleanupPage(self, page_id: int) -> None:  # Qt override: a move back (or a restart)
        self.session.journey.left(PAGES[page_id])
        super().cleanupPage(page_id)

    def can_jump_to(self, page: PageId) -> bool:
        return self.session.journey.can_jump_to(page)

    def go_to(self, page: PageId) -> None:
        """Jump back to a visited page, or forward along the route while pages allow it."""
        if self.has_shown(page):
            while self.current_page() is not page:
                self.back()
            return
        target = page_number(page)
        while self.currentId() != target and self.currentPage().isComplete():
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    def change(self, page: PageId) -> None:
        """A summary Change link: edit one question page, then come straight back."""
        self.session.journey.change(page)
        self.go_to(page)

    def start_again(self) -> None:
        """A new Session (the old one is dropped whole), every page cleared, the welcome page."""
        self.session = self.session.fresh(self.new_session_day())
        for page in self.pages.values():
            page.clear()
            page.scroll_to_top()
        # the cleared widgets go now, not at the next turn of the event loop
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.restart()

    def new_session_day(self) -> date | None:
        """The next person's "today"; None keeps this one (the desktop app, --as-of)."""
        return None

    # --- language and text size -------------------------------------------------------
    def set_locale(self, locale: str) -> None:
        if locale == self.language:
            return
        self.language = locale
        self.content = load_content(locale)
        app = QCoreApplication.instance()
        if app is not None:
            i18n.install(app, locale)
            # Qt posts LanguageChange to every widget; deliver it now so the switch is atomic
            app.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def set_large_text(self, large: bool) -> None:
        if large == self.large_text:
            return  # restyling the whole application is slow: only on a real change
        self.large_text = large
        self._apply_style()

    def _apply_style(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(style.stylesheet(self.large_text, self.touch))

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("身份证续期指引"))
        # QWizard reads its own button texts from qtbase once; re-read them on each switch.
        # Screen readers get the words without "<", ">" and "(&N)".
        for which, source in QT_BUTTON_TEXTS.items():
            self.setButtonText(which, QCoreApplication.translate("QWizard", source))
        self.steps.restart.retranslate()
        self._refresh_steps()

    def _style_title(self, page: GuidePage) -> None:
        """QWizard's own header label shows the page title: make it the page's largest text."""
        if self._title is not None or not page.title():
            return
        for found in self.findChildren(QLabel):
            if (
                found.text() == page.title()
                and not page.isAncestorOf(found)
                and not self.steps.isAncestorOf(found)
            ):
                found.setObjectName("page_title")
                found.setWordWrap(True)
                repolish(found)
                # QWizard makes it after the page and the buttons, so a screen reader would
                # read it last: first among its siblings, it is read first (lower() does not
                # move it on screen: the layout places it)
                found.lower()
                self._title = found
                return

    def _refresh_steps(self) -> None:
        self.steps.refresh()
        page = self._pages.get(self.current_page())
        if page is None:
            return
        for which in QT_BUTTON_TEXTS:
            self.button(which).setAccessibleName(plain(page.buttonText(which)))
        self._style_title(page)
        if page.bar is not None:
            page.bar.refresh()
