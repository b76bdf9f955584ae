"""The corpus store: incremental ingest, one event per happening across articles, queries."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from timeline import extract, read_article
from timeline.cli import app
from timeline.filters import Selection, select
from timeline.store import Store, StoreError, position

runner = CliRunner()

TASS = """\
date 2024-07-05 Xi, Rakhmon hold talks in Dushanbe

DUSHANBE, July 5. /TASS/. Chinese President Xi Jinping and Tajik President Emomali Rakhmon held talks in Dushanbe on Friday, the Tajik presidential press service reported.

The leaders discussed trade, transport and security cooperation, the press service said.
"""
REUTERS = """\
date 2024-07-05 China's Xi holds talks with Tajik leader

DUSHANBE, July 5 (Reuters) - Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Friday, state media said.

The two leaders agreed to expand cooperation in trade and energy, state media reported.
"""

LEADERS = [
    ("Kazakh President Kassym-Jomart Tokayev", "ASTANA"),
    ("Uzbek President Shavkat Mirziyoyev", "TASHKENT"),
    ("Russian President Vladimir Putin", "MOSCOW"),
    ("Hungarian Prime Minister Viktor Orban", "BUDAPEST"),
    ("Egyptian President Abdel Fattah al-Sisi", "CAIRO"),
    ("Kenyan President William Ruto", "NAIROBI"),
]
MONTHS = "January February March April May June July August September October November December".split()


def generated(n: int) -> str:
    """A short Xinhua-style report, varied by ``n``: who met whom, on which day."""
    guest = LEADERS[n % len(LEADERS)][0]
    host, city = LEADERS[(n // len(LEADERS) + 1 + n) % len(LEADERS)]
    if host == guest:
        host, city = LEADERS[(n + 1) % len(LEADERS)]
    day = dt.date(2023, 1, 1) + dt.timedelta(days=n % 700)
    weekday = day.strftime("%A")
    return (
        f"date {day.isoformat()} Talks in {city.title()}\n\n"
        f"{city}, {MONTHS[day.month - 1]} {day.day} (Xinhua) -- {guest} held talks with {host} "
        f"in {city.title()} on {weekday}. The two sides agreed to deepen cooperation.\n"
    )


def plain(event):
    """An event's JSON without what only a store adds (the article path on each sentence)."""
    data = event.to_dict()
    data["evidence"] = [{k: v for k, v in e.items() if k != "path"} for e in data["evidence"]]
    return data


@pytest.fixture
def db(tmp_path):
    return tmp_path / "store" / "timeline.db"


def test_ingesting_twice_adds_nothing_the_second_time(seed, db):
    with Store(db) as store:
        first = store.ingest([seed], jobs=1)
        before = [e.to_dict() for e in store.events()]
        second = store.ingest([seed.parent], jobs=2)
        after = [e.to_dict() for e in store.events()]
    assert (first.added, first.events) == (1, 5)
    assert (second.seen, second.added, second.unchanged, second.events) == (1, 0, 1, 0)
    assert after == before and len(after) == 5


def test_a_changed_article_replaces_its_events(write_article, db):
    path = write_article(
        """
        date 2024-03-12 Lavrov, Wang Yi talk
        MOSCOW, March 12. /TASS/. Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi in Moscow on Tuesday.
        """
    )
    with Store(db) as store:
        store.ingest([path], jobs=1)
        assert [(e.type, e.start.isoformat()) for e in store.events()] == [("talks", "2024-03-12")]
        path.write_text(
            path.read_text(encoding="utf-8").replace("held talks with", "had a phone call with"),
            encoding="utf-8",
        )
        report = store.ingest([path], jobs=1)
        assert (report.replaced, report.added) == (1, 0)
        assert [(e.type, e.start.isoformat()) for e in store.events()] == [("call", "2024-03-12")]
        assert store.count_articles() == 1


def test_three_agencies_telling_the_same_talks_give_one_event_with_three_sources(seed, write_article, db):
    tass = write_article(TASS, "tass/xi-rakhmon.txt")
    reuters = write_article(REUTERS, "reuters/xi-tajikistan.txt")
    with Store(db) as store:
        store.ingest([seed], jobs=1)
        (talks,) = store.events(Selection(types=frozenset({"talks"})))
        assert talks.corroboration == 1
        result = runner.invoke(app, ["ingest", str(tass), str(reuters), "--db", str(db), "--jobs", "2"])
        assert result.exit_code == 0, result.output
        assert "2 added" in result.output
        (merged,) = store.events(Selection(types=frozenset({"talks"})))
    assert merged.id == talks.id
    assert merged.corroboration == 3
    # Sources in the order of their files (as a store that ingested them in order lists them),
    # not in the order they were ingested.
    assert [s.path for s in merged.sources] == sorted([str(seed), str(tass), str(reuters)], key=position)
    assert merged.source == merged.sources[0]
    assert {e.path for e in merged.evidence} == {str(seed), str(tass), str(reuters)}
    tass_sentence = next(e for e in merged.evidence if e.path == str(tass))
    assert TASS[tass_sentence.start : tass_sentence.end] == tass_sentence.text
    assert {"CN", "TJ"} <= set(merged.countries)
    listed = runner.invoke(app, ["extract", "--db", str(db), "--type", "talks"])
    assert listed.exit_code == 0 and listed.stdout.count("\n") == 1
    assert '"corroboration": 3' in listed.stdout


def test_talks_of_other_people_between_the_same_countries_stay_apart(write_article, db):
    ministers = write_article(
        """
        date 2024-05-16 Lavrov, Wang Yi hold talks
        BEIJING, May 16. /TASS/. Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi in Beijing on Thursday.
        """,
        "tass.txt",
    )
    leaders = write_article(
        """
        date 2024-05-16 Xi holds talks with Putin
        BEIJING, May 16 (Xinhua) -- Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Beijing on Thursday.
        """,
        "xinhua.txt",
    )
    with Store(db) as store:
        store.ingest([ministers, leaders], jobs=1)
        talks = list(store.events(Selection(types=frozenset({"talks"}))))
    assert sorted(len(e.participants) for e in talks) == [2, 2]
    assert [e.corroboration for e in talks] == [1, 1]


@pytest.mark.parametrize(
    "chosen",
    [
        Selection(),
        Selection(countries=frozenset({"TJ"})),
        Selection(countries=frozenset({"KZ"})),
        Selection(types=frozenset({"talks", "press"})),
        Selection(since=dt.date(2024, 7, 5), until=dt.date(2024, 7, 5)),
        Selection(since=dt.date(2024, 7, 6)),
        Selection(until=dt.date(2024, 7, 4)),
        Selection(countries=frozenset({"CN"}), since=dt.date(2024, 7, 1), until=dt.date(2024, 7, 31)),
        Selection(persons=("rahmon",)),
        Selection(persons=("Putin",)),
        Selection(text=("presidential", "palace")),
    ],
    ids=lambda s: s.describe(),
)
def test_filters_over_the_store_give_the_events_of_the_files(seed, db, chosen):
    from_files = sorted(
        (plain(e) for e in select(extract(read_article(seed)), chosen)), key=lambda d: d["id"]
    )
    with Store(db) as store:
        store.ingest([seed], jobs=1)
        from_store = sorted((plain(e) for e in store.events(chosen)), key=lambda d: d["id"])
    assert from_store == from_files


def test_list_reads_a_store_with_the_same_filters(seed, db):
    assert runner.invoke(app, ["ingest", str(seed), "--db", str(db), "--jobs", "1"]).exit_code == 0
    from_store = runner.invoke(app, ["list", "--db", str(db), "--country", "Tajik", "--type", "talks"])
    from_file = runner.invoke(app, ["list", str(seed), "--country", "Tajik", "--type", "talks"])
    assert from_store.exit_code == 0
    assert from_store.stdout == from_file.stdout and "Dushanbe" in from_store.stdout
    assert from_store.stdout.count("talks") == 1
    both = runner.invoke(app, ["list", str(seed), "--db", str(db)])
    assert both.exit_code == 2 and "not both" in both.output


def test_a_killed_ingest_leaves_a_store_that_opens_and_answers(tmp_path, db):
    folder = tmp_path / "articles"
    folder.mkdir()
    total = 2000
    for n in range(total):
        (folder / f"{n:05d}.txt").write_text(generated(n), encoding="utf-8")
    db.parent.mkdir()
    ingest = subprocess.Popen(
        [sys.executable, "-m", "timeline", "ingest", str(folder), "--db", str(db), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and ingest.poll() is None:
            time.sleep(0.02)
            if db.exists():
                with sqlite3.connect(db, timeout=5) as peek:
                    tables = peek.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles'")
                    if tables.fetchone()[0] and peek.execute("SELECT count(*) FROM articles").fetchone()[0]:
                        break
    finally:
        os.killpg(ingest.pid, signal.SIGKILL)
        ingest.wait()
    with Store(db) as store:
        kept = store.count_articles()
        assert 0 < kept < total, "the ingest was to be killed mid-way"
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every article committed is whole: each generated article tells one happening.
        orphans = store.db.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM tellings t WHERE t.article = a.id)"
        ).fetchone()[0]
        assert orphans == 0
        events = list(store.events(Selection(countries=frozenset({"KZ"}))))
        assert events and all("KZ" in e.countries for e in events)
        again = store.ingest([folder], jobs=2)
        assert (again.unchanged, again.added) == (kept, total - kept)
        assert store.count_articles() == total


def test_a_second_ingest_while_the_store_is_being_written_fails_with_one_line(seed, write_article, db):
    with Store(db) as store:
        store.ingest([seed], jobs=1)
    news = write_article(TASS, "tass.txt")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "ingest", str(news), "--db", str(db), "--wait", "0.2"],
            capture_output=True,
            text=True,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "another ingest is writing this store" in done.stderr
    assert "Traceback" not in done.stderr
    with Store(db) as store:
        assert store.count_articles() == 1
        assert store.ingest([news], jobs=1).added == 1


def test_a_store_of_another_schema_version_says_what_to_do(seed, db):
    with Store(db) as store:
        store.ingest([seed], jobs=1)
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="version 99.*upgrade timeline"):
        Store(db)
    result = runner.invoke(app, ["list", "--db", str(db)])
    assert result.exit_code == 1
    assert "schema version 99" in result.output


def test_reading_a_missing_or_foreign_store_is_one_line(tmp_path):
    missing = runner.invoke(app, ["extract", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "timeline ingest" in missing.output
    assert not (tmp_path / "none.db").exists()
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database at all\n" * 100, encoding="utf-8")
    result = runner.invoke(app, ["list", "--db", str(foreign)])
    assert result.exit_code == 1 and "not a timeline store" in result.output


def test_one_leader_s_talks_with_two_others_on_one_day_stay_two_events(write_article, db):
    day = "date 2024-05-16 Talks\n\nBEIJING, May 16 (Xinhua) -- Chinese President Xi Jinping held talks with {} in Beijing on Thursday.\n"
    putin = write_article(day.format("Russian President Vladimir Putin"), "putin.txt")
    tokayev = write_article(day.format("Kazakh President Kassym-Jomart Tokayev"), "tokayev.txt")
    with Store(db) as store:
        store.ingest([putin, tokayev], jobs=1)
        talks = list(store.events(Selection(types=frozenset({"talks"}))))
    assert sorted(tuple(e.countries) for e in talks) == [("CN", "KZ"), ("CN", "RU")]
