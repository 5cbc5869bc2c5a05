from django.urls import path, register_converter

from archive.views import api, articles, browse, errors, events, people, search, sources

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
    path("people/", people.person_list, name="person_list"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("events/", events.event_list, name="event_list"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("sources/<int:pk>/", sources.source_page, name="source_page"),
    path("search/", search.search_page, name="search"),
    path("api/search", api.search_api, name="api_search"),
    path("api/search/", api.search_api),
]

__all__ = ["errors"]
