"""Error pages in the site's style. The 500 page uses no database and no context processors."""

from django.http import HttpResponseServerError
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
