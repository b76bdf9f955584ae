"""Saved web pages: the article in a page, as the same text a hand-made ``.txt`` would hold.

trafilatura finds the article's main text (menus, related links, cookie notes and comments
left out), its headline, its canonical URL and, through htmldate, its publication date. The
page becomes ``date YYYY-MM-DD Headline``, a blank line and the paragraphs, which
:func:`timeline.article.parse_article` reads exactly as it reads a ``.txt`` article; the
article's URL is the page's canonical URL (else the address it was fetched from), so every
event's source carries it and the headline.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from timeline.article import Article, ArticleError, parse_article

HTML_SUFFIXES = (".html", ".htm")
# Markup that any web page has near its top; a file named .html without it is not a page.
_LOOKS_HTML_RE = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.IGNORECASE
)


# Cookie and consent notes, which trafilatura would otherwise take for the text of a page without
# an article; and the least text that counts as an article (a menu's few words do not).
_PRUNE = "//*[contains(@class,'cookie') or contains(@id,'cookie') or contains(@class,'consent') or contains(@id,'consent')]"
MIN_TEXT = 50
_config: Any = None


def _trafilatura_config() -> Any:
    global _config
    if _config is None:
        from trafilatura.settings import use_config

        _config = use_config()
        _config.set("DEFAULT", "MIN_OUTPUT_SIZE", str(MIN_TEXT))
    return _config


def looks_like_html(data: bytes) -> bool:
    return b"\x00" not in data[:8192] and _LOOKS_HTML_RE.search(data[:65536]) is not None


def _iso_date(raw: object) -> dt.date | None:
    if not isinstance(raw, str):
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def extract_page(data: bytes, path: str) -> dict[str, Any]:
    """trafilatura's reading of a page: ``text``, ``title``, ``date`` and ``url`` (each may be None).

    Raises :class:`ArticleError` for a file that is not a web page.
    """
    if not looks_like_html(data):
        raise ArticleError(f"{path}: not a web page (no HTML markup)")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
            prune_xpath=[_PRUNE],
            config=_trafilatura_config(),
        )
    except Exception as err:  # a page the library trips on is one bad input, not a crash
        raise ArticleError(f"{path}: web page could not be read ({type(err).__name__}: {err})") from err
    if doc is None:
        return {"text": None, "title": None, "date": None, "url": None}
    get = doc.get if isinstance(doc, dict) else lambda key: getattr(doc, key, None)
    return {"text": get("text"), "title": get("title"), "date": get("date"), "url": get("url")}


def page_article(data: bytes, path: str, url: str | None = None) -> Article:
    """The article of a saved or fetched web page. ``url`` is where it was fetched from, if it was.

    Raises :class:`ArticleError` for a file that is not a web page or a page with no article text.
    """
    found = extract_page(data, path)
    title = " ".join((found["title"] or "").split()) or None
    lines = [line.strip() for line in (found["text"] or "").splitlines() if line.strip()]
    if lines and title and " ".join(lines[0].split()) == title:
        lines = lines[1:]  # the headline heads the text as well as the metadata
    if not lines:
        raise ArticleError(f"{path}: no article text in this web page")
    published = _iso_date(found["date"])
    body = "\n\n".join(lines) + "\n"
    if published is not None:  # the seed's header line: the same reading as a .txt article
        article = parse_article(f"date {published.isoformat()} {title or ''}\n\n{body}", path)
    else:
        article = parse_article(body, path)
        article.title = title
    article.url = _canonical(found["url"]) or url
    return article


def _canonical(raw: object) -> str | None:
    """The page's canonical URL, unless it is none or a site's home page: some sites name their
    home page as every page's canonical URL, which would make all their articles one."""
    if not isinstance(raw, str) or not raw.startswith(("http://", "https://")):
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(raw)
    return raw if parts.path.strip("/") or parts.query else None
