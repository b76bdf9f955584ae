"""Cue tables: how agencies phrase each type of happening, and what is not an event.

These are data, not code: each row is (type, pattern), where the type may carry a kind after
a colon (``ceremony:wreath``): happenings of one type but different kinds stay apart. Patterns are regular expressions
without nested quantifiers (so matching stays linear) and are matched case-insensitively
unless they start with ``(?-i)``. Add a row to teach the extractor a new phrasing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VISIT_OF_TO = (
    r"(?-i:\b[Vv]isits? of (?:[A-Z][\w.'’-]*(?: |-)|[a-z]{1,3}-|el |al |bin ){1,8}to (?:the )?[A-Z])"
)

# (type, pattern). The first rows of a type are its strongest cues.
CUES: list[tuple[str, str]] = [
    # visit: a stay in another country
    ("visit", r"\b(?:state|official|working|friendly|official working|state and official) visits?\b"),
    ("visit", r"\bvisits? to (?:the )?(?-i:[A-Z])"),  # a noun: see NEEDS_NEAR_DATE
    ("visit", VISIT_OF_TO),  # "the visit of Egyptian President el-Sisi to Russia": a noun too
    (
        "visit:arrival",
        r"\b(?:arrived|arrives|arrive|arriving|landed|lands|landing) (?:here|(?:in|at) (?:the )?(?:(?-i:[A-Z])|(?:[\w-]+ )?(?:airport|air ?base)\b))",
    ),
    ("visit:arrival", r"\b(?:after|upon|on) (?:(?:his|her|their) )?(?:landing|arriving|arrival)\b"),
    ("visit", r"\bis (?:on|paying) an? (?:\w+ ){0,2}visit\b"),
    # "on the second day of his maiden visit": the visit began days before (see DAY_OF_STAY_RE)
    (
        "visit",
        r"\b(?:first|second|third|fourth|fifth|sixth|final|last) (?:and (?:final|last) )?day (?:and (?:final|last) day )?of (?:his|her|their|the) "
        r"(?:[\w'’-]+ ){0,5}(?:visit|tour|trip|stay)\b",
    ),
    ("visit", r"\b(?:paid|pays|paying|pay) (?:an?|his|her|their) (?:\w+[- ]){0,3}visit\b"),
    ("visit", r"\b(?:trip|tour) to (?-i:[A-Z])"),
    ("visit", r"\b(?:travel|travels|travelled|traveled) to (?-i:[A-Z])"),
    # talks: formal talks, a bilateral summit
    ("talks", r"\b(?:held|holds|hold|holding|had|have|conducted|continued|resumed) (?:\w+[- ]){0,3}talks\b"),
    ("talks", r"\b(?:small|big|large|restricted|expanded|delegation)[- ](?:group |level |format )?talks\b"),
    ("talks:anaphor", r"\btalks (?:with|between)\b"),
    ("talks:anaphor", r"\b(?:his|their|the) talks\b"),  # mostly pointing back: see NEEDS_NEAR_DATE
    # "a bilateral meeting" of leaders is formal talks (agencies use it for the talks they report)
    ("talks", r"\b(?:bilateral (?:summit|talks|meeting)|summit (?:meeting|talks))\b"),
    ("talks", r"\bnegotiations (?:with|between)\b"),
    (
        "talks",
        r"\b(?:proceeded|went|moved|sat down|headed|retired|met) (?:[\w'’-]+ ){0,5}?for (?:\w+ )?talks\b",
    ),
    ("talks", r"\bone-on-one talks\b"),
    # "the annual leaders' consultation", "intergovernmental consultations": a standing format of talks
    ("talks", r"\b(?:leaders['’]?|intergovernmental|government) consultations?\b"),
    # "the two leaders met one-to-one", "an inter-delegation meeting"
    (
        "talks",
        r"\bmet (?:one-(?:to|on)-one|tête-à-tête|tete-a-tete)\b|\binter-delegation (?:meeting|talks)\b|\bfour[- ]eye[ds]? (?:meeting|talks)\b",
    ),
    # "The full-fledged talks are scheduled for Wednesday"
    ("talks", r"\btalks (?:are|is|were|was) (?:scheduled|set|slated|planned|due) (?:for|on)\b"),
    ("talks:anaphor", r"\b(?:official|formal|bilateral|delegation-level|restricted|extended) talks\b"),
    # meeting: met with, received, courtesy call
    (
        "meeting",
        r"(?-i:(?<!was )(?<!were )(?<!been )\b(?:met|meets|meet) (?:with )?(?:(?:visiting|his|her|the|Chinese|Russian|US|U\.S\.) )?[A-Z])",
    ),
    ("meeting", r"(?<!was )(?<!were )(?<!been )\b(?:met|meets) with\b"),
    (
        "meeting",
        r"\b(?:met|meets|meet|meeting with|received|receives|receive) (?:with )?(?:the )?(?:visiting|new|newly[- ]elected|"
        r"newly sworn-in) (?:\w+ )?(?:president|prime minister|premier|leader|king|emir|chancellor|foreign minister)\b",
    ),
    ("meeting", r"\b(?:paid|pays|pay|paying|made|make|makes) (?:a )?(?:courtesy )?call on\b"),
    (
        "meeting",
        r"(?-i:\b(?:a )?call on (?:President|Prime Minister|King|Emir|Premier|Chancellor|the President|the Prime Minister)\b)",
    ),
    # headline style, also in a quoted post: "Met Canadian PM @JustinTrudeau at the G7 Summit"
    ("meeting", r"(?-i:^[\"“‘']?(?:Meeting|Meets|Met) (?:with )?(?:[A-Z]|@\w))"),
    ("meeting", r"\b(?:held|holds|had|has|have|hold) (?:a |an )?(?:[\w'’-]+ ){0,5}?meeting with\b"),
    ("meeting", r"(?-i:\b(?:received|receives|receiving) (?:(?:visiting|the|his|her) )?[A-Z])"),
    ("meeting", r"\bcourtesy (?:call|visit)\b"),
    # "also called on President X" (a courtesy call, not an appeal: "called on X to release ...")
    (
        "meeting",
        r"(?-i:\b(?:called|calls) on (?:the )?(?:Vice President|President|Prime Minister|King|Queen|Emir|Premier|"
        r"Chancellor|Crown Prince|Sultan|Governor-General)\b(?![^.;]{0,60}? to [a-z]))",
    ),
    # "separately called on the visiting Lankan leader": a courtesy call on the guest
    ("meeting", r"\b(?:called|calls) on (?:the )?visiting (?:[\w'’-]+ ){0,2}?(?:leader|guest|dignitary)\b"),
    # informal talks or contact is a meeting, not formal talks (see KIND_OUTRANKS)
    ("meeting:informal", r"\binformal (?:talks|contacts?|meetings?|conversation)\b"),
    ("meeting", r"\b(?:met|meets) (?:[\w-]+ ){0,4}?(?:his|her|their) (?:[\w-]+ ){0,2}counterparts?\b"),
    (
        "meeting",
        r"\b(?:the two (?:men|women|leaders|presidents|prime ministers|ministers|sides|heads of state)|they|both leaders)"
        r" (?:also |first |later |had |have )?met\b",
    ),
    ("meeting", r"\bon the sidelines of\b.{0,80}\bmet\b"),
    # "had a brief encounter with", "held separate pull-aside meetings with": informal contact
    (
        "meeting",
        r"\b(?:held|holds|had|has|have|hold) (?:a |an )?(?:[\w-]+ ){0,2}?(?:encounters?|pull-asides?|meetings)"
        r" with\b",
    ),
    # "welcomed Prime Minister X to Downing Street": a leader received at the seat of government
    (
        "meeting",
        r"(?-i:\b(?:welcomed|welcomes) (?:(?:the|his|her) )?[A-Z][\w.,'’-]* (?:[\w.,'’-]+ ){0,9}?to (?:Downing Street|"
        r"Number 10|No\.? 10|the White House|the Kremlin|the Elys[eé]e|the Chancellery|the Oval Office|"
        r"the (?:Presidential|Prime Minister['’]s) (?:Palace|Office|Residence)|(?:his|her) (?:office|residence))\b)",
    ),
    # "Secretary Blinken hosted Foreign Minister Wang Yi": a host and a guest by name
    (
        "meeting",
        r"(?-i:\b(?:hosted|hosts|host) (?:(?:visiting|his|her) )?(?:[A-Z][\w.'’-]* ){0,6}(?:President|Prime Minister|"
        r"Premier|King|Queen|Emir|Chancellor|Minister|Secretary|Director|Crown Prince|Sultan|Chairman)\b"
        r"(?![^.;]{0,60}?\b(?:dinner|lunch|luncheon|banquet|breakfast|reception)\b))",
    ),
    (
        "meeting",
        r"\b(?:continue|continued|continues|resume|resumed|resumes) (?:their|the|these) discussions\b",
    ),
    ("meeting", r"\b(?:received|receives|receiving) (?:[\w.'’-]+ ){0,8}?in (?:an? )?audience\b"),
    ("meeting", r"\b(?:granted|grants|gave|gives) (?:an? )?audience to\b"),
    # call: phone, video
    ("call", r"\b(?:phone|telephone|video) (?:call|conversation|talks|conference)\b"),
    ("call", r"\b(?:spoke|speaks|talked|talks|spoken) (?:\w+ ){0,4}(?:by|over the|on the) (?:tele)?phone\b"),
    ("call", r"\bvia video ?link\b"),
    ("call", r"\b(?:virtual|online) (?:meeting|summit|talks)\b"),
    ("call", r"\bphoned\b"),
    # gov.uk and White House readouts: "The Prime Minister spoke to President Zelenskyy" (a call
    # unless the sentence names where they were: see SPOKE)
    (
        "call:spoke",
        r"(?-i:\b(?:spoke|speaks|has spoken) (?:to|with) (?:the )?(?:President|Prime Minister|Chancellor|King|Emir|"
        r"Premier|Crown Prince|Foreign Minister|Secretary|Sultan|Queen)\b)",
    ),
    # press
    ("press", r"\b(?:jointly )?(?:met|meet|meets|meeting|will meet) the press\b"),
    (
        "press",
        r"\b(?:met|meet|meets|meeting) (?:with )?(?:the )?(?:[\w-]+ (?:and [\w-]+ )?)?(?:press|media|reporters|journalists)\b",
    ),
    # a spokesperson's "regular news briefing" is routine, not a leader meeting the press
    (
        "press",
        r"(?<!regular )(?<!daily )(?<!weekly )\b(?:joint )?(?:press|news) (?:conference|briefing|availability)\b",
    ),
    # a statement made to the press, not the document issued ("the joint press statement issued here")
    (
        "press",
        r"\bjoint (?:press|news|media) statements?\b(?! (?:was |were )?(?:issued|released|published|said|says|stated|"
        r"noted|reads))",
    ),
    ("press", r"\bstatements? (?:to|for) the (?:press|media)\b"),
    ("press", r"\b(?:made|make|makes|gave|give|gives|delivered) (?:joint )?(?:press|media) statements?\b"),
    ("press", r"\bjointly met (?:the )?(?:journalists|reporters|media)\b"),
    # signing
    (
        "signing",
        r"\b(?:signed|signs|sign|signing|inked|inks|ink)\b.{0,60}?\b(?:joint statement|agreements?|"
        r"memorand(?:um|a)|MoUs?|MOUs?|accords?|treaty|treaties|declaration|deals?|documents?|protocols?|"
        r"contracts?|plans?|pacts?|communiqu[eé]s?)\b",
    ),
    ("signing", r"\bwitness(?:ed|es)? the signing\b"),
    # passive: "a number of documents were signed in the presence of the two leaders"
    (
        "signing",
        r"\b(?:documents?|agreements?|memorand(?:um|a)|MoUs?|accords?|treaty|treaties|declarations?|protocols?|"
        r"contracts?|deals?) (?:were|was|have been|has been|had been) (?:also )?(?:signed|inked)\b",
    ),
    ("signing", r"\bsign(?:ing|atory) ceremony\b"),
    ("signing", r"\b(?:signing|exchange) of (?:\w+ ){0,4}(?:documents|agreements|memorand|MoUs|deals)"),
    # ceremony: "type:kind" rows; ceremonies of different kinds on one day are different happenings
    (
        "ceremony:welcome",
        r"\b(?:welcome|welcoming|farewell|arrival|official|send[- ]off|sending[- ]off) ceremony\b",
    ),
    ("ceremony:welcome", r"\bceremonial (?:welcome|reception|rites)\b"),
    ("ceremony:welcome", r"\b(?:official|formal|red[- ]carpet) welcome\b"),
    ("ceremony:welcome", r"\b(?:welcome|welcoming|arrival|ceremonial) (?:[\w'’-]+ ){0,2}?parade\b"),
    ("ceremony", r"\bguard of hono(?:u)?r\b"),  # part of a welcome or of a credentials ceremony
    (
        "ceremony:award",
        r"\b(?:conferred|confers|conferring|bestowed|bestows|bestowing) (?:\w+ ){0,6}(?:order|medal|award|honou?r|recognition)\b",
    ),
    (
        "ceremony:award",
        r"\b(?:conferred|confers|awarded|awards|presented) (?:\w+ ){0,4}(?:order|medal|award)\b",
    ),
    ("ceremony:wreath", r"\b(?:laid|lays|lay|laying) (?:a )?wreaths?\b"),
    ("ceremony:wreath", r"\bwreath[- ]laying\b"),
    ("ceremony:wreath", r"\b(?:paid|pays|pay|paying) (?:homage|tribute|respects) (?:to|at)\b"),
    ("ceremony:credentials", r"\b(?:accepted|accepts|received|receives) (?:the )?credentials\b"),
    # the envoys' side: "presented their credentials to the President at a ceremony"
    (
        "ceremony:credentials",
        r"\b(?:presented|presents|present|presenting) (?:their|his|her|the) credentials\b",
    ),
    ("ceremony:other", r"\b(?:attended|attends|attend) (?:(?!signing\b)\w+ ){0,3}ceremony\b"),
    # banquet
    ("banquet", r"\b(?:state )?banquet\b"),
    ("banquet", r"\bstate (?:dinner|luncheon)\b"),
    (
        "banquet",
        r"\b(?:hosted|hosts|host|gave|gives) (?:a |an )?(?:\w+ ){0,2}(?:dinner|luncheon|lunch|reception)\b",
    ),
    ("banquet", r"\b(?:official|working|private) (?:dinner|lunch|luncheon)\b"),
    ("banquet", r"\b(?:dinner|luncheon|lunch|reception|gala) (?:was )?(?:hosted|given|offered|thrown) by\b"),
    # "hosted Prime Minister X for a working dinner"
    (
        "banquet",
        r"\b(?:hosted|hosts) (?:[\w.'’-]+ ){1,8}?(?:for|at|to) (?:a |an )?(?:[\w-]+ )?(?:dinner|lunch|luncheon|banquet|breakfast)\b",
    ),
    # summit: attending, chairing or addressing a multilateral gathering. A named gathering on its
    # own ("the Chinese People's Political Consultative Conference", "success for the BRICS
    # Summit") is no event: it takes a verb of taking part, or being held.
    (
        "summit",
        r"\b(?:attended|attends|attend|attending|chaired|chairs|chair|chairing|co-chaired|co-chairs|"
        r"addressed|addresses|address|addressing|presided over|presides over|preside over|presiding (?:over|at)|"
        r"(?:participated|participates|participate|participating|took part|takes part|take part|taking part) in|"
        r"(?:arrived|arrives|arriving) (?:in (?-i:[A-Z])[\w-]+(?: (?-i:[A-Z])[\w-]+)? )?(?:for|to attend|to participate in))"
        r" (?:the |a |an )?(?:[\w'’().-]+ ){0,12}?(?:summit|Summit|forum|Forum|conference|Conference|"
        r"leaders['’] meeting|(?-i:Meeting of the)|(?-i:Council of Heads of (?:State|Government)))\b",
    ),
    # "met X on the margins of the G7 Summit": whoever meets there attends it
    (
        "summit:sidelines",
        r"\bon the (?:sidelines|margins) of (?:the |a |an )?(?:[\w'’().-]+ ){0,8}?(?:summit|forum|conference)\b"
        r"|\bon the (?:summit|forum|conference)['’]s (?:sidelines|margins)\b",
    ),
    (
        "summit",
        r"(?-i:\b(?:[A-Z][\w'’+-]{0,60}|\d+(?:st|nd|rd|th)) (?:[A-Z][\w'’+-]* ){0,5}(?:Summit|Forum|Leaders['’] Meeting|summit)"
        r"(?:,? (?:[\w-]+ ){0,6}?)(?:was|is|were|will be) (?:held|opened|convened)\b)",
    ),
    (
        "summit",
        r"(?-i:\b(?:[A-Z][\w'’+-]{0,60}|\d+(?:st|nd|rd|th)) (?:[A-Z][\w'’+-]* ){0,5}(?:Summit|Forum|summit)"
        r",? (?:taking place|opened|opens|kicked off|kicks off|began|begins|got under way|gets under way)\b)",
    ),
    (
        "summit",
        r"(?-i:\b(?:[Tt]oday|[Tt]omorrow|[Yy]esterday)['’]s (?:[A-Z][\w'’+-]* ){1,5}(?:Summit|Meeting|Forum)\b)",
    ),
]

# Cues that name a happening as a noun ("his visit to Russia", "The talks focused on ...
# the emperor's visit from Nov 30"): they take a date only from close by, since a date far
# off in the sentence belongs to another verb.
NEEDS_NEAR_DATE = {
    r"\b(?:official|formal|bilateral|delegation-level|restricted|extended) talks\b",
    r"\bvisits? to (?:the )?(?-i:[A-Z])",
    VISIT_OF_TO,
    r"\b(?:his|their|the) talks\b",
    r"\btalks (?:with|between)\b",
}
# "on the second day of his visit" on a known day: the visit began a day before.
DAY_OF_STAY_RE = re.compile(
    r"\b(?P<nth>first|second|third|fourth|fifth|sixth) (?:(?P<last>and (?:final|last) )day |day (?P<last2>and (?:final|last) day )?)"
    r"of (?:his|her|their|the) (?:[\w'’-]+ ){0,5}(?:visit|tour|trip|stay)\b",
    re.IGNORECASE,
)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
# Kinds with a rule of their own in extraction: an arrival to attend a summit is the summit;
# talks pointed back to without a day of their own are the talks or meeting told before.
ARRIVAL, ANAPHOR, SPOKE, SIDELINES = "arrival", "anaphor", "spoke", "sidelines"
NEAR = 60
# Whom "met with" names when the meeting is no diplomatic event: business people, students;
# or a greeting on arrival ("received him as he arrived", "received at the airport").
NOT_COUNTERPART = re.compile(
    r"[\w-]+\s+(?:with\s+)?(?:[A-Z][\w-]*\s+(?:and\s+[\w-]+\s+)?)?(?:(?:top|senior|leading|local|young|some|several|a group of)\s+)*(?:business|students|"
    r"representatives|members|community|diaspora|journalists|executives|entrepreneurs|scholars|"
    r"sinologists|workers|residents|overseas Chinese|flags|music|protesters|press|media|reporters)\b"
    r"|(?:received|receives)\b[^.;]{0,80}?\b(?:as (?:the latter |he |she |they )?(?:arrived|arrives)|upon (?:his |her |their )?arrival|at the airport)",
    re.IGNORECASE,
)

# Guests that make a meal no diplomatic banquet.
NOT_GUESTS_AFTER = re.compile(
    r"[^.;]{0,20}?\b(?:for|with) (?:the )?(?:[A-Z][\w-]* )?(?:business|community|diaspora|students|journalists|"
    r"media|members of the (?:business|diaspora|community))\b"
)

# "a banquet for the leaders attending the summit": others take part, the cue is a description.
OTHERS_ATTENDING_BEFORE = re.compile(
    r"\b(?:leaders|representatives|delegates|delegations|guests|heads of state|participants|those|"
    r"dignitaries|officials|ministers)\s+(?:who (?:are|were|will be|have|had|has) )?\Z",
    re.IGNORECASE,
)

# "After the welcome ceremony, they held talks": a happening told before, named as a frame.
# "had previously met", "had last visited": a happening before the story's, in the past perfect.
EARLIER_BEFORE = re.compile(r"\bhad (?:previously|earlier|last|already|once|first) \Z", re.IGNORECASE)
BACK_REFERENCE_BEFORE = re.compile(
    r"(?:\A|[.;:] ?)\W{0,2}(?:after|following|at the end of|at the conclusion of|among the (?:attendees|guests|participants) "
    r"(?:of|at)) (?:the|their|this|that|his|her) (?:[\w-]+ ){0,2}\Z",
    re.IGNORECASE,
)

# A count of happenings after the cue: "have met more than 40 times", "on several occasions".
REPEATED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|many|numerous) times\b"
    r"|[^.;]{0,40}?\bon (?:many|several|numerous) occasions\b",
    re.IGNORECASE,
)

# Phrases before a cue that make it no event: remarks, pledges, wishes and plans.
NOT_EVENT_BEFORE = re.compile(
    r"\b(?:agreed|agree|agrees|pledged|pledge|vowed|ready|willing|hope|hopes|hoped|look forward|looked forward|"
    r"looks forward|expects?|wants?|wished?|invited|invitation|plans?|planned|planning|intends?|proposed|"
    r"proposes|seeks?|sought|aims?|would like|committed|decided|expressed (?:his|her|their) (?:delight|"
    r"willingness|readiness))\s+(?:\w+\s+){0,3}to\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Words that mark a sentence as about what is scheduled rather than what happened.
FUTURE_RE = re.compile(
    r"\b(?:will|shall|is to|are to|is set to|are set to|is scheduled to|are scheduled to|is due to|"
    r"are due to|is expected to|are expected to|to be held|is slated|plans to|(?<!as )scheduled|upcoming|"
    r"next week|next month)\b",
    re.IGNORECASE,
)


# Words without which no row of a type can match: a sentence without them skips the type's
# rows (most sentences of an article hold no cue at all). Keep in step with CUES.
TRIGGERS: dict[str, str] = {
    "visit": r"visit|arriv|land|trip|tour|stay|travel",
    "talks": r"talks|negotiations|consultation|bilateral|summit|one-to-one|one-on-one|t[eê]te-[aà]-t[eê]te|inter-delegation|four[- ]eye",
    "meeting": r"\bmet\b|meet|receiv|call|courtesy|encounter|pull-aside|welcom|host|discussion|audience|"
    r"informal",
    "call": r"phone|video|virtual|online|spoke|speaks|spoken",
    "press": r"press|news|media|journalists|reporters",
    "signing": r"sign|ink|exchange",
    "ceremony": r"ceremon|welcom|parade|guard of hono|wreath|confer|bestow|award|homage|tribute|respects|credentials|order|medal",
    "banquet": r"banquet|dinner|lunch|reception",
    "summit": r"summit|forum|conference|meeting",
}
_TRIGGER_RE = {t: re.compile(p, re.IGNORECASE) for t, p in TRIGGERS.items()}
# All trigger words in one pass: each word found stands for the types whose triggers it holds.
_TRIGGER_WORDS = sorted({w for p in TRIGGERS.values() for w in p.split("|")}, key=len, reverse=True)
_ANY_TRIGGER_RE = re.compile("|".join(_TRIGGER_WORDS), re.IGNORECASE)


# The types each trigger word stands for, filled as words are met (a few dozen at most).
_WORD_TYPES: dict[str, frozenset[str]] = {}


def _types_of(word: str) -> frozenset[str]:
    key = word.lower()
    types = _WORD_TYPES.get(key)
    if types is None:
        types = frozenset(t for t, trigger in _TRIGGER_RE.items() if trigger.search(key))
        _WORD_TYPES[key] = types
    return types


# Plain trigger words are looked for as substrings (fast, and finding a word inside a longer one
# only means more rows are tried); the few with regex syntax (``\bmet\b``) by one pattern.
_PLAIN = [w for w in _TRIGGER_WORDS if re.escape(w) == w.replace(" ", "\\ ").replace("-", "\\-")]
_PLAIN_TRIGGERS = [w.lower() for w in _PLAIN]
_REGEX_TRIGGER_RE = re.compile(
    "|".join(w for w in _TRIGGER_WORDS if w not in _PLAIN) or "(?!)", re.IGNORECASE
)


def _types_present(sentence: str) -> set[str]:
    present: set[str] = set()
    lowered = sentence.lower()
    for word in _PLAIN_TRIGGERS:
        if word in lowered:
            present |= _types_of(word)
    for m in _REGEX_TRIGGER_RE.finditer(sentence):
        present |= _types_of(m.group(0))
    return present


@dataclass(frozen=True)
class Cue:
    type: str
    pattern: re.Pattern[str]
    near: bool = False
    kind: str = ""


def _compile(pattern: str) -> re.Pattern[str]:
    if pattern.startswith("(?-i:"):
        return re.compile(pattern)
    return re.compile(pattern, re.IGNORECASE)


COMPILED: list[Cue] = [
    Cue(t.partition(":")[0], _compile(p), p in NEEDS_NEAR_DATE, t.partition(":")[2] or t) for t, p in CUES
]

# Event codes for joining with GDELT/ICEWS (CAMEO) and POLECAT (PLOVER).
CAMEO = {
    "visit": "042",  # make a visit (043: host a visit)
    "talks": "046",  # engage in negotiation
    "meeting": "040",  # consult, not specified
    "call": "041",  # discuss by telephone
    "press": "010",  # make statement
    "signing": "057",  # sign formal agreement
    "ceremony": "050",  # engage in diplomatic cooperation
    "banquet": "050",
    "summit": "044",  # meet at a third location
}
PLOVER = {
    "visit": "CONSULT",
    "talks": "CONSULT",
    "meeting": "CONSULT",
    "call": "CONSULT",
    "press": "CONSULT",
    "signing": "AGREE",
    "ceremony": "COOPERATE",
    "banquet": "COOPERATE",
    "summit": "CONSULT",
}


@dataclass(frozen=True)
class CueMatch:
    type: str
    start: int
    end: int
    near: bool = False
    kind: str = ""


def find_cues(sentence: str) -> list[CueMatch]:
    """Every cue in a sentence that is not part of a pledge, wish or plan; one per kind."""
    seen: dict[str, CueMatch] = {}
    present = _types_present(sentence)
    for cue in COMPILED:
        if cue.kind in seen or cue.type not in present:
            continue
        for m in cue.pattern.finditer(sentence):
            if NOT_EVENT_BEFORE.search(sentence[max(0, m.start() - 80) : m.start()]):
                continue
            if BACK_REFERENCE_BEFORE.search(sentence, max(0, m.start() - 50), m.start()):
                continue
            if EARLIER_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "Lavrov had previously met Qin": an earlier happening, told as background
            if REPEATED_AFTER.match(sentence, m.end(), m.end() + 60):
                continue  # "the two leaders have met more than 40 times": a tally, not a happening
            if (cue.type == "summit" or cue.kind == ARRIVAL) and OTHERS_ATTENDING_BEFORE.search(
                sentence, max(0, m.start() - 40), m.start()
            ):
                continue
            if cue.type == "meeting" and NOT_COUNTERPART.match(sentence, m.start(), m.end() + 80):
                continue
            if cue.type == "banquet" and NOT_GUESTS_AFTER.match(sentence, m.end(), m.end() + 60):
                continue  # "hosted a lunch for business leaders": no diplomatic banquet
            if any(c.type == cue.type and c.start < m.end() and m.start() < c.end for c in seen.values()):
                continue  # "attends a welcome ceremony" is one ceremony, of the kind found first
            seen[cue.kind] = CueMatch(cue.type, m.start(), m.end(), cue.near, cue.kind)
            break
    # One phrase, one happening, the more specific type: "held a bilateral meeting with" is
    # talks; "held phone talks" and "a video meeting" are calls.
    kept = [c for c in seen.values() if not any(_outranks(o, c) for o in seen.values())]
    return sorted(kept, key=lambda c: c.start)


_MORE_SPECIFIC = {("talks", "meeting"), ("call", "talks"), ("call", "meeting")}
# A kind that takes a phrase from a type that would otherwise outrank it: "held informal talks".
KIND_OUTRANKS = {("informal", "talks")}


def _outranks(a: CueMatch, b: CueMatch) -> bool:
    if not (a.start < b.end and b.start < a.end):
        return False
    if (a.kind, b.type) in KIND_OUTRANKS:
        return True
    if (b.kind, a.type) in KIND_OUTRANKS:
        return False
    return (a.type, b.type) in _MORE_SPECIFIC
