"""Kiosk config files and --config paths that once stopped the kiosk or said nothing, and
seeded random damage to the example file: shared by tests/test_kiosk_config_fuzz.py (in
process) and bench/config_fuzz.py (each through a real `idguide --kiosk`)."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "resources" / "kiosk.example.ini").read_bytes()
DIGITS = "9" * 5000  # int() refuses more than 4,300 digits


def _file(data: bytes | str, name: str = "kiosk.ini") -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return str(path)

    return make


def _symlink_loop(folder: Path) -> str:
    (folder / "a.ini").symlink_to(folder / "b.ini")
    (folder / "b.ini").symlink_to(folder / "a.ini")
    return str(folder / "a.ini")


def _dangling(folder: Path) -> str:
    (folder / "gone.ini").symlink_to(folder / "nowhere.ini")
    return str(folder / "gone.ini")


def _unreadable(folder: Path) -> str:
    path = Path(_file("[kiosk]\nlanguage = en\n")(folder))
    path.chmod(0)
    return str(path)


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "fifo.ini")
    return str(folder / "fifo.ini")


def _not_utf8_name(folder: Path) -> str:
    path = os.path.join(os.fsencode(folder), b"kiosk-\xff\xfe.ini")
    with open(path, "wb") as out:
        out.write(b"[kiosk]\nlanguage = en\n")
    return os.fsdecode(path)


def _unknown_keys(count: int) -> bytes:
    return b"[x]\n" + b"".join(b"key%d = %d\n" % (i, i) for i in range(count))


# name -> a function that makes the case in a fresh folder and returns the --config value
NAMED: dict[str, Callable[[Path], str]] = {
    "digits_idle_seconds": _file(f"[kiosk]\nidle_seconds = {DIGITS}\n"),
    "digits_countdown_seconds": _file(f"[kiosk]\ncountdown_seconds = {DIGITS}\n"),
    "digits_window_months": _file(f"[rules]\nwindow_months = {DIGITS}\n"),
    "path_too_long": lambda folder: str(folder) + ("/" + "d" * 200) * 30 + "/kiosk.ini",
    "name_too_long": lambda folder: str(folder / ("n" * 300 + ".ini")),
    "symlink_loop": _symlink_loop,
    "dangling_symlink": _dangling,
    "unreadable": _unreadable,
    "directory": lambda folder: str(folder),
    "not_a_folder_on_the_way": lambda folder: _file("x")(folder) + "/kiosk.ini",
    "not_utf8_name": _not_utf8_name,
    "not_utf8_text": _file(b"[kiosk]\nlanguage = \xff\xfe en\n"),
    "utf16_text": _file("[kiosk]\nlanguage = en\n".encode("utf-16")),
    "nul_bytes": _file(b"\x00\xff[[[\n=\n"),
    "nul_in_name": lambda folder: str(folder / "kiosk\0.ini"),
    "empty_name": lambda folder: "",
    "missing": lambda folder: str(folder / "absent.ini"),
    "fifo": _fifo,
    "dev_zero": lambda folder: "/dev/zero",
    "ten_megabytes_of_unknown_keys": _file(_unknown_keys(700_000)),
    "unknown_keys_under_the_size_limit": _file(_unknown_keys(3000)),
    "qt_variant_values": _file(
        "[kiosk]\nidle_seconds = @Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10QTextCharFormat)\n"
        "language = @ByteArray(en)\nprinter = @Rect(1 2 3 4)\nshow_cursor = @Invalid()\n"
    ),
    "control_characters_in_values": _file(
        "[site]\nname = a\x1b[2Jb\x07\n[kiosk]\nlanguage = en\x1b]0;x\x07\n"
    ),
    "long_values": _file(f"[site]\nname = {'名' * 5000}\n[kiosk]\npin_hash = {'a' * 9999}\n"),
    "not_key_value_lines": _file("hello world\n[kiosk\n= 3\n" * 100),
    "only_comments": _file("; nothing here\n# nor here\n"),
    "empty_file": _file(b""),
    "bom_and_crlf": _file(b"\xef\xbb\xbf[kiosk]\r\nlanguage = en\r\n"),
    "unknown_locality": _file("[rules]\nlocality = atlantis\n"),
    "sections_without_end": _file("[" * 10_000),
}


def _damaged(seed: int) -> Callable[[Path], str]:
    """The example file with a few random bytes changed, removed, repeated or inserted."""

    def make(folder: Path) -> str:
        rng = random.Random(seed)
        data = bytearray(EXAMPLE)
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(data))
            kind = rng.randrange(6)
            if kind == 0:
                data[at] = rng.randrange(256)
            elif kind == 1:
                del data[at : at + rng.randint(1, 40)]
            elif kind == 2:
                data[at:at] = data[at : at + rng.randint(1, 200)] * rng.randint(1, 30)
            elif kind == 3:
                data[at:at] = rng.randbytes(rng.randint(1, 64))
            elif kind == 4:
                data[at:at] = rng.choice([b"=", b"[", b"]", b'"', b";", b",", b"\\", b"\n", b"%"])
            else:
                text = "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 30)))
                data[at:at] = text.encode("utf-8", "surrogatepass")
        return _file(bytes(data))(folder)

    return make


def cases(random_count: int = 300) -> dict[str, Callable[[Path], str]]:
    return NAMED | {f"damaged_{seed}": _damaged(seed) for seed in range(random_count)}
