"""Hostile requests to `timeline serve` (the command, in a process of its own): traversal in
every spelling, an over-long query, repeated parameters, markup in filter values and headers.
Each is answered in one line and logged in one line, with no traceback; nothing outside the
store can be read."""

from __future__ import annotations

import socket
import time
import urllib.parse
from pathlib import Path

import httpx
import pytest
from serve_support import ingest, serve_process


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from conftest import SEED

    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "timeline.db"
    ingest(db, SEED)
    (folder / "secret.txt").write_text("root:x:0:0 SECRET\n")
    log = folder / "serve.log"
    with serve_process(db, log) as url:
        yield url, log


def raw(url: str, target: str, headers: str = "") -> tuple[int, bytes]:
    """Send ``GET target`` as written (no client normalising it); the status and the body."""
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n{headers}Connection: close\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def log_lines(log: Path, after: int) -> list[str]:
    time.sleep(0.2)  # the server's log is line-buffered
    return log.read_text(errors="replace").splitlines()[after:]


TRAVERSALS = [
    "/../../etc/passwd",
    "/..%2F..%2Fetc%2Fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/countries/..%2F..%2Fetc%2Fpasswd.ics",
    "/countries/%2e%2e.ics",
    "/types/..%2f..%2fsecret.txt%00.ics",
    "/types/..%252f..%252fsecret.ics",
    "/events.json/../../timeline.db",
    "/events..%2f..%2ftimeline.db",
    "/timeline.db",
    "/serve.log",
    "/secret.txt",
    "//etc/passwd",
    "/plotly.min.js/../../secret.txt",
    "/%00",
    "/calendar.ics%00.txt",
    "/..\\..\\secret.txt",
]


def test_traversal_reads_nothing_outside(server):
    url, log = server
    start = len(log.read_text().splitlines())
    for target in TRAVERSALS:
        status, body = raw(url, target)
        assert status in (400, 404), target
        assert b"root:" not in body and b"SECRET" not in body and b"SQLite format" not in body, target
        assert body.startswith(b"timeline: ") or status == 400, target
        assert body.count(b"\n") <= 1, target
    lines = log_lines(log, start)
    assert len(lines) == len(TRAVERSALS), lines
    assert not [line for line in lines if "Traceback" in line or "Exception" in line]


def test_long_queries_repeated_parameters_and_bad_bytes_are_one_line(server):
    url, log = server
    start = len(log.read_text().splitlines())
    cases = {
        "?" + "person=" + "x" * 3000: 414,
        "?" + "&".join(["country=TJ"] * 150): 200,  # any of them: the same as one
        "?since=2024&since=2025": 400,
        "?until=2024&until=2024": 400,
        "?type=talks&type=talks&type=visit": 200,
        "?country=%ff%fe": 400,
        "?country=%00": 400,
        "?country=<script>alert(1)</script>": 400,
        "?person=%00%ff": 200,
        "?=&&&=x": 400,
        "?country": 400,
    }
    for query, want in cases.items():
        status, body = raw(url, "/calendar.ics" + query)
        assert status == want, (query[:60], status, body[:200])
        if status != 200:
            assert body.startswith(b"timeline: ") and body.count(b"\n") == 1, body[:200]
    same = raw(url, "/calendar.ics?country=TJ")[1]
    assert raw(url, "/calendar.ics?" + "&".join(["country=TJ"] * 150))[1] == same
    repeated = raw(url, "/calendar.ics?since=2024&since=2025")[1]
    assert repeated == b"timeline: --since: given 2 times; give one day\n"
    # A request line larger than the server reads at all: refused by uvicorn, one line logged.
    status, _ = raw(url, "/calendar.ics?person=" + "y" * 70_000)
    assert status in (400, 414, 431)
    lines = log_lines(log, start)
    assert len(lines) == len(cases) + 4, lines
    assert not [line for line in lines if "Traceback" in line or "Exception" in line]


def test_markup_in_filters_and_headers_is_escaped_on_the_page(server):
    url, _ = server
    value = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    page = httpx.get(f"{url}/", params={"person": value}).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title says what was asked
    quoted = urllib.parse.urlencode({"person": value})
    assert f"/calendar.ics?{quoted}" in page.replace(
        "&amp;", "&"
    )  # and the Subscribe links carry it, encoded
    error = httpx.get(f"{url}/calendar.ics", params={"country": value})
    assert error.status_code == 400
    assert error.headers["content-type"] == "text/plain; charset=utf-8"
    assert error.headers["x-content-type-options"] == "nosniff"
    # A Host header that is not a host name is not written into the page's links.
    evil = httpx.get(f"{url}/", headers={"Host": '"><script>alert(3)</script>'})
    assert evil.status_code == 200 and "<script>alert(3)" not in evil.text
    assert 'href="webcal://127.0.0.1:' in evil.text
