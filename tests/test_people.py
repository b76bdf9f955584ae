"""People: how agencies introduce principals, and how later mentions link back to them."""

from __future__ import annotations

import pytest

from timeline import parse_article
from timeline.people import PeopleIndex


def people_in(*sentences: str) -> list[tuple[str, str | None]]:
    index = PeopleIndex()
    for s in sentences:
        index.scan(s)
    return [(p.name, p.country) for p in index.people]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chinese State Councilor and Foreign Minister Wang Yi held talks.", [("Wang Yi", "CN")]),
        (
            "Russian President Vladimir Putin welcomed China's visiting leader Xi Jinping.",
            [("Vladimir Putin", "RU"), ("Xi Jinping", "CN")],
        ),
        ("Erdogan welcomed his Palestinian counterpart Mahmoud Abbas.", [("Mahmoud Abbas", "PS")]),
        ("Turkish President Recep Tayyip Erdoğan spoke.", [("Recep Tayyip Erdoğan", "TR")]),
        ("He met President of the United States Joe Biden.", [("Joe Biden", "US")]),
        ("He met Joe Biden, President of the United States, today.", [("Joe Biden", "US")]),
        (
            "Prime Minister Boris Johnson met President Trump of the United States.",
            [("Boris Johnson", None), ("Trump", "US")],
        ),
        (
            "Deputy Chairman of the Security Council Dmitry Medvedev and Defence Minister Sergei Shoigu attended.",
            [("Dmitry Medvedev", None), ("Sergei Shoigu", None)],
        ),
        (
            "The visit of the Right Honourable David Cameron, Prime Minister of the United Kingdom to Singapore.",
            [("David Cameron", "GB")],
        ),
        (
            "President His Highness Sheikh Khalifa bin Zayed Al Nahyan arrived.",
            [("Khalifa bin Zayed Al Nahyan", None)],
        ),
        (
            "Felix Tshisekedi, president of the Democratic Republic of the Congo, arrived.",
            [("Felix Tshisekedi", "CD")],
        ),
        ("The delegation landed at King Abdul Aziz International Airport.", []),
    ],
)
def test_titled_names_and_their_countries(sentence, expected):
    assert people_in(sentence) == expected


def test_a_namesake_with_another_title_is_another_person():
    found = people_in("President Biden hosted the dinner.", "First Lady Jill Biden greeted the guests.")
    assert [name for name, _ in found] == ["Biden", "Jill Biden"]


def test_pm_and_prime_minister_are_one_office():
    found = people_in("PM Modi held talks.", "Prime Minister Narendra Modi hosted a lunch.")
    assert found == [("Narendra Modi", None)]


def test_a_surname_inside_another_full_name_is_not_a_mention():
    index = PeopleIndex()
    index.scan("Maldives President Mohamed Muizzu and First Lady Sajidha Mohamed arrived.")
    assert [p.name for p in index.mentions_in("Modi received Mohamed Muizzu.")] == ["Mohamed Muizzu"]


def test_appositive_with_a_demonym_gives_the_country():
    found = people_in("President Xi Jinping, the first Chinese leader ever to set foot in Tonga, arrived.")
    assert ("Xi Jinping", "CN") in found


def test_an_ambassador_to_a_country_is_not_of_it():
    found = people_in("Peruvian Ambassador to China Luis Quesada presented his credentials.")
    assert found == [("Luis Quesada", "PE")]


def test_korean_president_is_the_republic_of_korea():
    assert people_in("Meeting with Korean President Park Geun-hye in Seoul") == [("Park Geun-hye", "KR")]


def test_nicknames_and_suffixes():
    index = PeopleIndex()
    index.scan('President Ferdinand "Bongbong" Marcos Jr. met the press.')
    (person,) = index.people
    assert person.name == "Ferdinand Marcos Jr" and person.surname == "Marcos"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Omani Crown Prince Departs For Home After Three-day Visit", []),
        ("Qatari Foreign Minister Meets Counterparts On Sidelines Of Summit", []),
        ("Jordanian King Abdullah Receives Visiting Envoy", [("Abdullah", "JO")]),
        ("Ghanaian President Mahama Accorded Warm Welcome In Abuja", [("Mahama", "GH")]),
    ],
)
def test_a_verb_in_a_title_case_headline_ends_the_name(headline, expected):
    assert people_in(headline) == expected


# --- countries an article tells without a title in front of the name ---------------------------


def countries_of(text: str) -> dict[str, str | None]:
    from timeline import parse_article
    from timeline.people import scan_article

    return {p.name: p.country for p in scan_article(parse_article(text)).people}


def test_an_apposition_after_the_name_gives_the_country():
    text = """ date 2024-03-08 Visit

Prime Minister Hun Manet will fly to Hanoi on Monday. Hun Manet, the Cambodian Prime Minister, is to hold talks with Vietnamese Prime Minister Pham Minh Chinh in Hanoi.
"""
    # Vietnam is named most, and still the apposition says Cambodia
    assert countries_of(text)["Hun Manet"] == "KH"


def test_his_counterpart_of_a_country_is_not_the_subject_s():
    text = """ date 2013-10-23 Talks begin

Prime Minister Nawaz Sharif began talks with his Chinese counterpart in Beijing. China and Chinese firms pledged investment, Chinese officials said.
"""
    assert countries_of(text)["Nawaz Sharif"] != "CN"


def test_who_arrives_in_a_city_is_not_of_the_city_s_country():
    text = """ date 2024-04-22 State visit

ABU DHABI, 22nd April, 2024 (WAM) -- King Abdullah II arrived in Abu Dhabi on Monday on a state visit to the UAE at the invitation of the UAE President. The UAE and Jordan signed agreements. The visit strengthens UAE ties, UAE officials said.
"""
    assert countries_of(text)["Abdullah II"] == "JO"


def test_a_lower_case_office_before_a_titled_name_is_not_that_name_s():
    text = """ date 2013-10-23 Dinner

In a rare honour for an Indian leader, President Xi Jinping will host a dinner for Prime Minister Manmohan Singh in Beijing. China's foreign ministry said China welcomed the visit.
"""
    assert countries_of(text)["Xi Jinping"] == "CN"


def test_a_list_of_titles_of_countries_gives_each_name_its_own_country():
    found = dict(
        people_in(
            "Putin met President of Palestine Mahmoud Abbas, leader of Burkina Faso Ibrahim Traore "
            "and leader of Zimbabwe Emmerson Mnangagwa."
        )
    )
    assert found["Mahmoud Abbas"] == "PS"
    assert found["Ibrahim Traore"] == "BF"
    assert found["Emmerson Mnangagwa"] == "ZW"


def test_a_capitalised_title_after_a_demonym_is_not_part_of_the_name():
    assert people_in("Russian Leader Vladimir Putin held talks on Friday.") == [("Vladimir Putin", "RU")]


def test_one_plural_title_gives_two_names_their_countries_in_order():
    assert people_in(
        "Hungarian and Slovak Prime Ministers Viktor Orban and Robert Fico met at the border on Friday."
    ) == [("Viktor Orban", "HU"), ("Robert Fico", "SK")]
    assert people_in(
        "The Presidents of Ghana and Togo, Nana Akufo-Addo and Faure Gnassingbe, opened the bridge."
    ) == [("Nana Akufo-Addo", "GH"), ("Faure Gnassingbe", "TG")]


def test_a_verb_after_the_comma_is_no_apposition():
    # "X, spoke with the President of Y": the President of Y is the other man, not X's title
    text = """ date 2021-06-02 Call

Today, the Prime Minister, Jacinda Ardern, spoke with the President of Chile, Sebastian Pinera. New Zealand and Chile agreed to keep talking.
"""
    found = countries_of(text)
    assert found["Sebastian Pinera"] == "CL"
    assert found["Jacinda Ardern"] != "CL"


def test_a_national_outlet_s_own_leader_is_of_its_country():
    # A national outlet names its own Prime Minister with no country; the foreign guest is named
    # with his, and the article names the guest's country most.
    text = """ date 2023-03-14 Courtesy call

Prime Minister Oyun-Erdene Luvsannamsrai received Kazakh Prime Minister Alikhan Smailov today. Kazakhstan and Kazakh firms were praised for their investment.
"""
    from timeline.people import scan_article

    def home(url: str | None) -> str | None:
        people = scan_article(parse_article(text, url=url)).people
        return {p.name: p.country for p in people}["Oyun-Erdene Luvsannamsrai"]

    assert home("https://www.news-agency.mn/en/read/1234") == "MN"
    assert home("https://www.some-news-site.com/en/read/1234") != "MN"


def test_an_office_of_a_country_before_the_name_gives_the_country():
    assert people_in("Vice Chairman of the Presidium of Bulgaria Ivan Petrov opened the session.") == [
        ("Ivan Petrov", "BG")
    ]
    assert people_in(
        "He met First Secretary of the Central Committee of the Workers' Party of Laos Somsak Vong."
    ) == [("Somsak Vong", "LA")]


def test_two_name_particles_and_ranks_before_a_name():
    assert people_in("The minister met Commissioner Maria van der Heyden in Brussels.") == [
        ("Maria van der Heyden", None)
    ]
    assert people_in("The talks were led by Defence Secretary Air Chief Marshal Sutham Phanthong.") == [
        ("Sutham Phanthong", None)
    ]


def test_a_son_whose_name_holds_his_father_s_is_another_person():
    found = people_in(
        "President Sheikh Khalifa bin Zayed Al Nahyan arrived.",
        "He was accompanied by Sheikh Hamdan bin Khalifa bin Zayed Al Nahyan and Crown Prince Mohammed.",
    )
    names = [name for name, _ in found]
    assert "Khalifa bin Zayed Al Nahyan" in names and "Hamdan bin Khalifa bin Zayed Al Nahyan" in names


def test_a_name_romanised_two_ways_in_a_middle_word_is_one_person():
    found = people_in(
        "Prime Minister Pham Min Chinh (centre) greets the guests.",
        "Vietnamese Prime Minister Pham Minh Chinh held talks on Monday.",
    )
    assert found == [("Pham Min Chinh", "VN")]
    # a father and son differ in their last word: two people
    found = people_in("President Kim Jong Il met Chairman Kim Jong Un.")
    assert found == [("Kim Jong Il", None), ("Kim Jong Un", None)]


def test_a_party_office_of_a_country_that_goes_on_after_the_country():
    assert people_in(
        "Hanoi (VNA) - General Secretary of the Communist Party of Vietnam Central Committee To Lam spoke."
    ) == [("To Lam", "VN")]


def test_a_headline_opened_by_an_office_names_nobody():
    from timeline.people import plausible_name

    assert not plausible_name("Crown Prince")
    assert not plausible_name("Prime Minister")
    assert plausible_name("Crown Prince Hussein")


def test_an_elected_leader_not_yet_in_office_keeps_title_and_country():
    people = PeopleIndex()
    people.scan("Indonesia's President-elect Prabowo Subianto met Prime Minister Anthony Albanese.", 0)
    prabowo = next(p for p in people.people if p.name == "Prabowo Subianto")
    assert (prabowo.title, prabowo.country) == ("President-elect", "ID")


def test_a_peer_is_a_counterpart():
    people = PeopleIndex()
    people.scan(
        "Argentine President Alberto Fernandez and his Brazilian peer Luiz Inacio Lula da Silva met.", 0
    )
    assert {(p.name, p.country) for p in people.people} == {
        ("Alberto Fernandez", "AR"),
        ("Luiz Inacio Lula da Silva", "BR"),
    }


def test_a_general_secretary_after_the_name_is_a_title():
    people = PeopleIndex()
    people.scan("To Lam, general secretary of the Communist Party of Vietnam, arrived in Moscow.", 0)
    assert [(p.name, p.title) for p in people.people] == [("To Lam", "general secretary")]


def test_a_five_part_gulf_name_is_one_person_not_a_mention_of_a_relative():
    people = PeopleIndex()
    text = (
        "Kuwait's Amir Sheikh Meshal Al-Ahmad Al-Jaber Al-Sabah received the minister. "
        "The minister also met Crown Prince Sheikh Sabah Khaled Al-Hamad Al-Mubarak Al-Sabah."
    )
    people.scan(text, 0)
    second = text[text.index("The minister") :]
    assert [p.name for p in people.mentions_in(second)] == ["Sabah Khaled Al-Hamad Al-Mubarak Al-Sabah"]
