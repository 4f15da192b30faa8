"""Drive the real wizard like a person: shared by the benchmarks and the soak."""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtWidgets import QApplication, QWizard

from gui.domain import Situation
from gui.export.pdf import render_pdf
from gui.flow import PageId
from gui.wizard import GuideWizard

SITUATIONS = list(Situation)


def answer(wizard: GuideWizard, situation: Situation) -> None:
    """Answer the question on the current page: born 1980-05-01, card ended 2026-05-01."""
    page = wizard.current_page()
    if page is PageId.CARD:
        card = wizard.pages[PageId.CARD]
        card.birth.set_date(date(1980, 5, 1))
        card.start.set_date(date(2006, 5, 1))
        card.end.set_date(date(2026, 5, 1))
    elif page is PageId.SITUATION:
        choices = wizard.pages[PageId.SITUATION]
        choices.situations[situation].click()
        if situation is not Situation.RENEWED:
            choices.home.click()


def fill_and_walk(
    wizard: GuideWizard, app: QApplication, situation: Situation = Situation.EXPIRY
) -> list[float]:
    """Answer every question and go to the summary; the seconds each Next took to render."""
    durations = []
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    while wizard.current_page() is not PageId.SUMMARY:
        answer(wizard, situation)
        start = time.perf_counter()
        next_button.click()
        app.processEvents()  # the page is laid out and painted before the clock stops
        durations.append(time.perf_counter() - start)
    return durations


def run_kiosk_session(kiosk: GuideWizard, app: QApplication, number: int = 0) -> bytes:
    """One visitor: fill, navigate, assess, export the checklist to memory."""
    fill_and_walk(kiosk, app, SITUATIONS[number % len(SITUATIONS)])
    return render_pdf(kiosk.session.assessment(), kiosk.content)
