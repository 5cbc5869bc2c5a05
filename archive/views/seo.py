"""What crawlers and browsers ask for: sitemaps, robots.txt, the OpenSearch description."""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape

from archive import selectors
from archive.models import Article, Event, Person
from archive.templatetags.archive_tags import day_url, fast_url


class ArticleSitemap(Sitemap):
    limit = 2000
    changefreq = "yearly"

    @cached_property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        paginator.count = selectors.calendar_counts().total  # not a count of every article
        return paginator

    def items(self):
        return Article.objects.visible().values_list("id", "updated_at").order_by("id")

    def location(self, item):
        return fast_url("archive:article", item[0])

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return None  # the default walks every article for the index page


class IssueSitemap(Sitemap):
    limit = 10000
    changefreq = "yearly"

    def items(self):
        return selectors.calendar_counts().ordered

    def location(self, item):
        return day_url(item)


class PersonSitemap(Sitemap):
    limit = 10000

    def items(self):
        return Person.objects.visible().values_list("id", flat=True).order_by("id")

    def location(self, item):
        return fast_url("archive:person", item)


class EventSitemap(Sitemap):
    limit = 10000

    def items(self):
        return Event.objects.visible().values_list("id", flat=True).order_by("id")

    def location(self, item):
        return fast_url("archive:event", item)


class PageSitemap(Sitemap):
    def items(self):
        return ["archive:home", "archive:article_list", "archive:person_list", "archive:event_list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "issues": IssueSitemap,
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "events": EventSitemap,
}


def sitemap_section(request, section):
    """One page of one sitemap section, written directly.

    django.contrib.sitemaps renders each URL through the template engine: a page of 10,000
    article URLs took a second. The index (sitemap.xml) is still Django's.
    """
    if section not in SITEMAPS:
        raise Http404("没有这个网站地图")
    site = SITEMAPS[section]()
    try:
        items = site.paginator.page(request.GET.get("p", "1")).object_list
    except InvalidPage as exc:
        raise Http404("没有这一页") from exc
    base = request.build_absolute_uri("/").rstrip("/")
    has_lastmod = hasattr(site, "lastmod")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ]
    for item in items:
        entry = f"<url><loc>{escape(base + site.location(item))}</loc>"
        if has_lastmod and (modified := site.lastmod(item)):
            entry += f"<lastmod>{modified.date().isoformat()}</lastmod>"
        out.append(entry + "</url>")
    out.append("</urlset>\n")
    return HttpResponse("\n".join(out), content_type="application/xml; charset=utf-8")


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("archive:sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        # Result pages are endless combinations of parameters; the articles are all linked
        # from the date pages and the sitemap.
        "Disallow: /search/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def opensearch(request):
    return render(
        request,
        "opensearch.xml",
        {"base": request.build_absolute_uri("/").rstrip("/")},
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
