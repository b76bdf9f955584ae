"""The command line, through typer's runner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import icalendar
from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_extract_prints_one_json_event_a_line_with_the_article_path(seed):
    result = run("extract", seed)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    for line in lines:
        event = json.loads(line)
        assert event["source"]["path"] == str(seed)
        assert event["start"] == "2024-07-05"


def test_extract_reads_a_folder_and_stdin(seed):
    folder = run("extract", seed.parent)
    assert folder.exit_code == 0 and len(folder.stdout.splitlines()) == 5
    piped = run("extract", "-", input=seed.read_text(encoding="utf-8"))
    assert piped.exit_code == 0 and len(piped.stdout.splitlines()) == 5
    assert json.loads(piped.stdout.splitlines()[0])["source"]["path"] == "-"


def test_list_filters_by_country_date_and_type(seed):
    assert len(run("list", seed, "--country", "TJ").stdout.splitlines()) == 5
    for args in (["--country", "KZ"], ["--since", "2024-07-06"], ["--until", "2024-07-04"]):
        result = run("list", seed, *args)
        assert result.exit_code == 0
        assert result.stdout == ""
    only = run("list", seed, "--type", "talks", "--type", "press").stdout.splitlines()
    assert len(only) == 2


def test_country_filter_takes_names_codes_and_demonyms(seed):
    outputs = {run("extract", seed, "--country", c).stdout for c in ("Tajikistan", "tj", "TJK", "Tajik")}
    assert len(outputs) == 1 and outputs.pop().count("\n") == 5


def test_bad_filters_are_usage_errors(seed):
    unknown = run("list", seed, "--country", "Tajikistn")
    assert unknown.exit_code == 2
    assert "Tajikistan" in unknown.output
    assert run("list", seed, "--since", "July").exit_code == 2
    assert run("list", seed, "--since", "2024-07-06", "--until", "2024-07-01").exit_code == 2


def test_missing_path_is_one_line_on_stderr_and_exit_1(tmp_path):
    missing = tmp_path / "nope.txt"
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(missing)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"timeline: {missing}: no such file or folder"
    assert "Traceback" not in done.stderr


def test_build_writes_the_three_exports(seed, tmp_path):
    out = tmp_path / "exports"
    result = run("build", seed.parent, "--out", out)
    assert result.exit_code == 0, result.output
    assert len((out / "events.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    cal = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == 5
    page = (out / "timeline.html").read_text(encoding="utf-8")
    assert "<script src=" not in page  # plotly.js is inline: the page works offline
    assert "Plotly.newPlot" in page
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
