"""Print the checklist: with the platform dialog on the desktop, silently at a kiosk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtPrintSupport import QPrintDialog, QPrintEngine, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from gui.content import Content
from gui.domain import Assessment
from gui.export.pdf import lay_out_and_print


@dataclass(frozen=True)
class PrintOutcome:
    ok: bool
    message: str


# Qt's CUPS engine passes this property's name/value pairs to cupsPrintFile() as job
# options (qcups_p.h: PPK_CupsOptions); QPrinter has no public call for arbitrary options.
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)
# PWG 5100.7 "job-retain-until": keep no copy of the job once printed. Servers that know it
# (PAPPL 1.4+, CUPS 3) act on it; CUPS 2.4 records it and ignores it, so the site also sets
# PreserveJobFiles No / PreserveJobHistory No in cupsd.conf (docs/kiosk.md).
NO_RETENTION = ["job-retain-until", "none"]


def _printer(info: QPrinterInfo, content: Content) -> QPrinter:
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(content.text("export.pdf.title"))  # the job name: no identifiers
    return printer


def _ask_for_no_retention(printer: QPrinter) -> None:
    engine = printer.printEngine()
    options = list(engine.property(CUPS_OPTIONS) or [])
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and (
        NO_RETENTION[0] not in options[::2]
    ):
        engine.setProperty(CUPS_OPTIONS, options + NO_RETENTION)


def _print(
    printer: QPrinter, a: Assessment, content: Content, site: Sequence[str] = ()
) -> PrintOutcome:
    lay_out_and_print(printer, a, content, site)
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        return PrintOutcome(False, content.text("export.print.failed"))
    return PrintOutcome(True, content.text("export.print.sent", printer=printer.printerName()))


def print_silently(
    a: Assessment, content: Content, printer_name: str | None = None, site: Sequence[str] = ()
) -> PrintOutcome:
    """Kiosk printing: the named or default printer, no dialog; never raises."""
    info = (
        QPrinterInfo.printerInfo(printer_name) if printer_name else (QPrinterInfo.defaultPrinter())
    )
    printer = _printer(info, content)
    if info.isNull() or not printer.isValid():
        return PrintOutcome(False, content.text("export.print.no_printer"))
    _ask_for_no_retention(printer)
    return _print(printer, a, content, site)


def print_with_dialog(parent: QWidget, a: Assessment, content: Content) -> PrintOutcome | None:
    """Desktop printing through the platform dialog; None when the person cancels."""
    printer = _printer(QPrinterInfo.defaultPrinter(), content)
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return _print(printer, a, content)
