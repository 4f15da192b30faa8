"""A process's writable memory, read through /proc (as root or as the same user): the
privacy probes count in it what a visitor's session may have left behind."""

from __future__ import annotations

from collections.abc import Iterator


def writable_memory(pid: int | str = "self") -> Iterator[bytes]:
    """The bytes of each writable mapping, the kernel's [vvar]/[vdso] pages left out (they
    cannot be read) and mappings that vanish while being read skipped."""
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            if "rw" not in fields[1] or (len(fields) > 5 and fields[5].startswith("[v")):
                continue
            start, end = (int(x, 16) for x in fields[0].split("-"))
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            yield data
