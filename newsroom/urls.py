from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("archive.urls")),
]

handler404 = "archive.views.errors.page_not_found"
handler500 = "archive.views.errors.server_error"
