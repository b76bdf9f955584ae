"""People: names with their titles and countries, and the short mentions that point back.

Diplomatic English introduces a principal once in full (``Chinese President Xi Jinping``,
``Tajik President Emomali Rahmon``, ``Felix Tshisekedi, president of the Democratic Republic
of the Congo``, ``Prime Minister Narendra Modi``) and then writes ``Xi``, ``Rahmon``,
``President Rahmon`` or ``the two presidents``. :class:`PeopleIndex` collects the full
mentions of an article and resolves the short ones.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from timeline.countries import countries, find_countries, lookup

# Titles, longest first when compiled. Lower-case forms are matched case-insensitively
# only after a demonym or a name (``Tajik president``), upper-case ones anywhere.
TITLES = [
    "President",
    "Vice President",
    "Vice-President",
    "Prime Minister",
    "Premier",
    "Vice Premier",
    "Chancellor",
    "Foreign Minister",
    "Minister of Foreign Affairs",
    "Foreign Affairs Minister",
    "External Affairs Minister",
    "Minister for Foreign Affairs",
    "Minister of External Affairs",
    "Defence Minister",
    "Defense Minister",
    "Finance Minister",
    "Trade Minister",
    "Minister",
    "Secretary of State",
    "Foreign Secretary",
    "Secretary",
    "Secretary-General",
    "Secretary General",
    "King",
    "Queen",
    "Crown Prince",
    "Prince",
    "Princess",
    "Emir",
    "Amir",
    "Sheikh",
    "Sultan",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Speaker",
    "Governor",
    "Senator",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Pope",
    "General Secretary",
    "State Councilor",
    "Councillor",
    "Commissioner",
    "Governor-General",
    "Deputy Prime Minister",
    "First Deputy Prime Minister",
    "Deputy Premier",
    "Chief Executive",
    "Head of State",
    "Leader",
    "Supreme Leader",
    "Lord",
    "Lady",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "PM",
    "FM",
]
_TITLE_ALT = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
# Bounded hyphen parts and no acronym starting inside a run of capitals: a name can start at
# any capital, so an unbounded part would rescan a long run from each one (quadratic time).
_NAME_WORD = r"(?:[A-Z][a-zà-öø-ÿ'’]+(?:-[A-Z]?[a-zà-öø-ÿ'’]+){0,4}|[A-Z]\.|(?<![A-Z])[A-Z]{2,}(?![a-z]))"
_PARTICLE = r"(?:bin|ibn|al|Al|el|El|de|da|do|dos|van|von|der|den|la|le|du|di|ben|bint)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}[\s-]+)?{_NAME_WORD}){{0,3}})"

_TITLED_RE = re.compile(
    rf"(?P<title>(?:(?:Vice|Deputy|Acting|Former|Interim|Crown|Grand|First|Chief)\s+)?(?:{_TITLE_ALT}))"
    rf"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]+){{0,4}}))?"
    rf"(?:,)?\s+{_NAME}"
)
# "Felix Tshisekedi, president of the Democratic Republic of the Congo"
_APPOSITIVE_RE = re.compile(
    rf"{_NAME},\s+(?:the\s+)?(?P<title>(?:[A-Za-z-]+\s+){{0,3}}?(?:president|prime minister|premier|"
    rf"chancellor|king|queen|emir|foreign minister|minister|secretary-general|secretary general|"
    rf"secretary of state|chairman|chairwoman|leader|ambassador))"
    rf"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]+){{0,4}}))?"
)
# Words that look like names after a title but are not people.
_NOT_NAMES = {
    "The",
    "This",
    "That",
    "His",
    "Her",
    "Their",
    "Office",
    "Palace",
    "House",
    "Council",
    "Ministry",
    "Department",
    "General",
    "Affairs",
    "State",
    "Minister",
    "President",
    "Prime",
    "And",
    "Of",
    "In",
    "On",
    "At",
    "For",
    "With",
    "Said",
    "Says",
    "Also",
    "Who",
    "Has",
    "Had",
    "Will",
    "Was",
}
_TRAILING_JUNK = {
    "On",
    "In",
    "At",
    "And",
    "Said",
    "Says",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Here",
    "Today",
    "Yesterday",
    "During",
    "After",
    "Before",
}


_WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: ``Erdoğan`` and ``erdogan`` compare equal."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass
class Person:
    name: str
    title: str | None = None
    country: str | None = None
    first_seen: int = 0
    mentions: int = 1

    @property
    def surname(self) -> str:
        words = [w for w in self.name.split() if not w.endswith(".")]
        return words[-1] if words else self.name

    @property
    def short_forms(self) -> set[str]:
        """How later sentences name this person: ``Rahmon``; ``Xi`` (Chinese order puts it first)."""
        forms = {self.name, self.surname}
        words = self.name.split()
        if 2 <= len(words) <= 3 and len(words[0]) <= 4 and words[0][:1].isupper():
            forms.add(words[0])
        return forms


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    person: Person


def _clean_name(name: str) -> str:
    words = name.split()
    while words and (words[-1] in _TRAILING_JUNK or words[-1].endswith("'s") or words[-1].endswith("’s")):
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
            break
        words.pop()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    return " ".join(words)


def _country_before(text: str, start: int) -> str | None:
    """A demonym or country name standing right before a title: ``Tajik President``."""
    window = text[max(0, start - 40) : start]
    found = find_countries(window)
    if found and found[-1].end >= len(window.rstrip()) - 1 and found[-1].kind in ("demonym", "name"):
        tail = window[found[-1].end :]
        if re.fullmatch(r"(?:'s|’s)?\s*", tail):
            return found[-1].code
    return None


def _country_of(of: str | None) -> str | None:
    if not of:
        return None
    code = lookup(of)
    if code:
        return code
    mentions = find_countries(of)
    return mentions[0].code if mentions and mentions[0].kind == "name" else None


@dataclass
class PeopleIndex:
    """The people of one article, by full name, with their short forms."""

    people: list[Person] = field(default_factory=list)
    # Lookups that keep an article with thousands of people linear: who has each folded word,
    # where each person stands, and short forms keyed by their first word.
    _by_word: dict[str, dict[int, Person]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _by_words: dict[frozenset[str], dict[int, Person]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _place: dict[int, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _changes: int = field(default=0, init=False, repr=False, compare=False)
    _principals: tuple[tuple[int, int, int], list[Person]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _forms: dict[str, list[tuple[int, str, int, Person]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _odd_forms: list[tuple[int, str, int, Person]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    _forms_key: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _renames: int = field(default=0, init=False, repr=False, compare=False)

    def _candidates(self, key: str) -> list[Person]:
        """The people ``add`` may match ``key`` with, in index order: those having all of its
        words, those whose words are all among its words, and anyone whose name has no words
        (everyone, when ``key`` has none). Stale entries only add candidates, never lose one."""
        for p in self.people[len(self._place) :]:
            self._place[id(p)] = len(self._place)
            self._index_words(p)
        words = sorted(set(key.split()))
        if not words:
            return self.people
        buckets = [self._by_word.get(w, {}) for w in words]
        found = {i: p for i, p in min(buckets, key=len).items() if all(i in b for b in buckets)}
        if len(words) <= 8:
            for size in range(1, len(words) + 1):
                for subset in itertools.combinations(words, size):
                    found.update(self._by_words.get(frozenset(subset), {}))
        else:
            for bucket in buckets:
                found.update(bucket)
        found.update(self._by_word.get("", {}))
        return sorted(found.values(), key=lambda p: self._place[id(p)])

    def _index_words(self, p: Person) -> None:
        words = set(fold(p.name).split())
        self._by_words.setdefault(frozenset(words), {})[id(p)] = p
        for w in words or {""}:
            self._by_word.setdefault(w, {})[id(p)] = p

    def add(self, name: str, title: str | None, country: str | None, at: int) -> Person:
        self._changes += 1
        key = fold(name)
        for p in self._candidates(key):
            pk = fold(p.name)
            if pk == key or (len(key.split()) < len(pk.split()) and set(key.split()) <= set(pk.split())):
                p.mentions += 1
                if country and not p.country:
                    p.country = country
                if title and not p.title:
                    p.title = title
                return p
            if set(pk.split()) < set(key.split()):
                # A fuller form of someone first seen by a shorter name.
                p.name = name
                self._renames += 1
                self._index_words(p)
                p.mentions += 1
                p.country = p.country or country
                return p
        person = Person(name=name, title=title, country=country, first_seen=at)
        self.people.append(person)
        return person

    def scan(self, text: str, offset: int = 0) -> list[PersonMention]:
        """Find full mentions (with a title) in ``text`` and add them to the index."""
        out: list[PersonMention] = []
        for m in _TITLED_RE.finditer(text):
            name = _clean_name(m.group("name"))
            if not _plausible_name(name):
                continue
            title = m.group("title")
            if title in ("Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.") and len(name.split()) < 2:
                continue
            country = _country_of(m.group("of")) or _country_before(text, m.start())
            person = self.add(name, title, country, offset + m.start("name"))
            out.append(PersonMention(offset + m.start("name"), offset + m.start("name") + len(name), person))
        for m in _APPOSITIVE_RE.finditer(text):
            name = _clean_name(m.group("name"))
            if not _plausible_name(name) or len(name.split()) < 2:
                continue
            country = _country_of(m.group("of"))
            person = self.add(name, m.group("title"), country, offset + m.start("name"))
            out.append(PersonMention(offset + m.start("name"), offset + m.start("name") + len(name), person))
        return out

    def _form_index(self) -> dict[str, list[tuple[int, str, int, Person]]]:
        """Folded short forms by their first word: (person's place, form, form's length, person)."""
        key = (len(self.people), self._renames)
        if key != self._forms_key:
            self._forms, self._odd_forms = {}, []
            for order, p in enumerate(self.people):
                for form in p.short_forms:
                    folded = fold(form)
                    first = _WORD_RE.match(folded)
                    entry = (order, folded, len(form), p)
                    if first:
                        self._forms.setdefault(first.group(), []).append(entry)
                    else:
                        self._odd_forms.append(entry)
            self._forms_key = key
        return self._forms

    def mentions_in(self, text: str) -> list[Person]:
        """The known people that ``text`` mentions, by full name or surname, in order.

        A person is placed where the longest of their forms found first occurs. The text is
        read once, word by word, against the forms starting with each word.
        """
        folded = fold(text)
        best: dict[int, tuple[int, int, Person]] = {}  # person's place -> (form length, position)

        def found(order: int, length: int, at: int, p: Person) -> None:
            known = best.get(order)
            if known is None or length > known[0]:
                best[order] = (length, at, p)

        forms = self._form_index()
        for word in _WORD_RE.finditer(folded):
            for order, form, length, p in forms.get(word.group(), ()):
                at = word.start()
                end = at + len(form)
                if folded.startswith(form, at) and not (end < len(folded) and _WORD_RE.match(folded[end])):
                    found(order, length, at, p)
        for order, form, length, p in self._odd_forms:
            m = re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", folded)
            if m:
                found(order, length, m.start(), p)
        hits = sorted((at, order, p) for order, (_, at, p) in best.items())
        return [p for _, _, p in hits]

    def count_mentions(self, text: str) -> list[Person]:
        """Count one more mention for each person ``text`` names; returns them."""
        found = self.mentions_in(text)
        for p in found:
            p.mentions += 1
        self._changes += 1
        return found

    def principals(self, n: int = 2) -> list[Person]:
        """The people the article is most about: most mentioned, then first seen.

        Remembered until the index changes (through ``add``, ``scan`` or ``count_mentions``),
        so asking for every event of a long article costs nothing more."""
        key = (n, len(self.people), self._changes)
        if self._principals is None or self._principals[0] != key:
            ranked = sorted(self.people, key=lambda p: (-p.mentions, p.first_seen))
            self._principals = (key, sorted(ranked[:n], key=lambda p: p.first_seen))
        return list(self._principals[1])


def _plausible_name(name: str) -> bool:
    words = name.split()
    if not words or words[0] in _NOT_NAMES:
        return False
    if any(w in countries() for w in words if len(w) == 2 and w.isupper()):
        return False
    if lookup(name) is not None:
        return False
    return bool(re.search(r"[a-z]", name)) or len(words) >= 2
