"""The newest glibc symbol version each ELF file in a folder needs, read with pyelftools.

A second reading, independent of the build's own `objdump` check (scripts/deb.py): the
version needs (.gnu.version_r) name every GLIBC_x.y a file was linked against, and the
dynamic loader refuses the file on an older glibc.
"""

from __future__ import annotations

from pathlib import Path

from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.removeprefix("GLIBC_").split("."))


def glibc_needs(path: Path) -> tuple[int, ...]:
    """The highest GLIBC_ version `path` needs; (0,) when it needs none."""
    highest: tuple[int, ...] = (0,)
    with path.open("rb") as f:
        elf = ELFFile(f)
        for section in elf.iter_sections():
            if isinstance(section, GNUVerNeedSection):
                for _needed, versions in section.iter_versions():
                    for version in versions:
                        name = version.name
                        if name.startswith("GLIBC_") and name[6:7].isdigit():
                            highest = max(highest, _version(name))
    return highest


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def too_new(folder: Path, floor: tuple[int, ...]) -> dict[str, str]:
    """Files under `folder` needing a glibc newer than `floor`: relative path → version."""
    return {
        str(path.relative_to(folder)): ".".join(map(str, needs))
        for path in elf_files(folder)
        if (needs := glibc_needs(path)) > floor
    }
