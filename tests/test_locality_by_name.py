"""Localities by name: `[rules] locality = NAME` for the kiosk and `--locality` for the
window select the dated, sourced rules of resources/rules/localities.toml; numbers typed
into kiosk.ini still work and are reported as unsourced."""

from datetime import date

from gui.cli import main
from gui.domain import Answers, Situation, assess, load_rules
from gui.kiosk.config import SITE_LOCALITY, UNSOURCED, parse

CARD = Answers(
    birth=date(1980, 5, 1),
    start=date(2006, 5, 1),
    end=date(2026, 5, 1),
    situation=Situation.EXPIRY,
    away_from_home=False,
    low_income=False,
    travel_soon=False,
    id_number=None,
    locality=None,
)


def assessed(config):
    rules = config.rules(load_rules())
    answers = Answers(**{**vars(CARD), "locality": config.locality})
    return assess(answers, date(2026, 11, 29), rules), rules


def test_a_named_locality_gives_its_sourced_rules_and_no_problem():
    config, problems = parse({"rules/locality": "shenzhen"})
    assert problems == [] and config.locality == "shenzhen"
    result, rules = assessed(config)
    assert rules.localities["shenzhen"].source.startswith("深圳市公安局")
    # Shenzhen renews an expiring card free for local 户籍
    assert (result.fee_yuan, result.fee_waived_by) == (0, "locality")


def test_an_unknown_locality_is_reported_with_the_known_names():
    config, problems = parse({"rules/locality": "atlantis"})
    assert config.locality is None
    assert len(problems) == 1 and "atlantis" in problems[0] and "shenzhen" in problems[0]


def test_typed_numbers_still_work_and_are_reported_as_unsourced():
    config, problems = parse({"rules/locality": "shenzhen", "rules/window_months": "6"})
    assert config.locality == SITE_LOCALITY
    _, rules = assessed(config)
    site = rules.localities[SITE_LOCALITY]
    assert site.window_months == 6 and site.source == UNSOURCED
    assert site.free_cases_home == rules.localities["shenzhen"].free_cases_home  # kept
    assert len(problems) == 1 and "no source" in problems[0]


def test_the_window_refuses_an_unknown_locality_in_one_line(capsys):
    assert main(["--locality", "atlantis\x1b[2J", "--as-of", "2026-11-29"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "atlantis\\x1b[2J" in err


def test_the_window_takes_a_named_locality(qapp):
    from gui.app import build_wizard

    wizard = build_wizard(qapp, date(2026, 11, 29), "zh_CN", False, "shenzhen")
    try:
        assert wizard.session.locality == "shenzhen"
    finally:
        wizard.deleteLater()
