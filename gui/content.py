"""Per-locale wording from resources/content/<locale>/*.toml, parsed once per locale."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from gui.resources import resource_path

LOCALES = ("zh_CN", "en")
DEFAULT_LOCALE = "zh_CN"


class Content:
    """All content files of one locale; keys are dotted paths: "materials.old_card"."""

    def __init__(self, locale: str, files: dict[str, dict[str, Any]]) -> None:
        self.locale = locale
        self.files = files

    def get(self, key: str) -> Any:
        node: Any = self.files
        for part in key.split("."):
            node = node[part]
        return node

    def text(self, key: str, **params: object) -> str:
        """The text at `key` (a string, or a table's `text`), placeholders filled."""
        node = self.get(key)
        text: str = node["text"] if isinstance(node, dict) else node
        return text.format(**params) if params else text


@cache
def load_content(locale: str = DEFAULT_LOCALE) -> Content:
    if locale not in LOCALES:
        raise ValueError(f"unsupported locale {locale!r}")
    folder = resource_path("content", locale)
    files = {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.toml"))
    }
    return Content(locale, files)
