"""Config reading cannot fail: every case that once stopped the kiosk or said nothing, and
300 damaged copies of the example file, give a config and one-line problems, never an
exception. bench/config_fuzz.py runs the same cases through a real `idguide --kiosk`."""

import os
import subprocess
import sys

import pytest

from gui.kiosk.app import report_at_start
from gui.kiosk.config import KioskConfig, read_config
from tests.config_fuzz_cases import NAMED, ROOT, cases

# case -> words its problem line says (None: no problem line is promised)
SAID = {
    "digits_idle_seconds": "kiosk/idle_seconds: 5000 characters",
    "digits_countdown_seconds": "kiosk/countdown_seconds: 5000 characters",
    "digits_window_months": "rules/window_months: 5000 characters",
    "path_too_long": "cannot be opened (File name too long)",
    "name_too_long": "cannot be opened (File name too long)",
    "symlink_loop": "cannot be opened (Too many levels of symbolic links)",
    "dangling_symlink": "file not found",
    "unreadable": None if os.geteuid() == 0 else "cannot be read (Permission denied)",
    "directory": "is a folder, not a file",
    "not_a_folder_on_the_way": "cannot be opened (Not a directory)",
    "not_utf8_name": "the file name is not valid UTF-8",
    "not_utf8_text": "is not UTF-8 text (line 2)",
    "utf16_text": "holds binary data",
    "nul_bytes": "holds binary data",
    "nul_in_name": "the file name holds a NUL character",
    "empty_name": '--config "": names no file',
    "missing": "file not found",
    "fifo": "is not a regular file",
    "dev_zero": "is not a regular file",
    "ten_megabytes_of_unknown_keys": "is larger than 64 KiB",
    "unknown_keys_under_the_size_limit": "3000 unknown setting(s), ignored: x/key0, x/key1",
    "qt_variant_values": "kiosk/idle_seconds = @Variant(",
    "control_characters_in_values": "site/name = a\\x1b[2Jb\\x07: holds control characters",
    "long_values": "site/name: 5000 characters",
    "not_key_value_lines": "300 line(s) are not `key = value`",
    "only_comments": "holds no settings",
    "empty_file": None,
    "bom_and_crlf": None,
    "unknown_locality": "rules/locality = atlantis: no such locality",
    "sections_without_end": "1 line(s) are not `key = value`",
}


def check(config, problems):
    assert isinstance(config, KioskConfig)
    for problem in problems:
        assert problem.isprintable() and "\n" not in problem, repr(problem)
        assert len(problem) < 600, len(problem)
    assert len(problems) < 20


def test_every_named_case_has_a_test():
    assert set(SAID) == set(NAMED)


@pytest.mark.parametrize("case", sorted(NAMED))
def test_a_config_case_gives_defaults_and_says_why(case, tmp_path, capsys):
    config, problems = read_config(NAMED[case](tmp_path))
    check(config, problems)
    if SAID[case] is not None:
        assert any(SAID[case] in p for p in problems), problems
    report_at_start(config, problems)
    err = capsys.readouterr().err
    assert err.count("\n") == len(problems) + (config.pin_hash is None)  # once, one line each


def test_the_good_values_of_a_partly_broken_file_are_kept(tmp_path):
    ini = tmp_path / "kiosk.ini"
    ini.write_text("[kiosk]\nidle_seconds = 9" + "9" * 5000 + "\nlanguage = en\n")
    config, problems = read_config(ini)
    assert (config.idle_seconds, config.language) == (90, "en") and len(problems) == 1


def test_300_damaged_configs_never_raise(tmp_path):
    damaged = {k: v for k, v in cases(300).items() if k.startswith("damaged_")}
    assert len(damaged) == 300
    for name, make in damaged.items():
        folder = tmp_path / name
        folder.mkdir()
        check(*read_config(make(folder)))


@pytest.mark.parametrize("case", ["empty_name", "path_too_long", "digits_idle_seconds"])
def test_a_real_kiosk_starts_and_says_so(case, tmp_path):
    command = [sys.executable, "-m", "gui", "--kiosk", "--exit-after-show", "--config"]
    result = subprocess.run(
        [*command, NAMED[case](tmp_path)],
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "config: " in result.stderr and SAID[case] in result.stderr


def test_the_example_file_reads_with_no_problem_and_keeps_quoted_semicolons():
    config, problems = read_config(ROOT / "resources" / "kiosk.example.ini")
    assert problems == []
    assert "周一至周五 9:00–12:00; 14:00–17:00" in config.site  # quoted: not a comment
