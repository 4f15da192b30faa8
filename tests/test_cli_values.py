"""Every value a message repeats is made safe: control characters escaped, length capped,
on one line."""

import pytest

from gui.cli import main
from gui.shown import shown

CARD = ["--birth", "1980-05-01", "--start", "2006-05-01", "--end", "2026-05-01"]
CARD += ["--as-of", "2026-11-29"]


@pytest.mark.parametrize(
    "args",
    [
        ["--situation", "lost\nexpiry"],
        ["--situation", "lost\x1b[2J"],
        ["--situation", "\t\r\x00\x7f\u2028\u202e"],
        ["--locality", "x" * 50_000],
        ["--locality", "北京\n" * 20_000],
        ["--lang", "en\x1b]0;title\x07"],
        ["--situation", "lost\udcff\udc80"],  # bytes that were not UTF-8, as Python gets them
        ["--bogus\nline", "x"],
        ["--birth", "1980-05-01\n2"],
    ],
)
def test_a_repeated_value_is_one_short_printable_line(args, capsys):
    assert main(["assess", *CARD, *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert len(err) < 400, len(err)
    assert all(ch.isprintable() for ch in err.rstrip("\n")), repr(err)


def test_escaped_characters_stay_recognisable():
    assert shown("a\nb\x1b[2J") == "a\\nb\\x1b[2J"
    assert shown("lost\udcff") == "lost\\xff"
    long = shown("x" * 50_000, 80)
    assert len(long) == 81 and "…" in long
