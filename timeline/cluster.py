"""Ingest on a Dask cluster: ``timeline ingest PATH... --db STORE --scheduler ADDRESS|local:N``.

The process that owns the store lists the inputs and sends them to the cluster's workers in
batches of :data:`BATCH` articles; each worker reads its articles (local paths on a file system
the workers share, or fsspec URLs read where they lie) and extracts their events with the spaCy
model it loaded once (:func:`timeline.nlp.model` is cached per process, and a worker is one
process running batch after batch). The batches' results come back in the order the inputs were
listed and are written by the owner exactly as :meth:`timeline.store.Store.ingest` writes the
results of its own processes: same transactions, same merging, so same ids.

- **Bounded**: at most :data:`BATCHES_PER_THREAD` batches per worker thread are in flight; the
  owner waits for the oldest before sending more, so its memory stays flat whatever the corpus.
- **A worker that dies**: the scheduler runs its batch again on another worker. The owner writes
  a batch when its one result arrives, so an article is never written twice (and an article
  already stored, by key and hash, is skipped as unchanged anyway).
- **Ctrl-C**: the batches in flight are cancelled, a local cluster is shut down, and the
  transaction under way is rolled back: the store keeps every committed article whole.
- **fsspec inputs**: ``file://`` URLs are read as the local paths they name; ``memory://``
  (a file system that lives in one process) is read by the owner, which sends the text; any
  other protocol (``s3://``, ``gs://``, with fsspec's back end installed on the workers) is
  read by the worker that extracts it.

Dask is imported only here, and this module only when ``--scheduler`` is given.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from timeline.article import Article, ArticleError, max_bytes_limit, parse_bytes
from timeline.sources import DEFAULT_GLOB, HTML_SUFFIXES, expand_paths, is_url

# Articles a task reads, and batches in flight per worker thread.
BATCH = 16
BATCHES_PER_THREAD = 2
LOCAL = "local:"
# Seconds to wait for a first worker on a scheduler that has none.
WAIT_FOR_WORKERS = 60.0


class ClusterError(Exception):
    """A scheduler that cannot be reached or a cluster that cannot be started: one line."""


def is_fsspec_url(item: str | Path) -> bool:
    """Whether ``item`` is an fsspec URL (``memory://``, ``file://``, ``s3://``...), not http(s)."""
    return isinstance(item, str) and "://" in item and not is_url(item) and not item.startswith("\0")


def check_scheduler(spec: str) -> str:
    """``spec`` when it is ``local:N`` (N >= 1) or a scheduler's address; else a one-line error."""
    if spec.startswith(LOCAL):
        n = spec.removeprefix(LOCAL)
        if not n.isdigit() or int(n) < 1:
            raise ClusterError(f"--scheduler {spec}: local:N wants a number of workers N of 1 or more")
        return spec
    if "://" in spec or ":" in spec:
        return spec
    raise ClusterError(f"--scheduler {spec}: give local:N or a scheduler's address (tcp://HOST:PORT)")


@contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A ``distributed.Client`` of ``spec``: a LocalCluster of N worker processes (one thread
    each, bound to 127.0.0.1) for ``local:N``, else the scheduler at that address."""
    check_scheduler(spec)
    from distributed import Client, LocalCluster

    cluster: Any = None
    try:
        if spec.startswith(LOCAL):
            cluster = LocalCluster(
                n_workers=int(spec.removeprefix(LOCAL)),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,  # a batch cancelled by Ctrl-C is no warning to print
            )
            client = Client(cluster)
        else:
            client = Client(spec, timeout=30)
    except (OSError, TimeoutError, RuntimeError) as err:  # RuntimeError: a local worker failed to start
        if cluster is not None:
            cluster.close()
        what = "cannot start the local cluster" if spec.startswith(LOCAL) else "cannot reach the scheduler"
        raise ClusterError(f"--scheduler {spec}: {what} ({err})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- the inputs: local paths, and fsspec URLs -------------------------------------------------


def inputs(given: Iterable[str], glob: str = DEFAULT_GLOB) -> Iterator[Path | str | Article]:
    """The inputs of ``given`` in order: fsspec URLs by :func:`expand`, the rest as
    :func:`timeline.sources.expand_paths` gives them."""
    for item in given:
        if is_fsspec_url(item):
            yield from expand(item, glob)
        else:
            yield from expand_paths([item], glob)


def expand(url: str, glob: str = DEFAULT_GLOB) -> Iterator[str | Article]:
    """The inputs of one fsspec URL, sorted: a folder gives its files matching ``glob``
    (recursively). A ``file://`` file is given as its local path, a ``memory://`` one as the
    article the owner read, any other as its URL for a worker to read; a problem as
    ``"\\0message"``, which the writer reports as a skipped input."""
    import fsspec

    patterns = [g.strip() for g in glob.split(",") if g.strip()] or [DEFAULT_GLOB]
    try:
        fs, root = fsspec.core.url_to_fs(url)
        if fs.isdir(root):
            found = sorted(
                f for f in fs.find(root) if any(fnmatch.fnmatch(f.rsplit("/", 1)[-1], g) for g in patterns)
            )
            if not found:
                yield f"\0{url}: no {', '.join(patterns)} files in this folder"
                return
        elif fs.exists(root):
            found = [root]
        else:
            yield f"\0{url}: no such file or folder"
            return
    except (OSError, ValueError, ImportError) as err:
        yield f"\0{url}: cannot list ({err})"
        return
    protocol = url.split("://", 1)[0]
    for name in found:
        if protocol == "file":
            yield name
        elif protocol == "memory":
            try:
                yield fetch(fs.unstrip_protocol(name), fs)
            except ArticleError as err:
                yield f"\0{err}"
        else:
            yield fs.unstrip_protocol(name)


def fetch(url: str, fs: Any = None) -> Article:
    """The article at fsspec ``url``, known in the store by that URL."""
    import fsspec

    limit = max_bytes_limit()
    try:
        if fs is None:
            fs, path = fsspec.core.url_to_fs(url)
        else:
            path = fs._strip_protocol(url)
        size = fs.size(path)
        if size is not None and size > limit:
            raise ArticleError(f"{url}: {size} bytes is over the article size limit of {limit} bytes")
        with fs.open(path, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise ArticleError(f"{url}: no such file") from None
    except (OSError, ValueError, ImportError) as err:
        raise ArticleError(f"{url}: cannot read ({err})") from None
    if len(data) > limit:
        raise ArticleError(f"{url}: over the article size limit of {limit} bytes")
    if Path(path).suffix.lower() in HTML_SUFFIXES:
        from timeline.web import page_article

        article = page_article(data, url)
    else:
        article = parse_bytes(data, url)
    article.key = url
    return article


def key_of(item: str | Article) -> str | None:
    """What the store knows ``item`` by (as :func:`timeline.store._read` computes it)."""
    if isinstance(item, Article):
        return item.key or str(Path(item.path).resolve())
    if item.startswith(("\0", "\1")):
        return None
    return item if is_fsspec_url(item) else str(Path(item).resolve())


# --- on the workers ---------------------------------------------------------------------------


def read_batch(items: list[tuple[str | Article, str | None]]) -> list[Any]:
    """Read and extract one batch on a worker: each item with the hash the store holds for it
    (an article whose text still has that hash is unchanged and not extracted)."""
    from timeline.store import _Read, _read

    out: list[_Read] = []
    for item, known in items:
        if isinstance(item, str) and is_fsspec_url(item):
            try:
                item = fetch(item)
            except ArticleError as err:
                out.append(_Read(path=str(item), error=str(err)))
                continue
        out.append(_read(item, None, known=known))
    return out


def model_loads() -> int:
    """How many times this process loaded the spaCy model (for the tests, through ``client.run``)."""
    from timeline import nlp

    return int(nlp.model.cache_info().misses)


# --- on the owner -----------------------------------------------------------------------------


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _result(future: Any) -> list[Any]:
    """A batch's reads; a batch the cluster could not run (its workers died again and again, or
    cannot import timeline) stops the ingest with one line."""
    try:
        return list(future.result())
    except Exception as err:
        raise ClusterError(f"a batch failed on the cluster ({type(err).__name__}: {err})") from None


def reads(
    items: Iterable[str | Article],
    scheduler: str,
    known: Callable[[str], str | None],
    on_progress: Callable[[int], None] | None = None,
    batch: int = BATCH,
) -> Iterator[Any]:
    """The store's reads (``_Read``) of ``items``, in their order, extracted on the cluster of
    ``scheduler``. ``known(key)`` is the hash the store holds for an article's key."""
    with connect(scheduler) as client:
        if not client.nthreads():
            try:
                client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
            except TimeoutError:
                raise ClusterError(
                    f"--scheduler {scheduler}: no worker joined the scheduler in {WAIT_FOR_WORKERS:.0f} s"
                ) from None
        threads = sum(client.nthreads().values()) or 1
        limit = max(2, threads * BATCHES_PER_THREAD)
        pending: deque[Any] = deque()
        done = 0
        # One run's tasks are told apart from another's sent to the same scheduler.
        run = hashlib.sha256(f"{os.getpid()}-{id(pending)}-{threading.get_ident()}".encode()).hexdigest()[:12]
        try:
            for n, chunk in enumerate(_batches(items, batch)):
                work = [(item, known(k) if (k := key_of(item)) else None) for item in chunk]
                pending.append(client.submit(read_batch, work, key=f"timeline-read-{run}-{n}", pure=False))
                while len(pending) >= limit:
                    results = _result(pending.popleft())
                    done += len(results)
                    yield from results
                    if on_progress is not None:
                        on_progress(done)
            while pending:
                results = _result(pending.popleft())
                done += len(results)
                yield from results
                if on_progress is not None:
                    on_progress(done)
        finally:
            if pending:
                client.cancel(list(pending))
