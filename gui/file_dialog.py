"""A save dialog whose own words are in the user's language.

Qt 6's widget-based file dialog asks "&Look in:" and "Files of &type:", which its Chinese
catalogue (written for the older "Look in:") does not translate: we set every label.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("SaveDialog", text)


def ask_save_path(parent: QWidget, proposed: Path, pattern: str) -> Path | None:
    """The path the person chose to save to, or None if they cancelled."""
    dialog = QFileDialog(parent, tr("保存到"), str(proposed), pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    Label = QFileDialog.DialogLabel
    for which, text in (
        (Label.LookIn, tr("位置：")),
        (Label.FileName, tr("文件名：")),
        (Label.FileType, tr("文件类型：")),
        (Label.Accept, tr("保存")),
        (Label.Reject, tr("取消")),
    ):
        dialog.setLabelText(which, text)
    dialog.selectFile(str(proposed))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
