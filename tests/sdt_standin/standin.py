"""The stand-in SDT library for the card-reader tests: compiled once, its card set per test.

The card is a key=value file named by SDT_STANDIN_CARD (see sdtapi_standin.c); deleting
the file lifts the card off the reader. Every OpenPort and ClosePort is logged, so a test
can prove that the port was closed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.export_helpers import CANARY_ID

SOURCE = Path(__file__).with_name("sdtapi_standin.c")
# Who the card belongs to: strings that appear nowhere in the app, so finding one
# anywhere means it leaked from the card's record.
NAME, ADDRESS, AUTHORITY = "欧阳晓岚", "锦绣路七十七弄三号", "滨江市公安局锦绣分局"
EXPIRING = {  # born 1980-05-01 (as in CANARY_ID), valid 2006-05-01 to 2026-12-20
    "name": NAME,
    "sex": "2",
    "nation": "01",
    "birth": "19800501",
    "address": ADDRESS,
    "id": CANARY_ID,
    "authority": AUTHORITY,
    "start": "20061220",
    "end": "20261220",
}
LONG_TERM = EXPIRING | {"start": "20260101", "end": "长期"}
SECRETS = (NAME, ADDRESS, AUTHORITY, CANARY_ID)


def compile_standin(folder: Path) -> Path:
    """libsdtapi.so built from the C source with the system compiler; skipped (failed under
    CI=true) without one."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        reason = "the card-reader stand-in needs a C compiler: install gcc"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the card-reader tests: {reason}")
        pytest.skip(reason)
    library = folder / "libsdtapi.so"
    built = subprocess.run(
        [compiler, "-shared", "-fPIC", "-O1", "-Wall", "-Werror", "-o", str(library), str(SOURCE)],
        check=False,
        capture_output=True,
        text=True,
    )
    # gcc without its Recommends has no C headers: say so with the compiler's own words
    assert built.returncode == 0, (
        f"{compiler} could not build the stand-in (libc6-dev?):\n{built.stderr}"
    )
    return library


class StandIn:
    """One test's reader: where its card file and port log live."""

    def __init__(self, library: Path, folder: Path) -> None:
        self.library = library
        self.card_file = folder / "card.txt"
        self.log = folder / "ports.log"

    def env(self, ports: str = "1001") -> dict[str, str]:
        return {
            "SDT_STANDIN_CARD": str(self.card_file),
            "SDT_STANDIN_LOG": str(self.log),
            "SDT_STANDIN_PORTS": ports,
        }

    def put(self, card: dict[str, str] | None) -> None:
        """Lay a card on the reader (None lifts it)."""
        if card is None:
            self.card_file.unlink(missing_ok=True)
        else:
            self.card_file.write_text(
                "".join(f"{k}={v}\n" for k, v in card.items()), encoding="utf-8"
            )

    def port_events(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def port_closed(self) -> bool:
        """Every open was followed by its close."""
        events = self.port_events()
        opens = sum(e.startswith("open") for e in events)
        return opens == len(events) - opens and not (events and events[-1].startswith("open"))
