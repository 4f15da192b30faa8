"""The desktop app remembers two choices, and nothing else: language and text size.

Stored with QSettings under our organisation and application names, so each platform
keeps them in its usual place (~/.config/IDRenewalGuide/idguide.conf, the registry…).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from gui.content import DEFAULT_LOCALE, LOCALES

ORGANISATION = "IDRenewalGuide"
APPLICATION = "idguide"


def _settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def load() -> tuple[str, bool]:
    settings = _settings()
    locale = str(settings.value("language", DEFAULT_LOCALE))
    large = str(settings.value("large_text", "false")).lower() == "true"
    return (locale if locale in LOCALES else DEFAULT_LOCALE), large


def save(locale: str, large_text: bool) -> None:
    settings = _settings()
    settings.setValue("language", locale)
    settings.setValue("large_text", "true" if large_text else "false")
    settings.sync()
