"""One language per run: the one argparse settles on, abbreviations and repeats included."""

import pytest

from gui.cli import _assess_parser, _language, _window_parser, main

CARD = ["--birth", "1980-05-01", "--start", "2006-05-01", "--end", "2026-05-01"]
CARD += ["--as-of", "2026-11-29"]

# (language arguments, the language in force)
CASES = [
    (["--lang", "en"], "en"),
    (["--lang=en"], "en"),
    (["--lan", "en"], "en"),
    (["--lan=en"], "en"),
    (["--lang", "en", "--lang", "zh_CN"], "zh_CN"),
    (["--lang", "zh_CN", "--lan", "en"], "en"),
    (["--lang=en", "--lang=zh_CN", "--lan", "en"], "en"),
    ([], "zh_CN"),
]


@pytest.mark.parametrize(("lang", "expected"), CASES)
def test_the_language_decided_before_parsing_is_the_one_argparse_settles_on(lang, expected):
    argv = [*CARD, *lang]
    assert _language(_assess_parser(), argv) == expected
    assert (_assess_parser().parse_args(argv).lang or "zh_CN") == expected
    assert (_window_parser().parse_args(lang).lang or "zh_CN") == expected
    assert _language(_window_parser(), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), CASES)
def test_summary_and_errors_speak_the_language_in_force(lang, expected, capsys):
    assert main(["assess", *CARD, *lang]) == 0
    out = capsys.readouterr().out
    # the status row: the English summary also quotes Alipay's own 「已过期，请重传」
    assert ("Status: Expired" in out) == (expected == "en"), out
    assert ("状态: 已过期" in out) == (expected == "zh_CN"), out
    assert main(["assess", *CARD, "--situation", "gone", *lang]) == 2
    err = capsys.readouterr().err
    assert ("Unknown situation" in err) == (expected == "en"), err
    assert ("无法识别的情况" in err) == (expected == "zh_CN"), err


def test_an_option_value_that_looks_like_lang_is_not_taken_for_it():
    # "--lang" as the value of --locality is a value, and "--" ends the options
    assert _language(_assess_parser(), [*CARD, "--locality=--lang", "en"]) == "zh_CN"
    assert _language(_assess_parser(), ["--", "--lang", "en"]) == "zh_CN"


def test_an_ambiguous_abbreviation_is_not_a_language(capsys):
    # --l could be --lang, --long-term, --low-income or --locality: argparse refuses it
    assert _language(_assess_parser(), [*CARD, "--l", "en"]) == "zh_CN"
    assert main(["assess", *CARD, "--l", "en"]) == 2
    assert "参数有误" in capsys.readouterr().err


def test_an_abbreviation_ambiguous_in_one_parser_only_follows_that_parser():
    # --la is --lang for assess, but the window also has --large-text
    assert _language(_assess_parser(), [*CARD, "--la", "en"]) == "en"
    assert _language(_window_parser(), ["--la", "en"]) == "zh_CN"
