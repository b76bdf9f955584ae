"""Bad input: one clear line on stderr naming the path or value, no traceback, the right exit code.

Exit 2 is a usage error (a bad option or filter value), exit 1 an input error (a path that
is missing or cannot be read). One bad file among many is named and skipped; the others are
still read, and the exit code (1) says something was skipped. ``--strict`` stops at the first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_articles import corpus, run, sources


@pytest.fixture
def articles(tmp_path):
    return corpus(tmp_path / "articles")


@pytest.fixture
def bad(tmp_path) -> dict[str, tuple[Path, str]]:
    """Each kind of bad input and the message that names it."""
    folder = tmp_path / "bad"
    folder.mkdir()
    binary = folder / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\x00\x01\x02 binary")
    latin = folder / "latin1.txt"
    latin.write_bytes("date 2024-01-02 Réunion\n\nPARIS, Jan 2 -- Le président a reçu.".encode("latin-1"))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.md").write_text("not an article", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    return {
        "missing": (missing, f"{missing}: no such file or folder"),
        "binary": (binary, f"{binary}: binary file, not a text article"),
        "not utf-8": (latin, f"{latin}: not UTF-8 text (bad byte at offset 17)"),
        "empty folder": (
            empty,
            f"{empty}: no *.txt, *.html, *.htm, *.jsonl, *.rss, *.atom files in this folder",
        ),
        "unreadable": (Path("/proc/self/mem"), "/proc/self/mem: cannot read (Input/output error)"),
    }


KINDS = ["missing", "binary", "not utf-8", "empty folder", "unreadable"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_input_alone_is_one_line_and_exit_1(bad, kind):
    path, message = bad[kind]
    result = run("extract", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"timeline: {message}"]


@pytest.mark.parametrize("kind", ["missing", "binary", "not utf-8", "empty folder"])
def test_a_real_process_prints_no_traceback(bad, kind):
    path, message = bad[kind]
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "list", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stderr == f"timeline: {message}\n"


@pytest.mark.parametrize("command", ["extract", "list", "ics", "plot", "build"])
def test_no_command_prints_a_traceback_on_bad_input(bad, tmp_path, command):
    target = {"ics": ["-o", tmp_path / "x.ics"], "plot": ["-o", tmp_path / "x.html"]}
    target["build"] = ["--out", tmp_path / "out"]
    for kind in KINDS:
        path, message = bad[kind]
        result = run(command, path, *target.get(command, []))
        assert result.exit_code == 1, (command, kind, result.output)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        assert result.stderr.splitlines()[0] == f"timeline: {message}"
    for usage in (["--since", "someday"], ["--type", "lunch"], ["--country", "Narnia"], ["--nope"]):
        result = run(command, bad["binary"][0], *target.get(command, []), *usage)
        assert result.exit_code == 2, (command, usage, result.output)
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
    assert not (tmp_path / "x.ics").exists() and not (tmp_path / "x.html").exists()
    assert not (tmp_path / "out").exists()  # nothing is written from nothing


def test_one_bad_file_among_many_is_named_and_the_rest_still_read(articles, bad):
    binary, message = bad["binary"]
    result = run("extract", articles, binary, bad["missing"][0])
    assert result.exit_code == 1
    assert sources(result.stdout) == {"ankara.txt", "moscow.txt", "delhi.txt"}
    assert result.stderr.splitlines() == [
        f"timeline: {message}",
        f"timeline: {bad['missing'][1]}",
        "timeline: skipped 2 of 5 input(s) that could not be read",
    ]


def test_a_bad_file_inside_a_folder_is_skipped_by_build(articles, bad, tmp_path):
    (articles / "broken.txt").write_bytes(bad["not utf-8"][0].read_bytes())
    out = tmp_path / "out"
    result = run("build", articles, "--out", out)
    assert result.exit_code == 1
    assert f"timeline: {articles / 'broken.txt'}: not UTF-8 text" in result.stderr
    assert "read 3 article(s), skipped 1" in result.stderr
    written = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {Path(e["source"]["path"]).name for e in written} == {"ankara.txt", "moscow.txt", "delhi.txt"}


def test_strict_stops_at_the_first_bad_file(articles, bad):
    (articles / "b-broken.txt").write_bytes(b"\x00\x00")
    listed = run("list", articles, "--strict")
    assert listed.exit_code == 1
    assert listed.stdout == ""
    assert listed.stderr.splitlines() == [
        f"timeline: {articles / 'b-broken.txt'}: binary file, not a text article"
    ]
    # extract streams: what came before the bad file is out, nothing after it is read.
    streamed = run("extract", articles, "--strict", "-f", "jsonl")
    assert streamed.exit_code == 1
    assert sources(streamed.stdout) == {"ankara.txt", "delhi.txt"}  # asia/delhi.txt sorts first


def test_strict_build_writes_nothing(articles, tmp_path):
    (articles / "zz.txt").write_bytes(b"\xff\xfe bad")
    out = tmp_path / "out"
    result = run("build", articles, "--out", out, "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"timeline: {articles / 'zz.txt'}: not UTF-8 text (bad byte at offset 0)"
    ]
    assert not out.exists()


def test_binary_and_non_utf8_standard_input(bad):
    binary = run("extract", "-", input=bad["binary"][0].read_bytes())
    assert binary.exit_code == 1
    assert binary.stderr.splitlines() == ["timeline: -: binary file, not a text article"]
    latin = run("list", "-", input=bad["not utf-8"][0].read_bytes())
    assert latin.exit_code == 1
    assert latin.stderr.splitlines() == ["timeline: -: not UTF-8 text (bad byte at offset 17)"]


def test_usage_errors_are_one_line_with_exit_2(articles):
    cases = {
        ("list",): "timeline: Missing argument 'PATH' (or --db STORE) (see 'timeline list --help')",
        ("lst", "x"): "timeline: No such command 'lst'. Did you mean 'list'? (see 'timeline --help')",
        (
            "list",
            "x",
            "--colour",
        ): "timeline: No such option: --colour (Possible options: --country) (see 'timeline list --help')",
    }
    for args, line in cases.items():
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr.splitlines() == [line]
