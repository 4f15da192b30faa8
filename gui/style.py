"""The look: sizes for normal and large text, and status colours that pass 4.5:1."""

from __future__ import annotations

NORMAL_PT = 12
LARGE_SCALE = 1.5  # large-text mode: every font ≥ 1.5×

# Status tones: (text, background). Each text colour has ≥ 4.5:1 contrast on its background
# and on white; the banner also carries an icon and words, so colour is never alone.
TONES = {
    "valid": ("#0B5D1E", "#E6F4EA"),
    "renewable": ("#7A4100", "#FFF4E5"),
    "expired": ("#8A1C13", "#FDECEA"),
    "long_term": ("#174EA6", "#E8F0FE"),
    "unknown": ("#7A4100", "#FFF4E5"),  # a lost or damaged card, dates not given: apply now
    "void": ("#8A1C13", "#FDECEA"),  # a first-generation card: no longer valid
}
TEXT = "#1F1F1F"
MUTED = "#4A4A4A"
ERROR = "#B3261E"


TOUCH_PT = 18  # 工信部 适老化: main text of an elder interface ≥ 18 pt
TOUCH_LARGE_SCALE = 4 / 3  # 24 pt: larger still, yet a portrait screen keeps ~20 hanzi a line
DISABLED = "#6B6B6B"  # still readable (5.3:1 on white), but grey on a dashed frame
PRIMARY = "#0B57D0"
FRAME = "#5F6B7A"
SELECTED = "#E8F0FE"
# The kiosk's "还在吗？" countdown: an opaque screen (the last person's dates must not show
# through), a white card, and the seconds in dark red.
COUNTDOWN = {"screen": "#1F2933", "card": "#FFFFFF", "number": "#8A1C1C"}
# Boxes that stand out on a page, by object name: (text, background, border, border px).
BOXES = {
    # the Alipay page's way out, before six drawings: the long-term tone's calm blue
    "alipay_shortcut": (TEXT, TONES["long_term"][1], TONES["long_term"][0], 2),
    "alipay_warning": (TONES["expired"][0], TONES["expired"][1], TONES["expired"][0], 3),
}


def target_px(large: bool, touch: bool) -> int:
    """The least height of anything tapped: ≥ 60 px on a touch screen, ≥ 32 on a desktop."""
    if touch:
        return 72 if large else 60
    return 52 if large else 36


def stylesheet(large: bool, touch: bool = False) -> str:
    if touch:
        pt = TOUCH_PT * (TOUCH_LARGE_SCALE if large else 1)
    else:
        pt = NORMAL_PT * (LARGE_SCALE if large else 1)
    button_px = target_px(large, touch)
    nav_px = max(64, button_px) if touch else button_px
    scroll_px = 24 if touch else 16  # flat and plain: shows there is more below, and paints fast

    def size(scale: float) -> str:
        return f"{pt * scale:.0f}pt"

    # the page title (QWizard's header label) is the largest text; headings come below it
    return f"""
    QWidget {{ font-size: {size(1)}; color: {TEXT}; }}
    QWidget:disabled {{ color: {DISABLED}; }}
    QLabel[role="title"], QLabel#page_title {{ font-size: {size(1.6)}; font-weight: bold; }}
    QLabel[role="heading"] {{ font-size: {size(1.15)}; font-weight: bold; }}
    QLabel[role="hint"] {{ color: {MUTED}; }}
    QLabel[role="error"] {{ color: {ERROR}; font-weight: bold; }}
    QLabel[role="notice"] {{ border: 3px solid #174EA6; border-radius: 8px; padding: 8px;
        background: #E8F0FE; color: #174EA6; font-weight: bold; }}
    QLabel[role="verdict"] {{ font-size: {size(1.3)}; font-weight: bold; }}
    QPushButton, QComboBox, QLineEdit {{ min-height: {button_px}px; padding: 2px 12px; }}
    QPushButton {{ background: #F3F6FB; border: 2px solid {FRAME}; border-radius: 8px; }}
    QPushButton:pressed, QPushButton:checked {{ background: {SELECTED};
        border-color: {PRIMARY}; }}
    QPushButton:focus {{ border: 3px solid {PRIMARY}; }}
    QPushButton:disabled {{ color: {DISABLED}; background: #F5F5F5;
        border: 2px dashed #9E9E9E; }}
    QPushButton[role="primary"] {{ background: {PRIMARY}; color: #FFFFFF;
        border-color: {PRIMARY}; font-weight: bold; min-width: 8em; }}
    QPushButton[role="primary"]:focus {{ border: 3px solid {TEXT}; }}
    QPushButton[role="primary"]:disabled {{ background: #F5F5F5; color: {DISABLED};
        border: 2px dashed #9E9E9E; font-weight: normal; }}
    QPushButton[nav="true"] {{ min-height: {nav_px}px; min-width: 6em; }}
    QPushButton[role="datepart"] {{ background: #FFFFFF; min-width: 3.5em; }}
    QPushButton[role="datepart"][empty="true"] {{ color: {MUTED}; }}
    QPushButton[role="choice"]:focus {{ border: 3px dashed {TEXT}; }}
    QPushButton[role="choice"][current="true"] {{ background: {SELECTED};
        border: 3px solid {PRIMARY}; font-weight: bold; }}
    QPushButton[role="danger"] {{ color: {ERROR}; border-color: {ERROR}; }}
    QLineEdit {{ background: #FFFFFF; border: 2px solid {FRAME}; border-radius: 8px;
        placeholder-text-color: {MUTED}; }}
    QLineEdit:focus {{ border: 3px solid {PRIMARY}; }}
    QWidget#step_list {{ min-width: {"8em" if touch else "11em"}; }}
    QWidget#step_list[compact="true"] {{ min-width: 3em; }}
    QRadioButton, QCheckBox {{ min-height: {button_px}px; spacing: 10px; }}
    QRadioButton[role="language"] {{ background: #F3F6FB; border: 2px solid {FRAME};
        border-radius: 8px; padding: 2px 16px; }}
    QRadioButton[role="language"]:checked {{ background: {SELECTED};
        border: 3px solid {PRIMARY}; font-weight: bold; }}
    QRadioButton[role="language"]:focus {{ border: 3px dashed {TEXT}; }}
    QRadioButton::indicator, QCheckBox::indicator {{ width: {pt * 1.5:.0f}px;
        height: {pt * 1.5:.0f}px; }}
    QPushButton[role="step"] {{ text-align: left; border: none; background: transparent;
        min-height: {button_px}px; }}
    QPushButton[role="step"]:disabled {{ color: {MUTED}; }}
    QPushButton[role="step"][current="true"] {{ font-weight: bold; background: {SELECTED}; }}
    QScrollBar:vertical {{ width: {scroll_px}px; background: #EEF1F5; margin: 0; }}
    QScrollBar::handle:vertical {{ background: {FRAME}; min-height: {button_px}px;
        border-radius: {scroll_px // 2 - 2}px; margin: 2px; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
    """ + "".join(
        f"QLabel#{name} {{ color: {text}; background: {background};"
        f" border: {px}px solid {border}; border-radius: 8px; padding: 8px; }}\n"
        for name, (text, background, border, px) in BOXES.items()
    )
