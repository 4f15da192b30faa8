"""Random kiosk use: anything typed anywhere, any button, idle, reset, close attempts.

After every step: no uncaught exception or Qt warning (pytest-qt fails the test), no
dialog, the window still up; after every reset: nothing of the last person anywhere.
"""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from gui.flow import Draft, PageId
from tests.kiosk_helpers import CANARY_ID, canary_hits, make_kiosk, texts_of

typed = st.one_of(st.just(CANARY_ID), st.just("1980-05-01"), st.text(max_size=24))


def no_dialogs(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a dialog was opened at the kiosk")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", forbidden)
    monkeypatch.setattr(QFileDialog, "exec", forbidden)
    monkeypatch.setattr(QPrintDialog, "exec", forbidden)
    monkeypatch.setattr(QMessageBox, "exec", forbidden)
    monkeypatch.setattr(QDesktopServices, "openUrl", forbidden)


def test_random_kiosk_use(qapp, qtbot, monkeypatch):
    no_dialogs(monkeypatch)
    wizard = make_kiosk(qapp, {"kiosk/printer": "NoSuchPrinter-xyz"})
    wizard.watch.timer.stop()  # idle is a rule here, not a clock

    class KioskUse(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            wizard.start_again()

        def page(self):
            return wizard.pages[wizard.current_page()]

        @rule(text=typed)
        def type_into_a_field(self, text):
            card = wizard.pages[PageId.CARD]
            if wizard.current_page() is PageId.CARD:
                card.id_number.setText(text)
                card.id_number.textEdited.emit(text)
                card.id_number.editingFinished.emit()

        @rule(data=st.data())
        def pick_a_date_part(self, data):
            if wizard.current_page() is PageId.CARD:
                card = wizard.pages[PageId.CARD]
                field = data.draw(st.sampled_from([card.birth, card.start, card.end]))
                part = data.draw(st.sampled_from(list(field.part_buttons.values())))
                part.click()  # opens a grid of choices; then a tap on one of them
                choices = [b for b in field.grid.buttons if b.isVisible()]
                if choices:
                    data.draw(st.sampled_from(choices)).click()

        @rule(data=st.data())
        def click_a_choice(self, data):
            from PySide6.QtWidgets import QCheckBox, QRadioButton

            choices = [
                b
                for kind in (QRadioButton, QCheckBox)
                for b in self.page().findChildren(kind)
                if b.isVisible()
            ]
            if choices:
                data.draw(st.sampled_from(choices)).click()

        @rule()
        def next(self):
            button = wizard.button(QWizard.WizardButton.NextButton)
            if button.isVisible() and button.isEnabled():
                button.click()

        @rule()
        def back(self):
            button = wizard.button(QWizard.WizardButton.BackButton)
            if button.isVisible() and button.isEnabled():
                button.click()

        @rule(data=st.data())
        def change_an_answer(self, data):
            from PySide6.QtWidgets import QPushButton

            links = [
                b
                for b in wizard.pages[PageId.SUMMARY].findChildren(QPushButton)
                if b.objectName().startswith("change_") and b.isVisible()
            ]
            if wizard.current_page() is PageId.SUMMARY and links:
                data.draw(st.sampled_from(links)).click()

        @rule()
        def print_checklist(self):
            if wizard.current_page() is PageId.CHECKLIST:
                wizard.pages[PageId.CHECKLIST].print_button.click()

        @rule(locale=st.sampled_from(["zh_CN", "en"]), large=st.booleans())
        def switch_language_and_size(self, locale, large):
            wizard.set_locale(locale)
            wizard.set_large_text(large)

        @rule()
        def try_to_leave(self):
            wizard.reject()
            assert not wizard.close()

        @rule()
        def go_idle(self):
            wizard._idle()
            while wizard.countdown.isVisible():
                wizard.countdown._tick()
            self.check_wiped_if_welcome()

        @rule()
        def press_reset_or_finish(self):
            QGuiApplication.clipboard().setText(CANARY_ID)
            if wizard.nextId() == -1:
                wizard.button(QWizard.WizardButton.FinishButton).click()
            elif wizard.steps.restart.isVisible():
                wizard.steps.restart.ask.click()
                wizard.steps.restart.yes.click()
            else:  # the welcome page has no 重新开始
                wizard.start_again()
            self.check_wiped()

        def check_wiped_if_welcome(self):
            if wizard.current_page() is PageId.WELCOME and vars(wizard.session.draft) == vars(
                Draft()
            ):
                self.check_wiped()

        def check_wiped(self):
            QApplication.processEvents()
            assert wizard.current_page() is PageId.WELCOME
            assert vars(wizard.session.draft) == vars(Draft())
            assert QGuiApplication.clipboard().text() == ""
            assert canary_hits(texts_of(wizard)) == []
            assert (wizard.language, wizard.large_text) == ("zh_CN", True)

        @invariant()
        def still_on_screen(self):
            assert wizard.isVisible()

    try:
        run_state_machine_as_test(
            KioskUse,
            settings=settings(
                max_examples=200,
                stateful_step_count=12,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        wizard.leave()
        wizard.deleteLater()
