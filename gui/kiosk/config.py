"""The kiosk's settings: read, parsed and checked without Qt; bad values fall back to defaults.

Values come from an INI file (see resources/kiosk.example.ini and gui/kiosk/ini.py). Reading
cannot fail: every problem with the file's name, the file or a value becomes one line for
stderr and the admin screen, and the kiosk runs on its defaults there. Each value is
length-bounded before it is parsed (int() of 5,000 digits raises), and every value a
message repeats goes through shown().
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from gui.cardreader import ReaderSettings
from gui.cardreader import settings as card_reader_settings
from gui.domain import RulesPack, load_rules
from gui.domain.rules import CASE_IDS, Locality
from gui.kiosk.ini import read_ini
from gui.languages import DEFAULT_LOCALE, LOCALES
from gui.shown import shown

MIN_IDLE_SECONDS = 30
MIN_COUNTDOWN_SECONDS = 20  # WCAG 2.2.1 (timing adjustable): at least 20 s to react
PIN_ITERATIONS = 200_000  # about 0.1 s per attempt on a small PC
ITERATION_BOUNDS = (100_000, 2_000_000)  # below: too cheap to guess offline; above: seconds
SALT_BYTES = (16, 64)
DIGEST_BYTES = 32  # SHA-256
SITE_LOCALITY = "site"  # the rules pack's locality name for this kiosk's overrides
UNSOURCED = "kiosk configuration (no source)"
MAX_FILE_BYTES = 64 * 1024  # the example is 1.5 KiB; a bigger file is not a settings file
MAX_VALUE = 400  # characters; the longest real value is a pin_hash (about 170)
MAX_NUMBER_DIGITS = 6  # every number here is at most 3600
SHOWN_VALUE = 60  # a value repeated in a problem line
SHOWN_UNKNOWN = 5  # unknown keys named in the one line that reports them
DEFAULTS_USED = "the kiosk runs on its defaults"


@dataclass(frozen=True)
class KioskConfig:
    idle_seconds: int = 90
    countdown_seconds: int = 30  # WCAG 2.2.1 asks for at least 20 s to say "still here"
    language: str = DEFAULT_LOCALE
    large_text: bool = True
    show_cursor: bool = False
    printer: str | None = None  # None: the system's default printer
    pin_hash: str | None = None  # None: no way out from the screen
    site: tuple[str, ...] = ()  # name, address, opening hours, phone, as printed
    window_months: int | None = None
    free_cases_home: tuple[str, ...] = ()
    rules_locality: str | None = None  # a name from resources/rules/localities.toml
    card_reader: ReaderSettings | None = None  # [card_reader]: None where there is none

    @property
    def overrides(self) -> bool:
        """The site typed its own rule numbers (no source) instead of naming a locality."""
        return self.window_months is not None or bool(self.free_cases_home)

    def rules(self, rules: RulesPack) -> RulesPack:
        """The pack, plus this site's own numbers (on top of its named locality, if any) as
        the "site" locality."""
        if not self.overrides:
            return rules
        base = rules.localities.get(self.rules_locality or "")
        window = self.window_months
        if window is None and base is not None:
            window = base.window_months
        free = self.free_cases_home or (base.free_cases_home if base is not None else ())
        local = Locality(window, free, UNSOURCED)
        return replace(rules, localities={**rules.localities, SITE_LOCALITY: local})

    @property
    def locality(self) -> str | None:
        return SITE_LOCALITY if self.overrides else self.rules_locality


@dataclass
class _Reader:
    values: Mapping[str, object]
    problems: list[str] = field(default_factory=list)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if isinstance(value, list | tuple):  # "a, b" read as a list (QSettings did that)
            value = ", ".join(map(str, value))
        if value is not None and not isinstance(value, str):
            self.problems.append(f"{key}: not plain text; its default is used")
            return None
        if value is None or value.strip() == "":
            return None
        if len(value) > MAX_VALUE:  # before any parsing: int() of 5,000 digits raises
            self.problems.append(
                f"{key}: {len(value)} characters, more than {MAX_VALUE}; its default is used"
            )
            return None
        if not value.isprintable():
            self.problems.append(
                f"{key} = {shown(value, SHOWN_VALUE)}: holds control characters; "
                "its default is used"
            )
            return None
        return value.strip()

    def number(self, key: str, default: int, lo: int, hi: int) -> int:
        raw = self.text(key)
        if raw is None:
            return default
        if (
            raw.isascii()
            and raw.isdigit()
            and len(raw) <= MAX_NUMBER_DIGITS
            and lo <= int(raw) <= hi
        ):
            return int(raw)
        self.problems.append(
            f"{key} = {shown(raw, SHOWN_VALUE)}: expected a whole number {lo}–{hi}"
        )
        return default

    def flag(self, key: str, default: bool) -> bool:
        raw = self.text(key)
        if raw is None:
            return default
        if raw.lower() in ("true", "yes", "1", "false", "no", "0"):
            return raw.lower() in ("true", "yes", "1")
        self.problems.append(f"{key} = {shown(raw, SHOWN_VALUE)}: expected true or false")
        return default


KNOWN_KEYS = frozenset(
    {
        "kiosk/idle_seconds",
        "kiosk/countdown_seconds",
        "kiosk/language",
        "kiosk/large_text",
        "kiosk/show_cursor",
        "kiosk/printer",
        "kiosk/pin_hash",
        "site/name",
        "site/address",
        "site/hours",
        "site/phone",
        "rules/window_months",
        "rules/free_cases_home",
        "rules/locality",
    }
    | card_reader_settings.KEYS
)


def _unknown_keys(values: Mapping[str, object]) -> list[str]:
    """One line for every key nobody reads: a misspelt key would otherwise do nothing
    without a word, and a file of a million of them must not flood the journal."""
    unknown = sorted(key for key in values if key not in KNOWN_KEYS)
    if not unknown:
        return []
    names = ", ".join(shown(key, 40) for key in unknown[:SHOWN_UNKNOWN])
    more = f" and {len(unknown) - SHOWN_UNKNOWN} more" if len(unknown) > SHOWN_UNKNOWN else ""
    return [f"{len(unknown)} unknown setting(s), ignored: {names}{more}"]


def parse(
    values: Mapping[str, object], localities: Collection[str] | None = None
) -> tuple[KioskConfig, list[str]]:
    """A config from "section/key" values, and the problems found (defaults used there).

    `localities`: the names rules/locality may take (default: those of the rules pack)."""
    r = _Reader(values)
    r.problems += _unknown_keys(values)
    defaults = KioskConfig()
    language = r.text("kiosk/language") or defaults.language
    if language not in LOCALES:
        r.problems.append(
            f"kiosk/language = {shown(language, SHOWN_VALUE)}: expected one of {', '.join(LOCALES)}"
        )
        language = defaults.language
    pin_hash = r.text("kiosk/pin_hash")
    pin_problem = pin_hash_problem(pin_hash) if pin_hash is not None else None
    if pin_problem is not None:
        r.problems.append(
            f"kiosk/pin_hash: {pin_problem}; the PIN cannot work, so there is "
            "no way out from the screen"
        )
        pin_hash = None
    free = tuple(c.strip() for c in (r.text("rules/free_cases_home") or "").split(",") if c.strip())
    unknown = [c for c in free if c not in CASE_IDS]
    if unknown:
        r.problems.append(
            f"rules/free_cases_home: unknown case {shown(', '.join(unknown), SHOWN_VALUE)}"
        )
        free = tuple(c for c in free if c in CASE_IDS)
    site = tuple(v for k in ("name", "address", "hours", "phone") if (v := r.text(f"site/{k}")))
    locality = r.text("rules/locality")
    names = sorted(load_rules().localities if localities is None else localities)
    if locality is not None and locality not in names:
        r.problems.append(
            f"rules/locality = {shown(locality, SHOWN_VALUE)}: no such locality in "
            f"resources/rules/localities.toml (known: {', '.join(names) or 'none'}); "
            "the national rules are used"
        )
        locality = None
    card_reader, reader_problems = card_reader_settings.parse(r.text)
    r.problems += reader_problems
    config = KioskConfig(
        idle_seconds=r.number("kiosk/idle_seconds", defaults.idle_seconds, MIN_IDLE_SECONDS, 3600),
        countdown_seconds=r.number(
            "kiosk/countdown_seconds", defaults.countdown_seconds, MIN_COUNTDOWN_SECONDS, 120
        ),
        language=language,
        large_text=r.flag("kiosk/large_text", defaults.large_text),
        show_cursor=r.flag("kiosk/show_cursor", defaults.show_cursor),
        printer=r.text("kiosk/printer"),
        pin_hash=pin_hash,
        site=site,
        window_months=r.number("rules/window_months", 0, 1, 12) or None,
        free_cases_home=free,
        rules_locality=locality,
        card_reader=card_reader,
    )
    if config.overrides:  # said on the admin screen: a number here has no source
        r.problems.append(
            "rules/window_months or rules/free_cases_home: this site's own rule numbers, "
            "with no source or date; prefer rules/locality = NAME (dated, sourced rules)"
        )
    return config, r.problems


def _file_problem(name: str) -> tuple[str | None, str | None]:
    """The config file's text, or why it cannot be used (never an exception)."""
    if name == "":
        return None, "names no file"
    if "\0" in name:
        return None, "the file name holds a NUL character"
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None, "the file name is not valid UTF-8; rename the file"
    try:
        info = os.stat(name)
    except OSError as error:
        if error.errno == errno.ENOENT:
            return None, "file not found"
        return None, f"cannot be opened ({error.strerror or error})"
    if stat.S_ISDIR(info.st_mode):
        return None, "is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block the start; /dev/zero never ends
        return None, "is not a regular file"
    try:
        with open(name, "rb") as readable:
            data = readable.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, f"cannot be read ({error.strerror or error})"
    if len(data) > MAX_FILE_BYTES:
        return None, f"is larger than {MAX_FILE_BYTES // 1024} KiB: not a settings file"
    if b"\0" in data:
        return None, "holds binary data (NUL bytes): not a settings file"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, f"is not UTF-8 text (line {line}); save it as UTF-8"


def read_config(
    path: str | os.PathLike[str] | None, localities: Collection[str] | None = None
) -> tuple[KioskConfig, list[str]]:
    """The config at `path`, or defaults with the reason they are used; None: no --config."""
    if path is None:
        return parse({}, localities)
    name = os.fspath(path)
    label = shown(name) if name else '--config ""'
    text, problem = _file_problem(name)
    if text is None:
        config, problems = parse({}, localities)
        return config, [f"{label}: {problem}; {DEFAULTS_USED}", *problems]
    values, line_problems = read_ini(text)
    config, problems = parse(values, localities)
    problems = [f"{label}: {p}" for p in line_problems] + problems
    if not values and text.strip() and not problems:
        problems.append(f"{label}: holds no settings; {DEFAULTS_USED}")
    return config, problems


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """A salted PBKDF2 hash for the config file; the PIN itself is never stored."""
    salt = salt or secrets.token_bytes(SALT_BYTES[0])
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PIN_ITERATIONS)
    return f"pbkdf2_sha256${PIN_ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_hash_problem(stored: str) -> str | None:
    """Why `stored` cannot be used as a PIN hash, or None.

    The bounds matter: the iteration count is work done on every PIN attempt, so a typo
    like 10^100 (OverflowError) or 2×10^9 (minutes of frozen screen) must be refused here.
    """
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != "pbkdf2_sha256":
        return "not a hash made by `idguide kiosk-pin`"
    _, iterations, salt, digest = parts
    lo, hi = ITERATION_BOUNDS
    if not (
        iterations.isascii()
        and iterations.isdigit()
        and len(iterations) <= len(str(hi))
        and lo <= int(iterations) <= hi
    ):
        return (
            f"iteration count {iterations[:12]} is outside {lo}–{hi}; make a new hash "
            "with `idguide kiosk-pin`"
        )
    try:
        salt_bytes, digest_bytes = bytes.fromhex(salt), bytes.fromhex(digest)
    except ValueError:
        return "salt or digest is not hexadecimal; make a new hash with `idguide kiosk-pin`"
    if not SALT_BYTES[0] <= len(salt_bytes) <= SALT_BYTES[1]:
        return (
            f"salt of {len(salt_bytes)} bytes is outside {SALT_BYTES[0]}–{SALT_BYTES[1]}; "
            "make a new hash with `idguide kiosk-pin`"
        )
    if len(digest_bytes) != DIGEST_BYTES:
        return f"digest is not {DIGEST_BYTES} bytes; make a new hash with `idguide kiosk-pin`"
    return None


def check_pin(pin: str, stored: str | None) -> bool:
    if stored is None or pin_hash_problem(stored) is not None:
        return False
    _, iterations, salt, expected = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(digest.hex(), expected.lower())
