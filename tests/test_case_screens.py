"""Each person's case, walked through the real wizard in both languages: what the
screens must say, and what they must not (issue #12)."""

import html
import re
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QLabel, QWizard

from gui.domain import Situation
from gui.flow import PageId
from tests.conftest import answer_situation, fill_card

VALID = ("1990-01-01", "2020-01-01", "2040-01-01")  # printed dates years from the end
EXPIRED = ("1980-05-01", "2006-05-01", "2026-05-01")


@dataclass
class Case:
    card: tuple
    situation: Situation
    away: bool = False
    travel: bool = False
    # page -> words that must appear / must not appear, per language
    must: dict = field(default_factory=dict)
    must_not: dict = field(default_factory=dict)


S, IMP, A, C, M = (PageId.STATUS, PageId.IMPACT, PageId.ALIPAY, PageId.CHECKLIST, PageId.SUMMARY)
ANY = None  # any page of the route

CASES = {
    "expired": Case(
        EXPIRED,
        Situation.EXPIRY,
        travel=True,
        must={
            "zh_CN": {
                S: ["现在就可以去换领。", "证件已过期 212 天"],
                IMP: ["花呗、借呗账单照样要按时还", "信用报告", "机场公安", "12306 App", "坐飞机"],
                C: ["旧证交回", "受理回执", "一般要本人到受理点办理"],
                A: ["当心骗子", "95188", "根据用户反馈整理"],
            },
            "en": {
                S: ["You can apply to renew your card now."],
                IMP: [
                    "withdrawals from your Balance (零钱)",
                    "credit report",
                    "airport police (机场公安)",
                    "By plane",
                    "By train",
                ],
                C: [
                    "hand in the old card",
                    "acceptance receipt (受理回执)",
                    "usually apply in person",
                ],
                A: [
                    "Beware of scams",
                    "compiled from user reports",
                    "the side with the national emblem (国徽面)",
                ],
            },
        },
        must_not={
            "zh_CN": {ANY: ["ATM", "本人必须亲自去办", "核对于", "第二十条"]},
            "en": {
                ANY: [
                    "ATM",
                    "You must go in person",
                    "withdrawing change",
                    "back of the card",
                    "last checked",
                ]
            },
        },
    ),
    "long_term": Case(
        ("1950-01-01", "2005-01-01", None),
        Situation.EXPIRY,
        must={
            "zh_CN": {
                S: ["不用换领：长期证件不会过期。"],
                A: ["长期证不用换领"],
                M: ["长期证件：只想核对一下"],
            },
            "en": {
                S: ["No renewal is needed"],
                A: ["A long-term card needs no renewal"],
                M: ["My card is long-term"],
            },
        },
        must_not={
            "zh_CN": {ANY: ["过期或快到期", "拿到新身份证后", "办理地点", "现在就可以去"]},
            "en": {ANY: ["Once you have the new ID card", "Where you apply", "apply to renew"]},
        },
    ),
    "lost_away": Case(
        VALID,
        Situation.LOST,
        away=True,
        must={
            "zh_CN": {
                S: ["现在就可以去补领", "现在就可以"],
                IMP: ["冒用", "补领申请会让丢失的旧证作废"],
                C: ["居民户口簿或居住证"],
            },
            "en": {
                S: ["You can apply for a replacement now"],
                IMP: ["misuse", "loss report (挂失)"],
                C: ["residence permit (居住证)"],
            },
        },
        must_not={
            "zh_CN": {
                S: ["证件有效", "最早可申请换领", "2039"],
                IMP: ["现在不用做什么"],
                C: ["旧证交回", "原居民身份证"],
                ANY: ["长期身份证不会到期"],
            },
            "en": {
                S: ["Your card is valid", "Renewal can be applied for from", "2039"],
                IMP: ["nothing to do yet"],
                C: ["hand in the old card"],
            },
        },
    ),
    "under16": Case(
        ("2012-03-01", "2021-10-01", "2026-10-01"),
        Situation.EXPIRY,
        must={
            "zh_CN": {S: ["监护人要陪同", "未满 16 周岁"], C: ["监护人自己的身份证"]},
            "en": {S: ["a parent or guardian comes too", "Under 16"], C: ["their own ID card"]},
        },
        must_not={
            "zh_CN": {ANY: ["花呗", "借呗", "保持好信用", "按时还款"]},
            "en": {ANY: ["Huabei", "Jiebei", "Good credit habits", "Repaying on time"]},
        },
    ),
    "valid": Case(
        VALID,
        Situation.EXPIRY,
        must={
            "zh_CN": {S: ["2039年10月1日起可以去换领，现在还不用办。"], IMP: ["现在不用做什么"]},
            "en": {S: ["You can apply to renew from 1 October 2039"]},
        },
        must_not={
            "zh_CN": {S: ["现在就可以去换领"]},
            "en": {S: ["You can apply to renew your card now"]},
        },
    ),
    "expiring_soon": Case(
        ("1990-01-01", "2017-01-20", "2027-01-20"),
        Situation.EXPIRY,
        must={
            "zh_CN": {S: ["现在就可以去换领。", "新证一般 60 天内办好"]},
            "en": {S: ["You can apply to renew your card now.", "up to 60 days"]},
        },
        must_not={"zh_CN": {S: ["证件已过期"]}, "en": {S: ["expired"]}},
    ),
    "renewed": Case(
        ("1980-05-01", "2026-06-01", None),
        Situation.RENEWED,
        must={
            "zh_CN": {A: ["您已经领到新证"], M: ["不用再办证"]},
            "en": {A: ["You have your new card"], M: ["No new card is needed"]},
        },
        must_not={
            "zh_CN": {ANY: ["拿到新身份证后", "办理地点"]},
            "en": {ANY: ["Once you have the new ID card"]},
        },
    ),
    "damaged": Case(
        VALID,
        Situation.DAMAGED,
        must={
            "zh_CN": {S: ["现在就可以去换领损坏的证件"], C: ["旧证交回", "40 元"]},
            "en": {S: ["You can apply for a new card now"], C: ["hand in the old card", "40 yuan"]},
        },
        must_not={
            "zh_CN": {S: ["证件有效", "最早可申请换领"], C: ["到期换领 20 元"]},
            "en": {S: ["Your card is valid"], C: ["renewal on expiry 20 yuan"]},
        },
    ),
    "renamed": Case(
        VALID,
        Situation.RENAMED,
        must={
            "zh_CN": {
                S: ["先改好户口簿上的姓名"],
                IMP: ["姓名变更", "12306 里的姓名也要更新"],
                A: ["姓名变更"],
            },
            "en": {
                S: ["Change the name in your household register first"],
                IMP: ["change-of-name update"],
                A: ["change-of-name update"],
            },
        },
        must_not={
            "zh_CN": {S: ["证件有效", "最早可申请换领"], IMP: ["现在不用做什么"]},
            "en": {S: ["Your card is valid"], IMP: ["nothing to do yet"]},
        },
    ),
}


def page_text(page) -> str:
    """Every visible word on a page, tags stripped, as a person reads it."""
    texts = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    texts.append(page.title())
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(texts)))


def walk(wizard, case: Case) -> dict:
    """Answer as a person would and read every page up to the summary."""
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    fill_card(wizard, *case.card)
    next_button.click()
    answer_situation(wizard, case.situation, away=case.away)
    if case.travel:
        wizard.pages[PageId.SITUATION].travel.setChecked(True)
    seen = {}
    while wizard.current_page() is not PageId.SUMMARY:
        assert next_button.isEnabled(), wizard.current_page()
        next_button.click()
        seen[wizard.current_page()] = page_text(wizard.pages[wizard.current_page()])
    return seen


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_case_screens_say_the_right_thing(make_wizard, name, locale):
    case = CASES[name]
    wizard = make_wizard(locale)
    seen = walk(wizard, case)
    for page, words in case.must.get(locale, {}).items():
        for word in words:
            assert word in seen[page], (page, word)
    everything = " ".join(seen.values())
    for page, words in case.must_not.get(locale, {}).items():
        for word in words:
            assert word not in (everything if page is ANY else seen.get(page, "")), (page, word)


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("name", ["expired", "lost_away", "valid", "under16"])
def test_each_result_page_opens_with_the_verdict(make_wizard, name, locale):
    from gui import present

    wizard = make_wizard(locale)
    walk(wizard, CASES[name])
    a = wizard.session.assessment()
    for page_id in (PageId.STATUS, PageId.IMPACT):
        page = wizard.pages[page_id]
        first = page.body.itemAt(0).widget()
        assert first.objectName() == "verdict"
        assert first.text() == present.next_step(a, wizard.content)
    recap = wizard.pages[PageId.SUMMARY].findChild(QLabel, "recap")
    items = re.findall(r"<li>(.*?)</li>", recap.text())
    assert len(items) == 3
    assert html.unescape(items[0]) == present.next_step(a, wizard.content)


def test_long_term_card_is_not_asked_where_it_will_be_renewed(make_wizard):
    wizard = make_wizard()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    fill_card(wizard, "1950-01-01", "2005-01-01", None)
    next_button.click()
    page = wizard.pages[PageId.SITUATION]
    assert page.situations[Situation.EXPIRY].words.startswith("长期证件")
    page.situations[Situation.EXPIRY].click()
    assert not page.home.isVisible() and not page.travel.isVisible()
    assert next_button.isEnabled()  # nothing else to answer
    page.situations[Situation.LOST].click()  # a lost 长期 card is applied for: ask where
    assert page.home.isVisible() and not next_button.isEnabled()
