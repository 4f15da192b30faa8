"""Save the checklist PDF and the reminder: check the targets, render in memory, write.

Every target is checked (gui/export/save.py: regular files and new names only) before
anything is rendered, so a refused name costs nothing and changes nothing. The messages
name the file as the caller gave it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from gui.content import Content
from gui.domain import Assessment
from gui.export.pdf import IncompletePdf, render_pdf
from gui.export.reminder import ics_bytes
from gui.export.save import SaveError, check_targets, write_all
from gui.shown import shown


class ExportError(Exception):
    """A translated message saying what happened and what to try."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def file_name(kind: str, a: Assessment, content: Content) -> str:
    """身份证换领清单-YYYY-MM-DD.pdf: today's date only, nothing personal."""
    return content.text(f"export.files.{kind}", date=a.today.isoformat())


def _message(error: SaveError, content: Content) -> ExportError:
    return ExportError(
        content.text(f"export.save.{error.code}", path=shown(error.path), detail=error.detail)
    )


def check_files(paths: Sequence[Path], content: Content) -> None:
    """Raise ExportError (naming the path) unless each may be written: a new name or a
    writable regular file, no two the same. Cheap: no rendering, no Qt application."""
    try:
        check_targets(paths)
    except SaveError as error:
        raise _message(error, content) from None


def _save(files: Sequence[tuple[Path, Callable[[], bytes]]], content: Content) -> None:
    """Check every target, then render every file, then write all or none."""
    try:
        check_targets([path for path, _render in files])
        write_all([(path, render()) for path, render in files])
    except SaveError as error:
        raise _message(error, content) from None


def _pdf(a: Assessment, content: Content, site: Sequence[str]) -> Callable[[], bytes]:
    def render() -> bytes:
        try:
            return render_pdf(a, content, site)
        except IncompletePdf:
            raise ExportError(content.text("export.save.bad_pdf")) from None

    return render


def _ics(a: Assessment, content: Content) -> Callable[[], bytes]:
    if a.remind_on is None:  # said before any file is checked or written
        raise ExportError(content.text("export.reminder.none"))
    return lambda: ics_bytes(a, content)


def write_checklist(path: Path, a: Assessment, content: Content, site: Sequence[str] = ()) -> None:
    _save([(path, _pdf(a, content, site))], content)


def write_reminder(path: Path, a: Assessment, content: Content) -> None:
    _save([(path, _ics(a, content))], content)


def write_checklist_and_reminder(
    pdf: Path, ics: Path, a: Assessment, content: Content, site: Sequence[str] = ()
) -> None:
    """Both files or neither: a failure puts back whichever was already written."""
    _save([(pdf, _pdf(a, content, site)), (ics, _ics(a, content))], content)
