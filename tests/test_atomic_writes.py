"""Exports are replaced whole or not at all: a killed run, a full disk or a dead writer's
temp file never leave a half-written export or a stray file behind."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time

import pytest
from ics_support import check_calendar
from mutants import long_article

from timeline import Event
from timeline.ics import write_ics
from timeline.output import atomic_write


def cli(*args):
    return [sys.executable, "-m", "timeline", *map(str, args)]


def files(folder):
    """Every file under ``folder`` (temp files included) by its path there, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_killed_mid_export_leaves_the_previous_exports_whole(seed, tmp_path):
    out = tmp_path / "exports"
    subprocess.run(cli("build", seed, "--out", out), check=True, capture_output=True)
    before = files(out)
    big = tmp_path / "site"
    big.mkdir()
    # A scraped site saved as one page: thousands of events to export.
    (big / "site.txt").write_text(long_article(400_000, seed=3), encoding="utf-8")
    old_jsonl = (out / "events.jsonl").stat().st_ino

    run = subprocess.Popen(cli("build", big, "--out", out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    # Kill as soon as the first export has been replaced: the others are being made.
    while (out / "events.jsonl").stat().st_ino == old_jsonl and run.poll() is None:
        assert time.monotonic() < deadline, "the build never wrote events.jsonl"
        time.sleep(0.005)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL, run.stderr.read() if run.stderr else ""

    after = files(out)
    assert not [name for name in after if name.endswith(".tmp")]  # no stray temp file
    assert set(after) >= set(before)
    lines = after.pop("events.jsonl").decode("utf-8").splitlines()
    new_events = [Event.from_dict(json.loads(line)) for line in lines]
    assert len(new_events) > 1000  # the new file, complete
    for name, data in after.items():
        if data != before.get(name):  # replaced whole, never half-written
            assert name.endswith(".ics"), name
            check_calendar(data)
    assert after["timeline.html"] == before["timeline.html"]


def test_a_write_that_fails_half_way_keeps_the_old_file_and_says_so_in_one_line(seed, tmp_path):
    target = tmp_path / "calendar.ics"
    subprocess.run(cli("ics", seed, "-o", target), check=True, capture_output=True)
    before = target.read_bytes()

    def small_disk():  # the child may write at most 1 kB a file, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    done = subprocess.run(
        cli("ics", seed, "-o", target), capture_output=True, text=True, preexec_fn=small_disk
    )
    assert done.returncode == 1
    assert done.stderr.startswith("timeline: ") and "cannot write (File too large)" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["calendar.ics"]


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named temp file"])
def test_the_next_write_removes_temp_files_of_killed_writers(tmp_path, monkeypatch, unnamed):
    if not unnamed:
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    orphan = tmp_path / f".events.jsonl.{gone.pid}.0badc0de.tmp"
    orphan.write_text("half a line", encoding="utf-8")
    mine = tmp_path / f".events.jsonl.{os.getpid()}.feedface.tmp"  # a live writer's: kept
    mine.write_text("in progress", encoding="utf-8")

    atomic_write(tmp_path / "events.jsonl", "{}\n")
    assert (tmp_path / "events.jsonl").read_text(encoding="utf-8") == "{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["events.jsonl", mine.name])


def test_exports_are_readable_files_and_text_that_is_not_unicode_is_escaped(tmp_path):
    path = atomic_write(tmp_path / "a.jsonl", json.dumps({"text": "Dushanbe \udc80"}, ensure_ascii=False))
    assert json.loads(path.read_text(encoding="utf-8")) == {"text": "Dushanbe \udc80"}
    assert path.stat().st_mode & 0o444 == 0o444 & ~_umask()
    write_ics([], tmp_path / "empty.ics")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "empty.ics"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
