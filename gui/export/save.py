"""Write a file so that the old one survives any failure and no temp file is left.

Temp file in the target folder → every byte written (short writes checked) → flush →
fsync → os.replace. Any failure removes the temp file and raises SaveError whose `code`
names the translated message in export.toml [save].
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
BUSY = {errno.EBUSY, errno.ETXTBSY}


class SaveError(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


def _classify(error: OSError, replacing: bool) -> SaveError:
    if error.errno in FULL:
        return SaveError("disk_full")
    if error.errno == errno.ENOENT or isinstance(error, NotADirectoryError):
        return SaveError("folder_missing")
    if isinstance(error, IsADirectoryError):
        return SaveError("is_folder")
    if error.errno in BUSY or (replacing and error.errno in NO_PERMISSION):
        # Windows refuses to replace a file another program holds open
        return SaveError("file_locked")
    if error.errno in NO_PERMISSION:
        return SaveError("read_only")
    # the system's own words are English whatever the language: give the error's short name
    return SaveError("failed", errno.errorcode.get(error.errno or 0, type(error).__name__))


def _file_mode(path: Path) -> int:
    """Keep a replaced file's mode; a new file gets the usual mode (mkstemp's is 0600)."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_all(fd: int, data: bytes) -> None:
    view, done = memoryview(data), 0
    while done < len(data):
        written = os.write(fd, view[done:])
        if written <= 0:  # a short write that reports no error: treat as a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done += written


def write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent
    try:
        # a short prefix: the target's own name may already be near the length limit
        fd, temp_name = tempfile.mkstemp(prefix=".idguide-", suffix=".part", dir=folder)
    except OSError as error:
        raise _classify(error, replacing=False) from error
    temp = Path(temp_name)
    replacing = False
    try:
        try:
            _write_all(fd, data)
            if hasattr(os, "fchmod"):  # POSIX; Windows files have no mode bits to fix
                os.fchmod(fd, _file_mode(path))
            os.fsync(fd)
        finally:
            os.close(fd)
        replacing = True
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _classify(error, replacing) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
