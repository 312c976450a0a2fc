"""congvu settings: one module, every deployment choice read from the environment."""

import sys
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from congvu.envconfig import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    secret_key,
    sqlite_database,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CONGVU_VAR_DIR") or BASE_DIR / "var")
TESTING = "pytest" in sys.modules or sys.argv[1:2] == ["test"]

SECRET_KEY = secret_key(VAR_DIR)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "congvu.core",
    "congvu.units",
    "congvu.people",
    "congvu.accounts",
    "congvu.feedback",
    "congvu.ratings",
    "congvu.inspections",
    "congvu.appraisals",
    "congvu.rewards",
    "congvu.discipline",
    "congvu.regulations",
    "congvu.plans",
    "congvu.reports",
    "congvu.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "congvu.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "congvu.core.middleware.LanguageMiddleware",
    # Before anything reads the body (CSRF reads the form), after the language is chosen for its page.
    "congvu.core.middleware.RequestLimitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything loads the user: it drops a session cookie carrying a NUL, which PostgreSQL refuses.
    "congvu.core.edge.EdgeGuardMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "congvu.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "congvu.core.middleware.AuditContextMiddleware",
]

ROOT_URLCONF = "congvu.urls"
WSGI_APPLICATION = "congvu.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:staff_home"
LOGOUT_REDIRECT_URL = "core:portal_home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "congvu.core.context_processors.site",
                "congvu.accounts.context_processors.staff_nav",
            ],
        },
    },
]

database_url = env_str("DATABASE_URL")
DATABASES = {
    "default": parse_database_url(database_url, BASE_DIR)
    if database_url
    else sqlite_database(VAR_DIR / "congvu.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Login throttling (see accounts.throttle): failures are counted per (account, address) pair; after the
# free ones each try waits BASE seconds, doubling per failure up to MAX; a pair's failures are forgotten
# after MEMORY seconds without one. An address (a whole office behind one NAT) has a far higher ceiling.
LOGIN_FREE_FAILURES = env_int("LOGIN_FREE_FAILURES", 3)
LOGIN_BACKOFF_BASE_SECONDS = env_int("LOGIN_BACKOFF_BASE_SECONDS", 30)
LOGIN_BACKOFF_MAX_SECONDS = env_int("LOGIN_BACKOFF_MAX_SECONDS", 15 * 60)
LOGIN_FAILURE_MEMORY_SECONDS = env_int("LOGIN_FAILURE_MEMORY_SECONDS", 24 * 3600)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 200)
LOGIN_ADDRESS_WINDOW_SECONDS = env_int("LOGIN_ADDRESS_WINDOW_SECONDS", 15 * 60)
# The second factor (TOTP + recovery codes, see accounts.second_factor): required for these roles and for
# anyone who can open the admin site; available to every official.
SECOND_FACTOR_REQUIRED_ROLES = env_list("SECOND_FACTOR_REQUIRED_ROLES", ["system_admin", "programme_office"])
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER") or "congvu"
# Password reset links: requests per address and links per e-mail address in one window; a link is
# valid for PASSWORD_RESET_TIMEOUT seconds and works once.
PASSWORD_RESET_ADDRESS_LIMIT = env_int("PASSWORD_RESET_ADDRESS_LIMIT", 10)
PASSWORD_RESET_EMAIL_LIMIT = env_int("PASSWORD_RESET_EMAIL_LIMIT", 3)
PASSWORD_RESET_WINDOW_SECONDS = env_int("PASSWORD_RESET_WINDOW_SECONDS", 3600)
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 2 * 3600)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "congvu_language"
# Each app keeps its own translations (congvu/<app>/locale), listed before the shared templates' ones so
# that `makemessages` run at the top writes each string into the app it belongs to.
LOCALE_PATHS = [*sorted(BASE_DIR.glob("congvu/*/locale")), BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
FORMAT_MODULE_PATH = ["congvu.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise scans it at start-up
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"  # outside the web root: files are served only through checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING or DEBUG
        else "congvu.core.storage.ForgivingManifestStorage"
    },
}
# What a request may send (congvu.core.middleware.RequestLimitsMiddleware refuses more from the
# Content-Length, before reading). A form with files: five attachments of 10 MB and the fields; the
# reverse proxy's limit (nginx client_max_body_size) must be the same, see README.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 60 * 1024 * 1024)
# Any other body (a form, JSON for the API): the longest form is a checklist with notes.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
# An uploaded file larger than this goes to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("FILE_UPLOAD_MAX_MEMORY_SIZE", 2 * 1024 * 1024)
# A checklist visit posts three fields per item; a form with more is not one of ours.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 2000)
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("DATA_UPLOAD_MAX_NUMBER_FILES", 20)
# Pixels an uploaded image may have (up to 4 bytes each once decoded), and all the images of one request
# together (congvu.core.uploads): a 48 MP phone photo (8064 x 6048) fits, a 20000 x 20000 bomb does not.
UPLOAD_IMAGE_MAX_PIXELS = env_int("UPLOAD_IMAGE_MAX_PIXELS", 50_000_000)
UPLOAD_REQUEST_MAX_PIXELS = env_int("UPLOAD_REQUEST_MAX_PIXELS", 100_000_000)
# An uploaded Word or Excel file (a zip) may unpack to this much in all.
UPLOAD_OFFICE_MAX_UNCOMPRESSED_BYTES = env_int("UPLOAD_OFFICE_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "congvu@localhost")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "congvu.core.views.csrf_failure"
# Behind a reverse proxy (nginx, a load balancer): take the client address from the last X-Forwarded-For
# entry, which the proxy appends; see congvu.core.middleware.client_ip.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind HTTPS (SECURE_COOKIES=true) browsers are told to use HTTPS only, for a year by default.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SESSION_COOKIE_SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
if TRUST_X_FORWARDED_FOR:
    # The proxy that terminates HTTPS says so; without it every request would look like plain HTTP.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SITE_NAME = env_str("SITE_NAME") or _("Văn hóa công vụ")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

if TESTING:
    # Hashing with Argon2 in every test login would dominate the suite's time.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
