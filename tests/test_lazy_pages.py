"""Start-up builds the welcome page only; the rest follows the first paint, or comes at once
when something needs it. Re-styled widgets really change their look."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScroller, QWizard

from gui.flow import PAGES, PageId
from gui.pages.base import GuidePage
from gui.style import SELECTED
from tests.conftest import TODAY


def built(wizard) -> set[PageId]:
    return {page.page_id for page in wizard.findChildren(GuidePage)}


def test_start_up_builds_only_the_welcome_page(qapp, qtbot):
    from gui.app import build_wizard

    wizard = build_wizard(qapp, TODAY, "zh_CN", False)
    qtbot.addWidget(wizard)
    assert built(wizard) == {PageId.WELCOME}
    # nothing has been painted, so nothing is waiting to be built either
    qapp.processEvents()
    assert built(wizard) == {PageId.WELCOME}


def test_the_other_pages_follow_the_first_paint(qapp, qtbot):
    from gui.app import build_wizard

    wizard = build_wizard(qapp, TODAY, "zh_CN", False)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: built(wizard) == set(PAGES))
    welcome = wizard.findChild(GuidePage, "page_welcome")
    assert QScroller.hasScroller(welcome.scroll_area.viewport())


def test_next_before_the_pages_are_built_still_goes_on(qapp, qtbot):
    from gui.app import build_wizard

    wizard = build_wizard(qapp, TODAY, "zh_CN", False)
    qtbot.addWidget(wizard)
    wizard.show()  # no turn of the event loop: the idle-time build has not begun
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.current_page() is PageId.CARD
    assert wizard.pages[PageId.CARD].isVisible()


def test_a_page_asked_for_is_built_at_once(qapp, qtbot):
    from gui.app import build_wizard

    wizard = build_wizard(qapp, TODAY, "zh_CN", False)
    qtbot.addWidget(wizard)
    summary = wizard.pages[PageId.SUMMARY]
    assert summary.page_id is PageId.SUMMARY and built(wizard) == set(PAGES)


def test_the_current_step_is_highlighted_as_it_moves(make_wizard, qtbot):
    """restyle() re-applies the style sheet: the step list's highlight follows the page."""
    wizard = make_wizard()

    def background(page: PageId) -> str:
        button = wizard.steps.buttons[page]
        return button.grab().toImage().pixelColor(QPoint(4, button.height() // 2)).name()

    selected = QColor(SELECTED).name()
    assert background(PageId.WELCOME) == selected
    wizard.next()
    qtbot.waitUntil(lambda: background(PageId.CARD) == selected)
    assert background(PageId.WELCOME) != selected
