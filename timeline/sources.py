"""Where articles come from: files, folders (recursively), ``-`` for standard input, URLs,
saved web pages, RSS or Atom feeds and JSON Lines corpora.

``iter_articles`` streams: it reads one article at a time, so a folder or a corpus of any size
is never held in memory. A path that is missing, a folder with no articles, a file or URL
that cannot be read, a line of a corpus or an entry of a feed that is broken are each
reported through ``on_error`` and skipped, or raise when ``strict`` is set (or when there is
no ``on_error``), so one bad input among many does not stop a run.

What a file is, is told by its name: ``.html`` / ``.htm`` a saved web page
(:mod:`timeline.web`), ``.jsonl`` a corpus of one article a line, ``.rss`` / ``.atom`` /
``.xml`` a feed (:mod:`timeline.feeds`), anything else a text article in the seed's format.
A URL is told by what the server sends.

A file named on the command line is read whatever it is (a FIFO, ``/dev/stdin``), at most the
size limit; a device or FIFO met while walking a folder is refused instead, since reading it
could block or never end.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from timeline.article import (
    Article,
    max_bytes_limit,
    parse_article,
    parse_bytes,
    read_article,
    read_bounded,
    read_input,
)
from timeline.errors import ArticleError, shown

# A NAME.meta.json sidecar holds a URL and a few fields: anything bigger is not one.
MAX_SIDECAR_BYTES = 1024 * 1024

if TYPE_CHECKING:
    from timeline.fetch import Fetcher

# The files a folder gives, unless --glob says otherwise (patterns separated by commas).
DEFAULT_GLOB = "*.txt,*.html,*.htm,*.jsonl,*.rss,*.atom"
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
FEED_SUFFIXES = (".rss", ".atom", ".xml")
# The fields of a corpus line each article field is looked for in, first found first.
JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("date", "published"),
    "url": ("url", "link"),
}

OnError = Callable[[ArticleError], None]


class Note(ArticleError):
    """Something said about an input that was still read (a feed entry read from its summary)."""


@dataclass(frozen=True)
class Reading:
    """How inputs beyond plain files are read.

    ``fields`` maps an article field of a JSON Lines corpus (``text``, ``title``, ``date``,
    ``url``) to the name a corpus gives it; ``feeds`` are inputs read as feeds whatever their
    name; ``timeout`` (seconds), ``max_redirects``, ``cache`` (a folder remembering what was
    fetched, for conditional requests) are for URLs.
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    feeds: tuple[str, ...] = ()
    timeout: float = 20.0
    max_redirects: int = 5
    cache: Path | None = None


def default_cache() -> Path:
    """Where fetched pages are kept: ``$TIMELINE_CACHE``, else ``$XDG_CACHE_HOME/timeline``
    (``~/.cache/timeline``)."""
    if os.environ.get("TIMELINE_CACHE"):
        return Path(os.environ["TIMELINE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "timeline"


def parse_fields(pairs: Iterable[str]) -> dict[str, str]:
    """``["text=story", "date=pubDate"]`` as a field mapping; raises ValueError on a bad pair."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, theirs = pair.partition("=")
        name, theirs = name.strip(), theirs.strip()
        if not sep or not theirs:
            raise ValueError(f"{pair!r} is not FIELD=NAME (e.g. text=story)")
        if name not in JSONL_FIELDS:
            raise ValueError(f"{name!r} is not a field; choose from {', '.join(JSONL_FIELDS)}")
        out[name] = theirs
    return out


def is_url(item: str | os.PathLike[str]) -> bool:
    return isinstance(item, str) and item.startswith(("http://", "https://"))


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], glob: str = DEFAULT_GLOB, on_error: OnError | None = None
) -> Iterator[Path | str]:
    """Inputs in the order given; a folder gives its files matching ``glob`` (patterns
    separated by commas), recursively, sorted.

    ``-`` stands for standard input and a URL for itself. A missing path or a folder with no
    matching file raises :class:`ArticleError`, or goes to ``on_error`` when one is given.
    """
    patterns = [g.strip() for g in glob.split(",") if g.strip()] or [DEFAULT_GLOB]
    for raw in path_list(paths):
        if str(raw) == "-" or is_url(raw):
            yield str(raw)
            continue
        p = Path(raw)
        problems: list[str] = []
        if p.is_dir():
            found: list[Path] = []
            for f in sorted({f for g in patterns for f in p.rglob(g)}):
                kind = _kind(f)
                if kind == "file":
                    found.append(f)
                elif kind != "folder":
                    problems.append(f"{shown(f)}: {kind}, not an article file; name it on its own to read it")
            if found:
                for problem in problems:  # told first: they come before the good files in the run
                    _report(problem, on_error)
                yield from found
                continue
            if not problems:
                problems.append(f"{shown(p)}: no {', '.join(patterns)} files in this folder")
        elif p.exists():
            yield p
            continue
        elif p.is_symlink():
            problems.append(f"{shown(p)}: broken link, points to nothing")
        else:
            problems.append(f"{shown(p)}: no such file or folder")
        for problem in problems:
            _report(problem, on_error)


def path_list(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
) -> list[str | os.PathLike[str]]:
    """``paths`` as a list; one path given alone (``"seeds"``) is a list of one, not its letters."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    if isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a list of paths (str or Path), not {type(paths).__name__}")
    out = list(paths)
    for p in out:
        if not isinstance(p, str | os.PathLike):
            raise TypeError(f"paths must be str or Path, not {type(p).__name__} ({p!r})")
    return out


def _kind(path: Path) -> str:
    """``file``, ``folder``, or what else a path found in a folder is (followed through links)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "broken link, points to nothing" if path.is_symlink() else "cannot be read"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _report(problem: str, on_error: OnError | None) -> None:
    if on_error is None:
        raise ArticleError(problem)
    on_error(ArticleError(problem))


def _sidecar_url(path: Path) -> str | None:
    """The URL of an article from ``NAME.meta.json`` beside ``NAME.txt``, where there is one.

    A sidecar that is there but cannot be read, is not a JSON object, or whose ``"url"`` is
    not an http(s) address is an :class:`ArticleError` naming it: a wrong URL must not be
    dropped silently.
    """
    meta = path.with_suffix(".meta.json")
    if meta == path or not meta.exists():
        return None
    name = shown(meta)
    if not meta.is_file():
        raise ArticleError(f"{name}: not a regular file; a .meta.json sidecar must be a JSON file")
    try:
        with meta.open("rb", buffering=0) as f:
            raw = read_bounded(f, MAX_SIDECAR_BYTES, name)
    except OSError as err:
        raise ArticleError(f"{name}: cannot read ({err.strerror})") from err
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ArticleError(f"{name}: not UTF-8 text (bad byte at offset {err.start})") from err
    except json.JSONDecodeError as err:
        raise ArticleError(f"{name}: not JSON ({err.msg} at line {err.lineno} column {err.colno})") from err
    if not isinstance(data, dict):
        raise ArticleError(f'{name}: not a JSON object such as {{"url": "https://..."}}')
    url = data.get("url")
    if url is None:
        return None
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise ArticleError(f'{name}: "url" is not an http:// or https:// address ({url!r})')
    return url


def one_article(path: Path | str, reading: Reading | None = None) -> bool:
    """Whether ``path`` is a file of one article (text or web page) or ``-``, read by :func:`load`."""
    if str(path) == "-":
        return True
    if is_url(path):
        return False
    suffix = Path(path).suffix.lower()
    feeds = reading.feeds if reading else ()
    return str(path) not in feeds and suffix not in JSONL_SUFFIXES + FEED_SUFFIXES


def load(path: Path | str, max_bytes: int | None = None) -> Article:
    """The article of one file (text or saved web page) or of standard input."""
    max_bytes = max_bytes_limit(max_bytes)
    if path == "-":
        try:
            data = read_bounded(sys.stdin.buffer, max_bytes, "-", "standard input is ")
        except OSError as err:
            raise ArticleError(f"-: cannot read standard input ({err.strerror})") from err
        return parse_bytes(data, "-")
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        from timeline.web import page_article

        return page_article(read_input(path, max_bytes), str(path))
    article = read_article(path, max_bytes=max_bytes)
    article.url = _sidecar_url(Path(path))
    return article


def _date(raw: object) -> dt.date | None:
    """A corpus date: ISO (``2024-07-05``, ``2024-07-05T09:12:00Z``) or RFC 2822 (feeds')."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    raw = raw.strip()
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None


def compose(text: str, title: str | None, published: dt.date | None, path: str, url: str | None) -> Article:
    """An article from its parts, written the seed's way (``date YYYY-MM-DD Title``, a blank
    line, the body) so it is read exactly as a ``.txt`` article is."""
    title = " ".join((title or "").split()) or None
    if published is not None:
        article = parse_article(f"date {published.isoformat()} {title or ''}\n\n{text}", path)
    else:
        article = parse_article(text, path)
        article.title = title
    article.url = url
    return article


def jsonl_articles(
    path: Path, max_bytes: int, fields: Mapping[str, str], report: OnError
) -> Iterator[Article]:
    """The articles of a JSON Lines corpus, one a line; a bad line goes to ``report`` as
    ``FILE:LINE: reason`` and the rest are read."""
    wanted = {name: ((fields[name],) if name in fields else names) for name, names in JSONL_FIELDS.items()}
    resolved = str(path.resolve())
    try:
        handle = path.open("rb")
    except OSError as err:
        raise ArticleError(f"{path}: cannot read ({err.strerror})") from err
    with handle:
        number = 0
        while True:
            try:
                line = handle.readline(max_bytes + 1)
            except OSError as err:
                raise ArticleError(f"{path}: cannot read ({err.strerror})") from err
            if not line:
                return
            number += 1
            where = f"{path}:{number}"
            if len(line) > max_bytes:
                while line and not line.endswith(b"\n"):  # skip to the line's end, a piece at a time
                    line = handle.readline(max_bytes + 1)
                report(ArticleError(f"{where}: line is over the article size limit of {max_bytes} bytes"))
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except UnicodeDecodeError as err:
                report(ArticleError(f"{where}: not UTF-8 text (bad byte at offset {err.start})"))
                continue
            except ValueError as err:
                report(ArticleError(f"{where}: not JSON ({err})"))
                continue
            try:
                yield _jsonl_article(data, wanted, where, f"{resolved}:{number}")
            except ArticleError as err:
                report(err)


def _jsonl_article(data: Any, wanted: Mapping[str, tuple[str, ...]], where: str, key: str) -> Article:
    if not isinstance(data, dict):
        raise ArticleError(f"{where}: not a JSON object")

    def pick(name: str) -> Any:
        return next((data[n] for n in wanted[name] if data.get(n) not in (None, "")), None)

    text = pick("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}: no article text (looked for {', '.join(wanted['text'])})")
    title, raw_date, url = pick("title"), pick("date"), pick("url")
    published = _date(raw_date)
    if raw_date is not None and published is None:
        raise ArticleError(f"{where}: {wanted['date'][0]}: {raw_date!r} is not a date (2024-07-05)")
    article = compose(
        text.strip() + "\n",
        title if isinstance(title, str) else None,
        published,
        where,
        url if isinstance(url, str) and is_url(url) else None,
    )
    article.key = key
    return article


class Reader:
    """Reads each input into its articles, holding what a run shares (the HTTP client)."""

    def __init__(
        self,
        max_bytes: int | None = None,
        reading: Reading | None = None,
        report: OnError | None = None,
        note: OnError | None = None,
    ):
        self.max_bytes = max_bytes_limit(max_bytes)
        self.reading = reading or Reading()
        self._report = report
        self._note = note
        self._fetcher: Fetcher | None = None

    def report(self, err: ArticleError) -> None:
        """A part of an input (a corpus line, a feed entry) that is skipped."""
        if self._report is None:
            raise err
        self._report(err)

    def note(self, err: ArticleError) -> None:
        if self._note is not None:
            self._note(err)

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from timeline.fetch import Fetcher

            self._fetcher = Fetcher(
                timeout=self.reading.timeout,
                max_bytes=self.max_bytes,
                max_redirects=self.reading.max_redirects,
                cache=self.reading.cache,
            )
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def __enter__(self) -> Reader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def articles(self, item: Path | str) -> Iterator[Article]:
        """The articles of one input. An input that cannot be read at all raises
        :class:`ArticleError`; a bad part of one goes to :meth:`report`."""
        name = str(item)
        if is_url(name):
            yield from self._url(name)
            return
        if one_article(item, self.reading):
            yield load(item, self.max_bytes)
            return
        path = Path(item)
        if path.suffix.lower() in JSONL_SUFFIXES and name not in self.reading.feeds:
            yield from jsonl_articles(path, self.max_bytes, self.reading.fields, self.report)
            return
        from timeline.feeds import feed_articles

        yield from feed_articles(read_input(path, self.max_bytes), name, self)

    def _url(self, url: str) -> Iterator[Article]:
        from timeline.feeds import feed_articles, looks_like_feed

        got = self.fetcher.get(url)
        if url in self.reading.feeds or looks_like_feed(got.data, got.content_type):
            yield from feed_articles(got.data, url, self)
            return
        yield self.page(got.data, url, got.url, got.content_type)

    def page(self, data: bytes, name: str, url: str, content_type: str = "") -> Article:
        """The article of a fetched page: HTML through :mod:`timeline.web`, text as a .txt."""
        from timeline.web import looks_like_html, page_article

        if "html" in content_type or ("text/plain" not in content_type and looks_like_html(data)):
            article = page_article(data, name, url=url)
        else:
            article = parse_bytes(data, name)
            article.url = url
        article.key = url
        return article


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    on_error: OnError | None = None,
    max_bytes: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    reading: Reading | None = None,
) -> Iterator[Article]:
    """Each article under ``paths`` in turn; bad inputs go to ``on_error`` unless ``strict``.

    ``on_progress(done, total)`` is called once the inputs are counted and after each one
    (the file list is then gathered first, to know the total). A file over ``max_bytes``
    (default ``$TIMELINE_MAX_BYTES`` or 50 MB) is a bad input, refused before it is read.
    A :class:`Note` (an input read another way than asked) goes to ``on_error`` too, strict or not.
    """
    max_bytes = max_bytes_limit(max_bytes)  # a bad setting stops the run, not one file
    report = None if strict else on_error
    found: Iterable[Path | str] = expand_paths(
        [*path_list(paths), *(reading.feeds if reading else ())], glob, on_error=report
    )
    total = 0
    if on_progress is not None:
        found = list(found)
        total = len(found)
        on_progress(0, total)
    with Reader(max_bytes, reading, report=report, note=on_error) as reader:
        for done, path in enumerate(found, 1):
            try:
                yield from reader.articles(path)
            except ArticleError as err:
                if report is None:
                    raise
                report(err)
            if on_progress is not None:
                on_progress(done, total)
