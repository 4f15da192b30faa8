"""The app's version: pyproject.toml is the one source, read through package metadata."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "idguide"


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)  # installed, editable or frozen (copy_metadata)
    except metadata.PackageNotFoundError:  # a bare checkout
        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
