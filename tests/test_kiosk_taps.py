"""By finger on the real kiosk (Xvfb, xdotool, no window manager), in both orientations.

One English session, every navigating tap a double tap (two clicks 50 ms apart), each
page scrolled down before leaving it; then 完成 / 下一位 and a second session that must
start in Chinese, at the top of every page, with nothing of the first one on screen.
"""

from __future__ import annotations

import pytest

from tests.finger import Finger, shots_folder
from tests.x11_session import XServer

LANDSCAPE, PORTRAIT = (1920, 1080), (1080, 1920)
CONFIG = """[kiosk]
language = zh_CN
large_text = true
printer = NoSuchPrinter-xyz
idle_seconds = 600

[site]
name = 某某区公安分局户政服务中心
address = 某某路 1 号一楼
hours = "周一至周五 9:00–12:00; 14:00–17:00"
"""
# the 31st: the last row of the day grid must be in view without a swipe
EXPIRED_CARD = (("birth", 1980, 3, 31), ("start", 2006, 5, 1), ("end", 2026, 5, 1))
ROUTE = ("card", "situation", "status", "impact", "alipay", "checklist", "summary")


@pytest.fixture
def finger(tmp_path, request):
    size = request.param
    server = XServer(*size, window_manager=False)
    config = tmp_path / "kiosk.ini"
    config.write_text(CONFIG, encoding="utf-8")
    made = Finger(server, tmp_path, config, shots_folder(tmp_path))
    made.name = "x".join(map(str, size))
    yield made
    errors = made.stop()
    server.stop()
    print("\n".join(made.log), errors, sep="\n")


def pick_date(finger: Finger, field: str, year: int, month: int, day: int) -> None:
    """Decade, year, month, day: 4 taps, each grid wholly in view as it opens (no swipe)."""
    if field == "end":  # 长期 is seen before any of the end date's grids
        assert finger.where("long_term")["inside"], finger.where("long_term")
    for value in (year // 10 * 10, year, month, day):
        finger.tap(f"{field}/choice_{value}", swipe=False)


def double_next(finger: Finger, expected: str) -> dict:
    """A double tap on 下一步: exactly one page further, and no complaint on arrival."""
    state = finger.tap("bar_next", double=True)
    assert state["page"] == expected, finger.log[-3:]
    assert not state["errors"], state
    return state


@pytest.mark.parametrize(
    "finger", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"], indirect=True
)
def test_a_lost_card_by_double_taps_then_a_fresh_session_after_an_english_one(finger):
    name = finger.name
    assert finger.state()["next"] == "开始"
    finger.tap("lang_en", double=True)
    assert finger.state()["next"] == "Start"
    double_next(finger, "card")
    # the card is lost and its dates unknown: "don't know", then the birth date only
    finger.tap("dates_unknown", swipe=False)
    pick_date(finger, "birth", 1980, 5, 1)
    assert finger.where("start") is None and finger.where("end") is None
    finger.shot(f"{name}-en-card-dates-unknown")
    double_next(finger, "situation")
    assert finger.where("situation_expiry") is None  # without dates: lost or damaged only
    finger.tap("situation_lost")
    finger.tap("place_home")
    finger.shot(f"{name}-en-situation-lost")
    for page in ROUTE[2:]:
        finger.swipe_up()
        double_next(finger, page)
        if page == "status":
            finger.shot(f"{name}-en-status-lost")
        if page == "checklist":
            assert "补领" in finger.where("checklist_case")["text"]  # Replacement (补领)
            assert finger.where("no_printer") is not None, "it must say that it cannot print"
            finger.shot(f"{name}-en-checklist-lost")
    finger.swipe_up()
    assert finger.tap("bar_next")["page"] == "welcome"  # 完成 / 下一位: the next person

    # the next person: Chinese, and every page opens at its top
    state = finger.state()
    assert (state["locale"], state["next"], state["scroll"]) == ("zh_CN", "开始", 0)
    finger.shot(f"{name}-zh-welcome-after-en")
    double_next(finger, "card")
    state = finger.state()
    assert state["scroll"] == 0 and state["pickers"] == ["birth"], state
    finger.shot(f"{name}-zh-card")
    for field, year, month, day in EXPIRED_CARD:
        pick_date(finger, field, year, month, day)
    double_next(finger, "situation")
    finger.tap("situation_expiry")
    finger.tap("place_home")
    for page in ROUTE[2:]:
        state = double_next(finger, page)
        assert state["scroll"] == 0, state
        finger.shot(f"{name}-zh-{page}")
