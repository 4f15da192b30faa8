"""Step 1: what the app does, privacy, language and text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWizard,
)

from gui.flow import PageId
from gui.languages import LANGUAGES
from gui.pages.base import GuidePage
from gui.widgets import label, select_with_arrows

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class WelcomePage(GuidePage):
    page_id = PageId.WELCOME

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.intro = label()
        self.privacy = label(role="hint")
        self.languages = QButtonGroup(self)
        row = QHBoxLayout()
        # language names are written in their own language, never translated
        # a radio group (a reader says "radio button, 1 of 2"), drawn as two big buttons;
        # toggled, not clicked: arrow keys and a reader's Toggle action choose too
        for locale, language in LANGUAGES.items():
            button = QRadioButton(language.name)
            button.setProperty("role", "language")
            button.setObjectName(f"lang_{locale}")
            button.setAccessibleName(language.name)
            button.toggled.connect(lambda on, loc=locale: self._language_toggled(on, loc))
            self.languages.addButton(button)
            row.addWidget(button)
        select_with_arrows(self.languages)
        row.addStretch(1)
        self.large_text = QCheckBox()
        self.large_text.setObjectName("large_text")
        self.large_text.toggled.connect(self.guide.set_large_text)
        self.about = QPushButton()
        self.about.setObjectName("about")
        self.about.clicked.connect(self._show_about)
        for widget in (self.intro, self.privacy):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.body.addWidget(self.large_text)
        self.body.addStretch(1)
        self.body.addWidget(self.about, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("身份证续期指引"))  # the one title: the step list says 欢迎
        self.intro.setText(
            self.tr(
                "身份证过期后，支付宝可能限制花呗、借呗等服务。"
                "这里一步一步帮您弄清：证件现在怎样、对支付宝有什么影响、去派出所带什么、"
                "拿到新证后怎样在支付宝更新。"
            )
        )
        self.privacy.setText(
            self.tr(
                "隐私：您填写的内容只在本次使用中留在这台电脑的内存里，不会保存，也不会发送到任何地方。"
            )
        )
        self.large_text.setText(self.tr("大字模式"))
        self.large_text.setAccessibleName(self.tr("大字模式"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("开始"))
        self.about.setText(self.tr("关于"))
        self.about.setAccessibleName(self.tr("关于"))

    def about_text(self) -> str:
        from gui.version import version  # package metadata: read only when asked

        checked = self.session.rules.checked.isoformat()
        return self.tr(
            "身份证续期指引 {version}\n规则核对日期：{checked}\n"
            "内容依据公开资料整理，各地做法以当地受理点为准。\n"
            "字体：Noto Sans CJK SC 子集（SIL Open Font License 1.1）。"
        ).format(version=version(), checked=checked)

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.about_text())

    def _language_toggled(self, on: bool, locale: str) -> None:
        if on:
            self.guide.set_locale(locale)

    def show_session(self) -> None:  # also clear(): language and text size are not personal
        self.about.setVisible(self.guide.kiosk is None)  # a kiosk opens no dialogs
        for button in self.languages.buttons():
            if button.objectName() == f"lang_{self.guide.language}":
                button.setChecked(True)  # the language in force: no switch, no signal loop
        self.large_text.setChecked(self.guide.large_text)

    def initializePage(self) -> None:  # Qt override
        super().initializePage()
        # Enter starts: the focus is on 开始, not on the first language (after QWizard has
        # put it on the page's first control)
        QTimer.singleShot(0, self._focus_start)

    def _focus_start(self) -> None:
        if self.guide.currentPage() is not self:
            return
        start = (
            self.bar.next
            if self.bar is not None
            else self.guide.button(QWizard.WizardButton.NextButton)
        )
        start.setFocus(Qt.FocusReason.OtherFocusReason)
