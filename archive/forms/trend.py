"""The parameters of a trend (GET /api/trend and the chart on the search page): one definition.

    q          a term to count (the reader's query language); repeat q to compare several
    vs         a further term to compare (the search page's spelling: q is its search)
    by         year | month (the API's default: year; the search page's: months for up to
               AUTO_MONTHS, else years)
    date_from  YYYY-MM-DD
    date_to    YYYY-MM-DD, not before date_from
    person     a person's name: only articles naming them are counted

At most MAX_TERMS terms in all (q and vs together). by=month over more than MAX_MONTHS months
(the range asked for, cut to the archive's first and last dated article) is refused: the
reader narrows the dates or counts by year.

TrendForm(request.GET).is_valid() says whether every value can be read; problems() lists the
ones that cannot (the API answers 400 with the first); to_query() is the TrendQuery asked for,
an unreadable value left at its default (the search page charts anyway and says so).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from archive.forms.search import REVERSED_DATES, ChoiceParam, DateParam, SearchForm
from archive.search.trend import (
    BY,
    MAX_MONTHS,
    MAX_TERMS,
    TrendQuery,
    auto_by,
    months_between,
    period_range,
)

TOO_MANY_TERMS = f"检索词最多 {MAX_TERMS} 个（q 与 vs 合计）"
NO_TERM = "请给出检索词（q）"


class TermsField(forms.Field):
    """Every value of a repeated parameter, stripped, empty ones and repeats dropped."""

    widget = forms.MultipleHiddenInput  # reads QueryDict.getlist(), not the last value only

    def to_python(self, value) -> list[str]:
        return list(dict.fromkeys(v.strip() for v in value or () if v and v.strip()))


class TrendForm(forms.Form):
    q = TermsField(required=False, label="检索词")
    vs = TermsField(required=False, label="对比词")
    by = ChoiceParam("统计单位", [(key, key) for key in BY])
    date_from = DateParam("起始日期")
    date_to = DateParam("结束日期")
    person = SearchForm.base_fields["person"]  # the search form's own: same limit and message

    problems = SearchForm.problems  # (parameter, error code, message) for each unreadable value

    def clean(self):
        data = super().clean()
        terms = self.terms()
        if not terms:
            self.add_error("q", ValidationError(NO_TERM, code="required"))
        elif len(terms) > MAX_TERMS:
            self.add_error("q", ValidationError(TOO_MANY_TERMS, code="too_many"))
        date_from, date_to = data.get("date_from"), data.get("date_to")
        self.swapped_dates = None
        if date_from and date_to and date_from > date_to:
            self.swapped_dates = (date_to, date_from)
            self.add_error("date_to", ValidationError(REVERSED_DATES, code="reversed"))
        if data.get("by") == "month":
            found = period_range(*self._dates())
            months = months_between(*found) if found else 0
            if months > MAX_MONTHS:
                message = (
                    f"按月统计最多 {MAX_MONTHS} 个月（{MAX_MONTHS // 12} 年），这段时间有 {months} "
                    "个月：请用起止日期（date_from、date_to）缩小范围，或按年统计（by=year）"
                )
                self.add_error("by", ValidationError(message, code="too_long"))
                data.pop("by", None)
        return data

    def terms(self) -> list[str]:
        """q then vs, each once."""
        data = self.cleaned_data
        return list(dict.fromkeys([*data.get("q", []), *data.get("vs", [])]))

    def _dates(self):
        data = self.cleaned_data
        return self.swapped_dates or (data.get("date_from"), data.get("date_to"))

    def to_query(self, default_by: str | None = "year") -> TrendQuery:
        """The TrendQuery asked for: the first MAX_TERMS terms; dates given the wrong way round
        swapped; by not given (or refused) → default_by, or when that is None the search
        page's choice (auto_by)."""
        self.is_valid()  # cleans the form, once
        date_from, date_to = self._dates()
        by = self.cleaned_data.get("by") or default_by or auto_by(date_from, date_to)
        return TrendQuery(
            terms=tuple(self.terms()[:MAX_TERMS]),
            by=by,
            date_from=date_from,
            date_to=date_to,
            person=(self.cleaned_data.get("person") or "").strip(),
        )
