"""WSGI entry point for gunicorn (`gunicorn newsroom.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()

from newsroom.warm import warm_up  # noqa: E402 — needs the apps loaded above

warm_up()
