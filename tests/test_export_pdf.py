"""The checklist PDF, parsed: A4, fonts embedded, the right words, no identifiers."""

import io
import os
import re
from pathlib import Path

import pypdf
import pytest

from gui.content import load_content
from gui.export.pdf import IncompletePdf, check_complete, render_pdf
from tests.export_helpers import CANARY_ID, CASES, assessment

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
    assert 1 <= len(reader.pages) <= 2
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
def test_pdf_text_has_the_materials_and_steps(fonts, lang):
    content = load_content(lang)
    a = assessment("lost-away")
    text = text_of(render_pdf(a, content))
    flat = text.replace("\n", " ").replace(" ", "")
    assert content.text("export.pdf.title") in text
    for key in a.materials:
        assert content.text(f"materials.{key}").replace(" ", "") in flat
    assert "95188" in text
    assert ("更换实名" in text) and ("2026" in text)
    if lang == "zh_CN":
        assert "身份证换领清单" in text and "户口簿" in text
    else:
        assert "ID card renewal checklist" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["expiry", "lost-away", "renamed"])
def test_no_personal_identifier_anywhere(fonts, name, lang):
    data = pdf_for(name, lang, id_number=CANARY_ID)
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = text_of(data)
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    forbidden = [CANARY_ID, CANARY_ID[:6], CANARY_ID[-4:], CANARY_ID[6:14], "1101**",
                 "1980-05-01", "1980年5月1日", "1 May 1980"]
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


def test_metadata_is_only_the_title(fonts):
    reader = pypdf.PdfReader(io.BytesIO(pdf_for("expiry", "zh_CN")))
    assert reader.metadata.title == "身份证换领清单"
    filled = {key for key, value in reader.metadata.items() if str(value).strip()}
    allowed = {"/Title", "/Creator", "/Producer", "/CreationDate", "/ModDate", "/Trapped"}
    assert filled <= allowed, filled
