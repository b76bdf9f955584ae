"""Event mentions read from the parse: a trigger word of a type and the words attached to it.

The phrasings are data (``data/triggers.tsv`` and ``data/eventive.tsv``), matched over lemmas
and dependency relations, as spaCy's own rule-based components match patterns over tokens:
"held talks", "paid a visit", "spoke by phone with", "received the ambassador". A noun trigger
("talks", "visit") starts an event only where a verb of ``eventive.tsv`` governs it or it has a
day of its own; elsewhere ("during the visit") it is a mention of a happening already told.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from timeline import wordlists

if TYPE_CHECKING:  # pragma: no cover - types only
    from spacy.tokens import Token

OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "advmod", "poss", "acomp"})
CLASSES = ("PERSON", "PLACE")
TokenTest = Callable[["Token"], bool]


@dataclass(frozen=True)
class Condition:
    what: str  # mod, obj, prep, prt, subj, tag
    lemmas: frozenset[str]  # what the attached word must be ("-": anything)
    preps: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Row:
    type: str
    lemma: str
    pos: str
    conditions: tuple[Condition, ...]
    kind: str


@dataclass(frozen=True)
class Mention:
    """One trigger in a parsed sentence."""

    type: str
    kind: str
    token: Token  # the trigger word
    anchor: Token  # the verb that carries its tense and its arguments ("held" for "held talks")
    eventive: bool  # a verb, or a noun governed by an eventive verb
    earlier: bool = False  # "after the talks": told as before the clause's own time


def _data_lines(name: str) -> Iterator[list[str]]:
    text = resources.files("timeline.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _condition(spec: str) -> Condition:
    what, _, rest = spec.partition(":")
    preps: frozenset[str] = frozenset()
    if ">" in rest:
        p, _, rest = rest.partition(">")
        preps = frozenset(p.split("|"))
    return Condition(what, frozenset(rest.split("|")), preps)


@lru_cache(maxsize=1)
def rows() -> dict[str, list[Row]]:
    """The trigger rows by lemma, in file order."""
    out: dict[str, list[Row]] = {}
    for cols in _data_lines("triggers.tsv"):
        type_, lemma, pos, conds, kind = (cols + ["-"] * 5)[:5]
        conditions = tuple(_condition(c) for c in conds.split(";") if c and c != "-")
        out.setdefault(lemma, []).append(Row(type_, lemma, pos, conditions, "" if kind == "-" else kind))
    return out


@lru_cache(maxsize=1)
def eventive() -> dict[tuple[str, str], set[str]]:
    """(role, verb lemma) -> the prepositions that link the noun ("-": the object itself)."""
    out: dict[tuple[str, str], set[str]] = {}
    for role, lemma, prep in _data_lines("eventive.tsv"):
        out.setdefault((role, lemma), set()).add(prep)
    return out


def person_nouns() -> frozenset[str]:
    """Nouns that stand for a person or a party of people ("the ambassador", "the delegation")."""
    return wordlists.words("person_nouns.txt")


@lru_cache(maxsize=1)
def codes() -> dict[str, tuple[str, str]]:
    """type -> (CAMEO code, PLOVER category)."""
    return {cols[0]: (cols[1], cols[2]) for cols in _data_lines("codes.tsv")}


_IRREGULAR = {
    "meet": "met",
    "hold": "held",
    "pay": "paid",
    "make": "made",
    "lay": "laid",
    "speak": "spoke|spoken",
    "fly": "flew|flown",
    "have": "had",
    "give": "gave|given",
    "take": "took|taken",
    "begin": "began|begun",
    "sit": "sat",
    "go": "went|gone",
}


@lru_cache(maxsize=1)
def keyword_re() -> re.Pattern[str]:
    """A cheap test for sentences worth parsing: any form of any trigger lemma."""
    stems = set()
    for lemma in rows():
        stems.add(re.escape(lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma))
        if lemma in _IRREGULAR:
            stems.update(_IRREGULAR[lemma].split("|"))
    stems.update({"talks", "met", "honou?r", "banquet", "dinner"})
    return re.compile(r"\b(?:" + "|".join(sorted(stems, key=len, reverse=True)) + r")", re.IGNORECASE)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _objects(t: Token) -> list[Token]:
    found = [c for c in t.children if c.dep_ in OBJECT_DEPS]
    direct = [c for c in found if c.dep_ == "dobj"]
    if len(direct) > 1:
        # a verb has one direct object; a second, beyond a clause, is the parser's error on a
        # long sentence ("received vaccines ..., during which he was to meet officials, leaders")
        found = [c for c in found if c.dep_ != "dobj" or c is direct[0]]
    if t.dep_ == "acl" and t.tag_ == "VBN":
        found.append(t.head)  # "the treaty, signed on Monday"
    if not direct and t.pos_ == "VERB":
        # "received at Al-Salam Palace today Vice Premier X": a name put after the place and the
        # time, which the parser hangs from the verb as a modifier of time
        found += [c for c in t.children if c.dep_ in ("npadvmod", "dep") and c.i > t.i and c.pos_ == "PROPN"]
    for c in t.children:
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == t.i + 1:
            # "received visiting Prime Minister X", parsed with X the participle's object
            found += [o for o in c.children if o.dep_ in OBJECT_DEPS]

    if any(c.dep_ == "auxpass" for c in t.children) and any(c.dep_ == "agent" for c in t.children):
        # "X was received by Y": X is received; "they were met with flags" names nobody met
        found += [c for c in t.children if c.dep_ == "nsubjpass"]
    found += [cc for c in found for cc in c.conjuncts]
    return found + counted(found)


def counted(nouns: list[Token]) -> list[Token]:
    """What counting nouns count: "a total of 12 memoranda", "a series of agreements"."""
    quantities = wordlists.words("quantity_nouns.txt")
    return [
        o
        for n in nouns
        if _lemma(n) in quantities
        for p in n.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def phrase(t: Token) -> str:
    """The words of ``t``'s own phrase: what stands before it and its compounds, not its
    relative clauses or appositions ("the Gardens, where ... was named" is no person)."""
    end = t.i
    for c in t.rights:
        if c.dep_ in ("compound", "flat", "nummod") and c.i == end + 1:
            end = c.i
        else:
            break
    return t.doc[t.left_edge.i : end + 1].text


def _fits(word: Token, lemmas: frozenset[str], is_person: TokenTest, is_place: TokenTest) -> bool:
    if "-" in lemmas:
        return True
    if "PERSON" in lemmas and is_person(word):
        return True
    if "PLACE" in lemmas and is_place(word):
        return True
    if _lemma(word) in lemmas or word.lower_ in lemmas:
        return True
    # "letter/credence": a letter of credence ("received the letters of credence")
    return any(
        f"{_lemma(word)}/{_lemma(o)}" in lemmas
        for p in word.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _modifiers(t: Token) -> set[str]:
    words = {_lemma(c) for c in t.children if c.dep_ in MODIFIER_DEPS}
    words |= {c.lower_ for c in t.children if c.dep_ in MODIFIER_DEPS}
    # "one-on-one talks", "joint press conference": the words in front of it in its phrase
    left = t.doc[max(t.left_edge.i, t.i - 4) : t.i]
    words |= {w.lower_ for w in left} | {"".join(w.text_with_ws for w in left).strip().lower()}
    words |= {_lemma(w) for w in left}
    return words


def _holds(cond: Condition, t: Token, is_person: TokenTest, is_place: TokenTest) -> bool:
    if cond.what == "mod":
        mods = _modifiers(t)
        return bool(mods & cond.lemmas) or any("-" in m and m in cond.lemmas for m in mods)
    if cond.what == "obj":
        objects = _objects(t)
        if "PERSON" not in cond.lemmas and any(c.dep_ == "auxpass" for c in t.children):
            # "documents were signed": a passive's subject is what was signed (not so for
            # people: "they were met with flags" names nobody met)
            subjects = [c for c in t.children if c.dep_ == "nsubjpass"]
            objects = objects + subjects + counted(subjects)
        return any(_fits(o, cond.lemmas, is_person, is_place) for o in objects)
    if cond.what == "subj":
        # the active voice's subject: "officials were met with flags" is no meeting of officials
        return any(_fits(c, cond.lemmas, is_person, is_place) for c in _subjects(t))
    if cond.what == "tag":
        return t.tag_ in cond.lemmas
    if cond.what == "prt":
        return any(c.dep_ in ("prt", "prep") and _lemma(c) in cond.lemmas for c in t.children)
    if cond.what == "prep":
        for p in prepositions(t):
            if p.dep_ in ("prep", "agent", "dative") and _lemma(p) in cond.preps:
                objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
                objs += [cc for o in objs for cc in o.conjuncts]
                if "-" in cond.lemmas or any(_fits(o, cond.lemmas, is_person, is_place) for o in objs):
                    return True
        return False
    raise ValueError(f"unknown trigger condition {cond.what!r}")


def prepositions(t: Token) -> list[Token]:
    """The prepositions of ``t``, and those the parser hangs from the object of its "from"
    ("departed from Udon Thani Airport for Vientiane": "for" goes with "departed")."""
    own = list(t.children)
    for p in own:
        if p.dep_ == "prep" and p.lower_ == "from":
            own += [pp for o in p.children if o.dep_ == "pobj" for pp in o.children if pp.dep_ == "prep"]
            break
    return own


def _subjects(t: Token) -> list[Token]:
    """The active subjects of ``t``; a verb under "are to", "plan to" has its governor's ("the
    ministers are to meet")."""
    own = [c for c in t.children if c.dep_ == "nsubj"]
    if not own and t.dep_ in ("xcomp", "conj") and t.head.pos_ in ("VERB", "AUX"):
        own = [c for c in t.head.children if c.dep_ == "nsubj"]
    return own + [cc for c in own for cc in c.conjuncts]


def _before_a_name(t: Token) -> bool:
    """ "visiting Chinese President Xi": the participle stands before the person as a title."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.pos_ in ("PROPN", "ADJ") and nxt.text[:1].isupper()


def _governor(t: Token) -> tuple[Token, bool]:
    """The verb that makes the noun ``t`` an event mention, and whether one does."""
    table = eventive()
    head = t.head
    while t.dep_ == "pobj" and ("partitive", _lemma(head.head)) in table and _lemma(head) == "of":
        t = head.head  # "held a first round of talks": the round stands in for the talks
        head = t.head
    while t.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
        t, head = head, head.head  # "held talks and a banquet": the first conjunct's verb
    if t.dep_ in OBJECT_DEPS or t.dep_ == "nsubjpass":
        if "-" in table.get(("object", _lemma(head)), set()):
            return head, True
    if t.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent"):
        verb = head.head
        if _lemma(head) in table.get(("object", _lemma(verb)), set()):
            return verb, True
    if t.dep_ in SUBJECT_DEPS and ("subject", _lemma(head)) in table:
        return head, True
    if t.dep_ == "nsubjpass" and ("passive", _lemma(head)) in table:
        return head, True
    if (
        t.dep_ == "pobj"
        and _lemma(head) in table.get(("speech", _lemma(head.head)), set())
        and head.head.head.pos_ in ("VERB", "AUX")
        and head.head.dep_ in OBJECT_DEPS
    ):
        return head.head.head, True  # "delivered a speech at the Assembly": was at the Assembly
    if t.dep_ == "pobj" and head.lower_ in ("following", "after") and head.head.pos_ in ("VERB", "AUX"):
        return head.head, True  # "said after the talks": talks that took place
    for c in t.children:
        if (
            c.dep_ == "amod"
            and c.tag_ in ("VBN", "VBD")
            and c.i < t.i
            and "-" in table.get(("object", _lemma(c)), set())
        ):
            return c, True  # "before the two held talks", misread as talks that are "held"
    return head, False


def mentions(
    tokens: list[Token], is_person: TokenTest, is_place: TokenTest, frames: frozenset[str] = frozenset()
) -> list[Mention]:
    """The trigger mentions among ``tokens`` (a parsed sentence), left to right. A row of kind
    ``frame:NAME`` holds only in an article of that frame (``frame:call``: a call's readout)."""
    table = rows()
    out: list[Mention] = []
    for t in tokens:
        candidates = table.get(_lemma(t)) or table.get(t.lower_)
        if not candidates:
            continue
        pos = "VERB" if t.pos_ in ("VERB", "AUX") else "NOUN" if t.pos_ in ("NOUN", "PROPN") else ""
        if pos == "NOUN" and any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in t.children):
            pos = "VERB"  # "will on Thursday depart Abuja": tagged a noun, a verb by its "will"
        if not pos:
            continue
        for row in candidates:
            if row.pos != pos:
                continue
            if row.kind.startswith("frame:") and row.kind[6:] not in frames:
                continue
            if all(_holds(c, t, is_person, is_place) for c in row.conditions):
                if pos == "VERB":
                    # "visiting President X" names a guest; "meeting President X" a meeting
                    guest = _lemma(t) not in ("meet", "receive", "host") or not any(
                        c.dep_ in OBJECT_DEPS for c in t.children
                    )
                    if t.dep_ == "amod" or (t.tag_ == "VBG" and _before_a_name(t) and guest):
                        break  # "the visiting president", "for visiting President X": who, not what
                    if t.dep_ == "acl" and t.head.dep_ == "attr" and _lemma(t.head) in person_nouns():
                        break  # "he will be the first head of state hosted by X": who he is
                    out.append(Mention(row.type, row.kind, t, t, True))
                else:
                    anchor, is_eventive = _governor(t)
                    earlier = t.dep_ == "pobj" and t.head.lower_ in ("following", "after")
                    out.append(Mention(row.type, row.kind, t, anchor, is_eventive, earlier))
                break
    # "laid a wreath", "witnessed the signing": the verb and its object name one happening
    # (the verb's row makes its object noun eventive: "told a news conference")
    same = {(m.anchor.i, m.type) for m in out if m.token.i != m.anchor.i}
    verbs = {(m.token.i, m.type) for m in out if m.token.i == m.anchor.i and m.token.pos_ in ("VERB", "AUX")}
    # "the G20 summit", "a summit meeting": the word before names the kind of the noun after,
    # not a happening of its own
    heads = {m.token.i for m in out}
    return [
        m if m.eventive or (m.anchor.i, m.type) not in verbs else replace(m, eventive=True)
        for m in out
        if not (m.token.i == m.anchor.i and (m.token.i, m.type) in same)
        and not (m.token.dep_ == "compound" and m.token.pos_ != "VERB" and m.token.head.i in heads)
    ]
