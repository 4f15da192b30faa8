"""Content is complete in every language and every claim is sourced and dated."""

import re
from datetime import date

import pytest

from gui.content import LOCALES, load_content
from gui.domain.assess import Case, Status
from gui.domain.rules import TERMS


def keys(node, prefix=""):
    if isinstance(node, dict) and "text" not in node:
        for k, v in node.items():
            yield from keys(v, f"{prefix}.{k}" if prefix else k)
    else:
        yield prefix


def test_every_key_exists_in_every_language():
    key_sets = {loc: set(keys(load_content(loc).files)) for loc in LOCALES}
    reference = key_sets["zh_CN"]
    for loc, found in key_sets.items():
        assert found == reference, (loc, found ^ reference)


@pytest.mark.parametrize("locale", LOCALES)
def test_claims_carry_source_and_checked(locale):
    content = load_content(locale)
    for file in ("materials", "warnings"):
        for key, item in content.files[file].items():
            assert item["source"], (file, key)
            assert isinstance(item["checked"], date), (file, key)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_id_the_engine_emits_has_wording(locale, rules):
    content = load_content(locale)
    materials = {m for c in rules.cases.values() for m in c.materials_home + c.materials_away}
    materials |= set(rules.temporary_id.materials) | {"guardian", "low_income_proof"}
    for m in materials:
        assert content.text(f"materials.{m}")
    for s in Status:
        assert content.text(f"summary.status.{s}")
    for c in Case:
        assert content.text(f"summary.case.{c}")
    for t in TERMS:
        assert content.text(f"summary.term.{t}")


def test_warnings_emitted_by_the_engine_have_wording():
    import inspect

    import gui.domain.assess as engine

    source = inspect.getsource(engine)
    emitted = set(re.findall(r'warnings.append\("(\w+)"\)', source))
    assert emitted
    for locale in LOCALES:
        assert emitted == set(load_content(locale).files["warnings"]), locale
