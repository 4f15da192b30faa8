"""A save killed with its process leaves a .part that the next save removes at once; names
with control characters or bytes that are not UTF-8 are refused with a message."""

import os
import signal
import subprocess
import sys
import time

import pytest

from gui.content import load_content
from gui.export.files import ExportError, check_files
from gui.export.save import OUR_TEMP, SaveError, write_atomically
from tests.config_fuzz_cases import ROOT

# a save that stops after its temp file is complete, before the rename: then kill -9
KILLED_SAVE = """
import os, sys, time
from pathlib import Path
from gui.export import save
def hang(fd):
    print("written", flush=True)
    time.sleep(600)
save.os.fsync = hang
save.write_atomically(Path(sys.argv[1]), b"%PDF" + b"x" * 1_000_000)
"""


def killed_save(target):
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "written\n"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    return child.pid


def parts(folder):
    return [p for p in folder.iterdir() if OUR_TEMP.fullmatch(p.name)]


def test_the_next_save_removes_a_killed_saves_part_at_once(tmp_path):
    target = tmp_path / "checklist.pdf"
    pid = killed_save(target)
    left = parts(tmp_path)
    assert len(left) == 1 and f"-{pid}-" in left[0].name and left[0].stat().st_size > 1_000_000
    write_atomically(target, b"%PDF new")  # right after: not a minute later
    assert parts(tmp_path) == [] and target.read_bytes() == b"%PDF new"


def test_a_part_whose_process_is_alive_and_fresh_is_left_alone(tmp_path):
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        part = tmp_path / f".idguide-{alive.pid}-abcdefgh.part"
        part.write_bytes(b"a save in progress")
        write_atomically(tmp_path / "checklist.pdf", b"%PDF")
        assert part.exists()
        then = time.time() - 120  # a minute on: an orphan whoever holds that number now
        os.utime(part, (then, then))
        write_atomically(tmp_path / "checklist.pdf", b"%PDF")
        assert not part.exists()
    finally:
        alive.kill()
        alive.wait()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("checklist.pdf\n", "control_in_name"),
        ("checklist.pdf\t", "control_in_name"),
        ("check\x1b[2Jlist.pdf", "control_in_name"),
        ("\rchecklist.pdf", "control_in_name"),
        (os.fsdecode(b"checklist-\xff\xfe.pdf"), "not_utf8_name"),
    ],
)
def test_a_name_with_control_characters_is_refused_with_a_message(tmp_path, name, code):
    path = tmp_path / name
    with pytest.raises(SaveError) as refused:
        write_atomically(path, b"%PDF")
    assert refused.value.code == code
    assert list(tmp_path.iterdir()) == []
    for lang in ("zh_CN", "en"):
        with pytest.raises(ExportError) as told:
            check_files([path], load_content(lang))
        message = told.value.message
        assert message.isprintable() and "\\" in message, message
