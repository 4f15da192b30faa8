"""The kiosk's card page with the stand-in reader: it fills the dates, the wipe forgets
them, a card left on the reader waits, failures leave the pickers, and nothing of the
card but its dates shows anywhere (offscreen; the X11 run is test_card_reader_x11.py)."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from gui import present
from gui.domain import Answers, Situation, assess
from gui.flow import Draft, PageId
from tests.kiosk_helpers import TODAY, make_kiosk, next_page, texts_of
from tests.sdt_standin.standin import (
    EXPIRING,
    LONG_TERM,
    SECRETS,
    StandIn,
    compile_standin,
)

WAIT_MS = 5000


@pytest.fixture(scope="module")
def standin_library(tmp_path_factory):
    return compile_standin(tmp_path_factory.mktemp("sdt"))


@pytest.fixture
def reader(standin_library, tmp_path, monkeypatch):
    stand_in = StandIn(standin_library, tmp_path)
    for key, value in stand_in.env().items():
        monkeypatch.setenv(key, value)
    return stand_in


@pytest.fixture
def kiosk(qapp, qtbot, reader):
    made = []

    def make(**values):
        wizard = make_kiosk(
            qapp,
            {"card_reader/library": str(reader.library), "card_reader/poll_ms": "100", **values},
        )
        made.append(wizard)
        qtbot.waitExposed(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.leave()
        wizard.deleteLater()
    assert reader.port_closed()


def lay_down(qtbot, wizard, reader, card):
    """The reader is seen empty first (the kiosk wants that), then the card goes on it."""
    reader.put(None)
    qtbot.waitUntil(lambda: wizard.card_reader.reader_empty, timeout=WAIT_MS)
    reader.put(card)


def status(wizard):
    return wizard.card_reader.status.text()


def test_the_card_page_invites_and_fills_the_dates_from_the_reader(kiosk, qtbot, reader):
    wizard = kiosk()
    next_page(wizard)
    panel = wizard.card_reader
    assert panel.isVisible() and panel.invite.text() == "请把身份证放在读卡区"
    assert not panel.drawing.pixmap().isNull()
    lay_down(qtbot, wizard, reader, EXPIRING)
    qtbot.waitUntil(lambda: wizard.session.draft.end is not None, timeout=WAIT_MS)
    draft = wizard.session.draft
    assert (draft.birth, draft.start, draft.end, draft.long_term) == (
        date(1980, 5, 1),
        date(2006, 12, 20),
        date(2026, 12, 20),
        False,
    )
    assert draft.id_number == ""  # the number is checked by the reader and dropped
    assert status(wizard) == (
        "已从身份证读到：出生日期 1980年5月1日，有效期限 2006年12月20日 至 2026年12月20日。"
        "请核对；不对的话，可以在下面改。"
    )
    card = wizard.pages[PageId.CARD]
    assert card.isComplete()
    wizard.set_locale("en")  # the visitor switches language: the line follows
    assert status(wizard) == (
        "Read from your ID card: born 1 May 1980, valid from 20 December 2006 to "
        "20 December 2026. Please check; if anything is wrong, change it below."
    )
    assert wizard.card_reader.invite.text() == "Put your ID card on the reader"


@pytest.mark.parametrize("card", [EXPIRING, LONG_TERM], ids=["expiring", "long-term"])
def test_the_right_verdict_with_no_date_tapped(kiosk, qtbot, reader, rules, card):
    wizard = kiosk()
    next_page(wizard)
    lay_down(qtbot, wizard, reader, card)
    qtbot.waitUntil(lambda: wizard.session.draft.start is not None, timeout=WAIT_MS)
    next_page(wizard)
    situation = wizard.pages[PageId.SITUATION]
    situation.situations[Situation.EXPIRY].click()
    if situation.home.isVisible():
        situation.home.click()
    next_page(wizard)
    assert wizard.current_page() is PageId.STATUS
    end = None if card["end"] == "长期" else date.fromisoformat(card["end"])
    expected = assess(
        Answers(date(1980, 5, 1), date.fromisoformat(card["start"]), end), TODAY, rules
    )
    verdict = wizard.pages[PageId.STATUS].verdict.text()
    assert verdict == present.next_step(expected, wizard.content)
    assert expected.status.value == ("renewable" if end else "long_term")


def test_the_wipe_forgets_the_card_and_a_card_left_on_the_reader_waits(kiosk, qtbot, reader):
    wizard = kiosk()
    next_page(wizard)
    lay_down(qtbot, wizard, reader, EXPIRING)
    qtbot.waitUntil(lambda: wizard.session.draft.end is not None, timeout=WAIT_MS)
    assert "1980年5月1日" in wizard.card_reader.status.accessibleName()  # for screen readers
    wizard.start_again()  # the visitor walks away; the card stays on the reader
    assert status(wizard) == "" and wizard.card_reader.status.accessibleName() == ""
    assert vars(wizard.session.draft) == vars(Draft())
    next_page(wizard)  # the next visitor
    qtbot.waitUntil(lambda: "读卡区上已有一张身份证" in status(wizard), timeout=WAIT_MS)
    qtbot.wait(300)  # several polls with the card still there
    assert vars(wizard.session.draft) == vars(Draft())
    assert wizard.pages[PageId.CARD].birth.selected_date() is None
    reader.put(None)  # lifted
    qtbot.waitUntil(lambda: status(wizard) == "", timeout=WAIT_MS)
    reader.put(LONG_TERM)  # the next visitor's own card
    qtbot.waitUntil(lambda: wizard.session.draft.long_term, timeout=WAIT_MS)
    assert wizard.session.draft.start == date(2026, 1, 1)


def test_a_slow_reader_does_not_hold_up_the_screen(kiosk, qtbot, reader):
    """A real read takes up to a second: the event loop keeps turning meanwhile."""
    import itertools
    import time

    from PySide6.QtCore import QTimer

    wizard = kiosk()
    next_page(wizard)
    ticks = []
    timer = QTimer(wizard)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    lay_down(qtbot, wizard, reader, EXPIRING | {"read_ms": "1200"})
    started = time.monotonic()
    qtbot.waitUntil(lambda: wizard.session.draft.end is not None, timeout=WAIT_MS)
    timer.stop()
    assert time.monotonic() - started >= 1.2  # the read really took that long
    gaps = [b - a for a, b in itertools.pairwise(ticks) if b > started]
    print(f"longest event-loop gap during a 1.2 s read: {max(gaps) * 1000:.0f} ms")
    assert max(gaps) < 0.25, max(gaps)


def test_no_card_is_read_on_another_page(kiosk, qtbot, reader):
    wizard = kiosk()
    qtbot.waitUntil(lambda: wizard.card_reader.reader_empty, timeout=WAIT_MS)
    reader.put(EXPIRING)  # on the welcome page
    qtbot.wait(300)
    assert wizard.session.draft.birth is None
    next_page(wizard)
    qtbot.waitUntil(lambda: wizard.session.draft.birth is not None, timeout=WAIT_MS)


@pytest.mark.parametrize(
    ("card", "ports", "shown", "admin"),
    [
        (EXPIRING | {"fail": "read"}, "1001", "没能读出这张身份证", "读卡器代码 0x41"),
        (EXPIRING | {"end": "20260231"}, "1001", "没能读出这张身份证", "不是真实的日期"),
        (EXPIRING | {"layout": "foreign"}, "1001", "不是居民身份证", "外国人永久居留身份证"),
        (EXPIRING, "", "读卡器暂时不能用", "端口 1001 上没有读卡器"),
    ],
    ids=["read-error", "bad-date", "foreign", "no-reader"],
)
def test_failures_are_said_and_the_pickers_stay(
    kiosk, qtbot, reader, monkeypatch, capfd, card, ports, shown, admin
):
    monkeypatch.setenv("SDT_STANDIN_PORTS", ports)
    wizard = kiosk()
    next_page(wizard)
    if ports:
        lay_down(qtbot, wizard, reader, card)
    qtbot.waitUntil(lambda: shown in status(wizard), timeout=WAIT_MS)
    assert wizard.session.draft.birth is None
    assert any(admin in p for p in wizard.problems)  # on the admin screen
    err = capfd.readouterr().err
    assert "idguide kiosk: card reader: " in err and admin in err
    for secret in SECRETS:
        assert secret not in err
    card_page = wizard.pages[PageId.CARD]
    card_page.birth.set_date(date(1980, 5, 1))  # the pickers still work
    card_page.start.set_date(date(2006, 5, 1))
    card_page.long_term.setChecked(True)
    assert card_page.isComplete()


def test_a_missing_library_is_said_at_start_and_the_kiosk_works(kiosk, qtbot, capfd):
    wizard = kiosk(**{"card_reader/library": "/no/such/libsdtapi.so"})
    qtbot.waitUntil(
        lambda: any("/no/such/libsdtapi.so" in p for p in wizard.problems), timeout=WAIT_MS
    )
    assert "找不到读卡器程序库" in capfd.readouterr().err
    next_page(wizard)
    assert status(wizard) == "读卡器暂时不能用，请在下面选择日期。"
    assert wizard.card_reader.poller.running is False


def test_without_card_reader_settings_there_is_no_panel(qapp, qtbot):
    wizard = make_kiosk(qapp, {})
    try:
        assert wizard.card_reader is None
        assert wizard.findChild(type(wizard), "card_reader_panel") is None
    finally:
        wizard.leave()
        wizard.deleteLater()


def test_name_address_and_number_appear_in_no_widget_output_or_exported_file(
    kiosk, qtbot, reader, capfd, tmp_path
):
    from gui.export.files import write_checklist_and_reminder

    wizard = kiosk()
    next_page(wizard)
    lay_down(qtbot, wizard, reader, EXPIRING)
    qtbot.waitUntil(lambda: wizard.session.draft.end is not None, timeout=WAIT_MS)
    for language in ("zh_CN", "en"):
        wizard.set_locale(language)
        texts = texts_of(wizard)
        for secret in SECRETS:
            assert not [t for t in texts if secret in t]
    wizard.set_locale("zh_CN")
    pdf, ics = tmp_path / "清单.pdf", tmp_path / "提醒.ics"
    write_checklist_and_reminder(pdf, ics, wizard.session.assessment(), wizard.content)
    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "身份证" in pdf_text  # the text layer is there to be searched
    out, err = capfd.readouterr()
    files = [pdf.read_bytes(), ics.read_bytes()]
    for secret in SECRETS:
        assert secret not in pdf_text and secret not in out and secret not in err
        for data in files:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in data
