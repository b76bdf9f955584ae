"""Properties that hold for any input: extraction never fails and only makes valid events;
any valid events export to a calendar that parses and a page whose text is escaped."""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutants import check_events, check_ics, check_label, check_page, figure_labels

from timeline import EVENT_TYPES, Event, Evidence, Location, Participant, Source, extract, parse_article
from timeline.countries import countries
from timeline.html import build_figure, render_html
from timeline.ics import clean_text, write_ics

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of diplomatic English and of damaged pages, to build articles that reach every rule.
TOKENS = [
    " date 2024-07-05 Talks\n\n",
    " date 2024-02-30 Bad header\n",
    "BEIJING, July 5 (Xinhua) -- ",
    "MOSCOW, March 21. /TASS/. ",
    "NEW DELHI, Oct 7 (PTI): ",
    "Chinese President Xi Jinping",
    "Tajik President Emomali Rahmon",
    "Paul Kagame, president of the Republic of Rwanda,",
    "Prime Minister",
    "the two leaders",
    " held talks with ",
    " met with ",
    " paid a state visit to ",
    " signed a joint statement ",
    " had a phone call with ",
    " attended the G20 Summit ",
    " hosted a state banquet ",
    " laid a wreath ",
    " met the press ",
    " agreed to hold talks ",
    " will visit ",
    " in Dushanbe",
    " at the Kremlin",
    " on Friday",
    " yesterday",
    " last Monday",
    "July 5, 2024",
    "5 July",
    "Sept. 25",
    "from May 5 to 10",
    "June 30 to July 2",
    "3-5 June",
    "2024-07-05",
    "July 32",
    "February 30, 2023",
    "Dec. 31 to Jan. 2",
    "(",
    ")",
    "(Xinhua/Yan Yan)",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "\t",
    "\x00",
    "\x0b",
    "\x1f",
    "\x85",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\ud800",
    "\udfff",
    "Москва",
    "北京",
    "القاهرة",
    "🇨🇳",
    "<script>",
    "&amp;",
]

# Any text: every plane, controls, and lone surrogates (which extraction must escape).
any_char = st.one_of(
    st.characters(),
    st.characters(codec=None, categories=["Cc", "Zl", "Zp", "Cf"]),
    st.integers(0xD800, 0xDFFF).map(chr),
)
any_text = st.text(any_char, max_size=400)
diplomatic_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(any_char, max_size=8)), max_size=80
).map("".join)
# One long line (about 100 kB) of a repeated piece, with or without spaces.
long_line = st.tuples(
    st.sampled_from(["A", "Xy-", "a.", "(", "July 5 ", "President ", "9", "é", "北", " "]),
    st.integers(50_000, 100_000),
    diplomatic_text,
).map(lambda t: t[2] + (t[0] * (t[1] // len(t[0]))) + t[2])


def extracted(text: str) -> None:
    article = parse_article(text)
    assert "\ud800" not in article.text  # lone surrogates became U+FFFD
    events = extract(article)
    check_events(events, article)


@FAST
@given(any_text)
def test_extract_never_fails_on_any_text(text):
    extracted(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diplomatic_text)
def test_extract_makes_only_valid_events_from_diplomatic_fragments(text):
    extracted(text)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_line)
def test_extract_copes_with_100_kb_lines(text):
    extracted(text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["July 5", "Sept. 25", "May", "(", ")", "3-5 June", " to ", ", 2024"]), max_size=3000
    )
)
def test_extract_copes_with_thousands_of_date_like_tokens(pieces):
    text = " date 2024-07-05 Talks\n\nBEIJING, July 5 (Xinhua) -- Xi held talks with Rahmon " + " ".join(
        pieces
    )
    article = parse_article(text)
    events = extract(article)
    check_events(events, article)
    assert [e.type for e in events] == ["talks"]


# Valid events with hostile text in every field that comes from an article.
codes = st.sampled_from(sorted(countries()))
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
field_text = st.text(any_char, min_size=1, max_size=60)
evidence = st.builds(lambda t: Evidence(t, 0, len(t)), st.text(any_char, min_size=1, max_size=300))


@st.composite
def events(draw):
    start = draw(days)
    end = draw(st.one_of(st.none(), st.integers(1, 30).map(lambda n: start + dt.timedelta(days=n))))
    location = draw(
        st.one_of(
            st.none(),
            st.builds(
                Location,
                city=st.one_of(st.none(), field_text),
                country=st.one_of(st.none(), codes),
                latitude=st.floats(-90, 90),
                longitude=st.floats(-180, 180),
                timezone=st.just("Asia/Dushanbe"),
            ),
        )
    )
    return Event(
        type=draw(st.sampled_from(EVENT_TYPES)),
        start=start,
        end=end,
        participants=tuple(
            draw(
                st.lists(
                    st.builds(Participant, field_text, st.one_of(st.none(), field_text), codes), max_size=3
                )
            )
        ),
        countries=tuple(sorted(set(draw(st.lists(codes, max_size=3))))),
        location=location,
        evidence=tuple(draw(st.lists(evidence, min_size=1, max_size=3))),
        source=Source(
            path=draw(field_text),
            title=draw(st.one_of(st.none(), field_text)),
            published=draw(st.one_of(st.none(), days)),
            url=draw(st.one_of(st.none(), field_text.map(lambda t: "https://example.org/" + t))),
        ),
    )


# Distinct happenings: two events of one type on overlapping days may be one happening told by
# two articles, which a calendar shows once (test_same_happening.py); of different types never.
unique_events = st.lists(events(), max_size=6, unique_by=lambda e: e.type)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unique_events)
def test_any_valid_events_export_to_a_calendar_that_parses_back(chosen):
    with tempfile.TemporaryDirectory() as folder:
        path = write_ics(chosen, Path(folder) / "calendar.ics")
        cal = check_ics(path.read_bytes(), chosen)
    by_uid = {str(v["uid"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    for e in chosen:
        v = by_uid[e.id]
        assert v.decoded("dtstart") == e.start
        assert v.decoded("dtend") == e.last_day + dt.timedelta(days=1)
        # What a calendar shows is the article's text, less what iCalendar cannot carry.
        assert clean_text(e.evidence[0].text) in str(v["description"])
        for p in e.participants:
            assert clean_text(p.name) in str(v["summary"])


PLAIN = Event(
    type="talks",
    start=dt.date(2024, 7, 5),
    participants=(Participant("Xi Jinping"),),
    evidence=(Evidence("Xi held talks.", 0, 14),),
    source=Source("a.txt", "Talks", dt.date(2024, 7, 5)),
)
PLAIN_SCRIPTS = render_html([PLAIN], plotlyjs="cdn").count("<script")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unique_events, st.sampled_from(["country", "type", "person"]), field_text)
def test_any_valid_events_make_a_page_whose_text_is_escaped(chosen, lanes, title):
    fig = build_figure(chosen, lanes=lanes, title=html.escape(title))
    shown = "\n".join(check_label(label) for label in figure_labels(fig))
    for e in chosen:
        for p in e.participants:
            assert " ".join(p.name.split()) in " ".join(shown.split())
    check_page(render_html(chosen, lanes=lanes, title=title, plotlyjs="cdn"), PLAIN_SCRIPTS)


def test_a_hostile_name_is_shown_as_text_not_markup():
    name = '<img src=x onerror="alert(1)">'
    event = Event(type="meeting", start=dt.date(2024, 1, 2), participants=(Participant(name),))
    fig = build_figure([event], lanes="person")
    assert list(fig.layout.yaxis.ticktext) == [html.escape(name, quote=False)]
    assert all("<img" not in label for label in figure_labels(fig))


def test_a_calendar_never_carries_a_lone_surrogate():
    text = "Talks in Dushanbe \ud800; tab\there"
    event = Event(type="talks", start=dt.date(2024, 7, 5), evidence=(Evidence(text, 0, len(text)),))
    with tempfile.TemporaryDirectory() as folder:
        data = write_ics([event], Path(folder) / "c.ics").read_bytes()
    (v,) = check_ics(data, [event]).walk("VEVENT")
    assert str(v["description"]).startswith("Talks in Dushanbe ; tab\there")
