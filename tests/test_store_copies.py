"""A store of files holds what a fresh ingest of the same files holds, whatever order they
came in and whatever became of copies of one story (issue 14: ``benchmarks/soak.py`` failed
at round 4 once the store kept one of two identical files: when the kept one was removed the
story left the store, and when the other came back its sentences came in another order)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cli_articles import run

from timeline.store import Store

TASS = """\
date 2024-07-05 Xi, Rakhmon hold talks in Dushanbe

DUSHANBE, July 5. /TASS/. Chinese President Xi Jinping and Tajik President Emomali Rakhmon held talks in Dushanbe on Friday, the Tajik presidential press service reported.
"""
REUTERS = """\
date 2024-07-05 China's Xi holds talks with Tajik leader

DUSHANBE, July 5 (Reuters) - Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe on Friday, state media said.
"""
PUTIN = """\
date 2024-07-05 Putin, Xi hold talks

ASTANA, July 5 (Xinhua) -- Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Astana on Friday on the sidelines of the summit.
"""


def plain(db: Path) -> list[str]:
    """The store's events as sorted JSON, without ids (a store keeps an event's id while one of
    its articles remains; a fresh one takes the first article's)."""
    with Store(db, create=False) as store:
        out = []
        for event in store.events():
            data = event.to_dict()
            data.pop("id")
            out.append(json.dumps(data, sort_keys=True))
    return sorted(out)


def fresh(folder: Path, db: Path) -> list[str]:
    """The events of a new store that ingests ``folder`` at once."""
    with Store(db) as store:
        store.ingest([folder], jobs=1)
    return plain(db)


def write(folder: Path, files: dict[str, str]) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    paths = {}
    for name, text in files.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def talks_sources(db: Path) -> list[list[str]]:
    with Store(db, create=False) as store:
        return [[s.path for s in e.sources] for e in store.events() if e.type == "talks"]


def test_removing_the_stored_copy_of_a_story_leaves_the_other_copy_telling_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write(folder, {"a.txt": TASS, "b.txt": REUTERS, "c.txt": TASS})
    db = tmp_path / "store.db"
    with Store(db) as store:
        report = store.ingest([folder], jobs=2)
        assert (report.added, report.duplicates) == (2, 1)
        assert store.count_articles() == 2
        removed = store.remove([paths["a.txt"]])
        assert removed.articles == [str(paths["a.txt"])]
        paths["a.txt"].unlink()
        assert store.count_articles() == 2  # c.txt tells the TASS story now
        assert store.check() == []
    assert talks_sources(db) == [[str(paths["b.txt"]), str(paths["c.txt"])]]
    assert plain(db) == fresh(folder, tmp_path / "fresh.db")


def test_removing_a_copy_that_was_skipped_forgets_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write(folder, {"a.txt": TASS, "b.txt": TASS})
    db = tmp_path / "store.db"
    assert run("ingest", folder, "--db", db).exit_code == 0
    done = run("remove", "--db", db, paths["b.txt"])
    assert done.exit_code == 0, done.output
    paths["b.txt"].unlink()
    assert run("remove", "--db", db, paths["a.txt"]).exit_code == 0
    paths["a.txt"].unlink()
    with Store(db, create=False) as store:
        assert (store.count_articles(), store.count_events()) == (0, 0)


def test_the_store_is_the_same_whatever_order_its_files_came_in(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write(folder, {"a.txt": TASS, "b.txt": REUTERS, "c.txt": PUTIN, "d.txt": REUTERS})
    at_once = tmp_path / "at_once.db"
    expected = fresh(folder, at_once)
    one_by_one = tmp_path / "one_by_one.db"
    with Store(one_by_one) as store:
        for name in ("d.txt", "c.txt", "b.txt", "a.txt"):  # newest name first
            store.ingest([paths[name]], jobs=1)
        assert store.count_articles() == 3
        assert store.check() == []
    assert plain(one_by_one) == expected
    # The Xi-Rahmon talks list their articles in the order of the files, not of their arrival.
    assert talks_sources(one_by_one)[0] == [str(paths["a.txt"]), str(paths["b.txt"])]
    with Store(one_by_one) as store:  # the copy that came first is the duplicate now
        store.remove([paths["b.txt"]])
    paths["b.txt"].unlink()
    assert plain(one_by_one) == fresh(folder, tmp_path / "after.db")
    assert talks_sources(one_by_one)[0] == [str(paths["a.txt"]), str(paths["d.txt"])]


def test_a_file_changed_to_the_text_of_another_stands_for_it_when_it_comes_first(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write(folder, {"a.txt": PUTIN, "b.txt": TASS})
    db = tmp_path / "store.db"
    with Store(db) as store:
        store.ingest([folder], jobs=1)
        shutil.copy(paths["b.txt"], paths["a.txt"])
        report = store.ingest([folder], jobs=1)
        assert report.duplicates == 1
        assert store.count_articles() == 1
    assert talks_sources(db) == [[str(paths["a.txt"])]]
    assert plain(db) == fresh(folder, tmp_path / "fresh1.db")
    paths["a.txt"].write_text(PUTIN, encoding="utf-8")  # and back: b.txt tells its story again
    with Store(db) as store:
        store.ingest([paths["a.txt"]], jobs=1)
        assert store.count_articles() == 2
        assert store.check() == []
    assert plain(db) == fresh(folder, tmp_path / "fresh2.db")
