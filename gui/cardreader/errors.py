"""The reader's one error type; its code names the wording in content card_reader.toml."""

from __future__ import annotations


class ReaderError(Exception):
    """The library, the reader or the record failed.

    `code` names the message in resources/content/<locale>/card_reader.toml; `params`
    fill its placeholders and never carry anything read from a card.
    """

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
