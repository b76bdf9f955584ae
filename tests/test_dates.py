from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import duration_days, find_dates

REF = dt.date(2024, 7, 5)  # a Friday


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("on July 5, 2024", dt.date(2024, 7, 5), None),
        ("on 5 July 2024", dt.date(2024, 7, 5), None),
        ("on 2024-07-05", dt.date(2024, 7, 5), None),
        ("on Sept. 25", dt.date(2024, 9, 25), None),
        ("from July 4-6", dt.date(2024, 7, 4), dt.date(2024, 7, 6)),
        ("from May 5 to 10", dt.date(2024, 5, 5), dt.date(2024, 5, 10)),
        ("on 3-5 June", dt.date(2024, 6, 3), dt.date(2024, 6, 5)),
        ("from June 30 to July 2", dt.date(2024, 6, 30), dt.date(2024, 7, 2)),
        ("on the afternoon of 21 March local time", dt.date(2024, 3, 21), None),
    ],
)
def test_written_dates(text, first, last):
    mentions = find_dates(text, REF)
    assert len(mentions) == 1
    assert (mentions[0].first, mentions[0].last) == (first, last)


def test_a_date_without_a_year_takes_the_nearest_year():
    (mention,) = find_dates("talks on Dec. 28", dt.date(2024, 1, 2))
    assert mention.first == dt.date(2023, 12, 28)
    assert not mention.has_year


@pytest.mark.parametrize(
    ("text", "future", "day"),
    [
        ("said on Friday", False, dt.date(2024, 7, 5)),
        ("met on Wednesday", False, dt.date(2024, 7, 3)),
        ("will meet the press on Monday", True, dt.date(2024, 7, 8)),
        ("arrived yesterday", False, dt.date(2024, 7, 4)),
        ("earlier today", False, dt.date(2024, 7, 5)),
        ("leaves tomorrow", True, dt.date(2024, 7, 6)),
    ],
)
def test_relative_days_resolve_against_the_reference(text, future, day):
    mentions = find_dates(text, REF, future=future)
    assert [m.first for m in mentions] == [day]


def test_durations():
    assert duration_days("a three-day state visit") == 3
    assert duration_days("a 5-day visit") == 5
    assert duration_days("a visit") is None


@pytest.mark.parametrize(
    ("text", "future", "first"),
    [
        # REF is Friday 2024-07-05: the weekend behind it, or the one ahead for what is scheduled.
        ("talks held over the weekend", False, dt.date(2024, 6, 29)),
        ("talks held last weekend", False, dt.date(2024, 6, 29)),
        ("the forum he will chair at the weekend", True, dt.date(2024, 7, 6)),
        ("he will fly home next weekend", True, dt.date(2024, 7, 6)),
    ],
)
def test_weekend_is_a_saturday_and_sunday(text, future, first):
    (mention,) = find_dates(text, REF, future=future)
    assert (mention.first, mention.last) == (first, first + dt.timedelta(days=1))
