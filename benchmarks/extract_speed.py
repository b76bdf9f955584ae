"""Extraction speed on real-shaped articles, against spaCy's full pipeline over the same text.

    .venv/bin/python benchmarks/extract_speed.py                 # 1,000 articles
    .venv/bin/python benchmarks/extract_speed.py --articles 5000 --checkpoints 1000,5000

The corpus is generated from a fixed seed in the styles of Xinhua, TASS, Reuters, AP, MEA and
gov.uk, shaped like the dev corpus (about ten sentences and 220 words an article, some six of
the sentences holding a word that may name a happening: talks, visits, quotes, background).
Articles are streamed through the extractor one at a time, on one core; the CPU-time rate is
the one to compare on a shared machine. The same articles' sentences are then run through
spaCy's full English pipeline (every sentence, every component, entities included), and the
ratio of the two rates is printed: extraction parses only the sentences that hold a trigger
word, without the entity recogniser, and maps tags to parts of speech by a table.
"""

from __future__ import annotations

import argparse
import importlib
import random
import resource
import sys
import time
from collections.abc import Iterator

from timeline import extract, parse_article

LEADERS = [
    ("Chinese", "President", "Xi Jinping", "Beijing"),
    ("Russian", "President", "Vladimir Putin", "Moscow"),
    ("Tajik", "President", "Emomali Rahmon", "Dushanbe"),
    ("Indian", "Prime Minister", "Narendra Modi", "New Delhi"),
    ("French", "President", "Emmanuel Macron", "Paris"),
    ("Kenyan", "President", "William Ruto", "Nairobi"),
    ("Brazilian", "President", "Luiz Inacio Lula da Silva", "Brasilia"),
    ("Japanese", "Prime Minister", "Fumio Kishida", "Tokyo"),
    ("Egyptian", "President", "Abdel Fattah al-Sisi", "Cairo"),
    ("Indonesian", "President", "Joko Widodo", "Jakarta"),
    ("British", "Prime Minister", "Keir Starmer", "London"),
    ("Turkish", "President", "Recep Tayyip Erdogan", "Ankara"),
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "The two sides exchanged views on international and regional issues of common concern.",
    "{g} said his country is ready to work with {h} to deepen practical cooperation in trade and energy.",
    "Both leaders agreed to strengthen cooperation in infrastructure, agriculture and education.",
    "{h} said the relationship has grown steadily over the past three decades.",
    "The two countries established diplomatic relations in 1992.",
    '"We see great potential in our partnership, and we intend to use it," {g} told reporters.',
    "Trade between the two countries rose by 12 percent last year, according to official figures.",
    "{h} noted that the two nations share a long history of friendship and mutual support.",
    "Analysts say the visit signals a new phase in relations between the two capitals.",
    "The sides also discussed climate change, food security and the situation in the region.",
]


def _article(rng: random.Random, n: int) -> str:
    host, guest = rng.sample(LEADERS, 2)
    year = rng.choice([2019, 2021, 2023, 2024])
    month = rng.randrange(12)
    day = rng.randint(1, 27)
    wd = WEEKDAYS[rng.randrange(7)]
    g, h = guest[2].split()[-1], host[2].split()[-1]
    style = n % 4
    if style == 0:
        dateline = f"{host[3].upper()}, {MONTHS[month]} {day} (Xinhua) -- "
    elif style == 1:
        dateline = f"{host[3].upper()}, {MONTHS[month]} {day}. /TASS/. "
    elif style == 2:
        dateline = f"{host[3].upper()}, {MONTHS[month]} {day} (Reuters) - "
    else:
        dateline = ""
    lead = (
        f"{guest[0]} {guest[1]} {guest[2]} held talks with {host[0]} {host[1]} {host[2]} "
        f"in {host[3]} on {wd}."
    )
    body = [
        f" date {year}-{month + 1:02d}-{min(day + 1, 28):02d} {guest[0]} leader holds talks in {host[3]}",
        "",
        dateline + lead,
        f"{g} arrived in {host[3]} on {MONTHS[month]} {day} for a three-day state visit.",
        f"{h} hosted a welcome ceremony for {g} before the talks.",
    ]
    for line in rng.sample(FILLER, 4):
        body.append(line.format(g=g, h=h))
    body.append(
        f"After the talks, the two leaders witnessed the signing of {rng.randint(2, 12)} cooperation documents."
    )
    body.append(f"{h} will host a state banquet in honor of {g} on {WEEKDAYS[(WEEKDAYS.index(wd) + 1) % 7]}.")
    body.append(
        f"{guest[2]} and {host[2]} hold talks in {host[3]}, {MONTHS[month]} {day}, {year}. (Xinhua/Photo)"
    )
    return "\n\n".join(body) + "\n"


def corpus(count: int, seed: int = 2024) -> Iterator[str]:
    """``count`` articles, one at a time, the same for the same seed."""
    rng = random.Random(seed)
    for n in range(count):
        yield _article(rng, n)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _full_pipeline_rate(count: int) -> tuple[float, int]:
    """Articles per CPU second of spaCy's full pipeline over every sentence of the same corpus."""
    from timeline.nlp import MODEL_PACKAGES

    for name in MODEL_PACKAGES:
        try:
            full = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    else:
        raise SystemExit("no spaCy English model installed: run 'make setup'")
    sentences = [s.text for text in corpus(count) for s in parse_article(text, path="bench.txt").sentences()]
    list(full.pipe(sentences[:64]))  # warm up
    cpu_started = time.process_time()
    for _ in full.pipe(sentences, batch_size=64):
        pass
    return count / (time.process_time() - cpu_started), len(sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--checkpoints", default="200,1000", help="article counts to report at")
    args = parser.parse_args(argv)
    checkpoints = sorted({int(c) for c in args.checkpoints.split(",") if c} | {args.articles})
    # Warm up the model and the tables (gazetteer, countries): the figures are per article.
    extract(parse_article(next(corpus(1, seed=1)), path="warmup.txt"))
    events = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    ours = 0.0
    for n, text in enumerate(corpus(args.articles), 1):
        events += len(extract(parse_article(text, path=f"bench/{n:06d}.txt")))
        if n in checkpoints:
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            ours = n / cpu
            print(
                f"{n:>7} articles  {events:>7} events  wall {elapsed:6.2f} s = {n / elapsed:5.1f} articles/s  "
                f"CPU {cpu:6.2f} s = {ours:5.1f} articles/s  peak RSS {peak_rss_mb():.1f} MB"
            )
    full, sentences = _full_pipeline_rate(args.articles)
    print(
        f"spaCy's full pipeline over all {sentences} sentences: {full:5.1f} articles/s (CPU); "
        f"extraction is {ours / full:.2f}x that"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
