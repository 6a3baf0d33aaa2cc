"""Settings for Databank Sociale Samenhang.

One module, read from the environment. Without DATABASE_URL the app runs on SQLite
in ``var/`` (the embedded default); ``DATABASE_URL=postgres://...`` selects PostgreSQL
through psycopg 3. See README.md for every variable.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.getenv("VAR_DIR", BASE_DIR / "var"))


def envbool(name: str, default: str) -> bool:
    value = os.getenv(name, default)
    if value not in ("True", "False"):
        raise ImproperlyConfigured(f"{name} must be 'True' or 'False', not {value!r}")
    return value == "True"


def envint(name: str, default: str) -> int:
    value = os.getenv(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "False")
# Public (it is in this repository): `check --deploy` fails while it is in use.
DEVELOPMENT_SECRET_KEY = "insecure-development-key-change-me-in-production"
SECRET_KEY = os.getenv("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
# Where the editors' admin lives; a less obvious path keeps most scanners away.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
ADMIN_PATH = os.getenv("ADMIN_PATH", "beheer/").strip("/") + "/"
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "config.admin_site.DatabankAdminConfig",  # Django's admin, its lists filter only as offered
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "reversion",
    "axes",
    "taggit",
    "django_tasks_db",
    # The project's own, one per bounded context (practices imports none of the others).
    *["practices", "search", "submissions", "opendata", "shortlist", "alerts", "owners"],
    *["enquiries", "insights", "dossiers", "adoptions", "maps", "imports", "evidence"],
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "twofactor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "config.middleware.StripNullCharactersMiddleware",
    "config.middleware.RefuseOversizedRequestsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): the editor passed the second step (twofactor/).
    "django_otp.middleware.OTPMiddleware",
    # After authentication: an editor's write replaces the content version of the cache.
    "config.middleware.ContentVersionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Counts searches and sheet views (one statement each; nothing personal kept).
    "insights.middleware.CountSearchesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it watches the admin's login for repeated failures.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.csp",
                "config.context_processors.site",
                "shortlist.context_processors.shortlist",
            ],
        },
    },
]

# SQLite in var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "0"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers keep reading while a submission is being written.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=wal; PRAGMA synchronous=normal;",
        "transaction_mode": "IMMEDIATE",
    }

elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short web queries: JIT compilation costs more than it saves (40 ms measured on a
    # search whose cost estimate crossed jit_above_cost; see benchmarks/search.py).
    # A database that is down or hangs answers within seconds, as a 503 page
    # (config.views.server_error), well before gunicorn's 30 s worker timeout.
    # The search's text index is read in memory or from SSD: with PostgreSQL's default
    # random_page_cost (4, for spinning disks) the planner read every practice instead of
    # the index for a two-word search (23 ms instead of 6 ms at 10,000 practices).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=envint("DB_CONNECT_TIMEOUT", "3"),
        options="-c jit=off -c statement_timeout={} -c random_page_cost={}".format(
            envint("DB_STATEMENT_TIMEOUT_MS", "20000"),
            float(os.getenv("DB_RANDOM_PAGE_COST", "1.1")),
        ),
        # The few statements every search runs (search.postgres.rows_of) are prepared
        # on the connection; nothing else is (the threshold is never reached). Behind a
        # pooler that hands each transaction another server connection (PgBouncer before
        # 1.21 in transaction mode), set DB_PREPARED_STATEMENTS=False.
        prepare_threshold=2**31 - 1 if envbool("DB_PREPARED_STATEMENTS", "True") else None,
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Security. HTTPS=True in production (behind TLS): redirect to https, HSTS for a year,
# cookies only over https and with the __Host- prefix. Off by default for local http.
HTTPS = envbool("HTTPS", "False")
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 60 * 60))  # an editor's working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing is allowed unless named (default-src 'none'); no inline script or style anywhere.
SECURE_CSP = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
}
# Nothing the site serves may be embedded by another site (images, scripts, exports).
CROSS_ORIGIN_RESOURCE_POLICY = os.getenv("CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# The admin's login: locked for a while after repeated failures (django-axes).
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# The same client address as the rate limit: behind a proxy, the real one, never the proxy's
# (else five wrong passwords from anywhere would lock the editor out) nor a spoofed header.
AXES_CLIENT_IP_CALLABLE = "config.network.client_address"
# Over all addresses together: after this many failures a user name is tried at most once
# per LOGIN_THROTTLE_SECONDS from an address it never logged in from (config/login.py).
LOGIN_THROTTLE_AFTER = envint("LOGIN_THROTTLE_AFTER", "10")
LOGIN_THROTTLE_SECONDS = envint("LOGIN_THROTTLE_SECONDS", "10")

LANGUAGE_CODE = "nl-be"
# What Django 6.1 and the apps leave untranslated (locale/nl, compiled .mo committed).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("nl-be", "Nederlands")]
TIME_ZONE = "Europe/Brussels"
USE_I18N = USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed files with hashed names; DEBUG serves the sources as they are.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# E-mail: the console by default; SMTP when EMAIL_BACKEND names it (Django 6.1 MAILERS).
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND_PATH = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH == SMTP_BACKEND:
    MAILERS["default"]["OPTIONS"] = {
        "host": os.getenv("EMAIL_HOST", "localhost"),
        "port": envint("EMAIL_PORT", "25"),
        "username": os.getenv("EMAIL_HOST_USER", ""),
        "password": os.getenv("EMAIL_HOST_PASSWORD", ""),
        "use_tls": envbool("EMAIL_USE_TLS", "False"),
        "timeout": envint("EMAIL_TIMEOUT", "10"),
    }
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "databank@samenleven.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The editors' address shown to the public for questions about the databank.
EDITORS_EMAIL = os.getenv("EDITORS_EMAIL", "samenleven@vvsg.be")

# Open data: the licence of the content and who publishes it (the sheets' JSON-LD, /open-data/).
OPEN_DATA_LICENCE_NAME = os.getenv("OPEN_DATA_LICENCE_NAME", "Modellicentie Gratis Hergebruik")
OPEN_DATA_LICENCE_URL = os.getenv(
    "OPEN_DATA_LICENCE_URL",
    "https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0",
)
OPEN_DATA_PUBLISHER = os.getenv("OPEN_DATA_PUBLISHER", "Agentschap Binnenlands Bestuur")

# Who is responsible for the personal data (the privacy notice names them), and where a
# complaint about that goes. For a Flemish public body that is the Vlaamse Toezichtcommissie;
# for a private organisation the Gegevensbeschermingsautoriteit.
DATA_CONTROLLER = os.getenv("DATA_CONTROLLER", "Agentschap Binnenlands Bestuur")
DATA_CONTROLLER_EMAIL = os.getenv("DATA_CONTROLLER_EMAIL", "") or EDITORS_EMAIL
DATA_PROTECTION_OFFICER_EMAIL = os.getenv("DATA_PROTECTION_OFFICER_EMAIL", "")
SUPERVISORY_AUTHORITY = os.getenv(
    "SUPERVISORY_AUTHORITY", "Vlaamse Toezichtcommissie voor de verwerking van persoonsgegevens"
)
SUPERVISORY_AUTHORITY_URL = os.getenv(
    "SUPERVISORY_AUTHORITY_URL", "https://www.vlaamsetoezichtcommissie.be"
)

# The read-only API (/api/v1/, opendata/api.py): anonymous, GET only, throttled per address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["opendata.throttles.ClientThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.getenv("API_THROTTLE_RATE", "600/hour")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Databank Sociale Samenhang API",
    "DESCRIPTION": (
        "Lezen, zonder account: de gepubliceerde praktijken met dezelfde filters als de "
        "zoekpagina, en de categorieën, doelgroepen, beleidsdomeinen, gemeenten (met NIS-code), "
        "acties, activiteiten en organisaties."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # A practice's level and its assessment's are one set of choices (practices, evidence).
    "ENUM_NAME_OVERRIDES": {"EvidenceLevelEnum": "practices.models.Practice.Evidence"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "opendata.schema.document_errors",
    ],
}
# Other sites may read the API from a browser (GET only, never with cookies).
CORS_URLS_REGEX, CORS_ALLOW_ALL_ORIGINS, CORS_ALLOW_CREDENTIALS = r"^/api/", True, False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

PRACTICES_PER_PAGE = envint("PRACTICES_PER_PAGE", "20")
# A sheet is due for review this many months after the editors last reviewed it.
REVIEW_INTERVAL_MONTHS = envint("REVIEW_INTERVAL_MONTHS", "24")

# Editors log in with a password and an authenticator's code (twofactor/; tests: off but one)
REQUIRE_SECOND_FACTOR = envbool("REQUIRE_SECOND_FACTOR", "True")
OTP_TOTP_ISSUER = "Databank Sociale Samenhang"
# Filtered exports at once on the site (more get 429); years an evidence assessment holds.
EXPORT_STREAMS = envint("EXPORT_STREAMS", "3")
EVIDENCE_VALID_YEARS = envint("EVIDENCE_VALID_YEARS", "5")
# The editors' import (imports/): the largest file, rows and unzipped XLSX it reads; from how
# many rows on the worker does it; how long a checked file waits for confirmation.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", str(5 * 1000 * 1000))  # below MAX_REQUEST_BYTES
IMPORT_MAX_ROWS = envint("IMPORT_MAX_ROWS", "20000")
IMPORT_MAX_UNZIPPED_BYTES = envint("IMPORT_MAX_UNZIPPED_BYTES", str(100 * 1000 * 1000))
IMPORT_WORKER_ROWS = envint("IMPORT_WORKER_ROWS", "1000")
IMPORT_KEEP_UNCONFIRMED = datetime.timedelta(minutes=envint("IMPORT_KEEP_MINUTES", "60"))

# "Klopt dit nog?" (owners/): link life, reminder, silence, asking again, mails per run.
OWNER_LINK_DAYS, OWNER_REMIND_DAYS = envint("OWNER_LINK_DAYS", "45"), 14
OWNER_SILENT_DAYS, OWNER_ASK_AGAIN_DAYS = 30, envint("OWNER_ASK_AGAIN_DAYS", "180")
OWNER_MAILS_PER_RUN = envint("OWNER_MAILS_PER_RUN", "100")
# Alerts: days to confirm a subscription (`manage.py send_alerts` deletes it after that).
ALERT_CONFIRM_DAYS = envint("ALERT_CONFIRM_DAYS", "7")

# Submissions: how long submitters' personal data are kept after a decision
# (`manage.py purge_submitters`), and whether a proxy in front sets X-Forwarded-For.
SUBMITTER_DATA_MONTHS = envint("SUBMITTER_DATA_MONTHS", "12")
TRUST_X_FORWARDED_FOR = envbool("TRUST_X_FORWARDED_FOR", "False")
# How many reverse proxies stand before the app (config/network.py); TRUST_X_FORWARDED_FOR=True
# is the same as 1.
TRUSTED_PROXIES = envint("TRUSTED_PROXIES", "1" if TRUST_X_FORWARDED_FOR else "0")
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024  # a 5 MB photo and the form around it
# Larger bodies get 413 before they are read (config.middleware): a 10 MB document and its form.
MAX_REQUEST_BYTES = envint("MAX_REQUEST_BYTES", str(11 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# Background work (the mails about submissions): queued in the database and sent by a worker
# (`manage.py db_worker`, started by `make run` and `make serve`), so a mail server that hangs
# or refuses never holds up a request. TASKS_BACKEND=django.tasks.backends.immediate.
# ImmediateBackend sends in the web process instead (the tests do that).
TASKS = {"default": {"BACKEND": os.getenv("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# The cache: Redis, shared by every app node, when REDIS_URL is set (production, and CI's
# cache tests); otherwise this process's memory, which is right for one process only
# (`make run`). What goes in it is keyed by the content version (practices.content_cache).
REDIS_URL = os.getenv("REDIS_URL", "")
CONTENT_CACHE_SECONDS = envint("CONTENT_CACHE_SECONDS", "3600")
# A Redis that hangs costs a cache call this long at most: pages stay well under a second.
CACHE_TIMEOUT_SECONDS = envint("CACHE_TIMEOUT_MS", "100") / 1000
REDIS_OPTIONS = {
    "socket_timeout": CACHE_TIMEOUT_SECONDS,
    "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",  # Django's, its clients reused
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "databank",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions: with Redis, read from it and written through to the database (config.sessions,
# Django's cached_db that carries on without the cache), so every app node shares them and
# none is lost when Redis restarts; without it, the database.
SESSION_ENGINE = os.getenv(
    "SESSION_ENGINE", "config.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "config.redaction.RedactTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}
