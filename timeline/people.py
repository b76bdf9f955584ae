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
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from timeline import wordlists
from timeline.countries import agency_country, countries, find_countries, lookup, outlet_country
from timeline.dates import MONTHS, WEEKDAYS
from timeline.places import Place, find_place, is_place

if TYPE_CHECKING:  # pragma: no cover - types only
    from timeline.article import Article

# Titles (data/titles.txt), longest first when compiled. Lower-case forms are matched
# case-insensitively only after a demonym or a name (``Tajik president``), upper-case ones anywhere.
TITLES = list(wordlists.lines("titles.txt"))
_TITLE_FOLDS = frozenset(t.casefold() for t in TITLES)
_TITLE_ALT = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
# Bounded hyphen parts and no acronym starting inside a run of capitals: a name can start at
# any capital, so an unbounded part would rescan a long run from each one (quadratic time).
_UPPER = r"[A-ZÀ-ÖØ-ÞĀ-Ž]"
_NAME_WORD = rf"(?:{_UPPER}[^\W\d_A-Z]+(?:['’][^\W\d_A-Z]+)?(?:-{_UPPER}?[^\W\d_A-Z]+){{0,4}}|[A-Z]\.|(?<![\w.])[B-HJ-Z](?= {_UPPER}[^\W\d_A-Z])|(?<![A-Z])[A-Z]{{2,}}(?![a-z])|I{{2,3}}|IV)"
_PARTICLE = r"(?:bin|ibn|al|Al|el|El|de|da|do|dos|van|von|der|den|la|le|du|di|ben|bint)"
# A nickname in quotes may stand inside a name: Ferdinand "Bongbong" Marcos Jr.
_NICKNAME = r"(?:\s+[\"“'‘][A-Z][\w-]+[\"”'’])?"
_NAME = rf"(?P<name>{_NAME_WORD}{_NICKNAME}(?:\s+(?:{_PARTICLE}[\s-]+){{0,2}}{_NAME_WORD}){{0,4}})"


def _name_group(group: str) -> str:
    return rf"(?P<{group}>{_NAME_WORD}{_NICKNAME}(?:\s+(?:{_PARTICLE}[\s-]+){{0,2}}{_NAME_WORD}){{0,3}})"


# Two people named with one plural title, their countries in the same order: "Turkish and
# Russian Presidents A and B", "the Presidents of Turkey and Russia, A and B".
_COUNTRY_WORD = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)??"
_PAIRED_RE = re.compile(
    rf"(?:(?P<c1>{_COUNTRY_WORD})\s+and\s+(?P<c2>{_COUNTRY_WORD})\s+(?P<title>{_TITLE_ALT})s"
    rf"|(?P<title2>{_TITLE_ALT})s\s+of\s+(?:the\s+)?(?P<c3>{_COUNTRY_WORD})\s+and\s+(?:the\s+)?(?P<c4>{_COUNTRY_WORD}),?)"
    rf"\s+{_name_group('first')}\s+and\s+{_name_group('second')}"
)

# A title: "President", "Vice Premier", "Deputy Chairman". Its name follows, perhaps after an
# "of"/"for" phrase ("Minister for Foreign Affairs", "President of the United States").
_TITLE_RE = re.compile(
    rf"(?<![\w-])(?P<title>(?:(?:Vice|Deputy|Acting|Former|Interim|Crown|Grand|First|Chief|Second)\s+)?(?:{_TITLE_ALT})(?:-(?:elect|designate))?)(?![\w-])"
)
# Lower-case titles count after a country: "China's visiting leader Xi Jinping",
# "his Palestinian counterpart Mahmoud Abbas", "Tajik president Emomali Rahmon".
# (data/lower_titles.txt)
_LOWER_TITLE_RE = re.compile(
    r"\b(?P<title>(?:(?:visiting|new|newly[- ]elected|incoming|outgoing|then)\s+)?"
    rf"(?:{wordlists.alternation(wordlists.lines('lower_titles.txt'))}))\b"
)
_OF_RE = re.compile(r"\s+(?:of|for|to)\s+(?:the\s+)?")
_OF_WORDS_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,7}")
# Courtesy, rank and honour between a title and a name (data/honorifics.txt: regex pieces)
_HONORIFICS = "|".join(sorted(wordlists.lines("honorifics.txt"), key=len, reverse=True))
_NAME_AFTER_RE = re.compile(
    # "Prime Minister (PM) James Marape": the title's short form in brackets
    r"(?:\s+\([A-Z]{2,5}\))?"
    r"\s*,?\s+(?:(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Excellency|Majesty)\s+|HH\s+|H\.E\.\s+)?"
    rf"(?:(?:{_HONORIFICS})\.?\s+){{0,3}}"
    rf"(?:Sheikh\s+)?{_NAME}"
)
# The last word of an office or institution named after a title: "Chairman of the Security Council".
_OFFICE_WORDS = wordlists.words("office_words.txt")
# A title's words hold no preposition but its "of": "X, spoke with the President of Y" is no title.
_PREPOSITIONS = ("with", "to", "by", "for", "from", "at", "on", "in", "as", "after", "before")
_NOT_PREPOSITION = rf"(?!(?:{'|'.join(_PREPOSITIONS)})\s)"
# "Felix Tshisekedi, president of the Democratic Republic of the Congo",
# "Joe Biden, President of the United States": a name, then its title and country.
_APPOSITIVE_RE = re.compile(
    rf"(?<![\w'’-]){_NAME},\s+(?:the\s+)?(?P<title>(?:{_NOT_PREPOSITION}[A-Za-z-]+\s+){{0,3}}?(?:president|prime minister|premier|"
    rf"chancellor|king|queen|emir|foreign minister|minister|secretary-general|secretary general|general secretary|"
    rf"secretary of state|chairman|chairwoman|leader|ambassador|President|Prime Minister|Premier|"
    rf"Chancellor|King|Emir|Foreign Minister|Secretary of State|Secretary-General))"
    rf"\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]+(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]+){{0,4}})"
)
# A full name opening a sentence or clause as the subject of a diplomatic verb (the Kremlin's
# "Vladimir Putin held talks with ...", which gives no title).
_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[.;:—–] )|(?<=, )|(?<=-- )){_NAME}\s+(?:also\s+|later\s+|then\s+)?(?:held|holds|met|meets|received|receives|"
    r"hosted|hosts|had|has|paid|pays|spoke|speaks|visited|visits|signed|signs|attended|attends|welcomed|"
    r"welcomes|arrived|arrives|laid|lays|chaired|chairs|addressed|addresses)\b"
)
# Two full names opening a sentence as the subject ("Vladimir Putin and Xi Jinping held talks")
_PAIR_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=[.;:—–] )|(?<=, )|(?<=-- )){_name_group('first')}\s+and\s+"
    + _SUBJECT_RE.pattern.removeprefix(r"(?:^|(?<=[.;:—–] )|(?<=, )|(?<=-- ))")
)
# Japan's MOFA and others: "Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan"
_APPOSITIVE_OFFICE_RE = re.compile(
    rf"(?<![\w'’-]){_NAME},\s+(?P<title>(?:[A-Z][a-z]+\s+){{0,2}}(?:Minister|Secretary|President|Chancellor|Ambassador)"
    r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3})?)"
    r"\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]+){0,5})"
)
# "Xi Jinping, the first Chinese head of state to visit Fiji", "William Ruto, the Kenyan leader"
_APPOSITIVE_DEMONYM_RE = re.compile(
    rf"(?<![\w'’-]){_NAME},\s+(?:the\s+|a\s+)?(?:(?:first|new|former|then|current|visiting|late)\s+)?(?P<demonym>[A-Z][\w'’-]+)\s+"
    r"(?P<title>(?i:head of state|head of government|president|prime minister|premier|leader|foreign minister|"
    r"king|queen|monarch|emir|chancellor))\b"
)
# Words that look like names after a title but are not people.
_NOT_NAMES = wordlists.words("not_names.txt")
# Words that end a name but belong to the sentence: "Prime Minister Modi Said", weekdays, months.
_TRAILING_JUNK = (
    wordlists.words("trailing_words.txt")
    | {w.capitalize() for w in WEEKDAYS}
    | {m.capitalize() for m in MONTHS}
)


# Verbs a title-case headline puts right after a title: "Crown Prince Departs For Home",
# "Foreign Minister Meets Counterparts". A name ends before such a word.
_HEADLINE_VERBS = wordlists.words("headline_verbs.txt")
_WORD_RE = re.compile(r"\w+")
# The Arabic article joined to a surname: "al-Sisi", "el-Sisi", "Al-Thani", "as-Sadr".
_ARTICLE_PREFIX_RE = re.compile(r"(?:[Aa]l|[Ee]l|[Aa][dnrst]|[Aa]sh)-(?=[A-Z])")


def fold(text: str) -> str:
    """Lower case without accents: ``Erdoğan`` and ``erdogan`` compare equal."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(slots=True)
class Person:
    name: str
    title: str | None = None
    country: str | None = None
    first_seen: int = 0
    mentions: int = 1
    # the first word of the name, where the article names the person by it alone ("Anwar",
    # "Srettha", "Parnpree": Malay, Thai and Indonesian usage)
    given: str | None = None
    order: int = field(default=0, repr=False, compare=False)  # its place in its index's people

    @property
    def surname(self) -> str:
        return _surname(self.name)

    @property
    def short_forms(self) -> set[str]:
        """How later sentences name this person: ``Rahmon``; ``Xi`` (Chinese order puts it first)."""
        forms = _short_forms(self.name)
        return forms | {self.given} if self.given else forms

    @property
    def folded_forms(self) -> tuple[str, ...]:
        """The short forms, folded, longest first."""
        if self.given:
            return tuple(sorted({*_folded_forms(self.name), fold(self.given)}, key=len, reverse=True))
        return _folded_forms(self.name)


def _surname(name: str) -> str:
    words = [w for w in name.split() if not w.endswith(".") and w not in _SUFFIXES]
    return words[-1] if words else name


def _short_forms(name: str) -> set[str]:
    surname = _surname(name)
    forms = {name, surname}
    article = _ARTICLE_PREFIX_RE.match(surname)
    if article:
        forms.add(surname[article.end() :])  # "al-Sisi" is written "Sisi" too
    words = name.split()
    if 2 <= len(words) <= 3 and len(words[0]) <= 4 and words[0][:1].isupper():
        forms.add(words[0])
    # "Luiz Inacio Lula da Silva" is "Lula": the word before a family particle
    for before, word in itertools.pairwise(words[1:]):
        if word in _PARTICLES and before[:1].isupper():
            forms.add(before)
            forms.add(f"{before} {word} {words[-1]}")
            break
    return forms


# Remembered for the names of the last few thousand people looked for, not held by each person:
# a long article names a hundred thousand people, and an ordinary one is read from here.
@lru_cache(maxsize=4096)
def _folded_forms(name: str) -> tuple[str, ...]:
    return tuple(sorted({fold(f) for f in _short_forms(name)}, key=len, reverse=True))


def _spelt_otherwise(a: str, b: str) -> bool:
    """Whether two names are one romanised two ways in a middle word: "Yoon Suk Yeol" and "Yoon
    Seok Yeol" (the first and last words the same; a middle word begun alike, two letters apart)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 3 or wa[0] != wb[0] or wa[-1] != wb[-1]:
        return False
    differ = [(x, y) for x, y in zip(wa[1:-1], wb[1:-1], strict=True) if x != y]
    return len(differ) == 1 and differ[0][0][0] == differ[0][1][0] and _edits(*differ[0]) <= 2


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _same_given(short: str, full: str) -> bool:
    """Whether a shorter name of two words or more starts as the fuller one does: "Mohamed bin
    Zayed" is not "Hamdan bin Mohamed bin Zayed", his son, whose name holds his father's."""
    words = short.split()
    return len(words) < 2 or words[0] == full.split()[0]


def _find_word(folded: str, form: str, start: int = 0) -> int:
    """Where ``form`` first stands as whole words in ``folded`` from ``start``; -1 if nowhere."""
    at = folded.find(form, start)
    while at >= 0:
        end = at + len(form)
        if (at == 0 or not folded[at - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
            return at
        at = folded.find(form, at + 1)
    return -1


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    person: Person


_SUFFIXES = wordlists.words("name_suffixes.txt")
_ONE_WORD_TITLES = frozenset(t for t in TITLES if " " not in t and t[:1].isupper())
_PARTICLES = wordlists.words("name_particles.txt")  # "Lula da Silva": see short_forms
_NICKNAME_RE = re.compile(r"\s+[\"“'‘][A-Z][\w-]+[\"”'’]")


# Titles and their abbreviations that may open a name caught without its title ("EAM
# Jaishankar meets ...", "Chancellor Angela Merkel has received ..."); the alias tells the office.
_TITLE_ALIASES = wordlists.table("title_aliases.tsv")
_LEADING_TITLES: dict[str, str | None] = {
    **_TITLE_ALIASES,
    **{t: None if o == "-" else o for t, o in wordlists.table("leading_titles.tsv").items()},
}


def _leading_title(name: str) -> str | None:
    """The office a title opening a name gives: "EAM Jaishankar" -> "External Affairs Minister"."""
    words = name.split()
    return _LEADING_TITLES.get(words[0]) if len(words) > 1 else None


def _clean_name(name: str) -> str:
    name = _NICKNAME_RE.sub("", name)
    words = name.split()
    verb = next((i for i, w in enumerate(words) if w in _HEADLINE_VERBS), None)
    if verb is not None:
        words = words[:verb]  # "Crown Prince Departs For Home": no name follows the title
    for i, w in enumerate(words):
        if w.endswith(("'s", "’s")) and i < len(words) - 1:
            words = words[: i + 1]  # "Blinken's Meeting": the name ends at the possessive
            break
    while words and (words[-1] in _TRAILING_JUNK or words[-1].endswith("'s") or words[-1].endswith("’s")):
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
            break
        words.pop()
    # "EAM Jaishankar", "Russian Leader Vladimir Putin", "President-elect Donald Trump": titles,
    # offices and demonyms in front are not the name
    while words and (
        (len(words) > 1 and (words[0] in _LEADING_TITLES or words[0] in _ONE_WORD_TITLES))
        or words[0] in _NOT_NAMES
        or words[0] in _OFFICE_WORDS
        or (len(words) > 1 and words[0].endswith("-elect"))
        or (len(words[0]) > 3 and lookup(words[0]) is not None)
    ):
        words.pop(0)
    return " ".join(words)


# Titles that only one country uses in diplomatic English: the title tells the country.
TITLE_COUNTRY = wordlists.table("title_countries.tsv")
_COURTESY = wordlists.words("courtesy_titles.txt")
# Words of a chain of titles between a demonym and a name: "Chinese State Councilor and Foreign Minister".
_TITLE_CHAIN_WORDS = {w for t in TITLES for w in t.split()} | wordlists.words("title_chain_words.txt")
_CHAIN_RE = re.compile(r"(?:'s|’s)?((?:\s+[\w-]+){0,6})\s*")


def _country_before(text: str, start: int, chain: bool = True) -> str | None:
    """A demonym or country name right before a title: ``Tajik President``, ``China's leader``.

    With ``chain``, other titles may stand between: ``Chinese State Councilor and Foreign Minister``.
    """
    window = text[max(0, start - 60) : start]
    mentions = find_countries(window)
    if not mentions or mentions[-1].kind not in ("demonym", "name"):
        return None
    tail = _CHAIN_RE.fullmatch(window, mentions[-1].end)
    if tail is None:
        return None
    words = tail.group(1).split()
    if words and not (chain and all(w in _TITLE_CHAIN_WORDS for w in words)):
        return None
    return mentions[-1].code


def _of_phrase(text: str, pos: int) -> tuple[str | None, int]:
    """The "of"/"for" phrase after a title, and where the name may start.

    ``President of the United States Joe Biden`` -> ("United States", ...);
    ``Chairman of the Security Council Dmitry Medvedev`` -> ("Security Council", ...): the
    shortest office that a name follows.
    """
    of = _OF_RE.match(text, pos)
    if of is None:
        return None, pos
    run = _OF_WORDS_RE.match(text, of.end())
    if run is None:
        return None, pos
    ends = [w.end() for w in re.finditer(r"[\w'’-]+", run.group(0))]
    for end in reversed(ends):
        if lookup(run.group(0)[:end]) is not None or _big_city(run.group(0)[:end]):
            return run.group(0)[:end], run.start() + end
        # "Premier of the State Council of China Li Qiang": an office of a country, then the name
        if _office_of_country(run.group(0)[:end]):
            named = _NAME_AFTER_RE.match(text, run.start() + end)
            # ("... of Vietnam Central Committee Nguyen Phu Trong": the office goes on)
            if named is not None and not any(w in _OFFICE_WORDS for w in named.group("name").split()):
                return run.group(0)[:end], run.start() + end
    for end in ends:
        phrase = run.group(0)[:end]
        if phrase.split()[-1] in _OFFICE_WORDS:
            named = _NAME_AFTER_RE.match(text, run.start() + end)
            if named is not None and not any(w in _OFFICE_WORDS for w in named.group("name").split()):
                return phrase, run.start() + end
    return None, pos


def _office_of_country(phrase: str) -> bool:
    """Whether ``phrase`` is a body of a country: "State Council of China", "Central Committee
    of the Communist Party of Vietnam" (the words before are capitalised: an institution)."""
    found = find_countries(phrase)
    if not found or found[-1].kind != "name" or found[-1].end != len(phrase):
        return False
    before = phrase[: found[-1].start]
    return bool(_OF_BEFORE_RE.search(before))


_OF_BEFORE_RE = re.compile(r"\bof\s+(?:the\s+)?\Z")


def _names_next(of: str) -> bool:
    """Whether a name follows the country of an "of" phrase ("To Lam, leader of Zimbabwe Emmerson
    Mnangagwa"): the title is the next person's in a list, not an apposition of the one before."""
    found = find_countries(of)
    return bool(found) and found[0].kind == "name" and of[found[0].end :].strip()[:1].isupper()


def _country_of(of: str | None) -> str | None:
    if not of:
        return None
    code = lookup(of)
    if code:
        return code
    mentions = find_countries(of)
    if mentions and mentions[0].kind == "name":
        return mentions[0].code
    # "Crown Prince of Abu Dhabi", "Governor of Tokyo": the country of a city the office is of
    place = _big_city(of)
    return place.country if place is not None else None


def _big_city(name: str) -> Place | None:
    """A city of 100,000 people or more called ``name``: an office may be of it."""
    place = find_place(name.strip())
    return place if place is not None and place.population >= 100_000 else None


# The people of an index bucket, in the order they came: one person alone (most names' words
# are theirs only), a few in a tuple, more in a dict by id (a tuple of two is a quarter of a
# dict's size, and a long article has tens of thousands of such buckets).
Bucket = Person | tuple[Person, ...] | dict[int, Person]
SMALL_BUCKET = 8
_K = TypeVar("_K")


def _bucket(held: Bucket | None) -> dict[int, Person]:
    if held is None:
        return {}
    if isinstance(held, Person):
        return {id(held): held}
    if isinstance(held, tuple):
        return {id(p): p for p in held}
    return held


def _put(index: dict[_K, Bucket], key: _K, p: Person) -> None:
    held = index.get(key)
    if held is None:
        index[key] = p
    elif isinstance(held, Person):
        if held is not p:
            index[key] = (held, p)
    elif isinstance(held, tuple):
        if all(q is not p for q in held):
            index[key] = (*held, p) if len(held) < SMALL_BUCKET else {**_bucket(held), id(p): p}
    else:
        held[id(p)] = p


def _order(p: Person) -> int:
    return p.order


def _held(title: str | None) -> str | None:
    """A title as one string for all who hold it: thousands of people are "President"."""
    return sys.intern(title) if title is not None else None


@dataclass
class PeopleIndex:
    """The people of one article, by full name, with their short forms."""

    people: list[Person] = field(default_factory=list)
    # Lookups that keep an article with thousands of people linear: who has each folded word,
    # who has each set of words (``_indexed`` people are in these two), and short forms keyed by
    # their first word (see _bucket, _put). The first two are keyed by the hash of the word and
    # of the sorted words, not the strings (a long article's people's words were a third of
    # the index): they only pick the people ``add`` compares, so a rare collision costs a
    # comparison, never a different answer.
    _by_word: dict[int, Bucket] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_words: dict[int, Bucket] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=0, init=False, repr=False, compare=False)
    _changes: int = field(default=0, init=False, repr=False, compare=False)
    _principals: tuple[tuple[int, int, int], list[Person]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _forms: dict[str, Bucket] = field(default_factory=dict, init=False, repr=False, compare=False)
    _odd_forms: list[Person] = field(default_factory=list, init=False, repr=False, compare=False)
    _forms_key: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)
    _renames: int = field(default=0, init=False, repr=False, compare=False)

    def _candidates(self, key: str) -> list[Person]:
        """The people ``add`` may match ``key`` with, in index order: those having all of its
        words, those whose words are all among its words, and anyone whose name has no words
        (everyone, when ``key`` has none). Stale entries only add candidates, never lose one."""
        for p in self.people[self._indexed :]:
            self._index_words(p)
        self._indexed = len(self.people)
        words = sorted(set(key.split()))
        if not words:
            return self.people
        buckets = [_bucket(self._by_word.get(hash(w))) for w in words]
        found = {i: p for i, p in min(buckets, key=len).items() if all(i in b for b in buckets)}
        if len(words) <= 8:
            for size in range(1, len(words) + 1):
                for subset in itertools.combinations(words, size):
                    found.update(_bucket(self._by_words.get(hash(subset))))
        else:
            for bucket in buckets:
                found.update(bucket)
        found.update(_bucket(self._by_word.get(hash(""))))
        ordered = key.split()
        if len(ordered) >= 3:  # a name spelt otherwise in a middle word: the same first and last
            last = _bucket(self._by_word.get(hash(ordered[-1])))
            found.update({i: p for i, p in _bucket(self._by_word.get(hash(ordered[0]))).items() if i in last})
        return sorted(found.values(), key=_order)

    def _index_words(self, p: Person) -> None:
        words = set(fold(p.name).split())
        _put(self._by_words, hash(tuple(sorted(words))), p)
        for w in words or {""}:
            _put(self._by_word, hash(w), p)

    def add(self, name: str, title: str | None, country: str | None, at: int, sure: bool = False) -> Person:
        """Index a full mention. ``sure``: the country is stated as the person's own ("X, Prime
        Minister of Pakistan"), so it replaces one guessed from a country named nearby."""
        self._changes += 1
        key = fold(name)
        for p in self._candidates(key):
            pk = fold(p.name)
            if not _same_office(p.title, title) and pk != key:
                continue  # "President Biden" is not "First Lady Jill Biden"
            if (
                pk == key
                or (
                    len(key.split()) < len(pk.split())
                    and set(key.split()) <= set(pk.split())
                    and _same_given(key, pk)
                )
                or _spelt_otherwise(key, pk)
            ):
                p.mentions += 1
                if country and (sure or not p.country):
                    p.country = country
                if title and not p.title:
                    p.title = _held(title)
                return p
            if set(pk.split()) < set(key.split()) and _same_given(pk, key):
                # A fuller form of someone first seen by a shorter name.
                p.name = name
                self._renames += 1
                self._index_words(p)
                p.mentions += 1
                p.country = country if sure and country else p.country or country
                return p
        person = Person(name=name, title=_held(title), country=country, first_seen=at, order=len(self.people))
        self.people.append(person)
        return person

    def scan(self, text: str, offset: int = 0) -> list[PersonMention]:
        """Find full mentions (with a title) in ``text`` and add them to the index."""
        out: list[PersonMention] = []

        def found(name_raw: str, at: int, title: str | None, country: str | None, sure: bool = False) -> None:
            name = _clean_name(name_raw)
            if not plausible_name(name):
                return
            if title in _COURTESY and len(name.split()) < 2:
                return
            person = self.add(name, title, country, offset + at, sure)
            out.append(PersonMention(offset + at, offset + at + len(name), person))

        for m in _TITLE_RE.finditer(text):
            of, pos = _of_phrase(text, m.end())
            named = _NAME_AFTER_RE.match(text, pos)
            if named is None:
                continue
            after, _ = _of_phrase(text, named.end())
            if after is not None and text[named.end() : named.end() + 5].split()[:1] == ["to"]:
                after = None  # "the visit of Prime Minister X to Maldives": where he went
            # "Ambassador to China": the country he is sent to is not his own.
            sent_to = of is not None and text[m.end() : m.end() + 5].split()[:1] == ["to"]
            country = (
                (None if sent_to else _country_of(of))
                or _country_before(text, m.start())
                or _country_of(after)
                or (TITLE_COUNTRY.get(m.group("title")) if of is None else None)
            )
            found(named.group("name"), named.start("name"), m.group("title"), country)
        for m in _LOWER_TITLE_RE.finditer(text):
            of, pos = _of_phrase(text, m.end())
            named = _NAME_AFTER_RE.match(text, pos)
            if named is not None and _TITLE_RE.match(text, named.start("name")):
                continue  # "for an Indian leader, President Xi": the title is someone else's
            # "leader of Zimbabwe Emmerson Mnangagwa", "his Palestinian counterpart Mahmoud Abbas"
            country = _country_of(of) if of else _country_before(text, m.start(), chain=False)
            if named is not None and (
                country is not None or len(_clean_name(named.group("name")).split()) >= 2
            ):
                # "his Palestinian counterpart Mahmoud Abbas"; "first lady Michelle Obama"
                found(named.group("name"), named.start("name"), m.group("title"), country)
        subjects = [(m, "name") for m in _SUBJECT_RE.finditer(text)]
        subjects += [(m, g) for m in _PAIR_SUBJECT_RE.finditer(text) for g in ("first", "name")]
        for m, group in subjects:
            # "Vladimir Putin held talks ...": a full name as the subject of a diplomatic verb.
            name = _clean_name(m.group(group))
            words = name.split()
            title = _leading_title(m.group(group))
            if title is not None and len(words) == 1:
                found(m.group(group), m.start(group), title, TITLE_COUNTRY.get(title))
            elif 2 <= len(words) <= 4 and not any(w in _OFFICE_WORDS or lookup(w) for w in words):
                found(m.group(group), m.start(group), title, TITLE_COUNTRY.get(title or ""))
        for m in _PAIRED_RE.finditer(text):
            first, second = lookup(m.group("c1") or m.group("c3")), lookup(m.group("c2") or m.group("c4"))
            if first and second and first != second:
                title = m.group("title") or m.group("title2")
                found(m.group("first"), m.start("first"), title, first, sure=True)
                found(m.group("second"), m.start("second"), title, second, sure=True)
        for m in _APPOSITIVE_OFFICE_RE.finditer(text):
            code = None if _names_next(m.group("of")) else _country_of(m.group("of"))
            if code is not None and len(_clean_name(m.group("name")).split()) >= 2:
                found(m.group("name"), m.start("name"), m.group("title"), code, sure=True)
        for m in _APPOSITIVE_DEMONYM_RE.finditer(text):
            code = lookup(m.group("demonym"))
            if code is not None and len(_clean_name(m.group("name")).split()) >= 2:
                found(m.group("name"), m.start("name"), m.group("title"), code)
        for m in _APPOSITIVE_RE.finditer(text):
            if len(_clean_name(m.group("name")).split()) >= 2 and not _names_next(m.group("of")):
                found(
                    m.group("name"), m.start("name"), m.group("title"), _country_of(m.group("of")), sure=True
                )
        return out

    def _form_index(self) -> dict[str, Bucket]:
        """The people by the first word of each of their folded short forms."""
        key = (len(self.people), self._renames)
        if key != self._forms_key:
            self._forms, self._odd_forms = {}, []
            for p in self.people:
                for folded in {fold(form) for form in p.short_forms}:
                    first = _WORD_RE.match(folded)
                    if first:
                        _put(self._forms, first.group(), p)
                    else:
                        self._odd_forms.append(p)
            self._forms_key = key
        return self._forms

    def mentions_in(self, text: str) -> list[Person]:
        """The known people that ``text`` mentions, by full name or surname, in order.

        A short form inside another person's full name does not count: "Mohamed" in
        "Mohamed Muizzu" is not a mention of "Sajidha Mohamed". Only the people with a form
        starting with one of the text's words are looked at, so a long article stays linear."""
        folded = fold(text)
        forms = self._form_index()
        present: dict[int, Person] = {}
        for word in _WORD_RE.finditer(folded):
            held = forms.get(word.group())
            if held is None:
                continue
            if isinstance(held, Person):
                present[held.order] = held
            else:
                for p in held if isinstance(held, tuple) else held.values():
                    present[p.order] = p
        for p in self._odd_forms:
            present[p.order] = p
        candidates = [p for _, p in sorted(present.items(), key=lambda kv: kv[0])]
        full: list[tuple[int, int, Person]] = []
        for p in candidates:
            name = p.folded_forms[0]
            at = _find_word(folded, name)
            while at >= 0:
                full.append((at, at + len(name), p))
                at = _find_word(folded, name, at + 1)
        hits: list[tuple[int, Person]] = []
        for p in candidates:
            for form in p.folded_forms:
                at = _find_word(folded, form)
                while at >= 0 and any(a <= at < b and q is not p for a, b, q in full):
                    at = _find_word(folded, form, at + 1)
                if at >= 0:
                    hits.append((at, p))
                    break
        hits.sort(key=lambda h: h[0])
        return [p for _, p in hits]

    def count_mentions(self, text: str) -> list[Person]:
        """Count one more mention for each person ``text`` names; returns them."""
        found = self.mentions_in(text)
        for p in found:
            p.mentions += 1
        self._changes += 1
        return found

    def holding(self, title: str) -> list[Person]:
        """Everyone whose title is ``title`` (singular, any case): "the ambassadors" names them all."""
        want = office(title)
        return [p for p in self.people if office(p.title).endswith(want)]

    def ranked(self) -> list[Person]:
        """Everyone, the most mentioned first (then the first seen)."""
        return sorted(self.people, key=lambda p: (-p.mentions, p.first_seen))

    def principals(self, n: int = 2) -> list[Person]:
        """The people the article is most about: most mentioned, then first seen.

        Remembered until the index changes (through ``add``, ``scan`` or ``count_mentions``),
        so asking for every event of a long article costs nothing more."""
        key = (n, len(self.people), self._changes)
        if self._principals is None or self._principals[0] != key:
            ranked = sorted(self.people, key=lambda p: (-p.mentions, p.first_seen))
            self._principals = (key, sorted(ranked[:n], key=lambda p: p.first_seen))
        return list(self._principals[1])


def office(title: str | None) -> str:
    """The office a title names, folded: "PM" and "Prime Minister" are one office."""
    words = _TITLE_ALIASES.get(title or "", title or "").replace("-", " ").split()
    words = [w for w in words if w.lower() not in ("visiting", "new", "former", "acting", "interim", "then")]
    return " ".join(words).casefold()


# Titles that name no office of their own: courtesy titles and loose words.
LOOSE_OFFICES = frozenset({"", *(c.casefold() for c in _COURTESY)}) | wordlists.words("loose_offices.txt")


def _same_office(a: str | None, b: str | None) -> bool:
    """Whether two titles may belong to one person: courtesy titles and no title fit any."""
    oa, ob = office(a), office(b)
    return oa in LOOSE_OFFICES or ob in LOOSE_OFFICES or oa == ob or oa in ob or ob in oa


# Words that make a capitalised phrase after a title a place or a thing: "King Abdul Aziz
# International Airport", "Queen Elizabeth Hall".
_THING_WORDS = wordlists.words("thing_words.txt")


def plausible_name(name: str) -> bool:
    """Whether ``name`` can be a person's: not a country, not a thing, not a word that starts
    no name."""
    words = name.split()
    if not words or words[0] in _NOT_NAMES or words[-1] in _THING_WORDS:
        return False
    if any(w in countries() for w in words if len(w) == 2 and w.isupper()):
        return False
    if lookup(name) is not None:
        return False
    if name.casefold() in _TITLE_FOLDS:
        return False  # "Crown Prince receives Chinese official": an office, nobody's name
    if len(words) >= 2 and find_place(name) is not None:
        return False  # "in New York": a city of several words is nobody's name
    return bool(re.search(r"[a-z]", name)) or len(words) >= 2


# "his Chinese counterpart": the one before is of another country.
_COUNTERPART_RE = re.compile(r"\b(?:his|her|their) (?P<who>[A-Z][\w'’-]+) (?:counterpart|peer)s?\b")

# "Albanese will travel to Fiji", "Modi arrived in Japan": the traveller and the country.
# "Prime Minister X's visit to Abu Dhabi": who visits a place is not of its country
VISIT_OF_RE = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+)['’]s (?:[\w-]+ ){0,3}(?:visit|trip|tour|stay) (?:to|in) (?:the )?"
    r"(?P<where>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)
TRAVELS_TO_RE = re.compile(
    r"\b(?P<who>[A-Z][\w'’-]+) (?:(?:will|has|had|is to|then|also|later) ){0,2}(?:travel|travels|travelled|traveled|"
    r"flew|flies|fly|arrived|arrives|arrive|visited|visits|visit) (?:to |in )?(?:the )?"
    r"(?P<where>here\b|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
)


def scan_article(article: Article) -> PeopleIndex:
    """Every person the article names with a title, each with a country where one can be told."""
    people = PeopleIndex()
    if article.title:
        people.scan(article.title, 0)
    counts: Counter[str] = Counter()
    for s in article.sentences():
        people.scan(s.text, s.start)
        counts.update(m.code for m in find_countries(s.text))
    # Agencies often leave out the home country of their own leaders ("Premier Li Keqiang",
    # "President Ram Nath Kovind"): a person with no country named belongs to the country the
    # article names most.
    # One country has one president and one prime minister: a country that already has a
    # holder of the title is not the home of another ("President Mohamed bin Zayed and US
    # President Joe Biden", in an article that names the United States most).
    held = {
        (office(p.title), p.country)
        for p in people.people
        if p.country and office(p.title) not in LOOSE_OFFICES
    }
    # "Srettha Thavisin, the Thai Prime Minister, departed ...": the apposition tells it
    _apposed_countries([p for p in people.people if p.country is None], article.text)
    ranked = [code for code, _ in counts.most_common()]
    # An agency leaves out the country of its own leaders: the country it writes for comes first
    # (a national agency's: "(PTI)", else the dateline's: "ISLAMABAD: Prime Minister X paid a
    # visit to Iran").
    written_in = _writer_country(article)
    if written_in:
        ranked = [written_in] + [c for c in ranked if c != written_in]
    # A leader named with a foreign one whose country is told is not of that country: "German
    # Chancellor Angela Merkel" with "Prime Minister David Cameron", in a story naming Germany most.
    beside: dict[int, set[str]] = {}
    if any(p.country is None for p in people.people):
        for s in article.sentences():
            found = people.mentions_in(s.text)
            for p in found:
                # A spouse travels with the leader: "First Lady Liza Marcos" is not excluded.
                if (
                    p.country is None
                    and office(p.title) not in LOOSE_OFFICES
                    and "lady" not in office(p.title)
                ):
                    # Not a short form of the same person, nor a spouse ("First Lady Liza Marcos").
                    words = set(p.name.split())
                    beside.setdefault(id(p), set()).update(
                        o.country for o in found if o.country and not words & set(o.name.split())
                    )
                    # "Albanese will travel to Fiji": who travels to a country is not from it.
                    # "Singh began talks with his Chinese counterpart": Singh is not Chinese
                    for m in _COUNTERPART_RE.finditer(s.text):
                        if (code := lookup(m.group("who"))) and any(
                            f in s.text[: m.start()] for f in (p.name, p.surname)
                        ):
                            beside[id(p)].add(code)
                    # "arrived in Abu Dhabi", "arrived here": the country of the city, of the dateline
                    for m in itertools.chain(TRAVELS_TO_RE.finditer(s.text), VISIT_OF_RE.finditer(s.text)):
                        if m.group("who") in words and (code := _country_at(m.group("where"), article)):
                            beside[id(p)].add(code)
    for p in people.people:
        if p.country is None:
            own = office(p.title)
            fits = [c for c in ranked if own in LOOSE_OFFICES or (own, c) not in held]
            p.country = next((c for c in fits if c not in beside.get(id(p), set())), None)
    _given_names(people, article.text)
    # A second pass counts bare surnames (``Xi``, ``Rahmon``) so principals rank by mentions.
    for s in article.sentences():
        people.count_mentions(s.text)
    return people


_CAPITALISED_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]{2,}")


def _given_names(people: PeopleIndex, text: str) -> None:
    """Give a person the first word of the name as a form where the article names them by it
    alone ("Parnpree Bahiddha-Nukara ... Parnpree, who is on a visit"). One pass over the text;
    a first word two people share, or that is another's form, a country or a place, is none."""
    owners: dict[str, list[Person]] = {}
    taken: set[str] = set()
    for p in people.people:
        words = p.name.split()
        taken.update(p.short_forms)
        if len(words) >= 2 and len(words[0]) >= 3 and words[0][0].isupper() and not words[0].endswith("."):
            owners.setdefault(words[0], []).append(p)
    candidates = {
        w: ps[0]
        for w, ps in owners.items()
        if len(ps) == 1 and w not in taken and lookup(w) is None and not is_place(w) and w not in _NOT_NAMES
    }
    if not candidates:
        return
    for m in _CAPITALISED_RE.finditer(text):
        person = candidates.get(m.group())
        if person is None or person.given:
            continue
        second = person.name.split()[1]
        if not text.startswith(second, m.end() + 1):
            person.given = m.group()
            people._renames += 1  # the index's forms change


# An apposition after a comma ("X, the Thai Prime Minister", "X, President of Ghana"), and the
# capitalised words that may stand between a name and it ("Srettha Thavisin, ...")
_APPOSITION_RE = re.compile(r",\s+(?:the\s+)?(?P<rest>[^,;()]{3,60})")
_NAME_TAIL_RE = re.compile(r"[A-Z][\w'’-]+")


def _apposed_countries(people: list[Person], text: str) -> None:
    """Give each of ``people`` the country of the first apposition after its name or surname:
    "X, the Thai Prime Minister", "X, Nepal's Foreign Minister", "X, President of Ghana".

    One pass over the text, whatever the number of people: each comma's words before it are
    looked up among the people's forms."""
    by_form: dict[str, list[Person]] = {}
    for p in people:
        for form in {p.name, p.surname}:
            by_form.setdefault(form, []).append(p)
    if not by_form:
        return
    longest = max(len(f.split()) for f in by_form) + 2  # a form and up to two words after it
    for m in _APPOSITION_RE.finditer(text):
        words = text[max(0, m.start() - 200) : m.start()].split()[-longest:]
        named = _named_before(words, by_form)
        if not named:
            continue
        code = _apposition_country(m.group("rest"))
        if code is None:
            continue
        for p in named:
            if p.country is None:
                p.country = code


def _named_before(words: list[str], by_form: dict[str, list[Person]]) -> list[Person]:
    """The people whose form ends ``words``, or is followed there by one or two capitalised
    words ("Srettha Thavisin" for the form "Srettha")."""
    found: list[Person] = []
    for tail in range(min(3, len(words))):
        if tail and not _NAME_TAIL_RE.fullmatch(words[-tail]):
            break
        head = words[: len(words) - tail]
        for start in range(len(head)):
            form = " ".join(head[start:]).lstrip("([\"“‘'")
            found += [p for p in by_form.get(form, []) if p not in found]
    return found


def _apposition_country(rest: str) -> str | None:
    """The country an apposition gives, where a title stands within its first words."""
    words = rest.split()
    office_at = next((i for i, w in enumerate(words) if w.strip(".'’s") in _TITLE_CHAIN_WORDS), None)
    if office_at is None or office_at > 3 or any(w in _PREPOSITIONS for w in words[:office_at]):
        return None  # "X, spoke with the President of Y": no apposition
    found = [c for c in find_countries(rest) if c.kind in ("name", "demonym")]
    if found and (found[0].start <= len(" ".join(words[:office_at])) + 1 or " of " in rest[: found[0].start]):
        return found[0].code
    return None


def _country_at(where: str, article: Article) -> str | None:
    """The country of a place a sentence names: a country, a city, or "here" (the dateline's)."""
    if where == "here":
        if article.dateline is None:
            return None
        where = article.dateline.city
    if code := lookup(where):
        return code
    place = find_place(where)
    return place.country if place is not None else None


def _writer_country(article: Article) -> str | None:
    d = article.dateline
    if d is not None and d.agency and (code := agency_country(d.agency)):
        return code
    # The outlet's own site: a ministry or a national paper leaves out its own country too
    if code := outlet_country(article.url):
        return code
    if d is None:
        return None
    if d.region and (code := lookup(d.region)):
        return code
    place = find_place(d.city)
    return place.country if place else None
