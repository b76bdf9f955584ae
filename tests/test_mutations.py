"""Damaged articles (cut, duplicated, shuffled, corrupted) never crash the tool or make
invalid events, calendars or pages. benchmarks/mutations.py runs thousands more."""

from __future__ import annotations

from mutants import ARTICLES, check_events, check_variant, variants

from timeline import extract, parse_article

VARIANTS = 300


def test_hundreds_of_damaged_articles_give_valid_events_and_exports(seed):
    bases = [*ARTICLES, seed.read_text(encoding="utf-8")]
    found = 0
    for number, text in enumerate(variants(bases, VARIANTS, seed=2024)):
        found += check_variant(text, number)
    # The damage leaves most articles readable: the test is not passing on empty output.
    assert found > VARIANTS


def test_the_undamaged_articles_all_give_events():
    for text in ARTICLES:
        article = parse_article(text)
        events = extract(article)
        check_events(events, article)
        assert events, text[:60]


def test_a_truncated_article_keeps_the_events_it_still_tells(seed):
    text = seed.read_text(encoding="utf-8")
    whole = parse_article(text)
    for event in extract(whole):
        first = event.evidence[0]
        paragraph_end = text.find("\n", first.end)
        article = parse_article(text[: paragraph_end if paragraph_end >= 0 else len(text)])
        events = extract(article)
        check_events(events, article)
        assert (event.type, event.start) in {(e.type, e.start) for e in events}
    for cut in range(0, len(text), max(1, len(text) // 40)):
        article = parse_article(text[:cut])
        check_events(extract(article), article)
