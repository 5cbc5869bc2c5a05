"""Atom feeds: the latest articles, one person's articles, one search."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from archive import selectors
from archive.context_processors import current_paper
from archive.forms import SearchForm
from archive.models import Person
from archive.views.search import run_search


def _site() -> str:
    return current_paper().site_title


class ArticleFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.deck or (item.paragraphs[0] if item.paragraphs else "")

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return _midnight(item.published)

    def item_updateddate(self, item):
        return getattr(item, "updated_at", None)


def _midnight(day):
    import datetime as dt

    from django.utils import timezone

    if day is None:
        return None
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


class LatestArticlesFeed(ArticleFeed):
    def title(self):
        return f"{_site()}：最新文章"

    def subtitle(self):
        return f"《{current_paper().name}》最新收录的文章"

    def link(self):
        return reverse("archive:home")

    def items(self):
        return selectors.article_list(names=False)[:50]


class PersonFeed(ArticleFeed):
    def get_object(self, request, pk):
        try:
            return selectors.visible_person(pk)
        except Person.DoesNotExist as exc:
            raise Http404("没有这个人物") from exc

    def title(self, obj):
        return f"{_site()}：{obj.name}"

    def subtitle(self, obj):
        return f"提到{obj.name}的文章"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        months = selectors.person_months(obj)
        return selectors.person_articles(obj, months, names=False)[:50]


class SearchFeed(Feed):
    """A saved search: the newest matches for the query, whatever sort the page used."""

    feed_type = Atom1Feed

    def get_object(self, request):
        # Values the feed cannot read are left out, as on the search page.
        return SearchForm(request.GET).to_query(sort="newest", page=1, page_size=50)

    def title(self, obj):
        return f"{_site()}：检索“{obj.q or obj.person}”"

    def link(self, obj):
        return reverse("archive:search") + "?" + _params(obj)

    def items(self, obj):
        if not (obj.q or obj.person):
            return []
        result, _ = run_search(obj, facets=False)
        return result.hits

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.deck or ""

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return _midnight(item.published)


def _params(query) -> str:
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in (("q", query.q), ("person", query.person)) if v})
