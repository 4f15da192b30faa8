"""Drive whole kiosk sessions the way a person would, with a canary identity."""

from datetime import date

from PySide6.QtWidgets import QApplication, QWizard

from gui.domain import Situation
from gui.flow import PageId
from gui.kiosk.app import build_kiosk
from gui.kiosk.config import parse
from tests.export_helpers import CANARY_ID

TODAY = date(2026, 11, 29)
CANARY_BIRTH = date(1980, 5, 1)  # the birth date inside CANARY_ID
CANARY_START, CANARY_END = date(2006, 5, 1), date(2026, 5, 1)  # the card run_session enters
CANARY_DATES = (CANARY_BIRTH, CANARY_START, CANARY_END)


def date_forms(day):
    """The ways a date may be written: ISO, compact, slashes, dots, Chinese, English."""
    return [
        day.isoformat(),
        day.strftime("%Y%m%d"),
        day.strftime("%Y/%m/%d"),
        day.strftime("%Y.%m.%d"),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.day} {day.strftime('%B')} {day.year}",
        f"{day.day} {day:%b} {day.year}",
    ]


CANARY_FORMS = [
    CANARY_ID,
    CANARY_ID[:6] + " " + CANARY_ID[6:14] + " " + CANARY_ID[14:],
    CANARY_ID[:4] + " " + CANARY_ID[4:8] + " " + CANARY_ID[8:12] + " " + CANARY_ID[12:16],
    *dict.fromkeys(f for day in CANARY_DATES for f in date_forms(day)),
]


def make_kiosk(qapp, values=None):
    config, problems = parse(values or {})
    wizard = build_kiosk(qapp, config, problems, TODAY)
    wizard.resize(1920, 1080)
    wizard.show()
    return wizard


def next_page(wizard):
    wizard.button(QWizard.WizardButton.NextButton).click()
    QApplication.processEvents()


def run_session(wizard, situation=Situation.EXPIRY, print_it=True):
    """Welcome → card (canary number fills the birth date) → … → summary."""
    next_page(wizard)
    card = wizard.pages[PageId.CARD]
    card.id_number.setFocus()
    card.id_number.setText(CANARY_ID)
    card.id_number.textEdited.emit(CANARY_ID)
    card.start.set_date(CANARY_START)
    card.end.set_date(CANARY_END)
    next_page(wizard)
    page = wizard.pages[PageId.SITUATION]
    page.situations[situation].click()
    if situation is not Situation.RENEWED:
        page.home.click()
    while wizard.current_page() is not PageId.SUMMARY:
        next_page(wizard)
        if wizard.current_page() is PageId.CHECKLIST and print_it:
            wizard.pages[PageId.CHECKLIST].print_button.click()


def texts_of(widget):
    """Every string a widget tree shows or exposes."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

    found = []
    for w in [widget, *widget.findChildren(QWidget)]:
        found += [
            w.toolTip(),
            w.accessibleName(),
            w.accessibleDescription(),
            w.windowTitle(),
            w.statusTip(),
            w.whatsThis(),
        ]
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            found.append(w.text())
        if isinstance(w, QLineEdit):
            found += [w.displayText(), w.placeholderText()]
        if isinstance(w, QComboBox):
            found.append(w.currentText())
    return [t for t in found if t]


def canary_hits(strings):
    return [s for s in strings for form in CANARY_FORMS if form in s]
