"""The trigger tables: every row loads, and the rows read phrasings as diplomatic English has them."""

from __future__ import annotations

import pytest

from timeline import nlp, triggers
from timeline.triggers import Condition, rows


def test_every_row_has_a_known_type_part_of_speech_and_conditions():
    types = set(triggers.codes())
    assert types == {"visit", "talks", "meeting", "call", "press", "signing", "ceremony", "banquet", "summit"}
    for lemma, found in rows().items():
        for row in found:
            assert row.type in types, row
            assert row.pos in ("VERB", "NOUN"), row
            assert row.lemma == lemma and lemma == lemma.lower()
            for cond in row.conditions:
                assert cond.what in ("mod", "obj", "prep", "prt", "subj", "tag"), row
                assert cond.lemmas, row


def test_eventive_verbs_name_their_role():
    for (role, lemma), preps in triggers.eventive().items():
        assert role in ("object", "subject", "passive", "partitive", "speech")
        assert lemma == lemma.lower() and preps


def test_an_unknown_condition_is_an_error_not_a_silent_no():
    (doc,) = nlp.parse(["They met."])
    with pytest.raises(ValueError, match="unknown trigger condition"):
        triggers._holds(Condition("colour", frozenset({"red"})), doc[1], lambda t: False, lambda t: False)


@pytest.mark.parametrize(
    "word", ["met", "meets", "meeting", "talks", "visits", "arrived", "visited", "signs", "laid"]
)
def test_inflected_forms_pass_the_cheap_sentence_filter(word):
    assert triggers.keyword_re().search(f"The minister {word} something.")


def test_a_sentence_without_a_trigger_word_is_not_parsed():
    assert not triggers.keyword_re().search("The economy grew by three percent in the second quarter.")


def person(t):
    return t.pos_ == "PROPN" or t.lemma_.lower() in triggers.person_nouns()


def place(t):
    return t.text in ("Hanoi", "Kenya")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The president held talks with his counterpart.", [("talks", True)]),
        ("The minister spoke by phone with Blinken.", [("call", True)]),
        ("The minister spoke to reporters about the economy.", []),
        ("The premier met the press.", [("press", True)]),
        ("The king received Ambassador Lee.", [("meeting", True)]),
        ("The ministry received a letter.", []),
        ("The president paid a state visit to Kenya.", [("visit", True)]),
        ("During the visit, the sides signed an agreement.", [("visit", False), ("signing", True)]),
        ("The leaders laid a wreath.", [("ceremony", True)]),
        ("The emir hosted a banquet.", [("banquet", True)]),
        ("The prime minister attended the G20 summit.", [("summit", True)]),
        ("The talks took place in Hanoi.", [("talks", True)]),
        ("He made a courtesy call on the president.", [("meeting", True)]),
    ],
)
def test_phrasings_and_whether_they_start_a_happening(sentence, expected):
    (doc,) = nlp.parse([sentence])
    found = [(m.type, m.eventive) for m in triggers.mentions(list(doc), person, place)]
    assert found == expected


def test_a_second_direct_object_the_parser_gives_a_verb_is_dropped():
    # a long sentence misparsed: "received vaccines ..., officials, leaders" with "leaders" a
    # second object of "received"; a verb has one direct object
    from spacy.tokens import Doc

    words = ["He", "received", "vaccines", "before", "the", "trip", ",", "leaders", "too"]
    heads = [1, 1, 1, 1, 5, 3, 1, 1, 7]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct", "dobj", "advmod"]
    doc = Doc(nlp.model().vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in triggers._objects(doc[1])] == ["vaccines"]
