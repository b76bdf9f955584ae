"""Damaged articles and what a valid output looks like, for the robustness tests and benchmarks.

``ARTICLES`` are short articles written here in the styles agencies use. ``variants`` cuts,
duplicates, shuffles and corrupts them (and the seed) the way scrapers damage pages;
``check_events``, ``check_ics`` and ``check_page`` say whether what the tool made from them is
valid. ``benchmarks/mutations.py`` imports this module too.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from collections.abc import Iterator, Sequence
from typing import Any

import icalendar
from ics_support import check_calendar

from timeline import EVENT_TYPES, Article, Event, extract, parse_article
from timeline.countries import countries

ARTICLES: tuple[str, ...] = (
    """ date 2024-07-05 Chinese, Kazakh presidents hold talks in Astana

ASTANA, July 4 (Xinhua) -- Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Thursday.

The two heads of state witnessed the signing of more than 20 cooperation documents after the talks.

Xi arrived in Astana on Tuesday for a state visit to Kazakhstan from July 2 to 4 and the 24th SCO Summit.

Chinese President Xi Jinping attends a welcoming ceremony held by Kazakh President Kassym-Jomart Tokayev in Astana, Kazakhstan, July 3, 2024. (Xinhua/Li Xueren)
""",
    """ date 2023-03-22 Putin and Xi hold talks in the Kremlin

MOSCOW, April 16. /TASS/. Russian President Vladimir Putin held talks with Chinese President Xi Jinping in the Kremlin on Tuesday.

After the talks the leaders signed a joint statement and made statements to the press.

Putin later hosted a state dinner in honour of the Chinese leader.
""",
    """ date 2024-10-07 Muizzu begins India visit

NEW DELHI, Oct 7 (PTI) -- Maldives President Mohamed Muizzu is on a state visit to India from October 6 to 10.

Prime Minister Narendra Modi received Muizzu at Rashtrapati Bhavan on Monday, where he was accorded a ceremonial welcome and inspected a guard of honour.

The two leaders held delegation-level talks at Hyderabad House and addressed a joint press conference.
""",
    """ date 2024-05-05 Blinken speaks with Kamikawa

WASHINGTON, May 5 (Reuters) - U.S. Secretary of State Antony Blinken spoke by phone with Japanese Foreign Minister Yoko Kamikawa on Sunday, the State Department said.

The two sides agreed to hold talks on trade and pledged to sign a deal later this year.
""",
    """ date 2024-02-14 Macron receives Zelensky in Paris

PARIS, Feb 16 (AFP) - French President Emmanuel Macron met with Ukrainian President Volodymyr Zelensky at the Elysee Palace on Friday, and the two leaders signed a bilateral security agreement.

Zelensky laid a wreath at the war memorial earlier in the day.
""",
    """ date 2022-11-16 Leaders gather in Bali

NUSA DUA, Indonesia, Nov. 15 (AP) -- Leaders of the world's largest economies opened the G20 summit in Bali on Tuesday.

On the sidelines of the summit, U.S. President Joe Biden met Chinese President Xi Jinping for three hours on Monday.

Indonesian President Joko Widodo will host a gala dinner for the leaders on Wednesday.
""",
)

# Text a scraper may leave in a page: other scripts, markup, controls, replacement characters.
_JUNK = (
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\u200b",
    "\u202e",
    "<script>alert(1)</script>",
    "&amp;",
    "Москва, 5 июля",
    "北京7月5日电",
    "القاهرة",
    "नई दिल्ली",
    "🇨🇳🤝🇹🇯",
    "(((((",
    ")))))",
    "--",
    " date 2024-02-30 ",
    "July 32, 2024",
    "0000-00-00",
    "May May May 5-4",
    "30 February",
    "Sept. 31 to Oct. 0",
    "President President of the of",
    "\n\n\n",
    "\t\t",
    " " * 200,
)


def _paragraphs(text: str) -> list[str]:
    return text.split("\n")


def _cut(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] if rng.random() < 0.5 else text[at:]


def _drop_span(text: str, rng: random.Random) -> str:
    a = rng.randrange(len(text) + 1)
    b = min(len(text), a + rng.randrange(1, 200))
    return text[:a] + text[b:]


def _duplicate(text: str, rng: random.Random) -> str:
    a = rng.randrange(len(text) + 1)
    b = min(len(text), a + rng.randrange(1, 400))
    return text[:b] + text[a:b] * rng.randrange(1, 4) + text[b:]


def _shuffle_paragraphs(text: str, rng: random.Random) -> str:
    parts = _paragraphs(text)
    rng.shuffle(parts)
    return "\n".join(parts)


def _shuffle_words(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    a = rng.randrange(len(words))
    chunk = words[a : a + 30]
    rng.shuffle(chunk)
    return " ".join(words[:a] + chunk + words[a + 30 :])


def _insert_junk(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(_JUNK) + text[at:]


def _random_chars(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    noise = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000)])) for _ in range(20))
    return text[:at] + noise + text[at:]


def _flip_case(text: str, rng: random.Random) -> str:
    return text.upper() if rng.random() < 0.5 else text.lower()


def _renumber(text: str, rng: random.Random) -> str:
    return re.sub(r"\d+", lambda m: str(rng.choice([0, 1, 13, 29, 31, 32, 99, 1900, 2024, 99999])), text)


def _swap_months(text: str, rng: random.Random) -> str:
    months = ["January", "Feb.", "March", "May", "Sept", "December", "Dec"]
    return re.sub(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b",
        lambda m: rng.choice(months),
        text,
    )


def _strip_newlines(text: str, rng: random.Random) -> str:
    return text.replace("\n", " " if rng.random() < 0.5 else "")


def _long_line(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    unit = rng.choice(["A", "Xy-", "July 5 ", "(", "President ", "a.", "\u00e9"])
    return text[:at] + unit * rng.randrange(100, 3000) + text[at:]


MUTATIONS = (
    _cut,
    _drop_span,
    _duplicate,
    _shuffle_paragraphs,
    _shuffle_words,
    _insert_junk,
    _random_chars,
    _flip_case,
    _renumber,
    _swap_months,
    _strip_newlines,
    _long_line,
)


def mutate(text: str, rng: random.Random, steps: int = 3) -> str:
    """``text`` after a few random kinds of damage."""
    for _ in range(steps):
        if not text:
            text = rng.choice(ARTICLES)
        text = rng.choice(MUTATIONS)(text, rng)
    return text


def variants(bases: Sequence[str], count: int, seed: int = 0) -> Iterator[str]:
    """``count`` damaged articles from ``bases``, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    for _ in range(count):
        text = rng.choice(bases)
        if rng.random() < 0.15:
            text += "\n\n" + rng.choice(bases)  # two pages saved as one
        yield mutate(text, rng, steps=rng.randrange(1, 5))


# ISO 3166-1 alpha-2, plus XK: the user-assigned code GeoNames and the EU use for Kosovo.
def _known_codes() -> set[str]:
    return set(countries()) | {"XK"}


def check_events(events: Sequence[Event], article: Article) -> None:
    """Raise AssertionError unless every event is valid and points into ``article``."""
    codes = _known_codes()
    for e in events:
        assert e.type in EVENT_TYPES, e.type
        assert isinstance(e.start, dt.date)
        assert e.end is None or e.end > e.start, (e.start, e.end)
        assert set(e.countries) <= codes, e.countries
        assert list(e.countries) == sorted(set(e.countries)), e.countries
        if e.location and e.location.country:
            assert e.location.country in codes, e.location
        assert e.evidence, "an event without evidence"
        for ev in e.evidence:
            assert 0 <= ev.start < ev.end <= len(article.text), (ev.start, ev.end)
            assert article.text[ev.start : ev.end] == ev.text
        assert Event.from_dict(e.to_dict()) == e
    assert len({e.id for e in events}) == len(events), "two events with one id"


_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def check_ics(data: bytes, events: Sequence[Event]) -> icalendar.Calendar:
    """RFC 5545 on the bytes (CRLF, folding at 75 octets, no control characters, required
    properties), then the checks every export passes (icalendar round trip, vobject's
    validate); returns the parsed calendar. ``events`` must have different ids."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    for line in lines:
        assert len(line.encode("utf-8")) <= 75, line
        assert not _CONTROL.search(line), repr(line)
        assert "\r" not in line and "\n" not in line
    unfolded: list[str] = []
    for line in lines:
        if line.startswith((" ", "\t")):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    stack: list[str] = []
    for line in unfolded:
        assert re.match(r"[A-Z][A-Z0-9-]*[;:]", line), line
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
        elif line.startswith("END:"):
            assert stack and stack.pop() == line[4:], line
    assert not stack
    cal = check_calendar(data)
    assert str(cal["version"]) == "2.0" and cal.get("prodid")
    vevents = cal.walk("VEVENT")
    assert len(vevents) == len(events)
    assert len({str(v["uid"]) for v in vevents}) == len(vevents)
    for v in vevents:
        for prop in ("uid", "dtstamp", "dtstart", "dtend", "summary"):
            assert prop in v, prop
        assert v.decoded("dtend") > v.decoded("dtstart")
    return cal


# The markup the page's labels are allowed to carry; everything else must be escaped.
_ALLOWED_TAGS = re.compile(r"<(?:br|b|/b|i|/i|sup|/sup)>")


def figure_labels(fig: Any) -> Iterator[str]:
    """Every text of a timeline figure that Plotly reads as markup."""
    for trace in fig.data:
        yield from trace.hovertext or ()
    yield from fig.layout.yaxis.ticktext or ()
    yield fig.layout.title.text


def check_label(label: str) -> str:
    """Raise unless ``label`` is escaped text with only the page's own tags; returns its text."""
    bare = _ALLOWED_TAGS.sub("\n", label)
    assert "<" not in bare and ">" not in bare, label
    assert not re.search(r"&(?!(?:lt|gt|amp|quot|#x27|#\d+);)", bare), label
    return html.unescape(bare)


def check_page(page: str, plain_page_scripts: int) -> None:
    """The page has only its own script elements; ``plain_page_scripts`` is how many a page
    of harmless events has."""
    assert page.count("<script") == plain_page_scripts
    assert page.count("</script") == plain_page_scripts


def check_variant(text: str, number: int) -> int:
    """Extract from one damaged article and check events, calendar and (every tenth) page;
    returns how many events it gave."""
    from timeline.html import build_figure
    from timeline.ics import to_calendar

    article = parse_article(text, path=f"variant-{number}.txt")
    events = extract(article)
    check_events(events, article)
    check_ics(to_calendar(events).to_ical(), events)
    if number % 10 == 0:
        for label in figure_labels(build_figure(events, lanes="person")):
            check_label(label)
    return len(events)


_SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ta",
    "len",
    "vo",
    "shi",
    "da",
    "ne",
    "bu",
    "ri",
    "so",
    "gan",
    "pe",
    "lu",
    "zo",
]
_PLACES = [
    ("BEIJING", "Chinese", "China"),
    ("MOSCOW", "Russian", "Russia"),
    ("NEW DELHI", "Indian", "India"),
    ("PARIS", "French", "France"),
    ("NAIROBI", "Kenyan", "Kenya"),
    ("BRASILIA", "Brazilian", "Brazil"),
    ("ASTANA", "Kazakh", "Kazakhstan"),
    ("CAIRO", "Egyptian", "Egypt"),
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
_AGENCIES = ["(Xinhua) --", "/TASS/.", "(PTI):", "(AFP) -", "(Reuters) -"]


def _surname(number: int, ending: str = "ski") -> str:
    """A different made-up name for every number: ``Kaski``, ``Romiski``..."""
    parts = []
    while True:
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
        if number == 0:
            break
    return "".join([*parts, ending]).capitalize()


def _given(number: int) -> str:
    return _surname(number, "ella")


def long_article(size: int, seed: int = 0) -> str:
    """About ``size`` characters of agency stories, one after another (as when a scraper
    saves a whole news site as one page): each story has its own people and days.

    Every person has a name of their own. (Stories sharing a short name, such as a family
    name, would make every mention of it name all of them: participants, and so time, would
    grow with the square of the page's length. That is what the text says, not a slow rule.)"""
    rng = random.Random(seed)
    parts = [" date 2024-07-05 Diplomatic week\n\n"]
    total, people = len(parts[0]), 0
    while total < size:
        (city, demonym, _), (_, demonym2, country2) = rng.sample(_PLACES, 2)
        host, guest = _surname(people), _surname(people + 1)
        people += 2
        host_full, guest_full = f"{_given(people)} {host}", f"{_given(people + 1)} {guest}"
        month, day, year = rng.choice(_MONTHS), rng.randrange(1, 27), rng.randrange(2015, 2025)
        story = [
            f"{city}, {month} {day} {rng.choice(_AGENCIES)} {demonym} President {host_full} held talks with "
            f"visiting {demonym2} Prime Minister {guest_full} on {month} {day}, {year}.",
            f"{guest} paid a state visit to {country2} from {month} {day} to {day + 2}, {year}, and the two "
            f"leaders witnessed the signing of {rng.randrange(2, 30)} cooperation documents.",
            f"{host} hosted a state banquet for {guest} on {month} {day}, {year}. (Xinhua/{_surname(people + 7)})",
            f"{demonym} Foreign Minister {_given(people)} {_surname(people)} had a phone call with "
            f"{demonym2} Foreign Minister {_given(people + 1)} {_surname(people + 1)} on {month} {day + 1}, "
            f"{year}, and the two sides agreed to hold talks soon.",
            f"{host} and {guest} attended the {rng.randrange(2, 30)}th BRICS Summit in {country2} on "
            f"{month} {day}, {year}.",
        ]
        people += 2
        text = "\n\n".join(story[: rng.randrange(2, len(story) + 1)]) + "\n\n"
        parts.append(text)
        total += len(text)
    return "".join(parts)
