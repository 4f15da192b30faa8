"""Saving writes a new name or a regular file, and nothing else, ever.

`os.replace` onto a device node, FIFO or symlink replaces the node: as root that
destroyed /dev/full. Every refusal here must happen as any user, before anything is
written, leave the thing at the name exactly as it was, leave no file anywhere, and say
so in both languages naming the path. Symlinks are refused (see gui/export/save.py).
"""

import errno
import json
import os
import shutil
import socket
import stat
import tempfile
import time
from pathlib import Path

import pytest

from gui.content import load_content
from gui.export import save
from gui.export.files import (
    ExportError,
    check_files,
    write_checklist,
    write_checklist_and_reminder,
    write_reminder,
)
from gui.export.save import SaveError, check_targets, write_all, write_atomically
from gui.shown import shown
from tests.export_helpers import assessment

ROOT = Path(__file__).resolve().parent.parent
NEW = b"%PDF-1.4 new %%EOF"
OLD = b"%PDF-1.4 the previous checklist %%EOF"
LONG_NAME = "清" * 100 + ".pdf"  # 300 bytes in UTF-8: more than any Linux file system takes


def tree(folder):
    """Everything under `folder`, as lstat sees it: kind, mode, content or link target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            detail = path.read_bytes()
        elif stat.S_ISLNK(info.st_mode):
            detail = os.readlink(path)
        else:
            detail = None
        found[str(path.relative_to(folder))] = (
            stat.S_IFMT(info.st_mode),
            stat.S_IMODE(info.st_mode),
            detail,
        )
    return found


def refused(path, code):
    """write_atomically refuses `path` with `code`, naming the path it was given."""
    with pytest.raises(SaveError) as info:
        write_atomically(Path(path), NEW)
    assert (info.value.code, info.value.path) == (code, os.fspath(path))


@pytest.fixture
def folder(tmp_path):
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "previous.pdf").write_bytes(OLD)
    return documents


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_device_nodes_are_refused_and_stay_devices(device):
    before = os.lstat(device)
    if not stat.S_ISCHR(before.st_mode):
        pytest.skip(f"{device} is not a character device here")
    dev = set(os.listdir("/dev"))
    refused(device, "device")
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert set(os.listdir("/dev")) == dev  # no temp file either


def test_fifo_is_refused_and_stays_a_fifo(folder):
    fifo = folder / "checklist.pdf"
    os.mkfifo(fifo)
    before = tree(folder)
    refused(fifo, "fifo")  # never opened: opening a FIFO with no reader would block
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert tree(folder) == before


def test_socket_is_refused_and_stays_a_socket(folder):
    path = folder / "s.pdf"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        before = tree(folder)
        refused(path, "socket")
        assert stat.S_ISSOCK(path.lstat().st_mode)
        assert tree(folder) == before
    finally:
        server.close()


def test_symlink_to_a_regular_file_is_refused_and_both_stay(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(OLD)
    link = folder / "checklist.pdf"
    link.symlink_to(elsewhere)
    before = tree(tmp_path)
    refused(link, "symlink")
    assert link.is_symlink() and os.readlink(link) == str(elsewhere)
    assert tree(tmp_path) == before


def test_dangling_symlink_is_refused_and_creates_nothing(folder, tmp_path):
    link = folder / "checklist.pdf"
    link.symlink_to(tmp_path / "nowhere.pdf")
    before = tree(tmp_path)
    refused(link, "symlink")
    assert link.is_symlink() and not (tmp_path / "nowhere.pdf").exists()
    assert tree(tmp_path) == before


def test_symlinked_folder_is_fine(tmp_path):
    # ~/Documents as a link to a data disk is common: only the last part is checked
    real = tmp_path / "disk"
    real.mkdir()
    (tmp_path / "Documents").symlink_to(real)
    write_atomically(tmp_path / "Documents" / "checklist.pdf", NEW)
    assert (real / "checklist.pdf").read_bytes() == NEW


def test_folder_is_refused(folder):
    inner = folder / "checklist.pdf"
    inner.mkdir()
    before = tree(folder)
    refused(inner, "is_folder")
    assert tree(folder) == before


@pytest.mark.parametrize("path", ["/proc/x.pdf", "/sys/x.pdf", "/proc/self/comm", "/dev/shm/x.pdf"])
def test_kernel_file_systems_are_refused(path):
    if not Path(path).parent.is_dir():
        pytest.skip(f"no {Path(path).parent} here")
    name = Path("/proc/self/comm").read_text()  # a file we may write: it names the process
    refused(path, "system_folder")
    assert Path("/proc/self/comm").read_text() == name
    if path != "/proc/self/comm":
        assert not Path(path).exists()


def test_too_long_name_is_refused(folder):
    before = tree(folder)
    refused(folder / LONG_NAME, "name_too_long")
    assert tree(folder) == before


def test_nul_byte_is_refused(folder):
    before = tree(folder)
    refused(str(folder / "a\0b.pdf"), "nul_in_name")
    assert tree(folder) == before


def test_read_only_file_is_left_alone_even_by_root(folder):
    target = folder / "previous.pdf"
    target.chmod(0o444)
    before = tree(folder)
    refused(target, "read_only_file")
    assert tree(folder) == before


def test_same_file_twice_is_refused(folder):
    with pytest.raises(SaveError) as info:
        check_targets([folder / "a.pdf", folder / "." / "a.pdf"])
    assert info.value.code == "same_file"


def test_checked_again_just_before_the_rename(folder, monkeypatch):
    # something takes the name while the file is being written: it is not replaced
    target = folder / "checklist.pdf"
    real_fsync = os.fsync

    def fifo_appears(fd):
        real_fsync(fd)
        if not target.exists():
            os.mkfifo(target)

    monkeypatch.setattr(save.os, "fsync", fifo_appears)
    refused(target, "fifo")
    assert stat.S_ISFIFO(target.lstat().st_mode)
    assert not list(folder.glob(".*.part"))


# every refusal in both languages: its own message, naming the path as given
CASES = {
    "device": "/dev/null",
    "system_folder": "/proc/x.pdf",
    "nul_in_name": "a\0b.pdf",
    "control_in_name": "checklist.pdf\n",
    "not_utf8_name": os.fsdecode(b"checklist-\xff.pdf"),
}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_each_refusal_has_its_own_message_naming_the_path(folder, lang):
    content = load_content(lang)
    fifo, link, inner = folder / "f.pdf", folder / "l.pdf", folder / "d.pdf"
    os.mkfifo(fifo)
    link.symlink_to(folder / "previous.pdf")
    inner.mkdir()
    read_only = folder / "previous.pdf"
    read_only.chmod(0o444)
    paths = {
        **CASES,
        "fifo": str(fifo),
        "symlink": str(link),
        "is_folder": str(inner),
        "read_only_file": str(read_only),
        "name_too_long": str(folder / LONG_NAME),
    }
    messages = set()
    for code, path in paths.items():
        with pytest.raises(ExportError) as info:
            check_files([Path(path)], content)
        message = info.value.message
        expected = shown(path) if code != "name_too_long" else path[:40]
        assert expected in message, (code, message)
        assert message == content.text(f"export.save.{code}", path=shown(path))
        messages.add(message.replace(shown(path), ""))
    assert len(messages) == len(paths)  # no two refusals share a message


def test_messages_are_translated():
    zh, en = load_content("zh_CN").get("export.save"), load_content("en").get("export.save")
    assert zh.keys() == en.keys()
    for code in zh:
        assert zh[code] != en[code]
        assert ("{path}" in zh[code]) == ("{path}" in en[code]), code


# stale temp files: a killed save (kill -9) leaves .idguide-XXXXXXXX.part behind


def make_part(folder, name, age):
    part = folder / name
    part.write_bytes(b"half a PDF")
    then = time.time() - age
    os.utime(part, (then, then))
    return part


def test_stale_temp_files_of_ours_are_removed_on_the_next_save(folder, tmp_path):
    stale = make_part(folder, ".idguide-k1ll3d9x.part", age=120)
    fresh = make_part(folder, ".idguide-s4v1ng00.part", age=5)  # another save in progress
    not_ours = make_part(folder, ".other-abcdefgh.part", age=3600)
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    elsewhere = make_part(other_folder, ".idguide-k1ll3d9x.part", age=3600)
    write_atomically(folder / "checklist.pdf", NEW)
    assert not stale.exists()
    assert fresh.exists() and not_ours.exists() and elsewhere.exists()
    assert (folder / "checklist.pdf").read_bytes() == NEW


def test_a_refused_save_removes_nothing(folder):
    stale = make_part(folder, ".idguide-k1ll3d9x.part", age=120)
    (folder / "d.pdf").mkdir()
    refused(folder / "d.pdf", "is_folder")
    assert stale.exists()


def test_a_stale_looking_symlink_is_not_followed_or_removed(folder, tmp_path):
    precious = tmp_path / "precious"
    precious.write_bytes(OLD)
    link = folder / ".idguide-l1nk0000.part"
    link.symlink_to(precious)
    then = time.time() - 3600
    os.utime(link, (then, then), follow_symlinks=False)
    write_atomically(folder / "checklist.pdf", NEW)
    assert link.is_symlink() and precious.read_bytes() == OLD


# two files: both or neither


@pytest.fixture
def pair(folder):
    return folder / "previous.pdf", folder / "reminder.ics"


def test_pair_is_written_together(qapp, pair):
    pdf, ics = pair
    write_checklist_and_reminder(pdf, ics, assessment("expiry"), load_content("en"))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes() != OLD
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_refused_second_file_writes_neither(qapp, pair):
    pdf, _ = pair
    before = tree(pdf.parent)
    with pytest.raises(ExportError) as info:
        write_checklist_and_reminder(
            pdf, Path("/proc/x.ics"), assessment("expiry"), load_content("en")
        )
    assert "/proc/x.ics" in info.value.message and "previous.pdf" not in info.value.message
    assert tree(pdf.parent) == before


@pytest.mark.parametrize("existed", [True, False])
def test_second_rename_failing_puts_the_first_back(pair, monkeypatch, existed):
    pdf, ics = pair
    if not existed:
        pdf.unlink()
    before = tree(pdf.parent)
    real_replace = os.replace

    def second_fails(source, target):
        if Path(target) == ics:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(save.os, "replace", second_fails)
    with pytest.raises(SaveError) as info:
        write_all([(pdf, NEW), (ics, b"BEGIN:VCALENDAR")])
    assert (info.value.code, info.value.path) == ("failed", str(ics))
    assert tree(pdf.parent) == before


def test_second_write_failing_changes_nothing(pair, monkeypatch):
    pdf, ics = pair
    before = tree(pdf.parent)
    real_write = os.write
    calls = []

    def disk_fills(fd, data):
        calls.append(1)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(save.os, "write", disk_fills)
    with pytest.raises(SaveError) as info:
        write_all([(pdf, NEW), (ics, b"BEGIN:VCALENDAR")])
    assert (info.value.code, info.value.path) == ("disk_full", str(ics))
    assert tree(pdf.parent) == before


def test_the_page_functions_refuse_too(qapp, folder):
    # the checklist page saves through these: its dialog's path gets the same checks
    os.mkfifo(folder / "f.pdf")
    for write in (write_checklist, write_reminder):
        with pytest.raises(ExportError) as info:
            write(folder / "f.pdf", assessment("expiry"), load_content("zh_CN"))
        assert "管道" in info.value.message
    assert stat.S_ISFIFO((folder / "f.pdf").lstat().st_mode)


# the same refusals as an ordinary user: root is where the damage happens, but people
# run the app as themselves


def _refusals(home: Path) -> dict[str, str]:
    """Try every refused target in `home`; the SaveError code of each (or "saved")."""
    os.mkfifo(home / "fifo.pdf")
    (home / "link.pdf").symlink_to(home / "ok.pdf")
    (home / "folder.pdf").mkdir()
    (home / "ro.pdf").write_bytes(b"old")
    (home / "ro.pdf").chmod(0o444)
    cases = {
        "/dev/null": "/dev/null",
        "fifo": home / "fifo.pdf",
        "link": home / "link.pdf",
        "folder": home / "folder.pdf",
        "proc": "/proc/x.pdf",
        "ro": home / "ro.pdf",
        "foreign": home / "foreign.pdf",
        "long": home / ("x" * 300),
    }
    result = {}
    for name, path in cases.items():
        try:
            write_atomically(Path(path), b"new")
        except SaveError as error:
            result[name] = error.code
        else:
            result[name] = "saved"
    try:
        write_all([(home / "ok.pdf", b"new"), (Path("/proc/x.ics"), b"new")])
    except SaveError as error:
        result["pair"] = error.code
    write_atomically(home / "new.pdf", b"new")
    result["new"] = (home / "new.pdf").read_bytes().decode()
    return result


def _as_nobody(home: Path) -> dict[str, str]:
    """_refusals() in a forked child that has dropped root for user nobody for good.

    A fork, not a new interpreter: nobody may not be able to read the Python or the
    checkout (under /root); the child needs only the code already imported here.
    """
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        code = 1
        try:
            os.close(reader)
            os.setgroups([])
            os.setresgid(65534, 65534, 65534)
            os.setresuid(65534, 65534, 65534)
            os.write(writer, json.dumps(_refusals(home)).encode())
            code = 0
        except BaseException as error:  # any failure reaches the parent as text
            os.write(writer, json.dumps({"error": repr(error)}).encode())
        finally:
            os._exit(code)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        report = pipe.read()
    _pid, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0, report
    return json.loads(report)


@pytest.fixture
def nobodys_folder():
    """A folder user nobody owns, reachable by nobody (pytest's tmp_path is 0700 root)."""
    home = Path(tempfile.mkdtemp(prefix="idguide-nobody-"))
    try:
        home.chmod(0o755)
        os.chown(home, 65534, 65534)
        yield home
    finally:
        shutil.rmtree(home)


def test_refusals_hold_for_an_unprivileged_user(request):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip(
            "runs the refusals as user nobody; needs root to switch user "
            "(as a normal user every other test here already runs unprivileged)"
        )
    home = request.getfixturevalue("nobodys_folder")
    foreign = home / "foreign.pdf"  # someone else's file, writable only by its owner
    foreign.write_bytes(b"root's")
    foreign.chmod(0o644)
    assert _as_nobody(home) == {
        "/dev/null": "device",
        "fifo": "fifo",
        "link": "symlink",
        "folder": "is_folder",
        "proc": "system_folder",
        "ro": "read_only_file",
        "foreign": "read_only_file",
        "long": "name_too_long",
        "pair": "system_folder",
        "new": "new",
    }
    assert stat.S_ISFIFO((home / "fifo.pdf").lstat().st_mode)
    assert (home / "link.pdf").is_symlink() and not (home / "ok.pdf").exists()
    assert (home / "ro.pdf").read_bytes() == b"old" and foreign.read_bytes() == b"root's"
    assert (home / "new.pdf").stat().st_uid == 65534  # it really ran as nobody
    assert not list(home.glob(".*.part"))


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_save_dialog_gets_the_same_refusals(make_wizard, folder, monkeypatch, locale):
    from tests.test_checklist_page import answer_dialog, open_checklist

    _wizard, page = open_checklist(make_wizard, locale)
    fifo = folder / "清单.pdf"
    os.mkfifo(fifo)
    answer_dialog(monkeypatch, fifo)
    page.save_pdf.click()
    assert page.outcome.isVisible()
    assert str(fifo) in page.outcome.text() and ("FIFO" in page.outcome.text())
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
