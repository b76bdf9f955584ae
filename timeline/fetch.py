"""Fetching URLs: with a timeout, a size limit, bounded redirects, a clear User-Agent and a cache.

A response is refused, in one line naming the URL, when the server answers an HTTP error,
does not answer within ``timeout`` seconds, redirects more than ``max_redirects`` times (a
loop among them), or sends more than ``max_bytes``: the size limit of article files, counted
on the body as it arrives and again as it is decompressed, so a small compressed response
that expands past the limit is stopped while it expands.

With a ``cache`` folder, each body is kept with its ``ETag`` and ``Last-Modified``; the next
request for the URL is conditional (``If-None-Match`` / ``If-Modified-Since``), and a
``304 Not Modified`` answer is read from the cache without fetching the page again.
"""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from timeline import __version__
from timeline.article import ArticleError

USER_AGENT = f"timeline/{__version__} (diplomatic events from news articles; python-httpx)"
# Only what the size check can decompress piece by piece is asked for.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass
class Fetched:
    url: str  # where the body came from, after redirects
    data: bytes
    content_type: str
    cached: bool = False  # read from the cache after a 304


class _Decoder:
    """Decompresses gzip or deflate a piece at a time, never past ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int):
        self.limit = limit
        self.size = 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self.z: Any = None
        elif encoding in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self.z = zlib.decompressobj()
        else:
            raise ValueError(f"content encoding {encoding!r} not supported")

    def feed(self, chunk: bytes) -> bytes:
        if self.z is None:
            out = chunk
        else:
            # At most one byte past the limit comes out: enough to know, never a bomb's worth.
            out = self.z.decompress(chunk, self.limit + 1 - self.size)
        self.size += len(out)
        if self.size > self.limit:
            raise OverflowError
        return out


class Fetcher:
    """One HTTP client for a run; :meth:`get` raises :class:`ArticleError` with the reason."""

    def __init__(
        self,
        timeout: float = 20.0,
        max_bytes: int = 50 * 1024 * 1024,
        max_redirects: int = 5,
        cache: Path | None = None,
        user_agent: str = USER_AGENT,
    ):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.cache = cache
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            trust_env=False,
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _cached(self, url: str) -> tuple[Path, dict[str, Any] | None]:
        assert self.cache is not None
        stem = self.cache / hashlib.sha256(url.encode()).hexdigest()
        meta_path = stem.with_suffix(".json")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return stem, None
        if not isinstance(meta, dict) or meta.get("url") != url or not stem.with_suffix(".body").is_file():
            return stem, None
        return stem, meta

    def _keep(self, stem: Path, meta: dict[str, Any], data: bytes) -> None:
        from timeline.output import atomic_write

        try:
            atomic_write(stem.with_suffix(".body"), data)
            atomic_write(stem.with_suffix(".json"), json.dumps(meta))
        except OSError:
            pass  # a cache that cannot be written only costs a refetch next time

    def get(self, url: str) -> Fetched:
        headers: dict[str, str] = {}
        stem: Path | None = None
        meta: dict[str, Any] | None = None
        if self.cache is not None:
            stem, meta = self._cached(url)
            if meta is not None:
                if meta.get("etag"):
                    headers["If-None-Match"] = meta["etag"]
                if meta.get("last_modified"):
                    headers["If-Modified-Since"] = meta["last_modified"]
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and meta is not None and stem is not None:
                    try:
                        data = stem.with_suffix(".body").read_bytes()
                    except OSError as err:
                        raise ArticleError(f"{url}: cached copy cannot be read ({err.strerror})") from err
                    return Fetched(
                        meta.get("final_url", url), data, meta.get("content_type", ""), cached=True
                    )
                if response.status_code >= 400 or response.status_code == 304:
                    raise ArticleError(
                        f"{url}: HTTP {response.status_code} {response.reason_phrase}".rstrip()
                    )
                data = self._body(url, response)
                fetched = Fetched(str(response.url), data, response.headers.get("Content-Type", "").lower())
                if stem is not None and (
                    response.headers.get("ETag") or response.headers.get("Last-Modified")
                ):
                    self._keep(
                        stem,
                        {
                            "url": url,
                            "final_url": fetched.url,
                            "content_type": fetched.content_type,
                            "etag": response.headers.get("ETag"),
                            "last_modified": response.headers.get("Last-Modified"),
                        },
                        data,
                    )
                return fetched
        except ArticleError:
            raise
        except httpx.TooManyRedirects as err:
            raise ArticleError(f"{url}: too many redirects (a redirect loop?)") from err
        except httpx.TimeoutException as err:
            raise ArticleError(f"{url}: timed out after {self.timeout:g} s") from err
        except httpx.HTTPError as err:
            raise ArticleError(f"{url}: cannot fetch ({type(err).__name__}: {err})") from err
        except (httpx.InvalidURL, ValueError) as err:  # a malformed address: not even sent
            raise ArticleError(f"{url}: not a valid URL ({err})") from err

    def _body(self, url: str, response: httpx.Response) -> bytes:
        limit = self.max_bytes
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raise ArticleError(f"{url}: {length} bytes is over the article size limit of {limit} bytes")
        try:
            decoder = _Decoder(response.headers.get("Content-Encoding", ""), limit)
        except ValueError as err:
            raise ArticleError(f"{url}: {err}") from err
        deadline = time.monotonic() + self.timeout
        received = 0
        parts: list[bytes] = []
        try:
            for chunk in response.iter_raw():
                received += len(chunk)
                if received > limit:
                    raise ArticleError(f"{url}: response is over the article size limit of {limit} bytes")
                parts.append(decoder.feed(chunk))
                if time.monotonic() > deadline:
                    raise ArticleError(f"{url}: timed out after {self.timeout:g} s")
        except OverflowError:
            raise ArticleError(
                f"{url}: response expands past the article size limit of {limit} bytes when decompressed"
            ) from None
        except zlib.error as err:
            raise ArticleError(f"{url}: broken compressed response ({err})") from err
        return b"".join(parts)
