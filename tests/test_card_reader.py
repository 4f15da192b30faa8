"""The card reader without Qt or hardware: the stand-in SDT library, the record, the
poller and `idguide card-reader`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from gui.cardreader import ReaderError, ReaderSettings, record
from gui.cardreader.poller import CardPoller, Kind
from gui.cardreader.sdt import AUTO_PORTS, SdtLibrary, read_one
from tests.sdt_standin.standin import (
    ADDRESS,
    EXPIRING,
    LONG_TERM,
    NAME,
    SECRETS,
    StandIn,
    compile_standin,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def standin_library(tmp_path_factory):
    return compile_standin(tmp_path_factory.mktemp("sdt"))


@pytest.fixture
def reader(standin_library, tmp_path, monkeypatch):
    stand_in = StandIn(standin_library, tmp_path)
    for key, value in stand_in.env().items():
        monkeypatch.setenv(key, value)
    return stand_in


def read(reader, ports=(1001,), timeout=0.3):
    tick = iter(range(10_000))
    return read_one(
        SdtLibrary(str(reader.library)), ports, timeout, lambda s: None, lambda: next(tick) / 10
    )


# --- one read ------------------------------------------------------------------------


def test_an_expiring_card_gives_its_dates_and_the_masked_number(reader):
    reader.put(EXPIRING)
    card = read(reader)
    assert (card.birth, card.start, card.end) == (
        date(1980, 5, 1),
        date(2006, 12, 20),
        date(2026, 12, 20),
    )
    assert not card.long_term
    assert card.id_number_masked == EXPIRING["id"][:4] + "*" * 10 + EXPIRING["id"][-4:]
    assert reader.port_events() == ["open 1001", "close 1001"]


def test_a_long_term_card_has_no_end_date(reader):
    reader.put(LONG_TERM)
    card = read(reader)
    assert card.end is None and card.long_term
    assert card.to_json()["end"] is None and card.to_json()["long_term"] is True


@pytest.mark.parametrize(
    ("card", "code"),
    [
        (None, "no_card"),
        (EXPIRING | {"fail": "read"}, "read_failed"),
        (EXPIRING | {"fail": "select"}, "read_failed"),
        (EXPIRING | {"end": "20260231"}, "bad_date"),
        (EXPIRING | {"birth": "19801301"}, "bad_date"),
        (EXPIRING | {"end": "20051220"}, "bad_date"),  # ends before it starts
        (EXPIRING | {"layout": "foreign"}, "other_card"),
        (EXPIRING | {"layout": "permit", "id": "810000199001011234"}, "other_card"),
        (EXPIRING | {"id": EXPIRING["id"][:-1] + "9"}, "bad_record"),  # check character
        (EXPIRING | {"birth": "19800502"}, "bad_record"),  # not the number's birth date
        (EXPIRING | {"start": "2006122"}, "bad_record"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_every_failure_is_a_reader_error_and_the_port_is_closed(reader, card, code):
    reader.put(card)
    with pytest.raises(ReaderError) as caught:
        read(reader)
    assert caught.value.code == code
    assert reader.port_closed() and reader.port_events()


def test_no_reader_on_any_port(reader, monkeypatch):
    monkeypatch.setenv("SDT_STANDIN_PORTS", "")
    reader.put(EXPIRING)
    with pytest.raises(ReaderError) as caught:
        read(reader, AUTO_PORTS)
    assert caught.value.code == "no_reader"
    assert caught.value.params["ports"] == "1001–1016, 1–16"
    assert reader.port_events() == []


def test_auto_finds_a_serial_reader_after_the_usb_ports(reader, monkeypatch):
    monkeypatch.setenv("SDT_STANDIN_PORTS", "3")
    reader.put(EXPIRING)
    assert read(reader, AUTO_PORTS).birth == date(1980, 5, 1)
    assert reader.port_events() == ["open 3", "close 3"]


@pytest.mark.parametrize(
    ("path", "code"),
    [("/no/such/libsdtapi.so", "library_missing"), (__file__, "library_broken")],
)
def test_a_missing_or_broken_library(path, code):
    with pytest.raises(ReaderError) as caught:
        SdtLibrary(path)
    assert caught.value.code == code


def test_a_library_without_the_sdt_functions():
    import ctypes.util

    with pytest.raises(ReaderError) as caught:
        SdtLibrary(ctypes.util.find_library("m") or "libm.so.6")
    assert caught.value.code == "library_no_sdt"
    assert caught.value.params["name"] == "SDT_OpenPort"


def test_the_text_and_photo_buffers_are_wiped_once_parsed(reader, monkeypatch):
    seen = []
    wipe = record.wipe

    def spy(*buffers):
        seen.extend((b, bytes(b)) for b in buffers)
        wipe(*buffers)

    monkeypatch.setattr(record, "wipe", spy)
    reader.put(EXPIRING)
    read(reader)
    (text, text_before), (photo, photo_before) = seen
    assert NAME.encode("utf-16-le") in text_before  # the record really held the name
    assert NAME.encode("utf-16-le") in photo_before
    assert bytes(text) == bytes(len(text)) and bytes(photo) == bytes(len(photo))
    assert len(text) == 256 and len(photo) == 1024


def test_the_card_dates_never_print_themselves(reader):
    reader.put(EXPIRING)
    card = read(reader)
    assert "1980" not in repr(card) and "1980" not in str(card)


# --- settings ------------------------------------------------------------------------


def reader_settings(values):
    """The [card_reader] part of a kiosk config, parsed as the kiosk parses it."""
    from gui.kiosk.config import parse as parse_kiosk

    config, problems = parse_kiosk(values)
    return config.card_reader, [p for p in problems if p.startswith("card_reader")]


def test_settings():
    assert reader_settings({}) == (None, [])
    settings, problems = reader_settings(
        {"card_reader/library": "/opt/x.so", "card_reader/port": "auto"}
    )
    assert settings == ReaderSettings("/opt/x.so", AUTO_PORTS, 500) and problems == []
    assert AUTO_PORTS[:2] == (1001, 1002) and AUTO_PORTS[16:18] == (1, 2)
    settings, problems = reader_settings(
        {"card_reader/library": "x", "card_reader/port": "9" * 5000, "card_reader/poll_ms": "5"}
    )
    assert settings == ReaderSettings("x", (1001,), 500)
    assert len(problems) == 2 and all(len(p) < 200 for p in problems)
    assert problems[1].startswith("card_reader/poll_ms = 5:")
    settings, problems = reader_settings(
        {"card_reader/library": "x", "card_reader/port": "17", "card_reader/poll_ms": "250"}
    )
    assert settings == ReaderSettings("x", (1001,), 250)
    assert problems == ["card_reader/port = 17: expected 1001–1016, 1–16 or auto"]
    settings, problems = reader_settings({"card_reader/port": "1002"})
    assert settings is None and problems  # a port without a library is said


# --- the poller ----------------------------------------------------------------------


class Events:
    def __init__(self):
        self.items = []
        self.changed = threading.Condition()

    def __call__(self, event):
        with self.changed:
            self.items.append(event)
            self.changed.notify_all()

    def wait_for(self, kind, count=1, seconds=5.0):
        with self.changed:
            assert self.changed.wait_for(
                lambda: sum(e.kind is kind for e in self.items) >= count, seconds
            ), [e.kind for e in self.items]

    def kinds(self):
        return [e.kind for e in self.items]


@pytest.fixture
def poller(reader):
    made = []

    def start(**settings):
        events = Events()
        p = CardPoller(ReaderSettings(str(reader.library), poll_ms=20, **settings), events)
        made.append(p)
        p.start()
        return p, events

    yield start
    for p in made:
        p.stop()


def test_the_poller_reads_a_card_only_while_reading_and_closes_the_port(poller, reader):
    p, events = poller()
    events.wait_for(Kind.EMPTY)
    reader.put(EXPIRING)
    time.sleep(0.3)  # another page is showing: the card waits
    assert Kind.READ not in events.kinds()
    p.set_reading(True)
    events.wait_for(Kind.READ)
    read_events = [e for e in events.items if e.kind is Kind.READ]
    assert read_events[0].dates.birth == date(1980, 5, 1)
    p.stop()
    assert not p.running
    assert reader.port_closed()


def test_a_card_held_on_the_reader_across_a_reset_is_not_read_again(poller, reader):
    reader.put(EXPIRING)
    p, events = poller()
    p.set_reading(True)
    # on the reader before the kiosk started: it must be lifted first
    events.wait_for(Kind.WAITING)
    reader.put(None)
    events.wait_for(Kind.EMPTY)
    reader.put(EXPIRING)
    events.wait_for(Kind.READ)
    p.reset()  # the session ends; the card stays on the reader
    generation = p.generation
    events.wait_for(Kind.WAITING, count=2)
    assert [e.generation for e in events.items if e.kind is Kind.READ] == [0]
    assert events.items[-1].generation == generation
    reader.put(None)  # the next visitor lifts it and lays theirs down
    events.wait_for(Kind.EMPTY, count=2)
    reader.put(LONG_TERM)
    events.wait_for(Kind.READ, count=2)
    assert events.items[-1].dates.end is None
    assert events.items[-1].generation == generation


def test_a_card_laid_down_on_another_page_and_left_does_not_fill_the_next_session(poller, reader):
    p, events = poller()
    events.wait_for(Kind.EMPTY)
    reader.put(EXPIRING)  # laid down while another page shows, never read
    time.sleep(0.2)
    p.reset()
    p.set_reading(True)  # the next visitor's card page
    events.wait_for(Kind.WAITING)
    time.sleep(0.2)
    assert Kind.READ not in events.kinds()


def test_a_read_that_ends_after_the_reset_is_dropped(reader):
    """The worker reads; the session resets meanwhile: the result goes nowhere."""
    events = Events()
    p = CardPoller(ReaderSettings(str(reader.library)), events)
    p.reset()
    generation_at_read = 0
    p._emit(Kind.READ, generation_at_read, dates=None)
    assert events.items == []
    p._emit(Kind.READ, p.generation, dates=None)
    assert events.kinds() == [Kind.READ]


def test_no_reader_is_reported_once_and_a_broken_library_stops_the_poller(
    poller, reader, monkeypatch
):
    monkeypatch.setenv("SDT_STANDIN_PORTS", "")
    p, events = poller()
    events.wait_for(Kind.PROBLEM)
    p.stop()
    assert [e.error.code for e in events.items] == ["no_reader"]
    events = Events()
    broken = CardPoller(ReaderSettings("/no/such/libsdtapi.so", poll_ms=20), events)
    broken.start()
    events.wait_for(Kind.PROBLEM)
    broken._thread.join(5)
    assert not broken.running
    assert events.items[0].error.code == "library_missing"


def test_a_failed_read_is_said_and_the_card_must_be_laid_down_again(poller, reader):
    p, events = poller()
    p.set_reading(True)
    events.wait_for(Kind.EMPTY)
    reader.put(EXPIRING | {"fail": "read"})
    events.wait_for(Kind.PROBLEM)
    assert events.items[-1].error.code == "read_failed"
    reader.put(EXPIRING)  # it now reads, but the card was not lifted: nothing happens
    p.stop()
    assert Kind.READ not in events.kinds()
    assert reader.port_closed()


# --- idguide card-reader -------------------------------------------------------------


def card_reader(reader, *args, ports="1001"):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("SDT_")},
        **reader.env(ports),
    }
    return subprocess.run(
        [sys.executable, "-m", "gui", "card-reader", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def no_secrets(*texts):
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


def test_card_reader_json_prints_the_dates_and_nothing_else_personal(reader):
    reader.put(EXPIRING)
    result = card_reader(reader, "--library", str(reader.library), "--port", "1001", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "birth": "1980-05-01",
        "start": "2006-12-20",
        "end": "2026-12-20",
        "long_term": False,
        "id_number_masked": "1101**********0021",
    }
    assert result.stderr == ""
    no_secrets(result.stdout)
    assert reader.port_events() == ["open 1001", "close 1001"]


def test_card_reader_long_term_and_plain_text(reader):
    reader.put(LONG_TERM)
    result = card_reader(reader, "--library", str(reader.library), "--json")
    assert json.loads(result.stdout)["end"] is None
    result = card_reader(reader, "--library", str(reader.library), "--port", "auto", "--lang", "en")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Birth date: 1980-05-01",
        "Valid from: 2026-01-01",
        "Valid to: long-term (长期)",
        "ID number (masked): 1101**********0021",
    ]
    no_secrets(result.stdout, result.stderr)


@pytest.mark.parametrize(
    ("card", "args", "ports", "words"),
    [
        (None, ["--timeout", "1"], "1001", "1 秒内没有"),
        (EXPIRING, [], "", "端口 1001 上没有读卡器"),
        (EXPIRING | {"fail": "read"}, [], "1001", "读卡器代码 0x41"),
        (EXPIRING | {"end": "20261232"}, [], "1001", "不是真实的日期"),
        (EXPIRING | {"layout": "foreign"}, [], "1001", "外国人永久居留身份证"),
        (EXPIRING, ["--port", "17"], "1001", "端口“17”不可用"),
        (EXPIRING, ["--timeout", "soon"], "1001", "等待时间“soon”"),
        (EXPIRING, ["--library", "/no/such.so"], "1001", "找不到读卡器程序库 /no/such.so"),
        (EXPIRING, ["--library", "libm.so.6"], "1001", "缺少 SDT_OpenPort"),
    ],
    ids=[
        "no-card",
        "no-reader",
        "read-error",
        "bad-date",
        "foreign",
        "port",
        "timeout",
        "no-library",
        "not-sdt",
    ],
)
def test_card_reader_failures_exit_2_with_one_line(reader, card, args, ports, words):
    reader.put(card)
    if "--library" not in args:
        args = ["--library", str(reader.library), *args]
    result = card_reader(reader, *args, ports=ports)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and words in result.stderr, result.stderr
    no_secrets(result.stderr)
    assert NAME not in result.stderr and ADDRESS not in result.stderr
    assert reader.port_closed()


def test_card_reader_speaks_english(reader):
    reader.put(None)
    result = card_reader(reader, "--library", str(reader.library), "--timeout", "1", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.startswith("No ID card was found on the reader within 1 s")
