"""The indexed document: its field names and shape, whatever engine holds it.

Dates are YYYYMMDD integers (0 = undated), so date facets, filters and sorting can read one
cached array. archive/search_indexes.py makes documents with make_document().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from archive.periods import date_key
from archive.reading.drafts import full_text

ID, DJANGO_CT, DJANGO_ID = "id", "django_ct", "django_id"
CONTENT, TITLE, PUBLISHED, PERSONS, PAGE = "text", "title", "published", "persons", "page"
ARTICLE_CT = "archive.article"
# Title hits rank first: a title term outweighs any body frequency BM25 gives.
TITLE_BOOST = 8.0


def make_document(
    pk: int,
    *,
    title: str,
    body: str,
    kicker: str = "",
    deck: str = "",
    published: dt.date | None = None,
    persons: Iterable[str] = (),
    page: int | None = None,
    captions: str = "",
    ocr_body: str = "",
) -> dict:
    """The document; ocr_body, the OCR's text an admin corrected, is searched as well."""
    names = [n.replace(",", " ") for n in dict.fromkeys(persons) if n]
    return {
        ID: f"{ARTICLE_CT}.{pk}",
        DJANGO_CT: ARTICLE_CT,
        DJANGO_ID: str(pk),
        CONTENT: full_text(
            kicker, title, deck, body.split("\n"), [*captions.split("\n"), *ocr_body.split("\n")]
        ),
        TITLE: title or "",
        PUBLISHED: date_key(published),
        PERSONS: ",".join(names),
        PAGE: page or 0,
    }
