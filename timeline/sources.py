"""Where articles come from: files, folders (recursively), and ``-`` for standard input.

``iter_articles`` streams: it reads one article at a time, so a folder of any size is never
held in memory. A path that is missing, a folder with no articles and a file that cannot be
read are each reported through ``on_error`` and skipped, or raise when ``strict`` is set (or
when there is no ``on_error``), so one bad file among many does not stop a run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from timeline.article import DEFAULT_MAX_BYTES, Article, ArticleError, parse_bytes, read_article

DEFAULT_GLOB = "*.txt"

OnError = Callable[[ArticleError], None]


def expand_paths(
    paths: Iterable[str | Path], glob: str = DEFAULT_GLOB, on_error: OnError | None = None
) -> Iterator[Path | str]:
    """Files in the order given; a folder gives its files matching ``glob``, recursively, sorted.

    ``-`` stands for standard input. A missing path or a folder with no matching file raises
    :class:`ArticleError`, or goes to ``on_error`` when one is given.
    """
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        p = Path(raw)
        problem: str | None = None
        if p.is_dir():
            found = sorted(f for f in p.rglob(glob) if f.is_file())
            if found:
                yield from found
                continue
            problem = f"{p}: no {glob} files in this folder"
        elif p.exists():
            yield p
            continue
        elif p.is_symlink():
            problem = f"{p}: broken link, points to nothing"
        else:
            problem = f"{p}: no such file or folder"
        if on_error is None:
            raise ArticleError(problem)
        on_error(ArticleError(problem))


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


def load(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    if path == "-":
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except OSError as err:
            raise ArticleError(f"-: cannot read standard input ({err.strerror})") from err
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
    on_error: OnError | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[int, int], None] | None = None,
) -> Iterator[Article]:
    """Each article under ``paths`` in turn; bad inputs go to ``on_error`` unless ``strict``.

    ``on_progress(done, total)`` is called once the inputs are counted and after each one
    (the file list is then gathered first, to know the total).
    """
    report = None if strict else on_error
    found: Iterable[Path | str] = expand_paths(paths, glob, on_error=report)
    total = 0
    if on_progress is not None:
        found = list(found)
        total = len(found)
        on_progress(0, total)
    for done, path in enumerate(found, 1):
        try:
            yield load(path, max_bytes=max_bytes)
        except ArticleError as err:
            if report is None:
                raise
            report(err)
        if on_progress is not None:
            on_progress(done, total)
