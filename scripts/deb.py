"""The Debian package dist/idguide_<version>_amd64.deb, made from the portable bundle.

Layout: the bundle in /opt/idguide, /usr/bin/idguide, the desktop entry, hicolor icons and
AppStream metainfo, the kiosk unit (installed, not enabled), /etc/idguide/kiosk.ini (a
conffile: the commented example), and /usr/share/doc/idguide. No maintainer scripts: the
desktop database and the icon cache are refreshed by the dpkg file triggers that
desktop-file-utils (/usr/share/applications) and hicolor-icon-theme declare;
software centres read /usr/share/metainfo themselves.

`Depends:` is worked out from the bundle: every library some bundled ELF file needs and
the bundle does not carry is looked up, in the build root, in the package that ships it.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import debroot

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APPSTREAM_ID = "com.idrenewalguide.idguide"
MAINTAINER = "ID Renewal Guide maintainers <maintainers@users.noreply.r-seed-d3252c2c.example>"
GLIBC_FLOOR = (2, 31)
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def project() -> dict[str, str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def deb_name() -> str:
    return f"idguide_{project()['version']}_amd64.deb"


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _objdump(root: Path, files: list[Path], bundle: Path, inside: str) -> str:
    """`objdump -p` of the bundle's ELF files, run with the build root's binutils."""
    names = [f"{inside}/{p.relative_to(bundle)}" for p in files]
    return debroot.run(root, ["objdump", "-p", *names], capture=True).stdout


def glibc_and_needed(
    root: Path, bundle: Path, inside: str
) -> tuple[dict[str, tuple[int, ...]], set[str]]:
    """Each ELF file's highest GLIBC_ version, and the sonames they need."""
    report = _objdump(root, _elf_files(bundle), bundle, inside)
    highest: dict[str, tuple[int, ...]] = {}
    needed: set[str] = set()
    current = ""
    for line in report.splitlines():
        if m := re.match(rf"^{re.escape(inside)}/(\S+):\s+file format", line):
            current = m.group(1)
            highest[current] = (0,)
        elif m := re.match(r"^\s+NEEDED\s+(\S+)", line):
            needed.add(m.group(1))
        elif m := re.search(r"\sGLIBC_(\d+(?:\.\d+)+)$", line):
            version = tuple(int(n) for n in m.group(1).split("."))
            highest[current] = max(highest[current], version)
    return highest, needed


def depends(root: Path, bundle: Path, needed: set[str], glibc: tuple[int, ...]) -> list[str]:
    carried = {p.name for p in bundle.rglob("*.so*")}
    missing = sorted(needed - carried)
    owners = debroot.run(
        root, ["dpkg", "-S", *(f"*/{name}" for name in missing)], capture=True, check=False
    ).stdout
    found = {Path(line.split(": ", 1)[1]).name for line in owners.splitlines() if ": /" in line}
    if unknown := sorted(set(missing) - found):
        raise RuntimeError(f"no package in the build root ships {unknown}")
    packages = {line.split(":")[0] for line in owners.splitlines() if ": /" in line}
    packages.discard("libc6")
    return [f"libc6 (>= {'.'.join(map(str, glibc))})", *sorted(packages)]


MIT = """Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""

# Run with the build root's venv: the app's dependencies, recursively, and PyInstaller
# (its bootloader is the executable), each with its licence files.
PYTHON_LICENCES = """
import importlib.metadata as m, json, re
from packaging.requirements import Requirement
seen, todo, out = set(), ["idguide", "pyinstaller"], []
while todo:
    name = todo.pop().lower().replace("_", "-")
    if name in seen:
        continue
    seen.add(name)
    dist = m.distribution(name)
    if name != "pyinstaller":
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    files = [f for f in dist.files or [] if re.search(r"(LICEN[CS]E|COPYING)", str(f))]
    out.append({"name": dist.metadata["Name"], "version": dist.version,
                "license": dist.metadata.get("License-Expression")
                or dist.metadata.get("License") or "",
                "texts": {str(f): f.read_text() for f in files}})
print(json.dumps([d for d in out if d["name"] != "idguide"]))
"""


# Full licence texts Debian ships in /usr/share/common-licenses, as some Python packages'
# licence files carry them: replaced by a reference, as Debian policy asks.
COMMON_LICENCES = {
    "GPL-2": re.compile(
        r"^[ \t]*GNU GENERAL PUBLIC LICENSE\s*\n\s*Version 2, June 1991.*?"
        r"END OF TERMS AND CONDITIONS",
        re.M | re.S,
    ),
    "Apache-2.0": re.compile(
        r"^[ \t]*Apache License\s*\n\s*Version 2\.0, January 2004.*?"
        r"END OF TERMS AND CONDITIONS",
        re.M | re.S,
    ),
}


def _refer_to_common_licences(text: str) -> str:
    for name, full_text in COMMON_LICENCES.items():
        text = full_text.sub(f"[the full text is in /usr/share/common-licenses/{name}]", text)
    return text


def _section(title: str, text: str) -> str:
    return f"\n{'=' * 78}\n{title}\n{'=' * 78}\n\n{text.strip()}\n"


def copyright_text(root: Path, bundle: Path) -> str:
    """packaging/copyright.head, then every bundled Python package and Debian library with
    its licence, then the texts, taken from the build root itself so none is missed."""
    import json

    parts = [(PACKAGING / "copyright.head").read_text(encoding="utf-8")]
    packages = json.loads(
        debroot.run(root, ["/opt/venv/bin/python", "-c", PYTHON_LICENCES], capture=True).stdout
    )
    parts.append("\nPython packages in the bundle (their licence files follow)\n")
    parts += [
        f"  {p['name']} {p['version']}: {(p['license'] or 'see below').splitlines()[0]}\n"
        for p in packages
    ]
    system = sorted(
        p.name for p in (bundle / "_internal").iterdir() if ".so" in p.name and p.is_file()
    )
    found = debroot.run(
        root, ["dpkg", "-S", *(f"*/{name}" for name in system)], capture=True, check=False
    ).stdout
    owners: dict[str, set[str]] = {}
    for line in found.splitlines():
        package, path = line.split(": ", 1)
        owners.setdefault(package.split(":")[0], set()).add(Path(path).name)
    parts.append(
        "\nLibraries copied from Debian 11 (bullseye) packages, under each package's own\n"
        "licence; each package's copyright file follows in full\n"
    )
    for package, names in sorted(owners.items()):
        version = debroot.run(
            root, ["dpkg-query", "-W", "-f=${Version}", package], capture=True
        ).stdout
        parts.append(f"  {package} {version}: {', '.join(sorted(names & set(system)))}\n")
    parts.append(
        _section(
            "MIT licence (the app)", "Copyright (c) 2026 the ID Renewal Guide developers\n\n" + MIT
        )
    )
    parts.append(
        _section(
            "SIL Open Font License 1.1 (the fonts)",
            (ROOT / "resources/fonts/OFL.txt").read_text(encoding="utf-8"),
        )
    )
    parts.append(
        _section(
            "Python Software Foundation License (CPython 3.11)",
            (root / "opt/python3.11/lib/python3.11/LICENSE.txt").read_text(),
        )
    )
    for p in packages:
        for name, text in p["texts"].items():
            title = f"{p['name']} {p['version']}: {name}"
            parts.append(_section(title, _refer_to_common_licences(text)))
    # several packages of one source (krb5, for one) share one copyright file: print it once
    texts: dict[str, list[str]] = {}
    for package in sorted(owners):
        text = (root / f"usr/share/doc/{package}/copyright").read_text(errors="replace")
        texts.setdefault(text, []).append(package)
    for text, names in texts.items():
        parts.append(_section(f"Debian packages {', '.join(names)}: the copyright file", text))
    return "".join(parts)


def _gzip(data: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(data)


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def changelog(version: str) -> str:
    date = email.utils.format_datetime(
        email.utils.parsedate_to_datetime("Thu, 03 Dec 2026 10:00:00 +0000")
    )
    return (
        f"idguide ({version}) unstable; urgency=medium\n\n"
        "  * First Debian package: the portable bundle frozen on Debian 11 (glibc 2.31),\n"
        "    with a desktop entry, AppStream metainfo and the kiosk systemd unit.\n\n"
        f" -- {MAINTAINER}  {date}\n"
    )


def build(bundle: Path, dist: Path, root: Path, inside: str) -> Path:
    """Write dist/idguide_<version>_amd64.deb from `bundle` (at `inside` in `root`)."""
    meta = project()
    version = meta["version"]
    highest, needed = glibc_and_needed(root, bundle, inside)
    floor = max(highest.values())
    too_new = sorted(name for name, v in highest.items() if v > GLIBC_FLOOR)
    if too_new:
        raise RuntimeError(f"these need glibc newer than 2.31: {too_new}")
    tree = dist / "deb-tree"
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(bundle, tree / "opt/idguide", symlinks=True)
    (tree / "usr/bin").mkdir(parents=True)
    (tree / "usr/bin/idguide").symlink_to("/opt/idguide/idguide")
    resources = ROOT / "resources"
    _install(resources / "desktop/idguide.desktop", tree / "usr/share/applications/idguide.desktop")
    for size in ICON_SIZES:
        _install(
            resources / f"icons/idguide-{size}.png",
            tree / f"usr/share/icons/hicolor/{size}x{size}/apps/idguide.png",
        )
    _install(
        resources / "icons/idguide.svg", tree / "usr/share/icons/hicolor/scalable/apps/idguide.svg"
    )
    _install(
        resources / f"desktop/{APPSTREAM_ID}.metainfo.xml",
        tree / f"usr/share/metainfo/{APPSTREAM_ID}.metainfo.xml",
    )
    _install(PACKAGING / "idguide-kiosk.service", tree / "lib/systemd/system/idguide-kiosk.service")
    _install(resources / "kiosk.example.ini", tree / "etc/idguide/kiosk.ini")
    doc = tree / "usr/share/doc/idguide"
    doc.mkdir(parents=True, exist_ok=True)
    (doc / "copyright").write_text(copyright_text(root, bundle), encoding="utf-8")
    _gzip(changelog(version).encode(), doc / "changelog.gz")
    for name in ("install.md", "kiosk.md"):
        _install(ROOT / "docs" / name, doc / name)
    _gzip((PACKAGING / "idguide.1").read_bytes(), tree / "usr/share/man/man1/idguide.1.gz")
    control = tree / "DEBIAN"
    control.mkdir()
    (control / "conffiles").write_text("/etc/idguide/kiosk.ini\n")
    files = [p for p in tree.rglob("*") if p.is_file() and not p.is_symlink()]
    size_kib = sum(p.stat().st_size for p in files) // 1024
    (control / "control").write_text(
        f"Package: idguide\nVersion: {version}\nArchitecture: amd64\n"
        f"Maintainer: {MAINTAINER}\nInstalled-Size: {size_kib}\n"
        f"Depends: {', '.join(depends(root, bundle, needed, floor))}\n"
        "Section: utils\nPriority: optional\n"
        "Description: guided helper for renewing a Chinese resident ID card\n"
        " People in mainland China whose resident ID card has expired, or soon will,\n"
        " may find Alipay restricting payments until they renew the card. This app\n"
        " walks them through it one question at a time and prints a checklist of what\n"
        " to bring. It runs offline and stores nothing the user types; a kiosk mode\n"
        " (systemd unit idguide-kiosk, not enabled) serves unattended counters.\n"
    )
    sums = []
    for path in sorted(tree.rglob("*")):
        if path.is_file() and not path.is_symlink() and control not in path.parents:
            digest = hashlib.md5(path.read_bytes()).hexdigest()  # dpkg's format, not security
            sums.append(f"{digest}  {path.relative_to(tree)}\n")
    (control / "md5sums").write_text("".join(sums))
    # only the bootloader runs; libraries and plugins are loaded, not executed
    for path in tree.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path == tree / "opt/idguide/idguide" else 0o644)
    for old in dist.glob("idguide_*.deb"):
        old.unlink()
    target = dist / deb_name()
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(tree), str(target)], check=True
    )
    shutil.rmtree(tree)
    print(
        f"package: {target}  {target.stat().st_size / 2**20:.1f} MiB, glibc floor "
        f"{'.'.join(map(str, floor))}"
    )
    return target
