"""The checklist PDF, parsed: A4, fonts embedded, the right words, no identifiers."""

import gc
import io
import os
import re
from pathlib import Path

import pypdf
import pytest
import shiboken6
from PySide6.QtGui import QTextDocument

from gui import present
from gui.content import load_content
from gui.domain import load_rules
from gui.export.pdf import IncompletePdf, check_complete, render_pdf
from tests.export_helpers import CANARY_ID, CASES, TODAY, assessment

GOLDEN = Path(__file__).parent / "golden"
LANGS = ["zh_CN", "en"]


@pytest.fixture(scope="module")
def fonts(qapp):
    from gui.fonts import load_fonts

    load_fonts()


def pdf_for(name, lang, id_number=None):
    return render_pdf(assessment(name, id_number), load_content(lang))


def text_of(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    lines = []
    for page in reader.pages:
        lines += [" ".join(line.split()) for line in page.extract_text().splitlines()]
    return "\n".join(line for line in lines if line) + "\n"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_pdf_is_a4_with_embedded_subset_fonts(fonts, name, lang):
    data = pdf_for(name, lang)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 3  # English runs longer; sections are never split badly
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, "font not embedded"
            assert re.match(r"/?[A-Z]{6}\+", str(descriptor["/FontName"])), "not a subset"
            assert "/ToUnicode" in font  # text can be extracted and searched


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_no_last_page_holds_only_a_few_lines(fonts, name, lang):
    """The English lost-card sheet once ran to a third page of two lines (issue 19)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf_for(name, lang)))
    sizes = [len("".join(page.extract_text().split())) for page in reader.pages]
    if len(sizes) > 1:
        assert sizes[-1] >= 0.3 * max(sizes[:-1]), sizes


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_has_the_materials_and_steps(fonts, lang):
    content = load_content(lang)
    a = assessment("lost-away")
    text = text_of(render_pdf(a, content))
    flat = text.replace("\n", " ").replace(" ", "")
    for key in a.materials:
        assert content.text(f"materials.{key}").replace(" ", "") in flat
    assert "95188" in text
    assert ("更换实名" in text) and ("2026" in text)
    for fallback in present.alipay_fallbacks(content):  # not only the main path
        assert fallback.text.replace(" ", "")[:20] in flat
    notes = present.alipay_notes(a, content)
    for note in ("fraud", "paths_vary"):
        assert notes[note].replace(" ", "")[:20] in flat, note
    if lang == "zh_CN":
        assert "身份证补领清单" in text and "户口簿" in text and "换领清单" not in text
        assert "旧证交回" not in flat and "冒用" in flat
    else:
        assert "ID card replacement checklist (lost card)" in text
        assert "hand in the old card" not in text and "misuse" in text


SITE = ["某某派出所户政窗口", "某某路 1 号", "9:00–17:00", "0755-0000"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["expiry", "lost-away", "long-term"])
def test_every_page_has_its_number_and_the_site(fonts, name, lang):
    content = load_content(lang)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(assessment(name), content, SITE)))
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        text = " ".join(page.extract_text().split())
        assert content.text("export.pdf.page", page=number, pages=pages) in text
        for line in SITE:
            assert line.replace(" ", "") in text.replace(" ", ""), (number, line)
        body = [line for line in page.extract_text().splitlines() if line.strip()]
        assert len(body) >= 4, f"page {number} holds almost nothing: {body}"


def font_sizes(data, needle):
    """The font sizes of the text runs that contain `needle`."""
    sizes = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:

        def visit(text, cm, tm, font, size):
            if needle in " ".join(text.split()):
                sizes.append(size)

        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("lang", LANGS)
def test_verdict_is_printed_larger_than_the_body(fonts, lang):
    content = load_content(lang)
    a = assessment("expiry")
    data = render_pdf(a, content)
    verdict = font_sizes(data, present.next_step(a, content)[:14])
    body = font_sizes(data, content.text("checklist.collect.receipt")[:14])
    assert verdict and body and min(verdict) > max(body) * 1.4


def test_sheet_follows_the_case(fonts):
    zh = load_content("zh_CN")
    long_term = text_of(render_pdf(assessment("long-term"), zh))
    assert "长期身份证：核对清单" in long_term
    assert "更新支付宝" not in long_term and "拿到新证后" not in long_term
    damaged = text_of(render_pdf(assessment("damaged"), zh)).replace(" ", "")
    assert "40元" in damaged and "20元" not in damaged  # only the fee that applies
    assert "依据：" in damaged and "；" in damaged and "; " not in damaged  # Chinese punctuation
    english = text_of(render_pdf(assessment("damaged"), load_content("en")))
    assert "Sources:" in english and "；" not in english


def test_no_locality_rule_on_a_sheet_for_another_place(fonts, rules):
    from datetime import date

    from gui.domain import Answers, assess

    shenzhen = rules.localities["shenzhen"].source
    base = dict(
        birth=date(1980, 5, 1), start=date(2006, 5, 1), end=date(2026, 5, 1), locality="shenzhen"
    )
    home = assess(Answers(**base), TODAY, rules)
    away = assess(Answers(**base, away_from_home=True), TODAY, rules)
    zh = load_content("zh_CN")
    assert shenzhen[:8] in text_of(render_pdf(home, zh)).replace("\n", "")
    assert shenzhen[:8] not in text_of(render_pdf(away, zh)).replace("\n", "")


@pytest.mark.parametrize("lang", LANGS)
def test_travel_section_covers_trains_and_flights(fonts, lang):
    from dataclasses import replace as swap
    from datetime import date

    from gui.domain import Answers, assess

    content = load_content(lang)
    answers = Answers(date(1980, 5, 1), date(2006, 5, 1), date(2026, 5, 1), travel_soon=True)
    a = assess(answers, TODAY, load_rules())
    text = text_of(render_pdf(a, content)).replace("\n", " ")
    flat = text.replace(" ", "")
    for key in ("station_police", "flight_options", "airport_police"):
        assert content.text(f"impacts.meanwhile.{key}").replace(" ", "")[:15] in flat, key
    quiet = (
        text_of(render_pdf(assess(swap(answers, travel_soon=False), TODAY, load_rules()), content))
        .replace("\n", "")
        .replace(" ", "")
    )
    assert content.text("impacts.meanwhile.airport_police").replace(" ", "")[:15] not in quiet


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["expiry", "lost-away", "renamed"])
def test_no_personal_identifier_anywhere(fonts, name, lang):
    data = pdf_for(name, lang, id_number=CANARY_ID)
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = text_of(data)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    forbidden = [
        CANARY_ID,
        CANARY_ID[:6],
        CANARY_ID[-4:],
        CANARY_ID[6:14],
        "1101**",
        "1980-05-01",
        "1980年5月1日",
        "1 May 1980",
    ]
    for needle in forbidden:
        assert needle not in text, needle
        assert needle not in metadata, needle
        if len(needle) < 8:
            continue  # a short run of digits turns up by chance in compressed streams
        for encoding in ("ascii", "utf-16-be", "utf-8"):
            try:
                raw = needle.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert raw not in data, (needle, encoding)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_golden_text(fonts, name, lang):
    """The extracted text per case guards the layout's content (UPDATE_GOLDEN=1 rewrites)."""
    text = text_of(pdf_for(name, lang))
    golden = GOLDEN / f"{name}.{lang}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_incomplete_pdf_is_refused(fonts):
    data = pdf_for("expiry", "zh_CN")
    check_complete(data)
    for broken in (data[: len(data) // 2], data[:-10], b"<html>" + data[5:], b""):
        with pytest.raises(IncompletePdf):
            check_complete(broken)


@pytest.mark.parametrize("lang", LANGS)
def test_rendering_frees_its_documents(fonts, lang):
    """Every QTextDocument a PDF lays out is freed with it: the kiosk renders one per
    visitor (a table's frame.document() once kept each one alive for good)."""

    def documents():
        gc.collect()
        return sum(isinstance(w, QTextDocument) for w in shiboken6.Shiboken.getAllValidWrappers())

    before = documents()
    for name in CASES:
        pdf_for(name, lang)
    assert documents() == before


def test_metadata_is_only_the_title(fonts):
    reader = pypdf.PdfReader(io.BytesIO(pdf_for("expiry", "zh_CN")))
    assert reader.metadata.title == "身份证换领清单"
    lost = pypdf.PdfReader(io.BytesIO(pdf_for("lost-away", "zh_CN")))
    assert lost.metadata.title == "身份证补领清单"
    filled = {key for key, value in reader.metadata.items() if str(value).strip()}
    allowed = {"/Title", "/Creator", "/Producer", "/CreationDate", "/ModDate", "/Trapped"}
    assert filled <= allowed, filled


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(CASES))
def test_the_text_summary_and_the_pdf_carry_the_same_sections(fonts, name, lang):
    """`assess` prints what the sheet prints (issue 19): every section, every item."""
    from gui.text_summary import summary_lines

    content = load_content(lang)
    a = assessment(name)
    sheet = present.sheet(a, content)
    flat_pdf = "".join(text_of(render_pdf(a, content)).split())
    flat_text = "".join("".join(summary_lines(a, content)).split())
    for section in sheet.sections:
        for said in (section.heading, section.lead, *section.items):
            needle = "".join(said.split())
            assert needle in flat_text, (section.key, said)
            assert needle[:40] in flat_pdf, (section.key, said)
    for said in (sheet.title, sheet.verdict, *(v for _, v in sheet.status_rows)):
        assert "".join(said.split()) in flat_text and "".join(said.split()) in flat_pdf, said
