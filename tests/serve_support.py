"""A real `timeline serve` for the tests: uvicorn on a free port of 127.0.0.1, in a thread of
the test process or as the command in a process of its own; httpx is the client."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import uvicorn
from cli_articles import run

from timeline.serve import create_app

TIMELINE = Path(sys.executable).with_name("timeline")

# Another agency's report of the seed's talks (Xi and Rahmon, Dushanbe, 2024-07-05): the same
# happening, one more source.
TASS_DUSHANBE = """\
    date 2024-07-05 Xi and Rahmon hold talks in Dushanbe

    DUSHANBE, July 5. /TASS/. Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Friday, the Tajik presidency said.

    The two leaders discussed trade and security.
"""
# Two events, one article: talks and a signing in Ankara.
ANKARA_TWO = """\
    date 2024-03-12 Erdogan receives Hungarian prime minister

    ANKARA, March 12 (Anadolu) -- Turkish President Recep Tayyip Erdogan held talks with Hungarian Prime Minister Viktor Orban in Ankara on Tuesday. The two leaders signed an agreement on energy cooperation in Ankara on Tuesday.
"""
HANOI_TWO = """\
    date 2024-05-20 Vietnam and Japan leaders meet

    HANOI, May 20 (VNA) -- Vietnamese President To Lam held talks with Japanese Prime Minister Fumio Kishida in Hanoi on Monday. The two leaders signed a joint statement on trade in Hanoi on Monday.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def ingest(db: Path, *paths: Path) -> None:
    done = run("ingest", "--db", db, "--jobs", "1", "--quiet", *paths)
    assert done.exit_code == 0, done.output


def free_socket() -> socket.socket:
    """A socket bound to a free port of 127.0.0.1, for uvicorn to listen on."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@contextlib.contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over ``db`` served by uvicorn in a thread; yields its base URL."""
    sock = free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


@contextlib.contextmanager
def serve_process(db: Path, log: Path, *args: str) -> Iterator[str]:
    """``timeline serve --db DB`` in a process of its own on a free port; its output goes to
    ``log``. Yields the base URL once it answers."""
    for _ in range(5):  # the port is free when chosen; another process may take it first
        sock = free_socket()
        port = sock.getsockname()[1]
        sock.close()
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [str(TIMELINE), "serve", "--db", str(db), "--port", str(port), *args],
                stdout=out,
                stderr=subprocess.STDOUT,
                env={**os.environ, "NO_COLOR": "1"},
            )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            try:
                httpx.get(url + "/calendar.ics", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        if proc.poll() is None:
            try:
                yield url
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            return
    raise AssertionError(f"timeline serve did not start: {log.read_text(errors='replace')}")
