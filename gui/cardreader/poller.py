"""Watch the reader on a worker thread: the UI never waits for a vendor call.

A card counts only once the reader has been seen empty since the last read, since the
start and since the last reset: a card left on the reader by one visitor does not fill in
the next visitor's session (closing and reopening the port makes it answer again).
Cards are read only while reading is switched on (the card page is showing); the watch
for an empty reader goes on meanwhile. The port is closed after every read and when the
poller stops.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from gui.cardreader.errors import ReaderError
from gui.cardreader.record import CardDates
from gui.cardreader.sdt import SdtLibrary
from gui.cardreader.settings import ReaderSettings

EMPTY_POLLS = 2  # some readers miss a card now and then: two empty answers mean lifted
RETRY_S = 5.0  # a reader that does not answer (unplugged) is tried again this often
LIBRARY_ERRORS = frozenset({"library_missing", "library_broken", "library_no_sdt"})


class Kind(StrEnum):
    READ = "read"  # `dates` holds the card's dates
    WAITING = "waiting"  # a card is on the reader that must be lifted first
    EMPTY = "empty"  # the reader is empty: the next card will be read
    PROBLEM = "problem"  # `error` says what failed


@dataclass(frozen=True, repr=False)
class PollEvent:
    kind: Kind
    generation: int  # the session it belongs to (see CardPoller.reset)
    dates: CardDates | None = None
    error: ReaderError | None = None


class CardPoller:
    def __init__(
        self,
        settings: ReaderSettings,
        report: Callable[[PollEvent], None],
        load: Callable[[str], SdtLibrary] = SdtLibrary,
    ) -> None:
        self.settings = settings
        self._report = report
        self._load = load
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._generation = 0
        self._disarm = False
        self._reading = False
        self._thread: threading.Thread | None = None

    @property
    def generation(self) -> int:
        with self._lock:
            return self._generation

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="card-reader", daemon=True)
        self._thread.start()
        atexit.register(self.stop)

    def stop(self, timeout: float = 5.0) -> None:
        """End the watch; the worker closes the port on its way out."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        atexit.unregister(self.stop)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def set_reading(self, on: bool) -> None:
        with self._lock:
            self._reading = on

    def reset(self) -> None:
        """A new session: what is read from now on is the next visitor's, and a card
        still on the reader counts only after it has been lifted."""
        with self._lock:
            self._generation += 1
            self._disarm = True

    def _emit(
        self,
        kind: Kind,
        generation: int,
        dates: CardDates | None = None,
        error: ReaderError | None = None,
    ) -> None:
        with self._lock:
            if generation != self._generation or self._stop.is_set():
                return  # read for a session that has ended, or for a kiosk that has
        self._report(PollEvent(kind, generation, dates, error))

    def _run(self) -> None:
        library: SdtLibrary | None = None
        port: int | None = None
        armed = False  # the reader has been seen empty since the last read or reset
        empty_polls = 0
        waiting_told = -1  # the session last told to lift the card
        unavailable = False  # "no reader" was reported: once, until it answers again
        try:
            while not self._stop.is_set():
                delay = self.settings.poll_ms / 1000
                with self._lock:
                    generation, reading = self._generation, self._reading
                    if self._disarm:
                        armed, empty_polls, self._disarm = False, 0, False
                try:
                    if library is None:
                        library = self._load(self.settings.library)
                    if port is None:
                        port = library.open_port(self.settings.ports)
                        unavailable = False
                    if not library.card_present(port):
                        empty_polls += 1
                        if empty_polls >= EMPTY_POLLS and not armed:
                            armed = True
                            self._emit(Kind.EMPTY, generation)
                    elif not armed:
                        empty_polls = 0
                        if waiting_told != generation:
                            waiting_told = generation
                            self._emit(Kind.WAITING, generation)
                    elif reading:
                        armed, empty_polls = False, 0
                        try:
                            dates = library.read(port)
                        finally:
                            library.close_port(port)
                            port = None
                        waiting_told = generation  # it stays there: nothing to say
                        self._emit(Kind.READ, generation, dates=dates)
                except ReaderError as error:
                    if port is not None and library is not None:
                        library.close_port(port)
                        port = None
                    armed, empty_polls = False, 0  # a failed read: lift the card, try again
                    if error.code in LIBRARY_ERRORS:
                        self._emit(Kind.PROBLEM, generation, error=error)
                        return  # a library does not mend itself: the pickers stay
                    if error.code == "no_reader":
                        delay = RETRY_S
                        if not unavailable:
                            unavailable = True
                            self._emit(Kind.PROBLEM, generation, error=error)
                    else:
                        waiting_told = generation  # the problem says what to do
                        self._emit(Kind.PROBLEM, generation, error=error)
                self._stop.wait(delay)
        finally:
            if port is not None and library is not None:
                library.close_port(port)
