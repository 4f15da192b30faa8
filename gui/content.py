"""Per-locale wording from resources/content/<locale>/*.toml, each file parsed on first use."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

# re-exported: most callers ask the content for its languages
from gui.languages import DEFAULT_LOCALE as DEFAULT_LOCALE
from gui.languages import LOCALES as LOCALES
from gui.resources import resource_path


class Content:
    """The content files of one locale; keys are dotted paths: "materials.old_card".

    A file is parsed when a key in it is first asked for: the welcome page needs two of
    the nine, and parsing all of them was a tenth of the start-up time.
    """

    def __init__(self, locale: str, folder: Path) -> None:
        self.locale = locale
        self._paths = {path.stem: path for path in sorted(folder.glob("*.toml"))}
        self._parsed: dict[str, dict[str, Any]] = {}

    def file(self, name: str) -> dict[str, Any]:
        if name not in self._parsed:
            self._parsed[name] = tomllib.loads(self._paths[name].read_text(encoding="utf-8"))
        return self._parsed[name]

    @property
    def files(self) -> dict[str, dict[str, Any]]:
        """Every file, parsed (the self-test and the content tests read them all)."""
        return {name: self.file(name) for name in self._paths}

    def get(self, key: str) -> Any:
        name, _, rest = key.partition(".")
        node: Any = self.file(name)
        for part in rest.split(".") if rest else ():
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
    return Content(locale, resource_path("content", locale))
