"""Countries: ISO 3166-1 codes from names, codes, demonyms, capitals and seats of government.

The table (``data/countries.tsv``, built by ``scripts/build_countries.py`` from pycountry
and GeoNames) is read once. ``lookup`` is exact and case-insensitive, for what a user types;
``find_countries`` scans text for every mention, longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    seats: tuple[str, ...]


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str
    kind: str  # "name", "demonym", "capital" or "seat"
    text: str


# Surface forms that are too often plain English or something else to count as a country.
_NOT_ALONE = {"us", "u.s.", "georgia", "jordan", "chad", "china"}


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    table = resources.files("timeline").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    out: dict[str, Country] = {}
    for line in table.splitlines()[1:]:
        alpha2, alpha3, names, demonyms, capital, seats = line.split("\t")
        split = [n for n in names.split(";") if n]
        out[alpha2] = Country(
            alpha2=alpha2,
            alpha3=alpha3,
            name=split[0],
            names=tuple(split),
            demonyms=tuple(d for d in demonyms.split(";") if d),
            capital=capital,
            seats=tuple(s for s in seats.split(";") if s),
        )
    return out


def name(code: str) -> str:
    c = countries().get(code.upper())
    return c.name if c else code


@lru_cache(maxsize=1)
def _exact_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        for form in (*c.names, *c.demonyms):
            index.setdefault(form.casefold(), c.alpha2)
    for c in countries().values():
        index[c.alpha3.casefold()] = c.alpha2
        index[c.alpha2.casefold()] = c.alpha2
    return index


def lookup(value: str) -> str | None:
    """The ISO alpha-2 code for a name, alpha-2, alpha-3 code or demonym; None if unknown."""
    return _exact_index().get(value.strip().casefold())


def close_matches(value: str, n: int = 3) -> list[str]:
    import difflib

    forms = {c.name: c.alpha2 for c in countries().values()}
    forms.update({d: c.alpha2 for c in countries().values() for d in c.demonyms})
    return difflib.get_close_matches(value, list(forms), n=n, cutoff=0.6)


@lru_cache(maxsize=1)
def _scanner() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    forms: dict[str, tuple[str, str]] = {}
    for c in countries().values():
        for seat in c.seats:
            forms.setdefault(seat, (c.alpha2, "seat"))
        if c.capital:
            forms.setdefault(c.capital, (c.alpha2, "capital"))
        for demonym in c.demonyms:
            forms.setdefault(demonym, (c.alpha2, "demonym"))
        for n in c.names:
            forms[n] = (c.alpha2, "name")
    # Upper-case first letters only: "chinese" in lower case is not a country mention.
    alternatives = sorted((re.escape(f) for f in forms if f[:1].isupper()), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:the\s+)?(" + "|".join(alternatives) + r")(?![\w])(?!-\w)")
    return pattern, forms


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``: names, demonyms, capitals and seats of government."""
    pattern, forms = _scanner()
    out = []
    for m in pattern.finditer(text):
        form = m.group(1)
        code, kind = forms[form]
        out.append(CountryMention(m.start(1), m.end(1), code, kind, form))
    return out
