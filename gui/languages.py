"""The app's languages and what differs between them besides their wording.

One table, resources/languages.toml: adding a language means its data files (content and
catalogue) and one entry there. Qt-free, so the domain's neighbours and the build can read it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from gui.resources import resource_path


@dataclass(frozen=True)
class Language:
    code: str  # "zh_CN": the content folder's name and the --lang value
    name: str  # in the language itself, on the welcome page's button
    qt_locale: str  # QLocale name for Qt's own dates (the date picker)
    qt_catalogue: str | None  # Qt's translations (qtbase_*); None for Qt's source language
    catalogue: str | None  # ours (idguide_*); None for the source language
    list_separator: str
    month_names: tuple[str, ...]  # January first


def _language(code: str, entry: dict[str, Any]) -> Language:
    months = tuple(entry["month_names"])
    if len(months) != 12 or not all(months):
        raise ValueError(f"languages.toml: {code} needs 12 month names, has {len(months)}")
    return Language(
        code=code,
        name=entry["name"],
        qt_locale=entry["qt_locale"],
        qt_catalogue=entry["qt_catalogue"] or None,
        catalogue=entry["catalogue"] or None,
        list_separator=entry["list_separator"],
        month_names=months,
    )


def _load() -> tuple[dict[str, Language], str]:
    table = tomllib.loads(resource_path("languages.toml").read_text(encoding="utf-8"))
    languages = {code: _language(code, entry) for code, entry in table["language"].items()}
    if table["default"] not in languages:
        raise ValueError(f"languages.toml: the default {table['default']!r} has no entry")
    return languages, table["default"]


LANGUAGES, DEFAULT_LOCALE = _load()
LOCALES = tuple(LANGUAGES)
LANG_HELP = f"{' | '.join(LOCALES)} (default {DEFAULT_LOCALE})"  # the --lang options
