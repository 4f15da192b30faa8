"""The rules engine: plain typed Python, no Qt.

Pages collect `Answers`, `assess()` turns them into one immutable `Assessment`,
and every page, the PDF and the reminder render that object.
"""

from gui.domain.assess import Assessment, TempIdAdvice, assess
from gui.domain.card import Answers, Situation
from gui.domain.errors import InputError
from gui.domain.rules import RulesError, RulesPack, load_rules

__all__ = [
    "Answers",
    "Assessment",
    "InputError",
    "RulesError",
    "RulesPack",
    "Situation",
    "TempIdAdvice",
    "assess",
    "load_rules",
]
