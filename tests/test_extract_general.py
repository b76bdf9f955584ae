"""Rules of diplomatic English that hold across agencies, each on a short article written for it."""

from __future__ import annotations

import datetime as dt

from timeline import extract, parse_article
from timeline.people import PeopleIndex


def events_of(text: str) -> list[tuple[str, dt.date]]:
    return [(e.type, e.start) for e in extract(parse_article(text))]


def test_a_brief_encounter_on_the_margins_is_a_meeting():
    events = events_of(
        """ date 2025-06-14 Leaders cross paths at summit

OTTAWA, June 13 (CP) -- Prime Minister Anna Kowalski had a brief encounter with Brazilian President Lucas Pereira on Friday before the group photo.
"""
    )
    assert ("meeting", dt.date(2025, 6, 13)) in events


def test_welcomed_to_the_seat_of_government_is_a_meeting():
    (meeting,) = extract(
        parse_article(
            """ date 2025-03-04 PM meeting with President Silva of Portugal: 4 March 2025

This morning the Prime Minister welcomed President Rui Silva of Portugal to Downing Street. The leaders discussed trade.
"""
        )
    )
    assert (meeting.type, meeting.start) == ("meeting", dt.date(2025, 3, 4))
    assert meeting.location is not None and meeting.location.city == "London"


def test_a_host_with_a_titled_guest_is_a_meeting_and_continued_discussions_another():
    events = events_of(
        """ date 2025-02-10 Secretary's meeting with Foreign Minister Tanaka

Secretary of State Jane Doe hosted Japanese Foreign Minister Kenji Tanaka today in Washington. The Secretary and Foreign Minister Tanaka will continue their discussions on Tuesday, February 11.
"""
    )
    assert ("meeting", dt.date(2025, 2, 10)) in events
    assert ("meeting", dt.date(2025, 2, 11)) in events


def test_received_in_audience_is_a_meeting():
    events = events_of(
        """ date 2025-05-20 Audience

AMMAN, May 20 (Petra) -- His Majesty King Hassan received in audience on Tuesday the visiting Foreign Minister of Chile, Pablo Rojas.
"""
    )
    assert events == [("meeting", dt.date(2025, 5, 20))]


def test_a_bilateral_meeting_is_talks_and_a_scheduled_weekday_lies_ahead():
    events = events_of(
        """ date 2025-11-08 Leaders chat at dinner

MANILA, Nov 8 (PTI) -- The brief chat came ahead of their scheduled bilateral meeting on Monday, officials said.
"""
    )
    assert events == [("talks", dt.date(2025, 11, 10))]


def test_separate_meetings_are_one_meeting_each():
    events = extract(
        parse_article(
            """ date 2025-11-08 PM meets leaders

MANILA, Nov 8 (PTI) -- Prime Minister Ravi Sharma on Saturday held separate meetings with Vietnamese President Tran Van Minh and Thai Prime Minister Somchai Wong.
"""
        )
    )
    pairs = sorted(tuple(sorted(p.name for p in e.participants)) for e in events if e.type == "meeting")
    assert pairs == [("Ravi Sharma", "Somchai Wong"), ("Ravi Sharma", "Tran Van Minh")]


def test_a_reception_hosted_by_a_leader_is_a_banquet_not_the_summit():
    events = events_of(
        """ date 2025-11-08 Leaders gather

MANILA, Nov 8 (PTI) -- On Saturday the prime minister chatted with leaders at the reception for the leaders who have arrived in Manila for the ASEAN summit. The reception hosted by President Jose Cruz was held at a convention centre.
"""
    )
    assert events == [("banquet", dt.date(2025, 11, 8))]


def test_a_recent_visit_and_talks_so_far_are_background():
    events = events_of(
        """ date 2025-04-02 PM meeting with Prime Minister Novak: 2 April 2025

This afternoon the Prime Minister welcomed Prime Minister Ivan Novak of Croatia to Downing Street. She thanked him for the welcome given to the Foreign Secretary on her recent visit to Zagreb. Prime Minister Novak welcomed the role the UK had played in the talks so far.
"""
    )
    assert events == [("meeting", dt.date(2025, 4, 2))]


def test_a_summit_held_this_autumn_has_no_day():
    events = events_of(
        """ date 2025-04-02 PM call

The Prime Minister welcomed President Mia Berg of Finland to Downing Street today. They spoke about the Energy Summit which will be held this autumn.
"""
    )
    assert [t for t, _ in events] == ["meeting"]


def test_a_fronted_back_reference_adds_no_second_happening():
    events = events_of(
        """ date 2025-09-03 Talks in Hanoi

HANOI, Sept. 3 (VNA) -- President Nguyen Van An and visiting Kenyan President David Otieno held talks on Wednesday. Following the bilateral meeting, the two leaders witnessed the signing of five agreements.
"""
    )
    assert sorted(t for t, _ in events) == ["signing", "talks"]


def test_the_lead_day_frames_the_story_and_the_margins_of_a_summit_mean_attending_it():
    events = extract(
        parse_article(
            """ date 2025-06-15 PM meets leaders at summit

Prime Minister Sara Lind of Sweden had a brief encounter with Mexican President Ana Ruiz on Friday on the margins of the G7 Summit in Canada.
Lind also had a brief encounter with Kenyan President Peter Kamau before the family photo.
"""
        )
    )
    got = sorted((e.type, e.start) for e in events)
    friday = dt.date(2025, 6, 13)
    assert got == [("meeting", friday), ("meeting", friday), ("summit", friday)]
    # No city is told: the country named as the place is kept.
    assert all(
        e.location is not None and (e.location.city, e.location.country) == (None, "CA") for e in events
    )


def test_the_length_of_a_trip_just_ended_is_not_the_new_stay():
    (visit,) = extract(
        parse_article(
            """ date 2025-11-17 PM in Lima

LIMA, Nov 17 (PTI) -- Prime Minister Ravi Sharma arrived in Lima on Sunday after concluding a three-day trip to Chile.
"""
        )
    )
    assert (visit.type, visit.start, visit.end) == ("visit", dt.date(2025, 11, 16), None)


def test_a_city_told_with_a_past_time_is_not_where_the_story_happens():
    (meeting,) = extract(
        parse_article(
            """ date 2025-11-19 PM meets President in Lima

Prime Minister Ravi Sharma met Peruvian President Luis Soto on Tuesday. He praised the Pan American Games held in Santiago earlier this year.
The two leaders spoke in Lima about trade.
"""
        )
    )
    assert meeting.location is not None and meeting.location.city == "Lima"


def test_informal_talks_are_a_meeting_and_talks_scheduled_for_a_weekday_lie_ahead():
    events = extract(
        parse_article(
            """ date 2025-03-10 Presidents to meet

MOSCOW, March 10. /TASS/. The Russian president and visiting Mongolian President Bat Erdene will hold informal talks on Tuesday evening, the Kremlin spokesman said.
"These contacts will be held in Kazan," he said. The full-scale talks are scheduled for Wednesday.
The two leaders plan to sign documents after the talks. They want to discuss issues in private before the official talks.
"""
        )
    )
    got = sorted((e.type, e.start) for e in events)
    assert got == [("meeting", dt.date(2025, 3, 11)), ("talks", dt.date(2025, 3, 12))]
    # The announced venue beats the dateline.
    assert all(e.location is not None and e.location.city == "Kazan" for e in events)


def test_after_the_ceremony_takes_the_ceremony_day_not_the_start_of_the_stay():
    events = events_of(
        """ date 2025-05-13 Welcome ceremony for President Okafor

Chinese President Li Ming chaired a welcome ceremony for Nigerian President Ade Okafor in Beijing on May 13 morning.
President Okafor is paying a state visit to China from May 12-15.
After the welcome ceremony, the two leaders held talks.
"""
    )
    assert ("talks", dt.date(2025, 5, 13)) in events
    assert [t for t, _ in events].count("ceremony") == 1


def test_what_happened_during_a_span_without_a_day_is_not_dated():
    events = events_of(
        """ date 2025-06-10 Premier back home

BEIJING (Xinhua) - The premier returned to Beijing on Sunday evening.
He paid official visits to Peru and Chile from May 31 to June 6.
During the visit, he also held talks with the leaders of five Andean nations in Lima.
"""
    )
    assert ("talks", dt.date(2025, 6, 8)) not in events
    assert ("talks", dt.date(2025, 5, 31)) not in events


def test_continued_talks_are_talks():
    events = events_of(
        """ date 2025-09-26 Talks go on

WASHINGTON, Sept. 26 (Xinhua) -- The two presidents continued their three-hour talks on Friday at the White House.
"""
    )
    assert events == [("talks", dt.date(2025, 9, 26))]


def test_a_joint_press_statement_issued_is_a_document_not_a_press_event():
    events = events_of(
        """ date 2025-02-20 Joint statement

ISLAMABAD: Pakistan and Kenya agreed to expand trade, according to a joint press statement issued here on Wednesday.
"""
    )
    assert [t for t, _ in events] == []


def test_a_leader_without_a_country_does_not_take_the_country_of_a_holder_of_the_same_office():
    (call,) = extract(
        parse_article(
            """ date 2025-10-12 Presidents discuss ties in phone call

President His Highness Sheikh Khalid bin Saeed Al Falasi and US President John Carter held a phone call today. The US and the UAE are friends; the US will keep working with the UAE, and the US and the UAE will meet again.
"""
        )
    )
    assert call.type == "call"
    assert set(call.countries) == {"US", "AE"}


def test_a_press_conference_transcript_is_a_press_event_on_its_day():
    events = extract(
        parse_article(
            """ date 2025-05-26 Press Conference by Prime Minister Sato Regarding the Japan-Philippines Summit Meeting

May 26, 2025

(On the summit meeting)

Earlier today, we held a Japan-Philippines summit meeting with President Reyes.
"""
        )
    )
    press = [e for e in events if e.type == "press"]
    assert [(e.start, [p.name for p in e.participants]) for e in press] == [(dt.date(2025, 5, 26), ["Sato"])]


def test_a_visit_told_only_by_the_headline_is_on_the_dateline_day():
    events = events_of(
        """ date 2025-12-12 President warmly welcomed upon state visit to Laos

VIENTIANE, Dec. 12 (Xinhua) -- A jet bearing the national flag made a graceful descent at Wattay International Airport on Friday noon. President Tran Quoc Binh stepped out of the cabin, greeting the crowd.
"""
    )
    assert ("visit", dt.date(2025, 12, 12)) in events
    planned = events_of(
        """ date 2025-12-10 President to pay state visit to Laos

VIENTIANE, Dec. 10 (Xinhua) -- President Tran Quoc Binh will travel abroad soon, officials said.
"""
    )
    assert planned == []


def test_a_welcoming_parade_is_a_ceremony():
    events = events_of(
        """ date 2025-11-21 President in London

LONDON, Nov 21 (SAPA) - President Thabo Ndlovu arrived in London on Monday. On Tuesday, he will be escorted to the ceremonial Horse Guards welcoming parade.
"""
    )
    assert ("ceremony", dt.date(2025, 11, 25)) in events


def test_a_day_of_a_stay_or_days_later_is_not_told():
    events = events_of(
        """ date 2025-10-01 President welcomes guest

President Ana Lopez met Monday with her visiting Chilean counterpart Pablo Diaz in the capital. During his stay in the capital, Diaz also held an encounter with Foreign Minister Rosa Vega.
The president had attended Diaz's inauguration on March 11. Days later, the foreign minister visited Diaz on a visit to Chile.
"""
    )
    assert events == [("meeting", dt.date(2025, 9, 29))]


def test_a_visit_abroad_is_placed_in_the_country_visited_not_the_dateline():
    (visit,) = extract(
        parse_article(
            """ date 2025-04-23 PM returns home

ISLAMABAD: Prime Minister Ali Raza paid an official visit to the Republic of Uzbekistan from April 21-22, 2025.
"""
        )
    )
    assert visit.location is not None and (visit.location.city, visit.location.country) == (None, "UZ")
    # The agency's own leader, named without a country, is from the country it writes from.
    assert set(visit.countries) == {"PK", "UZ"}


def test_a_country_after_to_is_where_a_leader_went_and_an_appositive_names_his_own():
    people = PeopleIndex()
    people.scan(
        "A joint communique issued in Colombo and Male at the conclusion of the visit of Prime Minister "
        "Ravi Perera to Maldives said both leaders agreed to cooperate."
    )
    people.scan(
        "At the invitation of the Honourable Tun Dr. Aziz Rahman, Prime Minister of Malaysia, the leaders of "
        "Malaysia and Bangladesh met. In Malaysia, His Excellency Kamal Haidar, Prime Minister of Bangladesh "
        "undertook an official visit to Malaysia from 20-21 July 2025."
    )
    countries = {p.name: p.country for p in people.people}
    assert countries["Ravi Perera"] is None
    assert countries["Aziz Rahman"] == "MY"
    assert countries["Kamal Haidar"] == "BD"


def test_a_leader_named_on_behalf_of_is_not_there():
    (ceremony,) = [
        e
        for e in extract(
            parse_article(
                """ date 2025-12-08 Welcome ceremony

DOHA, Dec. 8 (Xinhua) -- Visiting Chilean President Pablo Rojas on Monday attended a welcoming ceremony held by Qatari Prime Minister Sheikh Khalid bin Ali Al Thani on behalf of Emir Sheikh Hamad bin Jassim Al Thani at the palace.
"""
            )
        )
        if e.type == "ceremony"
    ]
    assert {p.name for p in ceremony.participants} == {"Pablo Rojas", "Khalid bin Ali Al Thani"}


def test_welcoming_a_decision_is_no_meeting():
    events = events_of(
        """ date 2025-03-05 PM statement on trade

The Prime Minister welcomed progress made by the negotiating teams to Downing Street officials. The Chancellor hosted a conference on investment on Tuesday.
Ministers will continue their discussions next month.
"""
    )
    assert [t for t, _ in events if t == "meeting"] == []


def test_a_national_agency_writing_abroad_gives_its_own_leaders_their_country():
    events = extract(
        parse_article(
            """ date 2025-07-10 PM in Brasilia

BRASILIA, July 9 (PTI) Prime Minister Ravi Sharma on Tuesday held talks with Brazilian President Joao Costa.
"""
        )
    )
    (talks,) = events
    assert {p.name: p.country for p in talks.participants} == {"Ravi Sharma": "IN", "Joao Costa": "BR"}


def test_an_arrival_day_told_with_the_span_of_the_stay_frames_what_follows():
    events = events_of(
        """ date 2025-03-18 Xi in Moscow

MOSCOW, March 18 (Xinhua) -- The president arrived in Moscow on Monday for a state visit to Russia from March 17 to 19.
The president held talks with his Russian counterpart.
"""
    )
    assert ("talks", dt.date(2025, 3, 17)) in events


def test_hosting_a_guest_for_dinner_is_a_banquet_not_a_meeting():
    events = events_of(
        """ date 2025-04-09 Dinner

WASHINGTON, April 9 (AP) — President John Carter hosted Japanese Prime Minister Ken Sato for a working dinner at the White House on Tuesday.
"""
    )
    assert events == [("banquet", dt.date(2025, 4, 8))]


def test_the_demonym_and_title_point_back_to_the_one_holder():
    events = extract(
        parse_article(
            """ date 2025-02-14 Leaders meet

NAIROBI, Feb 13 (KNA) -- Indian Prime Minister Ravi Sharma met Kenyan President Peter Kamau on Thursday.
Later, the Kenyan President hosted a banquet in honour of Sharma.
"""
        )
    )
    (banquet,) = [e for e in events if e.type == "banquet"]
    assert {p.name for p in banquet.participants} == {"Ravi Sharma", "Peter Kamau"}


def test_the_visit_of_a_leader_to_a_country_on_the_programme_day():
    events = events_of(
        """ date 2025-03-10 Kremlin on the week ahead

MOSCOW, March 10. /TASS/. The Russian president and visiting Mongolian President Bat Erdene will hold informal talks on Tuesday evening, the spokesman said.
"This will be a busy week. We will have a part linked to the visit of Mongolian President Bat Erdene to Russia," he said.
"""
    )
    assert ("visit", dt.date(2025, 3, 11)) in events


def test_talks_continued_from_an_earlier_day_are_told_on_the_day_of_the_story():
    events = events_of(
        """ date 2025-09-26 State visit

WASHINGTON, Sept. 26 (Xinhua) -- The president welcomed his guest at an official arrival ceremony on Friday.
Following the welcome ceremony the two presidents continued their talks from Thursday night.
"""
    )
    assert ("talks", dt.date(2025, 9, 26)) in events


def test_a_date_and_place_line_is_the_dateline_and_documents_were_signed_is_a_signing():
    events = extract(
        parse_article(
            """ date 2025-05-20 Talks with President of Laos

May 20, 2025, The Kremlin, Moscow

Vladimir Putin held talks with President of the Lao People's Democratic Republic Somsak Vong, who is in Russia on an official visit.
Following the Russian-Lao talks, a number of documents were signed in the presence of the two leaders.
"""
        )
    )
    got = {(e.type, e.start) for e in events}
    day = dt.date(2025, 5, 20)
    assert {("talks", day), ("signing", day)} <= got
    assert all(e.location is not None and e.location.city == "Moscow" for e in events)


def test_after_a_span_the_next_day_told_frames_what_follows():
    events = events_of(
        """ date 2025-04-15 Visit of President of Ghana to India (April 14-16, 2025)

President of Ghana, H.E. Mr. Kwame Mensah, is on a State Visit to India from April 14-16, 2025. President Mensah was accorded a ceremonial welcome at Rashtrapati Bhavan this morning. Later, Prime Minister Shri Ravi Sharma held talks with President Mensah at Hyderabad House.
"""
    )
    assert ("talks", dt.date(2025, 4, 15)) in events


def test_a_surname_with_the_arabic_article_is_also_written_without_it():
    (press,) = [
        e
        for e in extract(
            parse_article(
                """ date 2025-06-04 Leaders meet

ANKARA, June 4 (Reuters) - Turkish President Kemal Aydin hosted Egyptian President Omar al-Masri on Wednesday.
Aydin and Masri held a joint news conference on Wednesday evening.
"""
            )
        )
        if e.type == "press"
    ]
    assert {p.name for p in press.participants} == {"Kemal Aydin", "Omar al-Masri"}


def test_meetings_on_the_sidelines_on_later_days_tell_one_summit_attended_from_its_first_day():
    events = extract(
        parse_article(
            """ date 2025-07-07 BRICS summit

RIO DE JANEIRO, July 7 (Xinhua) -- Chinese Premier Li Qiang on Sunday met with Indonesian President Budi Santoso on the sidelines of the BRICS summit in Rio de Janeiro.
On Monday, Li met with Malaysian Prime Minister Aziz Rahman on the sidelines of the summit.
"""
        )
    )
    summits = [(e.start, e.end) for e in events if e.type == "summit"]
    assert summits == [(dt.date(2025, 7, 6), dt.date(2025, 7, 7))]
    assert sorted(e.start for e in events if e.type == "meeting") == [
        dt.date(2025, 7, 6),
        dt.date(2025, 7, 7),
    ]


def test_a_courtesy_call_on_the_president_and_a_day_in_a_relative_clause():
    events = events_of(
        """ date 2025-08-21 Modi holds talks

NEW DELHI: Prime Minister Ravi Sharma on Thursday held talks with visiting Australian Prime Minister Sam Clarke. Clarke, who arrived in New Delhi on Wednesday on a three-day visit, also called on President Asha Rao.
The minister called on President Rao to release the prisoners.
"""
    )
    thursday = dt.date(2025, 8, 21)
    assert ("meeting", thursday) in events
    assert ("visit", dt.date(2025, 8, 20)) in events
    assert [t for t, _ in events].count("meeting") == 1


def test_a_lunch_for_business_leaders_is_no_banquet():
    events = events_of(
        """ date 2025-08-21 PM in Delhi

NEW DELHI, Aug 21 (PTI) The visiting prime minister hosted a lunch for Indian business leaders on Wednesday. On Thursday, President Asha Rao hosted a banquet in honour of the visiting prime minister.
"""
    )
    assert events == [("banquet", dt.date(2025, 8, 21))]


def test_a_vague_time_opening_the_clause_leaves_the_day_untold():
    events = events_of(
        """ date 2025-09-13 Presidents meet in Washington

WASHINGTON (AP) — President John Carter met Croatian President Ivan Novak at the White House on Friday, days after the two leaders spoke by phone.
Earlier this week, Novak held talks with German Chancellor Hans Weber in Berlin.
Carter held talks with Novak again on Saturday, days after the summit.
"""
    )
    assert sorted(events) == [("meeting", dt.date(2025, 9, 12)), ("talks", dt.date(2025, 9, 13))]


def test_the_day_a_plan_was_announced_is_not_the_day_of_the_plan():
    events = events_of(
        """ date 2025-12-04 Premier to attend summit

BEIJING, Dec. 3 (Xinhua) -- Chinese Premier Li Ming will attend the first China-Andean Summit, a foreign ministry spokesperson told reporters on Wednesday.
Li will attend the summit in Lima and pay an official visit to Peru, the spokesperson said at a regular news briefing.
"""
    )
    assert events == []


def test_arriving_at_a_hall_is_no_visit_but_arriving_at_the_airport_is():
    events = events_of(
        """ date 2025-09-04 Summit opens

HANGZHOU, Sept. 4 (Xinhua) -- At 3:00 p.m., leaders of the member states arrived at the meeting hall one after another. The envoy's visit to the region ended.
"""
    )
    assert [t for t, _ in events if t == "visit"] == []
    events = events_of(
        """ date 2025-11-22 Double welcome

SUVA, Nov. 21 (Xinhua) -- The president received two welcomes on Friday, one when he arrived at the airport.
"""
    )
    assert ("visit", dt.date(2025, 11, 21)) in events


def test_a_spokesperson_press_conference_transcript_is_no_event():
    events = events_of(
        """ date 2025-05-26 Press Conference by the Press Secretary

May 26, 2025

Questions on the weather were asked.
"""
    )
    assert events == []


def test_a_day_in_a_dashed_relative_clause_does_not_frame_the_story():
    events = events_of(
        """ date 2025-11-19 PM meets leaders in Lima

PM Sharma -- who arrived in the Peruvian capital on Sunday after concluding a two-day trip to Chile -- has met leaders of several countries on the sidelines of the summit.
Prime Minister Ravi Sharma met Mexican President Ana Ruiz on the sidelines of the APEC Summit on Tuesday.
Earlier in the day, Sharma met Japanese Prime Minister Ken Sato.
"""
    )
    tuesday = dt.date(2025, 11, 18)
    assert ("visit", dt.date(2025, 11, 16)) in events
    assert [d for t, d in events if t == "meeting"] == [tuesday, tuesday]


def test_talks_with_counterparts_from_a_list_of_countries_are_one_gathering_of_them_all():
    (talks,) = extract(
        parse_article(
            """ date 2025-05-20 Foreign minister at ministerial meeting

NAIROBI, May 20 (KNA) -- Foreign Minister Ruth Wanjiku held talks with counterparts from Ghana, Senegal, Brazil and Chile on Tuesday.
"""
        )
    )
    assert talks.type == "talks"
    assert {"KE", "GH", "SN", "BR", "CL"} <= set(talks.countries)


def test_a_title_abbreviation_opening_a_name_is_the_office_not_the_name():
    events = extract(
        parse_article(
            """ date 2025-03-02 EAM Rao meets Kenyan counterpart

New Delhi, Mar 2 (PTI) -- External Affairs Minister Vikram Rao on Sunday held talks with his Kenyan counterpart Ruth Wanjiku.

EAM Rao also met President Daniel Otieno.
"""
        )
    )
    names = {p.name for e in events for p in e.participants}
    assert "Vikram Rao" in names
    assert not any(n.startswith("EAM") for n in names)
    talks = next(e for e in events if e.type == "talks")
    assert {"IN", "KE"} <= set(talks.countries)


def test_a_visit_told_elsewhere_places_and_dates_what_happens_during_it():
    events = extract(
        parse_article(
            """ date 2025-09-12 Minister in Lombok for ASEAN meeting

Manila: Foreign Secretary Teresa Cruz on Friday held talks with her Japanese counterpart Kenji Sato on the sidelines of the ASEAN foreign ministers' meeting in the Indonesian city of Lombok.

The foreign secretary began her two-day visit to Lombok on Thursday.

On the first day of her visit, Cruz held talks with counterparts from Brazil, Chile and Kenya.

The foreign secretary also met Fijian Prime Minister Josaia Rabuka.
"""
        )
    )
    talks = sorted((e for e in events if e.type == "talks"), key=lambda e: e.start)
    assert [t.start for t in talks] == [dt.date(2025, 9, 11), dt.date(2025, 9, 12)]
    for e in events:
        assert e.location is not None and (e.location.city, e.location.country) == ("Lombok", "ID")
    assert {"PH", "BR", "CL", "KE", "ID"} <= set(talks[0].countries)
    assert ("meeting", dt.date(2025, 9, 11)) in [(e.type, e.start) for e in events]


def test_a_leader_named_without_a_country_is_not_of_the_foreign_guest_beside_him():
    events = extract(
        parse_article(
            """ date 2025-04-08 Bolivian leader in Santiago

Prime Minister Tomas Reyes on Tuesday held talks with Bolivian President Ana Quispe at the presidential palace in Santiago.

Quispe said Bolivia wanted closer ties. Bolivia and Chile have long disputed access to the sea, and Bolivian exporters want a port.
"""
        )
    )
    talks = next(e for e in events if e.type == "talks")
    by_name = {p.name: p.country for p in talks.participants}
    assert by_name == {"Tomas Reyes": "CL", "Ana Quispe": "BO"}


def test_the_place_of_an_earlier_meeting_is_not_where_this_one_is():
    events = extract(
        parse_article(
            """ date 2025-06-03 Leaders meet again

President Lea Novak with Austrian Chancellor Karl Huber during a past visit to Vienna. PHOTO | FILE

President Lea Novak on Tuesday received Austrian Chancellor Karl Huber. The two leaders had last met in Salzburg in May. Huber is staying in Ljubljana until Wednesday.
"""
        )
    )
    for e in events:
        assert e.location is not None and e.location.city == "Ljubljana"
    assert events


def test_what_a_sentence_places_nowhere_happened_where_the_story_placed_that_day():
    events = extract(
        parse_article(
            """ date 2025-08-06 President receives Fijian leader

Jakarta: President Budi Santoso received Fijian Prime Minister Ratu Naqali at the presidential palace in Bogor on Wednesday.

The two leaders then held talks and signed a memorandum on fisheries.
"""
        )
    )
    assert {e.type for e in events} >= {"talks", "signing"}
    for e in events:
        assert e.location is not None and e.location.city == "Bogor"


def test_signing_a_domestic_proclamation_is_not_a_diplomatic_signing():
    events = events_of(
        """ date 2025-05-21 The president's schedule

WASHINGTON, May 21 (AP) -- In the afternoon, the President travels to the Interior Department to sign a proclamation establishing the Red Mountains National Monument.
"""
    )
    assert not any(kind == "signing" for kind, _ in events)


def test_an_arrival_in_recent_months_has_no_day():
    events = events_of(
        """ date 2025-11-20 Credentials ceremony in the Kremlin

MOSCOW, November 20 -- The President received the credentials of twelve new ambassadors on Thursday. All these diplomats arrived in Moscow in recent months.
"""
    )
    assert not any(kind == "visit" for kind, _ in events)


def test_travel_to_a_country_on_a_stated_day_is_a_visit():
    events = events_of(
        """ date 2025-03-10 Prime Minister to attend forum

CANBERRA, March 10 (AAP) -- Prime Minister Jane Hollis will travel to Samoa on Wednesday, 12 March for the Pacific leaders' forum in Apia.
"""
    )
    assert ("visit", dt.date(2025, 3, 12)) in events


def test_a_name_opened_by_a_bare_initial_is_kept():
    (talks,) = [
        e
        for e in extract(
            parse_article(
                """ date 2025-02-14 Minister holds talks in Manila

MANILA: External Affairs Minister K Natarajan on Monday held talks with Philippine Foreign Secretary Maria Santos.
"""
            )
        )
        if e.type == "talks"
    ]
    assert {p.name: p.country for p in talks.participants} == {"K Natarajan": "IN", "Maria Santos": "PH"}


def test_who_travels_to_a_country_is_not_from_it():
    events = extract(
        parse_article(
            """ date 2025-03-10 Prime Minister to attend forum

Prime Minister Jane Hollis will travel to Samoa on Wednesday, 12 March for the Pacific Islands Forum Leaders' Meeting in Apia.

It will be her first visit to the Pacific. Australia is a founding member of the Forum, and Samoa, which hosts it this year, welcomed the leaders of Samoa's neighbours.
"""
        )
    )
    visit = next(e for e in events if e.type == "visit")
    assert visit.participants[0].country == "AU"


def test_a_dateline_of_places_before_the_day_tells_where():
    (signing,) = [
        e
        for e in extract(
            parse_article(
                """ date 2024-03-11 Ministers sign memoranda

State House, Accra, Ghana, Monday 11 March 2024 – Foreign Minister Ama Boateng has signed three memoranda of understanding with her Togolese counterpart Koffi Agbeko.
"""
            )
        )
        if e.type == "signing"
    ]
    assert signing.location is not None and (signing.location.city, signing.location.country) == (
        "Accra",
        "GH",
    )


def test_a_host_to_be_on_a_named_day_is_a_meeting_that_day():
    events = events_of(
        """ date 2025-07-08 President to host allies

WASHINGTON, July 8 (Reuters) - Thursday will see President Dan Moore host Polish President Piotr Nowak at the White House, a spokesperson confirmed.
"""
    )
    assert ("meeting", dt.date(2025, 7, 10)) in events


def test_leaders_meeting_one_to_one_hold_talks_and_guests_at_a_ceremony_are_no_new_one():
    events = events_of(
        """ date 2025-11-20 President welcomes emir

ANKARA, Nov 20 (AA) -- President Kemal Aydin on Thursday welcomed Kuwait's Emir Sabah Al Jaber with an official ceremony in Ankara. The two leaders then met one-to-one.

Among the attendees of the welcoming ceremony were Foreign Minister Ali Demir and Trade Minister Elif Kaya.

Later, the leaders will hold an inter-delegation meeting with a signatory ceremony.
"""
    )
    day = dt.date(2025, 11, 20)
    assert ("talks", day) in events and ("signing", day) in events
    assert [k for k, _ in events].count("ceremony") == 1


def test_a_meeting_told_in_the_past_perfect_is_background():
    events = events_of(
        """ date 2025-04-13 Ministers hold talks

TASHKENT, April 13 (ANI) -- Foreign Minister Ivan Petrov on Thursday held talks with his Chinese counterpart Li Wei in Tashkent. Petrov had previously met Li on the sidelines of a ministerial meeting this March.
"""
    )
    assert [k for k, _ in events if k in ("talks", "meeting")] == ["talks"]


def test_a_headline_meets_is_the_talks_its_story_tells():
    events = events_of(
        """ date 2025-05-21 PM meets Chancellor Vogel in Berlin

PM meets Chancellor Vogel in Berlin

Prime Minister Tom Harris has held talks with German Chancellor Lena Vogel in Berlin.
"""
    )
    assert events == [("talks", dt.date(2025, 5, 21))]
