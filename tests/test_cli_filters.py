"""Every filter form: countries, days (full, partial, relative), types, people and words."""

from __future__ import annotations

import datetime as dt

import pytest
from cli_articles import berlin, corpus, run, sources, write

from timeline.filters import FilterError, period


@pytest.fixture
def articles(tmp_path):
    return corpus(tmp_path / "articles")


def kept(articles, *filters):
    result = run("extract", articles, *filters)
    assert result.exit_code == 0, result.output
    return sources(result.stdout)


def test_a_country_by_name_codes_or_demonym_in_any_case(articles):
    forms = ("Kazakhstan", "kazakhstan", "KZ", "kz", "KAZ", "kaz", "Kazakh", "KAZAKH")
    for form in forms:
        assert kept(articles, "--country", form) == {"moscow.txt"}, form


def test_repeated_country_keeps_events_of_any_of_them(articles):
    assert kept(articles, "-c", "Hungary", "-c", "kz") == {"ankara.txt", "moscow.txt"}
    assert kept(articles, "-c", "Hungary", "-c", "Japanese") == {"ankara.txt", "delhi.txt"}


def test_an_unknown_country_is_a_usage_error_naming_close_matches(articles):
    result = run("list", articles, "--country", "Kazakstan")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "'Kazakstan'" in lines[0] and "Kazakhstan" in lines[0]


def test_full_dates_are_inclusive_at_both_ends(articles):
    assert kept(articles, "--since", "2024-03-12") == {"ankara.txt", "delhi.txt"}
    assert kept(articles, "--until", "2024-03-12") == {"ankara.txt", "moscow.txt"}
    assert kept(articles, "--since", "2024-03-12", "--until", "2024-03-12") == {"ankara.txt"}
    assert kept(articles, "--since", "2024-03-13", "--until", "2024-07-19") == set()


def test_a_month_or_year_covers_all_its_days(articles):
    assert kept(articles, "--since", "2024-07", "--until", "2024-07") == {"delhi.txt"}
    assert kept(articles, "--since", "2024-03", "--until", "2024-03") == {"ankara.txt"}
    assert kept(articles, "--since", "2023", "--until", "2023") == {"moscow.txt"}
    assert kept(articles, "--since", "2024") == {"ankara.txt", "delhi.txt"}
    assert kept(articles, "--until", "2023-11") == {"moscow.txt"}


def test_relative_days_count_back_from_today(tmp_path):
    today = dt.date.today()
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=15)
    folder = tmp_path / "news"
    write(folder, "today.txt", berlin(today))
    write(folder, "last-month.txt", berlin(last_month))
    write(folder, "old.txt", berlin(dt.date(2019, 5, 6)))

    assert kept(folder, "--since", "today") == {"today.txt"}
    assert kept(folder, "--since", "yesterday") == {"today.txt"}
    assert kept(folder, "--until", "yesterday") == {"last-month.txt", "old.txt"}
    assert kept(folder, "--since", "7d") == {"today.txt"}
    assert kept(folder, "--since", "3m") == {"today.txt", "last-month.txt"}
    assert kept(folder, "--since", "last month", "--until", "last month") == {"last-month.txt"}
    assert kept(folder, "--since", "LAST  MONTH") == {"today.txt", "last-month.txt"}
    assert kept(folder, "--since", "this year", "--until", "this year") == (
        {"today.txt", "last-month.txt"} if last_month.year == today.year else {"today.txt"}
    )


def test_relative_words_name_whole_periods():
    wednesday = dt.date(2024, 3, 13)
    assert period("today", today=wednesday) == (wednesday, wednesday)
    assert period("yesterday", today=wednesday) == (dt.date(2024, 3, 12),) * 2
    assert period("7d", today=wednesday) == (dt.date(2024, 3, 6),) * 2
    assert period("2w", today=wednesday) == (dt.date(2024, 2, 28),) * 2
    assert period("1m", today=wednesday) == (dt.date(2024, 2, 13),) * 2
    assert period("1y", today=wednesday) == (dt.date(2023, 3, 13),) * 2
    assert period("last month", today=wednesday) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period("this year", today=wednesday) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert period("last week", today=wednesday) == (dt.date(2024, 3, 4), dt.date(2024, 3, 10))
    assert period("next month", today=dt.date(2024, 12, 31)) == (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert period("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    for bad in ("July", "2024-13", "2024-02-30", "last decade", "", "7 days"):
        with pytest.raises(FilterError):
            period(bad)


@pytest.mark.parametrize("value", ["July 5", "2024-02-30", "soon"])
def test_a_day_that_cannot_be_read_is_a_usage_error_naming_it(articles, value):
    result = run("list", articles, "--since", value)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"timeline: --since: {value!r} is not a day (YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, "
        "tomorrow, 7d, 2w, 3m, 1y, this/last/next week, month or year)"
    ]


def test_until_before_since_is_a_usage_error(articles):
    result = run("extract", articles, "--since", "2024-07", "--until", "2024-06")
    assert result.exit_code == 2
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "--until '2024-06'" in message and "--since '2024-07'" in message
    assert len(message.splitlines()) == 1


def test_types_are_repeatable_and_checked(articles):
    assert kept(articles, "--type", "call") == {"delhi.txt"}
    assert kept(articles, "-t", "talks", "-t", "CALL") == {"ankara.txt", "delhi.txt"}
    bad = run("list", articles, "--type", "visits")
    assert bad.exit_code == 2
    assert "'visits'" in bad.stderr and "visit" in bad.stderr


def test_person_matches_part_of_a_name_without_case_or_accents(articles):
    for form in ("Orbán", "orban", "ORBAN", "Viktor Orb", "rbá"):
        assert kept(articles, "--person", form) == {"ankara.txt"}, form
    assert kept(articles, "--person", "nurtleu", "--person", "kishida") == {"moscow.txt", "delhi.txt"}
    assert kept(articles, "--person", "Putin") == set()


def test_text_keeps_events_whose_evidence_has_every_word(articles):
    assert kept(articles, "--text", "phone") == {"delhi.txt"}
    assert kept(articles, "--text", "Lavrov met") == {"moscow.txt"}
    assert kept(articles, "--text", "lavrov", "--text", "phone") == set()
    assert kept(articles, "--text", "ERDOGAN") == {"ankara.txt"}  # accents and case ignored
    assert kept(articles, "--text", "Erdoğ") == {"ankara.txt"}  # the start of a word


def test_filters_combine(articles):
    assert kept(articles, "--since", "2024", "--country", "JP", "--type", "call") == {"delhi.txt"}
    assert kept(articles, "--since", "2024", "--country", "KZ") == set()


@pytest.mark.parametrize("command", ["list", "ics", "plot", "build"])
def test_every_event_command_takes_the_filters(articles, tmp_path, command):
    target = ["--out", tmp_path / "out"] if command == "build" else []
    if command in ("ics", "plot"):
        target = ["-o", tmp_path / f"out.{command}"]
    result = run(command, articles, *target, "-c", "kz", "--since", "2023", "--person", "lavrov")
    assert result.exit_code == 0, result.output
    bad = run(command, articles, *target, "--country", "Atlantis")
    assert bad.exit_code == 2 and "Atlantis" in bad.stderr
