"""Step 8: every answer with a Change link, and the outcome in one line."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from gui import present
from gui.domain import Situation, idnumber
from gui.flow import ASKED_ON, PageId
from gui.pages.base import GuidePage
from gui.present import format_date
from gui.widgets import RowTable, StatusBanner, label

if TYPE_CHECKING:
    from gui.wizard import GuideWizard


class SummaryPage(GuidePage):
    page_id = PageId.SUMMARY

    def __init__(self, guide: GuideWizard) -> None:
        super().__init__(guide)
        self.banner = StatusBanner()
        self.rows = RowTable(action=lambda name: self.guide.change(ASKED_ON[name]))
        self.body.addWidget(self.banner)
        self.body.addWidget(self.rows)
        self.recap = label(rich=True)  # what to do next, in three lines (present.recap)
        self.recap.setObjectName("recap")
        self.body.addWidget(self.recap)
        self.body.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("您的回答"))

    def _answers(self) -> list[tuple[str, str, str]]:
        """(answer name, label, value) for every question asked on this route."""
        d, c = self.session.draft, self.content
        yes, no = self.tr("是"), self.tr("否")
        situations = {
            Situation.EXPIRY: self.tr("过期或快到期"),
            Situation.RENEWED: self.tr("已领到新证"),
            Situation.LOST: self.tr("丢失"),
            Situation.DAMAGED: self.tr("损坏"),
            Situation.RENAMED: self.tr("改名"),
        }
        if d.long_term:  # a 长期 card is not "expired or expiring"
            situations[Situation.EXPIRY] = c.text("summary.answers.long_term_check")
        number = d.id_number.strip()
        dates = (
            [("dates_unknown", self.tr("有效期限"), self.tr("不记得（证件丢了或看不清）"))]
            if d.dates_unknown
            else [
                ("start", self.tr("有效期限：起始日期"), format_date(d.start, c)),
                (
                    "end",
                    self.tr("有效期限：截止日期"),
                    c.text("summary.term.long_term") if d.long_term else format_date(d.end, c),
                ),
            ]
        )
        rows = [
            ("birth", self.tr("出生日期"), format_date(d.birth, c)),
            *dates,
            (
                "id_number",
                self.tr("身份证号码"),
                idnumber.mask(number) if number else self.tr("未填写"),
            ),
            ("situation", self.tr("情况"), situations[d.situation] if d.situation else "—"),
        ]
        if self.session.applies_for_card():
            rows += [
                (
                    "away_from_home",
                    self.tr("办理地点"),
                    self.tr("外地") if d.away_from_home else self.tr("户籍地"),
                ),
                ("travel_soon", self.tr("最近要坐火车或飞机"), yes if d.travel_soon else no),
                ("low_income", self.tr("低保或特困"), yes if d.low_income else no),
            ]
        return rows

    def clear(self) -> None:
        self.banner.clear()
        self.rows.set_rows([])
        self.recap.setText("")

    def show_session(self) -> None:
        a = self.session.assessment()
        icon, words = present.headline(a, self.content)
        self.banner.show_status(a.status.value, icon, words)
        answers = self._answers()
        self.rows.set_rows(
            [(text, value) for _, text, value in answers],
            keys=[name for name, _, _ in answers],
            action_text=self.tr("修改"),
            action_name=self.tr("修改：{answer}"),
        )
        lines = present.recap(a, self.content)
        self.recap.setText(
            f"<h3>{html.escape(self.content.text('summary.labels.next_step'))}"
            "</h3><ol>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + "</ol>"
        )
