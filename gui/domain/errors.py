"""The engine's one error type for input a person could get wrong."""

from __future__ import annotations


class InputError(ValueError):
    """Impossible or malformed input.

    `code` names the message in resources/content/<locale>/messages.toml; `params`
    fills its placeholders. Never put an ID number in `params`: messages are shown
    and may end up in a terminal's scroll-back.
    """

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
