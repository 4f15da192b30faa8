"""Find files under resources/ from a checkout, an installed wheel or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_root() -> Path:
    """The resources folder for however the app is running.

    Frozen (PyInstaller): bundled next to the executable's data in sys._MEIPASS.
    Installed wheel: copied into the package as gui/resources (pyproject force-include).
    Checkout or editable install: the top-level resources/ beside gui/.
    """
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    for folder in candidates:
        if (folder / "rules").is_dir():
            return folder
    looked = ", ".join(map(str, candidates))
    raise FileNotFoundError(f"resources folder not found; looked in {looked}")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
