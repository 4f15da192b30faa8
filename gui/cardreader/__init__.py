"""A GA/T 467 ID-card reader behind a vendor's SDT_* library: plain typed Python, no Qt.

Only the birth date, the validity dates (or 长期) and a masked ID number leave this
package; the number itself is checked and dropped, and the rest of the card's record
(name, address, authority, sex, ethnicity, photo) is overwritten in the buffers as soon as
the record is parsed. The port is closed after every read.
"""

from gui.cardreader.errors import ReaderError
from gui.cardreader.record import CardDates
from gui.cardreader.settings import ReaderSettings

__all__ = ["CardDates", "ReaderError", "ReaderSettings"]
