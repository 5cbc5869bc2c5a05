"""One OCR page exactly as it was imported, with the articles cut from it."""

from django.shortcuts import get_object_or_404, render

from archive import selectors
from archive.models import SourcePage


def source_page(request, pk):
    page = get_object_or_404(SourcePage, pk=pk)
    context = {
        "source": page,
        "articles": selectors.source_articles(page),
        "staff": page.staff.select_related("person").order_by("id"),
    }
    return render(request, "source_page.html", context)
