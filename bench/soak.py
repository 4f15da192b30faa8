"""Endurance: thousands of complete kiosk sessions in one process, watched for leaks.

    python bench/soak.py                      # 10,000 sessions after a 100-session warm-up
    python bench/soak.py --sessions 500 --json
    python bench/soak.py --write-docs        # the summary into docs/PERFORMANCE.md

Each session fills the card, answers the situation, walks to the summary, exports the
checklist PDF to memory and resets. After the warm-up and then every `--every` sessions it
records the resident memory, the live Qt wrapper count, the top-level widget count and
sys.getrefcount(None), and reports growth and the trend over the second half.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import shiboken6  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.sessions import run_kiosk_session  # noqa: E402
from gui.kiosk.app import build_kiosk  # noqa: E402
from gui.kiosk.config import parse  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:  # Linux: resident pages are the second field
        return int(statm.read().split()[1]) * PAGE / 2**20


def sample(app: QApplication, done: int) -> dict[str, float]:
    gc.collect()
    app.processEvents()
    return {"sessions": done, "rss_mib": rss_mib(),
            "wrappers": len(shiboken6.Shiboken.getAllValidWrappers()),
            "top_level": len(app.topLevelWidgets()), "none_refs": sys.getrefcount(None)}


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / var if var else 0.0


def soak(sessions: int, warmup: int, every: int) -> dict[str, object]:
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
        if number % every == 0 or number == sessions:
            samples.append(sample(app, number))
    kiosk.leave()
    first, last = samples[0], samples[-1]
    second_half = [(s["sessions"], s["rss_mib"]) for s in samples
                   if s["sessions"] >= sessions / 2]
    return {
        "sessions": sessions, "warmup": warmup,
        "rss_growth_mib": last["rss_mib"] - first["rss_mib"],
        "rss_slope_mib_per_1000": slope(second_half) * 1000,
        "wrappers": [first["wrappers"], last["wrappers"]],
        "top_level": [first["top_level"], last["top_level"]],
        "none_refs": [first["none_refs"], last["none_refs"]],
        "samples": samples,
    }


def write_docs(result: dict[str, object]) -> None:
    samples = result["samples"]
    assert isinstance(samples, list)
    table = ["| sessions after warm-up | RSS MiB | live Qt wrappers | top-level widgets | "
             "refs to None |", "|---|---|---|---|---|"]
    step = max(1, len(samples) // 8)
    for s in samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else []):
        table.append(f"| {s['sessions']} | {s['rss_mib']:.1f} | {s['wrappers']} | "
                     f"{s['top_level']} | {s['none_refs']} |")
    summary = (f"{result['sessions']} sessions after a {result['warmup']}-session warm-up: "
               f"RSS growth **{result['rss_growth_mib']:.2f} MiB**, trend over the second "
               f"half **{result['rss_slope_mib_per_1000']:.3f} MiB per 1,000 sessions**, "
               f"wrappers {result['wrappers'][0]} → {result['wrappers'][1]}, "
               f"top-level widgets {result['top_level'][0]} → {result['top_level'][1]}.")
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
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--write-docs", action="store_true",
                        help="put the summary into docs/PERFORMANCE.md")
    args = parser.parse_args()
    result = soak(args.sessions, args.warmup, min(args.every, args.sessions))
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
