"""Word lists kept as data files (``timeline/data/``) and read through ``timeline.wordlists``."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from timeline import wordlists
from timeline.people import PeopleIndex

DATA_FILES = sorted(
    f.name for f in resources.files("timeline.data").iterdir() if f.name.endswith((".txt", ".tsv"))
)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_is_read(name: str) -> None:
    found = wordlists.lines(name)
    assert found, name
    assert all(line == line.strip() and not line.startswith("#") for line in found)
    assert wordlists.words(name) == frozenset(found)
    if name.endswith(".tsv"):
        assert all(len(row) >= 2 and row[0] for row in wordlists.rows(name)), name
        assert wordlists.table(name)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The loader reading its files from ``tmp_path`` instead of the package."""

    class Files:
        @staticmethod
        def files(package: str) -> Path:
            assert package == "timeline.data"
            return tmp_path

    monkeypatch.setattr(wordlists, "resources", Files)
    yield tmp_path
    wordlists.lines.cache_clear()
    wordlists.words.cache_clear()
    wordlists.rows.cache_clear()


def test_blanks_and_comments_are_dropped(data_dir: Path) -> None:
    (data_dir / "spaced.txt").write_text(
        "# a comment\n\n  Prime Minister  \n\tEnvoy\n   # an indented comment\nKing\n", encoding="utf-8"
    )
    assert wordlists.lines("spaced.txt") == ("Prime Minister", "Envoy", "King")
    assert wordlists.words("spaced.txt") == {"Prime Minister", "Envoy", "King"}


def test_table_columns_are_stripped(data_dir: Path) -> None:
    (data_dir / "spaced.tsv").write_text(
        "# word<TAB>value\n  one \t 1 \n# two\ttwo\nthree\t3\textra\n", encoding="utf-8"
    )
    assert wordlists.table("spaced.tsv") == {"one": "1", "three": "3"}
    assert wordlists.rows("spaced.tsv") == (("one", "1"), ("three", "3", "extra"))


def test_alternation_keeps_the_order_and_escapes() -> None:
    assert wordlists.alternation(["Sep", "Sept", "H.E."]) == r"Sep|Sept|H\.E\."


def test_a_title_from_the_data_opens_a_name() -> None:
    assert "Governor-General" in wordlists.words("titles.txt")
    index = PeopleIndex()
    index.scan("The delegation was welcomed by Governor-General Mary Okafor at the residence.")
    assert [p.name for p in index.people] == ["Mary Okafor"]
    assert index.people[0].title == "Governor-General"


def test_a_title_from_the_data_tells_the_country() -> None:
    assert wordlists.table("title_countries.tsv")["State Councilor"] == "CN"
    index = PeopleIndex()
    index.scan("He met State Councilor Zhou Mingde on Monday.")
    assert [(p.name, p.country) for p in index.people] == [("Zhou Mingde", "CN")]
