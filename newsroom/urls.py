from django.contrib import admin
from django.urls import include, path

from archive.views.review import review_queue

admin.site.site_header = "衡阳日报档案 · 管理"
admin.site.site_title = "衡阳日报档案"

urlpatterns = [
    path("admin/review/", review_queue, name="review_queue"),
    path("admin/", admin.site.urls),
    path("", include("archive.urls")),
]

handler404 = "archive.views.errors.page_not_found"
handler500 = "archive.views.errors.server_error"
