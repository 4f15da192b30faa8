"""Every impossible input gets exit status 2 and one clear line, in the chosen language."""

import subprocess
import sys

import pytest

from gui.cli import main

OK = [
    "--birth",
    "1980-05-01",
    "--start",
    "2006-05-01",
    "--end",
    "2026-05-01",
    "--as-of",
    "2026-11-29",
]


def with_(**changes):
    args = dict(zip(OK[::2], OK[1::2], strict=True))
    flags = []
    for key, value in changes.items():
        option = "--" + key.replace("_", "-")
        if value is None:
            args.pop(option, None)
        elif value is True:
            flags.append(option)
        else:
            args[option] = value
    return [x for kv in args.items() for x in kv] + flags


# (arguments, words the Chinese message must contain, words the English one must contain)
BAD = [
    (with_(birth="1980-13-01"), "不是有效日期", "not a valid date"),
    (with_(birth="1980-02-30"), "不是有效日期", "not a valid date"),
    (with_(birth="2023-02-29"), "不是有效日期", "not a valid date"),
    (with_(birth="01/05/1980"), "不是有效日期", "not a valid date"),
    (with_(birth="yesterday"), "不是有效日期", "not a valid date"),
    (with_(birth=""), "缺少出生日期", "Birth date is missing"),
    (with_(birth=None), "缺少出生日期", "Birth date is missing"),
    (with_(start=None), "缺少证件起始日期", "Card start date is missing"),
    (with_(start="2006-5-1"), "不是有效日期", "not a valid date"),
    (with_(start="2006-04-31"), "不是有效日期", "not a valid date"),
    (with_(end="2026-00-10"), "不是有效日期", "not a valid date"),
    (with_(end="２０２６-05-01x"), "不是有效日期", "not a valid date"),
    (with_(as_of="2026-11-31"), "不是有效日期", "not a valid date"),
    (with_(as_of="9999-12-31"), "1900 年到 2199 年", "between 1900 and 2199"),
    (with_(as_of="1899-01-01"), "1900 年到 2199 年", "between 1900 and 2199"),
    (with_(birth="1899-12-31", start="1950-01-01"), "早于 1900", "before 1900"),
    (with_(birth="1850-01-01", start="1950-01-01"), "早于 1900", "before 1900"),
    (with_(birth="2027-01-01"), "出生日期在今天之后", "after today"),
    (
        with_(birth="2030-01-01", start="2031-01-01", end="2041-01-01"),
        "出生日期在今天之后",
        "after today",
    ),
    (with_(start="1979-01-01"), "起始日期早于出生日期", "before the birth date"),
    (
        with_(birth="2000-01-02", start="2000-01-01"),
        "起始日期早于出生日期",
        "before the birth date",
    ),
    (with_(start="2026-11-30", end="2036-11-30"), "起始日期在今天之后", "after today"),
    (with_(start="2030-01-01", end="2040-01-01"), "起始日期在今天之后", "after today"),
    (with_(end="2006-05-01"), "截止日期应该晚于起始日期", "not after the start date"),
    (with_(end="2000-01-01"), "截止日期应该晚于起始日期", "not after the start date"),
    (with_(end=None), "缺少截止日期", "end date is missing"),
    (with_(long_term=True), "只能选一个", "not both"),
    (with_(situation="expired"), "无法识别的情况", "Unknown situation"),
    (with_(situation="LOST"), "无法识别的情况", "Unknown situation"),
    (with_(situation=""), "无法识别的情况", "Unknown situation"),
    (with_(locality="atlantis"), "没有地区", "no rules for the locality"),
    (with_(id_number="1234"), "应为 18 位", "has 4"),
    (with_(id_number="1101051980050100211"), "应为 18 位", "has 19"),
    (with_(id_number="11010519800501002A"), "只能是数字", "only digits"),
    (with_(id_number="X10105198005010021"), "只能是数字", "only digits"),
    (with_(id_number="11010519800501002Y"), "只能是数字", "only digits"),
    (with_(id_number="110105198005010029"), "校验码", "check character"),
    (with_(id_number="110105198005010012"), "校验码", "check character"),
    (with_(id_number="110105198002300021"), "不是真实日期", "not a real date"),
    (with_(id_number="110105198013010021"), "不是真实日期", "not a real date"),
    (with_(id_number="110105180005010021"), "不是真实日期", "not a real date"),
    (with_(id_number="110105199005010026"), "与填写的出生日期不同", "differs"),
    (with_(id_number="110105790501002"), "与填写的出生日期不同", "differs"),
    (with_(lang="fr"), "不支持的语言", "Unsupported language"),
    (with_(bogus=True), "参数有误", "Bad arguments"),
    ([*with_(end="2026-05-01 extra"), "stray"], "参数有误", "Bad arguments"),
]


def run(args, capsys):
    code = main(["assess", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("args", "zh", "en"), BAD)
def test_bad_input_gets_one_clear_line(args, zh, en, capsys):
    code, out, err = run(args, capsys)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and zh in err
    if "--lang" not in args:
        code, out, err = run([*args, "--lang", "en"], capsys)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and en in err


def test_there_are_at_least_40_bad_inputs():
    assert len(BAD) >= 40


def test_valid_id_number_is_accepted(capsys):
    # the same base arguments with a matching number: proves BAD's failures are specific
    code, _out, err = run(with_(id_number="110105198005010021"), capsys)
    assert (code, err) == (0, "")


def test_real_command_prints_no_traceback():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gui",
            "assess",
            *with_(id_number="110105198005010029"),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("The ID number's check character")
    assert "110105198005010029" not in result.stderr


def test_misspelt_option_does_not_echo_the_number(capsys):
    code, _out, err = run([*OK, "--id-numbr", "11010519491231002X"], capsys)
    assert code == 2 and "参数有误" in err
    assert "1101051949" not in err and "19491231" not in err and "002X" not in err


def test_id_number_can_come_from_standard_input():
    result = subprocess.run(
        [sys.executable, "-m", "gui", "assess", *with_(id_number="-"), "--json"],
        input="110105198005010021\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0021" not in result.stdout
    mismatch = subprocess.run(
        [sys.executable, "-m", "gui", "assess", *with_(id_number="-")],
        input="11010519491231002X\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert mismatch.returncode == 2 and "1949" not in mismatch.stderr
