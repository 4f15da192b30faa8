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
    low_income: bool = False
    # page -> words that must appear / must not appear, per language
    must: dict = field(default_factory=dict)
    must_not: dict = field(default_factory=dict)
    # the printed sheet and the `assess` text summary: locale -> (must, must not)
    paper: dict = field(default_factory=dict)


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
        paper={
            "zh_CN": (
                [
                    "账单照样要按时还",
                    "借呗一般也会",
                    "信用报告",
                    "提前防范",
                    "按时还款",
                    "这段时间怎么坐火车、坐飞机",
                    "机场公安",
                    "95188",
                    "更换实名",
                    "当心骗子",
                    "第十二条",
                ],
                ["第十条（", "第九条", "第五条（未满", "第二条、第十一条"],
            ),
            "en": (
                [
                    "bills are still due",
                    "借呗 is widely reported to as well",
                    "credit report",
                    "Plan ahead",
                    "Repaying on time",
                    "Meanwhile: travelling by train or plane",
                    "95188",
                    "更换实名",
                    "Beware of scams",
                    "第十二条",
                ],
                ["第十条（", "第九条"],
            ),
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
            "zh_CN": {
                S: ["2039年10月1日起可以去换领，现在还不用办。"],
                IMP: ["现在不用做什么", "真正的提醒只出现在支付宝 App 里"],
            },
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
            "zh_CN": {
                S: ["现在就可以去换领。", "新证一般 60 天内办好"],
                IMP: ["这是按规定发的提醒", "真正的提醒只出现在支付宝 App 里", "多半是骗局"],
            },
            "en": {
                S: ["You can apply to renew your card now.", "up to 60 days"],
                IMP: ["a real reminder appears inside the Alipay app", "a common scam"],
            },
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
    # ---- issue 19 ----
    "first_generation": Case(
        ("1940-05-01", "1995-06-01", None),  # 长期, but a first-generation card
        Situation.EXPIRY,
        must={
            "zh_CN": {S: ["现在就去换领", "第一代身份证", "停止使用"], C: ["原居民身份证"]},
            "en": {S: ["Apply to renew now", "first-generation"], C: ["Your current ID card"]},
        },
        must_not={
            "zh_CN": {ANY: ["不用换领", "长期证件不会过期", "长期有效"]},
            "en": {ANY: ["No renewal is needed", "it does not expire"]},
        },
        paper={
            "zh_CN": (["身份证换领清单（第一代身份证）", "停止使用", "20 元"], ["不用换领"]),
            "en": (["first-generation card", "no longer valid", "20 yuan"], ["No renewal"]),
        },
    ),
    "expiry_away": Case(
        EXPIRED,
        Situation.EXPIRY,
        away=True,
        must={
            "zh_CN": {C: ["原居民身份证", "在外地换领不用带户口簿", "居住证"]},
            "en": {C: ["no household register (户口簿) is needed", "residence permit (居住证)"]},
        },
        must_not={
            "zh_CN": {C: ["居民户口簿（如果是集体户口"]},
            "en": {C: ["Household register (户口簿; for a collective household"]},
        },
        paper={
            "zh_CN": (["在外地换领不用带户口簿", "请先问受理点"], ["□ 居民户口簿"]),
            "en": (["no household register (户口簿) is needed"], ["□ Household register"]),
        },
    ),
    "lost_long_term": Case(
        ("1950-01-01", "2005-01-01", None),
        Situation.LOST,
        must={
            "zh_CN": {S: ["已丢失：申请补领后，这张证就作废了"]},
            "en": {S: ["Lost: once you apply for the replacement, this card is void"]},
        },
        must_not={
            "zh_CN": {S: ["长期有效", "不会过期"]},
            "en": {S: ["it does not expire"]},
        },
        paper={
            "zh_CN": (["已丢失：申请补领后，这张证就作废了"], ["长期有效"]),
            "en": (["Lost: once you apply"], ["it does not expire"]),
        },
    ),
    "under16_travel": Case(
        ("2012-03-01", "2021-10-01", "2026-10-01"),
        Situation.EXPIRY,
        travel=True,
        must={
            "zh_CN": {IMP: ["孩子坐火车、坐飞机可以用户口簿", "出生医学证明"]},
            "en": {IMP: ["A child can travel by train or plane with the household register"]},
        },
        must_not={"zh_CN": {ANY: ["花呗", "借呗"]}, "en": {ANY: ["Huabei", "Jiebei"]}},
        paper={
            "zh_CN": (["孩子坐火车、坐飞机可以用户口簿", "第七条第二款"], ["第九条", "借呗"]),
            "en": (["A child can travel by train or plane", "第七条第二款"], ["第九条", "Jiebei"]),
        },
    ),
    "near_46": Case(
        ("1981-01-15", "2007-01-20", "2027-01-20"),
        Situation.EXPIRY,
        must={
            "zh_CN": {S: ["2027年1月15日满 46 周岁", "新证有效期是长期", "临时身份证"]},
            "en": {S: ["You turn 46 on 15 January 2027", "the new card is long-term"]},
        },
        must_not={"zh_CN": {ANY: ["让证件过期也"]}, "en": {ANY: ["let it lapse"]}},
        paper={
            "zh_CN": (["满 46 周岁", "不要让证件过期不办"], []),
            "en": (["You turn 46 on 15 January 2027", "Do not let the card lapse"], []),
        },
    ),
    "renewed_with_old_dates": Case(
        EXPIRED,  # the old card's dates, entered by mistake
        Situation.RENEWED,
        must={
            "zh_CN": {M: ["不用再办证"], A: ["请返回填写证件日期的那一步"]},
            "en": {
                M: ["No new card is needed"],
                A: ["go back to where you entered the card's dates"],
            },
        },
        must_not={"zh_CN": {ANY: ["212 天"]}, "en": {ANY: ["212 days"]}},
        paper={
            "zh_CN": (["已领到新证", "请返回改填新证国徽面上的"], ["212 天", "证件已过期"]),
            "en": (["New card in hand", "enter the dates under 有效期限 on the new card"], ["212"]),
        },
    ),
    "lost_low_income": Case(
        VALID,
        Situation.LOST,
        low_income=True,
        must={
            "zh_CN": {C: ["40 元", "补领要交工本费，低保家庭和特困人员也一样"]},
            "en": {C: ["40 yuan", "A replacement for a lost card is paid for by everyone"]},
        },
        must_not={"zh_CN": {C: ["免费"]}, "en": {C: ["free"]}},
        paper={
            "zh_CN": (["补领要交工本费", "第二十一条"], ["免费"]),
            "en": (["paid for by everyone", "第二十一条"], ["for free"]),
        },
    ),
    "lost_away_travel": Case(
        VALID,
        Situation.LOST,
        away=True,
        travel=True,
        must={
            "zh_CN": {S: ["向户籍所在地的派出所申请"], IMP: ["户籍所在地的派出所"]},
            "en": {S: ["police station of your 户籍地"], IMP: ["police station of your 户籍地"]},
        },
        paper={
            "zh_CN": (["户籍所在地的派出所", "第七条、第十二条"], ["第二条、第十一条;"]),
            "en": (["police station of your 户籍地", "第七条、第十二条"], []),
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
    if case.low_income:
        wizard.pages[PageId.SITUATION].low_income.setChecked(True)
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


def _flat(text: str) -> str:
    return "".join(text.split())  # the PDF's line breaks fall anywhere


def _assessment(case: Case):
    from datetime import date

    from gui.domain import Answers, assess, load_rules
    from tests.conftest import TODAY

    birth, start, end = (date.fromisoformat(x) if x else None for x in case.card)
    answers = Answers(
        birth,
        start,
        end,
        case.situation,
        away_from_home=case.away,
        low_income=case.low_income,
        travel_soon=case.travel,
    )
    return assess(answers, TODAY, load_rules())


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
@pytest.mark.parametrize("name", [n for n, c in CASES.items() if c.paper])
def test_the_sheet_and_the_text_summary_say_the_right_thing(qapp, name, locale):
    """What a person takes home (the PDF) and what support staff read out (`assess`)."""
    import io

    import pypdf

    from gui.content import load_content
    from gui.export.pdf import render_pdf
    from gui.fonts import load_fonts
    from gui.text_summary import summary_lines

    load_fonts()
    case, content = CASES[name], load_content(locale)
    a = _assessment(case)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(a, content)))
    surfaces = {
        "pdf": _flat(" ".join(page.extract_text() for page in reader.pages)),
        "assess": _flat("\n".join(summary_lines(a, content))),
    }
    must, must_not = case.paper[locale]
    for surface, text in surfaces.items():
        for word in must:
            assert _flat(word) in text, (surface, word)
        for word in must_not:
            assert _flat(word) not in text, (surface, word)
