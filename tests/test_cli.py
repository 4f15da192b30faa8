"""The idguide command: assess (text and JSON), flow --dot, and the window."""

import json
import os
import subprocess
import sys
import time

from gui.cli import main
from gui.flow import PAGES

EXPIRED = ["--birth", "1980-05-01", "--start", "2006-05-01", "--end", "2026-05-01",
           "--as-of", "2026-11-29"]


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
    process = subprocess.Popen([sys.executable, "-m", "gui", "--as-of", "2026-11-29"],
                               env=env, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert process.poll() is None, process.stderr.read()  # still running: the window is up
    finally:
        process.terminate()
        _, err = process.communicate(timeout=10)
    assert "Traceback" not in err


def test_no_display_gets_a_clear_message_not_a_qt_abort():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if not sys.platform.startswith("linux"):
        return
    result = subprocess.run([sys.executable, "-m", "gui", "--lang", "en"], env=env,
                            capture_output=True, text=True, timeout=60, check=False)
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
    assert main(["checklist", "--birth", "1950-01-01", "--start", "2005-01-01", "--long-term",
                 "--out", str(pdf), "--ics", str(tmp_path / "x.ics")]) == 2
    assert not pdf.exists()  # nothing written before the refusal
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "不需要换领" in err
