"""Places: city names to coordinates, country and IANA timezone (GeoNames, CC BY 4.0).

The compact gazetteer ``data/places.tsv`` (built by ``scripts/build_places.py``) lists
every city of 15,000 people or more, most populous first, with spelling variants and other
names (``Gurgaon``), and in a last column the seats of government that stand for a city
(``the Kremlin``: Moscow). An ambiguous name
goes to the most plausible place: one in a country the article is about, else the most
populous.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from timeline import wordlists


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    population: int


@lru_cache(maxsize=1)
def _table() -> bytes:
    """The gazetteer as UTF-8: its rows are read from it when a name is looked up (as a str,
    its few letters beyond Latin-1 would make it two bytes a character)."""
    return resources.files("timeline").joinpath("data/places.tsv").read_bytes()


# Where the rows of a name start in the table: one row's offset alone (nearly every name), or
# several, most populous first.
Rows = int | tuple[int, ...]


@lru_cache(maxsize=1)
def _rows_by_name() -> dict[str, Rows]:
    """Lower-cased name -> where the table rows of places of that name start.

    Rows stay text until a name is looked up: indexing names alone is about three times
    faster than building every Place, which matters for a one-article ``timeline extract``.
    A name holds the offset of its rows in the table, not a list of the rows' strings: the
    index is half the size (it is held for the life of the process).
    """
    index: dict[str, Rows] = {}
    for start, line in _lines(_table()):
        names, seats = line[: line.index("\t")], line[line.rindex("\t") + 1 :]
        for n in names.split(";") + [x for x in seats.split(";") if x]:
            key = n.casefold()
            held = index.get(key)
            index[key] = start if held is None else (*_starts(held), start)
    return index


def _lines(table: bytes) -> Iterator[tuple[int, str]]:
    """The table's rows after its header, each with where it starts."""
    start = table.index(b"\n") + 1
    while start < len(table):
        end = table.find(b"\n", start)
        end = len(table) if end < 0 else end
        yield start, table[start:end].decode("utf-8")
        start = end + 1


def _starts(rows: Rows) -> tuple[int, ...]:
    return (rows,) if isinstance(rows, int) else rows


def _row(start: int) -> str:
    table = _table()
    end = table.find(b"\n", start)
    return table[start : len(table) if end < 0 else end].decode("utf-8")


@lru_cache(maxsize=1)
def _seat_names() -> frozenset[str]:
    """Seats of government and landmarks (the Kremlin), lower-cased: not names of their city."""
    return frozenset(
        seat.casefold() for _, line in _lines(_table()) for seat in line.rsplit("\t", 1)[1].split(";") if seat
    )


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Names of towns that stand for something else in diplomatic text ("Asia", "Union")."""
    return frozenset(w.casefold() for w in wordlists.lines("not_places.txt"))


def city_name(written: str, place: Place) -> str:
    """The city's name as the article writes it ("Gurgaon", "Kiev"), unless what is written is
    a seat of government or landmark standing for it ("the Kremlin": Moscow)."""
    if written.strip().casefold() in _seat_names() or written.strip().casefold() == place.name.casefold():
        return place.name
    return written.strip()


@lru_cache(maxsize=4096)
def _place(row: str) -> Place:
    names, country, lat, lon, tz, pop, _seats = row.split("\t")
    return Place(names.split(";")[0], country, float(lat), float(lon), tz, int(pop))


def gazetteer() -> dict[str, list[Place]]:
    """Lower-cased name -> places of that name, most populous first (the whole table, parsed)."""
    return {name: [_place(_row(start)) for start in _starts(rows)] for name, rows in _rows_by_name().items()}


def find_place(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The most plausible place called ``name``: in one of ``countries`` if any, else the biggest."""
    key = name.strip().casefold()
    if key in _not_places() or _rows_by_name().get(key) is None:
        return None  # most words asked about are no place: answered without a set or a call
    return _find_place(key, frozenset(countries))


@lru_cache(maxsize=8192)
def _find_place(key: str, wanted: frozenset[str]) -> Place | None:
    candidates = [_place(_row(start)) for start in _starts(_rows_by_name()[key])]

    def rank(place: Place) -> tuple[bool, bool]:
        # In a country of the article first, then a place whose own name it is (Nadi in Fiji
        # before Na Di in Thailand, whose variant it is); population breaks ties (list order).
        return (place.country not in wanted, place.name.casefold() != key)

    return min(candidates, key=rank)


def is_place(name: str) -> bool:
    return name.strip().casefold() in _rows_by_name()
