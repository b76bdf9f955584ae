"""Articles too big to read are refused in one line, before they are read; the limit is 50 MB
unless TIMELINE_MAX_BYTES (or ``max_bytes=``) says otherwise."""

from __future__ import annotations

import pytest
from cli_articles import run_timeline

from timeline import ArticleError, read_article
from timeline.api import events_from
from timeline.article import DEFAULT_MAX_BYTES

run = run_timeline


def test_an_article_over_50_mb_is_refused_in_one_line_and_old_exports_are_kept(seed, tmp_path):
    out = tmp_path / "exports"
    assert run("build", seed, "--out", out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    huge = tmp_path / "huge" / "dump.txt"
    huge.parent.mkdir()
    with huge.open("wb") as f:  # sparse: takes no disk, and is never read
        f.truncate(DEFAULT_MAX_BYTES + 1)
    done = run("build", huge.parent, "--out", out)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert (
        f"{huge}: {DEFAULT_MAX_BYTES + 1} bytes is over the article size limit of {DEFAULT_MAX_BYTES} bytes"
        in (done.stderr)
    )
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_the_limit_is_set_by_an_environment_variable(seed):
    size = seed.stat().st_size
    small = run("extract", seed, env={"TIMELINE_MAX_BYTES": "1K"})
    assert small.stdout == ""
    assert (
        small.stderr.strip() == f"timeline: {seed}: {size} bytes is over the article size limit of 1024 bytes"
    )
    assert len(run("extract", seed, env={"TIMELINE_MAX_BYTES": "1M"}).stdout.splitlines()) == 5
    piped = run("extract", "-", env={"TIMELINE_MAX_BYTES": "100"}, input=seed.read_text(encoding="utf-8"))
    assert "standard input is over the article size limit of 100 bytes" in piped.stderr


def test_a_bad_limit_stops_the_run_with_one_line(seed):
    done = run("extract", seed, env={"TIMELINE_MAX_BYTES": "lots"})
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "timeline: TIMELINE_MAX_BYTES='lots' is not a size (bytes, or a number with K, M or G)"
    )


def test_the_library_takes_the_limit_as_an_argument(seed):
    with pytest.raises(ArticleError, match="over the article size limit of 100 bytes"):
        read_article(seed, max_bytes=100)
    skipped: list[ArticleError] = []
    assert list(events_from([seed], max_bytes=100, on_error=skipped.append)) == []
    assert len(skipped) == 1
    assert len(list(events_from([seed], max_bytes=10**6))) == 5
