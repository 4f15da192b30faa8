"""The `assess` summary: the printed sheet's sections as plain text.

Support staff read it aloud on the phone, so it says everything the sheet says
(present.sheet), and nothing it refers to is left out.
"""

from __future__ import annotations

from gui import present
from gui.content import Content
from gui.domain import Assessment

NUMBERED = frozenset({"alipay_steps"})  # steps are followed in order
MARKS = {"warnings": "!", "alipay_warnings": "!", "documents": "□"}


def summary_lines(a: Assessment, content: Content) -> list[str]:
    sheet = present.sheet(a, content)
    icon, headline = sheet.headline
    lines = [sheet.title, " · ".join(sheet.dated), "", sheet.verdict, "", f"{icon} {headline}"]
    lines += [f"{label}: {value}" for label, value in sheet.status_rows]
    for section in sheet.sections:
        if section.heading:
            lines += ["", content.text("export.text.heading", heading=section.heading)]
        if section.lead:
            lines.append(section.lead)
        mark = MARKS.get(section.key, "-")
        for number, item in enumerate((i for i in section.items if i), 1):
            lines.append(f"  {number}. {item}" if section.key in NUMBERED else f"  {mark} {item}")
    return [*lines, "", sheet.sources, sheet.privacy]
