"""Bad input, as a new user or an attacker gives it: one line on stderr naming the input, a
non-zero exit, never a traceback, never an endless read, never a silent nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_articles import run_timeline

from timeline import ArticleError, TimelineError, read_article
from timeline.api import events_from
from timeline.store import Store

TALKS = (
    "date 2024-07-05 Xi holds talks with Rahmon\n\n"
    "DUSHANBE, July 5 (Xinhua) -- Chinese President Xi Jinping held talks with Tajik President "
    "Emomali Rahmon in Dushanbe on Friday.\n"
)


run = run_timeline


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert lines, "no message at all"
    return lines[0]


# --- reads are bounded whatever the file is ------------------------------------------------


def test_dev_zero_named_on_the_command_line_is_read_bounded_and_refused_in_one_line():
    done = run("extract", "/dev/zero")
    assert done.returncode == 1
    assert done.stdout == ""
    assert one_line(done.stderr) == "timeline: /dev/zero: binary file, not a text article"


def test_standard_input_of_zeros_is_refused_in_one_line():
    with open("/dev/zero", "rb") as zeros:
        done = run("extract", "-", stdin=zeros)
    assert done.returncode == 1
    assert one_line(done.stderr) == "timeline: -: binary file, not a text article"


def test_a_fifo_named_on_the_command_line_is_read_up_to_the_size_limit(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    # A writer that would never stop: the reader must stop at the limit.
    writer = subprocess.Popen(["sh", "-c", f"yes 'Xi held talks.' > '{fifo}'"], stderr=subprocess.DEVNULL)
    try:
        done = run("extract", fifo, env={"TIMELINE_MAX_BYTES": "64K"})
    finally:
        writer.kill()
        writer.wait()
    assert done.returncode == 1
    assert one_line(done.stderr) == f"timeline: {fifo}: over the article size limit of 65536 bytes"


def test_a_fifo_named_on_the_command_line_is_read_as_an_article(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(["sh", "-c", f"cat > '{fifo}'"], stdin=subprocess.PIPE)
    assert writer.stdin is not None
    writer.stdin.write(TALKS.encode())
    writer.stdin.close()
    done = run("extract", fifo)
    writer.wait()
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["type"] for line in done.stdout.splitlines()] == ["talks"]


def test_a_fifo_or_device_met_in_a_folder_is_refused_and_the_articles_beside_it_are_read(tmp_path, seed):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed, folder / "seed.txt")
    os.mkfifo(folder / "pipe.txt")  # nobody writes: opening it would wait for ever
    (folder / "zero.txt").symlink_to("/dev/zero")
    done = run("extract", folder)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 5
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"timeline: {folder / 'pipe.txt'}: a FIFO (named pipe), not an article file; name it on its own to read it",
        f"timeline: {folder / 'zero.txt'}: a device, not an article file; name it on its own to read it",
        "timeline: skipped 2 of 3 input(s) that could not be read",
    ]


def test_the_library_reads_a_file_that_claims_to_be_empty_bounded():
    with pytest.raises(ArticleError, match="binary file"):
        read_article("/dev/zero")
    # /proc files claim a size of 0 and hold text: read up to the limit, no further.
    assert Path("/proc/self/smaps").stat().st_size == 0
    with pytest.raises(ArticleError, match="/proc/self/smaps: over the article size limit of 1000 bytes"):
        read_article("/proc/self/smaps", max_bytes=1000)


# --- silent drops and tracebacks --------------------------------------------------------------


def test_an_impossible_header_date_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(TALKS.replace("2024-07-05", "2024-02-30"), encoding="utf-8")
    done = run("extract", bad)
    assert done.returncode == 1
    assert one_line(done.stderr) == (
        f"timeline: {bad}: header date 2024-02-30 is not a day of the calendar "
        "(the first line should be 'date YYYY-MM-DD Title')"
    )


def test_a_sidecar_that_is_not_json_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{url: https://example.org}", encoding="utf-8")
    done = run("extract", tmp_path / "a.txt")
    assert done.returncode == 1
    assert one_line(done.stderr).startswith(f"timeline: {tmp_path / 'a.meta.json'}: not JSON (")
    (tmp_path / "a.meta.json").write_text('{"url": "ftp://example.org/a"}', encoding="utf-8")
    done = run("extract", tmp_path / "a.txt")
    assert done.returncode == 1
    assert "is not an http:// or https:// address" in one_line(done.stderr)
    (tmp_path / "a.meta.json").write_text('{"url": "https://example.org/a"}', encoding="utf-8")
    done = run("extract", tmp_path / "a.txt")
    assert done.returncode == 0
    assert json.loads(done.stdout.splitlines()[0])["source"]["url"] == "https://example.org/a"


def test_a_file_name_that_is_not_utf8_is_named_and_the_good_files_are_stored(tmp_path, seed):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed, folder / "seed.txt")
    (folder / "b.txt").write_text(TALKS, encoding="utf-8")
    bad = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad, "wb") as f:
        f.write(TALKS.replace("Rahmon", "Mirziyoyev").encode())
    db = tmp_path / "store.db"
    for jobs in ("1", "2"):
        done = run("ingest", folder, "--db", db, "--jobs", jobs)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert (
            f"timeline: {folder}/caf\\xe9.txt: file name is not valid UTF-8; rename the file to read it"
            in (done.stderr.splitlines())
        )
        with Store(db, create=False) as store:
            assert store.count_articles() == 2
    done = run("extract", folder)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 6  # the seed's five and b.txt's talks


def test_the_library_raises_on_bad_paths_unless_asked_to_skip(tmp_path, seed):
    with pytest.raises(ArticleError, match="typo: no such file or folder"):
        list(events_from(["typo"]))
    assert issubclass(ArticleError, TimelineError)
    assert list(events_from(["typo"], skip_errors=True)) == []
    told: list[ArticleError] = []
    assert len(list(events_from([seed, "typo"], on_error=told.append))) == 5
    assert [str(e) for e in told] == ["typo: no such file or folder"]
    # One path alone is that path, not its letters.
    assert len(list(events_from(str(seed.parent)))) == 5
    assert len(list(events_from(seed.parent))) == 5
    with pytest.raises(TypeError, match="not int"):
        events_from([seed, 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not bytes"):
        events_from(b"seeds")  # type: ignore[arg-type]


def test_a_closed_pipe_ends_the_run_quietly(tmp_path, seed):
    for n in range(40):
        shutil.copy(seed, tmp_path / f"a{n}.txt")
    reader = subprocess.Popen(
        [sys.executable, "-m", "timeline", "extract", tmp_path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()  # like `| head -1`
    reader.stdout.close()
    code = reader.wait(timeout=300)
    assert reader.stderr.read() == b""
    assert code == 141  # 128 + SIGPIPE, as the shell reports `yes | head`; not 1, an unreadable input


def test_the_store_raises_on_a_bad_input_unless_asked_to_skip(tmp_path, seed):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed, folder / "a.txt")
    (folder / "b.txt").write_text(TALKS.replace("2024-07-05", "2024-13-01"), encoding="utf-8")
    with Store(tmp_path / "store.db") as store:
        with pytest.raises(ArticleError, match="b.txt: header date 2024-13-01 is not a day"):
            store.ingest([folder], jobs=1)
        report = store.ingest([folder], jobs=1, skip_errors=True)
        assert len(report.skipped) == 1 and report.seen == 1
        told: list[str] = []
        assert store.ingest([folder], jobs=2, on_error=told.append).unchanged == 1
        assert len(told) == 1
