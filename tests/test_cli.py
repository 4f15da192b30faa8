"""The idguide command: assess (text and JSON), checklist, flow --dot, --help, the window."""

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from gui.cli import main
from gui.flow import PAGES

ROOT = Path(__file__).resolve().parent.parent

EXPIRED = [
    "--birth",
    "1980-05-01",
    "--start",
    "2006-05-01",
    "--end",
    "2026-05-01",
    "--as-of",
    "2026-11-29",
]


def test_assess_json_fields(capsys):
    assert main(["assess", *EXPIRED, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "expired"
    assert (result["end_date"], result["apply_from"]) == ("2026-05-01", "2026-02-01")
    assert (result["days_left"], result["days_overdue"]) == (None, 212)
    assert result["next_terms"] == ["long_term"]
    assert (result["case"], result["fee_yuan"]) == ("expiry", 20)
    assert result["materials"] == ["old_card", "hukou_book"]
    assert result["warnings"] == []


def test_assess_summary_in_both_languages(capsys):
    assert main(["assess", *EXPIRED]) == 0
    chinese = capsys.readouterr().out
    assert "状态: 已过期" in chinese and "原居民身份证" in chinese and "2026年5月1日" in chinese
    assert main(["assess", *EXPIRED, "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Status: Expired" in english and "1 May 2026" in english


@pytest.mark.parametrize("situation", ["lost", "damaged", "renamed"])
def test_a_card_to_replace_with_valid_dates_can_apply_today(situation, capsys):
    valid = [
        "--birth",
        "1980-05-01",
        "--start",
        "2016-05-01",
        "--end",
        "2036-05-01",
        "--as-of",
        "2026-11-29",
        "--situation",
        situation,
    ]
    assert main(["assess", *valid, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["apply_on"] == "2026-11-29"
    assert main(["assess", *valid]) == 0
    summary = capsys.readouterr().out.splitlines()
    # the verdict comes right after the title and dates; a new name goes on the 户口簿 first
    assert "现在就可以" in summary[3] or "然后就可以去换领，不用等" in summary[3]
    assert "2036年2月1日" not in "\n".join(summary)  # no expiry window for this case


def test_id_number_never_reaches_the_output(capsys):
    assert main(["assess", *EXPIRED, "--id-number", "110105198005010021", "--json"]) == 0
    assert main(["assess", *EXPIRED, "--id-number", "110105198005010021"]) == 0
    out = capsys.readouterr().out
    assert "110105198005010021" not in out and "0021" not in out


def test_flow_dot_lists_every_page(capsys):
    assert main(["flow", "--dot"]) == 0
    graph = capsys.readouterr().out
    assert graph.startswith("digraph flow {")
    for page in PAGES:
        assert page.value in graph
    assert 'situation -> alipay [label="renewed"]' in graph


def test_bad_as_of_for_the_window_is_one_clear_line(capsys):
    assert main(["--as-of", "2026-02-30"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不是有效日期" in err


def test_idguide_as_of_opens_the_wizard():
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "--as-of", "2026-11-29"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(3)
        assert process.poll() is None, process.stderr.read()  # still running: the window is up
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "Traceback" not in err


def test_no_display_gets_a_clear_message_not_a_qt_abort():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    if not sys.platform.startswith("linux"):
        return
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("No display found") and "Traceback" not in result.stderr


def test_flow_with_unknown_arguments_prints_only_a_message(capsys):
    assert main(["flow", "--bogus"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1


def test_checklist_refuses_a_folder_or_empty_out_and_a_pointless_ics(tmp_path, capsys):
    assert main(["checklist", *EXPIRED, "--out", str(tmp_path)]) == 2
    assert main(["checklist", *EXPIRED, "--out", ""]) == 2
    pdf = tmp_path / "x.pdf"
    assert (
        main(
            [
                "checklist",
                "--birth",
                "1950-01-01",
                "--start",
                "2005-01-01",
                "--long-term",
                "--out",
                str(pdf),
                "--ics",
                str(tmp_path / "x.ics"),
            ]
        )
        == 2
    )
    assert not pdf.exists()  # nothing written before the refusal
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "不需要换领" in err


# checklist: the files it may write, and both or neither


def files_under(folder):
    return sorted(p.name for p in folder.rglob("*"))  # hidden .part files included


def test_empty_out_is_refused_before_anything_is_rendered(tmp_path, monkeypatch, capsys):
    import gui.export.files

    monkeypatch.chdir(tmp_path)  # a .part file would land here
    monkeypatch.setattr(gui.export.files, "render_pdf", lambda *a: pytest.fail("rendered"))
    before = QCoreApplication.instance()
    assert main(["checklist", *EXPIRED, "--out", ""]) == 2
    assert main(["checklist", *EXPIRED, "--out", "ok.pdf", "--ics", ""]) == 2
    assert main(["checklist", *EXPIRED, "--out", "  ", "--lang", "en"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "--out 后面没有文件名：请写出要保存的文件名，例如 清单.pdf。",
        "--ics 后面没有文件名：请写出要保存的文件名，例如 清单.pdf。",
        "--out has no file name: give the file to write, e.g. checklist.pdf.",
    ]
    assert files_under(tmp_path) == []
    assert QCoreApplication.instance() is before  # not even Qt was started


def test_proc_is_a_system_folder_not_a_missing_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["checklist", *EXPIRED, "--out", "/proc/x.pdf"]) == 2
    err = capsys.readouterr().err
    assert "「/proc/x.pdf」在系统文件夹里" in err and "不存在" not in err
    assert files_under(tmp_path) == []


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_device_out_is_refused_and_stays_a_device(device, capsys):
    before = os.lstat(device)
    assert main(["checklist", *EXPIRED, "--out", device, "--lang", "en"]) == 2
    assert f'"{device}" is a device' in capsys.readouterr().err
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_refused_ics_means_no_pdf_either(tmp_path, capsys):
    pdf = tmp_path / "ok.pdf"
    assert main(["checklist", *EXPIRED, "--out", str(pdf), "--ics", "/proc/x.ics"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/proc/x.ics" in err and "ok.pdf" not in err
    assert files_under(tmp_path) == []


def test_ics_failing_while_writing_leaves_the_old_pdf(tmp_path, capsys):
    pdf, ics = tmp_path / "ok.pdf", tmp_path / "USB" / "x.ics"  # the stick was pulled
    pdf.write_bytes(b"%PDF-1.4 old %%EOF")
    assert main(["checklist", *EXPIRED, "--out", str(pdf), "--ics", str(ics)]) == 2
    err = capsys.readouterr().err
    assert str(ics) in err and "文件夹已经不存在" in err and "ok.pdf" not in err
    assert pdf.read_bytes() == b"%PDF-1.4 old %%EOF"
    assert files_under(tmp_path) == ["ok.pdf"]


def test_both_files_are_written_and_no_application_is_left_behind(tmp_path, capsys):
    before = QCoreApplication.instance()
    pdf, ics = tmp_path / "清单.pdf", tmp_path / "提醒.ics"
    assert main(["checklist", *EXPIRED, "--out", str(pdf), "--ics", str(ics)]) == 0
    assert capsys.readouterr() == ("", "")
    assert pdf.read_bytes().startswith(b"%PDF") and ics.read_bytes().startswith(b"BEGIN:")
    assert files_under(tmp_path) == sorted([pdf.name, ics.name])
    # a QGuiApplication left here would abort the next test that makes a widget
    assert QCoreApplication.instance() is before


def test_too_long_name_is_one_line_not_a_traceback(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gui",
            "checklist",
            *EXPIRED,
            "--out",
            str(tmp_path / ("x" * 300 + ".pdf")),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "名字太长" in result.stderr
    assert files_under(tmp_path) == []


# output in any locale


def run_in_c_locale(*args, cwd):
    env = os.environ | {
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONUTF8": "0",
        "PYTHONIOENCODING": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "gui", *args], cwd=cwd, env=env, capture_output=True, check=False
    )


def test_chinese_output_works_in_the_c_locale(tmp_path):
    assess = run_in_c_locale("assess", *EXPIRED, cwd=ROOT)
    assert assess.returncode == 0, assess.stderr.decode("utf-8", "replace")
    assert "状态: 已过期" in assess.stdout.decode("utf-8")
    refused = run_in_c_locale("checklist", *EXPIRED, "--out", "/dev/null", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.decode("utf-8").startswith("「/dev/null」是一个设备")
    helped = run_in_c_locale("--help", cwd=tmp_path)
    assert helped.returncode == 0 and "身份证续期指引" in helped.stdout.decode("utf-8")
    assert files_under(tmp_path) == []


# --help


def option_strings(parser):
    return [s for action in parser._actions for s in action.option_strings]


def test_help_lists_every_command_and_option(capsys):
    from gui.cli import COMMANDS, _window_parser

    assert main(["--help"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    for option in option_strings(_window_parser()):
        assert option in out
    assert "--self-test" in out
    for name, _summary, make in COMMANDS:
        assert f"idguide {name}" in out
        for option in option_strings(make()):
            assert option in out, (name, option)
    assert {name for name, _s, _m in COMMANDS} == {
        "assess",
        "checklist",
        "flow",
        "kiosk-pin",
        "card-reader",
    }


@pytest.mark.parametrize("command", ["assess", "checklist", "flow", "kiosk-pin", "card-reader"])
def test_every_command_answers_help(command, capsys):
    assert main([command, "--help"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"usage: idguide {command}") and err == ""


def test_flow_help_from_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "gui", "flow", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "--dot" in result.stdout and result.stderr == ""


@pytest.mark.parametrize(
    "card",
    [
        ["--start", "1995-06-01", "--long-term"],  # started before 2004: first-generation
        ["--start", "2005-06-01", "--long-term", "--id-number", "110105400501002"],  # 15 digits
    ],
)
def test_a_first_generation_card_is_never_case_none(card, capsys):
    argv = ["assess", "--birth", "1940-05-01", *card, "--as-of", "2026-11-29"]
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["case"], data["status"], data["apply_on"]) == (
        "first_generation",
        "void",
        "2026-11-29",
    )
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "第一代身份证" in out and "停止使用" in out and "不用换领" not in out
