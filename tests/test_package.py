"""The Debian package, from a clean checkout to a purge on a bare Debian 11.

The README's package command (`python3 scripts/build.py --deb`) freezes the app inside a
cached Debian 11 root (glibc 2.31), runs the frozen self-test and a checklist export there
with no system fonts, and writes dist/idguide_<version>_amd64.deb. These tests then read
every ELF file's glibc symbol versions, install the package with apt into a fresh Debian 11
root, run it there, purge it, and put its metadata through the Debian tools.

Needs root (debootstrap, chroot, mount), the Debian archive and PyPI. From a cold cache
(no build root) 3 minutes on two idle cores, up to 9 on a busy machine; with the cache
about 1.5.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.elf_floor import glibc_needs, too_new

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import debroot  # noqa: E402

GLIBC_FLOOR = (2, 31)
TOOLS = {
    "debootstrap": "debootstrap",
    "dpkg-deb": "dpkg",
    "lintian": "lintian",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
}


def _require_tools() -> None:
    missing = [
        f"{tool} (Debian package {pkg})"
        for tool, pkg in TOOLS.items()
        if shutil.which(tool) is None
    ]
    reason = ""
    if os.geteuid() != 0:
        reason = "the package build needs root (debootstrap, chroot, mount)"
    elif missing:
        reason = "not installed: " + ", ".join(missing)
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def package_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- package-command -->\n```sh\n(.*?)\n```", readme, re.S)
    assert block, "README.md has no package command"
    return block.group(1)


@pytest.fixture(scope="module")
def deb() -> Path:
    _require_tools()
    for old in (ROOT / "dist").glob("idguide_*.deb"):
        old.unlink()
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", package_command()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3000,
        check=False,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-4000:]
    # the frozen checks scripts/build.py ran inside the Debian 11 build root
    assert "frozen self-test with no system fonts" in result.stdout
    assert "self-test passed" in result.stdout
    assert "ok    frozen checklist export" in result.stdout
    assert "budget 130 MB" in result.stdout
    debs = list((ROOT / "dist").glob("idguide_*.deb"))
    assert [d.name for d in debs] == ["idguide_0.1.0_amd64.deb"]
    return debs[0]


@pytest.fixture(scope="module")
def contents(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
    return tree


def test_every_elf_file_needs_glibc_2_31_or_older(contents: Path):
    elves = list((contents / "opt/idguide").rglob("*.so*"))
    assert len(elves) > 50  # the bundle really was read (Qt, Python, the xcb set)
    assert too_new(contents, GLIBC_FLOOR) == {}
    assert glibc_needs(contents / "opt/idguide/idguide") > (2, 0)


def test_the_floor_check_names_a_file_that_needs_a_newer_glibc(contents: Path, tmp_path):
    # this machine's Python was linked against its own, newer glibc (Debian 12: 2.36)
    newer = Path(os.path.realpath(sys.executable))
    if glibc_needs(newer) <= GLIBC_FLOOR:
        pytest.skip(f"{newer} needs no glibc newer than 2.31 on this machine")
    shutil.copytree(contents / "opt/idguide", tmp_path / "idguide", symlinks=True)
    shutil.copy(newer, tmp_path / "idguide/_internal/slipped-in")
    found = too_new(tmp_path, GLIBC_FLOOR)
    assert list(found) == ["idguide/_internal/slipped-in"]
    assert found["idguide/_internal/slipped-in"] == ".".join(map(str, glibc_needs(newer)))


def test_layout_and_metadata(deb: Path, contents: Path):
    control = subprocess.run(
        ["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    depends = re.search(r"^Depends: (.*)$", control, re.M).group(1).split(", ")
    assert "libc6 (>= 2.30)" in depends or "libc6 (>= 2.31)" in depends
    # what PyInstaller and build.spec leave to the system: GL/EGL, fontconfig, FreeType, xcb
    assert {"libgl1", "libegl1", "libfontconfig1", "libfreetype6", "libxcb1"} <= set(depends)
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./usr/bin/idguide -> /opt/idguide/idguide" in listing
    conffiles = subprocess.run(
        ["dpkg-deb", "--info", str(deb), "conffiles"], capture_output=True, text=True, check=True
    ).stdout
    assert conffiles.split() == ["/etc/idguide/kiosk.ini"]
    scripts = subprocess.run(
        ["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert not re.search(r"\b(pre|post)(inst|rm)\b", scripts)  # no maintainer scripts
    assert (contents / "etc/idguide/kiosk.ini").read_bytes() == (
        ROOT / "resources/kiosk.example.ini"
    ).read_bytes()
    for size in (16, 32, 48, 64, 128, 256):
        assert (contents / f"usr/share/icons/hicolor/{size}x{size}/apps/idguide.png").is_file()
    files = [p for p in (contents / "opt/idguide").rglob("*") if not p.is_symlink()]
    bundle = sum(p.stat().st_size for p in files if p.is_file())
    assert bundle <= 130 * 10**6
    assert deb.stat().st_size < bundle


def test_desktop_entry_and_metainfo_pass_their_validators(contents: Path):
    desktop = contents / "usr/share/applications/idguide.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    metainfo = contents / "usr/share/metainfo/com.idrenewalguide.idguide.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def kept_lintian_tags() -> set[str]:
    """The tags docs/install.md keeps, each with its reason: the table's first column."""
    text = (ROOT / "docs/install.md").read_text(encoding="utf-8")
    section = text.split("### Lintian tags kept", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))


def test_lintian_finds_nothing_but_the_documented_tags(deb: Path):
    result = subprocess.run(
        ["lintian", "--no-tag-display-limit", str(deb)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    tags = set(re.findall(r"^[EWIXP]: idguide(?: \w+)?: ([a-z0-9-]+)", result.stdout, re.M))
    kept = kept_lintian_tags()
    assert kept  # the table was found
    assert tags - kept == set(), result.stdout[-4000:]
    assert kept - tags == set(), "docs/install.md keeps tags lintian no longer reports"


SKIPPED = {
    "proc",
    "sys",
    "dev",
    "run",
    "tmp",
    "root",
    "var/cache",
    "var/lib/apt",
    "var/lib/dpkg",
    "var/log",
}


def _tree(root: Path) -> set[str]:
    """Every path in `root` outside the mounts and the apt/dpkg bookkeeping."""
    found = set()
    for folder, subfolders, files in os.walk(root):
        here = os.path.relpath(folder, root)
        subfolders[:] = [s for s in subfolders if os.path.normpath(f"{here}/{s}") not in SKIPPED]
        found.update(os.path.normpath(f"{here}/{name}") for name in subfolders + files)
    return found


def test_installs_runs_and_purges_on_a_bare_debian_11(deb: Path):
    with debroot.cache_locked():
        installs_runs_and_purges(deb)


def installs_runs_and_purges(deb: Path) -> None:
    target = debroot.fresh_copy(debroot.CACHE / "bullseye-test")
    try:
        shutil.copy(deb, target / "tmp" / deb.name)
        # everything Depends pulls in, so the purge can be compared with the same system
        # systemd only for its `systemd-analyze verify`, as Debian 11 has it
        debroot.apt_install(target, [f"/tmp/{deb.name}", "systemd"])
        # Debian 11's systemd-analyze names the unit in what it finds wrong (it may also
        # grumble about the container it runs in, which is not the unit's fault)
        unit = "/lib/systemd/system/idguide-kiosk.service"
        verify = debroot.run(target, ["systemd-analyze", "verify", unit], capture=True, check=False)
        assert verify.returncode == 0 and "idguide-kiosk" not in verify.stderr, verify.stderr
        # the control: the same unit with a program that is not there is refused, by name
        broken = (
            (target / unit.lstrip("/"))
            .read_text()
            .replace("ExecStart=/opt/idguide/idguide", "ExecStart=/opt/idguide/missing")
        )
        (target / "tmp/idguide-kiosk.service").write_text(broken)
        refused = debroot.run(
            target,
            ["systemd-analyze", "verify", "/tmp/idguide-kiosk.service"],
            capture=True,
            check=False,
        )
        assert refused.returncode != 0 and "idguide-kiosk" in refused.stderr
        files = debroot.run(target, ["dpkg", "-L", "idguide"], capture=True).stdout.split()
        installed = _tree(target)
        env = {"QT_QPA_PLATFORM": "offscreen"}
        test = debroot.run(
            target, ["idguide", "--self-test"], env=env, capture=True, check=False, timeout=300
        )
        assert test.returncode == 0, test.stdout + test.stderr
        assert test.stdout.splitlines()[-1] == "self-test passed"
        export = debroot.run(
            target,
            [
                "idguide",
                "checklist",
                "--birth",
                "1980-05-01",
                "--start",
                "2006-05-01",
                "--end",
                "2026-05-01",
                "--as-of",
                "2026-11-29",
                "--lang",
                "en",
                "--out",
                "/tmp/checklist.pdf",
            ],
            env=env,
            capture=True,
            check=False,
            timeout=300,
        )
        assert export.returncode == 0, export.stdout + export.stderr
        pdf = PdfReader(target / "tmp/checklist.pdf")
        text = "".join(page.extract_text() for page in pdf.pages)
        assert 1 <= len(pdf.pages) <= 3
        assert "2026" in text and "checklist" in text.lower(), text[:500]
        debroot.run(target, ["dpkg", "--purge", "idguide"])
        inside = [target / f.lstrip("/") for f in files]
        left = [p for p in inside if os.path.lexists(p) and not p.is_dir()]
        assert left == []
        for folder in ("opt/idguide", "etc/idguide", "usr/share/doc/idguide"):
            assert not (target / folder).exists()
        # nothing new anywhere else either, apart from what running the app wrote in /root
        # and the .uuid files fontconfig (Debian 11's, as root) puts in font folders
        after = {name for name in _tree(target) if not name.endswith("/.uuid")}
        assert after <= installed
    finally:
        debroot.remove(target)
