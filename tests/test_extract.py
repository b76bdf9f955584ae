"""Extraction on the seed and on short articles written here, each for the rule it tests.

The articles are made up in the styles agencies use (a Xinhua or TASS dateline, a PTI lead,
a government readout, an itinerary); the facts asserted are the ones a reader finds in them.
Each test checks the whole list of events, so that nothing wrong comes along with the right one.
"""

from __future__ import annotations

import datetime as dt

from timeline import extract, parse_article, read_article

DAY = dt.date(2024, 7, 5)


def events_of(text: str) -> list[tuple[str, dt.date]]:
    return sorted((e.type, e.start) for e in extract(parse_article(text)))


def by_type(events):
    return {e.type: e for e in events}


# --- the seed --------------------------------------------------------------------------------


def test_seed_gives_its_five_events_and_nothing_more(seed):
    events = extract(read_article(seed))
    assert sorted(e.type for e in events) == ["ceremony", "press", "signing", "talks", "visit"]
    for e in events:
        assert e.start == DAY and e.end is None
        assert set(e.countries) == {"CN", "TJ"}
        assert e.location is not None and e.location.city == "Dushanbe" and e.location.country == "TJ"
        assert e.location.timezone == "Asia/Dushanbe"
        # the visit is the visitor's; the happenings between the two have both
        expected = {"Xi Jinping"} if e.type == "visit" else {"Xi Jinping", "Emomali Rahmon"}
        assert {p.name for p in e.participants} == expected


def test_seed_talks_keep_every_telling_as_evidence(seed):
    article = read_article(seed)
    talks = by_type(extract(article))["talks"]
    texts = [ev.text for ev in talks.evidence]
    assert texts[0].startswith("Chinese President Xi Jinping holds talks")
    # "made the remarks during his talks": a bare mention joins the talks told before
    assert any(t.startswith("Xi made the remarks during his talks") for t in texts)
    for ev in talks.evidence:
        assert article.text[ev.start : ev.end] == ev.text


# --- triggers and their arguments --------------------------------------------------------------


def test_a_phone_call_has_no_place_and_both_countries():
    article = parse_article(
        """ date 2024-03-02 Foreign ministers speak by phone

BEIJING, March 1 (Xinhua) -- Chinese Foreign Minister Wang Yi had a phone call with French Foreign Minister Stephane Sejourne on Friday.
"""
    )
    (call,) = extract(article)
    assert (call.type, call.start) == ("call", dt.date(2024, 3, 1))
    assert call.location is None
    assert set(call.countries) == {"CN", "FR"}


def test_spoke_by_telephone_is_a_call_and_spoke_at_a_forum_is_not():
    text = """ date 2025-02-11 Leaders confer

ASTANA, Feb 11 (Kazinform) -- President Kassym-Jomart Tokayev spoke by telephone with Uzbek President Shavkat Mirziyoyev on Tuesday.

Tokayev spoke at length about water resources.
"""
    assert events_of(text) == [("call", dt.date(2025, 2, 11))]


def test_met_the_press_is_press_and_met_a_leader_is_a_meeting():
    text = """ date 2024-05-16 Premier meets Dutch PM

BEIJING, May 16 (Xinhua) -- Chinese Premier Li Qiang met with Dutch Prime Minister Mark Rutte in Beijing on Thursday. After the meeting, the two premiers met the press.
"""
    assert events_of(text) == [("meeting", dt.date(2024, 5, 16)), ("press", dt.date(2024, 5, 16))]


def test_received_a_person_is_a_meeting_and_received_an_award_is_not_one():
    text = """ date 2023-06-08 Emir receives envoy

DOHA, June 8 (QNA) -- The Amir of Qatar Sheikh Tamim bin Hamad Al-Thani received British Foreign Secretary James Cleverly at the Amiri Diwan on Thursday.

Separately, the Qatari ministry received an award for its digital services.
"""
    assert events_of(text) == [("meeting", dt.date(2023, 6, 8))]


def test_held_talks_is_one_happening_not_a_meeting_beside_it():
    text = """ date 2022-04-14 Leaders meet for talks

ROME, April 14 (ANSA) -- Italian Prime Minister Mario Draghi met Spanish Prime Minister Pedro Sanchez for talks at Palazzo Chigi on Thursday.
"""
    assert events_of(text) == [("talks", dt.date(2022, 4, 14))]


def test_signing_witnessing_and_wreaths_have_their_own_types():
    text = """ date 2024-02-20 Visit to Hanoi

HANOI, Feb 20 (VNA) -- Vietnamese Prime Minister Pham Minh Chinh and Australian Prime Minister Anthony Albanese witnessed the signing of three agreements in Hanoi on Tuesday.

Earlier on Tuesday, Albanese laid a wreath at the Ho Chi Minh Mausoleum.
"""
    assert events_of(text) == [("ceremony", dt.date(2024, 2, 20)), ("signing", dt.date(2024, 2, 20))]


def test_a_dinner_hosted_in_honour_of_the_guest_is_a_banquet():
    text = """ date 2023-10-18 State banquet

ULAANBAATAR, Oct 18 (Montsame) -- President Ukhnaagiin Khurelsukh hosted a state banquet in honour of Kyrgyz President Sadyr Japarov on Wednesday evening.
"""
    assert events_of(text) == [("banquet", dt.date(2023, 10, 18))]


def test_a_welcome_with_military_honours_is_a_ceremony():
    text = """ date 2021-09-02 Welcome in Nur-Sultan

NUR-SULTAN, Sept 2 (Kazinform) -- A ceremonial welcome was accorded on Thursday to the guest from Hungary at the Akorda.
"""
    assert events_of(text) == [("ceremony", dt.date(2021, 9, 2))]


def test_attending_a_summit_is_a_summit_and_a_two_party_summit_is_talks():
    text = """ date 2023-07-13 Summits

BRUSSELS, July 13 (AFP) -- The EU-Japan Summit took place in Brussels on Thursday.

On Tuesday, Japanese Prime Minister Fumio Kishida attended the NATO summit in Vilnius.
"""
    assert events_of(text) == [("summit", dt.date(2023, 7, 11)), ("talks", dt.date(2023, 7, 13))]


def test_the_visiting_president_describes_someone_and_tells_no_visit():
    text = """ date 2024-01-10 Talks in Manila

MANILA, Jan 10 (PNA) -- President Ferdinand Marcos Jr. held talks with the visiting Vietnamese President Vo Van Thuong at Malacanang on Wednesday.
"""
    assert events_of(text) == [("talks", dt.date(2024, 1, 10))]


def test_arrived_in_a_city_is_a_visit_arriving_at_a_building_is_not():
    text = """ date 2024-08-19 Arrival

KUALA LUMPUR, Aug 19 (Bernama) -- Indian External Affairs Minister S. Jaishankar arrived in Kuala Lumpur on Monday.

Later he arrived at the Perdana Putra building for his courtesy call on Prime Minister Anwar Ibrahim.
"""
    events = extract(parse_article(text))
    assert sorted((e.type, e.start) for e in events) == [
        ("meeting", dt.date(2024, 8, 19)),
        ("visit", dt.date(2024, 8, 19)),
    ]
    visit = by_type(events)["visit"]
    assert visit.location is not None and visit.location.city == "Kuala Lumpur"


def test_met_separately_with_three_leaders_is_three_meetings():
    article = parse_article(
        """ date 2024-11-19 Meetings on the sidelines

RIO DE JANEIRO, Nov 19 (Reuters) - Brazilian President Luiz Inacio Lula da Silva met separately with French President Emmanuel Macron, Indian Prime Minister Narendra Modi and Chinese President Xi Jinping on Tuesday.
"""
    )
    meetings = extract(article)
    assert [e.type for e in meetings] == ["meeting"] * 3
    partners = {frozenset(p.name for p in e.participants) for e in meetings}
    lula = "Luiz Inacio Lula da Silva"
    assert partners == {
        frozenset({lula, "Emmanuel Macron"}),
        frozenset({lula, "Narendra Modi"}),
        frozenset({lula, "Xi Jinping"}),
    }


def test_a_call_readout_reads_spoke_with_as_the_call():
    text = """ date 2019-01-07 Prime Minister's call with President of Chile

Prime Minister Justin Trudeau today spoke with Chilean President Sebastian Pinera. Trade was on the agenda.
"""
    assert events_of(text) == [("call", dt.date(2019, 1, 7))]


def test_a_reception_where_the_two_held_talks_is_one_happening():
    text = """ date 2017-05-30 Leaders meet in Jakarta

JAKARTA, May 30 (Antara) - President Joko Widodo received Malaysian Prime Minister Najib Razak at the Merdeka Palace on Tuesday, where the two leaders held talks on border issues.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [("talks", dt.date(2017, 5, 30))]
    assert {p.name for p in events[0].participants} == {"Joko Widodo", "Najib Razak"}


def test_a_city_and_an_assembly_are_nobody_and_unnamed_people_bring_no_partner():
    text = """ date 2023-09-19 Brazilian President busy in New York

NEW YORK, Sept 18 (AFP) - President Luiz Inacio Lula da Silva held talks with Ukrainian President Volodymyr Zelensky on Monday on the sidelines of the General Assembly.

Later, business executives had a breakfast meeting with Lula at his hotel.
"""
    events = extract(parse_article(text))
    names = {p.name for e in events for p in e.participants}
    assert "New York" not in names and "Assembly" not in names
    meeting = by_type(events)["meeting"]
    # the executives are not named, and not the Ukrainian president either
    assert [p.name for p in meeting.participants] == ["Luiz Inacio Lula da Silva"]
    assert by_type(events)["talks"].start == meeting.start == dt.date(2023, 9, 18)


# --- tense, modality and background ------------------------------------------------------------


def test_scheduled_event_with_a_day_counts_but_a_plan_without_one_does_not():
    text = """ date 2023-03-11 Premier to meet press

BEIJING, March 11 (Xinhua) -- On Monday morning Chinese Premier Li Qiang will meet the press after the legislature closes.

The premier will visit Europe soon.
"""
    # the dateline's day is the reference, not the day of the lead's happening
    assert events_of(text) == [("press", dt.date(2023, 3, 13))]


def test_are_to_meet_on_a_day_is_a_plan_of_that_day_and_suggested_to_meet_is_none():
    text = """ date 2023-11-02 Ministers to meet again

ANKARA (AA) - The Turkish and Greek foreign ministers are to meet in Athens on Monday, diplomatic sources said on Thursday.

The Greek minister suggested to meet in Crete instead.
"""
    # the subject of "are" is the subject of "to meet"; a suggestion is no happening yet
    assert events_of(text) == [("meeting", dt.date(2023, 11, 6))]


def test_a_plan_with_a_day_does_not_move_the_narrative_day():
    text = """ date 2024-02-20 Foreign ministers meet

HANOI, Feb. 20 (VNA) - Vietnamese Foreign Minister Bui Thanh Son met his Lao counterpart on the sidelines of the forum on Tuesday.

The king and queen of Thailand will tour Laos from March 12.

Son also laid a wreath at the war memorial.
"""
    # the plan's March 12 is not read as a past day: the wreath stays on the day told
    assert events_of(text) == [("ceremony", dt.date(2024, 2, 20)), ("meeting", dt.date(2024, 2, 20))]


def test_pledges_invitations_and_denials_are_not_events():
    text = """WASHINGTON, May 5 (Reuters) - The two sides agreed to hold talks on trade and pledged to sign a deal.

Biden invited Ramaphosa to visit Washington. The two leaders did not meet on Friday.
"""
    assert events_of(text) == []


def test_a_cancelled_visit_and_a_hypothetical_meeting_are_not_events():
    text = """ date 2018-11-30 Trip called off

BOGOTA, Nov 30 (EFE) -- The US president cancelled his visit to Colombia planned for Sunday. He would meet Colombian President Ivan Duque if the schedule allowed.
"""
    assert events_of(text) == []


def test_past_perfect_and_a_last_visit_are_background():
    text = """ date 2024-06-05 Ministers confer

TOKYO, June 5 (Kyodo) -- Japanese Foreign Minister Yoko Kamikawa held talks with her Philippine counterpart Enrique Manalo in Tokyo on Wednesday.

The two had met in Manila on Saturday. Kamikawa recalled her last visit to the Philippines.
"""
    assert events_of(text) == [("talks", dt.date(2024, 6, 5))]


def test_a_time_without_a_day_leaves_the_happening_out():
    text = """ date 2024-04-02 Ties

ASTANA, April 2 (Kazinform) -- President Tokayev held talks with the Emir of Qatar last year, the presidency recalled.
"""
    assert events_of(text) == []


def test_progressive_without_a_day_is_a_plan():
    text = """ date 2018-11-30 G20

BUENOS AIRES, Nov 30 (AP) -- Trump is also meeting with Chinese President Xi Jinping in Buenos Aires.
"""
    assert events_of(text) == []


# --- days --------------------------------------------------------------------------------------


def test_weekday_in_the_body_resolves_against_the_dateline():
    article = parse_article(
        """ date 2023-03-22 Putin and Xi hold talks

MOSCOW, March 21. /TASS/. Talks in the Kremlin on Tuesday brought together Russia's President Vladimir Putin and China's President Xi Jinping, who held talks for three hours.
"""
    )
    (talks,) = extract(article)
    assert talks.start == dt.date(2023, 3, 21)
    assert talks.location is not None and talks.location.city == "Moscow"
    assert set(talks.countries) == {"CN", "RU"}


def test_visit_span_from_a_written_range():
    article = parse_article(
        """ date 2024-10-07 Muizzu in India

NEW DELHI, Oct 7 (PTI) -- Maldives President Mohamed Muizzu is on a state visit to India from October 6 to 10.
"""
    )
    visit = by_type(extract(article))["visit"]
    assert (visit.start, visit.end) == (dt.date(2024, 10, 6), dt.date(2024, 10, 10))
    assert set(visit.countries) == {"IN", "MV"}


def test_a_day_without_a_year_told_in_the_past_lies_before_publication():
    # a December review of the year: "on February 24" is this February, not next
    text = """ date 2023-12-28 A year of diplomacy

The foreign minister paid an official visit to Kenya on February 24, where he held talks with President William Ruto.
"""
    assert events_of(text) == [("talks", dt.date(2023, 2, 24)), ("visit", dt.date(2023, 2, 24))]


def test_days_without_a_year_take_the_narrative_year():
    text = """ date 2024-01-15 Looking back

On August 29, 2022, the two presidents held talks in Samarkand. On September 18, they met again in New York.
"""
    assert events_of(text) == [("meeting", dt.date(2022, 9, 18)), ("talks", dt.date(2022, 8, 29))]


def test_the_next_day_counts_from_the_happening_told_before():
    text = """ date 2024-05-20 Visit

CANBERRA, May 20 (AAP) -- New Zealand Prime Minister Christopher Luxon held talks with Australian Prime Minister Anthony Albanese in Canberra on Friday.

The next day, Luxon met Governor-General Sam Mostyn.
"""
    assert events_of(text) == [("meeting", dt.date(2024, 5, 18)), ("talks", dt.date(2024, 5, 17))]


def test_sentences_without_a_day_stay_on_the_day_told():
    text = """ date 2021-03-05 Courtesy call

DHAKA, March 4 (UNB) -- Indian External Affairs Minister Subrahmanyam Jaishankar arrived in Dhaka on Thursday.

He paid a courtesy call on Prime Minister Sheikh Hasina at her office.
"""
    assert events_of(text) == [("meeting", dt.date(2021, 3, 4)), ("visit", dt.date(2021, 3, 4))]


def test_an_itinerary_dates_its_entries_by_its_heading():
    text = """ date 2024-05-06 Itinerary of the Prime Minister for Tuesday, May 7, 2024

New York City, United States

9:00 a.m.

The Prime Minister will hold a bilateral meeting with the President of Ghana, Nana Akufo-Addo.

11:00 a.m.

The Prime Minister will then hold a media availability.
"""
    assert events_of(text) == [("meeting", dt.date(2024, 5, 7)), ("press", dt.date(2024, 5, 7))]


def test_the_second_day_of_a_summit_dates_its_start():
    text = """ date 2023-09-10 G20, day two

NEW DELHI, Sept 10 (IANS) -- Today is the second day of the G20 summit, which the Prime Minister attends.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start, e.end) for e in events] == [
        ("summit", dt.date(2023, 9, 9), dt.date(2023, 9, 10))
    ]


def test_a_day_attached_to_the_return_is_not_the_day_of_the_visits_before_it():
    text = """ date 2019-06-10 Back home

HANOI - Vietnamese Prime Minister Nguyen Xuan Phuc returned to Hanoi on Sunday after official visits to Sweden and Norway.
"""
    assert events_of(text) == []


def test_a_plan_given_up_is_no_event():
    text = """ date 2018-12-01 Trip dropped

LIMA, Dec 1 (EFE) -- The Brazilian president had planned to visit Peru on Monday, officials said.
"""
    assert events_of(text) == []


def test_a_visit_to_a_council_is_attending_a_summit():
    text = """ date 2025-02-02 Leaders meet

LONDON, Feb 2 -- The chancellor's visit to the European Council tomorrow was also on the leaders' agenda.
"""
    assert events_of(text) == [("summit", dt.date(2025, 2, 3))]


def test_a_diary_entry_running_to_a_day_is_a_span_from_the_day_told():
    text = """ date 2022-05-23 Diary for Monday, May 23

Monday, May 23, 2022

(To May 26) DAVOS - The World Economic Forum annual meeting takes place.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start, e.end) for e in events] == [
        ("summit", dt.date(2022, 5, 23), dt.date(2022, 5, 26))
    ]


def test_the_rest_of_the_day_s_programme_is_on_the_day_told():
    text = """ date 2023-05-16 Presidents meet in Ankara

ANKARA, May 16 (AA) -- Turkish President Recep Tayyip Erdogan welcomed Hungarian President Katalin Novak with an official ceremony on Tuesday.

The two presidents will first hold talks; a joint news conference will follow.
"""
    assert events_of(text) == [
        ("ceremony", dt.date(2023, 5, 16)),
        ("press", dt.date(2023, 5, 16)),
        ("talks", dt.date(2023, 5, 16)),
    ]


def test_plans_framed_by_the_whole_stay_have_no_day():
    text = """ date 2013-03-22 Arrival in Moscow

MOSCOW, March 22 (Xinhua) -- Chinese President Xi Jinping arrived in Moscow on Friday for a state visit.

During the trip, the Chinese leader will also hold talks with Russian President Vladimir Putin. He will also meet Prime Minister Dmitry Medvedev.
"""
    assert events_of(text) == [("visit", dt.date(2013, 3, 22))]


def test_meetings_told_after_receiving_several_envoys_are_one_each():
    article = parse_article(
        """ date 2023-03-14 President receives ambassadors

ASTANA, March 14 (Kazinform) -- President Kassym-Jomart Tokayev received the ambassadors of Germany and Japan on Tuesday.

During the meeting with German ambassador Monika Iwersen, the sides discussed trade. At the meeting with Japanese ambassador Hideki Goda, the President spoke about investment.
"""
    )
    meetings = extract(article)
    assert [(e.type, e.start) for e in meetings] == [("meeting", dt.date(2023, 3, 14))] * 2
    assert {frozenset(p.name for p in e.participants) for e in meetings} == {
        frozenset({"Kassym-Jomart Tokayev", "Monika Iwersen"}),
        frozenset({"Kassym-Jomart Tokayev", "Hideki Goda"}),
    }
    for e in meetings:
        partner = next(p for p in e.participants if p.name != "Kassym-Jomart Tokayev")
        assert partner.country in e.countries and "KZ" in e.countries


def test_an_office_names_its_one_holder():
    text = """ date 2024-02-07 Talks in Baku

BAKU, Feb 7 (Trend) -- Azerbaijani President Ilham Aliyev received visiting Georgian Prime Minister Irakli Kobakhidze on Wednesday.

Later, the President hosted a dinner in honour of the Georgian leader.
"""
    events = by_type(extract(parse_article(text)))
    assert sorted(events) == ["banquet", "meeting"]
    assert {p.name for p in events["banquet"].participants} == {"Ilham Aliyev", "Irakli Kobakhidze"}


def test_a_line_that_is_a_place_is_where_the_entries_after_it_happen():
    text = """ date 2024-05-06 Itinerary of the Prime Minister for Tuesday, May 7, 2024

OTTAWA, May 6, 2024 /CNW/ -

Geneva, Switzerland

10:00 a.m.

The Prime Minister will hold a bilateral meeting with the President of Ghana, Nana Akufo-Addo.
"""
    (meeting,) = extract(parse_article(text))
    assert meeting.start == dt.date(2024, 5, 7)
    assert meeting.location is not None and (meeting.location.city, meeting.location.country) == (
        "Geneva",
        "CH",
    )


def test_a_diary_entry_opening_with_a_city_in_capitals_is_there():
    text = """ date 2022-05-23 Diary

PARIS – French President Emmanuel Macron meets with Chilean President Gabriel Boric on Monday.
"""
    (meeting,) = extract(parse_article(text))
    assert meeting.location is not None and meeting.location.city == "Paris"


def test_a_country_that_shares_its_name_with_a_town_abroad_is_the_country():
    text = """ date 2021-10-01 Talks

The French minister met President Armen Sarkissian in Armenia on Friday.
"""
    (meeting,) = extract(parse_article(text))
    assert meeting.location is not None and (meeting.location.city, meeting.location.country) == (None, "AM")


def test_greeted_with_flags_and_a_visit_to_meet_someone_are_no_meetings():
    text = """ date 2023-08-22 Arrivals

JOHANNESBURG, Aug 22 (SAnews) -- As the planes touched down on Tuesday, the delegations were met with flags and music.

The prime minister said his long-awaited visit to meet with the president was a step forward.
"""
    assert events_of(text) == []


def test_a_plan_without_will_is_not_the_day_s_programme():
    text = """ date 2021-10-04 Preparations

YEREVAN, Oct 4 (Armenpress) -- Prime Minister Nikol Pashinyan met the Russian ambassador on Monday.

Pashinyan plans to visit Russia, the spokesman said.
"""
    assert events_of(text) == [("meeting", dt.date(2021, 10, 4))]


def test_a_summit_with_one_counterpart_is_talks():
    text = """ date 2023-03-17 Summit in Tokyo

SEOUL, March 17 (Yonhap) -- President Yoon Suk Yeol held a summit with Japanese Prime Minister Fumio Kishida in Tokyo on Thursday.
"""
    (talks,) = extract(parse_article(text))
    assert (talks.type, talks.start) == ("talks", dt.date(2023, 3, 16))
    assert talks.location is not None and talks.location.city == "Tokyo"


def test_what_follows_a_stay_abroad_happened_there_not_in_the_dateline_city():
    text = """ date 2024-04-11 Visit to Manila

HANOI, April 11 (VNA) -- Vietnamese President Vo Van Thuong arrived in Manila on Wednesday for a two-day state visit.

On Thursday, he held talks with Philippine President Ferdinand Marcos Jr.
"""
    events = by_type(extract(parse_article(text)))
    assert events["talks"].location is not None and events["talks"].location.city == "Manila"
    assert set(events["talks"].countries) == {"PH", "VN"}


def test_a_time_inside_a_quote_is_not_the_time_of_the_happening_told_around_it():
    text = """ date 2020-03-05 Presidents meet

MOSCOW, March 5 (TASS) -- "This year we mark a century of relations," Erdogan said at a press conference with Putin.
"""
    assert events_of(text) == [("press", dt.date(2020, 3, 5))]


def test_after_the_talks_points_back_to_the_talks_told_before():
    text = """ date 2013-10-23 Talks in Beijing

BEIJING, Oct 23 (PTI) -- Prime Minister Manmohan Singh held talks with Chinese Premier Li Keqiang on Wednesday.

After his talks with Li, Singh met the press.
"""
    events = extract(parse_article(text))
    assert sorted((e.type, e.start) for e in events) == [
        ("press", dt.date(2013, 10, 23)),
        ("talks", dt.date(2013, 10, 23)),
    ]
    talks = by_type(events)["talks"]
    assert any(ev.text.startswith("After his talks with Li") for ev in talks.evidence)


def test_a_vague_time_of_the_first_of_two_joined_clauses_holds_for_the_second():
    text = """ date 2021-10-04 Contacts

YEREVAN, Oct 4 (Armenpress) -- This year, the two leaders met three times and spoke by phone more than ten times.
"""
    assert events_of(text) == []


def test_a_treaty_of_a_given_year_is_background():
    text = """ date 2019-12-25 Leaders meet

ADDIS ABABA, Dec 25 (ENA) -- The two leaders praised the 2018 peace treaty signed in Asmara.
"""
    assert events_of(text) == []


def test_signing_as_the_means_of_a_hypothetical_is_no_signing():
    text = """ date 2024-02-20 Visit results

KUWAIT, Feb 20 (KUNA) -- The minister said the visit would bear fruit by signing memoranda of understanding.
"""
    assert events_of(text) == []


def test_a_stay_told_at_its_end_began_days_before():
    text = """ date 2020-09-16 Visit ends

ULAANBAATAR, Sept 16 (Montsame) -- The Vietnamese foreign minister's two-day visit concluded today.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start, e.end) for e in events] == [
        ("visit", dt.date(2020, 9, 15), dt.date(2020, 9, 16))
    ]


def test_a_trilateral_summit_is_talks_and_a_purpose_has_no_day_of_its_own():
    text = """ date 2017-02-03 Trip planned

TOKYO, Feb 3 (Kyodo) -- The prime minister will visit Washington on Friday to hold a summit with the president.

The three leaders held a trilateral summit in Hiroshima on Sunday.
"""
    assert events_of(text) == [("talks", dt.date(2017, 1, 29)), ("visit", dt.date(2017, 2, 3))]


def test_a_day_in_a_clause_of_its_own_is_not_the_trigger_s():
    text = """ date 2017-02-03 Talks

TOKYO, Feb 3 (Kyodo) -- Abe held talks with Trump in Washington before returning to Japan next Monday.
"""
    assert events_of(text) == [("talks", dt.date(2017, 2, 3))]


def test_a_past_happening_in_a_relative_clause_without_a_day_is_background():
    text = """ date 2013-09-30 Stopover

TOKYO, Sept 30 (Kyodo) -- The Kazakh leader flew back from Vienna, where he attended a conference on nuclear safety.
"""
    assert events_of(text) == []


def test_a_named_weekday_beats_yesterday():
    text = """ date 2018-05-28 Briefing

SEOUL, May 28 -- "Yesterday (Saturday) afternoon, I held talks with Chairman Kim," the president said.
"""
    assert events_of(text) == [("talks", dt.date(2018, 5, 26))]


def test_an_airport_is_no_town():
    text = """ date 2023-08-21 Arrival

JOHANNESBURG, Aug 21 (SAnews) -- The Brazilian president arrived at the International Airport on Monday.
"""
    (visit,) = extract(parse_article(text))
    assert visit.location is not None and visit.location.city == "Johannesburg"


def test_a_summit_s_own_clause_gives_its_days():
    text = """ date 2023-08-22 Summit opens

JOHANNESBURG, Aug 22 (SAnews) -- Leaders attended the BRICS Summit, which runs from 22 to 24 August.
"""
    (summit,) = extract(parse_article(text))
    assert (summit.start, summit.end) == (dt.date(2023, 8, 22), dt.date(2023, 8, 24))


def test_a_meeting_of_counterparts_is_talks_and_with_others_a_meeting():
    text = """ date 2020-01-15 Ministers meet

PALO ALTO, Jan 14 (Yonhap) -- Foreign Minister Kang Kyung-wha and Secretary of State Mike Pompeo had a meeting at a hotel on Tuesday.

Later that day, Kang had a meeting with Governor Gavin Newsom.
"""
    assert events_of(text) == [("meeting", dt.date(2020, 1, 14)), ("talks", dt.date(2020, 1, 14))]


def test_our_summit_is_the_two_leaders_talks():
    text = """ date 2019-07-01 Briefing

SEOUL, July 1 -- "It has been a week since our summit in Osaka on June 24," the president said.
"""
    assert events_of(text) == [("talks", dt.date(2019, 6, 24))]


def test_a_round_of_talks_is_talks_and_an_arrival_for_a_summit_is_also_a_visit():
    text = """ date 2018-09-19 Leaders meet

PYONGYANG, Sept. 19 (Yonhap) -- South Korean President Moon Jae-in arrived in Pyongyang on Tuesday for a summit with North Korean leader Kim Jong-un.

The two leaders held their first round of talks on Tuesday afternoon.
"""
    events = extract(parse_article(text))
    # the two-party summit and its first round are one happening: the talks
    assert [(e.type, e.start) for e in events] == [
        ("visit", dt.date(2018, 9, 18)),
        ("talks", dt.date(2018, 9, 18)),
    ]
    assert len(events[1].evidence) == 2
    # the visit is the visitor's: the summit's partner is no visitor
    assert [p.name for p in events[0].participants] == ["Moon Jae-in"]


def test_who_in_a_relative_clause_is_the_person_it_describes():
    text = """ date 2024-11-15 Leaders meet

ABU DHABI, 15th November, 2024 (WAM) -- President Sheikh Mohamed bin Zayed today received President Joao Lourenco of Angola, who is on a working visit to the UAE.
"""
    visit = by_type(extract(parse_article(text)))["visit"]
    assert [p.name for p in visit.participants] == ["Joao Lourenco"]


def test_leaving_for_a_city_is_a_visit_there_by_the_one_who_leaves():
    text = """ date 2019-06-14 Summit

DUSHANBE, June 14 (TASS) -- Russian President Vladimir Putin held talks with Tajik President Emomali Rahmon on Friday.

On Saturday, the Russian leader is expected to leave for Bishkek.
"""
    events = extract(parse_article(text))
    visit = by_type(events)["visit"]
    assert visit.start == dt.date(2019, 6, 15)
    assert [p.name for p in visit.participants] == ["Vladimir Putin"]
    assert visit.location is not None and visit.location.city == "Bishkek"
    assert set(visit.countries) == {"KG", "RU"}


def test_a_weekday_heading_an_itinerary_is_no_dateline_and_asia_is_no_town():
    text = """ date 2020-01-20 Week ahead

MONDAY, January 20
The Prime Minister will receive the President of Ghana at 10 Downing Street.

TUESDAY, January 21
The Prime Minister will attend a conference on security in Asia in Tokyo.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [
        ("meeting", dt.date(2020, 1, 20)),
        ("summit", dt.date(2020, 1, 21)),
    ]
    assert events[1].location is not None and events[1].location.city == "Tokyo"


def test_a_month_without_its_day_dates_nothing():
    text = """ date 2023-12-28 A year of diplomacy

JAKARTA, Dec 28 (Antara) - On March 3, President Joko Widodo received Malaysian Prime Minister Anwar Ibrahim at the Bogor Palace.

In July, Widodo visited Kenya and Tanzania.
"""
    assert events_of(text) == [("meeting", dt.date(2023, 3, 3))]


def test_bilateral_meetings_with_ministers_of_three_countries_are_three():
    text = """ date 2024-07-25 Minister meets ASEAN counterparts

VIENTIANE, July 25 (TASS) - Russian Foreign Minister Sergey Lavrov on Thursday held bilateral meetings with his counterparts from Indonesia, Thailand and Myanmar.

During the meeting with Thai Foreign Minister Maris Sangiampongsa, the sides discussed tourism.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [("meeting", dt.date(2024, 7, 25))] * 3
    assert [set(e.countries) - {"RU", "LA"} for e in events] == [{"ID"}, {"TH"}, {"MM"}]
    # the later telling names the Thai minister: it joins the meeting with Thailand
    assert [p.name for p in events[1].participants] == ["Sergey Lavrov", "Maris Sangiampongsa"]


def test_a_summit_s_own_clause_in_the_present_tells_a_day_to_come():
    text = """ date 2018-11-29 Leader arrives for G20

BUENOS AIRES, Nov. 29 (Xinhua) -- Chinese President Xi Jinping arrived in Buenos Aires on Wednesday for the G20 summit, which opens on Friday.
"""
    assert events_of(text) == [("summit", dt.date(2018, 11, 30)), ("visit", dt.date(2018, 11, 28))]


def test_what_follows_talks_abroad_told_from_home_happened_abroad():
    text = """ date 2024-03-08 Leaders hold talks

HANOI, March 7 (VNA) - Prime Minister Pham Minh Chinh held talks with Australian Prime Minister Anthony Albanese in Canberra on Thursday.

Following the talks, the two leaders co-chaired a press conference.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [
        ("talks", dt.date(2024, 3, 7)),
        ("press", dt.date(2024, 3, 7)),
    ]
    assert [e.location.city if e.location else None for e in events] == ["Canberra", "Canberra"]


def test_the_visit_that_frames_a_sentence_does_not_take_its_day_or_its_partner():
    text = """ date 2017-03-20 Chancellor ends trip

WASHINGTON, March 18 (dpa) - German Chancellor Angela Merkel concluded her two-day visit to the United States on Saturday.

During the visit, Merkel held talks with President Donald Trump at the White House on Friday.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start, e.end) for e in events] == [
        ("visit", dt.date(2017, 3, 17), dt.date(2017, 3, 18)),
        ("talks", dt.date(2017, 3, 17), None),
    ]
    assert [p.name for p in events[0].participants] == ["Angela Merkel"]


def test_a_meeting_that_had_been_due_before_a_postponement_is_none():
    text = """ date 2023-05-18 Visit postponed

BRASILIA (Reuters) - A visit by Brazilian President Luiz Inacio Lula da Silva to Portugal planned for next week has been postponed, his office said on Wednesday.

Lula had been due to meet the Portuguese president in Lisbon on May 25.
"""
    assert events_of(text) == []


def test_earlier_in_the_day_after_a_plan_counts_from_the_story_s_day():
    text = """ date 2022-05-20 Leaders to hold summit

SEOUL, May 20 (Yonhap) -- President Yoon Suk Yeol will hold summit talks with U.S. President Joe Biden on Saturday.

Biden arrived at Osan Air Base earlier in the day.
"""
    assert events_of(text) == [("talks", dt.date(2022, 5, 21)), ("visit", dt.date(2022, 5, 20))]


def test_discussed_with_on_a_day_is_talks_unless_a_meeting_that_day_tells_it():
    alone = """ date 2023-06-14 Ministers

RIYADH, June 13 (SPA) - Saudi Foreign Minister Faisal bin Farhan discussed regional issues with his Omani counterpart Badr Albusaidi in Riyadh on Tuesday.
"""
    assert events_of(alone) == [("talks", dt.date(2023, 6, 13))]
    with_meeting = """ date 2023-06-14 Ministers

RIYADH, June 13 (SPA) - Saudi Foreign Minister Faisal bin Farhan met Omani Foreign Minister Badr Albusaidi in Riyadh on Tuesday.

Faisal bin Farhan exchanged views with Albusaidi on regional issues on Tuesday.
"""
    assert events_of(with_meeting) == [("meeting", dt.date(2023, 6, 13))]


def test_a_dinner_party_is_a_banquet_of_the_guest_and_the_host():
    text = """ date 2023-06-14 Visit

HANOI, June 14 (VNA) - Visiting Cuban Prime Minister Manuel Marrero Cruz laid flowers at the Ho Chi Minh Mausoleum on Wednesday.

In the evening, he attended a dinner party hosted by Prime Minister Pham Minh Chinh.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [
        ("ceremony", dt.date(2023, 6, 14)),
        ("banquet", dt.date(2023, 6, 14)),
    ]
    assert [p.name for p in events[1].participants] == ["Manuel Marrero Cruz", "Pham Minh Chinh"]
    # a mausoleum named after a person is in Hanoi, not in a town abroad called Ho
    assert {e.location.city for e in events if e.location} == {"Hanoi"}


def test_a_participle_clause_on_the_verb_gives_its_day():
    text = """ date 2025-05-10 A week of meetings

MOSCOW, May 10 (TASS) - Starting on May 7, the Russian president held separate meetings with Chinese Foreign Minister Wang Yi and Brazilian Foreign Minister Mauro Vieira.
"""
    assert events_of(text) == [("meeting", dt.date(2025, 5, 7)), ("meeting", dt.date(2025, 5, 7))]


def test_a_guest_s_days_in_one_country_are_one_visit_with_the_arrival_and_the_airport_welcome():
    text = """ date 2024-09-10 Crown Prince in India

NEW DELHI, Sept 9 (ANI): Prime Minister Narendra Modi on Monday held talks with Crown Prince of Abu Dhabi Sheikh Khaled bin Mohamed at Hyderabad House.

The Crown Prince, who is on his first official visit to India, arrived in New Delhi on Sunday. He was received at the airport by Minister of State Kirti Vardhan Singh.

On Tuesday, the Crown Prince will travel to Mumbai to attend a business forum.
"""
    events = extract(parse_article(text))
    # (travelling to Mumbai to attend a forum on Tuesday: the forum that day, GUIDELINES' summit)
    assert [(e.type, e.start, e.end) for e in events] == [
        ("talks", dt.date(2024, 9, 9), None),
        ("visit", dt.date(2024, 9, 8), dt.date(2024, 9, 10)),
        ("summit", dt.date(2024, 9, 10), None),
    ]
    # the crown prince of a city is of that city's country
    assert set(events[0].countries) == {"AE", "IN"}


def test_a_day_of_a_plan_joined_to_an_arrival_is_the_plan_s_and_a_place_named_with_its_country_keeps_it():
    text = """ date 2022-11-16 Leaders meet

NUSA DUA, Indonesia, Nov. 14 (Xinhua) -- Chinese President Xi Jinping met with U.S. President Joe Biden in Bali, Indonesia, on Monday.

Xi arrived in Bali on Monday afternoon and will also pay a state visit to Thailand from Nov. 17 to 19.
"""
    events = extract(parse_article(text))
    visits = [
        (e.start, e.end, e.location.country if e.location else None) for e in events if e.type == "visit"
    ]
    assert visits == [
        (dt.date(2022, 11, 14), None, "ID"),
        (dt.date(2022, 11, 17), dt.date(2022, 11, 19), "TH"),
    ]


def test_the_day_of_a_report_is_not_the_day_of_what_it_reports():
    text = """ date 2013-04-28 State visit

ABU DHABI, 28th April 2013 (WAM): This week's state visit to the United Kingdom by President Sheikh Khalifa bin Zayed will underline a historic relationship, the Gulf News said today.

The President will pay his visit on 30th April and 1st May.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start, e.end) for e in events] == [
        ("visit", dt.date(2013, 4, 30), dt.date(2013, 5, 1))
    ]


def test_a_plan_reported_on_a_day_is_not_dated_by_the_report():
    # "on Monday" is when the spokesman spoke; the visit has no day yet
    text = """ date 2022-05-09 Visit planned

President Gitanas Nauseda intends to visit Poland, and talks with President Andrzej Duda are being prepared, presidential adviser Asta Skaisgiryte told reporters on Monday.
"""
    assert events_of(text) == []


def test_meeting_a_president_after_a_visit_is_a_meeting_and_the_two_held_talks_is_talks():
    text = """ date 2024-02-15 Visit

CAIRO (Reuters) - Turkish President Tayyip Erdogan visited Egypt on Wednesday, meeting President Abdel Fattah al-Sisi.

Sisi greeted Erdogan at the airport before the two held talks at the presidential palace.
"""
    assert events_of(text) == [
        ("meeting", dt.date(2024, 2, 14)),
        ("talks", dt.date(2024, 2, 14)),
        ("visit", dt.date(2024, 2, 14)),
    ]


def test_a_bare_name_met_is_a_person_and_an_acronym_is_not():
    text = """ date 2019-09-06 Forum

VLADIVOSTOK, Sept 5 (Kyodo) - Prime Minister Shinzo Abe held his 27th meeting with Putin on Thursday.

Earlier, the Japanese delegation held talks with NATO on Thursday.
"""
    events = extract(parse_article(text))
    names = [sorted(p.name for p in e.participants) for e in events]
    assert ["Putin", "Shinzo Abe"] in names
    assert not any("NATO" in n for n in names)


def test_joint_press_statements_issued_after_talks_are_a_press_event():
    text = """ date 2020-02-25 Leaders address media

NEW DELHI, Feb 25 (PTI) Prime Minister Narendra Modi and Japanese Prime Minister Shinzo Abe issued joint press statements after their talks on Tuesday.
"""
    assert events_of(text) == [("press", dt.date(2020, 2, 25)), ("talks", dt.date(2020, 2, 25))]


def test_a_press_statement_named_as_a_document_is_no_press_event():
    text = """ date 2015-07-28 MFA Press Statement

MFA Press Statement: Official Visit of the Prime Minister of Malaysia, 28 July 2015

Prime Minister Najib Razak commenced his official visit to Singapore today.
"""
    assert events_of(text) == [("visit", dt.date(2015, 7, 28))]


def test_a_tour_summed_up_and_a_month_of_a_term_date_nothing():
    text = """ date 2017-06-02 The first trip abroad

In the fourth month of his presidency, the President embarked on his first foreign trip. He visited Saudi Arabia, Israel and Italy.

On May 20th, President Donald Trump arrived in Saudi Arabia.
"""
    assert events_of(text) == [("visit", dt.date(2017, 5, 20))]


def test_an_inauguration_and_an_honour_conferred_are_ceremonies():
    text = """ date 2022-09-12 Leaders head to Nairobi

NAIROBI, Sept 12 (KNA) - President-elect William Ruto will be sworn in on Tuesday at a ceremony attended by about 20 heads of state.

On Monday, President Uhuru Kenyatta conferred the highest national recognition on the visiting Ethiopian prime minister.
"""
    assert events_of(text) == [("ceremony", dt.date(2022, 9, 12)), ("ceremony", dt.date(2022, 9, 13))]


def test_a_summit_of_a_country_and_a_region_is_a_summit_and_sideline_meetings_are_one_each():
    text = """ date 2019-10-24 Sochi summit

SOCHI, Oct 23 (RIA) - Russian President Vladimir Putin on Wednesday opened the first Russia-Africa summit in Sochi.

On the sidelines, Putin met Ethiopian Prime Minister Abiy Ahmed and Nigerian President Muhammadu Buhari.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [
        ("summit", dt.date(2019, 10, 23)),
        ("meeting", dt.date(2019, 10, 23)),
        ("meeting", dt.date(2019, 10, 23)),
    ]
    assert [sorted(p.name for p in e.participants) for e in events[1:]] == [
        ["Abiy Ahmed", "Vladimir Putin"],
        ["Muhammadu Buhari", "Vladimir Putin"],
    ]


def test_leaving_for_home_ends_the_visit_told_before():
    text = """ date 2019-04-24 Leader arrives

VLADIVOSTOK, April 24 (Reuters) - North Korean leader Kim Jong Un arrived in Vladivostok on Wednesday.

Kim will leave for home on Friday, the Kremlin said.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start, e.end) for e in events] == [
        ("visit", dt.date(2019, 4, 24), dt.date(2019, 4, 26))
    ]


def test_documents_signed_in_the_passive_are_a_signing():
    text = """ date 2024-03-05 Agreements

HANOI, March 5 (VNA) - Prime Minister Pham Minh Chinh held talks with visiting New Zealand Prime Minister Christopher Luxon on Tuesday.

Following the talks, several cooperation documents were signed in the presence of the two prime ministers.
"""
    assert events_of(text) == [("signing", dt.date(2024, 3, 5)), ("talks", dt.date(2024, 3, 5))]


def test_a_capital_spelt_otherwise_in_the_dateline_still_gives_the_country_and_organisers_tell_no_visit():
    text = """ date 2022-09-08 Minister visits

ULAANBAATAR, September 8 (MONTSAME). President Ukhnaagiin Khurelsukh received Russian Foreign Minister Sergei Lavrov on September 8.

The officials who took part in organizing the visit were thanked by the president.
"""
    events = extract(parse_article(text))
    assert [(e.type, e.start) for e in events] == [("meeting", dt.date(2022, 9, 8))]
    assert events[0].location is not None and events[0].location.country == "MN"


def test_the_opening_ceremony_of_a_forum_is_the_forum():
    text = """ date 2023-10-18 Forum opens

BEIJING, Oct 18 (Xinhua) -- Chinese President Xi Jinping on Wednesday delivered a keynote speech at the opening ceremony of the third Belt and Road Forum in Beijing.
"""
    assert events_of(text) == [("summit", dt.date(2023, 10, 18))]


def test_the_lead_s_talks_told_again_after_a_look_back_keep_the_lead_s_day():
    text = """ date 2019-04-27 Leaders meet

VLADIVOSTOK, April 25 (Reuters) - Russian President Vladimir Putin and North Korean leader Kim Jong Un held talks on Thursday on an island off Vladivostok.

Kim arrived in Vladivostok by armoured train on Wednesday.

The two leaders first met one-on-one for nearly two hours and then held wider talks with their delegations. Putin later hosted a dinner for Kim.
"""
    assert events_of(text) == [
        ("banquet", dt.date(2019, 4, 25)),
        ("talks", dt.date(2019, 4, 25)),
        ("visit", dt.date(2019, 4, 24)),
    ]


def test_leaders_named_by_office_give_their_countries():
    # No names: "the Presidents of A and B", "the Latvian leader" still say who took part
    text = """ date 2023-05-04 Talks in Tallinn

The Presidents of Estonia and Latvia held one-on-one talks at Kadriorg Palace on Thursday. The Latvian leader arrived in Tallinn on Wednesday for a two-day official visit.

In the talks, President Alar Karis thanked his guest for the support of his people.
"""
    events = {e.type: e for e in extract(parse_article(text))}
    assert sorted(events) == ["talks", "visit"]
    assert set(events["talks"].countries) == {"EE", "LV"}
    assert "LV" in events["visit"].countries
    # the one man named is the host, not the Latvian who arrived
    assert "Alar Karis" not in {p.name for p in events["visit"].participants}


def test_arriving_in_a_town_told_by_its_kind_is_a_visit():
    text = """ date 2019-04-24 Arrival

HANOI, April 24 (VNA) -- Lao Prime Minister Sonexay Siphandone arrived in the northern port city of Haiphong on Wednesday. Cambodian Prime Minister Hun Manet arrived in the capital on Tuesday evening.
"""
    events = extract(parse_article(text))
    assert sorted((e.type, e.start, e.participants[0].name) for e in events) == [
        ("visit", dt.date(2019, 4, 23), "Hun Manet"),
        ("visit", dt.date(2019, 4, 24), "Sonexay Siphandone"),
    ]


def test_a_day_inside_the_trigger_s_clause_beats_the_one_it_hangs_from():
    # the parser hangs "where he will attend" from "Friday": the summit's day is the weekend
    text = """ date 2024-02-17 Visit

NAIROBI, Feb 17 (Reuters) - Chilean President Gabriel Boric began a visit to Kenya on Friday, where he will attend the regional summit this weekend.
"""
    assert events_of(text) == [("summit", dt.date(2024, 2, 17)), ("visit", dt.date(2024, 2, 16))]


def test_a_group_opening_their_summit_is_a_summit_and_a_pair_s_is_talks():
    many = """ date 2023-09-09 Summit

LIMA, Sept 9 (AFP) - Leaders of the Pacific Alliance opened their annual summit in Lima on Saturday.
"""
    two = """ date 2023-09-09 Summit

LIMA, Sept 9 (AFP) - President Dina Boluarte and President Gustavo Petro held their first summit in Lima on Saturday.
"""
    assert events_of(many) == [("summit", dt.date(2023, 9, 9))]
    assert events_of(two) == [("talks", dt.date(2023, 9, 9))]


def test_the_second_day_of_a_visit_is_the_visit_and_the_day_named_goes_on():
    # "on the second day of his visit" tells the visit; what follows is told from that day
    text = """ date 2019-03-12 Agreements

MANILA, March 12 (PNA) -- The Philippines and Chile signed two agreements on Tuesday, on President Sebastian Pinera's second day of his state visit here.

The agreements were signed in the fields of mining and education.
"""
    events = extract(parse_article(text))
    visit = next(e for e in events if e.type == "visit")
    assert (visit.start, visit.end) == (dt.date(2019, 3, 11), dt.date(2019, 3, 12))
    assert {e.start for e in events if e.type == "signing"} == {dt.date(2019, 3, 12)}


def test_a_guest_named_by_the_first_word_of_the_name_on_a_stay_told_in_a_clause():
    # Thai and Malay usage names a person by the first word; "who is on a visit" is the stay
    # under way today, and "tomorrow" is the day of the meeting only
    text = """ date 2023-04-12 Talks

BANGKOK, April 12 (TNA) -- Foreign Minister Don Pramudwinai met his Lao counterpart Saleumxay Kommasith at the ministry today.

Saleumxay, who is on a two-day official visit to Thailand, will also call on Prime Minister Prayut Chan-o-cha tomorrow.
"""
    events = extract(parse_article(text))
    got = sorted((e.type, e.start, tuple(p.name for p in e.participants)) for e in events)
    assert got == [
        ("meeting", dt.date(2023, 4, 12), ("Don Pramudwinai", "Saleumxay Kommasith")),
        ("meeting", dt.date(2023, 4, 13), ("Saleumxay Kommasith", "Prayut Chan-o-cha")),
        ("visit", dt.date(2023, 4, 12), ("Saleumxay Kommasith",)),
    ]


def test_a_look_back_in_the_past_perfect_does_not_move_the_narrative_day():
    text = """ date 2021-11-02 Sidelines

ROME, Nov 2 (ANSA) - Prime Minister Mario Draghi met Canadian Prime Minister Justin Trudeau on Tuesday on the sidelines of the conference.

The two leaders had spoken by telephone on Sunday as well.

Draghi also met Spanish Prime Minister Pedro Sanchez.
"""
    assert events_of(text) == [("meeting", dt.date(2021, 11, 2)), ("meeting", dt.date(2021, 11, 2))]


def test_a_person_in_a_clause_describing_the_subject_takes_no_part():
    text = """ date 2022-08-06 Visit

JAKARTA, Aug 6 (Antara) - Foreign Minister Penny Wong, the first Australian minister to meet President Joko Widodo this year, met Foreign Minister Retno Marsudi on Saturday.
"""
    (meeting,) = extract(parse_article(text))
    assert {p.name for p in meeting.participants} == {"Penny Wong", "Retno Marsudi"}


def test_telling_a_news_conference_and_statements_to_the_press_are_press():
    told = """ date 2022-03-10 Talks

GENEVA, March 10 (AFP) - Foreign Minister Ann Linde told a news conference after her talks with Finnish Foreign Minister Pekka Haavisto on Thursday that the region needed calm.
"""
    statements = """ date 2019-11-14 Summit

LIMA, Nov 14 (EFE) - President Martin Vizcarra and President Evo Morales made statements to the press at the Government Palace on Thursday.
"""
    assert ("press", dt.date(2022, 3, 10)) in events_of(told)
    assert events_of(statements) == [("press", dt.date(2019, 11, 14))]


def test_a_government_spokesman_telling_a_press_conference_is_no_press_event():
    text = """ date 2017-02-03 Trip

TOKYO, Feb 3 (Jiji) -- Prime Minister Fumio Kishida will fly to Canberra on Friday for talks on energy, Deputy Chief Cabinet Secretary Seiji Kihara told a regular press conference.
"""
    found = events_of(text)
    assert ("visit", dt.date(2017, 2, 3)) in found
    assert "press" not in {t for t, _ in found}


def test_departing_from_an_airport_for_a_city_abroad_is_a_visit():
    # the parser hangs "for Hanoi" from the airport; it goes with "departed"
    text = """ date 2023-05-12 Departure

HANOI, May 12 (VNA) - Pham Minh Chinh, the Vietnamese Prime Minister, departed from Noi Bai International Airport for Suvarnabhumi Airport in Bangkok on 12th May.
"""
    assert events_of(text) == [("visit", dt.date(2023, 5, 12))]


def test_a_delegation_led_by_someone_received_on_a_day_is_one_meeting_that_day():
    # KCNA: the day closes a long sentence, hung in "led by"; "had a talk" is that meeting
    text = """ date 2023-11-20 Reception

Pyongyang, November 20 (KCNA) -- Choe Ryong Hae, first vice-president of the State Affairs Commission, received a delegation of the Lao People's Revolutionary Party led by Thongsing Thammavong, member of the Political Bureau, on November 18.

Choe Ryong Hae had a friendly talk with the delegation members.
"""
    assert events_of(text) == [("meeting", dt.date(2023, 11, 18))]


def test_two_names_without_titles_as_the_subject_take_part():
    # the Kremlin's readouts give no titles
    text = """ date 2023-10-10 Talks

Vladimir Putin and Shavkat Mirziyoyev held talks in Bishkek on Tuesday.
"""
    (talks,) = extract(parse_article(text))
    assert {p.name for p in talks.participants} == {"Vladimir Putin", "Shavkat Mirziyoyev"}


def test_a_ministry_readout_with_honorifics_and_the_city_visited():
    text = """ date 2023-07-12 Japan-Australia Summit Meeting

On July 12, Mr. KISHIDA Fumio, Prime Minister of Japan, who is visiting Madrid, Spain to attend the conference, held a Japan-Australia Summit Meeting with the Hon. Anthony Albanese MP, Prime Minister of Australia. The Rt. Hon. gentleman thanked him.
"""
    events = extract(parse_article(text))
    talks = next(e for e in events if e.type == "talks")
    assert talks.start == dt.date(2023, 7, 12)
    assert talks.location is not None and talks.location.city == "Madrid"
    assert all(p.name not in ("Rt", "Hon") for e in events for p in e.participants)


def test_an_itinerary_of_days_opening_sentences():
    # "September 23:" heads its sentence and those after it; travelling for a summit is both
    text = """ date 2024-09-18 Schedule

NEW DELHI, Sept 18 (ANI) Prime Minister Narendra Modi will leave for Japan on Friday. Here is the plan:

September 20: Modi will fly to Osaka for the Asia-Pacific Leaders' Summit hosted by Prime Minister Fumio Kishida.

September 22: Modi will address the World Expo forum in Osaka. He will also hold talks with Kishida.
"""
    found = events_of(text)
    assert ("summit", dt.date(2024, 9, 20)) in found
    assert ("summit", dt.date(2024, 9, 22)) in found
    assert ("talks", dt.date(2024, 9, 22)) in found


def test_arriving_on_a_day_to_attend_a_summit_dates_the_summit():
    text = """ date 2022-07-16 Arrival

RIYADH, July 16 (SPA) -- Emir Sheikh Tamim bin Hamad Al Thani arrived in Jeddah on Saturday to take part in the Gulf and Arab leaders' summit.
"""
    assert events_of(text) == [("summit", dt.date(2022, 7, 16)), ("visit", dt.date(2022, 7, 16))]


def test_a_speech_at_a_gathering_tells_the_gathering():
    text = """ date 2024-09-23 Speech

TEHRAN, Sept 23 (IRNA) -- The Iranian foreign minister is scheduled to deliver a speech at the Shanghai Cooperation Organisation summit on Wednesday.
"""
    assert events_of(text) == [("summit", dt.date(2024, 9, 25))]


def test_the_two_men_met_is_a_meeting():
    text = """ date 2022-07-16 Sidelines

JEDDAH (AFP) - "We want you in Paris," French President Emmanuel Macron said after the two men met on the sidelines of the forum on Saturday, referring to Emir Tamim bin Hamad Al Thani.
"""
    assert ("meeting", dt.date(2022, 7, 16)) in events_of(text)


def test_a_plan_without_a_day_inside_what_someone_said_is_no_event_of_the_day():
    text = """ date 2022-06-23 Call

BEIJING, June 23 (Xinhua) -- Foreign Minister Wang Yi held a phone conversation with Brazilian Foreign Minister Carlos Franca on Thursday.

Wang said the forum to be hosted by China holds great significance, and that he will visit Brasilia.
"""
    assert events_of(text) == [("call", dt.date(2022, 6, 23))]


def test_a_stay_told_without_a_day_is_the_stay_another_sentence_dates():
    text = """ date 2023-11-07 Visit

A senior Malaysian leader travels to Brunei for an official visit aimed at closer ties.

Anwar Ibrahim, the Malaysian Prime Minister, departed from Subang Airport for Bandar Seri Begawan on 6th November.
"""
    assert [(t, d) for t, d in events_of(text) if t == "visit"] == [("visit", dt.date(2023, 11, 6))]


def test_the_prime_minister_of_a_story_about_one_of_two_prime_ministers():
    text = """ date 2023-10-30 Visit

VIENTIANE, Oct 30 (KPL) -- Anwar Ibrahim, the Malaysian Prime Minister, arrived in Vientiane on Monday.

The Prime Minister met with Sonexay Siphandone, the Lao Prime Minister, at the Prime Minister's Office.

Later, the Prime Minister called on President Thongloun Sisoulith. Anwar thanked him for the welcome.
"""
    meetings = [e for e in extract(parse_article(text)) if e.type == "meeting"]
    assert sorted(tuple(sorted(p.name for p in e.participants)) for e in meetings) == [
        ("Anwar Ibrahim", "Sonexay Siphandone"),
        ("Anwar Ibrahim", "Thongloun Sisoulith"),
    ]


def test_his_guest_is_the_one_received_before():
    text = """ date 2024-02-12 Dinner

ACCRA, Feb 12 (GNA) - President Nana Akufo-Addo on Monday received the Liberian President, Joseph Boakai, at Jubilee House.

Akufo-Addo later hosted his guest to a state dinner.
"""
    dinner = next(e for e in extract(parse_article(text)) if e.type == "banquet")
    assert {p.name for p in dinner.participants} == {"Nana Akufo-Addo", "Joseph Boakai"}


def test_hosting_someone_for_a_visit_is_the_guest_s_visit():
    text = """ date 2023-08-21 State visit

PRETORIA, Aug 21 (SAnews) - President Cyril Ramaphosa will host President Gustavo Petro of Colombia for a state visit on Tuesday.
"""
    visit = next(e for e in extract(parse_article(text)) if e.type == "visit")
    assert [p.name for p in visit.participants] == ["Gustavo Petro"]
    assert visit.start == dt.date(2023, 8, 22)


def test_following_a_summit_of_two_is_after_their_talks_that_day():
    text = """ date 2024-04-26 Summit

SEOUL, April 26 (Yonhap) -- President Yoon Suk Yeol held a summit with Swedish Prime Minister Ulf Kristersson on Friday.

Kristersson arrived in Seoul on Thursday for a three-day official visit.

Following the summit, the two leaders attended a signing ceremony for agreements on defence.
"""
    assert events_of(text) == [
        ("signing", dt.date(2024, 4, 26)),
        ("talks", dt.date(2024, 4, 26)),
        ("visit", dt.date(2024, 4, 25)),
    ]


def test_the_day_before_the_talks_dates_the_dinner_not_other_talks():
    text = """ date 2023-03-24 Talks

ANKARA, March 24 (AA) - President Recep Tayyip Erdogan held talks with Hungarian Prime Minister Viktor Orban in Ankara on Tuesday. The day before the talks, the two leaders had an informal dinner.
"""
    assert events_of(text) == [("banquet", dt.date(2023, 3, 20)), ("talks", dt.date(2023, 3, 21))]


def test_memoranda_counted_and_exchanged_before_two_leaders_are_a_signing():
    text = """ date 2023-11-02 MoUs

JAKARTA, Nov 2 (Antara) - A total of nine memoranda of understanding were exchanged in the presence of President Joko Widodo and Singapore's Prime Minister Lee Hsien Loong at the Bogor Palace today.
"""
    (signing,) = extract(parse_article(text))
    assert (signing.type, signing.start) == ("signing", dt.date(2023, 11, 2))
    assert {p.name for p in signing.participants} == {"Joko Widodo", "Lee Hsien Loong"}


def test_a_guest_named_by_the_agency_of_the_host_country_is_not_of_it():
    # WAM leaves out its own leaders' country, not the guest's: "X's visit to Abu Dhabi"
    text = """ date 2023-07-15 Pact

ABU DHABI, July 15 (WAM) -- The UAE and Kenya agreed to expand trade under an agreement signed during President William Ruto's visit to Abu Dhabi on Saturday.
"""
    events = extract(parse_article(text))
    assert all(set(e.countries) == {"AE", "KE"} for e in events)


def test_two_names_after_an_agency_dash_are_the_subject():
    text = """ date 2024-06-20 Treaty

HANOI, June 20 (VNA) -- Vo Van Thuong and Vladimir Putin signed a joint statement on comprehensive strategic partnership on Thursday.
"""
    (signing,) = extract(parse_article(text))
    assert {p.name for p in signing.participants} == {"Vo Van Thuong", "Vladimir Putin"}


def test_paying_tribute_at_a_memorial_and_an_honorary_doctorate_are_ceremonies():
    text = """ date 2024-05-06 Visit

ROME, May 6 (ANSA) - Brazilian President Luiz Inacio Lula da Silva paid homage at the Altare della Patria on Monday morning. In the afternoon he was conferred an honorary doctorate by the University of Bologna.
"""
    assert events_of(text) == [("ceremony", dt.date(2024, 5, 6)), ("ceremony", dt.date(2024, 5, 6))]


def test_a_length_told_of_something_else_is_not_the_visit_s():
    text = """ date 2020-09-16 Visit ends

ULAANBAATAR, Sept 16 (MONTSAME) -- The two-day visit of the Kazakh Foreign Minister Mukhtar Tileuberdi wrapped up today.

The officials who met him were placed under 14-day quarantine as soon as the visit ended.
"""
    visit = next(e for e in extract(parse_article(text)) if e.type == "visit")
    assert (visit.start, visit.end) == (dt.date(2020, 9, 15), dt.date(2020, 9, 16))


def test_an_office_and_he_point_back_not_to_a_leader_named_later():
    # a review of the year by the home press office: "the President" is its own, unnamed, not
    # the foreign president it names further down; nor is "he" the partner of the talks before
    text = """ date 2019-12-28 A year of diplomacy

In 2019 the President made eleven trips abroad. In March he went to Vietnam, where he held talks with General Secretary Nguyen Phu Trong in Hanoi on March 14.

He hosted Indonesian President Joko Widodo in Manila on September 3.
"""
    talks, meeting = extract(parse_article(text))
    assert (talks.type, talks.start) == ("talks", dt.date(2019, 3, 14))
    assert [p.name for p in talks.participants] == ["Nguyen Phu Trong"]
    assert (meeting.type, meeting.start) == ("meeting", dt.date(2019, 9, 3))
    assert [p.name for p in meeting.participants] == ["Joko Widodo"]
    assert set(meeting.countries) == {"ID", "PH"}


def test_a_month_told_before_the_days_does_not_hide_them():
    text = """ date 2019-12-30 Review

In June, President Moon Jae-in attended the G20 summit in Osaka, Japan, on June 28-29.
"""
    (summit,) = extract(parse_article(text))
    assert (summit.type, summit.start, summit.end) == ("summit", dt.date(2019, 6, 28), dt.date(2019, 6, 29))


def test_a_programme_lists_its_entries_under_the_day_heading():
    # a ministry's programme: lines without verbs, each opened by its time, under a day
    text = """ date 2024-03-04 Programme

Programme of the State Visit of the President of Ghana to Kenya

Tuesday, 5 March 2024
0900 hrs: Welcome ceremony at State House
1000 hrs: Bilateral talks with President William Ruto
1130 hrs: Exchanging of memoranda of understanding
1300 hrs: State luncheon hosted by President William Ruto at State House

Wednesday, 6 March 2024
1000 hrs: Departure for Accra
"""
    got = [(e.type, e.start) for e in extract(parse_article(text)) if e.type != "visit"]
    day = dt.date(2024, 3, 5)
    assert got == [("ceremony", day), ("talks", day), ("signing", day), ("banquet", day)]


def test_leaders_meeting_on_the_sidelines_is_a_meeting_not_talks():
    text = """ date 2023-11-16 Leaders meet

SAN FRANCISCO, Nov 16 (Kyodo) -- Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol on the sidelines of the APEC forum on Thursday, the pair's seventh meeting this year.
"""
    (meeting,) = [e for e in extract(parse_article(text)) if e.type != "summit"]
    assert (meeting.type, meeting.start) == ("meeting", dt.date(2023, 11, 16))


def test_receiving_letters_of_credence_is_a_ceremony():
    text = """ date 2022-05-12 Envoys

JAKARTA (Antara) - President Joko Widodo on Thursday received the letters of credence of seven ambassadors at the Merdeka Palace.
"""
    assert events_of(text) == [("ceremony", dt.date(2022, 5, 12))]


def test_a_first_meeting_since_a_year_is_still_dated_by_the_story():
    text = """ date 2023-05-04 Talks

ANKARA (AA) - Foreign Minister Mevlut Cavusoglu received his Egyptian counterpart Sameh Shoukry in Ankara on Thursday. Cavusoglu later received Armenian Foreign Minister Ararat Mirzoyan, in the first meeting between ministers of the two countries since 2009.
"""
    got = sorted((e.type, e.start, e.participants[-1].name) for e in extract(parse_article(text)))
    day = dt.date(2023, 5, 4)
    assert got == [("meeting", day, "Ararat Mirzoyan"), ("meeting", day, "Sameh Shoukry")]


def test_received_at_a_palace_today_then_the_guest_is_a_meeting_with_the_guest():
    # Gulf agencies put the place and the day between "received" and the one received
    text = """ date 2024-01-09 Emir receives minister

DOHA, January 9 (QNA) -- His Highness the Amir Sheikh Tamim bin Hamad Al Thani received at the Amiri Diwan this morning Japanese Foreign Minister Yoko Kamikawa.
"""
    (meeting,) = extract(parse_article(text))
    assert (meeting.type, meeting.start) == ("meeting", dt.date(2024, 1, 9))
    assert [p.name for p in meeting.participants] == ["Tamim bin Hamad Al Thani", "Yoko Kamikawa"]
    assert set(meeting.countries) == {"JP", "QA"}


def test_what_happened_during_a_visit_that_ended_today_is_not_today_s():
    text = """ date 2019-04-29 Visit ends

HANOI, April 29 (VNA) -- Prime Minister Nguyen Xuan Phuc on Monday wrapped up his official visit to China, during which he attended the second Belt and Road Forum in Beijing.
"""
    assert [t for t, _ in events_of(text)] == ["visit"]


def test_leaving_one_city_for_another_is_a_visit_to_the_other_and_what_it_is_for_is_there():
    text = """ date 2022-02-14 Trip

PRETORIA (SAnews) - President Cyril Ramaphosa will on Tuesday depart Pretoria for Addis Ababa, Ethiopia, to attend the African Union summit.
"""
    visit, summit = extract(parse_article(text))
    assert (visit.type, visit.start) == ("visit", dt.date(2022, 2, 15))
    assert (visit.location.city, visit.location.country) == ("Addis Ababa", "ET")
    assert summit.type == "summit" and summit.location == visit.location


def test_met_and_held_talks_on_a_day_is_one_happening_of_that_day():
    text = """ date 2023-02-15 Talks

ISLAMABAD (APP) - Turkish Foreign Minister Mevlut Cavusoglu, who arrived here on Sunday, met and held talks with his Pakistani counterpart Bilawal Bhutto Zardari on Monday.
"""
    assert sorted(events_of(text)) == [("talks", dt.date(2023, 2, 13)), ("visit", dt.date(2023, 2, 12))]


def test_the_visit_told_again_without_a_day_is_the_one_told_before():
    text = """ date 2023-09-12 Arrival

PYONGYANG, September 12 (KCNA) -- Choe Son Hui, minister of Foreign Affairs of the DPRK, arrived in Moscow on September 12.

The visit is being made at the invitation of Sergei Lavrov, foreign minister of the Russian Federation.
"""
    (visit,) = extract(parse_article(text))
    assert (visit.type, visit.start) == ("visit", dt.date(2023, 9, 12))
    assert [p.name for p in visit.participants] == ["Choe Son Hui"]


def test_who_invited_the_visitor_does_not_visit_and_a_pm_is_an_office():
    text = """ date 2024-01-10 Visit

PHNOM PENH, Jan 10 (AKP) - Prime Minister Hun Manet and his spouse arrived in Vientiane on January 10 afternoon, beginning a two-day official visit to Laos at the invitation of Lao Prime Minister Sonexay Siphandone.

A welcome ceremony for the Cambodian PM was held at the Presidential Palace.
"""
    events = extract(parse_article(text))
    (visit,) = [e for e in events if e.type == "visit"]
    ceremony = next(e for e in events if e.type == "ceremony")
    assert [p.name for p in visit.participants] == ["Hun Manet"]
    assert (visit.start, visit.end) == (dt.date(2024, 1, 10), dt.date(2024, 1, 11))
    assert [p.name for p in ceremony.participants] == ["Hun Manet"]


def test_proceeding_to_a_country_is_a_visit_there():
    text = """ date 2023-07-06 Tour

NAIROBI (KNA) - Iranian President Ebrahim Raisi concluded his visit to Kenya on Wednesday and proceeded to Uganda on Thursday.
"""
    visits = [e for e in extract(parse_article(text)) if e.type == "visit"]
    assert [(v.start, v.location.country if v.location else None) for v in visits][-1] == (
        dt.date(2023, 7, 6),
        "UG",
    )


def test_an_itinerary_line_opened_by_weekday_and_date_and_the_unga_as_a_gathering():
    text = """ date 2023-09-17 Itinerary

Here is the President's programme in New York.

Tuesday, September 19: The President will address the UNGA.
"""
    assert events_of(text) == [("summit", dt.date(2023, 9, 19))]


def test_welcomed_to_a_country_during_a_welcome_rite_is_a_visit_and_a_ceremony():
    text = """ date 2023-07-02 Arrival

WELLINGTON (RNZ) - Fiji's Prime Minister Sitiveni Rabuka was welcomed to New Zealand during a powhiri at Government House in Wellington on Sunday.

Rabuka last met Prime Minister Chris Hipkins in Suva in late-February 2023.
"""
    assert sorted(events_of(text)) == [("ceremony", dt.date(2023, 7, 2)), ("visit", dt.date(2023, 7, 2))]


def test_a_summit_between_two_countries_or_of_two_counterparts_is_their_talks():
    text = """ date 2023-04-26 Summit

WASHINGTON (Yonhap) -- A two-hour summit between South Korea and the United States began at the White House on Wednesday.

At their summit, President Yoon Suk Yeol and U.S. President Joe Biden adopted a declaration on extended deterrence.
"""
    assert [t for t, _ in events_of(text) if t in ("talks", "summit")] == ["talks"]


def test_a_meeting_scheduled_for_a_weekday_morning_is_on_that_day():
    text = """ date 2024-04-09 Visit

TOKYO (Kyodo) - At a summit meeting scheduled for Wednesday morning, Prime Minister Fumio Kishida and President Joe Biden are expected to agree on closer defence ties.
"""
    assert events_of(text) == [("talks", dt.date(2024, 4, 10))]


def test_a_visit_received_from_a_leader_is_the_leader_s_stay_since_the_day_told():
    text = """ date 2023-06-08 Visit

Jakarta: President Joko Widodo received a visit from Fiji's Prime Minister (PM) Sitiveni Rabuka at the Merdeka Palace on Thursday.

Rabuka has been in Indonesia since Tuesday (June 6).
"""
    visits = [e for e in extract(parse_article(text)) if e.type == "visit"]
    assert [(v.start, v.end, [p.name for p in v.participants]) for v in visits] == [
        (dt.date(2023, 6, 6), dt.date(2023, 6, 8), ["Sitiveni Rabuka"])
    ]


def test_being_the_first_leader_hosted_by_someone_tells_who_one_is_not_a_meeting():
    text = """ date 2023-03-28 Visit

BERLIN (DPA) - President Emmanuel Macron will be the first head of state hosted by the new Chancellor Friedrich Merz.
"""
    assert [t for t, _ in events_of(text)] == []


def test_a_guest_who_arrived_for_a_visit_is_on_it_the_day_told():
    text = """ date 2024-07-02 Talks

ASTANA, July 2 (Kazinform) - President Kassym-Jomart Tokayev met Turkish President Recep Tayyip Erdogan, who arrived in Kazakhstan for a state visit, at the Akorda Presidential Palace.
"""
    assert sorted(events_of(text)) == [("meeting", dt.date(2024, 7, 2)), ("visit", dt.date(2024, 7, 2))]


def test_received_at_the_airport_lounge_is_the_arrival_not_a_meeting():
    text = """ date 2019-05-20 Arrival

Kathmandu, May 20 (IANS) President Bidhya Devi Bhandari received Sri Lankan President Maithripala Sirisena at the VVIP lounge of the Tribhuvan International Airport.
"""
    assert [t for t, _ in events_of(text)] == ["visit"]


def test_a_day_hung_from_the_first_of_joined_gatherings_is_both_s():
    text = """ date 2022-09-20 Call

ASTANA (Kazinform) - The two presidents discussed the agreements reached within the framework of the SCO and CSTO summits held on September 15-16 in Samarkand.
"""
    assert events_of(text) == [("summit", dt.date(2022, 9, 15))]
