"""The kiosk's settings: parsed and checked without Qt; bad values fall back to defaults.

Values come from a QSettings INI file (see resources/kiosk.example.ini). Every problem is
collected for the admin screen instead of stopping the kiosk.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from gui.cardreader import ReaderSettings
from gui.cardreader import settings as card_reader_settings
from gui.content import LOCALES
from gui.domain import RulesPack
from gui.domain.rules import CASE_IDS, Locality

MIN_IDLE_SECONDS = 30
MIN_COUNTDOWN_SECONDS = 20  # WCAG 2.2.1 (timing adjustable): at least 20 s to react
PIN_ITERATIONS = 200_000  # about 0.1 s per attempt on a small PC
ITERATION_BOUNDS = (100_000, 2_000_000)  # below: too cheap to guess offline; above: seconds
SALT_BYTES = (16, 64)
DIGEST_BYTES = 32  # SHA-256
SITE_LOCALITY = "site"  # the rules pack's locality name for this kiosk's overrides


@dataclass(frozen=True)
class KioskConfig:
    idle_seconds: int = 90
    countdown_seconds: int = 30  # WCAG 2.2.1 asks for at least 20 s to say "still here"
    language: str = "zh_CN"
    large_text: bool = True
    show_cursor: bool = False
    printer: str | None = None  # None: the system's default printer
    pin_hash: str | None = None  # None: no way out from the screen
    site: tuple[str, ...] = ()  # name, address, opening hours, phone, as printed
    window_months: int | None = None
    free_cases_home: tuple[str, ...] = ()
    card_reader: ReaderSettings | None = None  # [card_reader]: None where there is none

    def rules(self, rules: RulesPack) -> RulesPack:
        """The national pack plus this site's local overrides as the "site" locality."""
        if self.window_months is None and not self.free_cases_home:
            return rules
        local = Locality(self.window_months, self.free_cases_home, "kiosk configuration")
        return replace(rules, localities={**rules.localities, SITE_LOCALITY: local})

    @property
    def locality(self) -> str | None:
        return SITE_LOCALITY if self.window_months or self.free_cases_home else None


@dataclass
class _Reader:
    values: Mapping[str, object]
    problems: list[str] = field(default_factory=list)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        if isinstance(value, list | tuple):  # QSettings reads "a, b" as a list
            value = ", ".join(map(str, value))
        return None if value is None or str(value).strip() == "" else str(value).strip()

    def number(self, key: str, default: int, lo: int, hi: int) -> int:
        raw = self.text(key)
        if raw is None:
            return default
        if raw.isascii() and raw.isdigit() and lo <= int(raw) <= hi:
            return int(raw)
        self.problems.append(f"{key} = {raw}: expected a whole number {lo}–{hi}")
        return default

    def flag(self, key: str, default: bool) -> bool:
        raw = self.text(key)
        if raw is None:
            return default
        if raw.lower() in ("true", "yes", "1", "false", "no", "0"):
            return raw.lower() in ("true", "yes", "1")
        self.problems.append(f"{key} = {raw}: expected true or false")
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
    }
    | card_reader_settings.KEYS
)


def parse(values: Mapping[str, object]) -> tuple[KioskConfig, list[str]]:
    """A config from "section/key" values, and the problems found (defaults used there)."""
    r = _Reader(values)
    # a misspelt key would otherwise be ignored without a word
    r.problems += [f"{key}: unknown setting" for key in sorted(values) if key not in KNOWN_KEYS]
    defaults = KioskConfig()
    language = r.text("kiosk/language") or defaults.language
    if language not in LOCALES:
        r.problems.append(f"kiosk/language = {language}: expected one of {', '.join(LOCALES)}")
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
        r.problems.append(f"rules/free_cases_home: unknown case {', '.join(unknown)}")
        free = tuple(c for c in free if c in CASE_IDS)
    site = tuple(v for k in ("name", "address", "hours", "phone") if (v := r.text(f"site/{k}")))
    card_reader, reader_problems = card_reader_settings.parse(values)
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
        card_reader=card_reader,
    )
    return config, r.problems


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
