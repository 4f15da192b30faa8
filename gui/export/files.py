"""Save the checklist PDF and the reminder: render in memory, check, write atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gui.content import Content
from gui.domain import Assessment
from gui.export.pdf import IncompletePdf, render_pdf
from gui.export.reminder import ics_bytes
from gui.export.save import SaveError, write_atomically


class ExportError(Exception):
    """A translated message saying what happened and what to try."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def file_name(kind: str, a: Assessment, content: Content) -> str:
    """身份证换领清单-YYYY-MM-DD.pdf: today's date only, nothing personal."""
    return content.text(f"export.files.{kind}", date=a.today.isoformat())


def _write(path: Path, data: bytes, content: Content) -> None:
    try:
        write_atomically(path, data)
    except SaveError as error:
        raise ExportError(content.text(f"export.save.{error.code}", detail=error.detail)) from None


def write_checklist(path: Path, a: Assessment, content: Content,
                    site: Sequence[str] = ()) -> None:
    try:
        data = render_pdf(a, content, site)
    except IncompletePdf:
        raise ExportError(content.text("export.save.bad_pdf")) from None
    _write(path, data, content)


def write_reminder(path: Path, a: Assessment, content: Content) -> None:
    if a.remind_on is None:
        raise ExportError(content.text("export.reminder.none"))
    _write(path, ics_bytes(a, content), content)
