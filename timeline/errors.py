"""The errors the library raises: each message is one line for the user, naming what is at fault.

Every error of bad input is a :class:`TimelineError`, so a caller can catch them all in one
``except``; the command line prints ``timeline: MESSAGE`` and exits non-zero. Functions that
read many inputs raise the first one unless the caller asks to skip them (``on_error=`` or
``skip_errors=True``).
"""

from __future__ import annotations

import os
from pathlib import Path


class TimelineError(Exception):
    """Bad input or an unusable file; ``str(error)`` is one line for the user."""


class ArticleError(TimelineError, ValueError):
    """An input that cannot be read as an article (missing, binary, not UTF-8, too big, a
    device or FIFO met in a folder, an impossible header date, a sidecar that is not JSON)."""


class StoreError(TimelineError):
    """A store that cannot be opened, read or written."""


class StoreDamagedError(StoreError):
    """A store file that is truncated or whose pages are corrupt (SQLite: malformed)."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail  # what SQLite said


class StoreBusyError(StoreError):
    """Another ingest held the store for longer than the wait."""


class StoreReadOnlyError(StoreError):
    """A store (or its folder) that cannot be written: an ingest or a removal cannot run."""


def shown(path: str | os.PathLike[str]) -> str:
    """A path as one printable line: bytes of a file name that are not UTF-8 (which Python keeps
    as lone surrogates) are written ``\\xe9``, and line breaks ``\\n``, so a message naming the
    file can always be printed and stays on one line."""
    raw = os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    return text.replace("\r", "\\r").replace("\n", "\\n")


def valid_name(path: str | os.PathLike[str]) -> bool:
    """Whether a path is valid UTF-8, so it can be written in JSON, a store and a calendar."""
    try:
        str(Path(path)).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
