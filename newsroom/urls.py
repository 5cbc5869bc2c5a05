from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.functional import lazy

from archive.context_processors import current_paper
from archive.views.accounts import signup
from archive.views.review import review_queue

# Lazy: the paper's name is read from the settings whenever a page shows it.
admin.site.site_header = lazy(lambda: f"{current_paper().site_title} · 管理", str)()
admin.site.site_title = lazy(lambda: current_paper().site_title, str)()

urlpatterns = [
    path("admin/review/", review_queue, name="review_queue"),
    path("admin/", admin.site.urls),
    # Readers' accounts (for their collections). The login is django-axes' too: LoginView's
    # form passes the request to authenticate(), so failures count as at the admin login.
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path(
        "accounts/logout/", auth_views.LogoutView.as_view(next_page="archive:home"), name="logout"
    ),
    path("accounts/signup/", signup, name="signup"),
    path("", include("archive.urls")),
]

handler404 = "archive.views.errors.page_not_found"
handler500 = "archive.views.errors.server_error"
