"""Endurance: thousands of complete kiosk sessions in one process, watched for leaks.

    python bench/soak.py                      # 10,000 sessions after a 100-session warm-up
    python bench/soak.py --sessions 500 --json
    python bench/soak.py --write-docs        # the summary into docs/PERFORMANCE.md
    python bench/soak.py --sessions 200 --leak-kib 100 --json   # proves the judge trips

Each session fills the card, answers the situation, walks to the summary, exports the
checklist PDF to memory and resets. After the warm-up and then every `--every` sessions it
records the resident memory, the live Qt wrapper count, the top-level widget count and
sys.getrefcount(None), and reports the growth and the trend.

`judge()` decides whether memory grew. Each sample first hands free heap memory back to
the system (malloc_trim): without it resident memory jumped 1.7 MiB between samples as
glibc kept or returned a session's freed pages, and a 90-session run measured an injected
100 KiB per session as 86. Resident memory also jitters on a loaded machine: a
least-squares slope over the second half swung from -1.9 to +3.4 MiB per 1,000 sessions
on an idle leak-free run. The judge compares the median of the last third of the samples
with the median of the first third instead, per session between them: outliers move a
median little, and a real leak adds up over hundreds of sessions. `--leak-kib` injects a
deliberate leak to show that it trips.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import sys
from datetime import date
from pathlib import Path
from statistics import median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shiboken6  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.sessions import run_kiosk_session  # noqa: E402
from gui.kiosk.app import build_kiosk  # noqa: E402
from gui.kiosk.config import parse  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
# A leak-free run measures within about 5 KiB per session of zero; a leak of 100 KiB per
# session (the smallest the tests inject) measures about 100.
TREND_LIMIT_KIB = 25.0
GROWTH_LIMIT_MIB = 10.0
LEAKED: list[bytes] = []  # only --leak-kib fills this
LIBC = ctypes.CDLL(None)


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:  # Linux: resident pages are the second field
        return int(statm.read().split()[1]) * PAGE / 2**20


def sample(app: QApplication, done: int) -> dict[str, float]:
    gc.collect()
    app.processEvents()
    LIBC.malloc_trim(0)  # glibc: measure what is held, not what the allocator kept
    return {
        "sessions": done,
        "rss_mib": rss_mib(),
        "wrappers": len(shiboken6.Shiboken.getAllValidWrappers()),
        "top_level": len(app.topLevelWidgets()),
        "none_refs": sys.getrefcount(None),
    }


def trend_kib_per_session(samples: list[dict[str, float]]) -> float:
    """Median RSS of the last third minus that of the first third, per session between."""
    third = max(1, len(samples) // 3)
    first, last = samples[:third], samples[-third:]
    rise = median(s["rss_mib"] for s in last) - median(s["rss_mib"] for s in first)
    span = median(s["sessions"] for s in last) - median(s["sessions"] for s in first)
    return rise * 1024 / span if span else 0.0


def judge(result: dict[str, object]) -> list[str]:
    """What grew: empty when the run left no trace."""
    problems = []
    trend, growth = result["rss_trend_kib_per_session"], result["rss_growth_mib"]
    assert isinstance(trend, float) and isinstance(growth, float)
    if trend > TREND_LIMIT_KIB:
        problems.append(
            f"resident memory rises {trend:.1f} KiB per session (limit {TREND_LIMIT_KIB})"
        )
    if growth > GROWTH_LIMIT_MIB:
        problems.append(f"resident memory grew {growth:.1f} MiB (limit {GROWTH_LIMIT_MIB})")
    for key, name in (("wrappers", "live Qt wrappers"), ("top_level", "top-level widgets")):
        before, after = result[key]  # type: ignore[misc]
        if after != before:
            problems.append(f"{name} went from {before} to {after}")
    # PySide6 6.12.0 on CPython 3.11 lost a reference to None per call until the
    # interpreter aborted: the count must never fall (it rises a little, harmlessly)
    before, after = result["none_refs"]  # type: ignore[misc]
    if after < before:
        problems.append(f"references to None fell from {before} to {after}")
    return problems


def soak(sessions: int, warmup: int, every: int, leak_kib: int = 0) -> dict[str, object]:
    app = QApplication([])
    config, problems = parse({"kiosk/printer": "NoSuchPrinter-xyz"})
    kiosk = build_kiosk(app, config, problems, date(2026, 11, 29))
    kiosk.watch.timer.stop()  # sessions are driven here, not by the clock
    kiosk.resize(1920, 1080)
    kiosk.show()
    for number in range(warmup):
        run_kiosk_session(kiosk, app, number)
        kiosk.start_again()
    samples = [sample(app, 0)]
    for number in range(1, sessions + 1):
        run_kiosk_session(kiosk, app, number)
        kiosk.start_again()
        if leak_kib:
            LEAKED.append(b"\x01" * (leak_kib * 1024))  # touched, so resident
        if number % every == 0 or number == sessions:
            samples.append(sample(app, number))
    kiosk.leave()
    first, last = samples[0], samples[-1]
    return {
        "sessions": sessions,
        "warmup": warmup,
        "rss_growth_mib": last["rss_mib"] - first["rss_mib"],
        "rss_trend_kib_per_session": trend_kib_per_session(samples),
        "wrappers": [first["wrappers"], last["wrappers"]],
        "top_level": [first["top_level"], last["top_level"]],
        "none_refs": [first["none_refs"], last["none_refs"]],
        "samples": samples,
    }


def write_docs(result: dict[str, object]) -> None:
    samples = result["samples"]
    assert isinstance(samples, list)
    table = [
        "| sessions after warm-up | RSS MiB | live Qt wrappers | top-level widgets | "
        "refs to None |",
        "|---|---|---|---|---|",
    ]
    step = max(1, len(samples) // 8)
    for s in samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else []):
        table.append(
            f"| {s['sessions']} | {s['rss_mib']:.1f} | {s['wrappers']} | "
            f"{s['top_level']} | {s['none_refs']} |"
        )
    summary = (
        f"{result['sessions']} sessions after a {result['warmup']}-session warm-up: "
        f"RSS growth **{result['rss_growth_mib']:.2f} MiB**, trend (median of the "
        f"last third of the samples against the first third) "
        f"**{result['rss_trend_kib_per_session']:.2f} KiB per session**, "
        f"wrappers {result['wrappers'][0]} → {result['wrappers'][1]}, "
        f"top-level widgets {result['top_level'][0]} → {result['top_level'][1]}."
    )
    page = ROOT / "docs" / "PERFORMANCE.md"
    text = page.read_text(encoding="utf-8")
    before, _, rest = text.partition("<!-- soak -->")
    _, _, after = rest.partition("<!-- /soak -->")
    block = "<!-- soak -->\n" + summary + "\n\n" + "\n".join(table) + "\n<!-- /soak -->"
    page.write_text(before + block + after, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--every", type=int, default=250)
    parser.add_argument(
        "--leak-kib",
        type=int,
        default=0,
        help="leak this many KiB per session on purpose (tests the judge)",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--write-docs", action="store_true", help="put the summary into docs/PERFORMANCE.md"
    )
    args = parser.parse_args()
    result = soak(args.sessions, args.warmup, min(args.every, args.sessions), args.leak_kib)
    result["problems"] = judge(result)
    if args.json:
        print(json.dumps(result))
        return
    if args.write_docs:
        write_docs(result)
    for key, value in result.items():
        if key != "samples":
            print(f"{key}: {value}")


if __name__ == "__main__":
    main()
