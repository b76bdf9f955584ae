"""When a happening took place: tense and modality from the parse, days from the article.

One resolver for the whole article. Its reference points:

- the **document time**: the dateline day, else a date closing the title, else the header date;
- the **narrative year**: the year the article last wrote out in full ("On August 29, 2022 ...
  on September 18 ..." is 2022), which year-less dates after it take;
- the **happening told before**: "the next day", "two days later", "that same day" count from it.

A day without a year told in the past tense lies on or before the document time; told as a plan
(will, is to, is scheduled to) on or after it. Weekdays likewise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline import wordlists
from timeline.dates import MONTH_NAME_ALT, NUMBER_WORDS, DateMention, find_dates, number_words

if TYPE_CHECKING:  # pragma: no cover - types only
    from spacy.tokens import Token

PAST, FUTURE, NONE = "past", "future", "none"


def modality(role: str) -> frozenset[str]:
    """The words of one role in ``data/modality.tsv``."""
    return frozenset(word for r, word, *_ in wordlists.rows("modality.tsv") if r == role)


FUTURE_AUX = modality("future_aux")
HYPOTHETICAL_AUX = modality("hypothetical_aux")
PLAN_HEADS = modality("plan_head")
PLANNING_VERBS = modality("planning_verb")
REPORTING_VERBS = modality("reporting")
INTENT_HEADS = modality("intent_head")
CALLED_OFF = modality("called_off")
PLANNED_MODIFIERS = modality("planned_modifier")
EARLIER_MODIFIERS = modality("earlier_modifier")
CONDITION_MARKS = modality("condition_mark")

# Days counted from the happening told before.
_RELATIVE_TO_TOLD = [
    (
        re.compile(
            r"\b(?:the )?(?:next|following) day\b|\ba day later\b|\bthe day after\b(?! tomorrow)", re.I
        ),
        1,
    ),
    (
        re.compile(
            r"\b(?:the )?(?:previous|preceding) day\b|\ba day (?:earlier|before)\b|\bthe day before\b(?! yesterday)",
            re.I,
        ),
        -1,
    ),
    (
        re.compile(
            r"\b(?:that|the) same day\b|\blater (?:that|in the) day\b|\bthat (?:day|morning|afternoon|evening|night)\b|\bearlier in the day\b",
            re.I,
        ),
        0,
    ),
]
_UNTIL_RE = re.compile(r"(?:(?:^|\()\s*to|\b(?:until|till|through|thru))\s+\Z", re.I)
_N_DAYS_RE = re.compile(rf"\b(?P<n>{number_words(2, 7)}|\d) days (?P<dir>later|after|earlier|before)\b", re.I)
_NUMBERS = NUMBER_WORDS
# a sentence told as still to come, read without a parse: "will", "shall", "'ll"
_FUTURE_WORD_RE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(w for w in FUTURE_AUX if w[0].isalpha())) + r")\b|'ll\b"
    r"|\b(?:is|are) (?:due |scheduled |set |expected |slated )?to\b|\b(?:due|scheduled|slated) to\b)",
    re.I,
)
# A time that places a happening without a day: "last year", "in 2019", "in November 2014".
VAGUE_RE = re.compile(
    rf"\b(?:in|since|during|until|by|of) (?:(?:early|late|mid)-?\s*)?(?:(?:{MONTH_NAME_ALT}) )?(?:19|20)\d\d\b(?![-–]\d)"
    # "in July", "in early March", "last October": a month without its day
    rf"|\b(?:in|since|during|until|by|of|last|this|next|early|late|mid-?)\s*(?:(?:early|late|mid)-?\s*)?(?-i:{MONTH_NAME_ALT})\b(?![ \t.]*\d)"
    r"|\b(?:last|previous|past) (?:year|month|week|decade|spring|summer|autumn|fall|winter)\b"
    # "in the fourth month of his presidency", "during the first year of her term"
    r"|\b(?:in|on|during|within) the (?:first|second|third|fourth|fifth|sixth|last|final|early|\d+(?:st|nd|rd|th)) (?:months?|years?|weeks?|days) of\b"
    rf"|\b\d+ (?:years?|months?|decades?|weeks?) ago\b|\b(?:{number_words(2, 6)}|several|few) (?:years|months|decades|weeks) ago\b"
    r"|\b(?:earlier|later) (?:this|that|last) (?:year|month|week)\b|\bin recent (?:years|months|weeks|days)\b"
    r"|\b(?:this|next|last) (?:year|month|week)(?:['’]s)?\b|\bin the (?:coming|next) (?:days|weeks|months|years)\b|\bsoon\b"
    r"|\bat an early date\b|\bat a later date\b|\bin the (?:near )?future\b|\bat (?:a|an) (?:mutually )?convenient time\b"
    r"|\brecently\b",
    re.I,
)


@dataclass(frozen=True)
class Day:
    """A day found for a happening: where in the sentence it was written, and its days."""

    start: int
    end: int
    first: dt.date
    last: dt.date | None
    kind: str  # explicit, weekday, relative, told (relative to the happening before)


_WEEKDAY_SPAN_RE = re.compile(r"\s*(?:to|through|till|until|and|-|–)\s*")


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` stands inside a quotation (an odd number of quote marks before it, or an
    opening mark not yet closed)."""
    before = text[:at]
    if before.count('"') % 2 == 1:
        return True
    return before.count("“") > before.count("”")


def _weekday_spans(text: str, days: list[Day]) -> list[Day]:
    """ "from Thursday to Friday", "Monday-Wednesday": one span, from the first weekday as read
    to the next such day after it ("between Monday and Wednesday" too)."""
    out: list[Day] = []
    for d in days:
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == d.kind == "weekday"
            and before.last is None
            and _WEEKDAY_SPAN_RE.fullmatch(text, before.end, d.start)
            and (
                text[before.end : d.start].strip() != "and"
                or text[: before.start].rstrip().endswith("between")
            )
        ):
            gap = (d.first.weekday() - before.first.weekday()) % 7 or 7
            out[-1] = Day(before.start, d.end, before.first, before.first + dt.timedelta(days=gap), "weekday")
            continue
        out.append(d)
    return out


def mood(anchor: Token) -> str:
    """PAST for what happened (or happens as the story is told), FUTURE for what is fixed to
    come, NONE for what is denied, hypothetical, intended or background (past perfect)."""
    verb = anchor
    for _ in range(4):
        kids = list(verb.children)
        if any(c.dep_ == "neg" for c in kids):
            return NONE
        if any(c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children) for c in kids):
            return NONE  # "will no longer be visiting Guyana"
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids):
            return NONE
        if verb.tag_ in ("VBP", "VBZ") and any(
            c.dep_ == "advmod"
            and c.lower_ in ("when", "whenever", "traditionally", "usually", "customarily", "always", "often")
            for c in kids
        ):
            # "when leaders meet, they perform for the cameras", "traditionally, the president
            # meets the patriarch on this day": what happens as a rule
            return NONE
        aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in aux}
        if words & FUTURE_AUX:
            return FUTURE
        if words & HYPOTHETICAL_AUX:
            # "said he would visit on Monday": reported plans are plans
            return FUTURE if "would" in words and verb.dep_ in ("ccomp",) else NONE
        if any(c.lemma_ == "have" and c.tag_ == "VBD" for c in aux) and verb.tag_ == "VBN":
            return "background"
        if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux) and _repeated(verb):
            return "background"  # "the two have met more than 40 times": a count, no happening
        if verb is anchor and verb.pos_ == "VERB" and verb.lemma_.lower() in PLANNING_VERBS:
            return FUTURE  # "a meeting is being prepared", "a visit is planned for May": a plan
        if verb.dep_ == "xcomp" or any(c.lower_ == "to" and c.dep_ == "aux" for c in aux):
            head = verb.head
            lemma = head.lemma_.lower()
            # "had planned to visit", "had been due to meet": a plan of the past, given up
            governors = [head, head.head] if head.dep_ in ("acomp", "attr", "oprd") else [head]
            if any(
                c.lemma_.lower() == "have" and c.tag_ == "VBD"
                for g in governors
                for c in g.children
                if c.dep_ == "aux"
            ):
                return "background"
            if lemma in {"schedule", "set", "expect", "slate", "due", "suppose"} and any(
                c.lemma_ == "be" and c.tag_ == "VBD"
                for g in governors
                for c in g.children
                if c.dep_ in ("aux", "auxpass")
            ):
                # "Suga was expected to meet Biden on April 9", "he was set to be welcomed by X":
                # a plan told as past, that the story does not tell happened
                return "background"
            reported_plan = lemma in REPORTING_VERBS and not any(c.lemma_ == "have" for c in aux)
            if (
                lemma in PLAN_HEADS
                or reported_plan
                or (head.tag_ == "VBN" and lemma in {"schedule", "set", "expect", "slate"})
            ):
                # ("said the summit to be hosted by X ...": what is to come, as reported)
                if any(c.dep_ == "neg" for c in head.children):
                    return NONE
                return FUTURE
            purpose = verb.dep_ == "advcl" and not any(c.dep_ == "auxpass" for c in kids)
            if lemma in INTENT_HEADS or head.pos_ in ("NOUN", "PROPN") or purpose:
                # "invited him to visit", "his visit to meet with X", "will visit the US to hold a
                # summit": an intention or a purpose, whose day is not the main clause's (but "to
                # be followed by a news conference" is what comes next)
                return "intent"
            if head is verb:
                break
            verb = head
            continue
        if verb.lemma_.lower() in CALLED_OFF or any(
            c.lemma_.lower() in CALLED_OFF for c in kids if c.dep_ == "amod"
        ):
            return NONE
        if verb.dep_ in ("conj", "advcl") and not aux and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "is scheduled to give a speech and attend the ceremony"
            continue
        if verb.dep_ == "pcomp" and not aux and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "would translate into ... by signing memoranda"
            continue
        if verb.tag_ in ("VBD", "VBN"):
            return PAST
        if any(c.lemma_ == "be" and c.tag_ in ("VBD",) for c in aux):
            return PAST
        if verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in aux):
            return "progressive"  # "is meeting X": today, or a plan when a day is given
        return "present"
    return "present"


_REPEATED = modality("repeated")


def _repeated(verb: Token) -> bool:
    """Whether a clause counts happenings: "met 40 times", "have met often"."""
    return any(t.lower_ in _REPEATED for t in verb.subtree if t.i > verb.i or t.dep_ == "advmod")


def told_as_coming(anchor: Token) -> bool:
    """Whether the clause, or one it depends on, is told with "will" or "shall" ("The leaders
    will hold talks, to be followed by a news conference"), not only planned ("plans to")."""
    verb = anchor
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def year_for(
    month: int, day: int, document: dt.date | None, narrative_year: int | None, direction: str
) -> dt.date | None:
    """The year of a day written without one."""
    if narrative_year is not None:
        try:
            candidate = dt.date(narrative_year, month, day)
        except ValueError:
            return None
        if document is None or direction == FUTURE or candidate <= document + dt.timedelta(days=2):
            return candidate
    if document is None:
        return None
    options = []
    for year in (document.year - 1, document.year, document.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if direction == FUTURE:
        after = [d for d in options if d >= document - dt.timedelta(days=3)]
        return min(after) if after else None
    if direction == PAST:
        before = [d for d in options if d <= document + dt.timedelta(days=2)]
        return max(before) if before else None
    return min(options, key=lambda d: abs((d - document).days))


class Clock:
    """The resolver's state while an article is read from top to bottom."""

    def __init__(self, document: dt.date | None) -> None:
        self.document = document
        self.narrative_year: int | None = None
        self.told: dt.date | None = None  # the day of the happening told last
        self.planned: dt.date | None = None  # the day an itinerary is at ("Wednesday, May 3")
        self.stay_frame = False  # plans told as the whole stay's ("during his visit, he will")
        self._recent: dict[tuple[str, bool], list[DateMention]] = {}

    def days(self, text: str, direction: str) -> list[Day]:
        """Every day named in ``text``, resolved for a happening told in ``direction``."""
        future = direction == FUTURE
        out: list[Day] = []
        for m in self._dates(text, future):
            start = self.told or self.document
            if (
                m.kind == "explicit"
                and m.last is None
                and start
                and _UNTIL_RE.search(text, max(0, m.start - 12), m.start)
            ):
                # "(To May 25)", "until July 3": the last day of what began on the day told
                end = self._day(m, FUTURE)
                if end.first > start:
                    out.append(Day(m.start, m.end, start, end.first, m.kind))
                    continue
            day = self._day(m, direction)
            if (
                m.kind == "relative"
                and self.told is not None
                and self.document is not None
                and self.told < self.document
                and _quoted(text, m.start)
            ):
                # "Upon his arrival on Tuesday ... 'our tomorrow discussions'": counted from the
                # day the speaker spoke, the day told, not the story's
                shift = self.told - self.document
                day = Day(
                    day.start, day.end, day.first + shift, day.last + shift if day.last else None, day.kind
                )
            out.append(day)
        taken = [(d.start, d.end) for d in out]
        told = self.told
        if (
            direction != FUTURE
            and told is not None
            and told == self.planned
            and self.document is not None
            and told > self.document
        ):
            # "will hold talks on Saturday. Biden arrived earlier in the day": a happening told
            # as done counts from the story's day, not from a plan's
            told = self.document
        if told is not None:
            for pattern, offset in _RELATIVE_TO_TOLD:
                for r in pattern.finditer(text):
                    if not any(a < r.end() and r.start() < b for a, b in taken):
                        when = told + dt.timedelta(days=offset)
                        out.append(Day(r.start(), r.end(), when, None, "told"))
            for r in _N_DAYS_RE.finditer(text):
                n = _NUMBERS.get(r.group("n").lower()) or int(r.group("n"))
                sign = 1 if r.group("dir").lower() in ("later", "after") else -1
                out.append(Day(r.start(), r.end(), told + dt.timedelta(days=sign * n), None, "told"))
        out.sort(key=lambda d: d.start)
        out = _weekday_spans(text, out)
        # "Yesterday (Saturday)": the weekday says which day the relative word meant
        named = [d for d in out if d.kind == "weekday"]
        # "on Tuesday (August 20)", "Tuesday, 20 August", "August 20 (Tuesday)": the date written
        # out says which Tuesday, whatever the document's day (where the two agree: "today,
        # Tuesday, October 18th" of a Monday is a slip in one of them)
        full = [d for d in out if d.kind == "explicit"]
        return [
            d
            for d in out
            if not (d.kind == "relative" and any(0 <= w.start - d.end <= 3 for w in named))
            and not (
                d.kind == "weekday"
                and any(
                    (0 <= f.start - d.end <= 3 or 0 <= d.start - f.end <= 3)
                    and f.first.weekday() == d.first.weekday()
                    for f in full
                )
            )
        ]

    def _day(self, m: DateMention, direction: str) -> Day:
        first, last = m.first, m.last
        if m.kind == "explicit" and not m.has_year:
            fixed = year_for(first.month, first.day, self.document, self.narrative_year, direction)
            if fixed is not None:
                if last is not None:
                    shift = fixed.year - first.year
                    try:
                        last = last.replace(year=last.year + shift)
                    except ValueError:
                        last = None
                first = fixed
        return Day(m.start, m.end, first, last, m.kind)

    def _dates(self, text: str, future: bool) -> list[DateMention]:
        """find_dates of a sentence, read once for each direction while the sentence is read
        (the dates of the last few sentences are kept, no more)."""
        key = (text, future)
        found = self._recent.get(key)
        if found is None:
            if len(self._recent) >= 4:
                self._recent.clear()
            found = self._recent[key] = find_dates(text, self.document, future=future)
        return found

    def heading(self, text: str) -> None:
        """A line that is little but a day ("Wednesday, September 21, 2022", "Day 2 - May 3")
        heads what follows: an itinerary's entries without a day are that day's. A sentence
        that tells no happening but names one past day moves the narrative to it."""
        if len(text) <= 60:
            found = self._dates(text, True)
            if found and sum(d.end - d.start for d in found) >= len(text.strip(" -–—:*()")) / 3:
                self.told = self.planned = found[0].first
                return
        if _FUTURE_WORD_RE.search(text):
            return  # "They will go to Chennai on Dec 4": a plan moves no narrative
        days = [d for d in self.days(text, PAST) if d.kind != "told"]
        if len(days) == 1 and self.document is not None and days[0].first <= self.document:
            self.told = days[0].first

    def lead(self, text: str) -> None:
        """A sentence opened by a day and a colon ("September 23: Modi will address the
        Assembly") is headed by that day, as a line of its own would be."""
        m = _LEAD_DAY_RE.match(text)
        if m is not None:
            self.heading(text[: m.end()])

    def title(self, text: str) -> None:
        """A headline naming a day still to come ("itinerary for Wednesday, September 21"):
        the article's plans without a day of their own are that day's."""
        found = [d for d in self.days(text, FUTURE) if d.kind == "explicit"]
        if len(found) == 1 and self.document is not None and found[0].first >= self.document:
            self.planned = found[0].first

    def read(self, text: str) -> None:
        """A sentence read: a date written out in full sets the narrative year."""
        for m in self._dates(text, False):  # a date with its year is the same from any reference
            if m.kind == "explicit" and m.has_year:
                self.narrative_year = m.first.year


# "September 23:", "23 September 2024 -", "Sept. 23 (Monday):" opening a sentence
# The parts of a day a time or a day is told with ("Wednesday morning", "Morning: Talks").
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "noon", "midday"})
# as a line opens with one: "Morning", "morning"
_PART_OF_DAY_ALT = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(PARTS_OF_DAY))
# A line of a programme opened by its time ("1130 hrs: Talks with X", "10:30 am - Lunch",
# "Friday (evening): Talks", "Morning: Wreath-laying").
_SCHEDULE_LINE_RE = re.compile(
    r"\W{0,3}(?:\d{1,2}[:.]\d{2}\s*(?:hrs|hours|h|[ap]\.?m\.?)?|\d{3,4}\s*(?:hrs|hours|[Hh])"
    r"|\d{1,2}\s*[ap]\.?m\.?"
    rf"|(?:[A-Z][a-z]+day\s*)?\(?(?:{_PART_OF_DAY_ALT})\)?)"
    r"\s*(?:[:–—-]|\s-)\s",
)


def schedule_line(text: str) -> bool:
    """Whether a line is a programme's entry opened by its time ("1130 hrs: Bilateral talks")."""
    return _SCHEDULE_LINE_RE.match(text) is not None


_LEAD_DAY_RE = re.compile(
    r"\W{0,3}(?:[A-Z][a-z]{2,5}day,?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}(?:,?\s+\d{4})?)"
    r"\s*(?:\([A-Za-z]{3,12}\))?\s*[:–—-]\s"
)


def vague_spans(text: str) -> list[tuple[int, int]]:
    """Spans of times that name no day ("last year", "in 2019")."""
    return [(m.start(), m.end()) for m in VAGUE_RE.finditer(text)]
