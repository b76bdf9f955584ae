from __future__ import annotations

import datetime as dt

import pytest

from timeline import ArticleError, parse_article, read_article


def test_seed_header_dateline_and_captions(seed):
    article = read_article(seed)
    assert article.published == dt.date(2024, 7, 6)
    assert article.title and article.title.startswith("Xi says China ready")
    assert article.dateline is not None
    assert (article.dateline.city, article.dateline.agency) == ("Dushanbe", "Xinhua")
    assert article.dateline_date == dt.date(2024, 7, 5)
    captions = [p for p in article.paragraphs if p.caption]
    assert len(captions) == 13
    assert all(p.text.endswith(")") for p in captions)


def test_sentence_offsets_point_into_the_text(seed):
    article = read_article(seed)
    for s in article.sentences():
        assert article.text[s.start : s.end] == s.text


def test_header_is_optional_and_tass_dateline_is_read():
    article = parse_article("MOSCOW, March 21. /TASS/. Putin met Xi in the Kremlin on Tuesday.\n")
    assert article.published is None
    assert article.dateline is not None
    assert article.dateline.city == "Moscow"
    assert article.dateline.agency == "TASS"


def test_dateline_year_comes_from_header_or_the_year_before():
    text = " date 2024-01-02 New year talks\n\nBEIJING, Dec. 30 (Xinhua) -- Talks were held.\n"
    assert parse_article(text).dateline_date == dt.date(2023, 12, 30)


def test_abbreviations_do_not_split_sentences():
    article = parse_article(
        "WASHINGTON, Sept. 25 (AP) -- U.S. President Joe Biden met Mr. Smith. Then he left.\n"
    )
    texts = [s.text for s in article.sentences()]
    assert texts[-1] == "Then he left."
    assert len(texts) == 2


def test_a_transliterated_initial_does_not_split_a_sentence():
    article = parse_article(
        "ULAANBAATAR (MONTSAME) - President Ts. Elbegdorj received the envoy. Then he left.\n"
    )
    assert [s.text for s in article.sentences()][-1] == "Then he left."
    assert len(list(article.sentences())) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x00\x01binary", "binary"), (b"caf\xe9 talks", "not UTF-8")],
)
def test_unreadable_input_gives_a_clear_error(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


def test_missing_file_is_an_article_error(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    ("opening", "city", "day", "agency"),
    [
        ("Gurgaon, Nov 12 (IANS): The two ministers met.", "Gurgaon", (11, 12), "IANS"),
        ("MOSCOW (Reuters) - The two presidents met.", "Moscow", None, "Reuters"),
        ("BEIJING - Chinese President Xi Jinping returned home.", "Beijing", None, None),
        ("Jeddah: US President Joe Biden met the crown prince.", "Jeddah", None, None),
        ("ABU DHABI, 28th April 2013 (WAM): The President left.", "Abu Dhabi", (4, 28), "WAM"),
        ("WAM ABU DHABI, 28th April 2013 (WAM): The President left.", "Abu Dhabi", (4, 28), "WAM"),
        ("BOGOR CITY, Indonesia—The two presidents met.", "Bogor", None, None),
        ("Paris, 19 March 2018", "Paris", (3, 19), None),
        ("MOSCOW (Interfax / Sputnik - 05th March, 2020) Talks began.", "Moscow", (3, 5), "Sputnik"),
        ("NEW DELHI, Oct 7 (PTI): Talks were held.", "New Delhi", (10, 7), "PTI"),
        # Ethiopia's agency: no comma, the year after a slash, the agency between slashes
        ("Addis Ababa March 3/2021/ENA/ The minister left for Cairo.", "Addis Ababa", (3, 3), "ENA"),
        ("Nairobi May 12 (KNA) The two leaders met.", "Nairobi", (5, 12), "KNA"),
    ],
)
def test_datelines_of_many_agencies(opening, city, day, agency):
    article = parse_article(f" date 2024-01-02 Headline\n\n{opening}\n")
    assert article.dateline is not None
    assert article.dateline.city == city
    got = (article.dateline.month, article.dateline.day) if article.dateline.month else None
    assert got == day
    assert article.dateline.agency == agency


@pytest.mark.parametrize(
    "opening",
    [
        "UN Secretary-General Antonio Guterres said on Monday that talks would resume.",
        "Prime Minister Narendra Modi: a profile of the leader",
        "Analysis: what the summit means for Africa",
    ],
)
def test_ordinary_openings_are_not_datelines(opening):
    assert parse_article(f"{opening}\n").dateline is None


def test_a_date_closing_the_title_is_the_reference_day():
    article = parse_article(" date 2019-12-04 PM met President Trump: 3 December 2019\n\nThey met today.\n")
    assert article.reference_date == dt.date(2019, 12, 3)
    span = parse_article(" date 2015-07-28 Visit to Singapore, 28 to 29 July 2015\n\nHe arrived today.\n")
    assert span.reference_date == dt.date(2015, 7, 28)


def test_a_readout_published_the_day_after_its_titled_day_reads_yesterday_from_publication():
    text = " date 2025-03-02 PM call with Prime Minister Carney: 1 March 2025\n\nThe Prime Minister spoke to Mark Carney yesterday.\n"
    assert parse_article(text).reference_date == dt.date(2025, 3, 2)


def test_a_byline_marks_a_reporters_story():
    article = parse_article(" date 2024-05-24 Dinner\n\nBy Sylvia Chebet\n\nThe dinner was lavish.\n")
    assert article.byline == "Sylvia Chebet"
    assert parse_article(" date 2024-05-24 Dinner\n\nBy the sea, leaders dined.\n").byline is None


def test_reuters_credit_without_brackets_closes_a_caption():
    article = parse_article(
        "MOSCOW (Reuters) - Talks.\n\nObama and Putin pose before a dinner in Beijing, November 10, 2014. REUTERS/Jason Lee\n"
    )
    assert [p.caption for p in article.paragraphs] == [False, True]


def test_a_byline_with_a_social_handle_is_no_dateline():
    text = (
        " date 2024-03-02 Visit\n\nSajid Khan (@sajidkhan_news) Published March 2, 2024 | 11:05 AM\n\n"
        "LAHORE, (Agency News - 2nd Mar, 2024) The governor received the ambassador.\n"
    )
    article = parse_article(text)
    assert article.dateline is not None and article.dateline.city == "Lahore"
