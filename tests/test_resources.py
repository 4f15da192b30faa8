"""resources/ is found from a checkout and from an installed wheel."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from gui.resources import resources_root

ROOT = Path(__file__).resolve().parent.parent


def test_checkout_finds_the_top_level_resources():
    assert resources_root() == ROOT / "resources"


def test_installed_wheel_carries_and_finds_its_resources(tmp_path):
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", wheels, ROOT],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("idguide-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "gui/resources/rules/national.toml" in names
    assert "gui/resources/content/zh_CN/messages.toml" in names
    subprocess.run([*pip, "install", "--no-deps", "--target", site, wheel], check=True)

    probe = (
        "import gui.resources as r, gui.domain as d;"
        "print(r.resources_root());"
        "print(d.load_rules().window_months)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    # -I would also drop PYTHONPATH; -s and a neutral cwd keep the checkout out of sys.path
    result = subprocess.run(
        [sys.executable, "-s", "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    root, months = result.stdout.split()
    assert Path(root) == site / "gui" / "resources"
    assert months == "3"
