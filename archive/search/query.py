"""What Haystack's SearchQuerySet asks, as one exact query the engine can run.

SearchQuerySet builds a tree of SQ nodes (filter, exclude, auto_query, narrow); compile_query()
turns it into an ExactQuery: the text constraints as a ParsedQuery (AND of ORs of exact
strings, minus excluded strings), a date range and a person. The meaning of each form:

    .filter(content="脱贫攻坚")        articles containing exactly that string
    .auto_query('乡村振兴 -"脱贫"')    the reader's query language (parser.py)
    .exclude(content="x")              articles not containing x
    .filter(content="a") | SQ(content="b")   either
    .filter(published__gte=date) / __lte / __gt / __lt / __range / exact
    .filter(persons="张三") or .narrow('persons:"张三"')   articles naming that person
    .narrow("published:2021-04")       a year, month or day (a facet's value)

Anything else (OR across fields, NOT of several strings, other fields) raises
SearchBackendError naming it, rather than answering something else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from haystack.exceptions import SearchBackendError
from haystack.inputs import AutoQuery

from archive.periods import date_key, period_span
from archive.search.fields import CONTENT, PERSONS, PUBLISHED
from archive.search.parser import ParsedQuery, parse, phrase

TEXT_FIELDS = {"content", CONTENT}
DATE_FILTERS = {"gte", "gt", "lte", "lt", "range", "exact", "content"}
NOTHING_TO_FIND = "检索词中没有可检索的文字或数字。"
_NARROW_RE = re.compile(r'^\s*(\w+)\s*:\s*"?(.*?)"?\s*$')
_PERIOD_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass
class ExactQuery:
    text: ParsedQuery = field(default_factory=ParsedQuery)
    date_from: int = 0  # YYYYMMDD, 0 = open
    date_to: int = 0
    person: str = ""

    def __str__(self) -> str:  # Haystack logs the query it runs
        return (
            f"must={[[a.needles for a in g] for g in self.text.must]} "
            f"not={[a.needles for a in self.text.must_not]} "
            f"dates={self.date_from}-{self.date_to} person={self.person!r}"
        )


def compile_query(node) -> ExactQuery:
    query = ExactQuery()
    _node(query, node)
    return query


def _node(query: ExactQuery, node) -> None:
    leaves = [c for c in node.children if not hasattr(c, "children")]
    nodes = [c for c in node.children if hasattr(c, "children")]
    if node.negated or (node.connector == "OR" and len(node.children) > 1):
        parsed = [_text_leaf(c) for c in _flat_leaves(node)]
        atoms = [a for p in parsed for g in p.must for a in g]
        if node.negated:
            if len(parsed) > 1 and node.connector == "AND":
                raise SearchBackendError("NOT of several strings together is not supported")
            query.text.must_not.extend(atoms)
        else:
            query.text.must.append(atoms)
        query.text.empty_input = False
        return
    for child in leaves:
        expression, value = child
        name, filter_type = node.split_expression(expression)
        _leaf(query, name, filter_type, value)
    for child in nodes:
        _node(query, child)


def _flat_leaves(node) -> list[tuple[str, str, object]]:
    """The leaves under an OR or a NOT: text only, nested ORs flattened."""
    found = []
    for child in node.children:
        if hasattr(child, "children"):
            if child.negated or (child.connector == "AND" and len(child.children) > 1):
                raise SearchBackendError("this combination of OR, AND and NOT is not supported")
            found += _flat_leaves(child)
            continue
        expression, value = child
        name, filter_type = node.split_expression(expression)
        if name not in TEXT_FIELDS:
            raise SearchBackendError(f"OR and NOT work on the text only, not on {name!r}")
        found.append((name, filter_type, value))
    return found


def _text_leaf(leaf: tuple[str, str, object]) -> ParsedQuery:
    _, filter_type, value = leaf
    if isinstance(value, AutoQuery):
        return parse(value.query_string)
    text = str(getattr(value, "query_string", value))
    atom = phrase(text)
    if atom is None:
        return ParsedQuery(error=NOTHING_TO_FIND, empty_input=False)
    return ParsedQuery(must=[[atom]], empty_input=False)


def _leaf(query: ExactQuery, name: str, filter_type: str, value) -> None:
    if name in TEXT_FIELDS:
        parsed = _text_leaf((name, filter_type, value))
        query.text.must += parsed.must
        query.text.must_not += parsed.must_not
        query.text.error = " ".join(e for e in (query.text.error, parsed.error) if e)
        query.text.empty_input = query.text.empty_input and parsed.empty_input
    elif name == PUBLISHED and filter_type in DATE_FILTERS:
        _dates(query, filter_type, value)
    elif name == PERSONS and filter_type in ("exact", "content"):
        person = str(getattr(value, "query_string", value)).strip()
        if query.person and query.person != person:
            raise SearchBackendError("one person at a time")
        query.person = person
    else:
        raise SearchBackendError(f"cannot filter on {name}__{filter_type}")


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _dates(query: ExactQuery, filter_type: str, value) -> None:
    one = dt.timedelta(days=1)
    if filter_type == "range":
        low, high = (_day(v) for v in value)
    elif filter_type in ("gte", "gt"):
        low, high = _day(value) + (one if filter_type == "gt" else dt.timedelta()), None
    elif filter_type in ("lte", "lt"):
        low, high = None, _day(value) - (one if filter_type == "lt" else dt.timedelta())
    else:
        low = high = _day(value)
    _narrow_dates(query, date_key(low), date_key(high))


def _narrow_dates(query: ExactQuery, low: int, high: int) -> None:
    if low:
        query.date_from = max(query.date_from, low)
    if high:
        query.date_to = min(query.date_to, high) if query.date_to else high


def narrow(query: ExactQuery, narrow_queries) -> None:
    """Apply Haystack narrow() strings: persons:"NAME", published:YYYY[-MM[-DD]]."""
    for text in narrow_queries or ():
        found = _NARROW_RE.match(text)
        name, value = (found.group(1), found.group(2)) if found else ("", "")
        period = _PERIOD_RE.match(value)
        if name == PERSONS and value:
            _leaf(query, PERSONS, "exact", value)
        elif name == PUBLISHED and period:
            first, last = period_span(*(int(g) if g else None for g in period.groups()))
            _narrow_dates(query, date_key(first), date_key(last))
        else:
            raise SearchBackendError(f"cannot narrow by {text!r}")
