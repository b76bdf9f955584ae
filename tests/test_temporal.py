"""The temporal resolver: a table of expressions and the days they name, and of clauses and
their tense and modality, as the resolver reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import nlp, temporal
from timeline.temporal import FUTURE, NONE, PAST, Clock

# Saturday 6 July 2024 is the document time of every row below.
DOC = dt.date(2024, 7, 6)
D = dt.date


@pytest.mark.parametrize(
    ("text", "direction", "first", "last"),
    [
        ("on Friday", PAST, D(2024, 7, 5), None),
        ("on Monday", FUTURE, D(2024, 7, 8), None),
        ("next Tuesday", PAST, D(2024, 7, 9), None),
        ("yesterday", PAST, D(2024, 7, 5), None),
        ("tomorrow", FUTURE, D(2024, 7, 7), None),
        ("on July 3", PAST, D(2024, 7, 3), None),
        ("on 3 July 2023", PAST, D(2023, 7, 3), None),
        # a day without a year told in the past lies on or before the document time...
        ("on December 20", PAST, D(2023, 12, 20), None),
        # ...and told as a plan, on or after it
        ("on January 10", FUTURE, D(2025, 1, 10), None),
        ("on February 24", PAST, D(2024, 2, 24), None),
        ("from July 8 to 10", FUTURE, D(2024, 7, 8), D(2024, 7, 10)),
        ("on 4-6 July", PAST, D(2024, 7, 4), D(2024, 7, 6)),
        ("2024-06-30", PAST, D(2024, 6, 30), None),
        ("on the evening of the 4th in the hall", PAST, D(2024, 7, 4), None),
        ("on the 28th.", PAST, D(2024, 6, 28), None),
        ("on the 9th when", FUTURE, D(2024, 7, 9), None),
        # a weekday beside the date it names is that date, not the weekday nearest the document
        ("on Tuesday (June 25)", PAST, D(2024, 6, 25), None),
        ("on Tuesday, 25 June, in", PAST, D(2024, 6, 25), None),
        ("on June 25 (Tuesday)", PAST, D(2024, 6, 25), None),
        # two weekdays joined are one span, from the first to the next such day after it
        ("from Friday to Sunday", PAST, D(2024, 7, 5), D(2024, 7, 7)),
        ("Monday-Wednesday", FUTURE, D(2024, 7, 8), D(2024, 7, 10)),
        ("between Monday and Wednesday", FUTURE, D(2024, 7, 8), D(2024, 7, 10)),
    ],
)
def test_days_against_the_document_time(text, direction, first, last):
    (day,) = Clock(DOC).days(text, direction)
    assert (day.first, day.last) == (first, last)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("The next day, they met again.", 1),
        ("On the following day the minister left.", 1),
        ("A day earlier he had landed.", -1),
        ("The day before, the envoys prepared the text.", -1),
        ("Later that day, a banquet was held.", 0),
        ("That same day he flew home.", 0),
        ("Two days later, the leaders met in Geneva.", 2),
        ("Three days before, the ministers spoke.", -3),
    ],
)
def test_days_counted_from_the_happening_told_before(text, offset):
    clock = Clock(DOC)
    clock.told = D(2024, 6, 20)
    days = [d for d in clock.days(text, PAST) if d.kind == "told"]
    assert [d.first for d in days] == [D(2024, 6, 20) + dt.timedelta(days=offset)]


def test_nothing_is_counted_from_a_happening_before_any_is_told():
    assert Clock(DOC).days("The next day, they met again.", PAST) == []


def test_a_date_written_in_full_sets_the_narrative_year():
    clock = Clock(D(2024, 1, 15))
    clock.read("On August 29, 2022, the two presidents held talks.")
    (day,) = clock.days("On September 18, they met again.", PAST)
    assert day.first == D(2022, 9, 18)


def test_a_line_that_is_a_day_heads_an_itinerary():
    clock = Clock(DOC)
    clock.heading("Tuesday, July 9, 2024")
    assert clock.told == clock.planned == D(2024, 7, 9)


def test_a_headline_naming_a_day_to_come_sets_the_planned_day():
    clock = Clock(DOC)
    clock.title("Prime Minister's itinerary for Tuesday, July 9, 2024")
    assert clock.planned == D(2024, 7, 9)


def test_a_sentence_naming_one_past_day_moves_the_narrative():
    clock = Clock(DOC)
    clock.heading("The delegation left Geneva on July 2 after a week of negotiations.")
    assert clock.told == D(2024, 7, 2)


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        ("The president met his counterpart.", "met", PAST),
        ("The president meets his counterpart.", "meets", "present"),
        ("The president will meet his counterpart on Monday.", "meet", FUTURE),
        ("The president is to visit Hanoi on Monday.", "visit", FUTURE),
        ("The president is scheduled to visit Hanoi.", "visit", FUTURE),
        ("The president did not meet his counterpart.", "meet", NONE),
        # a plan told as past, not told to have happened; one no longer on; one prevented
        ("The president was expected to meet his counterpart on Friday.", "meet", "background"),
        ("The premier was set to be welcomed by the king.", "welcomed", "background"),
        ("The president will no longer be visiting Fiji.", "visiting", NONE),
        ("Traditionally, the president meets the patriarch on this day.", "meets", NONE),
        ("Floods prevented him from making the visit.", "making", NONE),
        ("The president would meet him if time allowed.", "meet", NONE),
        ("The president could visit Hanoi.", "visit", NONE),
        ("The two leaders had met before.", "met", "background"),
        ("The president invited him to visit Beijing.", "visit", "intent"),
        ("The sides agreed to hold talks.", "hold", "intent"),
        ("The president is meeting the emir.", "meeting", "progressive"),
        ("The president cancelled the trip and postponed the summit.", "postponed", NONE),
        ("When presidents meet, they smile for the cameras.", "meet", NONE),
        ("He had been due to meet the king on Friday.", "meet", "background"),
        ("The two leaders have met more than 40 times.", "met", "background"),
        ("Since then, ministers have held several rounds of talks.", "held", "background"),
        ("The president has arrived in Hanoi.", "arrived", PAST),
        ("A summit of the two leaders is being prepared.", "prepared", FUTURE),
        ("Officials have scheduled a visit for the spring.", "scheduled", FUTURE),
        ("He said the forum to be hosted by the premier matters.", "hosted", FUTURE),
        ("The two are said to have met in secret.", "met", PAST),
    ],
)
def test_tense_and_modality_of_a_clause(sentence, verb, expected):
    (doc,) = nlp.parse([sentence])
    token = next(t for t in doc if t.text == verb)
    assert temporal.mood(token) == expected


@pytest.mark.parametrize(
    "text",
    [
        "last year",
        "in 2019",
        "in November 2014",
        "two years ago",
        "earlier this month",
        "next week",
        "soon",
        "in July",
        "in early March",
        "in late-February 2020",
        "recently",
        "last October",
        "in the fourth month of his presidency",
    ],
)
def test_times_that_name_no_day(text):
    assert temporal.vague_spans(f"They met {text}.")


def test_a_day_is_not_a_vague_time():
    assert temporal.vague_spans("They met on July 3, 2019.") == []
    assert temporal.vague_spans("They met on Sept. 5 and may meet again by October 30.") == []


@pytest.mark.parametrize("text", ["(To July 9) GENEVA - Talks go on.", "The talks last until July 9."])
def test_a_day_after_to_or_until_ends_a_span_begun_on_the_day_told(text):
    clock = Clock(DOC)
    clock.told = D(2024, 7, 6)
    days = [d for d in clock.days(text, PAST) if d.kind == "explicit"]
    assert [(d.first, d.last) for d in days] == [(D(2024, 7, 6), D(2024, 7, 9))]


def test_looking_forward_to_tomorrow_is_no_span():
    (day,) = Clock(DOC).days("They looked forward to tomorrow's meeting.", FUTURE)
    assert (day.first, day.last) == (D(2024, 7, 7), None)


def test_a_day_told_in_the_present_is_the_nearest_such_day():
    document = dt.date(2013, 11, 12)
    assert temporal.year_for(11, 30, document, None, "present") == dt.date(2013, 11, 30)
    assert temporal.year_for(11, 30, document, None, temporal.PAST) == dt.date(2012, 11, 30)
    assert temporal.year_for(1, 3, dt.date(2013, 12, 30), None, "present") == dt.date(2014, 1, 3)


def test_a_sentence_with_is_to_or_due_to_moves_no_narrative_day():
    clock = temporal.Clock(dt.date(2013, 11, 12))
    clock.heading("The emperor and empress are to arrive in Delhi on Nov 30.")
    clock.heading("The king is due to land in Chennai on Dec 4.")
    assert clock.told is None
    clock.heading("The emperor arrived in Delhi on Nov 10.")
    assert clock.told == dt.date(2013, 11, 10)


def test_an_ordinal_that_counts_something_is_no_day():
    assert Clock(DOC).days("the 14th National Committee met for the 17th G20 summit", PAST) == []


@pytest.mark.parametrize(
    ("line", "listed"),
    [
        ("1130 hrs: Bilateral talks with the Prime Minister", True),
        ("0930H: Wreath-laying at the memorial", True),
        ("10:30 am - Official lunch", True),
        ("9 p.m.: State banquet", True),
        ("Friday (evening): Talks with the President", True),
        ("Morning: Welcome ceremony", True),
        ("2015 - a year of talks", False),
        ("The meeting: what was said", False),
        ("Talks at 10:30 am on Friday", False),
    ],
)
def test_a_programme_line_is_opened_by_its_time(line, listed):
    assert temporal.schedule_line(line) is listed


def test_a_weekday_beside_a_date_of_another_weekday_is_kept_as_told():
    # "today, Tuesday, June 24th" of a Tuesday the 25th: one of the two is a slip; both are read
    got = [d.first for d in Clock(DOC).days("on Tuesday, June 24th", PAST)]
    assert got == [D(2024, 7, 2), D(2024, 6, 24)]


def test_two_weekdays_joined_by_and_are_two_days():
    got = [(d.first, d.last) for d in Clock(DOC).days("met on Monday and Tuesday", FUTURE)]
    assert got == [(D(2024, 7, 8), None), (D(2024, 7, 9), None)]


def test_a_relative_day_in_quoted_speech_counts_from_the_day_the_speaker_spoke():
    clock = Clock(DOC)
    clock.told = D(2024, 7, 4)  # he spoke on arrival, on Thursday
    (quoted,) = clock.days('"Our talks tomorrow will be frank," he said on arrival.', FUTURE)
    assert quoted.first == D(2024, 7, 5)
    (plain,) = clock.days("The talks will be held tomorrow.", FUTURE)
    assert plain.first == D(2024, 7, 7)
