"""Run every benchmark and write docs/PERFORMANCE.md.

    python bench/run.py [--pairs 15]

Whole-process figures alternate the app (A) and its reference (B) — A B A B … — and
report min / median / max of each and the median of the pair-by-pair ratios A/B, so a
machine that speeds up or slows down during the run does not bias the ratio. Every
process runs offscreen with the same Qt and platform plugin.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DAY = "--as-of=2026-11-29"
ENV = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
FROZEN = ROOT / "dist" / "idguide" / "idguide"


def run_once(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one whole process, from the kernel's accounting."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} exited {status}")
    return wall, usage.ru_maxrss / 1024


def paired(a: list[str], b: list[str], pairs: int) -> dict[str, list[float]]:
    run_once(a)  # warm-up: page cache, font cache
    run_once(b)
    found: dict[str, list[float]] = {"a_wall": [], "b_wall": [], "a_rss": [], "b_rss": []}
    for _ in range(pairs):
        for side, command in (("a", a), ("b", b)):
            wall, rss = run_once(command)
            found[f"{side}_wall"].append(wall)
            found[f"{side}_rss"].append(rss)
    found["wall_ratio"] = [x / y for x, y in zip(found["a_wall"], found["b_wall"], strict=True)]
    found["rss_ratio"] = [x / y for x, y in zip(found["a_rss"], found["b_rss"], strict=True)]
    return found


def spread(values: list[float], unit: str, scale: float = 1.0) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{low * scale:.3g} / **{mid * scale:.3g}** / {high * scale:.3g} {unit}"


def bundle_mib() -> float | None:
    folder = ROOT / "dist" / "idguide"
    if not folder.is_dir():
        return None
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=15)
    pairs = parser.parse_args().pairs
    app = [PY, "-m", "gui", DAY, "--exit-after-show"]
    bare = [PY, "bench/bare_wizard.py", "--exit-after-show"]
    start = paired(app, bare, pairs)
    memory = paired(
        [PY, "bench/export_once.py"],
        [PY, "bench/bare_wizard.py", "--exit-after-show", "--export"],
        pairs,
    )
    frozen = (
        paired([str(FROZEN), DAY, "--exit-after-show"], app, pairs) if FROZEN.exists() else None
    )
    inproc = json.loads(
        subprocess.run(
            [PY, "bench/inprocess.py"],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    reference = json.loads(
        subprocess.run(
            [PY, "bench/bare_wizard.py", "--timings"],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    size = bundle_mib()

    rows = [
        (
            "start → first page painted, ÷ bare QWizard",
            "≤ 1.15×",
            f"{statistics.median(start['wall_ratio']):.2f}×",
            f"app {spread(start['a_wall'], 's')}; bare {spread(start['b_wall'], 's')}",
        ),
        (
            "frozen one-folder start ÷ `python -m gui`",
            "≤ 1.08×",
            f"{statistics.median(frozen['wall_ratio']):.2f}×" if frozen else "not built",
            f"frozen {spread(frozen['a_wall'], 's')}" if frozen else "run scripts/build.py --deb",
        ),
        (
            "after the first paint: longest idle turn building the other pages",
            "≤ 50 ms",
            f"{inproc['idle_longest_turn_ms']:.1f} ms",
            f"all seven pages {inproc['idle_build_ms']:.0f} ms; not in the start-up figure",
        ),
        (
            "checklist PDF render + validate + atomic write, median",
            "≤ 60 ms",
            f"{inproc['export_median_ms']:.1f} ms",
            f"bare 2-page Chinese PDF render {reference['pdf_median_ms']:.1f} ms",
        ),
        (
            "page transition p95 (with content rendering)",
            "≤ 16 ms",
            f"{inproc['transition_p95_ms']:.1f} ms",
            f"median {inproc['transition_median_ms']:.1f} ms; bare next() "
            f"{reference['next_median_ms']:.2f} ms",
        ),
        (
            "kiosk session reset",
            "≤ 50 ms",
            f"{inproc['kiosk_reset_median_ms']:.1f} ms",
            f"max {inproc['kiosk_reset_max_ms']:.1f} ms; bare restart() "
            f"{reference['restart_median_ms']:.2f} ms",
        ),
        (
            "peak RSS after one export ÷ bare wizard + export",
            "≤ 1.2×",
            f"{statistics.median(memory['rss_ratio']):.2f}×",
            f"app {spread(memory['a_rss'], 'MiB')}; bare {spread(memory['b_rss'], 'MiB')}",
        ),
        (
            "bundle size",
            "≤ 130 MB",
            f"{size:.1f} MiB ({size * 2**20 / 1e6:.1f} MB)" if size else "not built",
            "dist/idguide, files only",
        ),
    ]
    table = [
        "| figure | target | measured | min / **median** / max, reference |",
        "|---|---|---|---|",
    ]
    table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    results = "\n".join(table)
    page = ROOT / "docs" / "PERFORMANCE.md"
    template = page.read_text(encoding="utf-8") if page.exists() else "<!-- results -->\n"
    before, _, rest = template.partition("<!-- results -->")
    _, _, after = rest.partition("<!-- /results -->")
    body = (
        f"<!-- results -->\nMeasured {stamp} on this machine ({os.cpu_count()} cores), "
        f"{pairs} alternating pairs per whole-process figure.\n\n{results}\n"
        "<!-- /results -->"
    )
    page.write_text(before + body + after, encoding="utf-8")
    print(results)


if __name__ == "__main__":
    main()
