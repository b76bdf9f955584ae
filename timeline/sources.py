"""Where articles come from: files, folders (recursively), and ``-`` for standard input.

``iter_articles`` streams: it reads one article at a time, so a folder of any size is never
held in memory. A path that is missing, a folder with no articles and a file that cannot be
read are each reported through ``on_error`` and skipped, or raise when ``strict`` is set (or
when there is no ``on_error``), so one bad file among many does not stop a run.

A file named on the command line is read whatever it is (a FIFO, ``/dev/stdin``), at most the
size limit; a device or FIFO met while walking a folder is refused instead, since reading it
could block or never end.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from timeline.article import Article, max_bytes_limit, parse_bytes, read_article, read_bounded
from timeline.errors import ArticleError, shown

# A NAME.meta.json sidecar holds a URL and a few fields: anything bigger is not one.
MAX_SIDECAR_BYTES = 1024 * 1024

DEFAULT_GLOB = "*.txt"

OnError = Callable[[ArticleError], None]


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], glob: str = DEFAULT_GLOB, on_error: OnError | None = None
) -> Iterator[Path | str]:
    """Files in the order given; a folder gives its files matching ``glob``, recursively, sorted.

    ``-`` stands for standard input. A missing path or a folder with no matching file raises
    :class:`ArticleError`, or goes to ``on_error`` when one is given.
    """
    for raw in path_list(paths):
        if str(raw) == "-":
            yield "-"
            continue
        p = Path(raw)
        problems: list[str] = []
        if p.is_dir():
            found: list[Path] = []
            for f in sorted(p.rglob(glob)):
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
                problems.append(f"{shown(p)}: no {glob} files in this folder")
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


def load(path: Path | str, max_bytes: int | None = None) -> Article:
    max_bytes = max_bytes_limit(max_bytes)
    if path == "-":
        try:
            data = read_bounded(sys.stdin.buffer, max_bytes, "-", "standard input is ")
        except OSError as err:
            raise ArticleError(f"-: cannot read standard input ({err.strerror})") from err
        return parse_bytes(data, "-")
    article = read_article(path, max_bytes=max_bytes)
    article.url = _sidecar_url(Path(path))
    return article


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    glob: str = DEFAULT_GLOB,
    strict: bool = False,
    on_error: OnError | None = None,
    max_bytes: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Iterator[Article]:
    """Each article under ``paths`` in turn; bad inputs go to ``on_error`` unless ``strict``.

    ``on_progress(done, total)`` is called once the inputs are counted and after each one
    (the file list is then gathered first, to know the total). A file over ``max_bytes``
    (default ``$TIMELINE_MAX_BYTES`` or 50 MB) is a bad input, refused before it is read.
    """
    max_bytes = max_bytes_limit(max_bytes)  # a bad setting stops the run, not one file
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
