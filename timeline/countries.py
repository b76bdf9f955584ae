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
from urllib.parse import urlsplit

from timeline import wordlists


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
    key = value.strip().casefold()
    index = _exact_index()
    code = index.get(key)
    if code is None and key.startswith(("republic of ", "the republic of ")):
        # "the Republic of Turkiye", "Republic of Kenya": the country's name in full form
        rest = key.split("republic of ", 1)[1]
        if index.get(f"republic of {rest}") is None:
            code = index.get(rest)
    return code


# A run of capitalised words, with the small words that join the words of a country's name
# ("Democratic Republic of the Congo", "Bosnia and Herzegovina", "Côte d'Ivoire"). Each word
# starts with a capital, so the run is read in one pass without backtracking.
_WORD = r"(?:[A-ZÀ-ÖØ-Þ]|[a-z]['’][A-Z])(?:\w|[.'’-](?=\w))*"
_RUN_RE = re.compile(rf"(?<![\w.]){_WORD}(?:[ \t]++(?:(?:of|the|and|la|de|da|del|du|des)[ \t]++)*+{_WORD})*+")
_WORD_RE = re.compile(_WORD)


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, tuple[str, str]], int]:
    """Surface form -> (code, kind), and the most words a form has."""
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
    forms = {f: v for f, v in forms.items() if f[:1].isupper()}
    return forms, max(len(f.split()) for f in forms)


def _find(text: str) -> tuple[CountryMention, ...]:
    forms, most = _forms()
    out: list[CountryMention] = []
    for run in _RUN_RE.finditer(text):
        words = [(run.start() + w.start(), run.start() + w.end()) for w in _WORD_RE.finditer(run.group(0))]
        i = 0
        while i < len(words):
            # "China-New Zealand ties", "Russia-Turkey relations": a joined word also counts
            # from its last part.
            cut = text.rfind("-", words[i][0], words[i][1])
            starts = [words[i][0]] + ([cut + 1] if cut > words[i][0] else [])
            found = None
            for a in starts:
                for j in range(min(len(words), i + most), i, -1):
                    mention = _mention(text, a, words[j - 1][1], forms)
                    if mention is not None:
                        found = (mention, j)
                        break
                if found:
                    break
            if found:
                out.append(found[0])
                i = found[1]
            else:
                i += 1
    return tuple(out)


def _mention(text: str, a: int, b: int, forms: dict[str, tuple[str, str]]) -> CountryMention | None:
    form = " ".join(text[a:b].split())
    hit = forms.get(form)
    if hit is None and form.endswith(("'s", "’s")):
        form, b = form[:-2], b - 2
        hit = forms.get(form)
    if hit is None and text.startswith(".", b) and form + "." in forms:
        form, b = form + ".", b + 1
        hit = forms[form]
    return CountryMention(a, b, hit[0], hit[1], form) if hit is not None else None


_find_cached = lru_cache(maxsize=2048)(_find)


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``: names, demonyms, capitals and seats of government."""
    return list(_find_cached(text))


# National news agencies and the country each writes for (data/agencies.tsv): an agency leaves
# out the country of its own leaders ("PTI: Prime Minister Narendra Modi ...").
AGENCY_COUNTRY = wordlists.table("agencies.tsv")


def agency_country(agency: str | None) -> str | None:
    """The country a national news agency writes for ("Xinhua" -> CN); None for others."""
    return AGENCY_COUNTRY.get(agency.strip().casefold()) if agency else None


# Outlets whose host name does not end in their country's code, and country codes sold to
# anyone (data/outlets.tsv): "-" stands for no country.
_OUTLET_COUNTRY = wordlists.table("outlets.tsv")


def outlet_country(url: str | None) -> str | None:
    """The country an outlet publishes for, from its web address: the table's longest host
    ending, else the host's country-code domain ("https://www.montsame.mn/..." -> MN,
    "https://tass.com/..." -> RU); None for a host on a generic domain (".com", ".org")."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1": no host to read
        return None
    labels = host.casefold().rstrip(".").split(".")
    for start in range(len(labels)):
        code = _OUTLET_COUNTRY.get(".".join(labels[start:]))
        if code is not None:
            return None if code == "-" else code
    last = labels[-1]
    if len(last) == 2 and last.upper() in countries():
        return last.upper()
    return None
