"""Every set of parameters a reader sends, validated by a Django form: one module per feature."""

from archive.forms.search import (
    DATE_EXAMPLE,
    DATE_FORMAT,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    SORT_KEYS,
    SearchForm,
)

__all__ = ["DATE_EXAMPLE", "DATE_FORMAT", "MAX_PAGE", "MAX_PAGE_SIZE", "SORT_KEYS", "SearchForm"]
