"""GET /search/export.csv and /search/export.jsonl — a search's result set as a file.

Parameters: those of archive.forms.SearchForm (q, person, date_from, date_to, sort; page and
page_size are read and ignored: the file holds the whole set, up to EXPORT_LIMIT rows). A value
that cannot be read gives 400 with the form's message. The file is streamed as it is read.

JSON Lines: a first line of metadata ({"export": "search-results", "exported_at", "query",
"count", "limit", "truncated", "note"}), then one article a line.
CSV (UTF-8 with a BOM, so Excel reads the Chinese): two lines of metadata (names, then values),
an empty line, then the header and one article a row; reporters and persons are joined by 、.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterable, Iterator

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from archive.forms import SearchForm
from archive.search.errors import IndexNeedsRebuild
from archive.search.service import UNAVAILABLE
from archive.selectors.search_export import FIELDS, ResultSet, result_records, result_set

log = logging.getLogger(__name__)
QUERY_FIELDS = ("q", "person", "date_from", "date_to", "sort")
META_FIELDS = ("exported_at", *QUERY_FIELDS, "count", "limit", "truncated", "note")
NAMES_JOINED_BY = "、"
# A cell starting with one of these is a formula to Excel: a leading ' keeps it text (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _metadata(found: ResultSet) -> dict:
    query = found.query
    return {
        "exported_at": found.exported_at.isoformat(timespec="seconds"),
        "query": {
            "q": query.q,
            "person": query.person,
            "date_from": query.date_from.isoformat() if query.date_from else None,
            "date_to": query.date_to.isoformat() if query.date_to else None,
            "sort": query.sort,
        },
        "count": found.count,
        "limit": found.limit,
        "truncated": found.truncated,
        "note": found.note,
    }


def _jsonl(found: ResultSet, records: Iterable[dict]) -> Iterator[str]:
    yield json.dumps({"export": "search-results", **_metadata(found)}, ensure_ascii=False) + "\n"
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


class _Line:
    """csv.writer writes into this and gets the line back, so each row is yielded as made."""

    def write(self, text: str) -> str:
        return text


def _cell(value) -> str | int:
    if isinstance(value, bool):
        return "true" if value else "false"  # as in the JSON Lines file
    if isinstance(value, list):
        value = NAMES_JOINED_BY.join(value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv(found: ResultSet, records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    meta = _metadata(found)
    meta.update(meta.pop("query"))
    yield "\ufeff" + writer.writerow(META_FIELDS)
    yield writer.writerow([_cell(meta[name]) for name in META_FIELDS])
    yield writer.writerow([])
    yield writer.writerow(FIELDS)
    for record in records:
        yield writer.writerow([_cell(record[name]) for name in FIELDS])


def _export(request, encode, extension: str, content_type: str):
    form = SearchForm(request.GET)
    if not form.is_valid():
        param, _, message = form.problems()[0]
        return HttpResponse(
            f"{param}: {message}\n", status=400, content_type="text/plain; charset=utf-8"
        )
    now = timezone.localtime()
    try:
        found = result_set(form.to_query(), now)
    except IndexNeedsRebuild as exc:  # the log says what to run; the reader gets a message
        log.error("%s", exc)
        return HttpResponse(UNAVAILABLE, status=503, content_type="text/plain; charset=utf-8")
    base_url = request.build_absolute_uri("/")
    response = StreamingHttpResponse(
        encode(found, result_records(found, base_url)), content_type=content_type
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"search-{now:%Y%m%d-%H%M%S}.{extension}"
    )
    return response


@require_GET
def export_csv(request):
    return _export(request, _csv, "csv", "text/csv; charset=utf-8")


@require_GET
def export_jsonl(request):
    return _export(request, _jsonl, "jsonl", "application/jsonl; charset=utf-8")
