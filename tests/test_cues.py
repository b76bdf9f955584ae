"""Every row of the cue table, on a phrase of the kind agencies write (guards the triggers too)."""

from __future__ import annotations

import re

import pytest

from timeline.cues import CUES, find_cues

PHRASES = [
    ("visit", "Xi arrived for a state visit to Tajikistan."),
    ("visit", "It was his visit to Russia."),
    ("visit", "Li Qiang arrived here on Thursday."),
    ("visit", "Upon arrival, he thanked the hosts."),
    ("visit", "The president is on an official visit."),
    ("visit", "It was the second day of his maiden visit."),
    ("visit", "The emir paid a working visit."),
    ("visit", "It was his trip to Kenya."),
    ("visit", "The Prime Minister will travel to Fiji on Wednesday."),
    ("talks", "Xi held talks with Rahmon."),
    ("talks", "They held small-group talks."),
    ("talks", "The two leaders met one-to-one after the ceremony."),
    ("talks", "They will hold an inter-delegation meeting."),
    ("talks", "The two prime ministers will have a four-eyed meeting."),
    ("talks", "The talks between the two went well."),
    ("talks", "During their talks, they agreed."),
    ("talks", "They held a bilateral meeting in the Oval Office."),
    ("meeting", "The visiting premier also called on President Rao."),
    ("signing", "A signatory ceremony will follow."),
    ("meeting", "Thursday will see Biden host Ukrainian President Zelenskiy."),
    ("signing", "A number of documents were signed in the presence of the leaders."),
    ("meeting", "“Met Brazilian President @LulaOficial at the summit,” he posted."),
    ("visit", "We will have a part linked to the visit of Chilean President el-Rojas to Russia."),
    ("banquet", "The president hosted Prime Minister Sato for a working dinner."),
    ("ceremony", "He was escorted to the Horse Guards welcoming parade."),
    ("meeting", "The two presidents will hold informal talks tonight."),
    ("talks", "The full-fledged talks are scheduled for Wednesday."),
    ("summit", "Modi met Biden on the margins of the G7 Summit."),
    ("summit", "Modi met Lula on the summit's sidelines on Monday."),
    ("talks", "The two presidents held a bilateral summit."),
    ("meeting", "The premier had a brief encounter with the king."),
    ("meeting", "She held separate pull-aside meetings with both."),
    ("meeting", "The Prime Minister welcomed President Ruiz of Chile to Downing Street."),
    ("meeting", "The Secretary hosted Indonesian Foreign Minister Sari Dewi today."),
    ("meeting", "The ministers will continue their discussions on Friday."),
    ("meeting", "The king received the envoy in audience."),
    ("meeting", "The emir granted an audience to the minister."),
    ("banquet", "The reception hosted by the president ended late."),
    ("talks", "Kishida held a Japan-U.S. Summit Meeting."),
    ("talks", "He began negotiations with his counterpart."),
    ("talks", "The leaders proceeded to the hall for talks."),
    ("talks", "The leaders then held one-on-one talks."),
    ("talks", "At the start of official talks, he spoke."),
    ("meeting", "Putin met Xi in the Kremlin."),
    ("meeting", "Wang met with Rubio."),
    ("meeting", "Kovind received the visiting president."),
    ("meeting", "He paid a courtesy call on the king."),
    ("meeting", "This was followed by a call on President Tan."),
    ("meeting", "Meeting with Kazakh President Nazarbayev on Sept 1"),
    ("meeting", "He had an informal one-on-one meeting with Putin."),
    ("meeting", "Buhari received Bazoum at the villa."),
    ("meeting", "Marcos met on Monday his Indonesian counterpart."),
    ("meeting", "The two men met on the sidelines of the gathering."),
    ("meeting", "On the sidelines of the summit, Modi met Lula."),
    ("call", "Xi had a phone call with Macron."),
    ("call", "Biden spoke with Scholz by phone."),
    ("call", "They talked via video link."),
    ("call", "They held a virtual meeting."),
    ("call", "Modi phoned Putin."),
    ("call", "The Prime Minister spoke to President Zelenskyy this evening."),
    ("press", "The two leaders jointly met the press."),
    ("press", "Li met with Chinese and foreign press."),
    ("press", "The two presidents jointly met reporters."),
    ("press", "They held a joint press conference."),
    ("press", "They issued joint media statements."),
    ("press", "The leaders made statements to the press."),
    ("press", "The two presidents made press statements."),
    ("signing", "The two sides signed a joint statement."),
    ("signing", "They witnessed the signing of agreements."),
    ("signing", "They attended a signing ceremony."),
    ("signing", "It was followed by an exchange of documents."),
    ("meeting", "The two ministers separately called on the visiting Lankan leader."),
    ("ceremony", "Rahmon held a welcome ceremony for Xi."),
    ("ceremony", "He was accorded a ceremonial welcome."),
    ("ceremony", "He received an official welcome at the palace."),
    ("ceremony", "The guests inspected the guard of honour."),
    ("ceremony", "The president conferred the highest order on his guest."),
    ("ceremony", "The king presented the medal to the president."),
    ("ceremony", "He laid a wreath at the memorial."),
    ("ceremony", "The wreath-laying took place at noon."),
    ("ceremony", "They paid homage to Mahatma Gandhi."),
    ("ceremony", "Xi accepted credentials from thirteen ambassadors."),
    ("ceremony", "Four envoys presented their credentials to the President at a ceremony."),
    ("ceremony", "Present at the sending-off ceremony was the deputy minister."),
    ("ceremony", "He was seen off at a send-off ceremony."),
    ("ceremony", "Xi attended the opening ceremony."),
    ("talks", "The two prime ministers will proceed with the annual leaders' consultation."),
    ("banquet", "Rahmon hosted a state banquet."),
    ("banquet", "They attended a state dinner."),
    ("banquet", "The king hosted a lunch for the guests."),
    ("banquet", "They had a working lunch."),
    ("summit", "Xi attended the SCO summit in Astana."),
    ("summit", "Xi will attend the 24th Meeting of the Council of Heads of State of the SCO."),
    ("summit", "The 11th G20 Summit was held in Hangzhou."),
    ("summit", "The 15th BRICS Summit, taking place in Johannesburg, began."),
    ("summit", "They looked ahead to tomorrow's NATO Leaders' Meeting."),
]


@pytest.mark.parametrize(("kind", "phrase"), PHRASES)
def test_each_phrasing_is_found(kind, phrase):
    assert kind in {c.type for c in find_cues(phrase)}


def test_the_phrases_cover_every_row():
    # One phrase at least per row: a new row needs a phrase here, so its trigger words are checked.
    for type_, pattern in CUES:
        flags = 0 if pattern.startswith("(?-i:") else re.IGNORECASE
        kind = type_.partition(":")[0]
        assert any(re.search(pattern, p, flags) for k, p in PHRASES if k == kind), pattern
