"""Ingest on a Dask cluster (timeline ingest --scheduler): same store as --jobs, fsspec inputs,
a worker killed mid-ingest, Ctrl-C, and no Dask at all without --scheduler.

The clusters are local (127.0.0.1), of two single-threaded workers at most.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")
pytest.importorskip("fsspec")

from distributed import Client, LocalCluster  # noqa: E402

from timeline import cluster  # noqa: E402
from timeline.cli import app  # noqa: E402
from timeline.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

# (adjective, title, name, capital, agency) of the leaders the articles have meet.
LEADERS = [
    ("Turkish", "President", "Recep Tayyip Erdogan", "Ankara", "Anadolu"),
    ("Hungarian", "Prime Minister", "Viktor Orban", "Budapest", "MTI"),
    ("Kenyan", "President", "William Ruto", "Nairobi", "KNA"),
    ("Indian", "Prime Minister", "Narendra Modi", "New Delhi", "PTI"),
    ("French", "President", "Emmanuel Macron", "Paris", "AFP"),
    ("Japanese", "Prime Minister", "Fumio Kishida", "Tokyo", "Kyodo"),
]


def article(n: int) -> str:
    """The ``n``-th test article: one leader's talks with another in his capital on a day;
    every fifth retells the talks of the article before it (another agency, same day)."""
    told = n - 1 if n % 5 == 4 else n
    host = LEADERS[told % len(LEADERS)]
    guest = LEADERS[(told * 7 + 1) % len(LEADERS)]
    if guest == host:
        guest = LEADERS[(told + 1) % len(LEADERS)]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=told * 3)
    agency = "Reuters" if told != n else host[4]
    return (
        f" date {day.isoformat()} {host[2]} receives {guest[0]} leader\n\n"
        f"{host[3].upper()}, {day:%B} {day.day} ({agency}) -- {host[0]} {host[1]} {host[2]} held talks "
        f"with {guest[0]} {guest[1]} {guest[2]} in {host[3]} on {day:%A}.\n\n"
        f"The two leaders discussed trade and energy, {agency} said.\n"
    )


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:04d}.txt").write_text(article(n), encoding="utf-8")
    return folder


def contents(db: Path) -> dict[str, Any]:
    """All a store says: the happenings (id, event with sources and evidence), the articles
    (key, path, hashes) and each article's tellings, in an order of their own."""
    with sqlite3.connect(db) as con:
        return {
            "happenings": sorted(
                con.execute("SELECT id, type, start, countries, people, event FROM happenings")
            ),
            "articles": sorted(con.execute("SELECT key, path, hash, url, content FROM articles")),
            "tellings": sorted(
                con.execute(
                    "SELECT a.key, t.happening, t.event FROM tellings t JOIN articles a ON a.id = t.article"
                )
            ),
        }


@pytest.fixture(scope="module")
def two_workers() -> Iterator[str]:
    """The address of a local cluster of two single-threaded worker processes."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as local:
        yield str(local.scheduler_address)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news", 40)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What --jobs 1 makes of the corpus."""
    db = tmp_path_factory.mktemp("reference") / "jobs1.db"
    with Store(db) as store:
        report = store.ingest([corpus], jobs=1)
    assert report.added == 40 and report.events >= 40 and report.merged >= 1
    return contents(db)


def test_local_cluster_gives_the_store_jobs_1_gives(corpus, reference, tmp_path):
    db = tmp_path / "cluster.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--scheduler", "local:2"])
    assert result.exit_code == 0, result.output
    assert "40 added" in result.output
    assert contents(db) == reference


def test_a_remote_scheduler_by_address_gives_the_same_store(corpus, reference, two_workers, tmp_path):
    db = tmp_path / "remote.db"
    with Store(db) as store:
        report = store.ingest([corpus], scheduler=two_workers)
    assert report.added == 40 and not report.skipped
    assert contents(db) == reference
    with Store(db) as store:  # again: every article unchanged, none extracted again
        again = store.ingest([corpus], scheduler=two_workers)
    assert (again.unchanged, again.added, again.events) == (40, 0, 0)


def test_each_worker_loads_the_model_once_for_all_its_batches(corpus, two_workers, tmp_path):
    with Store(tmp_path / "once.db") as store:
        store.ingest([corpus], scheduler=two_workers)
    with Client(two_workers) as client:
        loads = client.run(cluster.model_loads)
    assert loads and all(n == 1 for n in loads.values()), loads


def test_file_urls_are_the_local_paths_they_name(corpus, reference, two_workers, tmp_path):
    db = tmp_path / "file-url.db"
    with Store(db) as store:
        store.ingest([corpus.as_uri()], scheduler=two_workers)
    assert contents(db)["happenings"] == reference["happenings"]
    assert [a[0] for a in contents(db)["articles"]] == [a[0] for a in reference["articles"]]


def test_memory_urls_are_read_through_fsspec_by_the_owner(reference, two_workers, tmp_path):
    import fsspec

    fs = fsspec.filesystem("memory")
    for n in range(40):
        fs.pipe(f"/news-{os.getpid()}/{n:04d}.txt", article(n).encode())
    fs.pipe(f"/news-{os.getpid()}/notes.md", b"not an article")
    fs.pipe(f"/news-{os.getpid()}/zz-binary.txt", b"\x00\x01")
    db = tmp_path / "memory.db"
    messages: list[str] = []
    with Store(db) as store:
        report = store.ingest(
            [f"memory://news-{os.getpid()}"], scheduler=two_workers, on_error=messages.append
        )
    assert report.added == 40
    assert report.skipped == messages and len(messages) == 1 and "binary file" in messages[0]
    stored = contents(db)
    keys = [a[0] for a in stored["articles"]]
    assert keys == [f"memory:///news-{os.getpid()}/{n:04d}.txt" for n in range(40)]
    # the same events as from the files, told by these articles
    assert [h[:5] for h in stored["happenings"]] == [h[:5] for h in reference["happenings"]]
    missing = tmp_path / "missing.db"
    with Store(missing) as store:
        report = store.ingest(["memory://nowhere/at-all"], scheduler=two_workers, skip_errors=True)
    assert report.skipped == ["memory://nowhere/at-all: no such file or folder"]


def test_fsspec_urls_without_a_scheduler_are_missing_paths(tmp_path):
    result = runner.invoke(app, ["ingest", "memory://news", "--db", str(tmp_path / "x.db")])
    assert result.exit_code != 0
    assert "memory://news: no such file or folder" in result.output


def test_a_bad_scheduler_is_one_line(corpus, tmp_path):
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--scheduler", "local:0"]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "timeline: --scheduler local:0: local:N wants a number of workers N of 1 or more"
    ]


def test_a_worker_killed_mid_ingest_has_its_batch_run_again_and_no_article_twice(tmp_path):
    folder = write_corpus(tmp_path / "many", 160)
    reference_db = tmp_path / "jobs1.db"
    with Store(reference_db) as store:
        store.ingest([folder], jobs=1)
    killed: list[int] = []
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as local,
        Client(local) as client,
    ):
        pids = client.run(os.getpid)

        def kill_one(done: int) -> None:
            # The first batch is back and the others are in flight: one worker dies with its work.
            if not killed:
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        db = tmp_path / "killed.db"
        with Store(db) as store:
            report = store.ingest([folder], scheduler=local.scheduler_address, on_progress=kill_one)
        assert killed and killed[0] not in client.run(os.getpid).values()
        reruns = client.run_on_scheduler(_batches_run_again)
    assert reruns, "the killed worker had no batch to lose"
    assert report.added == 160 and not report.skipped
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone() == (160, 160)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert contents(db) == contents(reference_db)


def _batches_run_again(dask_scheduler: Any) -> list[str]:
    """The batches the scheduler sent to a worker more than once (from its transition log)."""
    sent: dict[str, int] = {}
    for entry in dask_scheduler.transition_log:
        key, finish = entry[0], entry[2]
        if str(key).startswith("timeline-read-") and finish == "processing":
            sent[str(key)] = sent.get(str(key), 0) + 1
    return [key for key, n in sent.items() if n > 1]


def test_ctrl_c_stops_the_cluster_and_leaves_the_store_whole(tmp_path):
    folder = write_corpus(tmp_path / "long", 1500)
    db = tmp_path / "interrupted.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline", "ingest", str(folder), "--db", str(db), "--scheduler", "local:1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:  # until a transaction is committed
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as con:
                        if con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > 0:
                            break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.1)
        assert proc.poll() is None, "the ingest ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        # every article stored has its tellings: none was half written
        bare = con.execute(
            "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article FROM tellings)"
        ).fetchone()[0]
    assert 0 < stored < 1500 and bare == 0
    with Store(db) as store:  # running it again picks up where it stopped
        again = store.ingest([folder], jobs=2)
    assert again.unchanged == stored and again.added == 1500 - stored


def test_without_scheduler_dask_is_not_imported(tmp_path):
    folder = write_corpus(tmp_path / "few", 3)
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from timeline.cli import app\n"
        f"r = CliRunner().invoke(app, ['ingest', {str(folder)!r}, '--db', {str(tmp_path / 'x.db')!r}, '--jobs', '1'])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(app, ['ingest', '--help'])\n"
        "assert '--scheduler' in r.output\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'fsspec'))\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_a_batch_the_cluster_cannot_run_stops_the_ingest_with_one_line():
    class Failed:
        def result(self) -> list[Any]:
            raise RuntimeError("No module named 'timeline'")

    with pytest.raises(
        cluster.ClusterError, match=r"^a batch failed on the cluster \(RuntimeError: No module"
    ):
        cluster._result(Failed())


def test_a_terminal_shows_the_cluster_s_progress(tmp_path):
    import pty
    import threading

    folder = write_corpus(tmp_path / "shown", 40)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "timeline", "ingest", str(folder), "--db", str(tmp_path / "x.db")]
        + ["--scheduler", "local:1"],
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"},
    )
    os.close(slave)
    shown = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    assert proc.returncode == 0
    assert b"reading on the cluster" in shown
    assert b"read 40 article(s): 40 added" in shown


def test_without_the_dask_extra_scheduler_says_what_to_install(corpus, tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a)
    )
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--scheduler", "local:1"]
    )
    assert result.exit_code == 1
    assert result.output.strip() == "timeline: --scheduler needs Dask: pip install 'timeline[dask]'"
    assert not (tmp_path / "x.db").exists()


def test_a_scheduler_and_worker_started_apart_as_on_other_machines(corpus, reference, tmp_path):
    """`dask scheduler` and `dask worker` as a remote cluster's are run (here, on 127.0.0.1)."""
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("no dask command beside this Python")
    address_file = tmp_path / "scheduler.json"
    common = ["--host", "127.0.0.1", "--no-dashboard"]
    procs = [subprocess.Popen([str(dask), "scheduler", "--scheduler-file", str(address_file), *common])]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        procs.append(
            subprocess.Popen(
                [str(dask), "worker", "--scheduler-file", str(address_file), "--nthreads", "1", *common],
                cwd=tmp_path,
            )
        )
        import json

        address = json.loads(address_file.read_text())["address"]
        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
        db = tmp_path / "remote.db"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "timeline",
                "ingest",
                str(corpus),
                "--db",
                str(db),
                "--scheduler",
                address,
            ],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, result.stderr
        assert contents(db) == reference
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_a_scheduler_without_workers_is_one_line_not_a_wait_for_ever(corpus, tmp_path, monkeypatch):
    from timeline.store import StoreError

    monkeypatch.setattr(cluster, "WAIT_FOR_WORKERS", 1.0)
    with LocalCluster(
        n_workers=0, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as empty:
        with (
            Store(tmp_path / "x.db") as store,
            pytest.raises(StoreError, match="no worker joined the scheduler in 1 s"),
        ):
            store.ingest([corpus], scheduler=empty.scheduler_address)
    with Store(tmp_path / "x.db") as store:
        assert store.count_articles() == 0
