"""The iCalendar file: what calendar apps read in it, and that it stays valid and stable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ics_support import SAME_TALKS, UNRELATED_TALKS, check_calendar, radicale_verify
from typer.testing import CliRunner

from timeline import Event, Evidence, InvalidEvent, Location, Participant, Source, extract, read_article
from timeline.cli import app
from timeline.ics import clean_text, items, to_calendar, write_ics, write_split

DUSHANBE = Location("Dushanbe", "TJ", 38.5358, 68.779, "Asia/Dushanbe")


def seed_events(seed):
    return extract(read_article(seed))


def by_summary(cal):
    return {str(v["summary"]): v for v in cal.walk("VEVENT")}


def test_the_seed_calendar_reads_well_in_a_month_grid(seed, tmp_path):
    data = write_ics(seed_events(seed), tmp_path / "calendar.ics").read_bytes()
    cal = check_calendar(data)

    assert str(cal["prodid"]) == "-//timeline//diplomatic events//EN"
    assert str(cal["version"]) == "2.0"
    assert str(cal["method"]) == "PUBLISH"
    lines = data.decode().split("\r\n")
    assert lines.count("NAME:Diplomatic events") == 1
    assert lines.count("X-WR-CALNAME:Diplomatic events") == 1
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in lines
    assert "X-PUBLISHED-TTL:P1D" in lines

    events = by_summary(cal)
    talks = events["Talks: Xi Jinping – Emomali Rahmon"]
    assert talks.decoded("dtstart") == dt.date(2024, 7, 5)
    assert talks.decoded("dtend") == dt.date(2024, 7, 6)
    assert "DTSTART;VALUE=DATE:20240705" in talks.to_ical().decode()
    assert str(talks["location"]) == "Dushanbe, Tajikistan"
    assert "GEO:38.5358;68.779" in lines
    assert set(talks.categories) == {"Talks", "China", "Tajikistan"}
    text = str(talks["description"])
    assert "Xi made the remarks during his talks with Tajik President Emomali Rahmon" in text
    assert "Source: Xi says China ready to develop comprehensive strategic cooperative partnership" in text
    assert "(2024-07-06)" in text
    assert str(talks["uid"]).endswith("@timeline.events")
    # Derived from the publication day, not from the clock of the run.
    assert talks.decoded("dtstamp") == dt.datetime(2024, 7, 6, tzinfo=dt.UTC)
    assert talks.decoded("last-modified") == dt.datetime(2024, 7, 6, tzinfo=dt.UTC)


def test_each_sentence_shows_once_even_when_captions_repeat_it(seed):
    cal = to_calendar(seed_events(seed))
    ceremony = next(v for v in cal.walk("VEVENT") if str(v["summary"]).startswith("Ceremony"))
    lines = str(ceremony["description"]).split("\n")
    sentence = "Rahmon hosted a grand welcome ceremony for Xi."
    assert lines.count(sentence) == 1


def test_talks_signing_ceremony_and_press_point_to_the_visit_they_are_part_of(seed):
    cal = to_calendar(seed_events(seed))
    (visit,) = [v for v in cal.walk("VEVENT") if str(v["summary"]).startswith("Visit")]
    parts = [v for v in cal.walk("VEVENT") if v is not visit]
    assert {str(v["summary"]).split(":")[0] for v in parts} == {
        "Talks",
        "Signing",
        "Ceremony",
        "Press meeting",
    }
    for v in parts:
        assert str(v["related-to"]) == str(visit["uid"])
        assert v["related-to"].params["RELTYPE"] == "PARENT"
    assert "related-to" not in visit


def test_a_call_on_the_day_of_a_visit_or_talks_from_another_article_are_not_part_of_it():
    src, other = Source("a.txt", "A"), Source("b.txt", "B")
    visit = Event(
        type="visit", start=dt.date(2024, 7, 4), end=dt.date(2024, 7, 6), countries=("CN", "TJ"), source=src
    )
    call = Event(type="call", start=dt.date(2024, 7, 5), countries=("CN", "TJ"), source=src)
    elsewhere = Event(type="talks", start=dt.date(2024, 7, 5), countries=("CN", "TJ"), source=other)
    after = Event(type="talks", start=dt.date(2024, 7, 7), countries=("CN", "TJ"), source=src)
    inside = Event(type="banquet", start=dt.date(2024, 7, 6), countries=("TJ",), source=src)
    cal = to_calendar([visit, call, elsewhere, after, inside])
    related = {str(v["uid"]): v.get("related-to") for v in cal.walk("VEVENT")}
    assert related[f"{inside.id}@timeline.events"] == f"{visit.id}@timeline.events"
    for e in (call, elsewhere, after, visit):
        assert related[f"{e.id}@timeline.events"] is None


def test_a_visit_of_july_4_to_6_ends_on_july_7_exclusive():
    visit = Event(type="visit", start=dt.date(2024, 7, 4), end=dt.date(2024, 7, 6), countries=("CN", "TJ"))
    data = to_calendar([visit]).to_ical()
    check_calendar(data)
    text = data.decode()
    assert "DTSTART;VALUE=DATE:20240704\r\n" in text
    assert "DTEND;VALUE=DATE:20240707\r\n" in text
    assert "SUMMARY:Visit: China\\, Tajikistan\r\n" in text


def test_a_clock_time_at_a_known_place_is_timed_in_its_zone_with_a_vtimezone(tmp_path):
    talks = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        time=dt.time(10, 30),
        participants=(Participant("Xi Jinping"), Participant("Emomali Rahmon")),
        countries=("CN", "TJ"),
        location=DUSHANBE,
    )
    data = to_calendar([talks]).to_ical()
    cal = check_calendar(data)
    text = data.decode()
    assert "DTSTART;TZID=Asia/Dushanbe:20240705T103000\r\n" in text
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Asia/Dushanbe"
    (v,) = cal.walk("VEVENT")
    # 10:30 in Dushanbe (UTC+5) is 05:30 UTC, whatever the zone of the machine.
    assert v.decoded("dtstart").astimezone(dt.UTC) == dt.datetime(2024, 7, 5, 5, 30, tzinfo=dt.UTC)
    assert v.decoded("dtend") - v.decoded("dtstart") == dt.timedelta(hours=1)
    (item,) = items([talks]).values()
    assert b"BEGIN:VTIMEZONE" in item
    radicale_verify(item, tmp_path)


def test_a_zone_with_summer_time_gets_both_rules_and_the_right_offset():
    winter = Event(
        type="call",
        start=dt.date(2024, 1, 10),
        time=dt.time(9, 0),
        location=Location("Berlin", "DE", timezone="Europe/Berlin"),
    )
    summer = dataclasses.replace(winter, start=dt.date(2024, 7, 10), id="")
    cal = check_calendar(to_calendar([winter, summer]).to_ical())
    (zone,) = cal.walk("VTIMEZONE")
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    starts = sorted(v.decoded("dtstart").astimezone(dt.UTC).hour for v in cal.walk("VEVENT"))
    assert starts == [7, 8]


def test_a_clock_time_in_utc_needs_no_vtimezone_and_a_bad_zone_name_falls_back_to_all_day():
    at = dt.time(10, 30)
    utc = Event(type="call", start=dt.date(2024, 7, 8), time=at, location=Location("Geneva", timezone="UTC"))
    bad = Event(
        type="call", start=dt.date(2024, 7, 9), time=at, location=Location("Nowhere", timezone="Asia")
    )
    data = to_calendar([utc, bad]).to_ical()
    cal = check_calendar(data)
    assert "DTSTART:20240708T103000Z\r\n" in data.decode()
    assert "DTSTART;VALUE=DATE:20240709\r\n" in data.decode()
    assert not cal.walk("VTIMEZONE")


def test_a_clock_time_without_a_zone_stays_all_day_and_is_said_in_the_description():
    talks = Event(
        type="talks", start=dt.date(2024, 7, 5), time=dt.time(15, 0), location=Location("Somewhere")
    )
    (v,) = check_calendar(to_calendar([talks]).to_ical()).walk("VEVENT")
    assert v.decoded("dtstart") == dt.date(2024, 7, 5)
    assert str(v["description"]).startswith("At 15:00 local time.")


@pytest.mark.parametrize(
    "text",
    [
        "One line,\nanother; and a backslash \\ and a \\n that is not a newline.",
        "Председатель КНР Си Цзиньпин провёл переговоры с Эмомали Рахмоном; 习近平同拉赫蒙会谈，签署联合声明。",
        "مباحثات بين الرئيسين في دوشنبه، يوم الجمعة.",
        "A very long sentence, " * 300 + "ending here.",
        "Tabs\tand \"quotes\" and 'apostrophes' and emoji 🇹🇯🇨🇳.",
    ],
)
def test_article_text_survives_the_round_trip_unchanged(text, tmp_path):
    source = Source(
        "a.txt",
        title=f"Title: {text[:80]}",
        published=dt.date(2024, 7, 6),
        url="https://example.org/a?x=1,2;y=3",
    )
    talks = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        participants=(Participant("Си Цзиньпин"), Participant("Rahmon, Emomali")),
        countries=("CN", "TJ"),
        location=DUSHANBE,
        evidence=(Evidence(text, 0, len(text)),),
        source=source,
    )
    data = to_calendar([talks]).to_ical()
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
    (v,) = check_calendar(data).walk("VEVENT")
    assert str(v["description"]).split("\n\nSource: ")[0] == text
    assert f"Source: {source.title} (2024-07-06)\n{source.url}" in str(v["description"])
    assert str(v["summary"]) == "Talks: Си Цзиньпин – Rahmon, Emomali"
    assert str(v["url"]) == source.url
    (item,) = items([talks]).values()
    radicale_verify(item, tmp_path)


def test_carriage_returns_become_line_breaks_and_control_characters_go():
    text = "\ufeffWindows\r\nline and old Mac\rline with a bell\x07 and a NUL\x00."
    talks = Event(type="talks", start=dt.date(2024, 7, 5), evidence=(Evidence(text, 0, len(text)),))
    (v,) = check_calendar(to_calendar([talks]).to_ical()).walk("VEVENT")
    assert str(v["description"]) == "Windows\nline and old Mac\nline with a bell and a NUL."


def test_every_event_of_the_seed_passes_radicale_item_verification(seed, tmp_path):
    objects = items(seed_events(seed))
    assert len(objects) == 5
    for uid, item in objects.items():
        cal = check_calendar(item)
        assert [str(v["uid"]) for v in cal.walk("VEVENT")] == [uid]
        radicale_verify(item, tmp_path)


def test_the_same_input_gives_the_same_bytes_whatever_the_order(seed, tmp_path, write_article):
    write_article(UNRELATED_TALKS, "b/other.txt")
    events = seed_events(seed) + extract(read_article(tmp_path / "b/other.txt"))
    first = write_ics(events, tmp_path / "one.ics").read_bytes()
    again = write_ics(list(reversed(events)), tmp_path / "two.ics").read_bytes()
    assert first == again


def test_the_same_article_read_twice_changes_nothing(seed):
    once = to_calendar(seed_events(seed)).to_ical()
    assert to_calendar(seed_events(seed) + seed_events(seed)).to_ical() == once


def test_uids_do_not_change_when_an_unrelated_article_is_added(seed, write_article):
    before = to_calendar(seed_events(seed))
    other = extract(read_article(write_article(UNRELATED_TALKS)))
    assert other, "the unrelated article gives events"
    after = to_calendar(seed_events(seed) + other)
    uids_before = {str(v["summary"]): str(v["uid"]) for v in before.walk("VEVENT")}
    uids_after = {str(v["summary"]): str(v["uid"]) for v in after.walk("VEVENT")}
    assert len(uids_after) == len(uids_before) + len(other)
    for name, uid in uids_before.items():
        assert uids_after[name] == uid
    # and the seed's events themselves are unchanged, byte for byte
    old = {str(v["uid"]): v.to_ical() for v in before.walk("VEVENT")}
    new = {str(v["uid"]): v.to_ical() for v in after.walk("VEVENT")}
    assert all(new[uid] == body for uid, body in old.items())


def test_a_second_article_on_the_same_talks_updates_one_event_and_raises_its_sequence(seed, write_article):
    seed_only = by_summary(to_calendar(seed_events(seed)))
    second = extract(read_article(write_article(SAME_TALKS)))
    both = check_calendar(to_calendar(seed_events(seed) + second).to_ical())
    merged = by_summary(both)
    assert len(both.walk("VEVENT")) == len(seed_only) == 5
    talks, old = merged["Talks: Xi Jinping – Emomali Rahmon"], seed_only["Talks: Xi Jinping – Emomali Rahmon"]
    assert str(talks["uid"]) == str(old["uid"])
    assert talks["sequence"] > old["sequence"]
    description = str(talks["description"])
    assert "Source: China's Xi holds talks with Tajik leader (2024-07-06)" in description
    assert "Source: Xi says China ready to develop" in description
    assert "pledging closer trade and transport links" in description
    for name, v in merged.items():
        if name != "Talks: Xi Jinping – Emomali Rahmon":
            assert v.to_ical() == seed_only[name].to_ical()


def test_a_later_article_moves_the_stamps_and_the_first_source_stays_the_url():
    first = Source("a.txt", "First", dt.date(2024, 7, 5), "https://a.example/1")
    later = Source("b.txt", "Later", dt.date(2024, 7, 9), "https://b.example/2")
    talks = Event(type="talks", start=dt.date(2024, 7, 5), countries=("CN", "TJ"), source=first)
    both = [dataclasses.replace(talks, source=later), talks]
    (v,) = to_calendar(both).walk("VEVENT")
    assert v.decoded("created") == dt.datetime(2024, 7, 5, tzinfo=dt.UTC)
    assert v.decoded("dtstamp") == v.decoded("last-modified") == dt.datetime(2024, 7, 9, tzinfo=dt.UTC)
    assert str(v["url"]) == "https://a.example/1"
    assert v["sequence"] == 1


def test_split_by_country_writes_one_named_calendar_per_country(seed, tmp_path, write_article):
    events = seed_events(seed) + extract(read_article(write_article(UNRELATED_TALKS)))
    written = write_split(events, tmp_path / "by-country", "country")
    assert {p.name for p in written} >= {"CN.ics", "TJ.ics"}
    tajik = check_calendar((tmp_path / "by-country" / "TJ.ics").read_bytes())
    assert str(tajik["x-wr-calname"]) == "Tajikistan — diplomatic events"
    assert str(tajik["name"]) == "Tajikistan — diplomatic events"
    assert len(tajik.walk("VEVENT")) == 5
    all_uids = {str(v["uid"]) for v in to_calendar(events).walk("VEVENT")}
    for path in written:
        cal = check_calendar(path.read_bytes())
        assert {str(v["uid"]) for v in cal.walk("VEVENT")} <= all_uids
    assert "Modi" not in (tmp_path / "by-country" / "TJ.ics").read_text(encoding="utf-8")


def test_split_by_type_writes_one_calendar_per_type(seed, tmp_path):
    written = write_split(seed_events(seed), tmp_path, "type")
    assert sorted(p.name for p in written) == [
        "ceremony.ics",
        "press.ics",
        "signing.ics",
        "talks.ics",
        "visit.ics",
    ]
    talks = check_calendar((tmp_path / "talks.ics").read_bytes())
    assert str(talks["x-wr-calname"]) == "Talks — diplomatic events"
    assert [str(v["summary"]) for v in talks.walk("VEVENT")] == ["Talks: Xi Jinping – Emomali Rahmon"]


def test_split_by_something_else_is_refused(tmp_path):
    with pytest.raises(ValueError, match="country, type"):
        write_split([], tmp_path, "person")


def test_the_command_writes_split_calendars_and_refuses_bad_choices(seed, tmp_path):
    runner = CliRunner()
    done = runner.invoke(app, ["ics", str(seed), "--split-by", "country", "--out", str(tmp_path / "cals")])
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in (tmp_path / "cals").iterdir()) == ["CN.ics", "TJ.ics"]
    bad = runner.invoke(app, ["ics", str(seed), "--split-by", "mood", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2
    assert "country, type" in bad.output
    nothing = runner.invoke(app, ["ics", str(seed), "--split-by", "type"])
    assert nothing.exit_code == 2
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start": "2024-07-06", "end": "2024-07-04"}, "before start"),
        ({"start": None}, "start is missing"),
        ({"start": "July 5"}, "not a YYYY-MM-DD date"),
    ],
)
def test_an_event_with_impossible_days_never_reaches_the_calendar(fields, message, seed):
    good = seed_events(seed)[0]
    row = json.loads(json.dumps(good.to_dict())) | fields
    with pytest.raises(InvalidEvent, match=message):
        to_calendar([Event.from_dict(row)])


def test_an_event_cannot_be_edited_into_an_end_before_its_start(seed):
    good = seed_events(seed)[0]
    with pytest.raises(InvalidEvent, match="before start"):
        to_calendar([dataclasses.replace(good, end=good.start - dt.timedelta(days=1))])
    assert icalendar.Calendar.from_ical(to_calendar([good]).to_ical()).walk("VEVENT")


@settings(max_examples=60, deadline=None)
@given(
    sentence=st.text(min_size=1, max_size=400),
    title=st.text(max_size=120),
    name=st.text(min_size=1, max_size=40),
)
def test_any_text_round_trips_as_icalendar_can_carry_it(sentence, title, name):
    talks = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        participants=(Participant(name),),
        evidence=(Evidence(sentence, 0, len(sentence)),),
        source=Source("a.txt", title=title or None, published=dt.date(2024, 7, 6)),
    )
    (v,) = check_calendar(to_calendar([talks]).to_ical()).walk("VEVENT")
    assert str(v["summary"]) == clean_text(f"Talks: {name}")
    assert str(v["description"]).startswith(clean_text(sentence))
    assert clean_text(f"Source: {title or 'a.txt'} (2024-07-06)") in str(v["description"])


def test_a_backslash_and_n_in_an_article_is_shown_as_the_line_break_icalendar_reads():
    # icalendar writes a literal backslash-N as a line break (its escape of one): the calendar
    # shows clean_text's line break, and reads back and writes again unchanged
    text = "The file C:\\News\\talks.txt; see page 2, line 3"
    talks = Event(
        type="talks",
        start=dt.date(2024, 7, 5),
        participants=(Participant("Xi Jinping"),),
        evidence=(Evidence(text, 0, len(text)),),
    )
    cal = check_calendar(to_calendar([talks]).to_ical())
    (vevent,) = cal.walk("VEVENT")
    assert clean_text(text) == "The file C:\news\\talks.txt; see page 2, line 3"
    assert clean_text(text) in str(vevent["description"])
