"""`idguide --self-test`: prove a build (frozen or not) has everything it needs.

One line per check; exit status 0 when all pass, 1 naming what failed. Runs offscreen.
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QIcon, QImageReader
from PySide6.QtWidgets import QApplication, QWizard

from gui import i18n
from gui.content import DEFAULT_LOCALE, LOCALES, load_content
from gui.domain import Answers, Situation, assess, load_rules
from gui.domain.idnumber import check_char
from gui.fonts import load_fonts
from gui.languages import LANGUAGES
from gui.resources import resource_path
from gui.version import version

DAY = date(2026, 11, 29)
CANARY = "11010519800501002" + check_char("11010519800501002")
TITLE = "身份证换领清单"


def _rules() -> str:
    rules = load_rules()
    return f"national pack checked {rules.checked}, {len(rules.cases)} cases"


def _content() -> str:
    rules = load_rules()
    ids = {m for c in rules.cases.values() for m in c.materials_home + c.materials_away}
    for locale in LOCALES:
        content = load_content(locale)
        for material in ids:
            content.text(f"materials.{material}")
    return f"{len(LOCALES)} languages, {len(ids)} materials worded in each"


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def content_characters() -> set[str]:
    """Every printable character the content files of every language use."""
    return {
        ch
        for locale in LOCALES
        for text in _strings(load_content(locale).files)
        for ch in text
        if ch.isprintable() and not ch.isspace()
    }


def _font() -> str:
    family = load_fonts()
    if family not in QFontDatabase.families():
        raise RuntimeError(f"{family} not registered")
    font = QFont(family)
    # without NoFontMerging the answer includes system fallback fonts, which a kiosk or a
    # fresh machine may not have; inFontUcs4 because PySide6's inFont(str) is False for
    # every non-ASCII character
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    metrics = QFontMetrics(font)
    used = content_characters()
    missing = sorted(ch for ch in used if not metrics.inFontUcs4(ord(ch)))
    if missing:
        raise RuntimeError(
            f"{family} lacks {len(missing)} characters the content uses: " + "".join(missing[:40])
        )
    return f"{family} registered, all {len(used)} characters of the content present"


def _translations(app: QApplication) -> str:
    """Every catalogue the language table names loads (the frozen build keeps Qt's)."""
    from gui.wizard import QT_BUTTON_TEXTS

    next_text = QT_BUTTON_TEXTS[QWizard.WizardButton.NextButton]
    loaded = []
    for language in LANGUAGES.values():
        wanted = [name for name in (language.qt_catalogue, language.catalogue) if name]
        found = i18n.install(app, language.code)
        if found != wanted:
            raise RuntimeError(f"{language.code}: catalogues loaded: {found}, wanted {wanted}")
        if language.qt_catalogue and QCoreApplication.translate("QWizard", next_text) == next_text:
            raise RuntimeError(f"{language.qt_catalogue} does not translate QWizard")
        loaded += found
    i18n.install(app, DEFAULT_LOCALE)
    return ", ".join(loaded)


def _plugins() -> str:
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise RuntimeError("no SVG image plugin")
    if QIcon(str(resource_path("icons", "idguide.svg"))).isNull():
        raise RuntimeError("no SVG icon engine")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found = ["svg image", "svg icon"]
    if sys.platform.startswith("linux"):  # printing goes through CUPS's plugin here
        if not list((plugins / "printsupport").glob("*cups*")):
            raise RuntimeError("no CUPS print support plugin")
        if not list((plugins / "platforms").glob("*xcb*")):
            raise RuntimeError("no xcb platform plugin: no window on an X11 desktop")
        found += ["cups printing", "xcb"]
    return f"{', '.join(found)} ({plugins})"


def _flow(app: QApplication) -> str:
    from gui.app import build_wizard
    from gui.flow import PageId
    from gui.pages.card import CardPage
    from gui.pages.situation import SituationPage
    from gui.pages.summary import SummaryPage

    wizard = build_wizard(app, DAY, DEFAULT_LOCALE, False)
    wizard.restart()  # a wizard has no current page until shown or restarted
    wizard.next()
    card = cast(CardPage, wizard.pages[PageId.CARD])
    card.birth.set_date(date(1980, 5, 1))
    card.start.set_date(date(2006, 5, 1))
    card.end.set_date(date(2026, 5, 1))
    wizard.next()
    situation = cast(SituationPage, wizard.pages[PageId.SITUATION])
    situation.situations[Situation.EXPIRY].click()
    situation.home.click()
    seen = 2
    while wizard.current_page() is not PageId.SUMMARY:
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        if not next_button.isEnabled():
            raise RuntimeError(f"stuck on {wizard.current_page()}")
        next_button.click()
        seen += 1
    words = cast(SummaryPage, wizard.pages[PageId.SUMMARY]).banner.words.text()
    if "212" not in words:
        raise RuntimeError(f"summary says {words!r}")
    wizard.deleteLater()
    return f"{seen + 1} pages to the summary: {words}"


def _unicode_in_pdf(data: bytes) -> set[str]:
    """Characters the PDF's ToUnicode maps declare (enough to prove the text is there)."""
    found: set[str] = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            text = zlib.decompress(stream)
        except zlib.error:
            text = stream
        for hexes in re.findall(rb"<([0-9A-Fa-f]{4})>", text):
            found.add(chr(int(hexes, 16)))
    return found


def _pdf() -> str:
    from gui.export.pdf import render_pdf

    answers = Answers(date(1980, 5, 1), date(2006, 5, 1), date(2026, 5, 1), id_number=CANARY)
    data = render_pdf(assess(answers, DAY, load_rules()), load_content(DEFAULT_LOCALE))
    if b"/FontFile2" not in data:
        raise RuntimeError("the font is not embedded")
    missing = set(TITLE) - _unicode_in_pdf(data)
    if missing:
        raise RuntimeError(f"Chinese text missing: {''.join(sorted(missing))}")
    streams = [
        data,
        *(
            zlib.decompress(s)
            for s in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
            if s[:1] == b"x"
        ),
    ]
    for form in (CANARY.encode(), CANARY.encode("utf-16-be"), b"19800501"):
        if any(form in s for s in streams):
            raise RuntimeError("an identifier reached the PDF")
    return f"{len(data)} bytes, font embedded, {TITLE} present, no identifiers"


def run() -> int:
    app = QApplication.instance() or QApplication(["idguide"])
    assert isinstance(app, QApplication)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("version", version),
        ("rules", _rules),
        ("content", _content),
        ("font", _font),
        ("translations", lambda: _translations(app)),
        ("plugins", _plugins),
        ("wizard", lambda: _flow(app)),
        ("pdf", _pdf),
    ]
    failed = []
    for name, check in checks:
        try:
            print(f"ok    {name}: {check()}", flush=True)
        except Exception as error:  # report every failure, then exit non-zero
            print(f"FAIL  {name}: {type(error).__name__}: {error}", flush=True)
            failed.append(name)
    print("self-test passed" if not failed else f"self-test FAILED: {', '.join(failed)}")
    return 1 if failed else 0
