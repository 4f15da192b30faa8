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
}
TEXT = "#1F1F1F"
MUTED = "#4A4A4A"
ERROR = "#B3261E"
LINK = "#0B57D0"


def stylesheet(large: bool) -> str:
    pt = NORMAL_PT * (LARGE_SCALE if large else 1)
    button_px = 52 if large else 36

    def size(scale: float) -> str:
        return f"{pt * scale:.0f}pt"

    return f"""
    QWidget {{ font-size: {size(1)}; color: {TEXT}; }}
    QLabel[role="title"] {{ font-size: {size(1.5)}; font-weight: bold; }}
    QLabel[role="heading"] {{ font-size: {size(1.2)}; font-weight: bold; }}
    QLabel[role="hint"] {{ color: {MUTED}; }}
    QLabel[role="error"] {{ color: {ERROR}; font-weight: bold; }}
    QPushButton, QComboBox, QLineEdit {{ min-height: {button_px}px; padding: 2px 10px; }}
    QWidget#step_list {{ min-width: 11em; }}
    QComboBox#year {{ min-width: 4.5em; }}
    QComboBox#month, QComboBox#day {{ min-width: 2.5em; }}
    QRadioButton, QCheckBox {{ min-height: {button_px}px; spacing: 10px; }}
    QRadioButton::indicator, QCheckBox::indicator {{ width: {pt * 1.5:.0f}px;
        height: {pt * 1.5:.0f}px; }}
    QPushButton[role="link"] {{ color: {LINK}; text-decoration: underline; border: none;
        background: transparent; }}
    QPushButton[role="step"] {{ text-align: left; border: none; background: transparent; }}
    QPushButton[role="step"]:disabled {{ color: {MUTED}; }}
    QPushButton[current="true"] {{ font-weight: bold; background: #E8F0FE; }}
    """
