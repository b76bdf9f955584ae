"""Ingest on a local Dask cluster against --jobs on the same cores: the engine's overhead.

    .venv/bin/python benchmarks/dask_ingest.py                    # 20,000 articles, 2 workers
    .venv/bin/python benchmarks/dask_ingest.py --articles 2000    # a quick look

The articles are the real-shaped ones of benchmarks/extract_speed.py (agency styles, about ten
sentences and 220 words each, from a fixed seed), written as files to a temporary folder. The
same folder is ingested into a fresh store twice: with ``--jobs W`` (a multiprocessing pool)
and with ``--scheduler local:W`` (a dask.distributed LocalCluster of W single-threaded worker
processes). For each it prints the wall time, articles/s overall and per worker, the CPU
time of the owning process an article (its ceiling: how many workers one owner can feed),
and for the cluster the time to its first batch (starting the workers and loading the spaCy
model in each) and its rate after that. The two stores are compared: same happenings, ids and tellings.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_speed import corpus  # noqa: E402

from timeline.store import Store  # noqa: E402


def _contents(db: Path) -> tuple[Any, ...]:
    with sqlite3.connect(db) as con:
        return (
            sorted(con.execute("SELECT id, event FROM happenings")),
            sorted(
                con.execute(
                    "SELECT a.key, t.happening, t.event FROM tellings t JOIN articles a ON a.id = t.article"
                )
            ),
        )


def _run(folder: Path, db: Path, workers: int, scheduler: str | None) -> dict[str, float]:
    marks: list[tuple[float, int]] = []
    started = time.perf_counter()
    cpu = time.process_time()
    with Store(db) as store:
        report = store.ingest(
            [folder],
            jobs=workers,
            scheduler=scheduler,
            on_progress=lambda done: marks.append((time.perf_counter(), done)),
        )
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    assert report.added == report.seen and not report.skipped, report
    out = {"wall": wall, "cpu": cpu, "articles": float(report.added), "events": float(report.events)}
    if marks:
        first_at, first_done = marks[0]
        out["first"] = first_at - started
        out["steady"] = (report.added - first_done) / max(wall - out["first"], 1e-9)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2, help="--jobs W and local:W")
    args = parser.parse_args(argv)
    n, w = args.articles, args.workers
    with tempfile.TemporaryDirectory(prefix="dask-ingest-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(corpus(n)):
            (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        print(f"{n} articles, {w} worker(s) on a machine of {_cores()} core(s)")
        results = {}
        for name, scheduler in ((f"--jobs {w}", None), (f"--scheduler local:{w}", f"local:{w}")):
            r = _run(folder, Path(tmp) / f"{'dask' if scheduler else 'jobs'}.db", w, scheduler)
            results[name] = r
            rate = r["articles"] / r["wall"]
            line = (
                f"{name:<22} wall {r['wall']:7.1f} s  {rate:6.1f} articles/s  {rate / w:6.1f} per worker  "
                f"{int(r['events'])} events\n{'':<22} owner's CPU {r['cpu']:.1f} s = "
                f"{r['cpu'] / r['articles'] * 1000:.2f} ms an article (listing, sending, writing the store"
                f"{', and the scheduler' if scheduler else ''})"
            )
            if "first" in r:
                line += (
                    f"\n{'':<22} first batch back after {r['first']:.1f} s (workers started, model loaded); "
                    f"then {r['steady']:.1f} articles/s = {r['steady'] / w:.1f} per worker"
                )
            print(line, flush=True)
        jobs, dask = results.values()
        print(
            f"engine's overhead: {dask['wall'] - jobs['wall']:+.1f} s wall "
            f"({(dask['wall'] / jobs['wall'] - 1) * 100:+.1f}%), of which {dask['first']:.1f} s to the first batch; "
            f"steady rate {(dask['steady'] / (jobs['articles'] / jobs['wall']) - 1) * 100:+.1f}% against --jobs"
        )
        same = _contents(Path(tmp) / "jobs.db") == _contents(Path(tmp) / "dask.db")
        print(f"stores: {'the same happenings, ids and tellings' if same else 'DIFFERENT'}")
        return 0 if same else 1


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
