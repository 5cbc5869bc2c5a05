from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, register_converter

from archive.views import (
    api,
    articles,
    browse,
    errors,
    events,
    exports,
    feeds,
    people,
    reports,
    search,
    seo,
    sources,
    trend,
)

app_name = "archive"


class FourDigitYear:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:02d}"


register_converter(FourDigitYear, "yyyy")
register_converter(TwoDigits, "mm")

urlpatterns = [
    path("", browse.home, name="home"),
    path("<yyyy:year>/", browse.year, name="year"),
    path("<yyyy:year>/<mm:month>/", browse.month, name="month"),
    path("<yyyy:year>/<mm:month>/<mm:day>/", browse.day, name="day"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/<int:pk>/", articles.article_detail, name="article"),
    path("articles/<int:pk>/cite.ris", articles.cite_ris, name="cite_ris"),
    path("articles/<int:pk>/cite.bib", articles.cite_bibtex, name="cite_bibtex"),
    path("articles/<int:pk>/report/", reports.report_error, name="report_error"),
    path("people/", people.person_list, name="person_list"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("events/", events.event_list, name="event_list"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("collections/", include("archive.urls_collections")),
    path("sources/<int:pk>/", sources.source_page, name="source_page"),
    path("search/", search.search_page, name="search"),
    path("search/export.csv", exports.export_csv, name="search_export_csv"),
    path("search/export.jsonl", exports.export_jsonl, name="search_export_jsonl"),
    path("api/search", api.search_api, name="api_search"),
    path("api/search/", api.search_api),
    path("api/trend", trend.trend_api, name="api_trend"),
    path("api/trend/", trend.trend_api),
    # Feeds, sitemaps and the files crawlers and browsers look for.
    path("feeds/latest/", feeds.LatestArticlesFeed(), name="feed_latest"),
    path("people/<int:pk>/feed/", feeds.PersonFeed(), name="person_feed"),
    path("search/feed/", feeds.SearchFeed(), name="search_feed"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": seo.SITEMAPS, "sitemap_url_name": "archive:sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", seo.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo.robots_txt, name="robots"),
    path("opensearch.xml", seo.opensearch, name="opensearch"),
]

__all__ = ["errors"]
