"""Web pages in the shapes real sites give them, written by the tests themselves, each with
the same article as a hand-made ``.txt``; and a small HTTP server on 127.0.0.1 to serve them.

The pages carry what real ones do around the article: menus, a cookie note, related links,
reader comments, a footer. The facts are the article's: who held talks with whom, where, when.
"""

from __future__ import annotations

import gzip
import html
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

CHROME_TOP = """<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-notice" id="cookie-consent"><p>We use cookies to give you the best experience.
By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>"""
CHROME_BOTTOM = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/world/1">Stock markets close higher on energy shares</a></li>
<li><a href="/world/2">Weather service warns of storms on the coast</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments (2)</h3>
<div class="comment"><p class="author">reader42</p><p>Finally some good news for the region, well done!</p></div>
<div class="comment"><p class="author">citizen_k</p><p>I doubt anything will change after this.</p></div>
</section>
<footer><p>Copyright 2024 The Wire. All rights reserved.</p><p><a href="/privacy">Privacy</a></p></footer>"""


@dataclass(frozen=True)
class Story:
    """One article: as a .txt in the seed's format and as a saved web page."""

    name: str
    day: str  # YYYY-MM-DD
    title: str
    paragraphs: tuple[str, ...]
    url: str
    kind: str  # agency | ministry | metadata

    def txt(self) -> str:
        body = "\n\n".join(self.paragraphs)
        return f"date {self.day} {self.title}\n\n{body}\n"

    def html(self, canonical: str | None = None) -> str:
        url = canonical or self.url
        paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        title = html.escape(self.title)
        if self.kind == "agency":  # a wire story: dateline in the text, date in a <time> and og tags
            head = (
                f'<meta property="og:title" content="{title}">'
                f'<meta property="article:published_time" content="{self.day}T14:05:00+03:00">'
            )
            article = (
                f'<article><h1>{title}</h1><p class="meta">By Wire staff | <time datetime="{self.day}T14:05">'
                f"{self.day}</time></p>\n{paras}</article>"
            )
        elif self.kind == "ministry":  # a readout: breadcrumb, no dateline, date in the page
            head = f'<meta name="DC.date.issued" content="{self.day}">'
            article = (
                '<div class="breadcrumb"><a href="/">Ministry</a> &gt; <a href="/press">Press</a> &gt; Readouts</div>'
                f'<main id="content"><div class="readout"><h1 class="page-title">{title}</h1>'
                f'<div class="date">Published: <time datetime="{self.day}">{self.day}</time></div>'
                f'<div class="body">{paras}</div></div></main>'
            )
        else:  # the date only in metadata (JSON-LD), none in the visible text
            head = (
                '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
                f'"headline":"{title}","datePublished":"{self.day}T08:00:00Z"}}</script>'
            )
            article = f'<div class="story"><h1>{title}</h1><div class="story-body">{paras}</div></div>'
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{title} | The Wire</title>"
            f'<link rel="canonical" href="{html.escape(url)}">{head}</head>\n'
            f"<body>{CHROME_TOP}\n{article}\n{CHROME_BOTTOM}</body></html>\n"
        )


AGENCY = Story(
    "ankara",
    "2024-03-12",
    "Erdogan holds talks with Hungarian prime minister",
    (
        "ANKARA, March 12 (Anadolu) -- Turkish President Recep Tayyip Erdogan held talks with Hungarian "
        "Prime Minister Viktor Orban in Ankara on Tuesday.",
        "The two leaders discussed energy cooperation and border security, the presidency said in a statement.",
        "Orban arrived in the Turkish capital on Monday evening, his office said.",
    ),
    "https://wire.example.org/world/2024/03/12/erdogan-orban-talks",
    "agency",
)
MINISTRY = Story(
    "readout",
    "2024-06-05",
    "Readout of Foreign Minister Baerbock's meeting with Foreign Minister Sejourne",
    (
        "Federal Foreign Minister Annalena Baerbock held talks with French Foreign Minister Stephane "
        "Sejourne in Berlin on 5 June 2024.",
        "The ministers discussed support for Ukraine and the European Union's defence policy.",
        "They agreed to meet again before the end of the year.",
    ),
    "https://ministry.example.net/press/readouts/2024-06-05-baerbock-sejourne",
    "ministry",
)
METADATA = Story(
    "delhi",
    "2024-07-20",
    "Modi holds talks with Japanese prime minister",
    (
        "NEW DELHI (PTI) -- Prime Minister Narendra Modi held talks with Japanese Prime Minister "
        "Fumio Kishida in New Delhi on Saturday.",
        "The two sides discussed trade, technology and regional security, officials said.",
    ),
    "https://news.example.com/india/modi-kishida-talks-20240720",
    "metadata",
)
STORIES = (AGENCY, MINISTRY, METADATA)
NO_TEXT_PAGE = f"""<!DOCTYPE html><html><head><title>Page not found | The Wire</title></head>
<body>{CHROME_TOP}<footer><p>Copyright 2024</p></footer></body></html>"""
# The first bytes of a PNG image: a file named .html that is not a web page.
NOT_HTML = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4


def robust(events: list[dict]) -> set[tuple[str, str, str]]:  # type: ignore[type-arg]
    """What two readings of one article must agree on: each event's type, first and last day."""
    return {(e["type"], e["start"], e.get("end") or e["start"]) for e in events}


# --- a real HTTP server on 127.0.0.1 --------------------------------------------------------


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answer 304 to a request that names it
    last_modified: str | None = None  # answer 304 to a request with this If-Modified-Since
    delay: float = 0.0  # seconds before answering (a server that does not answer in time)


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.seen if p == path]


def _handler(server: Server, stop: threading.Event) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path)
            if route is None:
                self._send(404, b"not found", {"Content-Type": "text/plain"})
                return
            if route.delay:
                stop.wait(route.delay)
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            ):
                self._send(304, b"", {}, body=False)
                return
            headers = dict(route.headers)
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = route.last_modified
            self._send(route.status, route.body, headers)

        def _send(self, status: int, data: bytes, headers: dict[str, str], body: bool = True) -> None:
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if body:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if body:
                    self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class _QuietServer(http.server.ThreadingHTTPServer):
    """A client that gave up (a time-out test) is no traceback on the stderr the tests read."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    """An HTTP server on a free port of 127.0.0.1, in a thread, for the ``with`` block."""
    stop = threading.Event()
    server = Server("", routes)
    httpd = _QuietServer(("127.0.0.1", 0), _handler(server, stop))
    httpd.daemon_threads = True
    server.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()


def page(text: str, **headers: str) -> Route:
    return Route(text.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8", **headers})


def redirect(to: str, status: int = 301) -> Route:
    return Route(b"", status=status, headers={"Location": to})


def gzip_bomb(size: int) -> Route:
    """A small gzip response that expands to ``size`` bytes of spaces."""
    return Route(
        gzip.compress(b" " * size, compresslevel=9),
        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )
