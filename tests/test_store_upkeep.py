"""Keeping a store right: re-extraction by a newer extractor, removing articles, damaged files,
a read-only folder. Real SQLite files and real `timeline` processes throughout."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.extract import EXTRACTOR_VERSION
from timeline.store import SCHEMA_VERSION, Store

TASS = """\
date 2024-07-05 Xi, Rakhmon hold talks in Dushanbe

DUSHANBE, July 5. /TASS/. Chinese President Xi Jinping and Tajik President Emomali Rakhmon held talks in Dushanbe on Friday, the Tajik presidential press service reported.
"""
UZBEK = """\
date 2024-07-04 Xi meets Mirziyoyev

TASHKENT, July 4 (Xinhua) -- Chinese President Xi Jinping held talks with Uzbek President Shavkat Mirziyoyev in Tashkent on Thursday.
"""


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *map(str, args)], capture_output=True, text=True, timeout=300
    )


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def corpus(tmp_path: Path, seed: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(seed, folder / "seed.txt")
    (folder / "tass.txt").write_text(TASS, encoding="utf-8")
    (folder / "tass.meta.json").write_text('{"url": "https://tass.example/1"}', encoding="utf-8")
    (folder / "uzbek.txt").write_text(UZBEK, encoding="utf-8")
    return folder


def stored(db: Path) -> dict[str, dict[str, object]]:
    with Store(db, create=False) as store:
        return {e.id: e.to_dict() for e in store.events()}


def without_ids(events: dict[str, dict[str, object]]) -> list[str]:
    return sorted(repr({k: v for k, v in e.items() if k != "id"}) for e in events.values())


# --- the extractor's version ------------------------------------------------------------------


def test_ingest_re_extracts_articles_read_by_an_older_extractor(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    before = stored(db)
    with sqlite3.connect(db) as con:  # as an older timeline left it
        con.execute("UPDATE articles SET extractor = '2020.1' WHERE path LIKE '%seed.txt'")
    checked = run("check", "--db", db)
    assert checked.returncode == 0
    assert "1 article(s) read by an older extractor" in checked.stdout
    done = run("ingest", corpus, "--db", db)
    assert done.returncode == 0
    assert "0 replaced, 1 re-extracted (read by an older extractor), 2 unchanged" in done.stderr
    assert stored(db) == before  # same extractor in fact: the same events, the same ids
    with sqlite3.connect(db) as con:
        assert {v for (v,) in con.execute("SELECT extractor FROM articles")} == {EXTRACTOR_VERSION}


def test_a_store_of_schema_version_1_is_read_then_upgraded_and_re_extracted(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    before = stored(db)
    with sqlite3.connect(db) as con:  # the schema before extractor versions
        con.execute("DROP INDEX articles_by_url")
        con.execute("ALTER TABLE articles DROP COLUMN url")
        con.execute("ALTER TABLE articles DROP COLUMN extractor")
        con.execute("PRAGMA user_version = 1")
    listed = run("list", "--db", db, "-f", "jsonl")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(before)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1  # reading changed nothing
    done = run("ingest", corpus, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "3 re-extracted" in done.stderr
    assert stored(db) == before
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("drop", "kept"),
    [
        (("extractor",), ("url", "content")),  # version 2 of issue12: URLs and content hashes
        (("content",), ("url", "extractor")),  # version 2 of issue14: URLs and extractor versions
    ],
)
def test_a_store_of_either_schema_version_2_is_upgraded_to_the_one_schema(corpus, tmp_path, drop, kept):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    before = stored(db)
    with sqlite3.connect(db) as con:
        if "content" in drop:
            con.execute("DROP INDEX articles_by_content")
        con.execute("DROP INDEX articles_by_position")  # what version 4 added
        con.execute("DROP TABLE duplicates")
        for column in (*drop, "position"):
            con.execute(f"ALTER TABLE articles DROP COLUMN {column}")
        if "extractor" in kept:
            con.execute("UPDATE articles SET extractor = '2026.12.1'")  # the regex extractor's
        con.execute("PRAGMA user_version = 2")
    listed = run("list", "--db", db, "-f", "jsonl")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(before)
    done = run("ingest", corpus, "--db", db)
    assert done.returncode == 0, done.stderr
    assert "3 re-extracted" in done.stderr
    assert stored(db) == before
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        columns = {row[1] for row in con.execute("PRAGMA table_info(articles)")}
        assert {"url", "content", "extractor", "position"} <= columns
        assert con.execute("SELECT count(*) FROM articles WHERE position = ''").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 0
        assert {v for (v,) in con.execute("SELECT extractor FROM articles")} == {EXTRACTOR_VERSION}
        assert con.execute("SELECT count(*) FROM articles WHERE content IS NULL").fetchone()[0] == 0
    assert run("check", "--db", db).returncode == 0


def test_ingest_says_when_other_articles_of_the_store_are_stale(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    with sqlite3.connect(db) as con:
        con.execute("UPDATE articles SET extractor = '2020.1' WHERE path LIKE '%uzbek.txt'")
    done = run("ingest", corpus / "seed.txt", "--db", db)
    assert done.returncode == 0
    assert "1 other article(s) of" in done.stderr and "ingest their files again" in done.stderr


# --- removing articles ------------------------------------------------------------------------


def test_remove_takes_out_an_article_by_path_and_by_url(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    full = stored(db)
    talks = [i for i, e in full.items() if e["type"] == "talks" and "TJ" in e["countries"]]  # type: ignore[operator]
    assert len(talks) == 1 and full[talks[0]]["corroboration"] == 2  # the seed and TASS tell it

    done = run("remove", "--db", db, "https://tass.example/1")
    assert done.returncode == 0, done.stderr
    assert "removed 1 article(s): 0 event(s) gone, 1 kept with fewer sources" in done.stderr
    after = stored(db)
    assert talks[0] in after  # the shared talks keep their id while the seed tells them
    assert after[talks[0]]["corroboration"] == 1
    assert "TASS" not in repr(after[talks[0]]["evidence"])

    # The same events as a fresh store of the articles that remain (ids aside: they stay).
    (corpus / "tass.txt").unlink()
    fresh = tmp_path / "fresh.db"
    assert run("ingest", corpus, "--db", fresh).returncode == 0
    assert without_ids(after) == without_ids(stored(fresh))

    done = run("remove", "--db", db, corpus / "uzbek.txt")  # a path, even once the file is gone
    assert done.returncode == 0
    assert "1 event(s) gone" in done.stderr
    assert not any("UZ" in e["countries"] for e in stored(db).values())  # type: ignore[operator]


def test_removing_what_the_store_does_not_hold_is_one_line(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    done = run("remove", "--db", db, "https://nowhere.example/x", "-q")
    assert one_line(done) == f"timeline: https://nowhere.example/x: no article of {db} has this path or URL"
    assert len(stored(db)) > 0


def test_removing_a_folder_takes_out_every_article_under_it(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    assert run("remove", "--db", db, corpus).returncode == 0
    assert stored(db) == {}
    assert run("check", "--db", db).stdout.strip() == f"{db}: ok; 0 event(s) from 0 article(s)"


# --- damaged stores ---------------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_one_line_saying_what_to_do(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n" * 50, encoding="utf-8")
    for args in (["list", "--db", db], ["ingest", tmp_path, "--db", db], ["check", "--db", db]):
        line = one_line(run(*args))
        assert line.startswith(f"timeline: {db}: not a timeline store (not an SQLite database)"), line
    assert db.read_text(encoding="utf-8").startswith("my notes")  # left as it was


def test_a_truncated_store_is_one_line_and_check_says_damaged(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 3)
    line = one_line(run("list", "--db", db))
    assert line.startswith(f"timeline: {db}: the store is damaged (database disk image is malformed)")
    assert "move it aside and ingest the articles again" in line
    checked = run("check", "--db", db)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert checked.stderr.strip().splitlines()[-1] == (
        f"timeline: {db}: damaged; move it aside and ingest the articles again (timeline ingest --db ...)"
    )


def test_a_corrupted_page_is_found_by_check(corpus, tmp_path):
    db = tmp_path / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    with sqlite3.connect(db) as con:
        size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'happenings'").fetchone()[0]
    with db.open("r+b") as f:  # scribble over the header of the events table's first page
        f.seek((root - 1) * size)
        f.write(b"\xff" * 64)
    line = one_line(run("list", "--db", db))
    assert "the store is damaged" in line
    checked = run("check", "--db", db)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "damaged; move it aside" in checked.stderr
    assert len(checked.stderr.splitlines()) <= 20  # one screen


# --- a store in a read-only folder ------------------------------------------------------------


@pytest.fixture
def immutable(tmp_path):
    """A folder nobody can add files to, root included (chattr +i, as os.access cannot tell
    root about it); skipped where the file system or the user cannot set it."""
    folders: list[Path] = []

    def freeze(folder: Path) -> Path:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i is not available here: {done.stderr.decode().strip()}")
        folders.append(folder)
        return folder

    yield freeze
    for folder in reversed(folders):
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_store_in_a_read_only_folder_is_read_and_ingest_stops_with_one_line(corpus, tmp_path, immutable):
    # As on a read-only mount: neither the folder nor the store file can be written (root
    # bypasses permission bits, so chattr +i stands in for the mount).
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.db"
    assert run("ingest", corpus, "--db", db).returncode == 0
    assert sorted(os.listdir(folder)) == ["store.db"]  # the log's files are gone with the writer
    immutable(db)
    immutable(folder)
    listed = run("list", "--db", db, "-f", "jsonl")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 5 + 1  # the seed's five, Xi's talks in Tashkent
    assert run("check", "--db", db).returncode == 0
    (corpus / "more.txt").write_text(UZBEK.replace("Mirziyoyev", "Tokayev"), encoding="utf-8")
    for args in (["ingest", corpus, "--db", db], ["remove", "--db", db, corpus / "uzbek.txt"]):
        line = one_line(run(*args))
        assert line.startswith(f"timeline: {db}: cannot write the store or its folder"), line
    assert run("list", "--db", db, "-f", "jsonl").stdout == listed.stdout
    assert sorted(os.listdir(folder)) == ["store.db"]


def test_a_store_kept_up_for_rounds_holds_what_a_fresh_ingest_would():
    # benchmarks/soak.py: ingest a batch, change an article, remove one; compare with a new store.
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve().parent.parent / "benchmarks" / "soak.py")]
        + ["--rounds", "6", "--batch", "10", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("same as a fresh ingest") == 6
