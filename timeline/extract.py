"""From an article to events by reading its sentences' structure.

1. Every sentence is read for dates (the narrative year) and, where it holds a trigger word, parsed.
2. Each trigger (``triggers.py``) with its tense (``temporal.py``) becomes a candidate: its day
   is the day attached to its clause, else the happening told before, else the document time.
3. Participants, place and countries come from the words attached to the trigger, the people
   index and the gazetteer; :func:`timeline.merge.merge_events` makes one event a happening.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

from timeline import nlp, temporal, triggers, wordlists
from timeline.article import Article, Sentence
from timeline.countries import find_countries, lookup
from timeline.dates import MONTHS, duration_days
from timeline.locate import (
    as_location,
    entry_city,
    event_countries,
    event_location,
    home_location,
    is_facility,
    named_places,
    place_line,
)
from timeline.merge import TWO_PARTY, drain, merge_events
from timeline.model import Event, Evidence, Location, Participant, Source
from timeline.people import TITLES, PeopleIndex, Person, office, plausible_name, scan_article
from timeline.places import find_place

# The version of what extraction finds: raise it with every change that can alter the events
# of an article. A store re-extracts the articles it read with an older one (timeline ingest).
# 2026.12.1 was the regex extractor; 2026.12.2 the first spaCy one; 2026.12.3 adds the rules
# written after the merge (counterparts, stays told at their end, clauses of their own);
# 2026.12.4 is the round after (auxiliaries, countries from appositions, one visit a country,
# split countries, weak rows, days of the month, reporting verbs); 2026.12.5 reads countries
# from the outlet's address, paired titles and office subjects, itineraries, journeys for a
# summit, given names, guests and hosts, and dates through the parser's attachment errors.
EXTRACTOR_VERSION = "2026.12.5"

if TYPE_CHECKING:  # pragma: no cover - types only
    from spacy.tokens import Doc, Token

_T = TypeVar("_T")
# A year written as a word ("the 2018 peace treaty"): a time without a day.
YEAR_RE = re.compile(r"(?:19|20)\d\d")


# Verbs that tell a stay at its end: "wrapped up a two-day visit", "the visit concluded".
# "during the visit", "after the talks": a happening that frames the clause, not its day's
FRAMING_PREPS = frozenset({"during", "after", "following", "before", "throughout", "since", "ahead"})
CONCLUDING = frozenset({"wrap", "conclude", "end", "complete", "finish"})
ROUTINE_SPEAKER = "spokes"  # spokesperson, spokeswoman, spokesman
STAY_KINDS = temporal.modality("stay_kind")
SEPARATELY = temporal.modality("separately")
PRONOUNS = temporal.modality("pronoun")


@dataclass(slots=True)
class Candidate:
    type: str
    kind: str
    start: dt.date
    end: dt.date | None
    # its sentence's place among the article's sentences: a long article's candidates would
    # hold a Sentence and its three int objects for every sentence that tells something
    sentence: int
    participants: list[Person]
    location: Location | None
    countries: tuple[str, ...]
    planned: bool = False  # told as a plan: it moves the narrative day only if dated itself
    dated: bool = False  # a day is attached to its own clause
    joins: bool = False  # a mention of a happening told before ("during the talks")
    # the day the sentence names, where the start is reckoned from it ("on the second day of
    # the visit, on Tuesday": Tuesday): what follows is told from that day
    named_day: dt.date | None = None
    # its agent is someone the article does not name ("the President" with no holder named
    # before, "he" with nobody told before): a "he" that follows is not its partner
    agentless: bool = False


def extract(article: Article) -> list[Event]:
    """The events an article reports, one per happening, in order of first mention."""
    people = scan_article(article)
    sentences = article.sentences()
    keyword = triggers.keyword_re()
    # Only sentences holding a trigger word are parsed, in a stream: a long article's parses
    # are never all held at once.
    wanted = bytearray(keyword.search(s.text) is not None for s in sentences)
    # the dateline is blanked, not cut: offsets stay those of the sentence
    docs = nlp.stream(
        _without_dateline(s, article)[: nlp.MAX_PARSE_CHARS]
        for s, w in zip(sentences, wanted, strict=True)
        if w
    )
    home = home_location(article)
    clock = temporal.Clock(article.reference_date)
    frames = _frames(article)
    if article.title:
        clock.title(article.title)
    out: list[Candidate] = []
    found: list[Candidate] = []
    shared: dict[Any, Any] = {}  # see _hold_once
    last_people: list[Person] = []  # who "he" and "they" are: those of the last happening told
    agentless = False  # its agent was not named: "he" is nobody named
    venue: Location | None = None  # a line that is only a place heads what follows
    # a stay abroad told: what follows on its days without a place of its own happened there
    stay: tuple[dt.date, dt.date, Location] | None = None
    for place, (s, w) in enumerate(zip(sentences, wanted, strict=True)):
        doc = next(docs) if w else None
        if doc is not None:
            here = entry_city(s.text) if article.dateline is None or s.start > article.dateline.end else None
            abroad = stay is not None and clock.told is not None and stay[0] <= clock.told <= stay[1]
            at = here or venue or (stay[2] if stay is not None and abroad else None) or home
            clock.lead(s.text)
            found = _read_sentence(
                s, place, doc, article, people, clock, at, (last_people, agentless), frames, out
            )
            _hold_once(found, shared)
            out.extend(found)
            told = [c for c in found if (not c.planned or c.dated) and not c.joins]
            for c in told:
                if c.location is None or not c.location.city or c.location == home:
                    continue
                if c.type == "visit" or (
                    c.type != "call" and (home is None or c.location.country != home.country)
                ):
                    # a stay told, or a happening abroad told from home ("HANOI - ... held talks in
                    # Canberra on March 7. Following the talks, ..."): what follows that day was there
                    stay = (c.start, c.end or c.start, c.location)
            if told:
                last_people = told[-1].participants or last_people
                agentless = told[-1].agentless
                clock.told = told[-1].named_day or told[-1].start
                clock.planned = told[-1].start if told[-1].planned else None
                clock.stay_frame = clock.stay_frame and not any(c.dated for c in told)
        if (doc is None or not found) and not (doc is not None and _told_as_background(doc)):
            clock.heading(_without_dateline(s, article))
            venue = place_line(s.text) or venue
        clock.read(s.text)
    source = Source(path=article.path, title=article.title, published=article.published, url=article.url)
    out = _one_stay(_departures(_weak_absorb(_join_split(_talks_absorb(_calls_absorb(out))))))
    # A mention of no particular kind is the bare type, which fits any kind ("arrived in Delhi"
    # and "is on a visit to India" are one visit), except for ceremonies: a day often has several
    # (a welcome, a wreath, an award) and an unlabelled one is not any of them.
    kinds = [c.kind or ("" if c.type == "ceremony" else c.type) for c in out]
    # the people index goes before the events are made, and each candidate as its event is
    # merged: a long article's index, candidates and events are never all held at once
    del found, last_people, people, docs, shared
    return merge_events(_events(out, sentences, source), kinds)


def _calls_absorb(out: list[Candidate]) -> list[Candidate]:
    """Talks or a meeting told on the day of a call with the same people ("they had a long
    discussion") are the call, told again."""
    calls = {(c.start, p.name) for c in out if c.type == "call" for p in c.participants}
    return [
        c
        for c in out
        if c.type not in ("talks", "meeting") or not any((c.start, p.name) in calls for p in c.participants)
    ]


def _departures(out: list[Candidate]) -> list[Candidate]:
    """ "X will leave for home on Friday", "X returned home on Sunday": the last day of X's visit
    told before (within two weeks of its start); a departure is no happening of its own."""
    kept: list[Candidate] = []
    for c in out:
        if c.kind != "departure":
            kept.append(c)
            continue
        who = {p.name for p in c.participants[:1]}
        for i in range(len(kept) - 1, -1, -1):
            v = kept[i]
            if v.type == "visit" and v.kind != "departure" and who & {p.name for p in v.participants}:
                if v.start < c.start <= v.start + dt.timedelta(days=14) and (
                    v.end is None or v.end < c.start
                ):
                    kept[i] = replace(v, end=c.start)
                break
    return kept


def _one_stay(out: list[Candidate]) -> list[Candidate]:
    """A visitor's days in one country, told as several arrivals ("arrived in New Delhi on
    Sunday ... will travel to Mumbai on Tuesday"), are one visit: one visit a country. The
    first telling stretches to the last day; merging then joins them."""
    last: dict[tuple[str, str], int] = {}
    out = list(out)
    for i, c in enumerate(out):
        if c.type != "visit" or c.location is None or not c.location.country or not c.participants:
            continue
        key = (c.participants[0].name, c.location.country)
        j = last.get(key)
        if j is not None:
            before = out[j]
            until = before.end or before.start
            if until < c.start <= until + dt.timedelta(days=3):
                out[j] = replace(before, end=max(c.end or c.start, until))
        if j is None or (out[j].end or out[j].start) < c.start:
            last[key] = i
    # A stay told without a day of its own (dated to the story's day: "A Thai official travels to
    # Laos for an official visit") is the stay another sentence dates, a few days off
    dated: dict[tuple[str, str], Candidate] = {}
    for c in out:
        if c.type == "visit" and c.dated and c.location is not None and c.location.country and c.participants:
            dated.setdefault((c.participants[0].name, c.location.country), c)
    for i, c in enumerate(out):
        if c.type != "visit" or c.dated or c.location is None or not c.participants:
            continue
        told = dated.get((c.participants[0].name, c.location.country or ""))
        if told is not None and abs((told.start - c.start).days) <= 3 and told.start != c.start:
            out[i] = replace(c, start=told.start, end=told.end)
    return out


def _weak_absorb(out: list[Candidate]) -> list[Candidate]:
    """ "Discussed the issues with X", "exchanged views with X": the talks, meeting or call told
    that day among the same people, told again; a happening of its own only with a day of its
    own ("discussed trade with X in Riyadh on Tuesday") and where none is."""
    strong = [c for c in out if c.kind != "weak" and c.type in ("talks", "meeting", "call")]
    kept = []
    for c in out:
        if c.kind == "weak":
            names = {p.name for p in c.participants}
            if not c.dated or any(
                o.start == c.start and (names <= {p.name for p in o.participants} or not names)
                for o in strong
            ):
                continue
            c = replace(c, kind="")
        kept.append(c)
    return kept


def _join_split(out: list[Candidate]) -> list[Candidate]:
    """A telling of one of the happenings a sentence split by country ("bilateral talks with
    leaders from A, B and C"; later "in talks with B's president X") joins that one."""
    split: dict[tuple[str, dt.date], dict[str, str]] = {}
    for c in out:
        if "with:" in c.kind:
            split.setdefault((c.type, c.start), {})[c.kind.rsplit("with:", 1)[1]] = c.kind
    if not split:
        return out
    joined = []
    for c in out:
        kinds = split.get((c.type, c.start), {})
        fits = [kinds[code] for code in c.countries if code in kinds]
        joined.append(replace(c, kind=fits[0]) if "with:" not in c.kind and len(fits) == 1 else c)
    return joined


def _talks_absorb(out: list[Candidate]) -> list[Candidate]:
    """A meeting told in the sentence of talks on their day, among the same people, is the
    talks' opening ("received X at the palace, where the two held a bilateral meeting")."""
    talks = {(c.sentence, c.start): {p.name for p in c.participants} for c in out if c.type == "talks"}
    return [
        c
        for c in out
        if not (
            c.type == "meeting"
            and (names := talks.get((c.sentence, c.start))) is not None
            and {p.name for p in c.participants} <= names
        )
    ]


def _is_person_factory(people: PeopleIndex) -> triggers.TokenTest:
    nouns = triggers.person_nouns()

    def is_person(t: Token) -> bool:
        if t.ent_type_ == "PERSON" or t.lemma_.lower() in nouns or t.lower_ in nouns:
            return True
        if t.pos_ == "PROPN":
            return bool(people.mentions_in(triggers.phrase(t)))
        return False

    return is_person


def _is_place_factory(people: PeopleIndex) -> triggers.TokenTest:
    def is_place(t: Token) -> bool:
        if t.pos_ == "PROPN" and people.mentions_in(triggers.phrase(t)):
            return False  # a person the article names, whatever the entity tagger says
        return _is_place(t)

    return is_place


SETTLEMENT_WORDS = wordlists.words("settlement_words.txt")


def _is_place(t: Token) -> bool:
    """A country, a city or a seat the gazetteer knows ("Kuala Lumpur", "the Kremlin"), or a
    town told by its kind ("the capital", "the Far Eastern city of Vladivostok")."""
    if t.pos_ == "NOUN" and t.lemma_.lower() in SETTLEMENT_WORDS:
        named = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        named += [c for c in t.children if c.dep_ == "appos"]
        if named:
            return any(_is_place(o) for o in named)
        return any(c.lower_ == "the" for c in t.children)  # "the capital": the one of the story
    if t.pos_ != "PROPN":
        return False
    span = triggers.phrase(t)
    if span.lower().startswith("the "):
        span = span[4:]
    return any(lookup(name) is not None or find_place(name) is not None for name in {span, t.text})


ORDINAL_DAYS = {word: int(n) for word, n in wordlists.table("ordinals.tsv").items()}


def _nth_day(t: Token) -> int | None:
    """2 for "the second day of the summit", "the summit's second day"."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif t.dep_ != "poss":
        return None
    if head.lemma_.lower() != "day":
        return None
    for c in head.children:
        if c.dep_ == "amod" and c.lower_ in ORDINAL_DAYS:
            return ORDINAL_DAYS[c.lower_]
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _verbless(t: Token) -> bool:
    """Whether the word stands in a fragment without a finite verb ("Friday (evening): Talks
    with X followed by dinner")."""
    return not any(w.tag_ in FINITE_TAGS for w in t.doc)


CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "xcomp", "relcl", "acl", "pcomp", "csubj"})


def _clause_verb(t: Token) -> Token:
    """The verb of the clause a word stands in (the root where there is none)."""
    while not (t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS) and t.head.i != t.i:
        t = t.head
    return t


CLAUSE_BOUNDARIES = frozenset({"ccomp", "relcl", "acl", "parataxis", "csubj"})


def _in_clause(t: Token, top: Token) -> bool:
    """Whether ``t`` belongs to the clause of ``top``: under it, with no clause between them
    ("said, 'This year we celebrate...', after the talks": the year is the quote's)."""
    node = t
    while node.i != top.i:
        if node.head.i == node.i:
            return False
        if node.dep_ in CLAUSE_BOUNDARIES or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")):
            return False
        node = node.head
    return True


# Verbs whose subject receives a visit told as their object's ("host X for a state visit")
HOSTING_VERBS = wordlists.words("hosting_verbs.txt")
# "the day before the talks", "two days after the summit": the happening a day is counted from
RELATIVE_PREPS = frozenset({"before", "after"})
# "his guest", "the visitors": the person received in what was told before
GUEST_NOUNS = wordlists.words("guest_nouns.txt")
# Verbs of a journey whose purpose, a summit, is held when the journey ends (modality.tsv)
MOVEMENT_VERBS = temporal.modality("journey")
# Participles that describe who a party is ("a delegation led by X"), not when something was
DESCRIBING_PARTICIPLES = temporal.modality("describing")


def _foreign_clause(root: Token, m: triggers.Mention) -> bool:
    """Whether a day stands in a subordinate clause that does not hold the trigger."""
    node = root
    while node.head.i != node.i:
        if node.i in (m.anchor.i, m.token.i):
            return False
        if node.dep_ in ("advcl", "relcl", "ccomp", "acl", "pcomp") and node.pos_ in ("VERB", "AUX"):
            owners = {m.token.i, m.anchor.i} | {c.i for c in m.token.conjuncts}
            if node.head.i in owners and node.dep_ in ("acl", "relcl"):
                # "the summit, taking place from 22 to 24 August": the summit's own ("the SCO
                # and CSTO summits held on September 16-17": of both)
                return False
            if node.dep_ == "acl" and node.lemma_.lower() in DESCRIBING_PARTICIPLES:
                node = node.head  # "a delegation led by X, minister of Y, on May 3": no time of
                continue  # its own; the day the parser hangs in it is the clause's above
            if (
                node.head.i == m.anchor.i
                and node.dep_ == "advcl"
                and node.tag_ == "VBG"
                and not any(c.dep_ in ("nsubj", "mark") for c in node.children)
            ):
                return False  # "Starting on May 7, he held meetings with ...": when they began
            return not (_within(m.anchor, node) or _within(m.token, node))
        node = node.head
    return False


REPORTING = temporal.modality("reporting")


def _own_phrase(m: triggers.Mention) -> str:
    """The words that can tell a happening's length: a noun's own phrase ("the two-day state
    visit"), a verb's clause; not the sentence ("placed under 14-day isolation as soon as the
    visit ended": the isolation's)."""
    t = m.token
    if t.pos_ in ("NOUN", "PROPN"):
        return t.doc[t.left_edge.i : t.i + 1].text
    return t.doc[t.left_edge.i : t.right_edge.i + 1].text


def _reported(t: Token) -> bool:
    """Whether ``t`` stands in what someone said ("Wang said the summit to be hosted by Xi holds
    great significance"): a plan told there without a day is an opinion, not the day's programme."""
    node = t
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in REPORTING:
            return True
        node = node.head
    return False


def _said_on(root: Token, m: triggers.Mention) -> bool:
    """Whether a day is the time of a reporting verb whose complement holds the trigger."""
    verb = root.head
    if root.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "..., the spokesman told reporters on Monday"
    if verb.lemma_.lower() not in REPORTING or _within(verb, m.anchor):
        return False
    return any(c.dep_ in ("ccomp", "parataxis") and _within(m.anchor, c) for c in verb.children)


def _own_clause_to_come(root: Token | None, m: triggers.Mention) -> bool:
    """Whether a day stands in a relative clause of the trigger noun told in the present ("the
    summit, which opens on Friday"; "the talks, to be held on Monday"): a day still to come."""
    node = root
    while node is not None and node.head.i != node.i:
        if node.head.i == m.token.i and m.token.i != m.anchor.i and node.dep_ in ("relcl", "acl"):
            return node.tag_ in ("VBZ", "VBP") or any(
                c.dep_ == "aux" and c.lower_ in ("to", "will") for c in node.children
            )
        node = node.head
    return False


def _within(t: Token, top: Token) -> bool:
    """Whether ``t`` stands in the subtree of ``top``."""
    return t.i == top.i or any(a.i == top.i for a in t.ancestors)


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return n + index[t.i]
    return 99


RootOf = Callable[[int, int], "Token | None"]


def _root_finder(doc: Doc) -> RootOf:
    """The token that heads the words between two character offsets (a date, a time), each
    span looked up once a sentence."""
    length = len(doc.text)
    found: dict[tuple[int, int], Token | None] = {}

    def root_of(start: int, end: int) -> Token | None:
        if (start, end) not in found:
            span = None
            if start < length:  # beyond that lies what was not parsed of a very long sentence
                span = doc.char_span(start, min(end, length), alignment_mode="expand")
            found[start, end] = span.root if span is not None and len(span) else None
        return found[start, end]

    return root_of


def _during_which(t: Token) -> bool:
    """Whether ``t`` heads a relative clause told within a span ("his visit, during which he
    met X"): it happened on some day of the span."""
    return t.dep_ == "relcl" and any(
        c.dep_ == "prep"
        and c.lower_ in ("during", "throughout")
        and any(o.lower_ == "which" for o in c.children)
        for c in t.children
    )


def _object_of(t: Token) -> Token:
    """The noun a preposition governs, as a date's distance is measured from its noun: "In
    June, he attended the summit on June 28-29" takes the day, as near as the month."""
    if t.pos_ == "ADP":
        return next((c for c in t.children if c.dep_ == "pobj"), t)
    return t


def _read_sentence(
    s: Sentence,
    place: int,
    doc: Doc,
    article: Article,
    people: PeopleIndex,
    clock: temporal.Clock,
    home: Location | None,
    antecedents: tuple[list[Person], bool],
    frames: frozenset[str],
    told: list[Candidate],
) -> list[Candidate]:
    is_person = _is_person_factory(people)
    found = triggers.mentions(list(doc), is_person, _is_place_factory(people), frames)
    # "met for talks", "arrived for a state visit", "arrived on a visit": the noun is the
    # happening, not the verb
    # (an arrival for a summit or for talks is still a visit: "arrived in Jeddah to attend the
    # summit")
    nouns_under = {
        (m.anchor.i, "visit" if m.type == "visit" else "meeting")
        for m in found
        if m.token.pos_ != "VERB"
        and m.eventive
        and m.token.dep_ == "pobj"
        and m.token.head.lower_ in ("for", "on", "to")
        and m.token.head.head.i == m.anchor.i
    }
    text = _without_dateline(s, article)
    days_read: dict[str, list[temporal.Day]] = {temporal.PAST: clock.days(text, temporal.PAST)}
    dated = sorted((d.start, d.end) for d in days_read[temporal.PAST])
    starts = [a for a, _ in dated]

    def in_a_date(at: int) -> bool:  # the year of "5 May 2010" is no vague time
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and dated[k][0] <= at < dated[k][1]

    # a year that modifies a noun ("the 2018 peace treaty", "the 2019 summit"): no day
    vague = temporal.vague_spans(text) + [
        (t.idx, t.idx + len(t))
        for t in doc
        if YEAR_RE.fullmatch(t.text)
        and t.dep_ in ("nummod", "compound", "nmod", "amod")
        and t.head.pos_ in ("NOUN", "PROPN")
        and t.head.lower_.rstrip(".") not in MONTHS  # "Sept. 25 (, 2024": a date, however broken
        and not in_a_date(t.idx)
        and not in_a_date(t.head.idx)
    ]
    out: list[Candidate] = []
    root_of = _root_finder(doc)
    # "in the first meeting between the two since 2008": what "since" hangs from a noun
    # compares, and dates nothing
    vague = [
        (a, b)
        for a, b in vague
        if not (
            text[a:b].lower().startswith("since")
            and (r := root_of(a, b)) is not None
            and r.head.pos_ in ("NOUN", "PROPN")
        )
    ]
    on_sidelines = SIDELINES_RE.search(text) is not None
    if any(m.type == "visit" and not m.eventive for m in found):
        clock.stay_frame = True  # "during his visit, he will ...": plans of the whole stay follow
    for m in found:
        if m.token.pos_ == "VERB" and (m.token.i, "visit" if m.type == "visit" else "meeting") in nouns_under:
            continue
        direction = temporal.mood(m.anchor if m.eventive else _clause_verb(m.token))
        if (
            direction == "intent"
            and m.type == "summit"
            and m.anchor.dep_ in ("advcl", "xcomp")
            and m.anchor.head.lemma_.lower() in MOVEMENT_VERBS
        ):
            # "arrived in Jeddah on Saturday to attend the summit": the summit of the journey's day
            direction = temporal.mood(m.anchor.head)
        if m.type == "press" and (ROUTINE_SPEAKER in text.lower() or _routine_briefer(m, people)):
            continue  # a spokesperson's routine briefing is no happening of the story
        if m.type == "press" and m.token.pos_ != "VERB" and m.token.text.istitle() and m.token.i > 0:
            continue  # "MFA Press Statement: Official Visit of ...": a document's name
        # "Monday, 3 June ... 1130 hrs: Bilateral talks with X": an itinerary's entry, of the
        # day its heading gave
        listed = clock.planned is not None and _verbless(m.token)
        if listed:
            direction = temporal.FUTURE  # "Thursday (noon): Talks with X": an itinerary's entry
        mods = {c.lower_ for c in m.token.children if c.dep_ in ("amod", "compound")}
        if mods & temporal.CALLED_OFF or mods & temporal.EARLIER_MODIFIERS:
            continue  # "the cancelled visit", "after the last visit"
        if mods & temporal.PLANNED_MODIFIERS and direction != temporal.NONE:
            direction = temporal.FUTURE  # "the planned meeting", "the upcoming summit"
        if direction in (temporal.NONE, "background"):
            continue
        # a present tense ("the visit, which is on Nov 30") takes the nearest such day
        way = (
            temporal.FUTURE
            if direction in (temporal.FUTURE, "intent")
            else "present"
            if direction == "present"
            else temporal.PAST
        )
        if way not in days_read:
            days_read[way] = clock.days(text, way)  # once a sentence and direction, not a trigger
        days = days_read[way]
        day, dist = _attached_day(root_of, m, days, found, direction == "intent")
        if day is not None and _during_which(m.anchor) and (r := root_of(day.start, day.end)) is not None:
            if not _within(r, m.anchor):
                # "on Monday concluded his visit, during which he attended the summit": some day
                # of the visit, not the day it ended
                day = None
        named_day: dt.date | None = None
        if day is not None and way == temporal.PAST and _own_clause_to_come(root_of(day.start, day.end), m):
            # "arrived for the summit, which opens on Friday": the summit's own clause tells its day
            if temporal.FUTURE not in days_read:
                days_read[temporal.FUTURE] = clock.days(text, temporal.FUTURE)
            day = next((d for d in days_read[temporal.FUTURE] if d.start == day.start), day)
        vague_dist = min(
            (
                _tree_distance(_object_of(r), m.anchor)
                for a, b in vague
                if (r := root_of(a, b)) is not None
                and (
                    _in_clause(r, m.anchor)
                    or (m.anchor.dep_ == "conj" and _in_clause(r, m.anchor.head))
                    or (m.anchor.dep_ == "acl" and _in_clause(r, m.anchor.head))  # "the 2018 treaty signed"
                )
            ),
            default=99,
        )
        # "Thursday (noon): Talks with X followed by lunch": a schedule's entry is its own clause
        entry = m.token.dep_ == "ROOT" or (m.token.head.dep_ == "ROOT" and m.token.dep_ in ("appos", "conj"))
        # what an itinerary's line lists, not a place or a purpose in it ("lunch at the Istana")
        listed = (
            listed
            and temporal.schedule_line(text)
            and not any(t.dep_ == "pobj" for t in (m.token, *m.token.ancestors))
        )
        # "Xi's state visit to Tajikistan is a milestone": a stay told as under way
        stay = m.type == "visit" and bool(mods & STAY_KINDS) and direction in ("present", "progressive")
        # "After his talks with Li, he will meet Xi": the talks told before, told again
        # (a "summit" of two told before is their talks: "held a summit with X ... Following the
        # summit, the two leaders attended a signing ceremony")
        told_as = {m.type, "talks"} if m.type == "summit" else {m.type}
        # "The visit is being made at the invitation of X", "The talks were held in a friendly
        # atmosphere": a definite noun without a day of its own names the one told before
        definite = (
            m.token.pos_ == "NOUN"
            and m.token.i != m.anchor.i
            and direction != temporal.FUTURE
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in m.token.children)
        )
        again = (m.earlier or definite) and day is None and any(c.type in told_as for c in told)
        if again or (
            not m.eventive
            and not stay
            and not (entry and day is not None)
            and not (listed and day is None)
            and (day is None or dist > 3)
        ):
            # "Xi made the remarks during his talks with Rahmon": the talks told before, told again
            before = next((c for c in reversed(told) if c.type == m.type), None) or next(
                (c for c in reversed(told) if c.type in told_as), None
            )
            if before is not None and day is None and direction != temporal.FUTURE:
                if m.earlier:
                    clock.told = before.start  # "Following the talks, they signed ...": that day
                _, partners, _ = _participants(m, doc, text, people, antecedents, s.start)
                new = [p for p in partners if p not in before.participants]
                if new and m.type in TWO_PARTY:
                    # "received the ambassadors of A and B. During the meeting with A's
                    # ambassador X ...": the meeting with X, on that day
                    who = [p for p in before.participants if p not in partners][:1] + new
                    codes = event_countries("", who, before.location)
                    # (of several split by country, the one of the new partner's: see _join_split)
                    kind = before.kind.split("with:")[0]
                    out.append(
                        replace(
                            before, kind=kind, sentence=place, participants=who, countries=codes, joins=True
                        )
                    )
                else:
                    out.append(replace(before, sentence=place, dated=False, joins=True))
            continue
        if day is None:
            if m.earlier and days:
                continue  # "returned on Sunday after visits to A and B": before that day, on no day given
            if direction == temporal.PAST and (
                (
                    m.anchor.dep_ == "relcl"
                    # "met X, who arrived in Kazakhstan for a state visit": the guest's stay now
                    and not (
                        m.type == "visit"
                        and m.anchor.head.tag_ == "NNP"
                        and any(c.lower_ == "who" for c in m.anchor.children)
                    )
                )
                # "officials who took part in organizing the visit": a gerund of a relative clause
                or (
                    m.anchor.dep_ == "pcomp"
                    and m.anchor.tag_ == "VBG"
                    and any(a.dep_ == "relcl" for a in m.anchor.ancestors)
                )
            ):
                continue  # "from New York, where he attended the General Assembly": background
            if vague_dist < 99 or direction == "intent":
                continue  # "met last year", "invited him to visit": no day told
            if direction == temporal.FUTURE:
                # an itinerary: the day its heading or last entry gave; after a happening of the
                # story's own day, the rest of that day's programme ("X welcomed Y on Tuesday.
                # The leaders will hold talks, to be followed by a news conference"), unless
                # the plan is framed by a whole stay ("during his visit, he will ...")
                today = (
                    clock.told is not None
                    and clock.told == clock.document
                    and not clock.stay_frame
                    and temporal.told_as_coming(m.anchor)
                )
                start = clock.planned or (clock.told if today and not _reported(m.anchor) else None)
                if start is None:
                    continue  # "will visit": a plan without its day
            elif direction == "progressive" and m.type != "visit":
                continue  # "is also meeting X": a plan without its day
            elif m.type == "visit" and len(_destinations(m)) >= 2:
                continue  # "He visited Saudi Arabia, Israel and Italy": a tour summed up, no day
            else:
                start = clock.told or clock.document
            end = None
        else:
            if vague_dist < dist or direction == "intent" and dist > 3:
                continue
            start, end = day.first, day.last
            if (
                end is None
                and m.type == "visit"
                and SINCE_RE.search(text, 0, day.start) is not None
                and clock.document is not None
                and clock.document > start
            ):
                end = clock.document  # "have been in Indonesia since Wednesday": until today
            nth = _nth_day(m.token)
            if nth:
                named_day = start
                start, end = start - dt.timedelta(days=nth - 1), start  # "the second day of the summit"
        if start is None:
            continue
        if end is None and m.type in ("visit", "summit"):
            n = duration_days(_own_phrase(m))
            if n and n > 1:
                if m.anchor.lemma_.lower() in CONCLUDING and day is not None:
                    # "the two-day visit wrapped up today": the day told is its last
                    start, end = start - dt.timedelta(days=n - 1), start
                else:
                    end = start + dt.timedelta(days=n - 1)
        participants, partners, agentless = _participants(m, doc, text, people, antecedents, s.start)
        if day is None and m.type in ("talks", "meeting") and len(participants) >= 2:
            # "The two leaders held their first summit on Thursday. Kim had arrived on Wednesday.
            # The two first met one-on-one, then held wider talks": the happening of the lead,
            # told again after a look back, not one on the day looked back to
            names = {p.name for p in participants}
            lead = next(
                (
                    c
                    for c in told
                    if c.dated
                    and c.type in ("talks", "meeting")
                    and {p.name for p in c.participants} == names
                ),
                None,
            )
            if lead is not None and lead.start > start:
                start, end = lead.start, None
        type_ = m.type
        if (
            m.type == "meeting"
            and m.token.lemma_.lower() == "meeting"
            and _counterparts(participants)
            and not on_sidelines  # "met on the sidelines of the summit, their second meeting"
        ):
            type_ = "talks"  # "the two presidents' meeting": counterparts' talks
        ours = any(
            c.dep_ == "poss"
            and (
                c.lower_ == "our"
                or (
                    c.lower_ == "their"
                    # "At their summit, President X said": the two told of, counterparts
                    and (_pair_subject(m) or (_counterparts(participants) and len(participants) == 2))
                )
            )
            for c in m.token.children
        )
        if m.type == "summit" and (_two_party(m) or _with_counterpart(m, people) or ours):
            type_ = "talks"  # "the EU-Canada Summit", "a summit with Prime Minister X", "our summit"
        location = _where(m, doc, text, article, participants, home)
        if m.anchor.dep_ in ("advcl", "xcomp") and m.anchor.head.lemma_.lower() in MOVEMENT_VERBS:
            # "will depart Abuja for Dakar to attend the forum": where the journey goes
            went = next((c for c in reversed(out) if c.sentence == place and c.type == "visit"), None)
            if went is not None and went.location is not None:
                location = went.location
        countries = tuple(
            sorted(set(event_countries(text, participants, location)) | _party_countries(m, doc))
        )
        groups = _separately(m, participants, partners, on_sidelines)
        planned = direction in (temporal.FUTURE, "intent")
        main = m.anchor.dep_ in ("ROOT", "conj") or m.anchor.head.dep_ == "ROOT"
        each = _separate_countries(m, doc, partners) if len(groups) == 1 else []
        if each:
            # "held bilateral meetings with his counterparts from A, B and C": one with each
            own = set(event_countries("", participants, location))
            for code in each:
                codes = tuple(sorted(own | {code}))
                kind = f"{m.kind}with:{code}"  # each its own happening, never merged together
                out.append(
                    Candidate(
                        type_,
                        kind,
                        start,
                        end,
                        place,
                        participants,
                        location,
                        codes,
                        planned,
                        day is not None and main,
                        named_day=named_day,
                        agentless=agentless,
                    )
                )
            continue
        for group in groups:
            codes = countries if group is participants else event_countries("", group, location)
            kind_of = type_
            if (
                group is not participants
                and type_ == "talks"
                and m.type == "meeting"
                and not _counterparts(group)
            ):
                kind_of = "meeting"  # of separate meetings, each is talks only between counterparts
            out.append(
                Candidate(
                    kind_of,
                    m.kind,
                    start,
                    end,
                    place,
                    group,
                    location,
                    codes,
                    planned,
                    day is not None and main,
                    named_day=named_day,
                    agentless=agentless,
                )
            )
    return out


ROUTINE_BRIEFERS = frozenset(w.casefold() for w in wordlists.lines("routine_briefers.txt"))


def _routine_briefer(m: triggers.Mention, people: PeopleIndex) -> bool:
    """Whether the subject of a press mention briefs as a routine (a spokesman, a chief cabinet
    secretary: data/routine_briefers.txt)."""
    for subject in (c for c in m.anchor.children if c.dep_ in triggers.SUBJECT_DEPS):
        span = subject.doc[subject.left_edge.i : subject.right_edge.i + 1].text
        if any((p.title or "").casefold() in ROUTINE_BRIEFERS for p in people.mentions_in(span)):
            return True
    return False


def _told_as_background(doc: Doc) -> bool:
    """Whether the sentence's main verb is in the past perfect ("The two had met in Glasgow on
    Monday"): a look back, whose day the narrative does not move to."""
    return any(
        t.dep_ == "ROOT"
        and t.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in t.children)
        for t in doc
    )


def _frames(article: Article) -> frozenset[str]:
    """What kind of story the article is, from its headline: a call's readout."""
    title = (article.title or "").lower()
    frames = set()
    if any(w in title for w in ("call", "phone", "telephone", "spoke", "speaks")):
        frames.add("call")
    return frozenset(frames)


def _counterparts(participants: list[Person]) -> bool:
    """Whether the people are two or three holders of offices of one tier (heads of state or
    government; foreign ministers)."""
    tiers = wordlists.table("counterpart_offices.tsv")

    def tier(p: Person) -> str | None:
        held = office(p.title)  # "chinese president": the office after a demonym
        return tiers.get(held) or tiers.get(held.split(" ", 1)[-1])

    found = {tier(p) for p in participants}
    return 2 <= len(participants) <= 3 and len(found) == 1 and None not in found


def _pair_subject(m: triggers.Mention) -> bool:
    """Whether the trigger's subject is two people: "the two leaders", "both sides", "A and B"
    ("their summit" is then the two's talks; "the G20 leaders opened their summit" is not)."""
    for subject in (c for c in m.anchor.children if c.dep_ in triggers.SUBJECT_DEPS):
        if any(c.lower_ in ("two", "both") for c in subject.children) or subject.lower_ == "both":
            return True
        if len(subject.conjuncts) == 1 and subject.pos_ == "PROPN":
            return True
    return False


def _with_counterpart(m: triggers.Mention, people: PeopleIndex) -> bool:
    """A summit held "with" one person: two leaders' talks, not a gathering."""
    for h in {m.token.i: m.token, m.anchor.i: m.anchor}.values():
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if len(objs) == 1 and not objs[0].conjuncts and people.mentions_in(triggers.phrase(objs[0])):
                    return True
    return False


TWO_PARTY_RE = re.compile(r"\b[A-Z][\w.’']*\s?[-–]\s?[A-Z][\w.’']*\s*\Z")


REGION_WORDS = wordlists.words("region_words.txt")
SIDELINES_RE = re.compile(r"\b(?:sidelines?|margins)\b", re.IGNORECASE)


def _two_party(m: triggers.Mention) -> bool:
    """A "summit" of two parties ("the EU-Canada Summit", "the China-Russia summit")."""
    t = m.token
    for c in t.children:
        # "a summit between the US and South Korea"
        if c.dep_ == "prep" and c.lower_ == "between":
            sides = [o for o in c.children if o.dep_ == "pobj"]
            sides += [cc for o in sides for cc in o.conjuncts]
            names = [" ".join(w.text for w in o.subtree if w.i <= o.i and w.lower_ != "the") for o in sides]
            if len(sides) == 2 and all(lookup(n) for n in names):
                return True
    before = t.doc.text[t.left_edge.idx : t.idx]
    found = TWO_PARTY_RE.search(before)
    if found is None:
        return False
    # "the Russia-Africa summit", "the China-Arab States Summit": one side is many countries
    return not set(re.findall(r"[\w’']+", found.group(0))) & REGION_WORDS


def _without_dateline(s: Sentence, article: Article) -> str:
    """The sentence with its dateline blanked: the dateline's day is the reference, not the day
    of what the lead sentence tells ("will meet the press on Monday" is Monday)."""
    d = article.dateline
    if d is None or d.end <= s.start or d.start >= s.end:
        return s.text
    a, b = max(d.start, s.start) - s.start, min(d.end, s.end) - s.start
    return s.text[:a] + " " * (b - a) + s.text[b:]


def _attached_day(
    root_of: RootOf,
    m: triggers.Mention,
    days: list[temporal.Day],
    found: list[triggers.Mention],
    purpose: bool = False,
) -> tuple[temporal.Day | None, int]:
    """The day attached to the trigger's clause: nearest in the tree, a full date before a
    weekday beside it; a day nearer to another trigger of the sentence is that one's."""
    best: tuple[tuple[int, int, bool, int], temporal.Day] | None = None
    for d in days:
        root = root_of(d.start, d.end)
        if root is None:
            continue
        if root.head.lower_ in temporal.PARTS_OF_DAY and root.head.i != root.i:
            root = root.head  # "scheduled for Wednesday morning": the day hangs from "morning"
        if m.earlier and not _within(root, m.token):
            continue  # "returned on Sunday after state visits": Sunday is the return's
        if _foreign_clause(root, m):
            continue  # "held talks ... before returning home next Monday": the return's day
        if _said_on(root, m):
            continue  # "the visit will underline ties, the paper said today": the saying's day
        if m.token.dep_ == "pobj" and m.token.head.head.i == root.i and m.token.head.lower_ in RELATIVE_PREPS:
            continue  # "the day before the talks", "a day after the summit": the day's reference
        if (
            m.anchor.dep_ == "relcl"
            and m.anchor.tag_ in ("VBZ", "VBP")
            and root.i != m.anchor.head.i
            and not _within(root, m.anchor)
        ):
            continue  # "X, who is on a visit to Y, will meet Z tomorrow": the meeting's day
        if purpose and not _within(root, m.anchor):
            continue  # "will visit on Friday to hold a summit": Friday is the visit's
        if (
            not m.eventive
            and m.token.head.lower_ in FRAMING_PREPS
            and not _within(root, m.token)
            and any(o is not m and o.eventive and o.anchor.i == m.token.head.head.i for o in found)
        ):
            continue  # "During the visit, she held talks on Friday": Friday is the talks'
        # (a day hung from the first of joined nouns is each one's: "the SCO and CSTO summits
        # held on September 16-17")
        mine = min(
            _tree_distance(root, m.anchor),
            _tree_distance(root, m.token),
            *(_tree_distance(root, c) for c in m.token.conjuncts if c.i < m.token.i),
        )
        # a day in the clause of another trigger is that one's, unless that clause holds this one
        # too ("on May 3, where he held talks": the talks share the day), also where that clause
        # stands under this one ("arrived on Monday and will pay a visit to Thailand from
        # Nov 17": the 17th is the visit's)
        # (a day in this trigger's own clause, nested in the other's, is this one's: "kicked off
        # a visit on Friday, where he will attend the summit this weekend")
        inner = _within(root, m.anchor)
        theirs = [
            o
            for o in found
            if o is not m
            and o.eventive
            and o.anchor.i != m.anchor.i
            and _within(root, o.anchor)
            and not (inner and _within(m.anchor, o.anchor))
            and not _shared_clause(m.anchor, o.anchor)
        ]
        own_noun = m.token.i != m.anchor.i and _within(root, m.token)  # "talks on Monday"
        if not own_noun and any(not _within(m.anchor, o.anchor) for o in theirs):
            continue
        # a full date before a weekday, a weekday before a relative word ("yesterday (Saturday)")
        # a noun's own day ("the summit, taking place from 22 to 24 August") before its verb's
        own = 0 if m.token.i != m.anchor.i and _within(root, m.token) else 1
        # a day inside the trigger's clause before one as near outside it (the clause hangs from
        # "on Friday, where he will attend the summit this weekend": the weekend)
        rank = (own, mine, not inner, {"explicit": 0, "weekday": 1}.get(d.kind, 2))
        if best is None or rank < best[0]:
            best = (rank, d)
    if best is None:
        return None, 99
    return best[1], best[0][1]


# "since Wednesday", "since Wednesday (Mar 30", "since March 30"
SINCE_RE = re.compile(r"\bsince\s+(?:[A-Z][a-z]+day\s*[(,]?\s*)?\Z", re.IGNORECASE)


def _shared_clause(a: Token, b: Token) -> bool:
    """Whether ``b`` is a verb joined to ``a`` with its subject and tense ("met and held talks
    with X on Monday"): a day told in either is both's."""
    return (
        b.dep_ == "conj"
        and b.head.i == a.i
        and b.tag_ == a.tag_
        and not any(c.dep_ in triggers.SUBJECT_DEPS for c in b.children)
    )


def _arguments(m: triggers.Mention) -> list[Token]:
    """The agent and partners of a trigger: subjects, objects, "with", "on", "by" phrases."""
    heads = [m.anchor] if m.anchor.i == m.token.i else [m.anchor, m.token]
    args: list[Token] = []
    for h in heads:
        for c in h.children:
            if c.dep_ in triggers.SUBJECT_DEPS or c.dep_ in triggers.OBJECT_DEPS or c.dep_ == "poss":
                args.append(c)
            elif (
                c.dep_ in ("prep", "agent")
                and c.lower_
                in (
                    "with",
                    "on",
                    "by",
                    "between",
                    "for",
                    "of",
                    "to",
                    "from",  # "received a visit from Prime Minister X"
                )
                and not (m.type == "visit" and c.lower_ == "for")
            ):  # "arrived for a summit with X"
                args.extend(o for o in c.children if o.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "in":
                # "a dinner in honour of the guest": the guest
                for o in c.children:
                    if o.dep_ == "pobj" and o.lemma_.lower() in ("honour", "honor"):
                        args.extend(oo for of in o.children if of.lower_ == "of" for oo in of.children)
            elif c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == h.i + 1:
                args.extend(o for o in c.children if o.dep_ in triggers.OBJECT_DEPS)  # "received visiting X"
    if (
        (
            m.anchor.dep_ in ("xcomp", "conj")
            or (m.type == "visit" and m.anchor.dep_ == "advcl" and m.anchor.tag_ == "VBG")
        )
        and m.anchor.pos_ in ("VERB", "AUX")
        and not any(a.dep_ in triggers.SUBJECT_DEPS for a in args)
    ):
        # "the leader is expected to leave for Bishkek", "the Premier worked through the night
        # and held talks", "arrived on Monday, beginning a visit": the subject of the verb it
        # depends on
        args += [c for c in m.anchor.head.children if c.dep_ in triggers.SUBJECT_DEPS]
    # "Putin, who arrived on Friday": who is the one the clause describes
    args = [
        a.head.head
        if a.tag_ in ("WP", "WDT") and a.head.dep_ == "relcl" and a.head.head.pos_ == "PROPN"
        else a
        for a in args
    ]
    # "X and Y held talks": conjuncts of each argument
    args += [cc for a in list(args) for cc in a.conjuncts]
    return args


def _destinations(m: triggers.Mention) -> set[str]:
    """The countries a visit goes to: the verb's objects, the noun's "to" ("visited A, B and C",
    "a tour to A and B")."""
    heads = [m.token] if m.token.pos_ == "VERB" else [c for c in m.token.children if c.lower_ == "to"]
    places = [c for h in heads for c in h.children if c.dep_ in triggers.OBJECT_DEPS or c.dep_ == "pobj"]
    places += [cc for c in places for cc in c.conjuncts]
    return {
        code
        for c in places
        if c.pos_ == "PROPN" and (code := lookup(triggers.phrase(c).removeprefix("the ")))
    }


def _party_countries(m: triggers.Mention, doc: Doc) -> set[str]:
    """Countries named in the trigger's arguments ("talks with leaders from Estonia and Poland",
    "met the Russian ambassador", "a banquet for the delegations of A and B")."""
    return set(_argument_countries(m, doc, longest=40))


def _singular(t: Token) -> str:
    """A noun's lemma, also for a capitalised plural the tagger reads as a name ("Presidents")."""
    lemma = t.lemma_.lower()
    return lemma[:-1] if t.tag_ == "NNPS" and lemma.endswith("s") else lemma


def _argument_countries(m: triggers.Mention, doc: Doc, longest: int | None = None) -> list[str]:
    """Countries named in the trigger's partner arguments (not its subjects), in order of
    mention; arguments of more than ``longest`` words are not read."""
    codes: list[str] = []
    nouns = triggers.person_nouns()
    for a in _arguments(m):
        if a.lemma_.lower() in PRONOUNS:
            continue
        # A subject gives its countries when it is an office ("the Kyrgyz leader", "the
        # Presidents of A and B"); a named subject gives them through its person
        if a.dep_ in triggers.SUBJECT_DEPS and _singular(a) not in nouns:
            continue
        span = doc[a.left_edge.i : a.right_edge.i + 1]
        if longest is not None and len(span) > longest:
            continue
        for c in find_countries(span.text):
            if c.kind in ("name", "demonym") and c.code not in codes:
                codes.append(c.code)
    return codes


def _name_in_phrase(t: Token, people: PeopleIndex, partner: bool = False) -> Person | None:
    """A person the people index missed, read from the parse: a run of proper nouns heading an
    argument after a title word the index does not list ("with Russian ambassador Alexey
    Borodavkin"), not a place, with the country of a demonym or country before it. A
    ``partner`` of a meeting, talks or call ("met Lula", "his meeting with Putin") needs no
    title, but is no acronym ("talks with NATO")."""
    if t.tag_ not in ("NNP", "NNPS") or _is_place(t):
        return None
    words = [t]
    for c in reversed([c for c in t.lefts if c.dep_ in ("compound", "flat")]):
        if c.i != words[0].i - 1 or c.tag_ != "NNP" or c.lemma_.lower() in triggers.person_nouns():
            break
        words.insert(0, c)
    name = " ".join(w.text for w in words)
    if not all(w.text[:1].isupper() and w.is_alpha for w in words) or not plausible_name(name):
        return None
    before = t.doc[t.left_edge.i : words[0].i].text
    codes = [c.code for c in find_countries(before) if c.kind in ("name", "demonym")]
    title = (
        before.split()[-1]
        if before.split() and before.split()[-1].lower() in triggers.person_nouns()
        else None
    )
    is_title = len(words) == 1 and (t.text in TITLES or t.lemma_.lower() in triggers.person_nouns())
    if title is None and not (partner and not is_title and not any(w.text.isupper() for w in words)):
        return None  # a bare name may be anything: a building, a newspaper, a ship
    return people.add(name, title, codes[-1] if codes else None, t.idx)


def _clause_free_end(a: Token, visit: bool = False) -> int:
    """Where an argument's words end before a clause that describes it ("Blinken, the first
    official to meet Marcos, ...", "X, who met Y"): the people of that clause take no part;
    nor, for a ``visit``, whoever invited the visitor."""
    cuts = [
        d.left_edge.i
        for d in a.subtree
        if d.dep_ in ("relcl", "acl")
        and d.left_edge.i > a.i
        and d.lemma_.lower() not in DESCRIBING_PARTICIPLES  # "a delegation led by X": X takes part
    ]
    # "a visit to Laos at the invitation of Prime Minister X": who invites is not who visits
    # (the host of a summit is one of its leaders)
    cuts += [
        d.i
        for d in a.subtree
        if visit
        and d.dep_ == "prep"
        and d.i > a.i
        and any(o.dep_ == "pobj" and o.lemma_.lower() == "invitation" for o in d.children)
    ]
    return min(cuts, default=a.right_edge.i + 1)


def _office_holder(t: Token, doc: Doc, people: PeopleIndex, at: int) -> Person | None:
    """The one person an office names ("the President", "the Russian leader", "Bhutan's Prime
    Minister"): the only holder of that title, of that country where one is written.

    An office points back to someone named before its sentence (at ``at``) or in it, not
    forward: in "In 2019 the President travelled abroad ... He hosted Indonesian President X",
    the President is not X. Only a headline or a lead told before anyone is named points
    forward."""
    if t.tag_ in ("NNS", "NNPS"):
        return None
    words = doc[t.left_edge.i : t.i + 1]
    codes = {c.code for c in find_countries(words.text) if c.kind in ("name", "demonym")}
    title = " ".join(
        w.text for w in words if w.lemma_.lower() not in ("the", "a", "'s") and w.text[:1].isupper()
    )
    holders = people.holding(title or t.text) or people.holding(t.text)
    if codes:
        holders = [p for p in holders if p.country in codes]
    told_by = at + len(doc.text)  # named before or in this sentence
    if any(p.first_seen < told_by for p in people.people):
        holders = [p for p in holders if p.first_seen < told_by]
    if len(holders) > 1:
        # "The Prime Minister met with X, the Laotian Prime Minister": not the one named beside
        named = people.mentions_in(doc.text)
        holders = [p for p in holders if p not in named] or holders
    if len(holders) > 1 and any(c.lower_ == "the" for c in t.children):
        # "the Prime Minister" of a story about one of two: the one it names most
        top = people.principals(1)
        holders = [p for p in holders if p in top] or holders
    if len(holders) == 1:
        return holders[0]
    if not holders and codes and t.lemma_.lower() in ("leader", "head"):
        # "the Russian leader": the one person of that country the article names with a title
        of_country = [p for p in people.people if p.country in codes and p.title]
        return of_country[0] if len(of_country) == 1 else None
    return None


def _participants(
    m: triggers.Mention,
    doc: Doc,
    text: str,
    people: PeopleIndex,
    antecedents: tuple[list[Person], bool],
    at: int,
) -> tuple[list[Person], list[Person], bool]:
    """Everyone taking part, the partners among them (objects, "with", "on" phrases), and
    whether the agent is someone the article does not name ("he" with nobody told before).

    ``antecedents`` holds the people of the happening told before ("he", "they") and whether its
    agent was not named ("the President ... He hosted X": he is not the partner told before)."""
    told_before, agentless_before = antecedents
    found: list[Person] = []
    partners: list[Person] = []
    pronoun = plural = unnamed = guest = False
    unnamed_from: set[str] = set()  # countries of a subject office no one is named for
    unnamed_subject = False  # "the President" as the subject, with no holder named before
    subjects: set[str] = set()  # the names of the subjects (a visit's hosts)
    nouns = triggers.person_nouns()
    for a in _arguments(m):
        span = doc[a.left_edge.i : _clause_free_end(a, m.type == "visit")].text
        named = people.mentions_in(span)
        partner = m.type in TWO_PARTY and (
            (a.dep_ == "pobj" and a.head.lower_ == "with")
            or (a.dep_ in triggers.OBJECT_DEPS and m.token.pos_ == "VERB")
        )
        if not named and _name_in_phrase(a, people, partner) is not None:
            named = people.mentions_in(span)  # "Russian ambassador Alexey Borodavkin", "met Lula"
        if a.lower_ in PRONOUNS:
            pronoun = True
            singular = a.lower_ not in ("they", "them", "their")
            if a.dep_ in triggers.SUBJECT_DEPS and (not told_before or singular and agentless_before):
                unnamed_subject = True
                unnamed = unnamed or agentless_before  # "he" is the unnamed agent told before
            plural = plural or a.lower_ in ("they", "them", "their")
        elif a.lemma_.lower() in GUEST_NOUNS and not named and told_before:
            guest = True  # "hosted his guest to a dinner": the one received before
        elif a.lemma_.lower() in nouns and not named:
            holder = _office_holder(a, doc, people, at)
            if holder is not None:
                if holder not in found:
                    found.append(holder)
                if a.dep_ not in triggers.SUBJECT_DEPS and holder not in partners:
                    partners.append(holder)
            else:
                unnamed = True  # "talks with the leaders of eight nations": nobody to name
                if a.dep_ in triggers.SUBJECT_DEPS:
                    unnamed_subject = True
                    span_codes = find_countries(doc[a.left_edge.i : a.i + 1].text)
                    unnamed_from.update(c.code for c in span_codes if c.kind in ("name", "demonym"))
        elif a.tag_ == "NNS" and a.i != m.token.i and not named:
            unnamed = True  # "members of the group had a meeting with X": people not named
        if a.dep_ in triggers.SUBJECT_DEPS:
            subjects.update(p.name for p in named)
        for p in named:
            if p not in found:
                found.append(p)
            if a.dep_ not in triggers.SUBJECT_DEPS and a.dep_ != "poss" and p not in partners:
                partners.append(p)
    if not found:
        found = people.mentions_in(text)
    if guest:
        found += [p for p in told_before if p not in found][:1]
    if m.type == "visit" and m.token.i != m.anchor.i and m.anchor.lemma_.lower() in HOSTING_VERBS:
        # "will host President X for a state visit": the visit is the guest's, not the host's
        found = [p for p in found if p.name not in subjects] or found
    if pronoun:
        # "he" is the one told about before; "they", "the two", all of them ("he attended a
        # dinner hosted by X": he and X)
        told = list(told_before if plural else [] if agentless_before else told_before[:1])
        found = [p for p in told if p not in found] + found
    if not found and not (unnamed_subject and agentless_before):
        found = people.principals(2)
        if unnamed_from:
            # "The Latvian leader arrived": not a principal of another country
            found = [p for p in found if p.country is None or p.country in unnamed_from]
    if len(found) == 1 and m.type in TWO_PARTY and not unnamed:
        other = [p for p in people.ranked() if p not in found]
        if pronoun:
            # "he" points back: in "In 2019 the President travelled ... he held talks with X ...
            # He hosted President Y", the talks are not X's with Y, named later
            other = [p for p in other if p.first_seen < at]
        if other:
            found.append(other[0])
    agentless = unnamed_subject and not subjects
    return found, partners, agentless


def _where(
    m: triggers.Mention,
    doc: Doc,
    text: str,
    article: Article,
    participants: list[Person],
    home: Location | None,
) -> Location | None:
    if m.type == "call":
        return None
    if m.type == "visit":
        for h in (m.token, m.anchor):
            # "departed from X Airport for Y": Y; "will depart Abuja for Dakar": the place it is
            # left for before the place left
            heads = sorted(triggers.prepositions(h), key=lambda c: c.dep_ in triggers.OBJECT_DEPS)
            for c in heads:
                targets = [c] if c.dep_ in triggers.OBJECT_DEPS else []
                if c.dep_ == "prep" and c.lower_ in ("to", "in", "at", "for"):
                    targets = [o for o in c.children if o.dep_ == "pobj"]  # "leave for Bishkek"
                for t in targets:
                    if t.pos_ != "PROPN":
                        continue
                    span = doc[t.left_edge.i : t.right_edge.i + 1].text
                    if span.lower().startswith("the "):
                        span = span[4:]
                    code = lookup(span) or lookup(t.text)
                    if code:
                        # "a state visit to Tajikistan", filed from Dushanbe: there
                        return home if home is not None and home.country == code else Location(None, code)
                    # a city of several words ("Bandar Seri Begawan", "Addis Ababa, Ethiopia"),
                    # else its last word
                    own = doc[t.left_edge.i : t.i + 1].text
                    name = next((n for n in (span, own) if find_place(n) is not None), t.text)
                    named = named_places(article.text).get(name)
                    place = None if is_facility(name) else find_place(name, {named} if named else ())
                    if place is not None and named and place.country != named:
                        return Location(name, named)  # "Bali, Indonesia", not Bali in Cameroon
                    if place is not None:
                        return as_location(place, name)
    return event_location(text, article, participants, home)


def _separately(
    m: triggers.Mention, participants: list[Person], partners: list[Person], on_sidelines: bool = False
) -> list[list[Person]]:
    """ "Met separately with A, B and C", "spoke separately with A and B", "held seven meetings
    with A, B, C", "held bilateral talks with A, B and C": one happening with each partner."""
    words = {c.lower_ for c in m.anchor.children} | {c.lower_ for c in m.token.children}
    plural = m.token.tag_ == "NNS" and m.token.lemma_.lower() in ("meeting", "call", "conversation")
    # "on the sidelines of the summit, he met A of X and B of Y": bilateral meetings, one each
    sidelines = on_sidelines and len({p.country for p in partners}) == len(partners)
    if not (words & SEPARATELY or plural or sidelines) or len(partners) < 2:
        return [participants]
    others = [p for p in participants if p not in partners]
    return [others[:1] + [p] for p in partners]


def _separate_countries(m: triggers.Mention, doc: Doc, partners: list[Person]) -> list[str]:
    """The countries of unnamed partners met one by one ("bilateral meetings with his
    counterparts from A, B and C", "met separately with the ministers of A and B"), in order;
    empty where the partners are named or the happening is one gathering."""
    words = {c.lower_ for c in m.anchor.children} | {c.lower_ for c in m.token.children}
    plural = m.token.tag_ == "NNS" and m.token.lemma_.lower() in ("meeting", "call", "conversation", "talk")
    if partners or not (words & SEPARATELY or (plural and words & (SEPARATELY | {"bilateral"}))):
        return []
    codes = _argument_countries(m, doc)
    return codes if len(codes) >= 2 else []


# Values held once among the events of this many candidates at a time (see _events).
SHARED_VALUES = 4096
PEOPLE_KEY = object()  # the key of a list of people in such a table starts with it


def _events(out: list[Candidate], sentences: Sequence[Sentence], source: Source) -> Iterator[Event]:
    """The events of the candidates, in order, each candidate let go of as its event is made.
    Equal values of nearby events (the people, days, place and sentence of one story) are held
    once: the values of the last few thousand events are remembered, not all of them."""
    shared: dict[Any, Any] = {}
    for c in drain(out):
        if len(shared) > SHARED_VALUES:
            shared.clear()
        yield _to_event(c, sentences[c.sentence], source, shared)


def _hold_once(found: list[Candidate], shared: dict[Any, Any]) -> None:
    """Equal days, places, countries and lists of the same people of nearby candidates held
    once: a long article holds hundreds of thousands of candidates until they are merged.
    ``shared`` remembers the values of the last few thousand. (No candidate's list of people
    is changed once made.)"""
    if len(shared) > SHARED_VALUES:
        shared.clear()
    for c in found:
        c.participants = shared.setdefault((PEOPLE_KEY, *map(id, c.participants)), c.participants)
        c.start = _once(shared, c.start)
        c.end = _once(shared, c.end)
        c.location = _once(shared, c.location)
        c.countries = _once(shared, c.countries)


def _once(shared: dict[Any, Any], value: _T) -> _T:
    return cast(_T, shared.setdefault(value, value))


def _to_event(c: Candidate, sentence: Sentence, source: Source, shared: dict[Any, Any]) -> Event:
    """The event of a candidate; values equal to one in ``shared`` (the same people, days,
    place, countries, source, sentence in thousands of events of a long article) are that one,
    held once."""
    participants = tuple(
        {
            p.name: _once(shared, Participant(p.name, p.title, p.country)) for p in reversed(c.participants)
        }.values()
    )[::-1]
    evidence = (Evidence(_once(shared, sentence.text), sentence.start, sentence.end),)
    return Event(
        type=c.type,
        start=_once(shared, c.start),
        end=_once(shared, c.end) if c.end and c.end > c.start else None,
        participants=_once(shared, participants),
        countries=_once(shared, c.countries),
        location=_once(shared, c.location),
        evidence=_once(shared, evidence),
        source=source,
        sources=_once(shared, (source,)),
        cameo=triggers.codes()[c.type][0],
        plover=triggers.codes()[c.type][1],
    )
