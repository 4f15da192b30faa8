"""Load and validate the dated rules pack under resources/rules/."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

RULES_FILE = "national.toml"
LOCALITIES_FILE = "localities.toml"
CASE_IDS = ("expiry", "under16", "first_generation", "damaged", "lost", "renamed")
TERMS = ("5y", "10y", "20y", "long_term")


class RulesError(Exception):
    """The rules pack is missing, malformed or inconsistent; names the file and key."""


@dataclass(frozen=True)
class Band:
    min_age: int
    term: str
    years: int | None  # None: 长期


@dataclass(frozen=True)
class CaseRule:
    fee_yuan: int
    low_income_exempt: bool
    materials_home: tuple[str, ...]
    materials_away: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class TempIdRule:
    fee_yuan: int
    valid_months: int
    issue_days: int
    materials: tuple[str, ...]
    away_unsure: bool


@dataclass(frozen=True)
class LowIncomeRule:
    """Where the 低保 / hardship waiver is not known to apply: the office decides."""

    ask_cases: tuple[str, ...]
    ask_away: bool
    source: str


@dataclass(frozen=True)
class Locality:
    window_months: int | None
    free_cases_home: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class RulesPack:
    checked: date
    bands: tuple[Band, ...]
    window_months: int
    issue_max_days: int
    issue_extra_days: int  # more days remote areas may take
    reminder_days: int
    minor_age: int  # under this age a guardian applies with the holder
    first_generation_before: date  # a card started before this is a first-generation one
    first_generation_void_from: date  # ... and has been void since this day
    cases: Mapping[str, CaseRule]
    temporary_id: TempIdRule
    low_income: LowIncomeRule
    localities: Mapping[str, Locality] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)  # table name -> its source

    def term_years(self, term: str) -> int | None:
        """The years of a term id ("10y" -> 10; None for 长期), as the bands say."""
        return next(b.years for b in self.bands if b.term == term)

    def band_for(self, age: int) -> Band:
        """The 第五条 band for an age (bands are ascending from 0)."""
        return [b for b in self.bands if b.min_age <= age][-1]

    def with_locality(self, name: str | None) -> RulesPack:
        """The pack with a locality's window applied (unknown names raise RulesError)."""
        if name is None:
            return self
        if name not in self.localities:
            raise RulesError(f"{LOCALITIES_FILE}: no locality named {name!r}")
        locality = self.localities[name]
        return replace(self, window_months=locality.window_months or self.window_months)


class _Reader:
    """Typed access to one TOML file that names the file and key in every error."""

    def __init__(self, path: Path) -> None:
        self.name = path.name
        try:
            self.data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise RulesError(f"{path}: rules file not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RulesError(f"{self.name}: not valid TOML: {exc}") from None

    def get(self, table: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
        if key not in table:
            raise RulesError(f"{self.name}: {where}.{key}: missing")
        value = table[key]
        # bool is an int subclass; a number field must not accept true/false
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise RulesError(f"{self.name}: {where}.{key}: expected {kind.__name__}")
        return value

    def table(self, parent: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        where_key = f"{where}.{key}" if where else key
        value: Mapping[str, Any] = self.get(parent, key, dict, where or self.name)
        self.get(value, "source", str, where_key)
        self.get(value, "checked", date, where_key)
        return value

    def strings(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self.get(table, key, list, where)
        if not all(isinstance(v, str) and v for v in values):
            raise RulesError(f"{self.name}: {where}.{key}: expected a list of ids")
        return tuple(values)

    def count(self, table: Mapping[str, Any], key: str, where: str, lo: int, hi: int) -> int:
        value: int = self.get(table, key, int, where)
        if not lo <= value <= hi:
            raise RulesError(f"{self.name}: {where}.{key}: {value} is outside {lo}..{hi}")
        return value


def _bands(r: _Reader, validity: Mapping[str, Any]) -> tuple[Band, ...]:
    raw = r.get(validity, "bands", list, "validity")
    bands = []
    for i, item in enumerate(raw):
        where = f"validity.bands[{i}]"
        if not isinstance(item, dict):
            raise RulesError(f"{r.name}: {where}: expected a table")
        term = r.get(item, "term", str, where)
        if term not in TERMS:
            raise RulesError(f"{r.name}: {where}.term: {term!r} is not one of {TERMS}")
        years = None if term == "long_term" else r.count(item, "years", where, 1, 50)
        bands.append(Band(r.count(item, "min_age", where, 0, 150), term, years))
    ages = [b.min_age for b in bands]
    if not bands or ages[0] != 0 or ages != sorted(set(ages)):
        raise RulesError(f"{r.name}: validity.bands: min_age must start at 0 and rise")
    return tuple(bands)


def _case(r: _Reader, cases: Mapping[str, Any], case_id: str) -> CaseRule:
    t = r.table(cases, case_id, "cases")
    where = f"cases.{case_id}"
    return CaseRule(
        fee_yuan=r.count(t, "fee_yuan", where, 0, 1000),
        low_income_exempt=r.get(t, "low_income_exempt", bool, where),
        materials_home=r.strings(t, "materials_home", where),
        materials_away=r.strings(t, "materials_away", where),
        source=t["source"],
    )


def _localities(path: Path) -> dict[str, Locality]:
    if not path.exists():
        return {}
    r = _Reader(path)
    found = {}
    for name in r.data:
        t = r.table(r.data, name, "")
        months = r.count(t, "window_months", name, 1, 12) if "window_months" in t else None
        free = r.strings(t, "free_cases_home", name) if "free_cases_home" in t else ()
        unknown = set(free) - set(CASE_IDS)
        if unknown:
            raise RulesError(f"{r.name}: {name}.free_cases_home: unknown case {sorted(unknown)}")
        found[name] = Locality(months, free, t["source"])
    return found


def load_rules(directory: Path | None = None) -> RulesPack:
    """Read national.toml (and localities.toml if present) and check every key."""
    if directory is None:
        from gui.resources import resource_path

        directory = resource_path("rules")
    r = _Reader(directory / RULES_FILE)
    pack = r.table(r.data, "pack", "")
    validity = r.table(r.data, "validity", "")
    window = r.table(r.data, "window", "")
    issue = r.table(r.data, "issue", "")
    reminder = r.table(r.data, "payment_reminder", "")
    minor = r.table(r.data, "minor", "")
    low_income = r.table(r.data, "low_income", "")
    cases = r.get(r.data, "cases", dict, RULES_FILE)
    temp = r.table(r.data, "temporary_id", "")
    first_generation = r.table(r.data, "first_generation", "")
    case_rules = {c: _case(r, cases, c) for c in CASE_IDS}
    ask_cases = r.strings(low_income, "ask_cases", "low_income")
    unknown = set(ask_cases) - set(CASE_IDS)
    if unknown:
        raise RulesError(f"{r.name}: low_income.ask_cases: unknown case {sorted(unknown)}")
    return RulesPack(
        checked=pack["checked"],
        bands=_bands(r, validity),
        window_months=r.count(window, "months", "window", 1, 12),
        issue_max_days=r.count(issue, "max_days", "issue", 1, 365),
        issue_extra_days=r.count(issue, "remote_extra_days", "issue", 0, 365),
        reminder_days=r.count(reminder, "days_before", "payment_reminder", 1, 365),
        minor_age=r.count(minor, "under_age", "minor", 1, 18),
        first_generation_before=r.get(first_generation, "issued_before", date, "first_generation"),
        first_generation_void_from=r.get(first_generation, "void_from", date, "first_generation"),
        cases=case_rules,
        low_income=LowIncomeRule(
            ask_cases, r.get(low_income, "ask_away", bool, "low_income"), low_income["source"]
        ),
        temporary_id=TempIdRule(
            fee_yuan=r.count(temp, "fee_yuan", "temporary_id", 0, 1000),
            valid_months=r.count(temp, "valid_months", "temporary_id", 1, 24),
            issue_days=r.count(temp, "issue_days", "temporary_id", 1, 60),
            materials=r.strings(temp, "materials", "temporary_id"),
            away_unsure=r.get(temp, "away_unsure", bool, "temporary_id"),
        ),
        localities=_localities(directory / LOCALITIES_FILE),
        sources={
            "validity": validity["source"],
            "window": window["source"],
            "issue": issue["source"],
            "payment_reminder": reminder["source"],
            "minor": minor["source"],
            "temporary_id": temp["source"],
            "first_generation": first_generation["source"],
        },
    )
