"""RSS and Atom feeds: each entry's page, fetched and read as a web page.

A feed is first checked with defusedxml: one that declares entities (the "billion laughs"
expansion) or is not XML at all is refused before feedparser reads it; one that opens as a
feed but is not well-formed (a broken entry) is read by feedparser's lenient parser, and a
note says so. An entry whose page
cannot be had (an HTTP error, a time-out, no article text) is read from the entry's own
summary instead, and a :class:`timeline.sources.Note` says so; an entry with neither a page
nor a summary is skipped and named.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from timeline.article import Article, ArticleError

if TYPE_CHECKING:
    from timeline.sources import Reader

_FEED_START_RE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL
)
_FEED_ROOTS = {"rss", "feed", "RDF"}
_ENTITY_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)
_BLOCK_END_RE = re.compile(r"<\s*(?:br|/p|/div|/li|/h\d)\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """An RSS or Atom document, by its media type or its first element."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return _FEED_START_RE.match(data[:4096]) is not None


def check_feed(data: bytes, name: str) -> str | None:
    """Refuse what is not a feed, or a feed whose XML declares entities, before it is parsed.

    A feed that is not well-formed XML but opens as one (an entry with a stray ``&`` or an
    unclosed tag) is let through for feedparser's lenient reading: the reason is returned.
    """
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    if _ENTITY_RE.search(data):  # refused whether or not the rest is well-formed
        raise ArticleError(f"{name}: feed refused: its XML declares entities (EntitiesForbidden)")
    try:
        root = safe_xml.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise ArticleError(f"{name}: feed refused: its XML declares entities ({type(err).__name__})") from err
    except Exception as err:  # ParseError and the like: not well-formed XML
        if looks_like_feed(data):
            return str(err)
        raise ArticleError(f"{name}: not an RSS or Atom feed (not XML: {err})") from err
    if root.tag.rsplit("}", 1)[-1] not in _FEED_ROOTS:
        raise ArticleError(f"{name}: not an RSS or Atom feed (an XML <{root.tag}> document)")
    return None


def _plain(fragment: str) -> str:
    """The text of an entry's HTML summary, a paragraph a line."""
    text = _TAG_RE.sub("", _BLOCK_END_RE.sub("\n", fragment))
    lines = (" ".join(html.unescape(line).split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _summary(entry: Any) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return _plain(str(content["value"]))
    return _plain(str(entry.get("summary") or entry.get("description") or ""))


def feed_articles(data: bytes, name: str, reader: Reader) -> Iterator[Article]:
    """The articles of a feed's entries, in feed order; see the module's notes."""
    broken = check_feed(data, name)
    import feedparser

    from timeline.sources import Note, compose, is_url

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        if broken or parsed.get("bozo"):
            raise ArticleError(f"{name}: not an RSS or Atom feed ({broken or parsed.get('bozo_exception')})")
        return
    if broken:
        reader.note(Note(f"{name}: not well-formed XML ({broken}); its entries read leniently"))
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        link = link if isinstance(link, str) and is_url(link) else None
        where = f"{name}: entry {number}" + (f" ({link})" if link else "")
        title = entry.get("title") if isinstance(entry.get("title"), str) else None
        why = "it has no link"
        if link is not None:
            try:
                got = reader.fetcher.get(link)
                page = reader.page(got.data, link, got.url, got.content_type)
            except ArticleError as err:
                why = str(err).removeprefix(f"{link}: ")
            else:
                yield page
                continue
        summary = _summary(entry)
        if not summary:
            reader.report(ArticleError(f"{where}: page not read ({why}) and no summary to read instead"))
            continue
        reader.note(Note(f"{where}: page not read ({why}); read the entry's summary instead"))
        article = compose(summary + "\n", title, _entry_date(entry), f"{name}#{number}", link)
        # The page, when a later run can have it, replaces this summary in a store.
        article.key = f"{link or f'{name}#{number}'}#summary"
        yield article
