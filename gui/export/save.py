"""Write files so that only the chosen regular file can change, and the old one survives.

What may be written: a new name, or an existing regular file we may write. Everything else
is refused before anything is rendered or written, because `os.replace` onto a device
node, FIFO or symlink replaces the node itself (as root, `--out /dev/full` destroyed the
device): device nodes, FIFOs, sockets, folders, symlinks, anything in the kernel's
pseudo-file systems (/proc, /sys, /dev), files marked read-only, names with a NUL byte
and names too long for the file system.

Symlinks are refused, not written through: the person sees one name and would change
another file, perhaps outside the folder they chose (as root, a link to /etc/passwd).
Only the last part of the path is checked, so a symlinked folder (~/Documents → a data
disk) is fine.

How: check the target (os.lstat) → remove temp files of ours that a killed save left
behind (older than a minute) → temp file in the target folder → every byte written
(short writes checked) → fsync → check the target again → os.replace → fsync the folder.
Any failure removes the temp file and raises SaveError: `code` names the translated
message in export.toml [save], `path` is the name the caller gave.

Several files (the checklist and its reminder) are written all or none: every temp file
is written first, then each is renamed into place; if a later rename fails, the earlier
targets are put back (from a copy of the old file, or removed if they were new).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
BUSY = {errno.EBUSY, errno.ETXTBSY}
# the kernel's own file systems: their "files" are settings and devices, never documents
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
TEMP_PREFIX, TEMP_SUFFIX = ".idguide-", ".part"
# ".idguide-PID-" + tempfile.mkstemp's 8 characters; older saves wrote no PID
OUR_TEMP = re.compile(r"\.idguide-(?:(\d{1,10})-)?[a-z0-9_]{8}\.part")
STALE_SECONDS = 60  # a save takes well under a second; an older temp file is an orphan


class SaveError(Exception):
    def __init__(self, code: str, path: str = "", detail: str = "") -> None:
        super().__init__(code, path)
        self.code = code
        self.path = path
        self.detail = detail


def _classify(error: OSError, path: str, replacing: bool) -> SaveError:
    if error.errno in FULL:
        return SaveError("disk_full", path)
    if error.errno == errno.ENAMETOOLONG:
        return SaveError("name_too_long", path)
    if error.errno == errno.ENOENT or isinstance(error, NotADirectoryError):
        return SaveError("folder_missing", path)
    if isinstance(error, IsADirectoryError):
        return SaveError("is_folder", path)
    if error.errno in BUSY or (replacing and error.errno in NO_PERMISSION):
        # Windows refuses to replace a file another program holds open
        return SaveError("file_locked", path)
    if error.errno in NO_PERMISSION:
        return SaveError("read_only", path)
    # the system's own words are English whatever the language: give the error's short name
    detail = errno.errorcode.get(error.errno or 0, type(error).__name__)
    return SaveError("failed", path, detail)


def _kind(mode: int) -> str | None:
    """The refusal for what is already at the target's name; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "symlink"
    if stat.S_ISDIR(mode):
        return "is_folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "not_a_file"


def _in_system_folder(name: str) -> bool:
    folder = os.path.realpath(os.path.dirname(os.path.abspath(name)))
    return any(folder == top or folder.startswith(top + "/") for top in SYSTEM_FOLDERS)


def check_target(path: Path) -> None:
    """Raise SaveError unless `path` is a new name or a writable regular file."""
    name = os.fspath(path)
    if "\0" in name:
        raise SaveError("nul_in_name", name)
    last = os.path.basename(name)
    if any("\udc80" <= ch <= "\udcff" for ch in last):  # bytes that were not UTF-8
        raise SaveError("not_utf8_name", name)
    if any(unicodedata.category(ch) == "Cc" for ch in last):  # "checklist.pdf\n", a tab
        raise SaveError("control_in_name", name)
    try:
        info: os.stat_result | None = os.lstat(name)
    except FileNotFoundError:
        info = None  # a new name (or a missing folder: creating the temp file will say so)
    except OSError as error:
        raise _classify(error, name, replacing=False) from error
    kind = _kind(info.st_mode) if info else None
    if kind:
        raise SaveError(kind, name)
    if _in_system_folder(name):
        raise SaveError("system_folder", name)
    # no write bit at all means someone marked it read-only: root obeys that too
    if info and not (info.st_mode & 0o222 and os.access(name, os.W_OK)):
        raise SaveError("read_only_file", name)


def check_targets(paths: Sequence[Path]) -> None:
    """check_target for each, and no two names for one file."""
    for path in paths:
        check_target(path)
    seen: set[str] = set()
    for path in paths:
        real = os.path.normcase(os.path.realpath(path))
        if real in seen:
            raise SaveError("same_file", os.fspath(path))
        seen.add(real)


def _gone(pid: int) -> bool:
    """No process has this id (a save killed with its process); unsure counts as alive."""
    if pid == os.getpid():
        return False  # our own save in progress (another thread, or the all-or-none pair)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):  # EPERM: alive, someone else's
        return False
    return False


def _remove_stale_temp_files(folder: Path) -> None:
    """Temp files a killed save left (kill -9, power cut): at once when the process named in
    the file's name is gone, else after a minute (a fresh one may be a save in progress)."""
    too_old = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = OUR_TEMP.fullmatch(entry.name)
            if not match:
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                ours = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
                orphan = info.st_mtime < too_old or (match[1] is not None and _gone(int(match[1])))
                if stat.S_ISREG(info.st_mode) and ours and orphan:
                    os.unlink(entry.path)


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


def _write_temp(path: Path, data: bytes) -> Path:
    """A temp file next to `path` holding `data` on disk, with the mode `path` has or gets."""
    try:
        # a short prefix: the target's own name may already be near the length limit
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent
        )
    except OSError as error:
        raise _classify(error, os.fspath(path), replacing=False) from error
    temp = Path(temp_name)
    try:
        try:
            _write_all(fd, data)
            if hasattr(os, "fchmod"):  # POSIX; Windows files have no mode bits to fix
                os.fchmod(fd, _file_mode(path))
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _classify(error, os.fspath(path), replacing=False) from error
        raise
    return temp


def _copy_of_old(path: Path) -> Path | None:
    """A temp copy of the file about to be replaced, to put back; None for a new name."""
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _classify(error, os.fspath(path), replacing=False) from error
    return _write_temp(path, old)


def _discard(temp: Path | None) -> None:
    if temp is not None:
        with contextlib.suppress(OSError):
            temp.unlink()


def _put_back(path: Path, old: Path | None) -> None:
    with contextlib.suppress(OSError):
        if old is None:
            path.unlink()
        else:
            os.replace(old, path)


def _replace_all(targets: Sequence[Path], temps: Sequence[Path], left: set[Path]) -> None:
    """Rename each temp file over its target; if one fails, put the earlier ones back.

    A temp file that was renamed leaves `left`, the set the caller cleans up."""
    done: list[tuple[Path, Path | None]] = []  # target, copy of its old content
    try:
        for index, (path, temp) in enumerate(zip(targets, temps, strict=True)):
            check_target(path)  # again: something may have taken the name meanwhile
            old = _copy_of_old(path) if index < len(targets) - 1 else None
            try:
                os.replace(temp, path)
            except BaseException as error:
                _discard(old)
                if isinstance(error, OSError):
                    raise _classify(error, os.fspath(path), replacing=True) from error
                raise
            left.discard(temp)
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):
            _put_back(path, old)
        raise
    for _path, old in done:
        _discard(old)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # make the rename itself durable (POSIX only)
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every (path, data), or change nothing and raise SaveError for the first failure."""
    targets = [path for path, _data in files]
    check_targets(targets)
    folders = {path.parent for path in targets}
    for folder in folders:
        _remove_stale_temp_files(folder)
    temps: list[Path] = []
    left: set[Path] = set()
    try:
        for path, data in files:
            temps.append(_write_temp(path, data))
            left.add(temps[-1])
        _replace_all(targets, temps, left)
    finally:
        for temp in left:
            _discard(temp)
    for folder in folders:
        _sync_folder(folder)


def write_atomically(path: Path, data: bytes) -> None:
    write_all([(path, data)])
