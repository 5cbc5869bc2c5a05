"""POST /articles/<pk>/report/ — a reader reports an error; they stay on the article.

Saved: a thank-you message on the article, back where the form was. A form with errors, or a
sender over the rate limit, gets the article again with the form and its message (400, 429).
A filled-in honeypot is thanked like a person and nothing is saved, so a bot learns nothing.
"""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from archive.forms.reports import ErrorReportForm
from archive.services.reports import (
    REPORTS_PER_WINDOW,
    WINDOW_SECONDS,
    TooManyReports,
    submit_report,
)
from archive.views.articles import article_or_404, render_article

THANKS = "谢谢！报错已收到，编辑核对后会改正。"
TOO_MANY = (
    f"同一网络每 {WINDOW_SECONDS // 60} 分钟最多提交 {REPORTS_PER_WINDOW} 条报错，请稍后再试。"
)
ANCHOR = "#report"  # the report section of the article page


@require_POST
def report_error(request, pk):
    article = article_or_404(pk)
    form = ErrorReportForm(request.POST)
    if not form.is_valid():
        return render_article(request, article, report_form=form, status=400)
    if not form.is_bot():
        try:
            submit_report(
                article,
                kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                contact=form.cleaned_data["contact"],
                # The address rule of the admin's login throttle (django-axes): one definition.
                client=get_client_ip_address(request) or "",
            )
        except TooManyReports:
            form.add_error(None, TOO_MANY)
            return render_article(request, article, report_form=form, status=429)
    messages.success(request, THANKS, extra_tags="report")
    return redirect(article.get_absolute_url() + ANCHOR)
