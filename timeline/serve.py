"""``timeline serve``: a small read-only web service over a store, for calendars people subscribe to.

Built on Starlette and served by uvicorn. Every address takes the command line's filters as
query parameters (``?country=TJ&country=CN&type=talks&since=2024-01&person=rahmon``; also
``until`` and ``text``) and answers what the command line would write for them:

- ``/calendar.ics``, ``/countries/TJ.ics``, ``/types/talks.ics``: the bytes of
  ``timeline ics --db STORE`` with the same filters (a shortcut's country or type is one more
  filter), ``text/calendar; charset=utf-8``;
- ``/events.json``, ``/events.jsonl``, ``/events.csv``: ``timeline extract --db STORE -f ...``;
- ``/`` and ``/timeline.html``: the timeline page, with a "Subscribe" link (``webcal://`` and
  ``http(s)://``) to the calendar of what it shows; ``/plotly.min.js`` is its script.

How it stays cheap and right while ``timeline ingest`` writes the store in another process:

- **Versions.** Before anything else a request asks the store's version
  (:meth:`Store.data_version`, SQLite's ``PRAGMA data_version``: it changes when another
  connection commits). An answer is kept, per address and filters, with the version it was
  made at; while the version stands, a poll is answered from what was kept (a 304 costs no
  query at all beyond the version).
- **Validators.** The ETag is a hash of the body, so it changes exactly when the answer does
  (a new event in another country leaves the Tajikistan calendar's ETag alone) and survives a
  restart of the server; Last-Modified is the time of the store's last write (its files'
  modification times). ``If-None-Match`` (or, without it, ``If-Modified-Since``) is answered
  with 304 Not Modified. Bodies are gzipped when the client asks.
- **Consistency.** An answer is read in one read transaction of the store's write-ahead log:
  it holds every article an ingest has committed and nothing of one it has not (an ingest
  commits whole articles, a few hundred at a time).
- **Safety.** Only the addresses above exist; nothing is read from disk but the store. Bad
  filters are 400 with the command line's one-line message; unknown parameters, repeated
  single-valued ones and over-long queries are refused in one line too.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import email.utils
import gzip
import hashlib
import html
import logging
import os
import re
import threading
import urllib.parse
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from timeline.filters import FilterError, Selection, selection
from timeline.model import Event
from timeline.store import Store, StoreError

log = logging.getLogger("timeline.serve")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# The longest query string answered (bytes, as sent); longer ones are refused with 414.
MAX_QUERY = 2048
# Bodies kept for answering again while the store does not change: at most this many bytes in
# all, none over a quarter of it (ETags are kept for every address asked, up to MAX_ENTRIES).
CACHE_BYTES = 256 * 2**20
MAX_ENTRIES = 1024
# Bodies this long or longer are gzipped for clients that take gzip.
GZIP_FROM = 1000

# Query parameter -> keyword of filters.selection; which may be repeated.
PARAMS = {"country": "countries", "type": "types", "person": "persons", "text": "text"}
SINGLE = {"since": "since", "until": "until"}
FILTER_NAMES = ", ".join([*PARAMS, *SINGLE])

CALENDAR = "text/calendar; charset=utf-8"
TYPES = {
    "json": "application/json; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
PLAIN = "text/plain; charset=utf-8"


class Refused(Exception):
    """A request answered with a one-line error: ``status`` and the message (without 'timeline: ')."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def parse_filters(items: list[tuple[str, str]], extra: dict[str, list[str]] | None = None) -> Selection:
    """The Selection a query string's ``items`` ask for (plus a shortcut's ``extra`` values);
    :class:`Refused` (400) with the command line's message when one cannot be read."""
    wanted: dict[str, list[str]] = {key: list((extra or {}).get(key, ())) for key in PARAMS.values()}
    single: dict[str, list[str]] = {key: [] for key in SINGLE.values()}
    for name, value in items:
        if name in PARAMS:
            wanted[PARAMS[name]].append(value)
        elif name in SINGLE:
            single[SINGLE[name]].append(value)
        else:
            shown = name if len(name) <= 40 else name[:40] + "..."
            raise Refused(400, f"unknown parameter {shown!r}; the filters are {FILTER_NAMES}")
    for key, values in single.items():
        if len(values) > 1:
            raise Refused(400, f"--{key}: given {len(values)} times; give one day")
    try:
        return selection(
            countries=wanted["countries"],
            since=single["since"][0] if single["since"] else None,
            until=single["until"][0] if single["until"] else None,
            types=wanted["types"],
            persons=wanted["persons"],
            text=wanted["text"],
        )
    except FilterError as err:
        raise Refused(400, str(err)) from None


def title_of(chosen: Selection) -> str:
    """The page's title: as ``timeline plot`` names it."""
    return "Diplomatic events" + ("" if chosen == Selection() else f" ({chosen.describe()})")


def calendar_query(chosen: Selection) -> str:
    """The query string that asks /calendar.ics for ``chosen``, in a fixed order."""
    items: list[tuple[str, str]] = [("country", c) for c in sorted(chosen.countries)]
    items += [("type", t) for t in sorted(chosen.types)]
    if chosen.since:
        items.append(("since", chosen.since.isoformat()))
    if chosen.until:
        items.append(("until", chosen.until.isoformat()))
    items += [("person", p) for p in chosen.persons]
    items += [("text", w) for w in chosen.text]
    return urllib.parse.urlencode(items)


def subscribe_links(request: Request, chosen: Selection) -> tuple[str, str]:
    """The calendar of ``chosen`` on this server: its webcal:// and http(s):// addresses."""
    host = request.headers.get("host") or f"{DEFAULT_HOST}:{DEFAULT_PORT}"
    if not re.fullmatch(r"[A-Za-z0-9.\-]+(:\d{1,5})?|\[[0-9A-Fa-f:.]+\](:\d{1,5})?", host):
        host = f"{request.url.hostname or DEFAULT_HOST}:{request.url.port or DEFAULT_PORT}"
    root = str(request.scope.get("root_path", "")).rstrip("/")
    query = calendar_query(chosen)
    path = f"{root}/calendar.ics" + (f"?{query}" if query else "")
    return f"webcal://{host}{path}", f"{request.url.scheme}://{host}{path}"


SUBSCRIBE = """<nav id="subscribe" style="margin: .6em 1em; font-size: .95em">
Subscribe to the calendar of what is shown:
<a id="subscribe-webcal" href="{webcal}">{webcal_text}</a>
(calendar apps) &middot; <a id="subscribe-https" href="{web}">{web_text}</a> (Google Calendar, Outlook: add from URL)
</nav>
"""


def page_with_links(page: str, webcal: str, web: str) -> str:
    """The timeline page with the Subscribe links at the top of its body."""
    nav = SUBSCRIBE.format(
        webcal=html.escape(webcal),
        webcal_text=html.escape(webcal),
        web=html.escape(web),
        web_text=html.escape(web),
    )
    return page.replace("<body>\n", "<body>\n" + nav, 1)


def etag_of(body: bytes) -> str:
    return 'W/"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@dataclass
class Kept:
    """An answer as made at a store version."""

    version: int
    etag: str
    body: bytes | None  # None when it was too large to keep
    gzipped: bytes | None = None  # the body gzipped, once a client asked for it


class Answers:
    """Answers kept per address and filters, with the store version they were made at."""

    def __init__(self, max_bytes: int = CACHE_BYTES, max_entries: int = MAX_ENTRIES):
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.kept: OrderedDict[str, Kept] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key: str, version: int) -> Kept | None:
        with self.lock:
            found = self.kept.get(key)
            if found is None or found.version != version:
                return None
            self.kept.move_to_end(key)
            return found

    def put(self, key: str, version: int, body: bytes) -> Kept:
        keep = body if len(body) <= self.max_bytes // 4 else None
        entry = Kept(version, etag_of(body), keep)
        with self.lock:
            old = self.kept.pop(key, None)
            if old is not None:
                self.size -= len(old.body or b"") + len(old.gzipped or b"")
            self.kept[key] = entry
            self.size += len(keep) if keep is not None else 0
            while self.size > self.max_bytes or len(self.kept) > self.max_entries:
                _, dropped = self.kept.popitem(last=False)
                self.size -= len(dropped.body or b"") + len(dropped.gzipped or b"")
        return entry

    def gzip(self, entry: Kept, gzipped: bytes) -> None:
        """Keep ``entry``'s body gzipped too (counted in the bytes kept)."""
        with self.lock:
            if entry.gzipped is None and entry.body is not None:
                entry.gzipped = gzipped
                self.size += len(gzipped)


class Reader:
    """The store as the server reads it: a version check on the event loop's own connection,
    and answers made on one worker thread with a connection of its own."""

    def __init__(self, db: Path):
        self.db = Path(db)
        self.watch = Store(self.db, create=False)  # opened on the event loop's thread
        self.local = threading.local()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-serve")
        self.answers = Answers()

    def data_version(self) -> int:
        return self.watch.data_version()

    def last_modified(self) -> dt.datetime:
        """When the store was last written: the latest modification time of its files."""
        times = []
        for suffix in ("", "-wal"):
            with contextlib.suppress(OSError):
                times.append(os.stat(f"{self.db}{suffix}").st_mtime)
        when = dt.datetime.fromtimestamp(max(times) if times else 0, dt.UTC)
        return when.replace(microsecond=0)

    def _store(self) -> Store:
        store: Store | None = getattr(self.local, "store", None)
        if store is None:
            store = Store(self.db, create=False)
            self.local.store = store
        return store

    def _events(self, chosen: Selection) -> list[Event]:
        """The selected events, read in one transaction: whole ingests' commits or none."""
        store = self._store()
        store.db.execute("BEGIN")
        try:
            return list(store.events(chosen))
        finally:
            store.db.execute("COMMIT")

    async def make(self, make: Callable[[list[Event]], bytes], chosen: Selection) -> bytes:
        def run() -> bytes:
            return make(self._events(chosen))

        return await asyncio.get_running_loop().run_in_executor(self.pool, run)

    async def gzipped(self, kept: Kept) -> bytes:
        """``kept``'s body gzipped: made once (on the worker thread), then kept with it."""
        if kept.gzipped is None and kept.body is not None:
            body = kept.body
            done = await asyncio.get_running_loop().run_in_executor(self.pool, gzip.compress, body, 6)
            self.answers.gzip(kept, done)
            return done
        return kept.gzipped or b""

    def _close_local(self) -> None:
        store: Store | None = getattr(self.local, "store", None)
        if store is not None:
            store.close()
            self.local.store = None

    def close(self) -> None:
        self.pool.submit(self._close_local).result()
        self.pool.shutdown(wait=True)
        self.watch.close()


def _ics(events: list[Event]) -> bytes:
    from timeline.ics import to_calendar

    body: bytes = to_calendar(events).to_ical()
    return body


def _text(fmt: str) -> Callable[[list[Event]], bytes]:
    def make(events: list[Event]) -> bytes:
        from timeline.formats import render

        return render(events, fmt).encode("utf-8")

    return make


def _page(chosen: Selection, webcal: str, web: str) -> Callable[[list[Event]], bytes]:
    def make(events: list[Event]) -> bytes:
        from timeline.html import render_html

        page = render_html(events, title=title_of(chosen), plotlyjs="directory")
        return page_with_links(page, webcal, web).encode("utf-8")

    return make


def refusal(status: int, message: str) -> Response:
    return Response(
        f"timeline: {message}\n",
        status_code=status,
        media_type=PLAIN,
        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"},
    )


def _gzip(request: Request) -> bool:
    """Whether the client takes gzip (named in Accept-Encoding, and not with q=0)."""
    for part in request.headers.get("accept-encoding", "").lower().split(","):
        name, _, params = part.partition(";")
        if name.strip() == "gzip":
            return not re.fullmatch(r"\s*q\s*=\s*0(\.0*)?\s*", params) if params else True
    return False


def _not_modified(request: Request, etag: str, modified: dt.datetime) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None:
        weak = etag.removeprefix("W/")
        tags = [t.strip().removeprefix("W/") for t in match.split(",")]
        return "*" in tags or weak in tags
    since = request.headers.get("if-modified-since")
    if since is not None:
        try:
            when = email.utils.parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return modified <= when
    return False


def create_app(db: str | Path) -> Starlette:
    """The web service over the store at ``db`` (which must exist: :class:`StoreError` if not)."""
    db = Path(db)
    Store(db, create=False).close()  # a missing or foreign store is said before serving
    state: dict[str, Reader] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["reader"] = Reader(db)
        try:
            yield
        finally:
            state.pop("reader").close()

    async def answer(
        request: Request,
        kind: str,
        media_type: str,
        make: Callable[[Selection, Request], Callable[[list[Event]], bytes]],
        extra: dict[str, list[str]] | None = None,
    ) -> Response:
        reader = state["reader"]
        raw = request.scope.get("query_string", b"")
        if len(raw) > MAX_QUERY:
            return refusal(414, f"the query is {len(raw)} bytes long; at most {MAX_QUERY} are read")
        try:
            chosen = parse_filters(request.query_params.multi_items(), extra)
            version = reader.data_version()
            modified = reader.last_modified()
            key = f"{kind}?{calendar_query(chosen)}"
            if kind == "page":
                key += "#" + "|".join(subscribe_links(request, chosen))
            kept = reader.answers.get(key, version)
            if kept is None or (kept.body is None and not _not_modified(request, kept.etag, modified)):
                body = await reader.make(make(chosen, request), chosen)
                kept = reader.answers.put(key, version, body)
                kept_body: bytes | None = body
            else:
                kept_body = kept.body
        except Refused as err:
            return refusal(err.status, str(err))
        except StoreError as err:
            log.error("timeline: %s", err)
            return refusal(503, "the store cannot be read now; try again later")
        headers = {
            "ETag": kept.etag,
            "Last-Modified": email.utils.format_datetime(modified, usegmt=True),
            "Cache-Control": "no-cache",
            "X-Content-Type-Options": "nosniff",
            "Vary": "Accept-Encoding",
        }
        if _not_modified(request, kept.etag, modified):
            return Response(status_code=304, headers=headers)
        if kept_body is not None and kept.body is not None and len(kept_body) >= GZIP_FROM and _gzip(request):
            # Kept bodies are kept gzipped too; others are gzipped by the middleware.
            headers["Content-Encoding"] = "gzip"
            return Response(await reader.gzipped(kept), media_type=media_type, headers=headers)
        return Response(kept_body, media_type=media_type, headers=headers)

    def calendar_maker(chosen: Selection, request: Request) -> Callable[[list[Event]], bytes]:
        return _ics

    def page_maker(chosen: Selection, request: Request) -> Callable[[list[Event]], bytes]:
        return _page(chosen, *subscribe_links(request, chosen))

    async def calendar(request: Request) -> Response:
        return await answer(request, "ics", CALENDAR, calendar_maker)

    async def country_calendar(request: Request) -> Response:
        code = str(request.path_params["code"])
        if not re.fullmatch(r"[A-Za-z]{2}", code):
            return refusal(404, "no such calendar; countries are named by ISO codes: /countries/TJ.ics")
        return await answer(request, "ics", CALENDAR, calendar_maker, {"countries": [code]})

    async def type_calendar(request: Request) -> Response:
        name = str(request.path_params["name"])
        if not re.fullmatch(r"[A-Za-z_]{1,40}", name):
            return refusal(404, "no such calendar; types are named as --type names them: /types/talks.ics")
        return await answer(request, "ics", CALENDAR, calendar_maker, {"types": [name]})

    async def events(request: Request) -> Response:
        fmt = str(request.path_params["fmt"])
        if fmt not in TYPES:
            return refusal(404, "no such page; events are at /events.json, /events.jsonl and /events.csv")
        return await answer(request, fmt, TYPES[fmt], lambda c, r: _text(fmt))

    async def page(request: Request) -> Response:
        return await answer(request, "page", "text/html; charset=utf-8", page_maker)

    async def plotly_js(request: Request) -> Response:
        script = _plotly_js()
        headers = {"ETag": script[1], "Cache-Control": "public, max-age=86400"}
        if request.headers.get("if-none-match", "").strip() == script[1]:
            return Response(status_code=304, headers=headers)
        return Response(script[0], media_type="text/javascript; charset=utf-8", headers=headers)

    async def not_found(request: Request, exc: Exception) -> Response:
        return refusal(404, "no such page; see / for the timeline and /calendar.ics for the calendar")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        response = refusal(405, "this service only reads: GET or HEAD")
        response.headers["Allow"] = "GET, HEAD"
        return response

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/timeline.html", page, methods=["GET"]),
        Route("/calendar.ics", calendar, methods=["GET"]),
        Route("/countries/{code}.ics", country_calendar, methods=["GET"]),
        Route("/types/{name}.ics", type_calendar, methods=["GET"]),
        Route("/events.{fmt}", events, methods=["GET"]),
        Route("/plotly.min.js", plotly_js, methods=["GET"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(GZipMiddleware, minimum_size=GZIP_FROM)],
        exception_handlers={404: not_found, 405: not_allowed},
        lifespan=lifespan,
    )


_PLOTLY: list[tuple[bytes, str]] = []


def _plotly_js() -> tuple[bytes, str]:
    """Plotly's script (as the page's ``plotly.min.js``) and its ETag, read once."""
    if not _PLOTLY:
        from plotly.offline import get_plotlyjs

        body = get_plotlyjs().encode("utf-8")
        _PLOTLY.append((body, etag_of(body)))
    return _PLOTLY[0]


def run(db: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, root_path: str = "") -> None:
    """Serve the store at ``db`` until interrupted (uvicorn; one line a request on stderr)."""
    import uvicorn

    app = create_app(db)
    uvicorn.run(
        app,
        host=host,
        port=port,
        root_path=root_path,
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
        server_header=False,
        log_level="info",
        timeout_graceful_shutdown=5,
    )


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "Refused", "create_app", "parse_filters", "run"]
