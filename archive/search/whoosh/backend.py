"""Haystack engine for exact Chinese search on Whoosh (settings.HAYSTACK_CONNECTIONS).

SearchQuerySet → ExactSearchQuery.build_query() (search/query.py: the SQ tree as one
ExactQuery) → ExactSearchBackend.search() → engine.SearchCore (a cached searcher and facet
arrays per index directory). Writing goes through the bulk writer (writer.py) under the writer
lock, so update_index, rebuild_index and clear_index take the fast path and never collide with
the queue writer. Besides Haystack's methods the backend offers the index queue
(search/queue.py) writer_lock(), apply() and rebuild(), and warm() for a starting worker: what
another engine's backend must offer too.
"""

from __future__ import annotations

import datetime as dt

from haystack.backends import BaseEngine, BaseSearchBackend, BaseSearchQuery, log_query
from haystack.models import SearchResult

from archive.periods import key_date
from archive.search.fields import ARTICLE_CT, DJANGO_CT, DJANGO_ID, PUBLISHED
from archive.search.locking import writer_lock
from archive.search.parser import parse
from archive.search.query import ExactQuery, compile_query, narrow
from archive.search.snippets import make_snippet
from archive.search.whoosh import writer
from archive.search.whoosh.engine import SearchCore, get_core

ALL = 10**9  # "no end": Haystack asks with end_offset None
FIELD_FACETS = {"persons": "person", "year": "year", "month": "month", "day": "day"}
SORTS = {"-published": "newest", "published": "oldest"}  # anything else: relevance


class ExactSearchBackend(BaseSearchBackend):
    def __init__(self, connection_alias, **options):
        super().__init__(connection_alias, **options)
        self.path = options["PATH"]

    def core(self) -> SearchCore:
        """The process-wide query runner for this index (cached searcher and facet arrays)."""
        return get_core(self.path)

    def warm(self) -> None:
        """Open the searcher and read its arrays now (seconds at a million articles), so a
        worker's first reader does not wait for it."""
        self.core().view()

    # Writing, for the index queue: under writer_lock(), apply() and rebuild().

    def writer_lock(self, block: bool = True):
        """Context manager: True while this process is the index's one writer."""
        return writer_lock(self.path, block=block)

    def apply(self, article_ids, all_cores: bool = False) -> int:
        """Bring the index in line with the database for these articles (all_cores: a big
        batch in a command, written by a process per core)."""
        return writer.apply(self.path, article_ids, all_cores=all_cores)

    def rebuild(self, progress=None, workers: int | None = None, batch_size: int = 500) -> int:
        """Every published article anew, replacing the index whole; returns how many."""
        return writer.rebuild(self.path, batch_size=batch_size, progress=progress, workers=workers)

    # Writing, for Haystack's commands: they hand us model objects.

    def update(self, index, iterable, commit=True):
        with self.writer_lock():
            self.apply([obj.pk for obj in iterable])

    def remove(self, obj_or_string, commit=True):
        pk = getattr(obj_or_string, "pk", None) or str(obj_or_string).rsplit(".", 1)[-1]
        with self.writer_lock():
            writer.remove(self.path, [int(pk)])

    def clear(self, models=None, commit=True):
        with self.writer_lock():
            writer.clear(self.path)

    # Reading.

    @log_query
    def search(self, query_string, **kwargs):
        query = query_string if isinstance(query_string, ExactQuery) else _raw(query_string)
        narrow(query, kwargs.get("narrow_queries"))
        start = kwargs.get("start_offset") or 0
        end = kwargs.get("end_offset")
        sort = next((SORTS[s] for s in kwargs.get("sort_by") or () if s in SORTS), "relevance")
        field_facets = kwargs.get("facets") or {}
        date_facets = kwargs.get("date_facets") or {}
        result = self.core().run(
            query.text,
            date_from=query.date_from,
            date_to=query.date_to,
            person=query.person,
            sort=sort,
            offset=start,
            limit=(ALL if end is None else end) - start,
            facets=bool(field_facets or date_facets),
            person_facet="persons" in field_facets,
        )
        result_class = kwargs.get("result_class") or SearchResult
        hits = [_result(result_class, stored) for stored in result.stored]
        if kwargs.get("highlight"):
            _highlight(hits, query)
        return {
            "results": hits,
            "hits": result.count,
            "facets": _facets(result.facets, field_facets, date_facets),
            "spelling_suggestion": None,
            "notice": result.error,
        }

    def more_like_this(self, model_instance, **kwargs):
        raise NotImplementedError("more_like_this is not offered by the exact engine")


def _raw(text: str) -> ExactQuery:
    """A query string given as such (raw_search, "*"): the reader's query language."""
    return ExactQuery(text=parse("" if text.strip() == "*" else text))


def _result(result_class, stored: dict):
    app_label, model_name = stored.get(DJANGO_CT, ARTICLE_CT).split(".")
    extra = {k: v for k, v in stored.items() if k not in (DJANGO_CT, DJANGO_ID)}
    extra[PUBLISHED] = key_date(extra.get(PUBLISHED) or 0)
    return result_class(app_label, model_name, stored[DJANGO_ID], 1.0, **extra)


def _highlight(hits: list, query: ExactQuery) -> None:
    """result.highlighted = {"text": [snippet]}: escaped body text with <mark> around hits."""
    needles = query.text.needles
    for model in {h.model for h in hits if h.model is not None}:
        ids = [h.pk for h in hits if h.model is model]
        bodies = dict(model.objects.filter(pk__in=ids).values_list("pk", "body"))
        for hit in hits:
            if hit.model is model:
                body = "\n".join(p for p in bodies.get(int(hit.pk), "").split("\n") if p.strip())
                hit.highlighted = {"text": [make_snippet(body, needles) if body else ""]}


def _facets(found, field_facets: dict, date_facets: dict) -> dict:
    fields = {
        name: list(getattr(found, FIELD_FACETS[name]))
        for name in field_facets
        if name in FIELD_FACETS
    }
    dates = {}
    for name, options in date_facets.items():
        gap = str(options.get("gap_by", "year"))
        values = getattr(found, gap if gap in ("year", "month", "day") else "year")
        start, end = options.get("start_date"), options.get("end_date")
        periods = [(_period_start(v), n) for v, n in values]
        dates[name] = [
            (day, n)
            for day, n in periods
            if (start is None or day >= _as_date(start)) and (end is None or day < _as_date(end))
        ]
    return {"fields": fields, "dates": dates, "queries": {}}


def _period_start(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


class ExactSearchQuery(BaseSearchQuery):
    """SearchQuery whose query is an ExactQuery object, not a string (see query.py)."""

    notice = ""  # what the engine says about how the reader's query was taken

    def build_query(self):
        return compile_query(self.query_filter)

    def build_query_fragment(self, field, filter_type, value):
        # Only for Haystack's own logging/repr; searching uses build_query().
        return f"{field}__{filter_type}={getattr(value, 'query_string', value)}"

    def run(self, spelling_query=None, **kwargs):
        search_kwargs = self.build_params(spelling_query=spelling_query)
        search_kwargs.update(kwargs)
        results = self.backend.search(self.build_query(), **search_kwargs)
        self._results = results.get("results", [])
        self._hit_count = results.get("hits", 0)
        self._facet_counts = self.post_process_facets(results)
        self._spelling_suggestion = None
        self.notice = results.get("notice", "")


class ExactEngine(BaseEngine):
    backend = ExactSearchBackend
    query = ExactSearchQuery
