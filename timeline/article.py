"""Reading an article: header, dateline, paragraphs, photo captions and sentences.

An article is UTF-8 text. Its first line may be a header ``date YYYY-MM-DD Title``; the
body follows as published, often opening with a dateline such as
``DUSHANBE, July 5 (Xinhua) --`` or ``MOSCOW, March 21. /TASS/.``. Every piece keeps its
character offsets into :attr:`Article.text`, so evidence can point back into the article.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import stat
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TypeVar, overload

from timeline.dates import MONTH_ABBREVIATION_ALT, MONTHS, WEEKDAYS, find_dates
from timeline.errors import ArticleError, shown, valid_name
from timeline.places import is_place

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# The environment variable that sets the per-article size limit, e.g. TIMELINE_MAX_BYTES=200M.
MAX_BYTES_ENV = "TIMELINE_MAX_BYTES"
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_SIZE_RE = re.compile(r"(\d+) ?([kmg]?)i?b?", re.IGNORECASE)
# Lone surrogates (from a library caller's str; UTF-8 files cannot hold them).
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Bytes read at a time; a NUL among the first BINARY_PROBE bytes makes the file binary.
READ_CHUNK = 1 << 20
BINARY_PROBE = 8192

__all__ = ["Article", "ArticleError", "parse_article", "read_article"]


_LINE_RE = re.compile(r"[^\n]+")
HEADER_RE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*([^\n]*)\n?")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# A dateline opens the body: "DUSHANBE, July 5 (Xinhua) --", "MOSCOW, March 21. /TASS/.",
# "Gurgaon, Nov 12 (IANS):", "MOSCOW (Reuters) -", "BEIJING - ", "Jeddah: ", "Paris, 19 March 2018",
# "BOGOR CITY, Indonesia—", "ABU DHABI, 28th April 2013 (WAM):", "Addis Ababa May 3/2021/ENA/". It is read piece by piece:
# a city in capitals or title case, an optional region, an optional date, an optional agency in
# brackets or slashes, an optional dash or colon. Title-case cities must be known places.
_CITY_RE = re.compile(
    r"[ \t]*+(?P<city>[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]+){0,3}(?![a-z])"
    # A month after the city opens the date: "Addis Ababa September 13/2022/ENA/"
    rf"|[A-Z][a-zà-ÿ'’\-]+(?:[ \t]+(?!(?i:{_MONTH_ALT})\b)[A-Z][a-zà-ÿ'’\-]+){{0,2}})"
)
_REGION_RE = re.compile(r"[ \t]*+,[ \t]++(?P<region>[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+){0,2})")
_DATELINE_DATE = (
    rf"(?:(?P<month>(?i:{_MONTH_ALT}))\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<month2>(?i:{_MONTH_ALT})))\.?(?:(?:,?[ \t]*|/)(?P<year>\d{{4}}))?"
)
# Possessive spaces (*+): a long run of blanks must not be tried split every way.
_DATELINE_DATE_RE = re.compile(r"[ \t]*+,?[ \t]*+" + _DATELINE_DATE)
_AGENCY_RE = re.compile(r"[ \t]*+[.,]?[ \t]*+(?:\((?P<agency1>[^()\n]{1,60})\)|/(?P<agency2>[^/\n]{1,40})/)")
_DATELINE_END_RE = re.compile(
    r"[ \t]*+[.,]?[ \t]*+(?P<end>--|—|–|-|:)|[ \t]*+\.(?=[ \t])|[ \t]*+$", re.MULTILINE
)
# A line that is only a date and a place: "May 20, 2025, The Kremlin, Moscow", "20 May 2025, Paris".
_DATE_PLACE_LINE_RE = re.compile(
    rf"[ \t]*+(?:(?P<month>(?i:{_MONTH_ALT}))\.?[ \t]+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})[ \t]+"
    rf"(?P<month2>(?i:{_MONTH_ALT})))\.?,?[ \t]+(?P<year>\d{{4}}),[ \t]*+(?:[A-Z][\w'’-]*+(?:[ \t][A-Za-z][\w'’-]*+){{0,4}},[ \t]*+)?"
    r"(?P<city>[A-Z][\w'’-]*+(?:[ \t][A-Z][\w'’-]*+){0,2})[ \t]*+\Z"
)
# A date inside the agency brackets: "(UrduPoint News / Sputnik - 05th March, 2020)".
_AGENCY_DATE_RE = re.compile(_DATELINE_DATE)
TITLE_DATE_RE = re.compile(
    rf"(?:[:|–—]\s*)(?P<day>\d{{1,2}})\s+(?P<month>(?i:{_MONTH_ALT}))\.?,?\s+(?P<year>\d{{4}})\s*\Z"
)
# A reporter's byline on a line of its own: "By Sylvia Chebet", "By Wu Jiao and Zhao Shengnan".
BYLINE_RE = re.compile(r"By ([A-Z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|in|de|van))*)\s*(?:[|,].*)?\Z")
# A photo credit closing a paragraph: "(Xinhua/Yan Yan)", "(Photo: Reuters)", "[AFP]"
CAPTION_CREDIT_RE = re.compile(
    r"[(\[](?:Xinhua|Photo|Photos|AP|AFP|Reuters|PTI|ANI|EPA|TASS|Sputnik|CGTN|IANS|Getty|"
    r"[A-Z][\w.]*[ ]?Photo|[A-Z][\w .]{0,30}/)[^()\[\]\n]{0,80}[)\]]\s*\Z"
    # Reuters and AP close a caption without brackets: "... 2014. REUTERS/Kim Kyung-Hoon"
    r"|\b(?:REUTERS|AFP|AP|EPA|EPA-EFE|ANADOLU|XINHUA)/[A-Z][\w.' -]{1,40}(?:/File(?: Photo)?)?\s*\Z"
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=[a-z][.!?])(?=[A-Z][a-z])")
# Abbreviations after which a full stop does not end a sentence.
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Maj|Capt|Prof|Sen|Rep|Gov|Amb|Adm|Rev|Hon|Rt|No|Nos|Mt|Ft|"
    rf"{MONTH_ABBREVIATION_ALT}|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m|vs|etc|i\.e|e\.g)"
    # an initial, one letter or a transliterated digraph ("Kh. Battulga", "Ts. Elbegdorj")
    r"|\b[A-Z]|\b(?:Kh|Ts|Ch|Sh|Zh))\.\s*\Z"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text`` is read from the article's text (``source``) when asked for, so the
    sentences of a long article hold no second copy of it."""

    source: str = field(repr=False, compare=False)
    start: int
    end: int
    paragraph: int
    caption: bool = False

    @property
    def text(self) -> str:
        return self.source[self.start : self.end]


_Span = TypeVar("_Span")


class _Spans(Sequence[_Span]):
    """Spans of one text kept as offsets (a long article has hundreds of thousands, and an
    object each cost three times as much): each span is made as it is read (:meth:`_at`)."""

    __slots__ = ("_source", "_starts", "_ends", "_captions")

    def __init__(self, source: str) -> None:
        self._source = source
        self._starts = _offsets(source)
        self._ends = _offsets(source)
        self._captions = bytearray()

    def _at(self, i: int) -> _Span:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> _Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[_Span]: ...

    def __getitem__(self, index: int | slice) -> _Span | list[_Span]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return self._at(range(len(self))[index])  # negative indexes, and IndexError beyond the end


class Sentences(_Spans[Sentence]):
    """An article's sentences, kept as offsets: each :class:`Sentence` is made as it is read."""

    __slots__ = ("_paragraphs",)

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self._paragraphs = _offsets(source)

    def add(self, start: int, end: int, paragraph: int, caption: bool) -> None:
        self._starts.append(start)
        self._ends.append(end)
        self._paragraphs.append(paragraph)
        self._captions.append(caption)

    def _at(self, i: int) -> Sentence:
        return Sentence(
            self._source, self._starts[i], self._ends[i], self._paragraphs[i], bool(self._captions[i])
        )

    def __iter__(self) -> Iterator[Sentence]:
        source = self._source
        for start, end, paragraph, caption in zip(
            self._starts, self._ends, self._paragraphs, self._captions, strict=True
        ):
            yield Sentence(source, start, end, paragraph, bool(caption))


def _offsets(source: str) -> array[int]:
    """An array for offsets into ``source``: four bytes an offset where they fit (any text
    under 2 GB), else eight."""
    return array("i" if len(source) < 2**31 else "q")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: ``text`` is read from the article's text (``source``) when asked for."""

    source: str = field(repr=False, compare=False)
    start: int
    end: int
    caption: bool = False

    @property
    def text(self) -> str:
        return self.source[self.start : self.end]


class Paragraphs(_Spans[Paragraph]):
    """An article's paragraphs, kept as offsets into its text (as :class:`Sentences`): each
    :class:`Paragraph` is made as it is read."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__("")

    def append(self, paragraph: Paragraph) -> None:
        if not self._starts:
            self._source = paragraph.source
            self._starts, self._ends = _offsets(self._source), _offsets(self._source)
        elif paragraph.source is not self._source and paragraph.source != self._source:
            raise ValueError("the paragraphs of an article are all of its text")
        self._starts.append(paragraph.start)
        self._ends.append(paragraph.end)
        self._captions.append(paragraph.caption)

    def _at(self, i: int) -> Paragraph:
        return Paragraph(self._source, self._starts[i], self._ends[i], bool(self._captions[i]))

    def __iter__(self) -> Iterator[Paragraph]:
        source = self._source
        for start, end, caption in zip(self._starts, self._ends, self._captions, strict=True):
            yield Paragraph(source, start, end, bool(caption))


@dataclass(frozen=True)
class Dateline:
    city: str
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    start: int
    end: int
    region: str | None = None  # "BOGOR CITY, Indonesia": the country or region after the city


@dataclass
class Article:
    """One article as read from disk or stdin, with offsets into ``text``."""

    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    dateline: Dateline | None = None
    url: str | None = None
    body_start: int = 0
    paragraphs: Paragraphs = field(default_factory=Paragraphs)
    byline: str | None = None  # "By Sylvia Chebet": a reporter's story, not an official readout
    # What a store knows the article by when not its file: a URL, or "FILE:LINE" in a corpus.
    key: str | None = None
    _sentences: tuple[int, Sentences] | None = field(default=None, repr=False, compare=False)

    @property
    def dateline_date(self) -> dt.date | None:
        """The dateline day, with the header year (or the year before, for a later month)."""
        d = self.dateline
        if d is None or d.month is None or d.day is None:
            return None
        year = d.year
        if year is None:
            if self.published is None:
                return None
            year = self.published.year
            if d.month > self.published.month:
                year -= 1
        try:
            return dt.date(year, d.month, d.day)
        except ValueError:
            return None

    @property
    def title_date(self) -> dt.date | None:
        """A full date closing the title, as gov.uk writes it: "PM call with ...: 17 July 2024"."""
        if not self.title:
            return None
        m = TITLE_DATE_RE.search(self.title)
        if m is None:
            return None
        try:
            return dt.date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")))
        except ValueError:
            return None

    @property
    def reference_date(self) -> dt.date | None:
        """The day that relative words ('Friday', 'yesterday') are read against: the dateline,
        else a date closing the title, else the publication date.

        A readout's title names the day of its happening ("PM call with X: 21 December 2025");
        where the publication date is another, the first relative word of the body tells which
        of the two it was written on: "spoke to X yesterday afternoon", published on the 22nd,
        is the title's day read from the publication; "They met today" is the title's day."""
        if self.dateline_date is not None:
            return self.dateline_date
        titled = self.title_date
        if titled is None or self.published is None or titled == self.published:
            return titled or self.published
        for s in itertools.islice(self.sentences(), 12):
            relative = [
                d for d in find_dates(self.text[s.start : s.end], self.published) if d.kind == "relative"
            ]
            if relative:
                return self.published if relative[0].first == titled else titled
        return titled

    def sentences(self) -> Sentences:
        """The sentences of every paragraph, in order (split once, then kept)."""
        if self._sentences is not None and self._sentences[0] == len(self.paragraphs):
            return self._sentences[1]
        out = Sentences(self.text)
        for index, para in enumerate(self.paragraphs):
            for start, end in split_sentences(self.text, para.start, para.end):
                out.add(start, end, index, para.caption)
        self._sentences = (len(self.paragraphs), out)
        return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``, as absolute offsets, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    chunk = text[start:end]
    cursor = 0
    for m in _SENTENCE_END_RE.finditer(chunk):
        if _NO_BREAK_AFTER.search(chunk, max(cursor, m.start() - 12), m.start()):
            continue
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(chunk)))
    result = []
    for a, b in spans:
        piece = chunk[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            result.append((start + a + lead, start + a + trail))
    return result


def is_caption(paragraph: str) -> bool:
    return bool(CAPTION_CREDIT_RE.search(paragraph))


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The per-article size limit: ``max_bytes`` if given, else ``$TIMELINE_MAX_BYTES``
    (bytes, or a number with K, M or G), else :data:`DEFAULT_MAX_BYTES` (50 MB)."""
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    found = _SIZE_RE.fullmatch(raw)
    if not found or int(found.group(1)) == 0:
        raise ArticleError(f"{MAX_BYTES_ENV}={raw!r} is not a size (bytes, or a number with K, M or G)")
    return int(found.group(1)) * _UNITS[found.group(2).lower()]


def parse_article(text: str, path: str = "-", url: str | None = None) -> Article:
    """Read an article from its text (the library entry point for notebooks and stdin)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One U+FFFD for each lone surrogate: the text stays valid Unicode and offsets hold.
    text = _SURROGATE_RE.sub("\ufffd", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    article = Article(path=path, text=text, url=url)
    body_start = 0
    header = HEADER_RE.match(text)
    if header:
        try:
            article.published = dt.date.fromisoformat(header.group(1))
        except ValueError:
            article.published = None
        article.title = header.group(2).strip() or None
        body_start = header.end()
    article.body_start = body_start

    for m in _LINE_RE.finditer(text, body_start):  # not in text[body_start:]: no copy of the body
        raw = m.group(0)
        if not raw.strip():
            continue
        a = m.start() + (len(raw) - len(raw.lstrip()))
        b = m.start() + len(raw.rstrip())
        piece = text[a:b]
        article.paragraphs.append(Paragraph(text, a, b, caption=is_caption(piece)))

    for para in article.paragraphs[:6]:
        byline = BYLINE_RE.match(para.text)
        if byline:
            article.byline = byline.group(1)
            break
    # The dateline is looked for in the first few paragraphs that are not captions.
    looked = 0
    for para in article.paragraphs:
        if para.caption:
            continue
        looked += 1
        article.dateline = read_dateline(text, para.start, para.end)
        if article.dateline is not None:
            break
        if looked >= 8:
            break
    if article.published is None and article.dateline and article.dateline.year:
        article.published = article.dateline_date
    return article


def read_dateline(text: str, start: int, end: int) -> Dateline | None:
    """The dateline at the start of ``text[start:end]``, if that paragraph opens with one."""
    placed = _DATE_PLACE_LINE_RE.match(text, start, end)
    if placed is not None:
        # The Kremlin's "May 20, 2025, The Kremlin, Moscow": a line of its own, date first.
        name = dateline_city(placed.group("city"), known_only=True)
        if name is not None:
            return Dateline(
                city=name,
                month=MONTHS[(placed.group("month") or placed.group("month2")).lower()],
                day=int(placed.group("day") or placed.group("day2")),
                year=int(placed.group("year")),
                agency=None,
                start=start,
                end=placed.end(),
            )
    city = _CITY_RE.match(text, start, end)
    if city is None or city.group("city").lower() in WEEKDAYS:
        return None  # "MONDAY, January 20": a day heading an itinerary, no dateline
    pos = city.end()
    date = _DATELINE_DATE_RE.match(text, pos, end)
    region = None
    if date is None:
        region = _REGION_RE.match(text, pos, end)
        if region is not None:
            pos = region.end()
            date = _DATELINE_DATE_RE.match(text, pos, end)
    if date is not None:
        pos = date.end()
    agency = _AGENCY_RE.match(text, pos, end)
    if agency is not None and "@" in agency.group():
        return None  # a byline with a social handle: "Mohammad Ali (@handle) Published ..."
    if agency is not None:
        pos = agency.end()
        if date is None:
            date = _AGENCY_DATE_RE.search(text, agency.start(), agency.end())
    close = _DATELINE_END_RE.match(text, pos, end)
    if date is None and agency is None and (close is None or not close.group("end")):
        return None
    trusted = date is not None and agency is not None
    name = dateline_city(
        city.group("city"), known_only=not trusted and (not city.group("city").isupper() or date is None)
    )
    if name is None:
        return None
    month = day = None
    if date is not None:
        month = MONTHS[(date.group("month") or date.group("month2")).lower()]
        day = int(date.group("day") or date.group("day2"))
    agency_name = (agency.group("agency1") or agency.group("agency2") or "") if agency else ""
    return Dateline(
        city=name,
        month=month,
        day=day,
        year=int(date.group("year")) if date is not None and date.group("year") else None,
        agency=agency_name.split("/")[-1].split(" - ")[0].strip() or None,
        start=city.start("city"),
        end=close.end() if close is not None else pos,
        region=region.group("region") if region is not None else None,
    )


def dateline_city(raw: str, known_only: bool = False) -> str | None:
    """The city a dateline names: ``WAM ABU DHABI`` -> ``Abu Dhabi``; ``BOGOR CITY`` -> ``Bogor``."""
    words = [w.capitalize() if w.isupper() else w for w in raw.split()]
    if len(words[0]) < 2:
        return None
    for n in range(len(words)):
        name = " ".join(words[n:])
        if is_place(name):
            return name
        if len(words) - n > 1 and words[-1] == "City" and is_place(" ".join(words[n:-1])):
            return " ".join(words[n:-1])
    return None if known_only else " ".join(words)


def read_article(path: str | Path, max_bytes: int | None = None) -> Article:
    """Read an article file. Raises :class:`ArticleError` with a one-line reason.

    A regular file over ``max_bytes`` (default: :func:`max_bytes_limit`) is refused before it
    is read. Whatever the file is (a device, a FIFO, a file that grows while it is read), at
    most ``max_bytes + 1`` bytes are read: the size a file claims is never trusted.
    """
    return parse_bytes(read_input(path, max_bytes), shown(path))


def read_input(path: str | Path, max_bytes: int | None = None) -> bytes:
    """The bytes of an input file, refused with a one-line reason when missing, a folder,
    unreadable or over ``max_bytes`` (default: :func:`max_bytes_limit`)."""
    max_bytes = max_bytes_limit(max_bytes)
    p = Path(path)
    name = shown(p)
    if not valid_name(p):
        raise ArticleError(f"{name}: file name is not valid UTF-8; rename the file to read it")
    try:
        info = p.stat()
    except FileNotFoundError as err:
        raise ArticleError(f"{name}: no such file") from err
    except OSError as err:
        raise ArticleError(f"{name}: cannot read ({err.strerror})") from err
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{name}: is a folder, not an article")
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise ArticleError(
            f"{name}: {info.st_size} bytes is over the article size limit of {max_bytes} bytes"
        )
    try:
        with p.open("rb", buffering=0) as f:
            return read_bounded(f, max_bytes, name)
    except OSError as err:
        raise ArticleError(f"{name}: cannot read ({err.strerror})") from err


def read_bounded(f: BinaryIO, max_bytes: int, name: str, what: str = "") -> bytes:
    """At most ``max_bytes`` bytes of ``f``, read in chunks; more is an :class:`ArticleError`,
    and so is a NUL byte near the start (a binary file, or ``/dev/zero``), told at once."""
    chunks: list[bytes] = []
    total = 0
    probed = False
    while True:
        chunk = f.read(min(READ_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if not probed and (total >= BINARY_PROBE):
            probed = True
            if b"\x00" in b"".join(chunks)[:BINARY_PROBE]:
                raise ArticleError(f"{name}: binary file, not a text article")
        if total > max_bytes:
            raise ArticleError(f"{name}: {what}over the article size limit of {max_bytes} bytes")
    return b"".join(chunks)


def parse_bytes(data: bytes, path: str) -> Article:
    """An article from the bytes of a file: binary data, text that is not UTF-8 and a header
    whose date is not a day of the calendar are each an :class:`ArticleError`."""
    if b"\x00" in data[:BINARY_PROBE]:
        raise ArticleError(f"{path}: binary file, not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleError(f"{path}: not UTF-8 text (bad byte at offset {err.start})") from err
    article = parse_article(text, path)
    header = HEADER_RE.match(article.text)
    if header is not None and not _is_day(header.group(1)):
        raise ArticleError(
            f"{path}: header date {header.group(1)} is not a day of the calendar "
            "(the first line should be 'date YYYY-MM-DD Title')"
        )
    return article


def _is_day(iso: str) -> bool:
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True
