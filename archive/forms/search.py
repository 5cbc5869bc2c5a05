"""The search parameters of the search page, its feed and the API: one definition.

    q          what to find (the reader's query language); any length
    person     a person's name
    date_from  YYYY-MM-DD
    date_to    YYYY-MM-DD, not before date_from
    page       1 … MAX_PAGE
    page_size  1 … MAX_PAGE_SIZE (a larger one is taken as MAX_PAGE_SIZE)
    sort       a key of archive.search.service.SORTS: relevance | newest | oldest

A parameter not given takes SearchQuery's default (page 1, page_size 20, sort relevance).

SearchForm(request.GET).is_valid() says whether every value can be read; problems() lists the
ones that cannot (the API answers 400 with the first); to_query() is the SearchQuery asked for,
an unreadable value left at its default (the search page searches anyway and says so).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from archive.models import Person
from archive.search.service import SORTS
from archive.search.types import SearchQuery

DATE_FORMAT = "%Y-%m-%d"
DATE_EXAMPLE = "2021-04-17"
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100
SORT_KEYS = tuple(SORTS)  # the search service's sorts
PERSON_MAX_CHARS = Person._meta.get_field("name").max_length
REVERSED_DATES = "起始日期晚于结束日期"
SHOWN_CHARS = 50  # of a value quoted in a message


class _NamesTheValue:
    """Every error message may quote the value as given: %(value)s (cut at SHOWN_CHARS)."""

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError as exc:
            shown = str(value).strip()[:SHOWN_CHARS]
            raise ValidationError(
                [
                    ValidationError(
                        e.message, code=e.code, params={**(e.params or {}), "value": shown}
                    )
                    for e in exc.error_list
                ]
            ) from None


class DateParam(_NamesTheValue, forms.DateField):
    input_formats = [DATE_FORMAT]

    def __init__(self, label: str):
        invalid = f"{label}“%(value)s”不是有效日期（格式：{DATE_EXAMPLE}）"
        super().__init__(required=False, label=label, error_messages={"invalid": invalid})


class NumberParam(_NamesTheValue, forms.IntegerField):
    def __init__(self, label: str, max_value: int | None = None):
        wanted = f"应为 1 到 {max_value} 之间的整数" if max_value else "应为正整数"
        message = f"{label}“%(value)s”无效，{wanted}"
        super().__init__(
            required=False,
            label=label,
            min_value=1,
            max_value=max_value,
            error_messages={"invalid": message, "min_value": message, "max_value": message},
        )


class ChoiceParam(_NamesTheValue, forms.ChoiceField):
    def __init__(self, label: str, choices):
        keys = "、".join(key for key, _ in choices)
        super().__init__(
            required=False,
            label=label,
            choices=choices,
            error_messages={"invalid_choice": f"不认识的{label}“%(value)s”（可选：{keys}）"},
        )


class SearchForm(forms.Form):
    # Not max_length=MAX_QUERY_CHARS: a longer q is not refused. The parser searches its first
    # MAX_QUERY_CHARS characters and says so (SearchPage.error), on the page and in the API.
    q = forms.CharField(required=False, label="检索词")
    person = forms.CharField(
        required=False,
        label="人物",
        max_length=PERSON_MAX_CHARS,
        error_messages={"max_length": f"人物名过长（最多 {PERSON_MAX_CHARS} 个字）"},
    )
    date_from = DateParam("起始日期")
    date_to = DateParam("结束日期")
    page = NumberParam("页码", max_value=MAX_PAGE)
    page_size = NumberParam("每页条数")  # above MAX_PAGE_SIZE: clamped, not refused
    sort = ChoiceParam("排序方式", [(key, key) for key in SORT_KEYS])

    def clean_page_size(self) -> int | None:
        size = self.cleaned_data["page_size"]
        return min(size, MAX_PAGE_SIZE) if size is not None else None

    def clean(self):
        data = super().clean()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        self.swapped_dates = None
        if date_from and date_to and date_from > date_to:
            self.swapped_dates = (date_to, date_from)
            self.add_error("date_to", ValidationError(REVERSED_DATES, code="reversed"))
        return data

    def problems(self) -> list[tuple[str, str, str]]:
        """(parameter, error code, message) for every value that could not be read."""
        return [
            (name, error.code or "invalid", message)
            for name, errors in self.errors.as_data().items()
            for error in errors
            for message in error.messages
        ]

    def to_query(self, **fixed) -> SearchQuery:
        """The SearchQuery asked for; fixed: values the caller decides (the feed's sort).

        A value not given, or that could not be read, is left at SearchQuery's default; dates
        given the wrong way round are swapped.
        """
        self.is_valid()  # cleans the form, once
        data = self.cleaned_data
        date_from, date_to = self.swapped_dates or (data.get("date_from"), data.get("date_to"))
        values = {
            name: data.get(name)
            for name in ("q", "person", "sort", "page", "page_size")
            if data.get(name) not in (None, "")
        }
        values.update(date_from=date_from, date_to=date_to)
        return SearchQuery(**{**values, **fixed})
