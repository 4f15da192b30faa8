"""Run by tests/test_atspi.py with the system Python (pyatspi is a Debian package, not a
wheel) inside `dbus-run-session`: start the desktop app with Qt's AT-SPI bridge on, then
do what a screen reader user does, through the accessibility bus only. It sits apart from
tests/*.py, whose imports must all come from the project's own extras.

argv: the app's Python, the checkout. Prints one JSON object of findings, then exits 0;
exits 1 with a reason when the walk cannot go on.
"""

import json
import os
import subprocess
import sys
import time

import pyatspi

PYTHON, ROOT = sys.argv[1], sys.argv[2]
MONTHS = [
    "一月",
    "二月",
    "三月",
    "四月",
    "五月",
    "六月",
    "七月",
    "八月",
    "九月",
    "十月",
    "十一月",
    "十二月",
]  # QLocale's
findings: dict[str, object] = {}


def fail(reason: str) -> None:
    print(json.dumps({"failed": reason, **findings}, ensure_ascii=False), flush=True)
    sys.exit(1)


def nodes(root):
    """Every accessible below `root`, in reading (tree) order, showing ones only."""
    out = []

    def visit(node, depth=0):
        if node is None or depth > 60:
            return
        try:
            states = node.getState()
        except Exception:  # a node gone while we looked
            return
        if not states.contains(pyatspi.STATE_SHOWING):
            return
        out.append(node)
        for index in range(node.childCount):
            visit(node.getChildAtIndex(index), depth + 1)

    visit(root)
    return out


def role(node) -> str:
    return node.getRoleName()


def enabled(node) -> bool:
    return node.getState().contains(pyatspi.STATE_ENABLED)


def find(window, name: str, kind: str | None = None, exact: bool = True):
    for node in nodes(window):
        words = node.name or ""
        if (words == name if exact else name in words) and (kind is None or role(node) == kind):
            return node
    return None


def wait_for(window, name, kind=None, exact=True, seconds=10.0):
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        node = find(window, name, kind, exact)
        if node is not None:
            return node
        time.sleep(0.1)
    fail(f"never found {kind or 'a node'} named {name!r}")


def act(node, wanted: str) -> None:
    """Do the node's action named `wanted` (Press, Toggle): no mouse, no key."""
    actions = node.queryAction()
    names = [actions.getName(i) for i in range(actions.nActions)]
    for index, action in enumerate(names):
        if action.lower() == wanted.lower():
            actions.doAction(index)
            time.sleep(0.3)
            return
    fail(f"{node.name!r} has no {wanted} action, only {names}")


def next_button(window):
    buttons = [n for n in nodes(window) if role(n) == "push button" and n.name == "下一步"]
    return buttons[-1] if buttons else None


def pick(window, field: str, year: int, month: int, day: int) -> None:
    """The card page's grids, by their accessible names: decade, year, month, day."""
    for name in (
        f"{field}：{year // 10 * 10}年代",
        f"{field}：{year}年",
        f"{field}：{MONTHS[month - 1]}",
        f"{field}：{day}日",
    ):
        act(wait_for(window, name, "push button"), "Press")


def main() -> None:
    env = os.environ | {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [PYTHON, "-m", "gui", "--as-of", "2026-11-29", "--lang", "zh_CN"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        walk(app.pid)
    finally:
        app.terminate()
        app.wait(10)


def the_window(pid: int):
    start = time.monotonic()
    while time.monotonic() - start < 30:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            application = desktop.getChildAtIndex(index)
            if application is not None and application.get_process_id() == pid:
                for window_index in range(application.childCount):
                    window = application.getChildAtIndex(window_index)
                    if window is not None and find(window, "开始", "push button"):
                        return window
        time.sleep(0.2)
    fail("the app's window never appeared on the accessibility bus")


def walk(pid: int) -> None:
    window = the_window(pid)
    # welcome: the language choice is a radio group; the title is read first
    languages = [n for n in nodes(window) if n.name in ("中文", "English")]
    findings["language_roles"] = sorted({role(n) for n in languages})
    texts = [n.name for n in nodes(window) if n.name and role(n) in ("label", "heading")]
    findings["first_text"] = texts[0] if texts else ""
    act(wait_for(window, "开始", "push button"), "Press")
    # the card, by the grids' names
    wait_for(window, "出生日期：1980年代", "push button")
    findings["card_title_first"] = first_page_text(window)
    pick(window, "出生日期", 1980, 5, 1)
    pick(window, "有效期限：起始日期", 2006, 5, 1)
    pick(window, "有效期限：截止日期", 2026, 5, 1)
    act(next_button(window), "Press")
    # the situation: Toggle (not a click) must answer the question
    expiry = wait_for(window, "身份证已经过期，或者快到期了")
    findings["situation_title_first"] = first_page_text(window)
    findings["radio_role"] = role(expiry)
    act(expiry, "Toggle")
    act(wait_for(window, "在户籍地（户口所在的城市）"), "Toggle")
    findings["next_after_toggle"] = enabled(next_button(window))
    names = {n.name for n in nodes(window) if role(n) in ("radio button", "check box")}
    findings["duplicate_labels"] = sorted(
        n.name for n in nodes(window) if role(n) == "label" and n.name in names
    )
    current = [n for n in nodes(window) if "当前步骤" in (n.name or "")]
    findings["current_step"] = [(n.name, enabled(n)) for n in current]
    # on to the end of the expired case
    seen = []
    for _ in range(8):
        button = next_button(window)
        if button is None or not enabled(button):
            break
        act(button, "Press")
        seen.append(first_page_text(window))
    findings["pages_after_situation"] = seen
    findings["finished_on_summary"] = find(window, "您的回答") is not None
    print(json.dumps(findings, ensure_ascii=False), flush=True)


def first_page_text(window) -> str:
    """The first words a reader meets, after the step list's "第 3 步，共 8 步"."""
    time.sleep(0.3)
    texts = [n for n in nodes(window) if n.name and role(n) in ("label", "heading")]
    return next((n.name for n in texts if not n.name.startswith("第 ")), "")  # "第 3 步…"


if __name__ == "__main__":
    main()
