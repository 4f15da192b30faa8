"""Every package the tests import is one the project declares, so a fresh install runs them.

A test once imported fontTools, which no extra installed: the suite stopped at collection
on every fresh machine while CI, on an already-stocked Python, stayed green. The declared
names are read from the installed metadata of this project, not listed here.
"""

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the tests, and the benchmark and build scripts they run in child processes
CHECKED = sorted(p for part in ("tests", "bench", "scripts") for p in (ROOT / part).glob("*.py"))
LOCAL = {"gui", "tests", "bench", "scripts", "docs"} | {p.stem for p in CHECKED}
# Scripts run by the system's /usr/bin/python3 instead of the venv, with the Debian package
# that provides each import: .ci/run must install those instead of an extra.
SYSTEM_PYTHON = {"tests/system_python/atspi_walk.py": {"pyatspi": "python3-pyatspi"}}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """Distributions named in the dependencies or the `test` extra (extras not counted)."""
    names = set()
    for requirement in metadata.requires("idguide") or []:
        name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group(0)
        marker = requirement.partition(";")[2]
        if "extra ==" not in marker or re.search(r"""extra == ["']test["']""", marker):
            names.add(normalise(name))
    return names


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports, at any depth (lazy imports too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def third_party(modules: set[str]) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m not in LOCAL}


def test_every_third_party_import_of_the_tests_is_declared():
    owners = metadata.packages_distributions()
    allowed = declared()
    undeclared = {}
    for path in CHECKED:
        from_debian = SYSTEM_PYTHON.get(str(path.relative_to(ROOT)), {})
        for module in third_party(imported_modules(path)) - set(from_debian):
            dists = {normalise(d) for d in owners.get(module, [])}
            if not dists & allowed:
                owner = ", ".join(sorted(dists)) or "not installed"
                undeclared.setdefault(str(path.relative_to(ROOT)), []).append(f"{module} ({owner})")
    assert not undeclared, f"imports no extra installs: {undeclared}"


def test_the_system_python_scripts_get_their_debian_packages_from_ci():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for script, packages in SYSTEM_PYTHON.items():
        imported = third_party(imported_modules(ROOT / script))
        assert imported <= set(packages), f"{script} imports {imported - set(packages)}"
        for package in packages.values():
            assert package in ci, f".ci/run does not install {package} for {script}"


def test_the_check_notices_an_undeclared_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import json\nfrom gui import cli\n\ndef f():\n    import fancy_pkg.sub\n")
    assert third_party(imported_modules(probe)) == {"fancy_pkg"}
    assert "fonttools" in declared() and "pytest-qt" in declared()
    assert "hatchling" in declared() and "pyside6-essentials" in declared()
