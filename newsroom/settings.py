"""One settings module; everything that differs between machines comes from the environment.

See README.md ("Settings") for every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# The paper this archive holds: its name in titles and citations (《…》), a short form for the
# site's name ("…档案") and the city it reports on. Templates see them as {{ paper }}.
NEWSROOM_PAPER_NAME = os.environ.get("NEWSROOM_PAPER_NAME", "").strip() or "衡阳日报"
NEWSROOM_PAPER_SHORT_NAME = (
    os.environ.get("NEWSROOM_PAPER_SHORT_NAME", "").strip() or NEWSROOM_PAPER_NAME
)
NEWSROOM_PAPER_CITY = os.environ.get("NEWSROOM_PAPER_CITY", "").strip() or "衡阳"

# Where the SQLite file, the Whoosh index and the index queue lock live.
DATA_DIR = Path(os.environ.get("NEWSROOM_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)  # SQLite cannot create its folder itself

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # Production must never run on a guessable key: fail at start, not later.
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it (or DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # archive first: its rebuild_index (parallel, atomic) replaces Haystack's.
    "archive",
    "haystack",
    "simple_history",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "archive.views.errors.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

# Password guessing at the admin login: after AXES_FAILURE_LIMIT failures for one user name
# from one address, that pair is locked out for AXES_COOLOFF_TIME hours (django-axes, kept in
# the database, so every gunicorn worker sees it).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "login_locked.html"

# Readers sign in for their collections; a page that needs it sends them back after.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "archive:collections:list"

# What pages may load: everything from this site only, nothing inline (the public pages keep
# to it: no inline script or style). The admin's own pages use inline styles.
NEWSROOM_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
NEWSROOM_CSP_ADMIN = NEWSROOM_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.context_processors.paper",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'newsroom.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets gunicorn workers read while the importer or the index writer writes.
    # IMMEDIATE: a transaction takes the write lock when it begins, waiting up to `timeout`
    # for another writer; a deferred one (Django's default) that read first fails at once
    # with "database is locked" when it then writes while another process writes (an admin
    # saving while the index writer clears the queue).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A page's queries are small: starting parallel workers for one cost ~25 ms at a million
    # articles, more than it saved on two cores (home page p95 80 → 43 ms without them).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "options",
        "-c max_parallel_workers_per_gather="
        + str(int(os.environ.get("NEWSROOM_PG_PARALLEL_WORKERS", "0"))),
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("NEWSROOM_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# One cache every gunicorn worker shares (files on this machine), so a limit counted in it
# (readers' error reports per address) holds for the site, not per process.
# The figures of persons' pages (selectors.counts) are kept apart, so that culling their many
# entries never drops a limit's count.
_CACHE_DIR = Path(os.environ.get("NEWSROOM_CACHE_DIR", str(DATA_DIR / "cache")))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(_CACHE_DIR),
    },
    "figures": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(_CACHE_DIR / "figures"),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# The article dates, shared by every process as raw files (archive/selectors/shared_arrays.py).
SHARED_ARRAYS_DIR = _CACHE_DIR / "arrays"

# Search: Whoosh through Haystack, with an exact Chinese analyzer (archive/search/).
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "archive.search.whoosh.backend.ExactEngine",
        "PATH": os.environ.get("NEWSROOM_INDEX_DIR", str(DATA_DIR / "whoosh_index")),
    },
}
# A second connection for comparison only (eval_search --using jieba): Haystack's stock Whoosh
# backend with jieba's ChineseAnalyzer, as Chinese Haystack sites are usually set up.
if os.environ.get("NEWSROOM_JIEBA_INDEX_DIR"):
    HAYSTACK_CONNECTIONS["jieba"] = {
        "ENGINE": "archive.search.whoosh.jieba_backend.JiebaWhooshEngine",
        "PATH": os.environ["NEWSROOM_JIEBA_INDEX_DIR"],
    }
# Saves and deletes go to a queue in the database; one writer applies them (archive/search/queue.py).
HAYSTACK_SIGNAL_PROCESSOR = "archive.search.signals.QueuedSignalProcessor"
HAYSTACK_SEARCH_RESULTS_PER_PAGE = 20
# Apply queued index updates right after each commit in the web process (off in bulk imports).
NEWSROOM_INDEX_SYNC = env_bool("NEWSROOM_INDEX_SYNC", True)

if not DEBUG:
    # Behind HTTPS (README, "Production"): these four switch on what check --deploy asks for.
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", False)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    if env_bool("DJANGO_BEHIND_HTTPS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {"jieba": {"level": "WARNING"}},
}
