"""Counts every page needs, cached per process until the archive changes."""

from __future__ import annotations

import datetime as dt
import logging
import os
import pickle
import time
import zlib
from array import array
from dataclasses import dataclass

import numpy as np
from django.core.cache import caches
from django.db import transaction
from django.db.models import Aggregate, CharField, F, Func, IntegerField
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save

from archive import freshness
from archive.models import Article, Event, EventParticipant, Mention, Person
from archive.periods import key_date
from archive.selectors import shared_arrays

logger = logging.getLogger(__name__)

# --- cached counts ---------------------------------------------------------------------------
#
# The article dates, the calendar (articles per day), every person's article count, and a
# person's roles, months, events and companions change only when the archive is edited, yet
# reading them means counting up to 100,000 rows (SQLite: 50-300 ms). They are kept in this
# process until the archive changes: a save or delete in this process forgets them at once and,
# once committed, moves archive.freshness's stamp, which every process checks with one stat()
# per lookup (so an import or another gunicorn worker's edit is seen at once). An article's
# save that changes neither its date nor whether it is hidden (a corrected title or text)
# changes no count and forgets nothing, so an editor's next pages stay fast. CACHE_SECONDS
# bounds the age of anything changed behind Django's back (raw SQL).
# Sums over many rows that come out small (every person's count, a person's figures) are
# also kept in Django's "figures" cache (shared=True) under the stamp they were read at: every
# gunicorn worker, and a worker started later, loads what one of them (or the importer, see
# people.warm_figures) computed, until the archive changes. At 400,000 articles on PostgreSQL
# the persons' counts took 435 ms to compute and 3 ms to load. The article dates (1.6 MB
# there), which the file cache's zlib took 146 ms to compress, are shared as a raw file. After
# edits that change a count, one worker's background thread computes them again before a
# reader asks (newsroom.gunicorn_conf.tick; claim() picks the worker).

CACHE_SECONDS = 900
MEMO_SIZE = 2000
_memo: dict[str, tuple[float, object]] = {}
_seen_stamp = [0]
_MISSING = object()


def forget_counts() -> None:
    """Drop every cached figure, this process's and the shared ones (as an edit does)."""
    _memo.clear()
    freshness.touch()


def forget_in_this_process() -> None:
    """Drop this process's cached figures and keep the shared ones: what another gunicorn
    worker, or one started later, has to begin with."""
    _memo.clear()


def _article_saved(instance: Article, created: bool, **kwargs) -> None:
    state = instance.counted_state()
    if not created and getattr(instance, "counted_as", None) == state:
        return  # a corrected title or text: every count stands, the pages stay warm
    instance.counted_as = state
    _archive_changed()


def _archive_changed(**kwargs) -> None:
    _memo.clear()
    # Now, so that this process no longer finds shared figures read before the change, and
    # again after the commit: a process reading before it cached the old rows under the
    # stamp moved now.
    freshness.touch()
    transaction.on_commit(freshness.touch)


def memoized(name: str, compute, shared: bool = False, typecode: str = ""):
    """compute(), kept in this process until the archive changes; shared: also in the
    figures cache; typecode: an array of that type, also as a raw file (shared_arrays)."""
    current = freshness.stamp()
    if current != _seen_stamp[0]:
        _memo.clear()
        _seen_stamp[0] = current
    now = time.monotonic()
    hit = _memo.get(name)
    if hit is not None and hit[0] > now:
        return hit[1]
    # Keyed by the stamp read before computing: rows read after a newer commit are stored
    # under an older stamp, which no one asks for once that commit has moved it.
    key = f"memo:{current}:{name}"
    if typecode:
        value = shared_arrays.load(name, current, typecode)
        if value is None:
            value = compute()
            shared_arrays.save(name, current, value)
    else:
        value = _shared(key) if shared else _MISSING
        if value is _MISSING:
            value = compute()
            if shared:
                _share(key, value)
    if len(_memo) >= MEMO_SIZE:  # per-person entries: keep memory bounded, crudely
        _memo.clear()
    _memo[name] = (now + CACHE_SECONDS, value)
    return value


def _shared(key: str):
    try:
        return caches["figures"].get(key, _MISSING)
    except (OSError, EOFError, pickle.UnpicklingError, zlib.error) as exc:
        # An unreadable or damaged cache file costs a recomputation, never the page.
        logger.warning("cached figures unreadable (%s): %s", key, exc)
        return _MISSING


def _share(key: str, value) -> None:
    try:
        caches["figures"].set(key, value, CACHE_SECONDS)
    except OSError as exc:  # a full disk costs the shared copy, never the page
        logger.warning("cached figures not shared (%s): %s", key, exc)


def claim(name: str, stamp: int) -> bool:
    """Whether this process is the first to claim ``name`` under the archive's ``stamp`` (in
    the figures cache every worker shares): one worker warms what all of them load. Two may
    both win a race; an unreadable cache lets each claim it."""
    try:
        return caches["figures"].add(f"claim:{stamp}:{name}", os.getpid(), CACHE_SECONDS)
    except OSError as exc:
        logger.warning("claim unreadable (%s): %s", name, exc)
        return True


def cached_for(person: Person, name: str, compute):
    """compute(person), kept like the counts: a mayor's page reads tens of thousands of rows."""
    return memoized(f"{name}:{person.pk}", lambda: compute(person), shared=True)


def connect_signals() -> None:
    """Any save or delete of an archive record forgets the counts (ArchiveConfig.ready),
    except an article's save that changes none of COUNTED_FIELDS."""
    post_save.connect(_article_saved, sender=Article, dispatch_uid="forget-Article")
    for model in (Mention, Person, Event, EventParticipant):
        post_save.connect(_archive_changed, sender=model, dispatch_uid=f"forget-{model.__name__}")
    for model in (Article, Mention, Person, Event, EventParticipant):
        post_delete.connect(_archive_changed, sender=model, dispatch_uid=f"del-{model.__name__}")
    m2m_changed.connect(_archive_changed, sender=Event.articles.through, dispatch_uid="forget-m2m")


HIDDEN, UNDATED = 0, -1
_ID_SHIFT = 1_000_000_000


def article_dates() -> array:
    """Every article's date as YYYYMMDD, indexed by article id; HIDDEN for hidden or missing
    ids, UNDATED for a visible article without a date. 4 bytes an article, read once."""

    def compute():
        # One string of id·10⁹ + (day number or 0), built by the database from the visible
        # articles' index alone and read by NumPy in one call: 100,000 rows as Python tuples
        # cost three times as much, and formatting YYYYMMDD in SQL twice as much (PostgreSQL).
        packed = F("id") * _ID_SHIFT + Coalesce(DayNumber("published"), 0)
        found = Article.objects.visible().aggregate(all=IdList(packed))["all"]
        values = np.fromstring(found or "", dtype=np.int64, sep=",")
        ids, days = values // _ID_SHIFT, values % _ID_SHIFT
        out = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=np.int32)  # HIDDEN
        out[ids] = np.where(days > 0, _date_keys(days), UNDATED)
        return array("i", out.tobytes())

    return memoized("article_dates", compute, typecode="i")


class DayNumber(Func):
    """A date as its day number, 0001-01-01 being day 1, computed by the database."""

    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite keeps dates as 'YYYY-MM-DD' text; julianday() reads it (1721425.5 = 0001-01-01).
        template = "(CAST(julianday(%(expressions)s) - 1721425.5 AS INTEGER) + 1)"
        return self.as_sql(compiler, connection, template=template)

    def as_postgresql(self, compiler, connection, **extra):
        template = "(%(expressions)s - DATE '0001-01-01' + 1)"
        return self.as_sql(compiler, connection, template=template)


def _date_keys(days: np.ndarray) -> np.ndarray:
    """Day numbers (DayNumber) → YYYYMMDD integers."""
    day = np.datetime64("0001-01-01", "D") + (days - 1).astype("timedelta64[D]")
    month = day.astype("datetime64[M]")
    years = day.astype("datetime64[Y]").astype(np.int64) + 1970
    months = month.astype(np.int64) % 12 + 1
    return years * 10000 + months * 100 + (day - month).astype(np.int64) + 1


class IdList(Aggregate):
    """A group's ids as one comma-separated string: one row per group instead of per id."""

    function = "group_concat"  # SQLite
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="string_agg(CAST(%(expressions)s AS text), ',')",
            **extra,
        )


@dataclass(frozen=True)
class Calendar:
    days: dict[dt.date, int]  # every issue date → its article count
    ordered: list[dt.date]
    years: dict[int, int]
    months: dict[tuple[int, int], int]
    undated: int

    @property
    def total(self) -> int:
        return sum(self.years.values()) + self.undated


def day_tally() -> tuple[np.ndarray, np.ndarray]:
    """Every date with visible articles (YYYYMMDD, ascending, int32) and how many each has,
    from article_dates() (no query of its own), counted by bincount over the span of dates:
    sorting the keys (np.unique) took 56–73 ms at 1.5 million articles, in every worker."""

    def compute():
        keys = np.frombuffer(article_dates(), dtype=np.int32)
        dated = keys[keys > 0]
        if not len(dated):
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)
        low = int(dated.min())
        tally = np.bincount(dated - low)
        found = np.flatnonzero(tally)
        return (found + low).astype(np.int32), tally[found]

    return memoized("day_tally", compute)


def calendar_counts() -> Calendar:
    def compute():
        keys = np.frombuffer(article_dates(), dtype=np.int32)
        found, counts = day_tally()
        days = {key_date(k): n for k, n in zip(found.tolist(), counts.tolist(), strict=True)}
        years: dict[int, int] = {}
        months: dict[tuple[int, int], int] = {}
        for d, n in days.items():
            years[d.year] = years.get(d.year, 0) + n
            months[(d.year, d.month)] = months.get((d.year, d.month), 0) + n
        undated = int((keys == UNDATED).sum())
        return Calendar(days, sorted(days), years, months, undated)

    return memoized("calendar", compute)
