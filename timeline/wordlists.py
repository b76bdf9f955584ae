"""Word lists as data: titles, office words, agencies, month names, number words.

Each list is a file of ``timeline/data/`` read once: ``*.txt`` holds one word or phrase a line,
``*.tsv`` a word and its value(s) separated by tabs. Blanks around a line and around each
column are dropped; blank lines and lines starting with ``#`` are comments. The files keep
their order (``lines``, ``rows``), for the regular expressions built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """The words or phrases of a data file, in file order, without comments and blank lines."""
    text = resources.files("timeline.data").joinpath(name).read_text(encoding="utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


@cache
def words(name: str) -> frozenset[str]:
    """The words or phrases of a data file, as a set."""
    return frozenset(lines(name))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of a tab-separated data file, split into their columns, in file order."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))


def table(name: str) -> dict[str, str]:
    """A tab-separated data file as word -> value (its first two columns), in file order."""
    return {row[0]: row[1] for row in rows(name)}


def alternation(items: Iterable[str]) -> str:
    """The words as the alternatives of a regular expression, in their order: ``one|two``."""
    return "|".join(re.escape(item) for item in items)
