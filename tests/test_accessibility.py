"""Elder use: large text that is really larger and never clipped, names, contrast."""

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWizard,
)

from gui import style
from gui.domain import Situation
from gui.flow import PageId
from tests.conftest import answer_situation, fill_card

EXPIRED = ("1980-05-01", "2006-05-01", "2026-05-01")


def visit_every_page(wizard, check):
    """Walk the longest route (a lost card away from home), calling check on each page."""
    wizard.button(QWizard.WizardButton.NextButton).click()
    fill_card(wizard, *EXPIRED)
    wizard.pages[PageId.CARD].id_number.setText("110105198005010021")
    answer_situation(wizard, Situation.LOST, away=True)
    wizard.back()
    while True:
        QApplication.processEvents()  # let deferred layouts settle, as on screen
        check(wizard)
        if wizard.current_page() is PageId.SUMMARY:
            return
        if wizard.current_page() is PageId.CARD:
            wizard.button(QWizard.WizardButton.NextButton).click()
            answer_situation(wizard, Situation.LOST, away=True)
            continue
        wizard.button(QWizard.WizardButton.NextButton).click()


def visible(wizard, kind):
    return [w for w in wizard.findChildren(kind) if w.isVisible()]


def check_nothing_clipped(wizard):
    # pages scroll vertically only: content wider than the view would be cut off at the right
    for area in visible(wizard, QScrollArea):
        assert area.widget().width() <= area.viewport().width(), wizard.current_page()
    # a widget squeezed below its size hint (text + style padding) shows clipped text
    for button in visible(wizard, QAbstractButton):
        if button.text():
            assert button.sizeHint().width() <= button.width(), (
                wizard.current_page(),
                button.text(),
            )
        if isinstance(button, QPushButton):
            assert button.height() >= 48, (button.text(), button.height())
            # the hint obeys a max-width; the text itself plus style.py's 10 px padding must fit
            words = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            assert words + 20 <= button.width(), (wizard.current_page(), button.text())
    for label in visible(wizard, QLabel):
        if label.wordWrap() and label.text():
            # a wrapped label is clipped when it needs more height than it was given
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()[:40]
    for combo in visible(wizard, QComboBox):
        assert combo.height() >= 48
        assert combo.sizeHint().width() <= combo.width(), combo.accessibleName()


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_large_text_is_larger_and_never_clipped(make_wizard, locale):
    wizard = make_wizard(locale, large=True)
    normal_pt = style.NORMAL_PT
    label = wizard.pages[PageId.WELCOME].intro
    assert label.font().pointSizeF() >= 1.5 * normal_pt
    visit_every_page(wizard, check_nothing_clipped)


def test_large_text_switch_on_the_welcome_page(make_wizard):
    wizard = make_wizard()
    intro = wizard.pages[PageId.WELCOME].intro
    before = intro.font().pointSizeF()
    wizard.pages[PageId.WELCOME].large_text.click()
    assert intro.font().pointSizeF() >= 1.5 * before
    assert wizard.button(QWizard.WizardButton.NextButton).height() >= 48


def check_names(wizard):
    kinds = (QComboBox, QLineEdit, QCheckBox, QRadioButton, QPushButton)
    for widget in (w for kind in kinds for w in visible(wizard, kind)):
        name = widget.accessibleName() or (widget.text() if hasattr(widget, "text") else "")
        assert name.strip(), (wizard.current_page(), widget.objectName())


def test_every_input_and_button_has_an_accessible_name(make_wizard):
    visit_every_page(make_wizard(), check_names)


def contrast(foreground, background):
    def luminance(hex_colour):
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("tone", style.TONES)
def test_status_colours_have_enough_contrast(tone):
    text, background = style.TONES[tone]
    assert contrast(text, background) >= 4.5


@pytest.mark.parametrize("colour", [style.TEXT, style.MUTED, style.ERROR, style.DISABLED])
def test_text_colours_have_enough_contrast(colour):
    for background in ("#FFFFFF", "#EFEFEF"):  # window and dialog backgrounds
        assert contrast(colour, background) >= 4.5


def test_the_countdown_card_has_enough_contrast():
    colours = style.COUNTDOWN
    assert contrast(colours["number"], colours["card"]) >= 7  # the seconds, read from afar
    assert contrast(style.TEXT, colours["card"]) >= 7  # the question and its buttons
    assert contrast(colours["card"], colours["screen"]) >= 3  # the card against the screen


@pytest.mark.parametrize("name", style.BOXES)
def test_boxed_text_has_enough_contrast(name):
    text, background, border, _ = style.BOXES[name]
    assert contrast(text, background) >= 4.5
    assert contrast(border, background) >= 3  # WCAG 1.4.11: the box's edge is seen


def test_the_alipay_boxes_take_their_colours_from_the_style(make_wizard):
    from PySide6.QtGui import QColor

    page = make_wizard().pages[PageId.ALIPAY]
    for box in (page.shortcut, page.warning):
        assert box.styleSheet() == ""  # no colour the contrast tests cannot see
        box.setText("支付宝")
        box.resize(240, 80)
        _, background, border, _ = style.BOXES[box.objectName()]
        image = box.grab().toImage()
        assert image.pixelColor(120, 0) == QColor(border)
        assert image.pixelColor(120, 5) == QColor(background)


def test_every_style_constant_is_used():
    """A colour defined, contrast-tested and used by no widget tests nothing."""
    import ast
    from pathlib import Path

    gui = Path(style.__file__).parent
    defined = {
        target.id
        for node in ast.parse(Path(style.__file__).read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.isupper()
    }
    used = set()
    for path in gui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                used.add(node.id)
            elif isinstance(node, ast.Attribute):
                used.add(node.attr)
    assert defined and sorted(defined - used) == []


def test_status_reads_without_colour(make_wizard):
    wizard = make_wizard()
    wizard.button(QWizard.WizardButton.NextButton).click()
    fill_card(wizard, *EXPIRED)
    wizard.button(QWizard.WizardButton.NextButton).click()
    answer_situation(wizard, Situation.EXPIRY)
    wizard.button(QWizard.WizardButton.NextButton).click()
    banner = wizard.pages[PageId.STATUS].banner
    assert banner.icon.text() == "⚠"
    assert "过期" in banner.words.text()
    assert banner.accessibleName() == banner.words.text()
