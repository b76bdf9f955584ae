"""JSON Lines corpora: one article a line, fields mapped by option, errors naming file and line."""

from __future__ import annotations

import json
from pathlib import Path

from cli_articles import run
from web_pages import AGENCY, METADATA, MINISTRY, robust

from timeline.api import events_from
from timeline.sources import Reading


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _body(story) -> str:  # type: ignore[no-untyped-def]
    return "\n\n".join(story.paragraphs)


def test_each_line_gives_the_events_of_the_same_article_as_txt(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(
            [
                _line(title=AGENCY.title, date=AGENCY.day, url=AGENCY.url, text=_body(AGENCY)),
                _line(
                    headline=METADATA.title,
                    published=METADATA.day + "T08:00:00Z",
                    link=METADATA.url,
                    body=_body(METADATA),
                ),
                _line(title=MINISTRY.title, date="Wed, 05 Jun 2024 10:00:00 +0200", content=_body(MINISTRY)),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    events = [e.to_dict() for e in events_from([corpus])]
    for number, story in enumerate((AGENCY, METADATA, MINISTRY), 1):
        txt = tmp_path / f"{story.name}.txt"
        txt.write_text(story.txt(), encoding="utf-8")
        mine = [e for e in events if e["source"]["path"] == f"{corpus}:{number}"]
        assert robust(mine) == robust([e.to_dict() for e in events_from([txt])])
        assert ("talks", story.day, story.day) in robust(mine)
        assert {e["source"]["title"] for e in mine} == {story.title}
    assert {e["source"]["url"] for e in events} == {AGENCY.url, METADATA.url, None}


def test_field_names_are_mapped_by_option(tmp_path: Path) -> None:
    corpus = tmp_path / "export.jsonl"
    corpus.write_text(
        _line(story=_body(AGENCY), heading=AGENCY.title, pubDate=AGENCY.day, permalink=AGENCY.url) + "\n",
        encoding="utf-8",
    )
    unmapped = run("extract", corpus)
    assert unmapped.exit_code == 1
    assert f"{corpus}:1: no article text (looked for text, body, content)" in unmapped.stderr
    mapped = run(
        "extract",
        corpus,
        "--field",
        "text=story",
        "--field",
        "title=heading",
        "--field",
        "date=pubDate",
        "--field",
        "url=permalink",
    )
    assert mapped.exit_code == 0, mapped.stderr
    events = [json.loads(line) for line in mapped.stdout.splitlines()]
    assert ("talks", AGENCY.day, AGENCY.day) in robust(events)
    assert {(e["source"]["url"], e["source"]["title"]) for e in events} == {(AGENCY.url, AGENCY.title)}
    library = list(events_from([corpus], reading=Reading(fields={"text": "story", "date": "pubDate"})))
    assert library and all(e.source and e.source.url is None for e in library)


def test_a_bad_field_option_is_a_usage_error(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(_line(text=_body(AGENCY)) + "\n", encoding="utf-8")
    for bad, says in (("story", "is not FIELD=NAME"), ("author=by", "'author' is not a field")):
        result = run("extract", corpus, "--field", bad)
        assert result.exit_code == 2
        assert result.stderr.startswith("timeline: --field: ") and says in result.stderr


def test_bad_lines_are_named_by_file_and_line_and_the_rest_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        _line(title=AGENCY.title, date=AGENCY.day, text=_body(AGENCY)),
        '{"title": "cut short", "text": "ANKARA',
        "",
        '["not", "an", "object"]',
        _line(title="No text here", date="2024-01-02"),
        _line(text=_body(MINISTRY), date="sometime in June"),
        _line(text=_body(METADATA), title=METADATA.title, date=METADATA.day),
    ]
    corpus.write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "\xff\xfe"}\n')
    result = run("extract", corpus)
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"timeline: {corpus}:2: not JSON (")
    assert errors[1] == f"timeline: {corpus}:4: not a JSON object"
    assert errors[2] == f"timeline: {corpus}:5: no article text (looked for text, body, content)"
    assert errors[3] == f"timeline: {corpus}:6: date: 'sometime in June' is not a date (2024-07-05)"
    assert errors[4].startswith(f"timeline: {corpus}:8: not UTF-8 text")
    assert len(errors) == 6 and "skipped 5" in errors[5]
    paths = {json.loads(line)["source"]["path"] for line in result.stdout.splitlines()}
    assert paths == {f"{corpus}:1", f"{corpus}:7"}


def test_a_line_over_the_size_limit_is_skipped_without_holding_it(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    corpus.write_text(
        _line(text="x " * 5000) + "\n" + _line(text=_body(AGENCY), date=AGENCY.day) + "\n", encoding="utf-8"
    )
    skipped: list[str] = []
    events = list(events_from([corpus], on_error=lambda e: skipped.append(str(e)), max_bytes=2000))
    assert skipped == [f"{corpus}:1: line is over the article size limit of 2000 bytes"]
    assert ("talks", AGENCY.day, AGENCY.day) in robust([e.to_dict() for e in events])


def test_a_corpus_is_ingested_once_a_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        _line(title=AGENCY.title, date=AGENCY.day, url=AGENCY.url, text=_body(AGENCY))
        + "\nnot json\n"
        + _line(title=METADATA.title, date=METADATA.day, text=_body(METADATA))
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    first = run("ingest", corpus, "--db", db, "--jobs", "2")
    assert first.exit_code == 1
    assert f"timeline: {corpus}:2: not JSON (" in first.stderr and "2 added" in first.stderr
    again = run("ingest", corpus, "--db", db, "--jobs", "1")
    assert "0 added, 0 replaced, 2 unchanged" in again.stderr
    listed = run("list", "--db", db, "-f", "json")
    assert ("talks", AGENCY.day, AGENCY.day) in robust(json.loads(listed.stdout))
