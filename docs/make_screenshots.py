"""Regenerate the README's screenshots from the real app, offscreen.

    python docs/make_screenshots.py            # writes docs/screenshots/*.png

One walk through the flow per language (and one in large text), saving each page; then
two checklist PDFs turned into PNG pages with poppler's pdftoppm.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.sessions import answer
from gui.app import build_wizard
from gui.content import load_content
from gui.domain import Answers, Situation, assess, load_rules
from gui.export.pdf import render_pdf
from gui.flow import PageId

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1920, 1080)
KIOSK_SIZES = {"": (1080, 1920), "-landscape": (1920, 1080)}  # counter screens both ways


def walk(app: QApplication, locale: str, large: bool, pages: set[PageId], tag: str) -> None:
    wizard = build_wizard(app, date(2026, 11, 29), locale, large)
    wizard.resize(*SIZE)
    wizard.show()
    seen = []
    while True:
        app.processEvents()
        page = wizard.current_page()
        if page in pages and page not in seen:
            wizard.grab().save(str(OUT / f"{tag}-{page}.png"))
            seen.append(page)
        if page is PageId.SUMMARY:
            break
        answer(wizard, Situation.EXPIRY)
        wizard.next()
    wizard.close()


def checklist_pages() -> None:
    """Two cases: an expired card at home (Chinese), a lost card away (English)."""
    cases = {
        "checklist-expiry-zh": (Situation.EXPIRY, False, "zh_CN"),
        "checklist-lost-away-en": (Situation.LOST, True, "en"),
    }
    for name, (situation, away, locale) in cases.items():
        answers = Answers(date(1980, 5, 1), date(2006, 5, 1), date(2026, 5, 1), situation, away)
        a = assess(answers, date(2026, 11, 29), load_rules())
        pdf = OUT / f"{name}.pdf"
        pdf.write_bytes(render_pdf(a, load_content(locale)))
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / name)], check=True)
        pdf.unlink()


def kiosk_pages(app: QApplication, locale: str, orientation: str) -> None:
    """The kiosk: every page of the expired case, then the idle countdown."""
    from gui.kiosk.app import build_kiosk
    from gui.kiosk.config import parse

    config, problems = parse({"site/name": "某某区公安分局户政服务中心", "kiosk/language": locale})
    kiosk = build_kiosk(app, config, problems, date(2026, 11, 29))
    kiosk.resize(*KIOSK_SIZES[orientation])
    kiosk.show()
    # README links the Chinese portrait ones
    tag = ("kiosk" if locale == "zh_CN" else "kiosk-en") + orientation
    while True:
        app.processEvents()
        page = kiosk.current_page()
        kiosk.grab().save(str(OUT / f"{tag}-{page}.png"))
        if page is PageId.SUMMARY:
            break
        answer(kiosk, Situation.EXPIRY)
        kiosk.next()
    kiosk.countdown.start(config.countdown_seconds)
    app.processEvents()
    kiosk.grab().save(str(OUT / f"{tag}-countdown.png"))
    kiosk.leave()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    app = QApplication([])
    every = set(PageId)
    walk(app, "zh_CN", False, every, "zh")
    walk(app, "en", False, every, "en")
    walk(app, "zh_CN", True, {PageId.SITUATION, PageId.STATUS, PageId.CHECKLIST}, "zh-large")
    walk(app, "en", True, {PageId.SITUATION, PageId.STATUS, PageId.CHECKLIST}, "en-large")
    for orientation in KIOSK_SIZES:
        kiosk_pages(app, "zh_CN", orientation)
        kiosk_pages(app, "en", orientation)
    if shutil.which("pdftoppm"):
        checklist_pages()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
