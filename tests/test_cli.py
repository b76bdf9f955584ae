"""The command line, through typer's runner and as a real subprocess: inputs, formats, build."""

from __future__ import annotations

import json
import os
import pty
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from cli_articles import DELHI, corpus, run, sources, write

from timeline import __version__
from timeline.formats import from_csv
from timeline.model import Event

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def articles(tmp_path):
    return corpus(tmp_path / "articles")


def events_of_jsonl(text: str) -> list[Event]:
    return [Event.from_dict(json.loads(line)) for line in text.splitlines()]


def test_extract_prints_one_json_event_a_line_with_the_article_path(seed):
    result = run("extract", seed)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    for line in lines:
        event = json.loads(line)
        assert event["source"]["path"] == str(seed)
        assert event["start"] == "2024-07-05"


def test_a_folder_is_read_recursively_and_glob_chooses_the_files(articles):
    assert sources(run("extract", articles).stdout) == {"ankara.txt", "moscow.txt", "delhi.txt"}
    write(articles, "notes/cairo.md", DELHI)
    assert sources(run("extract", articles, "--glob", "*.md").stdout) == {"cairo.md"}
    assert sources(run("extract", articles, "-g", "a*.txt").stdout) == {"ankara.txt"}


def test_standard_input_is_read_with_a_dash(articles):
    piped = run("extract", "-", input=(articles / "moscow.txt").read_text(encoding="utf-8"))
    assert piped.exit_code == 0
    events = [json.loads(line) for line in piped.stdout.splitlines()]
    assert events and {e["source"]["path"] for e in events} == {"-"}
    assert {"Sergey Lavrov", "Murat Nurtleu"} <= set(events[0]["participants"])


def test_files_folders_and_stdin_mix(articles):
    text = (articles / "moscow.txt").read_text(encoding="utf-8")
    result = run("extract", articles / "ankara.txt", articles / "asia", "-", input=text)
    assert result.exit_code == 0
    assert sources(result.stdout) == {"ankara.txt", "delhi.txt", "-"}


def test_list_shows_a_table_in_date_order(articles):
    result = run("list", articles)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["When", "Type", "Countries", "Place", "People", "Source"]
    rows = [line for line in lines[1:] if re.match(r"\s*\d{4}-", line)]
    days = [row.split()[0] for row in rows]
    assert days == sorted(days) and days[0] == "2023-11-02" and days[-1] == "2024-07-20"
    assert "Sergey Lavrov" in result.stdout and "\x1b[" not in result.stdout  # no colour when piped


def test_list_says_so_on_stderr_when_nothing_matches(articles):
    result = run("list", articles, "--country", "Peru")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "No events match."


@pytest.mark.parametrize("command", ["extract", "list"])
def test_json_and_csv_parse_back_to_the_same_events(articles, command):
    reference = events_of_jsonl(run("extract", articles).stdout)
    assert len(reference) >= 3
    key = sorted  # list sorts by date; extract keeps the reading order
    as_jsonl = events_of_jsonl(run(command, articles, "--format", "jsonl").stdout)
    as_json = [Event.from_dict(d) for d in json.loads(run(command, articles, "-f", "json").stdout)]
    as_csv = from_csv(run(command, articles, "-f", "csv").stdout)
    by_id = {e.id: e for e in reference}
    for parsed in (as_jsonl, as_json, as_csv):
        assert key(e.id for e in parsed) == key(by_id)
        assert all(e == by_id[e.id] for e in parsed)


def test_csv_has_plain_columns_for_spreadsheets(articles):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("list", articles, "-f", "csv", "-t", "call").stdout)))
    assert len(rows) == 1
    row = rows[0]
    assert row["type"] == "call" and row["start"] == "2024-07-20"
    assert "Fumio Kishida" in row["participants"].split("; ")
    assert "JP" in row["countries"].split("; ")


def test_output_file_is_written_whole_and_nothing_goes_to_stdout(articles, tmp_path):
    target = tmp_path / "out" / "events.csv"
    result = run("extract", articles, "-f", "csv", "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert len(from_csv(target.read_text(encoding="utf-8"))) >= 3
    table = tmp_path / "table.txt"
    assert run("list", articles, "-o", table).exit_code == 0
    assert "Sergey Lavrov" in table.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_an_output_that_cannot_be_written_is_one_line(articles, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("extract", articles, "-o", blocker / "events.jsonl")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"timeline: {blocker / 'events.jsonl'}: cannot write ({blocker}: File exists)"
    ]
    assert not blocker.is_dir() and blocker.read_text(encoding="utf-8") == "x"


def test_unknown_format_is_a_usage_error(articles):
    result = run("extract", articles, "--format", "xml")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "timeline: --format: unknown format 'xml'; choose from table, json, jsonl, csv"
    )


def test_build_writes_every_export_and_a_summary(seed, articles, tmp_path):
    shutil.copy(seed, articles / "seed.txt")
    out = tmp_path / "exports"
    result = run("build", articles, "--out", out)
    assert result.exit_code == 0, result.output
    events = events_of_jsonl((out / "events.jsonl").read_text(encoding="utf-8"))
    cal = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == len(events) >= 8
    involved = {c for e in events for c in e.countries}
    calendars = {p.stem: p for p in (out / "countries").glob("*.ics")}
    assert set(calendars) == involved
    tajik = icalendar.Calendar.from_ical(calendars["TJ"].read_bytes())
    assert len(tajik.walk("VEVENT")) == sum("TJ" in e.countries for e in events) == 5
    page = (out / "timeline.html").read_text(encoding="utf-8")
    assert "Plotly.newPlot" in page and "<script src=" not in page
    assert not [p for p in out.rglob("*.tmp")]
    # The summary: articles read, events by type and by country, files written.
    summary = result.stderr
    assert f"read 4 article(s); found {len(events)} event(s)" in summary
    assert "talks 2" in summary and "call 1" in summary
    assert "Tajikistan 5" in summary and "Kazakhstan 1" in summary
    for name in ("events.jsonl", "calendar.ics", "timeline.html"):
        assert str(out / name) in summary
    assert f"{out / 'countries'}/ ({len(involved)} calendar(s)" in summary
    assert len(summary.splitlines()) <= 24  # one screen


def test_quiet_build_prints_nothing(articles, tmp_path):
    result = run("build", articles, "--out", tmp_path / "out", "--quiet")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_version_and_short_help():
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.strip() == f"timeline {__version__}"
    assert run("-h").exit_code == 0 and "build" in run("-h").stdout


@pytest.mark.parametrize("command", ["extract", "list", "ics", "plot", "build"])
def test_each_command_helps_with_an_example_that_works_on_seeds(command, tmp_path, monkeypatch):
    help_text = run(command, "-h").stdout
    found = re.search(r"Example: (timeline .+?)\s*(?:│|$)", help_text, re.M)
    assert found, help_text
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(found.group(1))[1:]
    result = run(*args)
    assert result.exit_code == 0, (args, result.output)
    written = [Path(a) for a in args if a.startswith(("exports", "events."))]
    assert all(p.exists() and p.stat().st_size for p in written)
    if command == "build":
        assert (tmp_path / "exports" / "events.jsonl").exists()
    elif not written:
        assert result.stdout.strip()


def test_shell_completion_offers_types_and_countries():
    env = {**os.environ, "_TIMELINE_COMPLETE": "complete_bash", "COMP_CWORD": "4"}
    cmd = [sys.executable, "-m", "timeline"]
    types = subprocess.run(
        cmd, env={**env, "COMP_WORDS": "timeline list x --type ta"}, capture_output=True, text=True
    )
    assert types.stdout.split() == ["talks"]
    lands = subprocess.run(
        cmd, env={**env, "COMP_WORDS": "timeline list x --country Tajik"}, capture_output=True, text=True
    )
    assert lands.stdout.split() == ["Tajikistan"]
    script = subprocess.run([*cmd, "--show-completion", "bash"], capture_output=True, text=True)
    assert "_TIMELINE_COMPLETE" in script.stdout


def test_a_real_process_reads_stdin_and_writes_json_lines(articles):
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", "-"],
        input=(articles / "ankara.txt").read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stderr == ""
    assert {json.loads(line)["start"] for line in done.stdout.splitlines()} == {"2024-03-12"}


def _build_with_stderr_on_a_terminal(articles, out, *extra):
    """Run `timeline build` with stderr on a pseudo-terminal; returns what the terminal showed."""
    leader, follower = pty.openpty()
    done = subprocess.Popen(
        [sys.executable, "-m", "timeline", "build", articles, "--out", out, *extra],
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    assert done.wait(timeout=60) == 0
    os.close(leader)
    return shown.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(articles, tmp_path):
    for n in range(12):
        write(articles, f"more/{n:02}.txt", DELHI)
    on_terminal = _build_with_stderr_on_a_terminal(articles, tmp_path / "a")
    assert "reading" in on_terminal and "15/15" in on_terminal
    assert "read 15 article(s)" in on_terminal
    quiet = _build_with_stderr_on_a_terminal(articles, tmp_path / "b", "--quiet")
    assert quiet == ""
    piped = subprocess.run(
        [sys.executable, "-m", "timeline", "build", articles, "--out", tmp_path / "c"],
        capture_output=True,
        text=True,
    )
    assert piped.returncode == 0
    assert "reading" not in piped.stderr and piped.stderr.startswith("read 15 article(s)")


def test_every_command_line_in_the_readme_works_on_seeds(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Commands\n\n```sh\n(.*?)```", readme, re.S)
    assert block
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    ran = set()
    for line in block.group(1).splitlines():
        piped, _, command = line.rpartition("| ")
        args = shlex.split(command, comments=True)
        assert args[0] == "timeline", line
        stdin = None
        if piped:
            assert piped.startswith("cat seeds/*.txt")
            stdin = "".join(p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt")))
        result = run(*args[1:], input=stdin)
        assert result.exit_code == 0, (line, result.output)
        assert result.stdout.strip() or "wrote" in result.stderr or "-o" in args, line
        ran.add(args[1])
    assert ran == {"extract", "list", "ics", "plot", "build"}


def test_a_filtered_rebuild_leaves_no_calendar_of_an_earlier_run(articles, tmp_path):
    out = tmp_path / "exports"
    assert run("build", articles, "--out", out, "-q").exit_code == 0
    before = {p.name for p in (out / "countries").glob("*.ics")}
    assert {"KZ.ics", "RU.ics", "HU.ics"} <= before
    (out / "countries" / "notes.ics").write_text("mine", encoding="utf-8")
    again = run("build", articles, "--out", out, "--country", "KZ")
    assert again.exit_code == 0
    assert "found 1 event(s) (countries KZ)" in again.stderr
    after = {p.name for p in (out / "countries").glob("*.ics")}
    assert after == {"KZ.ics", "RU.ics", "notes.ics"}  # a file the tool did not name is kept
