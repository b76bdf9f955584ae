"""Dates as diplomatic English writes them, resolved to calendar days.

``find_dates`` returns every date mention in a piece of text: full dates (``July 5, 2024``,
``5 July 2024``, ``2024-07-05``), dates without a year (``Sept. 25``), spans (``July 4-6``,
``from May 5 to 10``, ``3-5 June``, ``June 30 to July 2``), weekdays (``on Friday``) and
relative words (``yesterday``, ``earlier today``, ``tomorrow``). Weekdays and relative
words are resolved against a reference day, backwards for what happened and forwards for
what is scheduled; a date without a year takes the year that puts it nearest the reference.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from timeline import wordlists

# Month names and abbreviations (data/months.tsv), lower case: "sept" -> 9.
MONTHS: dict[str, int] = {name: int(month) for name, month, _form in wordlists.rows("months.tsv")}
_MONTH_FORMS = [(name, form) for name, _month, form in wordlists.rows("months.tsv")]
# The months written out and abbreviated, capitalised, as alternatives of a regular expression.
MONTH_NAME_ALT = wordlists.alternation(name.capitalize() for name, form in _MONTH_FORMS if form == "name")
MONTH_ABBREVIATION_ALT = wordlists.alternation(
    name.capitalize() for name, form in _MONTH_FORMS if form == "abbreviation"
)
# Weekdays (data/weekdays.tsv), Monday 0.
WEEKDAYS = {name: int(number) for name, number in wordlists.table("weekdays.tsv").items()}
WEEKDAY_ALT = wordlists.alternation(name.capitalize() for name in WEEKDAYS)
# Number words (data/numbers.tsv): "three" -> 3.
NUMBER_WORDS = {word: int(value) for word, value in wordlists.table("numbers.tsv").items()}


def number_words(low: int, high: int) -> str:
    """The number words from ``low`` to ``high`` as alternatives of a regular expression: "two|three"."""
    return wordlists.alternation(word for word, value in NUMBER_WORDS.items() if low <= value <= high)


_M = r"(?P<{}>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_D = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|through|until|till|and)\s*"

# Each pattern names its groups m1/d1/y1 (first day) and m2/d2/y2 (last day of a span).
_PATTERNS = [
    # 2024-07-05
    re.compile(r"\b(?P<y1>(?:19|20)\d\d)-(?P<m1n>[01]\d)-(?P<d1>[0-3]\d)\b"),
    # June 30 to July 2[, 2024]
    re.compile(
        r"\b(?:from\s+)?"
        + _M.format("m1")
        + r"\s+"
        + _D.format("d1")
        + r"(?:,?\s+"
        + _Y.format("y1")
        + r")?"
        + _DASH
        + _M.format("m2")
        + r"\s+"
        + _D.format("d2")
        + r"\b(?:,?\s+"
        + _Y.format("y2")
        + r")?"
    ),
    # 30 June to 2 July[ 2024]
    re.compile(
        r"\b(?:from\s+)?"
        + _D.format("d1")
        + r"\s+"
        + _M.format("m1")
        + r"(?:,?\s+"
        + _Y.format("y1")
        + r")?"
        + _DASH
        + _D.format("d2")
        + r"\s+"
        + _M.format("m2")
        + r"\b(?:,?\s+"
        + _Y.format("y2")
        + r")?"
    ),
    # July 4-6[, 2024], from May 5 to 10
    re.compile(
        r"\b(?:from\s+)?"
        + _M.format("m1")
        + r"\s+"
        + _D.format("d1")
        + _DASH
        + _D.format("d2")
        + r"\b(?:,?\s+"
        + _Y.format("y1")
        + r")?"
    ),
    # 3-5 June[ 2024], from 3 to 5 June
    re.compile(
        r"\b(?:from\s+)?"
        + _D.format("d1")
        + _DASH
        + _D.format("d2")
        + r"\s+"
        + _M.format("m1")
        + r"\b(?:,?\s+"
        + _Y.format("y1")
        + r")?"
    ),
    # July 5[, 2024] (not "May 3:30", a time)
    re.compile(
        r"\b" + _M.format("m1") + r"\s+" + _D.format("d1") + r"\b(?!:\d)(?:,?\s+" + _Y.format("y1") + r")?"
    ),
    # 5 July[ 2024]
    re.compile(
        r"\b" + _D.format("d1") + r"\s+(?:of\s+)?" + _M.format("m1") + r"\b(?:,?\s+" + _Y.format("y1") + r")?"
    ),
]

_WEEKDAY_RE = re.compile(rf"\b(?:(?P<which>last|next|this|coming|past)\s+)?(?P<wd>{WEEKDAY_ALT})\b")
_RELATIVE_RE = re.compile(
    r"\b(?P<word>yesterday|the day before yesterday|today|earlier today|later today|tonight|last night|"
    r"this (?:morning|afternoon|evening)|tomorrow|the day after tomorrow)\b",
    re.IGNORECASE,
)
# "over the weekend", "last weekend": the Saturday and Sunday before the reference day (or after,
# for what is scheduled).
_WEEKEND_RE = re.compile(r"\b(?P<which>the|last|this|next|coming|past) weekend\b", re.IGNORECASE)
_RELATIVE_OFFSETS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


@dataclass(frozen=True)
class DateMention:
    """A date found in text: its span in that text and the days it names."""

    start: int
    end: int
    first: dt.date
    last: dt.date | None
    kind: str  # "explicit" (has a month and day), "weekday" or "relative"
    has_year: bool = True


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def nearest_year(month: int, day: int, ref: dt.date | None, future: bool | None = None) -> dt.date | None:
    """The date with that month and day nearest to ``ref`` (within half a year)."""
    if ref is None:
        return None
    best: dt.date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _make(year: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return nearest_year(month, day, ref)


# "on the 11th", "on the evening of the 11th": an ordinal day without its month, not one that
# counts something ("the 14th National Committee", "the 17th G20 summit")
_NTH_OF_MONTH_RE = re.compile(
    r"\b(?:on|of|from|until|till) the (?P<nth>(?P<n>[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b"
    r"(?=\s*(?:[,.;:)]|$|(?:in|at|on|and|to|when|with|as|after|before|this|that|local)\b))"
)


def _day_of_month(ref: dt.date, n: int, future: bool) -> dt.date | None:
    month = ref.replace(day=1)
    if not future and n > ref.day + 1:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    elif future and n < ref.day - 1:
        month = (month + dt.timedelta(days=32)).replace(day=1)
    try:
        return month.replace(day=n)
    except ValueError:
        return None


def find_dates(text: str, ref: dt.date | None, future: bool = False) -> list[DateMention]:
    """Every date mention in ``text``, left to right, resolved against ``ref``."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # spans already read, sorted by start (they never overlap)

    def free(a: int, b: int) -> bool:
        i = bisect.bisect_right(taken, (a, len(text) + 1))
        if i > 0 and taken[i - 1][1] > a:
            return False
        return i == len(taken) or taken[i][0] >= b

    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            g = m.groupdict()
            month1 = int(g["m1n"]) if g.get("m1n") else _month(g["m1"])
            day1 = int(g["d1"])
            y1 = g.get("y1") or g.get("y2")
            first = _make(int(y1) if y1 else None, month1, day1, ref)
            if first is None:
                continue
            last = None
            if g.get("d2"):
                month2 = _month(g["m2"]) if g.get("m2") else month1
                last = _make(first.year, month2, int(g["d2"]), None)
                if last is not None and last < first:
                    last = _make(first.year + 1, month2, int(g["d2"]), None)
                if last is not None and ((last - first).days > 60 or last <= first):
                    last = None
            found.append(DateMention(m.start(), m.end(), first, last, "explicit", has_year=bool(y1)))
            bisect.insort(taken, (m.start(), m.end()))

    if ref is not None:
        for m in _WEEKDAY_RE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            wd = WEEKDAYS[m.group("wd").lower()]
            which = (m.group("which") or "").lower()
            forward = future if which in ("", "this") else which in ("next", "coming")
            if forward:
                delta = (wd - ref.weekday()) % 7
                if which == "next" and delta == 0:
                    delta = 7
            else:
                delta = -((ref.weekday() - wd) % 7)
                if which in ("last", "past") and delta == 0:
                    delta = -7
            day = ref + dt.timedelta(days=delta)
            found.append(DateMention(m.start(), m.end(), day, None, "weekday"))
            bisect.insort(taken, (m.start(), m.end()))
        for m in _NTH_OF_MONTH_RE.finditer(text):
            # "on the evening of the 11th" (KCNA, Yonhap): a day of the reference's month, or of
            # the month before where that day lies ahead and the telling is of the past
            if not free(m.start("nth"), m.end("nth")):
                continue
            n = int(m.group("n"))
            nth = _day_of_month(ref, n, future)
            if nth is not None:
                found.append(DateMention(m.start("nth"), m.end("nth"), nth, None, "explicit", has_year=False))
                bisect.insort(taken, (m.start("nth"), m.end("nth")))
        for m in _RELATIVE_RE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            word = m.group("word").lower()
            day = ref + dt.timedelta(days=_RELATIVE_OFFSETS.get(word, 0))
            found.append(DateMention(m.start(), m.end(), day, None, "relative"))
            bisect.insort(taken, (m.start(), m.end()))

        for m in _WEEKEND_RE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            which = m.group("which").lower()
            forward = future if which in ("the", "this") else which in ("next", "coming")
            if forward:
                saturday = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
            else:
                saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7 or 7)
                if ref.weekday() == 6 and which in ("the", "this"):
                    saturday = ref - dt.timedelta(days=1)
            found.append(
                DateMention(m.start(), m.end(), saturday, saturday + dt.timedelta(days=1), "relative")
            )
            bisect.insort(taken, (m.start(), m.end()))

    found.sort(key=lambda d: d.start)
    return found


DURATION_RE = re.compile(rf"\b(?P<n>{number_words(1, 10)}|\d{{1,2}})[- ]day\b", re.IGNORECASE)


# "after concluding", "following wrapping up": what follows is a stay already over. One phrase for
# the length of that stay (here) and for its place (locate.PREVIOUS_STAY_RE).
STAY_ENDED = r"\b(?:after|following) (?:concluding|wrapping up|completing|ending|winding up)"
_STAY_DETERMINER = r"(?:a |an |his |her |their |the )?"

# "arrived on Sunday after concluding a two-day trip to Nigeria": the length of a stay just ended.
_PREVIOUS_STAY_BEFORE = re.compile(rf"{STAY_ENDED} {_STAY_DETERMINER}\Z", re.IGNORECASE)


# "departed for home today after concluding a five-day visit": the stay ends on the day told.
DEPARTED_AFTER_STAY_RE = re.compile(
    r"\b(?:departed|departs|left|leaves|flew out|flies out)\b[^.;]{0,60}?"
    rf"{STAY_ENDED} {_STAY_DETERMINER}(?:{number_words(1, 10)}|\d{{1,2}})[- ]day\b",
    re.IGNORECASE,
)


def duration_days(text: str) -> int | None:
    """``a three-day state visit`` -> 3 (not the length of a stay the sentence says has ended,
    unless the leaving it is the happening told)."""
    leaving = DEPARTED_AFTER_STAY_RE.search(text)
    m = next(
        (
            d
            for d in DURATION_RE.finditer(text)
            if (leaving and leaving.start() < d.start() < leaving.end())
            or not _PREVIOUS_STAY_BEFORE.search(text, max(0, d.start() - 40), d.start())
        ),
        None,
    )
    if not m:
        return None
    n = m.group("n").lower()
    days = NUMBER_WORDS.get(n) or (int(n) if n.isdigit() else 0)
    return days if 1 <= days <= 31 else None
