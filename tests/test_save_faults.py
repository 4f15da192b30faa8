"""Saving never damages the previous file, never leaves a temp file, always explains."""

import errno
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gui.content import load_content
from gui.export import save
from gui.export.files import ExportError, write_checklist, write_reminder
from gui.export.save import SaveError, write_atomically
from tests.export_helpers import assessment

ROOT = Path(__file__).resolve().parent.parent
OLD = b"%PDF-1.4 the previous checklist %%EOF"
NEW = b"%PDF-1.4 " + b"x" * 200_000 + b" %%EOF"


@pytest.fixture
def target(tmp_path):
    folder = tmp_path / "Documents"
    folder.mkdir()
    path = folder / "身份证换领清单-2026-11-29.pdf"
    path.write_bytes(OLD)
    return path


def untouched(path):
    assert path.read_bytes() == OLD, "the previous file was damaged"
    assert not list(path.parent.glob(".*.part")), "a temp file was left behind"


def refused(target, code):
    """The save fails with `code`, and the previous file and the folder are as they were."""
    with pytest.raises(SaveError) as info:
        write_atomically(target, NEW)
    assert info.value.code == code
    untouched(target)


def test_success_replaces_the_file_and_leaves_nothing_else(target):
    write_atomically(target, NEW)
    assert target.read_bytes() == NEW
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def run_isolated(path, preexec=None, drop_root_bypass=False):
    """Run a save in a child process (resource limits, dropped privileges stay there)."""
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from gui.export.save import SaveError, write_atomically
        try:
            write_atomically(Path(sys.argv[1]), b"%PDF-1.4 " + b"x" * 200_000 + b" %%EOF")
        except SaveError as error:
            print(error.code)
        else:
            print("saved")
    """)
    command = [sys.executable, "-c", script, str(path)]
    if drop_root_bypass and os.geteuid() == 0:
        # root ignores permission bits; without CAP_DAC_OVERRIDE it obeys chmod like anyone
        capsh = shutil.which("capsh")
        if capsh is None:
            pytest.skip("root needs capsh (libcap2-bin) to honour chmod")
        command = [
            capsh,
            "--drop=cap_dac_override,cap_dac_read_search",
            "--",
            "-c",
            'exec "$0" "$@"',
            sys.executable,
            "-c",
            script,
            str(path),
        ]
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, preexec_fn=preexec, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_read_only_folder(target):
    target.parent.chmod(0o555)
    try:
        assert run_isolated(target, drop_root_bypass=True) == "read_only"
    finally:
        target.parent.chmod(0o755)
    untouched(target)


def limit_file_size():
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))


def test_full_disk(target):
    assert run_isolated(target, preexec=limit_file_size) == "disk_full"
    untouched(target)


def test_vanished_folder(tmp_path):
    missing = tmp_path / "USB" / "checklist.pdf"
    with pytest.raises(SaveError) as info:
        write_atomically(missing, NEW)
    assert info.value.code == "folder_missing"
    assert not (tmp_path / "USB").exists()


def test_file_held_open_by_another_program(target, monkeypatch):
    # Windows refuses to replace a file another program has open: the same error here
    def refuse(_source, _destination):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(save.os, "replace", refuse)
    refused(target, "file_locked")


def test_write_that_fails_halfway(target, monkeypatch):
    real_write = os.write
    calls = []

    def fail_after_half(fd, data):
        if calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        calls.append(1)
        return real_write(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(save.os, "write", fail_after_half)
    refused(target, "disk_full")


def test_short_write_reporting_no_error_is_caught(target, monkeypatch):
    monkeypatch.setattr(save.os, "write", lambda fd, data: 0)
    refused(target, "disk_full")


def test_interrupted_save_removes_the_temp_file(target, monkeypatch):
    def interrupted(_fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(save.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, NEW)
    untouched(target)


@pytest.mark.parametrize(
    ("lang", "words"), [("zh_CN", "文件夹已经不存在"), ("en", "folder no longer exists")]
)
def test_failure_gives_a_translated_message(qapp, tmp_path, lang, words):
    from gui.fonts import load_fonts

    load_fonts()
    with pytest.raises(ExportError) as info:
        write_checklist(tmp_path / "gone" / "x.pdf", assessment("expiry"), load_content(lang))
    assert words in info.value.message
    with pytest.raises(ExportError):
        write_reminder(tmp_path / "gone" / "x.ics", assessment("expiry"), load_content(lang))


def test_new_file_gets_normal_permissions(tmp_path):
    path = tmp_path / "new.pdf"
    write_atomically(path, NEW)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
