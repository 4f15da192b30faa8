"""Install Qt translators for the chosen language: ours and Qt's own qtbase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.languages import LANGUAGES
from gui.resources import resource_path

_installed: list[QTranslator] = []  # ours, to replace on the next switch


def _translator(app: QCoreApplication, name: str, folder: str) -> QTranslator | None:
    # parented to the application so Python's GC cannot drop it while installed
    translator = QTranslator(app)
    if translator.load(name, folder):
        return translator
    translator.deleteLater()
    return None


def install(app: QCoreApplication, locale: str) -> list[str]:
    """Replace the installed translators; returns the catalogues that loaded."""
    while _installed:
        old = _installed.pop()
        app.removeTranslator(old)
        old.deleteLater()
    loaded = []
    language = LANGUAGES[locale]
    wanted = [
        (language.qt_catalogue, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (language.catalogue, str(resource_path("translations"))),
    ]
    for name, folder in wanted:
        if name and (translator := _translator(app, name, folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    QLocale.setDefault(QLocale(language.qt_locale))
    return loaded
