"""One idea of "the same happening" across articles: a calendar of articles and a calendar of a
store of the same articles are the same bytes (issue 14: the store and the calendars each had
their own rule, and a third merged within an article)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import icalendar

from timeline import extract, read_article
from timeline.merge import merge_articles, same_happening_across

REUTERS = """\
date 2024-07-06 China's Xi holds talks with Tajik leader

DUSHANBE, July 5 (Reuters) - Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Friday, state media said, pledging closer trade and transport links.
"""
TASS = """\
date 2024-07-07 Xi, Rakhmon hold talks in Dushanbe

DUSHANBE, July 7. /TASS/. Chinese President Xi Jinping and Tajik President Emomali Rakhmon held talks in Dushanbe on Friday, July 5, the Tajik presidential press service reported.
"""
PUTIN = """\
date 2024-07-08 Putin, Xi hold talks

MOSCOW, July 8 (Xinhua) -- Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Astana on July 5 on the sidelines of the summit.
"""


def run(*args: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "timeline", *map(str, args)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done


def corpus(folder: Path, seed: Path) -> Path:
    """Four articles, oldest first by name as by publication: three tell Xi's talks with Rahmon."""
    folder.mkdir()
    shutil.copy(seed, folder / "1_xinhua.txt")
    (folder / "2_reuters.txt").write_text(REUTERS, encoding="utf-8")
    (folder / "3_tass.txt").write_text(TASS, encoding="utf-8")
    (folder / "4_putin.txt").write_text(PUTIN, encoding="utf-8")
    return folder


def test_a_calendar_of_articles_and_of_their_store_are_the_same_bytes(tmp_path, seed):
    folder = corpus(tmp_path / "articles", seed)
    run("ics", folder, "-o", tmp_path / "files.ics")
    run("ics", *sorted(folder.iterdir()), "-o", tmp_path / "listed.ics")
    run("ingest", folder, "--db", tmp_path / "store.db", "--jobs", "2")
    run("ics", "--db", tmp_path / "store.db", "-o", tmp_path / "store.ics")
    files = (tmp_path / "files.ics").read_bytes()
    assert files == (tmp_path / "store.ics").read_bytes()
    assert files == (tmp_path / "listed.ics").read_bytes()

    calendar = icalendar.Calendar.from_ical(files)
    talks = [v for v in calendar.walk("VEVENT") if str(v["summary"]).startswith("Talks")]
    summaries = sorted(str(v["summary"]) for v in talks)
    # Both spellings of Rahmon are kept, as the articles wrote them.
    assert summaries == [
        "Talks: Xi Jinping – Emomali Rahmon – Emomali Rakhmon",
        "Talks: Xi Jinping – Vladimir Putin",
    ]
    rahmon = next(v for v in talks if "Rahmon" in str(v["summary"]))
    description = str(rahmon["description"])
    for title in ("China's Xi holds talks with Tajik leader", "Xi, Rakhmon hold talks in Dushanbe"):
        assert f"Source: {title}" in description  # three articles, one event
    assert "Putin" not in description


def test_the_rule_is_one_function_for_store_and_calendars(tmp_path, seed):
    folder = corpus(tmp_path / "articles", seed)
    tellings = [e for path in sorted(folder.iterdir()) for e in extract(read_article(path))]
    talks = [e for e in tellings if e.type == "talks"]
    xinhua, reuters, tass, putin = talks
    assert same_happening_across(xinhua, reuters) and same_happening_across(reuters, tass)
    assert not same_happening_across(xinhua, putin)
    merged = [e for e in merge_articles(tellings) if e.type == "talks"]
    assert [e.corroboration for e in merged] == [3, 1]
    assert merged[0].id == xinhua.id  # the first article founds it, and its id stays


CEREMONIES = """\
date 2024-07-05 Xi in Dushanbe

DUSHANBE, July 5 (Xinhua) -- Tajik President Emomali Rahmon held a welcome ceremony for Chinese President Xi Jinping in Dushanbe on Friday. Xi Jinping laid a wreath at the monument to Ismoili Somoni on Friday.
"""


def test_what_one_article_tells_apart_stays_apart_in_the_store_and_the_calendar(tmp_path):
    article = tmp_path / "ceremonies.txt"
    article.write_text(CEREMONIES, encoding="utf-8")
    assert [e.type for e in extract(read_article(article))] == ["ceremony", "ceremony"]
    run("ics", article, "-o", tmp_path / "files.ics")
    run("ingest", article, "--db", tmp_path / "store.db")
    run("ics", "--db", tmp_path / "store.db", "-o", tmp_path / "store.ics")
    files = (tmp_path / "files.ics").read_bytes()
    assert files == (tmp_path / "store.ics").read_bytes()
    assert len(icalendar.Calendar.from_ical(files).walk("VEVENT")) == 2
