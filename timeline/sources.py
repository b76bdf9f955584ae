"""Where articles come from: files, folders (recursively), and ``-`` for standard input.

``iter_articles`` streams: it reads one article at a time, so a folder of any size is never
held in memory. A file that cannot be read is reported through ``on_error`` and skipped,
or raises when ``strict`` is set.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from timeline.article import Article, ArticleError, max_bytes_limit, parse_bytes, read_article

DEFAULT_GLOB = "*.txt"


def expand_paths(paths: Iterable[str | Path], glob: str = DEFAULT_GLOB) -> Iterator[Path | str]:
    """Files in the order given; a folder gives its matching files, recursively and sorted."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob(glob) if f.is_file())
            if not found:
                raise ArticleError(f"{p}: no {glob} files in this folder")
            yield from found
        elif p.exists():
            yield p
        else:
            raise ArticleError(f"{p}: no such file or folder")


def _sidecar_url(path: Path) -> str | None:
    """The URL of an article from ``NAME.meta.json`` beside ``NAME.txt``, where there is one."""
    meta = path.with_suffix(".meta.json")
    if not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def load(path: Path | str, max_bytes: int | None = None) -> Article:
    max_bytes = max_bytes_limit(max_bytes)
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ArticleError(f"-: standard input is over the article size limit of {max_bytes} bytes")
        return parse_bytes(data, "-")
    article = read_article(path, max_bytes=max_bytes)
    article.url = _sidecar_url(Path(path))
    return article


def iter_articles(
    paths: Iterable[str | Path],
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    on_error: Callable[[ArticleError], None] | None = None,
    max_bytes: int | None = None,
) -> Iterator[Article]:
    """The articles under ``paths``, one at a time; each file over ``max_bytes`` (default:
    ``$TIMELINE_MAX_BYTES`` or 50 MB) is an error, reported and skipped, never read."""
    max_bytes = max_bytes_limit(max_bytes)  # a bad setting stops the run, not one file
    for path in expand_paths(paths, glob):
        try:
            yield load(path, max_bytes=max_bytes)
        except ArticleError as err:
            if strict or on_error is None:
                raise
            on_error(err)
