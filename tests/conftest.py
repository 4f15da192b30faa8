"""Suite-wide set-up: Qt runs offscreen, whatever the caller's environment says."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from datetime import date

import pytest

from gui.domain import RulesPack, load_rules


@pytest.fixture(scope="session")
def rules() -> RulesPack:
    return load_rules()


def d(text: str) -> date:
    return date.fromisoformat(text)
