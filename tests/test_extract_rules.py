"""Each extraction rule on a short article written for it, in the style of an agency."""

from __future__ import annotations

import datetime as dt

from timeline import extract, parse_article
from timeline.places import find_place


def events_of(text: str) -> list[tuple[str, dt.date]]:
    return [(e.type, e.start) for e in extract(parse_article(text))]


def test_tass_programme_of_the_day_counts_what_will_follow():
    # The lead reports the day's first happening; the rest of the programme is told in "will".
    events = extract(
        parse_article(
            """ date 2024-05-16 Putin welcomes Xi

BEIJING, May 16. /TASS/. Chinese President Xi Jinping has welcomed Russian President Vladimir Putin at an official ceremony on Tianan'men Square on Thursday.
The leaders will then hold talks in a narrow format. The signing of documents will follow. The day will end with a state banquet.
"""
        )
    )
    got = {(e.type, e.start) for e in events}
    day = dt.date(2024, 5, 16)
    assert got == {("ceremony", day), ("talks", day), ("signing", day), ("banquet", day)}
    assert all(e.location and e.location.city == "Beijing" for e in events)


def test_what_will_happen_tomorrow_sets_the_day_for_the_next_plans():
    events = events_of(
        """ date 2019-03-04 Visit of the Prime Minister of New Zealand

The Prime Minister of New Zealand began an official visit to Singapore today. Prime Minister Jacinda Ardern will receive an official welcome at the Istana tomorrow. The two Prime Ministers will also witness the signing of an agreement.
"""
    )
    assert ("ceremony", dt.date(2019, 3, 5)) in events
    assert ("signing", dt.date(2019, 3, 5)) in events


def test_plans_during_a_visit_without_a_day_are_not_events():
    events = events_of(
        """ date 2013-03-22 Xi arrives

MOSCOW, March 22 (Xinhua) -- Chinese President Xi Jinping arrived in Moscow Friday for a state visit to Russia.
During his visit, Xi will hold talks with his Russian counterpart Vladimir Putin.
"""
    )
    assert [t for t, _ in events] == ["visit"]


def test_summit_needs_someone_taking_part_or_its_opening():
    events = events_of(
        """ date 2023-08-22 Summit opens

JOHANNESBURG, Aug. 22 (Reuters) - Delegates arrived for the 15th BRICS Summit, taking place in Johannesburg from 22 to 24 August.
Iran's foreign minister wished a complete success for the BRICS Summit on Tuesday.
A member of the Standing Committee of the National People's Political Consultative Conference spoke on Tuesday.
"""
    )
    assert events == [("summit", dt.date(2023, 8, 22))]
    (summit,) = extract(
        parse_article(
            " date 2023-08-22 x\n\nJOHANNESBURG, Aug. 22 (Reuters) - Leaders arrived for the 15th BRICS Summit, taking place from 22 to 24 August.\n"
        )
    )
    assert summit.end == dt.date(2023, 8, 24)


def test_attending_a_summit_over_the_weekend():
    events = extract(
        parse_article(
            """ date 2015-11-25 Premier back

SUZHOU, Nov. 24 (Xinhua) -- Chinese Premier Li Keqiang arrived after attending the East Asia Summit in Kuala Lumpur over the weekend.
"""
        )
    )
    summit = next(e for e in events if e.type == "summit")
    assert (summit.start, summit.end) == (dt.date(2015, 11, 21), dt.date(2015, 11, 22))
    assert summit.location is not None and summit.location.city == "Kuala Lumpur"


def test_being_met_with_flags_or_meeting_business_people_is_no_meeting():
    events = events_of(
        """ date 2023-08-21 Arrivals

PRETORIA, Aug. 21 (AP) — Officials were met with flags and music on Monday. The prime minister met with top business leaders on Monday.
"""
    )
    assert events == []


def test_headline_style_meetings_take_the_protagonist_and_stay_apart():
    events = extract(
        parse_article(
            """ date 2015-09-06 The premier's week in pictures

Premier Li Keqiang had a busy week of diplomacy in Beijing.
Meeting with Kazakh President Nursultan Nazarbayev on Sept 1
Meeting with Egyptian President Abdel Fattah al-Sisi on Sept 2
Meeting with Serbian President Tomislav Nikolic on Sept 2
"""
        )
    )
    meetings = [e for e in events if e.type == "meeting"]
    assert [e.start.day for e in meetings] == [1, 2, 2]
    assert [sorted(e.countries) for e in meetings] == [["CN", "KZ"], ["CN", "EG"], ["CN", "RS"]]
    assert all("Li Keqiang" in {p.name for p in e.participants} for e in meetings)


def test_courtesy_call_welcome_and_order_conferred():
    events = events_of(
        """ date 2014-04-28 State visit

MANILA, April 28 (PNA) -- President Barack Obama paid a courtesy call on President Benigno Aquino III at Malacanang Palace on Monday. He received an official welcome earlier in the day. Aquino conferred the Order of Sikatuna on Obama on Monday evening.
"""
    )
    day = dt.date(2014, 4, 28)
    assert ("meeting", day) in events
    assert ("ceremony", day) in events


def test_proceeding_for_talks_is_talks():
    text = " date 2023-07-25 x\n\nANKARA, July 25 (AA) - The two presidents then proceeded to the main hall for talks.\n"
    assert events_of(text) == [("talks", dt.date(2023, 7, 25))]


def test_a_visit_named_as_a_noun_takes_only_a_near_date():
    events = events_of(
        """ date 2013-03-22 Interview

MOSCOW, March 22 (Xinhua) -- In a joint interview on Tuesday with reporters from five countries, which was broadcast widely across the region, the president said that his visit to Russia shows the special nature of the ties.
"""
    )
    assert ("visit", dt.date(2013, 3, 19)) not in events


def test_history_and_anniversaries_are_background():
    events = events_of(
        """ date 2013-04-28 Ties

ABU DHABI, 28th April 2013 (WAM): Since the signing of the original treaties in 1820, ties have grown, the paper said today. This year marks the 40th anniversary of the President's state visit to London, the paper said today.
"""
    )
    assert events == []


def test_the_name_of_a_press_release_is_no_press_event():
    events = events_of(
        """ date 2015-07-28 MFA Press Statement: Official Visit of the Prime Minister of the United Kingdom

UK Prime Minister David Cameron commenced his official visit to Singapore today.
"""
    )
    assert events == [("visit", dt.date(2015, 7, 28))]


def test_without_a_dateline_the_first_city_named_is_where_things_happen():
    (talks, ceremony) = extract(
        parse_article(
            """ date 2023-07-25 Leaders meet

Turkish President Recep Tayyip Erdogan on Tuesday held talks with his Palestinian counterpart Mahmoud Abbas at the presidential complex in the capital Ankara.
Abbas was welcomed with an official ceremony on Tuesday.
"""
        )
    )
    assert ceremony.type == "ceremony"
    for e in (talks, ceremony):
        assert e.location is not None and (e.location.city, e.location.country) == ("Ankara", "TR")
        assert set(e.countries) == {"TR", "PS"}


def test_a_country_after_the_city_picks_among_namesakes():
    (visit,) = extract(
        parse_article(
            """ date 2014-11-22 Xi in Fiji

President Xi Jinping arrived in Nadi, Fiji on Friday for a state visit.
"""
        )
    )
    assert visit.location is not None and visit.location.country == "FJ"


def test_seats_of_government_stand_for_their_city():
    assert find_place("Istana").name == "Singapore"
    assert find_place("Aso Villa").name == "Abuja"
    assert find_place("Hyderabad House").name == "New Delhi"


def test_a_welcome_and_a_wreath_laying_on_one_day_are_two_ceremonies():
    events = events_of(
        """ date 2024-10-07 Maldives president in Delhi

NEW DELHI, Oct 7 (PTI): President Mohamed Muizzu was accorded a ceremonial welcome at Rashtrapati Bhavan on Monday.
Later on Monday, Muizzu laid a wreath at Rajghat.
"""
    )
    assert events.count(("ceremony", dt.date(2024, 10, 7))) == 2


def test_a_greeting_on_arrival_or_meeting_scholars_is_no_meeting():
    events = events_of(
        """ date 2024-10-07 Arrival

NEW DELHI, Oct 7 (PTI): Prime Minister Narendra Modi received President Mohamed Muizzu as the latter arrived at Hyderabad House on Monday.
The president also met Indian scholars and students on Monday.
"""
    )
    assert [t for t, _ in events if t == "meeting"] == []


def test_plans_after_an_arrival_belong_to_the_stay_not_to_the_day():
    events = events_of(
        """ date 2013-03-22 Xi arrives

MOSCOW, March 22 (Xinhua) -- Chinese President Xi Jinping arrived in Moscow on Friday for a state visit.
Xi will also meet Prime Minister Dmitry Medvedev.
"""
    )
    assert events == [("visit", dt.date(2013, 3, 22))]


def test_an_anniversary_far_from_the_cue_does_not_hide_it():
    events = events_of(
        """ date 2020-03-05 Talks in Moscow

MOSCOW, March 5 (Sputnik) - "This year we celebrate the 100th anniversary of our relations, and we invited our friend to visit our country for the occasion," Erdogan said at a press conference following the six-hour-long talks with the Russian leader.
"""
    )
    day = dt.date(2020, 3, 5)
    assert ("press", day) in events and ("talks", day) in events


def test_talks_pointed_back_to_keep_their_day_not_the_next_visits():
    events = events_of(
        """ date 2013-11-12 Ministers meet

NEW DELHI, Nov 12 (IANS): The Indian and Japanese foreign ministers held talks on Tuesday.
The talks between the two focused on the visit of the Japanese emperor, who is to arrive in Delhi Nov 30.
"""
    )
    assert ("talks", dt.date(2013, 11, 12)) in events
    assert ("talks", dt.date(2013, 11, 30)) not in events
    assert ("visit", dt.date(2013, 11, 30)) in events


def test_talks_planned_during_a_stay_have_no_day_even_if_the_arrival_has_one():
    events = events_of(
        """ date 2015-07-24 Obama lands in Kenya

NAIROBI, July 24 (AFP) - Air Force One landed on Friday at Nairobi's airport, where President Barack Obama was welcomed by Kenyan President Uhuru Kenyatta with whom he will hold talks during his two-day visit.
"""
    )
    assert "talks" not in {t for t, _ in events}


def test_without_a_dateline_or_any_day_in_the_text_nothing_can_be_dated():
    text = """ date 2024-05-24 A glamorous state dinner

By Amina Odhiambo

Under the stars, President Joe Biden hosted a state dinner for his Kenyan counterpart William Ruto.
"""
    assert events_of(text) == []
    dated = text.replace("hosted a state dinner", "hosted a state dinner on Thursday")
    assert events_of(dated) == [("banquet", dt.date(2024, 5, 23))]


def test_a_signing_ceremony_is_a_signing():
    events = events_of(
        """ date 2021-01-07 China, DRC sign MoU

KINSHASA, Jan. 6 (Xinhua) -- Wang Yi and DRC Foreign Minister Marie Tumba Nzeza attend a signing ceremony on Wednesday.
"""
    )
    assert events == [("signing", dt.date(2021, 1, 6))]


def test_meeting_the_press_is_press():
    events = events_of(
        """ date 2015-03-15 Premier meets press

BEIJING, March 15 (Xinhua) -- Premier Li Keqiang met with Chinese and foreign press at the Great Hall of the People on Sunday.
"""
    )
    assert events == [("press", dt.date(2015, 3, 15))]


def test_the_two_men_met_is_a_meeting():
    events = events_of(
        """ date 2022-07-16 Biden in Jeddah

JEDDAH, July 16 (WAM) -- The two men met on the sidelines of a gathering of Arab leaders on Saturday.
"""
    )
    assert events == [("meeting", dt.date(2022, 7, 16))]


def test_arriving_to_attend_a_summit_is_the_summit_not_a_visit():
    events = events_of(
        """ date 2022-07-16 UAE President arrives

JEDDAH, July 16 (WAM) -- UAE President Sheikh Mohamed bin Zayed arrived in Jeddah on Saturday to participate in the Jeddah Security and Development Summit.
"""
    )
    assert events == [("summit", dt.date(2022, 7, 16))]


def test_the_talks_pointing_back_to_a_meeting_are_that_meeting():
    events = events_of(
        """ date 2013-11-12 Ministers meet

NEW DELHI, Nov 12 (IANS): The Indian and Japanese foreign ministers met Tuesday.
The talks between the two focused on trade and investment.
"""
    )
    assert events == [("meeting", dt.date(2013, 11, 12))]


def test_a_guard_of_honour_belongs_to_the_ceremony_it_is_part_of():
    events = events_of(
        """ date 2018-06-20 Xi accepts credentials

BEIJING, June 20 (Xinhua) -- President Xi Jinping accepted credentials presented by new ambassadors on Wednesday.
With a guard of honor lining up on both sides, the ambassadors walked into the hall on Wednesday.
Later on Wednesday, Xi attended the opening ceremony of a youth festival.
"""
    )
    assert events == [("ceremony", dt.date(2018, 6, 20))] * 2


def test_a_leader_whose_country_goes_unsaid_belongs_to_the_country_the_article_is_about():
    (call,) = extract(
        parse_article(
            """ date 2022-06-23 Wang Yi holds phone talks

BEIJING, June 23 (Xinhua) -- Foreign Minister Wang Yi held a phone call with Iranian Foreign Minister Hossein Amir Abdollahian on Thursday.
Wang said China is ready to work with Iran. China values the ties, and China will keep its word, Wang said. China hopes for peace.
"""
        )
    )
    assert set(call.countries) == {"CN", "IR"}


def test_the_visiting_president_is_the_guest_of_the_article():
    events = extract(
        parse_article(
            """ date 2020-02-14 Portuguese President in India

NEW DELHI, Feb 14 (PTI): Portuguese President Marcelo Rebelo de Sousa arrived here on Thursday for a state visit.
President Ram Nath Kovind of India will host a banquet in honour of the visiting president on Friday evening.
"""
        )
    )
    banquet = next(e for e in events if e.type == "banquet")
    assert banquet.start == dt.date(2020, 2, 14)
    assert set(banquet.countries) == {"IN", "PT"}


def test_a_group_named_by_its_plural_title_brings_every_member():
    (ceremony,) = extract(
        parse_article(
            """ date 2018-06-20 Xi accepts credentials

BEIJING, June 20 (Xinhua) -- President Xi Jinping accepted credentials presented by three newly-appointed ambassadors on Wednesday.
They are Peruvian Ambassador to China Luis Quesada, Angolan Ambassador to China Joao Salvador and Moldovan Ambassador to China Denis Jelimalai.
"""
        )
    )
    assert set(ceremony.countries) == {"CN", "PE", "AO", "MD"}


def test_met_on_a_day_his_counterpart():
    events = events_of(
        """ date 2022-09-05 Marcos meets Widodo

BOGOR, Indonesia (AP) — President Ferdinand "Bongbong" Marcos Jr. met on Monday morning his Indonesian counterpart, President Joko Widodo.
"""
    )
    assert ("meeting", dt.date(2022, 9, 5)) in events


def test_the_second_day_of_a_visit_dates_its_start():
    events = extract(
        parse_article(
            """ date 2020-02-25 Day 2 of the visit

NEW DELHI, Feb 25 (PTI): India and the US inked three agreements on Tuesday, on US President Donald Trump's second day of his maiden visit here.
In his brief remarks at the start of official talks, Prime Minister Narendra Modi praised the ties.
"""
        )
    )
    got = {(e.type, e.start) for e in events}
    assert ("visit", dt.date(2020, 2, 24)) in got
    assert ("signing", dt.date(2020, 2, 25)) in got
    assert ("talks", dt.date(2020, 2, 25)) in got


def test_an_official_readout_without_a_day_is_dated_by_its_page():
    # The Kremlin's style: the page date, no dateline, no title before the president's name.
    events = extract(
        parse_article(
            """ date 2024-06-05 Talks with President of the Republic of the Congo

Vladimir Putin held talks in the Kremlin with President of the Republic of the Congo Denis Sassou Nguesso, who is in Russia on an official visit.

Following the talks, the two leaders made statements for the press.
"""
        )
    )
    day = dt.date(2024, 6, 5)
    got = {(e.type, e.start) for e in events}
    assert got == {("talks", day), ("visit", day), ("press", day)}
    talks = next(e for e in events if e.type == "talks")
    assert {p.name for p in talks.participants} == {"Vladimir Putin", "Denis Sassou Nguesso"}
    assert talks.location is not None and talks.location.city == "Moscow"


def test_the_local_day_wins_over_the_home_clock():
    events = events_of(
        """ date 2024-04-11 Japan-U.S. Summit Meeting

On April 10, commencing at 11:10 a.m. (local time; 0:10 a.m. on April 11, Japan time), Prime Minister Kishida Fumio held a Japan-U.S. Summit Meeting with President Joseph R. Biden at the White House.
"""
    )
    assert events == [("talks", dt.date(2024, 4, 10))]


def test_a_bilateral_meeting_is_talks_only():
    events = events_of(
        """ date 2023-09-10 Modi meets Lula

New Delhi, 10 September 2023: Prime Minister Shri Narendra Modi held a bilateral meeting with President of Brazil, H.E. Mr. Luiz Inacio Lula da Silva, today.
"""
    )
    assert events == [("talks", dt.date(2023, 9, 10))]
    (talks,) = extract(
        parse_article(
            " date 2023-09-10 x\n\nNew Delhi, 10 September 2023: Prime Minister Shri Narendra Modi held a bilateral meeting with President of Brazil, H.E. Mr. Luiz Inacio Lula da Silva, today.\n"
        )
    )
    assert {p.name for p in talks.participants} == {"Narendra Modi", "Luiz Inacio Lula da Silva"}
    assert set(talks.countries) == {"IN", "BR"}


def test_last_week_is_background():
    events = events_of(
        """ date 2024-02-10 Scholz meets Biden

WASHINGTON (AP) — President Joe Biden met with German Chancellor Olaf Scholz at the White House on Friday.
Biden and Scholz spoke by phone last week about the war, officials said.
"""
    )
    assert events == [("meeting", dt.date(2024, 2, 9))]


def test_govuk_call_readout_takes_the_day_closing_its_title():
    (call,) = extract(
        parse_article(
            """ date 2024-07-18 PM call with President Zelenskyy: 17 July 2024

The Prime Minister spoke to President Zelenskyy of Ukraine this evening.
"""
        )
    )
    assert (call.type, call.start) == ("call", dt.date(2024, 7, 17))
    assert call.location is None and "UA" in call.countries


def test_speaking_to_a_president_somewhere_is_no_call():
    events = events_of(
        """ date 2024-07-18 PM at the summit: 18 July 2024

The Prime Minister spoke to President Zelenskyy at Blenheim Palace in Woodstock today.
"""
    )
    assert "call" not in {t for t, _ in events}


def test_phone_talks_are_a_call_only():
    events = events_of(
        """ date 2024-03-15 Xi holds phone talks with Putin

BEIJING, March 14 (Xinhua) -- Chinese President Xi Jinping on Thursday held phone talks with Russian President Vladimir Putin.
"""
    )
    assert events == [("call", dt.date(2024, 3, 14))]


def test_the_southern_city_of_is_a_place():
    (talks,) = extract(
        parse_article(
            """ date 2023-04-07 Macron, Xi meet

BEIJING, April 7 (Reuters) - French President Emmanuel Macron and Chinese President Xi Jinping held informal talks in the southern city of Guangzhou on Friday.
"""
        )
    )
    assert talks.location is not None and talks.location.city == "Guangzhou"


def test_a_secretary_of_state_is_american_and_a_possessive_ends_a_name():
    (meeting,) = extract(
        parse_article(
            """ date 2023-11-07 Secretary Blinken's Meeting with Japanese Foreign Minister Kamikawa

Secretary of State Antony J. Blinken met with Japanese Foreign Minister Kamikawa Yoko today in Tokyo.
"""
        )
    )
    assert set(meeting.countries) == {"US", "JP"}
    assert {p.name for p in meeting.participants} == {"Antony J. Blinken", "Kamikawa Yoko"}


def test_a_stay_told_at_its_end_and_a_fronted_day_framing_what_follows():
    events = extract(
        parse_article(
            """ date 2024-05-17 Putin concludes visit to China

HARBIN, May 17 (TASS) - Russian President Vladimir Putin wrapped up his two-day state visit to China on Friday.
On Thursday, Putin and Chinese President Xi Jinping held talks in Beijing. Putin later laid a wreath at the Monument to the People's Heroes.
"""
        )
    )
    got = {e.type: e for e in events}
    assert (got["visit"].start, got["visit"].end) == (dt.date(2024, 5, 16), dt.date(2024, 5, 17))
    assert got["talks"].start == dt.date(2024, 5, 16)
    assert got["ceremony"].start == dt.date(2024, 5, 16)


def test_a_day_inside_a_sentence_does_not_frame_the_next_one():
    events = events_of(
        """ date 2020-02-14 Sousa in India

NEW DELHI, Feb 14 (PTI): Sousa arrived here on Thursday night on a four-day visit.
In the morning, the Portuguese president was accorded a ceremonial welcome at Rashtrapati Bhavan.
"""
    )
    assert ("ceremony", dt.date(2020, 2, 14)) in events


def test_the_meeting_of_the_council_of_heads_of_state_is_a_summit():
    events = events_of(
        """ date 2024-07-01 Xi to attend SCO meeting

BEIJING, July 1 (Xinhua) -- Chinese President Xi Jinping will attend the 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization in Astana from July 3 to 4, a spokesperson announced Monday.
"""
    )
    assert events == [("summit", dt.date(2024, 7, 3))]


def test_attending_a_long_named_leaders_meeting_in_a_caption():
    events = events_of(
        """ date 2015-09-24 Putin-Obama meeting set

U.S. President Barack Obama and Russia's President Vladimir Putin attend a family photo shoot for the Asia Pacific Economic Cooperation (APEC) leaders' meeting in Beijing, November 11, 2014. REUTERS/Kim Kyung-Hoon
"""
    )
    assert events == [("summit", dt.date(2014, 11, 11))]


def test_others_attending_a_summit_do_not_make_a_summit_of_the_day():
    events = events_of(
        """ date 2024-09-02 Xi meets leaders

BEIJING, Sept. 2 (Xinhua) -- Xi Jinping met with President Felix Tshisekedi on Monday.
He will also host a welcome banquet for the leaders attending the summit.
"""
    )
    assert "summit" not in {t for t, _ in events}


def test_talks_with_leaders_from_several_countries_are_one_talks_each():
    events = extract(
        parse_article(
            """ date 2015-11-24 Premier meets CEE leaders

SUZHOU, Nov. 24 (Xinhua) -- Chinese Premier Li Keqiang held bilateral talks with leaders from Estonia, Poland and Slovenia on Tuesday.
Li told Estonian Prime Minister Taavi Roivas that China welcomes cooperation.
In talks with Polish President Andrzej Duda, Li said China wishes to link its development strategy with Poland's.
"""
        )
    )
    talks = [e for e in events if e.type == "talks"]
    assert sorted(tuple(sorted(e.countries)) for e in talks) == [("CN", "EE"), ("CN", "PL"), ("CN", "SI")]
    polish = next(e for e in talks if "PL" in e.countries)
    assert {p.name for p in polish.participants} == {"Li Keqiang", "Andrzej Duda"}
    assert len(polish.evidence) == 2


def test_a_seat_followed_by_its_city_and_a_city_unknown_in_the_country_named():
    (meeting,) = extract(
        parse_article(
            """ date 2023-09-21 Tinubu receives Ghanaian President

President Bola Tinubu on Wednesday received President Nana Akufo-Addo of Ghana at the State House, Abuja.
"""
        )
    )
    assert meeting.location is not None and (meeting.location.city, meeting.location.country) == (
        "Abuja",
        "NG",
    )
    assert set(meeting.countries) == {"NG", "GH"}
    (bali,) = extract(
        parse_article(
            """ date 2022-11-16 Xi meets Biden

BALI, Indonesia, Nov. 14 (Xinhua) -- Chinese President Xi Jinping met with U.S. President Joe Biden on Monday.
"""
        )
    )
    assert bali.location is not None and (bali.location.city, bali.location.country) == ("Bali", "ID")


def test_mofa_style_meeting_with_office_appositives():
    (meeting,) = extract(
        parse_article(
            """ date 2024-01-16 Japan-Viet Nam Foreign Ministers' Meeting

On January 15, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a Japan-Viet Nam Foreign Ministers' Meeting with H.E. Mr. Bui Thanh Son, Minister of Foreign Affairs of the Socialist Republic of Viet Nam.
"""
        )
    )
    assert (meeting.type, meeting.start) == ("meeting", dt.date(2024, 1, 15))
    assert set(meeting.countries) == {"JP", "VN"}


def test_the_cpc_stands_for_china():
    (talks,) = extract(
        parse_article(
            """ date 2024-02-29 Wang Yi Holds Talks with Brazilian Foreign Minister

On February 28, 2024 local time, Member of the Political Bureau of the CPC Central Committee and Director of the Office of the Central Foreign Affairs Commission Wang Yi held talks with Brazilian Foreign Minister Mauro Vieira in Rio de Janeiro.
"""
        )
    )
    assert {p.name for p in talks.participants} == {"Wang Yi", "Mauro Vieira"}
    assert set(talks.countries) == {"CN", "BR"}


def test_a_city_keeps_the_name_the_article_gives_but_a_seat_gives_its_city():
    (meeting,) = extract(
        parse_article(
            """ date 2013-11-12 Ministers meet

Gurgaon, Nov 12 (IANS): The Indian and Japanese foreign ministers met Tuesday.
"""
        )
    )
    assert meeting.location is not None and (meeting.location.city, meeting.location.country) == (
        "Gurgaon",
        "IN",
    )
    (press,) = extract(
        parse_article(
            """ date 2015-03-15 Premier meets press

The NPC held a press conference at the Great Hall of the People on the morning of March 15, 2015.
"""
        )
    )
    assert press.location is not None and press.location.city == "Beijing"


def test_a_tally_of_meetings_is_no_meeting():
    events = events_of(
        """ date 2024-07-05 Xi in Dushanbe

DUSHANBE, July 5 (Xinhua) -- Chinese President Xi Jinping held talks with Tajik President Emomali Rahmon on Friday.
The two leaders have met more than 20 times, Xi said.
"""
    )
    assert events == [("talks", dt.date(2024, 7, 5))]


def test_envoys_presenting_credentials_and_a_send_off_are_ceremonies():
    events = events_of(
        """ date 2016-07-02 Envoys present credentials

NEW DELHI, July 2 (PTI) -- Envoys of three states presented their credentials to President Anil Varma at a ceremony in Rashtrapati Bhavan on Saturday.
"""
    )
    assert events == [("ceremony", dt.date(2016, 7, 2))]
    events = events_of(
        """ date 2024-03-09 Sultan departs for home

KUALA LUMPUR, March 9 (Bernama) -- The Sultan of Brunei left for home today after a three-day state visit to Malaysia.
Present at the sending-off ceremony at the airport was Foreign Minister Ahmad Kamal.
"""
    )
    assert ("ceremony", dt.date(2024, 3, 9)) in events


def test_leaving_after_concluding_a_visit_ends_the_stay_that_day():
    (visit,) = [
        e
        for e in extract(
            parse_article(
                """ date 2024-03-09 Sultan departs for home

KUALA LUMPUR, March 9 (Bernama) -- The Sultan of Brunei today departed for home after concluding a four-day state visit to Malaysia.
"""
            )
        )
        if e.type == "visit"
    ]
    assert (visit.start, visit.end) == (dt.date(2024, 3, 6), dt.date(2024, 3, 9))


def test_the_third_and_final_day_of_a_visit_tells_its_first_and_last_day():
    events = extract(
        parse_article(
            """ date 2019-05-11 Leaders hold talks

NEW DELHI, May 11 (PTI) -- Prime Minister Narendra Modi held talks with Nepalese Prime Minister Ram Sharma on Saturday.
The two leaders met at the Hyderabad House here on the third and final day of the Nepalese Prime Minister's India visit.
"""
        )
    )
    (visit,) = [e for e in events if e.type == "visit"]
    assert (visit.start, visit.end) == (dt.date(2019, 5, 9), dt.date(2019, 5, 11))


def test_a_spouse_or_greeter_at_the_arrival_makes_no_visit_of_their_own():
    events = extract(
        parse_article(
            """ date 2022-02-14 PM arrives in Brunei

BANDAR SERI BEGAWAN, Feb 14 (Bernama) -- Prime Minister Ahmad Karim arrived here today for a two-day official visit to Brunei.
He was greeted by Crown Prince Haji Omar Billah upon arrival at the airport.
Mr Ahmad, accompanied by his wife Aminah Yusof, landed at Brunei International Airport at 3pm.
"""
        )
    )
    visits = [e for e in events if e.type == "visit"]
    assert [(v.start, v.end) for v in visits] == [(dt.date(2022, 2, 14), dt.date(2022, 2, 15))]
    assert [p.name for p in visits[0].participants] == ["Ahmad Karim"]


def test_met_restating_the_days_talks_with_the_same_two_leaders_is_the_talks():
    text = """ date 2023-06-03 Leaders hold talks

NEW DELHI, June 3 (PTI) -- Prime Minister Narendra Modi held talks with Nepalese Prime Minister Ram Sharma at the Hyderabad House on Saturday.
Modi met Sharma on Saturday and discussed trade, connectivity and energy.
"""
    assert events_of(text) == [("talks", dt.date(2023, 6, 3))]


def test_calling_on_the_visiting_leader_is_a_meeting():
    text = """ date 2018-10-20 Leaders hold talks

NEW DELHI, Oct 20 (PTI) -- Home Minister Anil Rao called on the visiting Nepalese leader Ram Sharma on Saturday.
"""
    assert events_of(text) == [("meeting", dt.date(2018, 10, 20))]
