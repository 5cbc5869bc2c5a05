"""The "收藏" box of the article page: an inclusion tag, so the article view needs no change."""

from __future__ import annotations

from django import template

from archive.models import Article
from archive.selectors.collections import collections_for_article
from archive.services.collections import MAX_NOTE_CHARS, NAME_MAX_CHARS

register = template.Library()


@register.inclusion_tag("collections/save_box.html", takes_context=True)
def collection_box(context, article: Article) -> dict:
    """Signed in: a form to save the article, the reader's collections holding it marked (one
    query). Anonymous: a link to log in that comes back to the article."""
    request = context["request"]
    box = {"article": article, "signed_in": request.user.is_authenticated}
    if box["signed_in"]:
        collections = collections_for_article(request.user, article.pk)
        box.update(
            collections=collections,
            holding=[c for c in collections if c.has_article],
            saved="saved" in request.GET,
            name_max=NAME_MAX_CHARS,
            note_max=MAX_NOTE_CHARS,
        )
    return box
