"""Places: city names to coordinates, country and IANA timezone (GeoNames, CC BY 4.0).

The compact gazetteer ``data/places.tsv`` (built by ``scripts/build_places.py``) lists
every city of 15,000 people or more, most populous first, with spelling variants and the
seats of government that stand for a city (``the Kremlin``: Moscow). An ambiguous name
goes to the most plausible place: one in a country the article is about, else the most
populous.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    timezone: str
    population: int


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Place]]:
    """Lower-cased name -> places of that name, most populous first."""
    text = resources.files("timeline").joinpath("data/places.tsv").read_text(encoding="utf-8")
    index: dict[str, list[Place]] = {}
    for line in text.splitlines()[1:]:
        names, country, lat, lon, tz, pop = line.split("\t")
        all_names = names.split(";")
        place = Place(all_names[0], country, float(lat), float(lon), tz, int(pop))
        for n in all_names:
            index.setdefault(n.casefold(), []).append(place)
    return index


def find_place(name: str, countries: Iterable[str] = ()) -> Place | None:
    """The most plausible place called ``name``: in one of ``countries`` if any, else the biggest."""
    key = name.strip().casefold()
    candidates = gazetteer().get(key)
    if not candidates:
        return None
    wanted = set(countries)

    def rank(place: Place) -> tuple[bool, bool]:
        # In a country of the article first, then a place whose own name it is (Nadi in Fiji
        # before Na Di in Thailand, whose variant it is); population breaks ties (list order).
        return (place.country not in wanted, place.name.casefold() != key)

    return min(candidates, key=rank)


def is_place(name: str) -> bool:
    return name.strip().casefold() in gazetteer()
