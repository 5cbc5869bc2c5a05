"""Readers' accounts: signing up (logging in and out are Django's own views)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.forms import UserCreationForm
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

# Several authentication backends (django-axes first): login() must be told which one.
READER_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _wanted(request) -> str:
    return request.POST.get("next") or request.GET.get("next") or ""


def _next_url(request) -> str:
    wanted = _wanted(request)
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe else settings.LOGIN_REDIRECT_URL


def signup(request):
    if request.user.is_authenticated:
        return redirect(_next_url(request))
    form = UserCreationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Django's own form creates the user (hashing the password): nothing else to write.
        login(request, form.save(), backend=READER_BACKEND)
        return redirect(_next_url(request))
    context = {"form": form, "next": _wanted(request)}
    return render(request, "registration/signup.html", context, status=400 if form.errors else 200)
