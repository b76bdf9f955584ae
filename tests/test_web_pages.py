"""Saved web pages (.html, .htm) read through trafilatura, as the same article in a .txt is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_articles import run
from web_pages import AGENCY, METADATA, MINISTRY, NO_TEXT_PAGE, NOT_HTML, STORIES, Story, robust

from timeline.api import events_from
from timeline.article import ArticleError
from timeline.sources import load


def _events(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [e.to_dict() for e in events_from([path])]


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.kind)
def test_a_page_gives_the_events_of_the_same_article_as_txt(tmp_path: Path, story: Story) -> None:
    page = tmp_path / f"{story.name}.html"
    page.write_text(story.html(), encoding="utf-8")
    txt = tmp_path / f"{story.name}.txt"
    txt.write_text(story.txt(), encoding="utf-8")
    from_page, from_txt = _events(page), _events(txt)
    assert from_txt and robust(from_page) == robust(from_txt)
    assert ("talks", story.day, story.day) in robust(from_page)
    for event in from_page:
        assert event["source"]["url"] == story.url  # the canonical URL
        assert event["source"]["title"] == story.title
        assert event["source"]["path"] == str(page)


def test_the_date_only_in_metadata_dates_the_article(tmp_path: Path) -> None:
    page = tmp_path / "delhi.htm"
    page.write_text(METADATA.html(), encoding="utf-8")
    assert METADATA.day not in "".join(METADATA.paragraphs)
    article = load(page)
    assert article.published is not None and article.published.isoformat() == METADATA.day
    assert ("talks", METADATA.day, METADATA.day) in robust(_events(page))


def test_menus_cookie_notes_related_links_and_comments_are_left_out(tmp_path: Path) -> None:
    for story in STORIES:
        page = tmp_path / f"{story.name}.html"
        page.write_text(story.html(), encoding="utf-8")
        text = load(page).text
        assert story.paragraphs[0] in text
        for chrome in (
            "cookie",
            "Related stories",
            "Stock markets",
            "reader42",
            "Finally some good news",
            "Copyright",
            "Sport",
        ):
            assert chrome not in text, chrome


def test_bad_pages_are_named_skipped_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text(NO_TEXT_PAGE, encoding="utf-8")
    (tmp_path / "image.html").write_bytes(NOT_HTML)
    (tmp_path / "ankara.html").write_text(AGENCY.html(), encoding="utf-8")
    (tmp_path / "readout.htm").write_text(MINISTRY.html(), encoding="utf-8")
    result = run("extract", tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"timeline: {tmp_path / 'empty.html'}: no article text in this web page" in lines
    assert f"timeline: {tmp_path / 'image.html'}: not a web page (no HTML markup)" in lines
    assert lines[-1] == "timeline: skipped 2 of 4 input(s) that could not be read"
    urls = {json.loads(line)["source"]["url"] for line in result.stdout.splitlines()}
    assert urls == {AGENCY.url, MINISTRY.url}


def test_a_page_without_article_text_raises_one_line(tmp_path: Path) -> None:
    page = tmp_path / "video.html"
    page.write_text(NO_TEXT_PAGE, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"video\.html: no article text"):
        load(page)


def test_a_page_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_text(AGENCY.html(), encoding="utf-8")
    with pytest.raises(ArticleError, match="over the article size limit of 100 bytes"):
        load(page, max_bytes=100)


def test_a_folder_gives_its_pages_and_txt_articles_by_default(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "ankara.html").write_text(AGENCY.html(), encoding="utf-8")
    (tmp_path / "readout.txt").write_text(MINISTRY.txt(), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = run("extract", tmp_path)
    assert result.exit_code == 0, result.stderr
    paths = {Path(json.loads(line)["source"]["path"]).name for line in result.stdout.splitlines()}
    assert paths == {"ankara.html", "readout.txt"}
    only = run("extract", tmp_path, "--glob", "*.htm,*.html")
    assert {Path(json.loads(line)["source"]["path"]).name for line in only.stdout.splitlines()} == {
        "ankara.html"
    }


def test_the_page_benchmark_runs(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "benchmarks/html_ingest.py", "--pages", "6", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert "pages:              6 read, 0 skipped" in done.stdout and "text extraction:" in done.stdout
    assert len(list(tmp_path.glob("*.html"))) == 6


def test_a_home_page_named_as_canonical_url_is_not_the_article_s_url(tmp_path: Path) -> None:
    page = tmp_path / "ankara.html"
    page.write_text(AGENCY.html(canonical="https://wire.example.org/"), encoding="utf-8")
    assert load(page).url is None


def test_the_command_line_s_default_glob_is_the_library_s() -> None:
    from timeline import cli, sources

    assert cli.DEFAULT_GLOB == sources.DEFAULT_GLOB


def test_text_articles_load_none_of_the_web_readers(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "ankara.txt").write_text(AGENCY.txt(), encoding="utf-8")
    code = (
        "import sys\nfrom timeline.api import events_from\n"
        f"assert list(events_from([{str(tmp_path)!r}]))\n"
        "print(sorted(m for m in ('timeline.fetch', 'timeline.web', 'timeline.feeds', 'trafilatura', 'feedparser', 'defusedxml') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
