"""Error pages in the site's style. The 500 page uses no database and no context processors."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from archive.context_processors import current_paper


def page_not_found(request, exception=None):
    return render(request, "404.html", {"request_path": request.path}, status=404)


def server_error(request):
    # Rendered without a RequestContext: whatever broke must not break this page too. The
    # paper's name comes from the settings alone.
    context = {"paper": current_paper()}
    return HttpResponseServerError(loader.get_template("500.html").render(context))


log = logging.getLogger(__name__)
RETRY_AFTER = 30  # seconds: a database restart or a long lock is usually over by then


class DatabaseUnavailableMiddleware:
    """The database unreachable or locked for too long: 503 with Retry-After, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        log.error("database unavailable for %s", request.path, exc_info=exception)
        page = loader.get_template("503.html").render({"paper": current_paper()})
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
