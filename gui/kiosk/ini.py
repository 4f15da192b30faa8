"""A small INI reader for the kiosk's settings file: plain text in, plain text out, no Qt.

It reads what QSettings' INI format writes for plain values (the file format the kiosk has
always documented): `[section]`, `key = value`, `;` or `#` comment lines, `;` ending a
value outside double quotes, `"quoted; values, with commas"`, a comma list read back as
"a, b", and QSettings' escapes. Why not QSettings itself: it turns `@Variant(…)` into
arbitrary Qt types (with a Qt warning for an unknown one), `@Rect(…)` into a QRect, and
reads a file it calls malformed into keys anyway; a setting is always text here.
"""

from __future__ import annotations

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "0": "\0"}


def _value(raw: str) -> str:
    """One value: quoted parts kept whole, `;` outside quotes ends it, commas join as ", "."""
    parts, part, quoted, i = [], [], False, 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            part.append(ESCAPES.get(raw[i + 1], raw[i + 1]))
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            break
        elif ch == "," and not quoted:
            parts.append("".join(part).strip())
            part = []
        else:
            part.append(ch)
        i += 1
    parts.append("".join(part).strip())
    return ", ".join(parts)


def read_ini(text: str) -> tuple[dict[str, str], list[str]]:
    """ "section/key" → value, and the lines that are not settings (line numbers only)."""
    values: dict[str, str] = {}
    bad_lines: list[int] = []
    section = ""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            section = "" if name.lower() == "general" else name
            continue
        key, equals, raw = line.partition("=")
        key = key.strip()
        if not equals or not key:
            bad_lines.append(number)
            continue
        values[f"{section}/{key}" if section else key] = _value(raw)
    problems = []
    if bad_lines:
        shown = ", ".join(map(str, bad_lines[:5])) + (" …" if len(bad_lines) > 5 else "")
        problems.append(
            f"{len(bad_lines)} line(s) are not `key = value` and were ignored (line {shown})"
        )
    return values, problems
