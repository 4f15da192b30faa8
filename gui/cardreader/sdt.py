"""The vendor's SDT_* library through ctypes, and one read from open to close.

Every vendor (华视, 神思, 新中新, 精伦 …) ships the same functions over its GA/T 467
security module: libsdtapi.so on Linux, sdtapi.dll (stdcall) on Windows. All calls of one
library must come from one thread: vendors do not promise more.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from gui.cardreader import record
from gui.cardreader.errors import ReaderError
from gui.cardreader.record import CardDates
from gui.shown import shown

DEFAULT_LIBRARY = "sdtapi.dll" if sys.platform == "win32" else "libsdtapi.so"
OK, FOUND = 0x90, 0x9F
USB_PORTS = tuple(range(1001, 1017))
SERIAL_PORTS = tuple(range(1, 17))
AUTO_PORTS = USB_PORTS + SERIAL_PORTS  # `port = auto`: USB readers first
_BYTES = ctypes.POINTER(ctypes.c_ubyte)
_UINT = ctypes.POINTER(ctypes.c_uint)
SIGNATURES: dict[str, list[type]] = {
    "SDT_OpenPort": [ctypes.c_int],
    "SDT_ClosePort": [ctypes.c_int],
    "SDT_StartFindIDCard": [ctypes.c_int, _BYTES, ctypes.c_int],
    "SDT_SelectIDCard": [ctypes.c_int, _BYTES, ctypes.c_int],
    "SDT_ReadBaseMsg": [ctypes.c_int, _BYTES, _UINT, _BYTES, _UINT, ctypes.c_int],
}


def _bytes(buffer: ctypes.Array[ctypes.c_char]) -> ctypes._Pointer[ctypes.c_ubyte]:
    return ctypes.cast(buffer, _BYTES)


def _runs(ports: list[int]) -> str:
    """1001, 1002 … 1016, 1 … 16 as "1001–1016, 1–16"."""
    runs: list[list[int]] = []
    for port in ports:
        if runs and port == runs[-1][-1] + 1:
            runs[-1].append(port)
        else:
            runs.append([port])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


class SdtLibrary:
    """The loaded library; ReaderError when it is missing or is not an SDT_* library."""

    def __init__(self, path: str) -> None:
        self.path = path
        named = shown(path)  # messages repeat it: one printable line
        if ("/" in path or "\\" in path) and not Path(path).is_file():
            raise ReaderError("library_missing", path=named)
        loader = getattr(ctypes, "WinDLL", ctypes.CDLL)  # stdcall on Windows
        try:
            self._dll = loader(path)
        except OSError:
            code = "library_missing" if not Path(path).exists() else "library_broken"
            raise ReaderError(code, path=named) from None
        self._calls: dict[str, Callable[..., int]] = {}
        for name, argtypes in SIGNATURES.items():
            try:
                function = getattr(self._dll, name)
            except AttributeError:
                raise ReaderError("library_no_sdt", path=named, name=name) from None
            function.argtypes = argtypes
            function.restype = ctypes.c_int
            self._calls[name] = function

    def open_port(self, ports: Iterable[int]) -> int:
        """Open the first port with a reader; ReaderError("no_reader") if none answers."""
        tried = list(ports)
        for port in tried:
            if self._calls["SDT_OpenPort"](port) == OK:
                return port
        raise ReaderError("no_reader", ports=_runs(tried))

    def close_port(self, port: int) -> None:
        self._calls["SDT_ClosePort"](port)

    def card_present(self, port: int) -> bool:
        iin = ctypes.create_string_buffer(4)
        return self._calls["SDT_StartFindIDCard"](port, _bytes(iin), 0) == FOUND

    def read(self, port: int) -> CardDates:
        """Select and read the card on the open port; the buffers are wiped at once."""
        serial = ctypes.create_string_buffer(8)
        status = self._calls["SDT_SelectIDCard"](port, _bytes(serial), 0)
        if status != OK:
            raise ReaderError("read_failed", status=f"0x{status:02x}")
        text = ctypes.create_string_buffer(record.TEXT_BYTES)
        photo = ctypes.create_string_buffer(record.PHOTO_BYTES)
        text_len, photo_len = ctypes.c_uint(record.TEXT_BYTES), ctypes.c_uint(record.PHOTO_BYTES)
        try:
            status = self._calls["SDT_ReadBaseMsg"](
                port,
                _bytes(text),
                ctypes.byref(text_len),
                _bytes(photo),
                ctypes.byref(photo_len),
                0,
            )
            if status != OK:
                raise ReaderError("read_failed", status=f"0x{status:02x}")
            return record.parse(text, text_len.value)
        finally:
            record.wipe(text, photo)


def read_one(
    library: SdtLibrary,
    ports: Iterable[int],
    timeout: float,
    wait: Callable[[float], object],
    clock: Callable[[], float],
    interval: float = 0.2,
) -> CardDates:
    """Open, wait up to `timeout` seconds for a card, read it, close: the port is closed
    whatever happens (`idguide card-reader`)."""
    port = library.open_port(ports)
    try:
        deadline = clock() + timeout
        while not library.card_present(port):
            if clock() >= deadline:
                raise ReaderError("no_card", seconds=f"{timeout:g}")
            wait(interval)
        return library.read(port)
    finally:
        library.close_port(port)
