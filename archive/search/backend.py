"""Haystack engine for exact Chinese search (referenced by settings.HAYSTACK_CONNECTIONS).

The schema comes from schema.build_schema() (exact analyzer, integer dates, person names);
searching goes through engine.SearchCore, which caches one searcher per index directory.
Haystack's own update/remove/clear still work but take the writer lock, so they cannot
collide with the queue writer.
"""

from __future__ import annotations

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.exceptions import SearchBackendError

from archive.search.engine import SearchCore, get_core, open_index
from archive.search.locking import writer_lock
from archive.search.schema import CONTENT, build_schema


class ChineseWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        schema = build_schema()
        unknown = {f.index_fieldname for f in fields.values()} - set(schema.names())
        if unknown:
            raise SearchBackendError(f"search_indexes fields missing from the schema: {unknown}")
        return CONTENT, schema

    def setup(self):
        super().setup()
        # Recreate an index written by an older schema instead of failing on it later.
        self.index = open_index(self.path)

    def core(self) -> SearchCore:
        """The process-wide query runner for this index (cached searcher and facet arrays)."""
        if not self.setup_complete:
            self.setup()
        return get_core(self.path)

    def update(self, index, iterable, commit=True):
        with writer_lock(self.path):
            super().update(index, iterable, commit=commit)

    def remove(self, obj_or_string, commit=True):
        with writer_lock(self.path):
            super().remove(obj_or_string, commit=commit)

    def clear(self, models=None, commit=True):
        with writer_lock(self.path):
            super().clear(models=models, commit=commit)


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshSearchBackend
