"""Alcove settings: one file, read from environment variables only.

A wrong or missing value stops start-up with a sentence that says what to set. The
development profile (the default) keeps everything under ALCOVE_DATA_DIR; the production
profile (ALCOVE_PRODUCTION=1) requires its secrets and hosts from the environment.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent


def _env_flag(name: str) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")


def _env_int(name: str, default: int, low: int, high: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if not low <= value <= high:
        raise ImproperlyConfigured(f"{name} must be between {low} and {high}, not {value}.")
    return value


def _require(name: str, why: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set {name}: {why}")
    return value


PRODUCTION = _env_flag("ALCOVE_PRODUCTION")
DEMO = _env_flag("ALCOVE_DEMO")
TESTING = os.environ.get("ALCOVE_TEST_DB") is not None
DATA_DIR = Path(os.environ.get("ALCOVE_DATA_DIR", "var")).resolve()


def _development_secret_key() -> str:
    # Kept beside the database, never in the repository; production reads it from the
    # environment instead.
    DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = DATA_DIR / "secret-key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


if PRODUCTION:
    if _env_flag("ALCOVE_DEMO"):
        raise ImproperlyConfigured(
            "ALCOVE_DEMO cannot be used with ALCOVE_PRODUCTION: demo data is refused in production."
        )
    SECRET_KEY = _require(
        "ALCOVE_SECRET_KEY", "the production profile needs a long random secret key."
    )
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set ALCOVE_SECRET_KEY to at least 50 random characters.")
    ALLOWED_HOSTS = [
        h.strip()
        for h in _require(
            "ALCOVE_ALLOWED_HOSTS", "the production profile needs the host names it serves."
        ).split(",")
        if h.strip()
    ]
    DATABASES = {
        "default": dj_database_url.parse(
            _require("ALCOVE_DATABASE_URL", "the production profile needs a PostgreSQL URL."),
            conn_max_age=60,
        ),
        # Wrapped data keys live apart from the records, so that shredding a client's keys
        # also defeats every earlier backup of the records (docs/operations.md).
        "keys": dj_database_url.parse(
            _require(
                "ALCOVE_KEYSTORE_URL",
                "the production profile keeps wrapped data keys in their own database.",
            ),
            conn_max_age=60,
        ),
    }
elif TESTING:
    SECRET_KEY = "test-only-" + "x" * 60
    ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
    if os.environ["ALCOVE_TEST_DB"] == "postgres":
        _test_url = os.environ.get(
            "ALCOVE_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test"
        )
        _test_default = dj_database_url.parse(_test_url)
        # Named after the run's database, so runs against different names do not clash.
        _keys_name = f"test_{_test_default['NAME']}_keys"
        DATABASES = {
            "default": _test_default,
            "keys": dj_database_url.parse(_test_url) | {"TEST": {"NAME": _keys_name}},
        }
    elif os.environ["ALCOVE_TEST_DB"] == "sqlite":
        DATABASES = {
            "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
            "keys": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
        }
    else:
        raise ImproperlyConfigured("ALCOVE_TEST_DB must be sqlite or postgres.")
else:
    SECRET_KEY = os.environ.get("ALCOVE_SECRET_KEY") or _development_secret_key()
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ.get("ALCOVE_DATABASE_URL", f"sqlite:///{DATA_DIR / 'alcove.sqlite3'}")
        ),
        "keys": dj_database_url.parse(
            os.environ.get("ALCOVE_KEYSTORE_URL", f"sqlite:///{DATA_DIR / 'keystore.sqlite3'}")
        ),
    }

for _db in DATABASES.values():
    if _db["ENGINE"] == "django.db.backends.sqlite3":
        # Deleted rows (a shredded key above all) are overwritten, not left in free pages.
        _db.setdefault("OPTIONS", {})["init_command"] = "PRAGMA secure_delete=ON;"
DATABASE_ROUTERS = ["alcove.encryption.router.KeyStoreRouter"]

# Never on: exception pages show local variables, which may hold protected data.
DEBUG = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "alcove.web",
    "alcove.accounts",
    "alcove.access",
    "alcove.encryption",
    "alcove.audit",
    "alcove.clients",
    "alcove.notes",
    "alcove.consent",
    "alcove.disclosures",
    "alcove.deidentify",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "alcove.audit.middleware.RequestIdMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "alcove.accounts.middleware.SessionLifetimeMiddleware",
    "alcove.accounts.middleware.MfaRequiredMiddleware",
    "alcove.consent.handover.HandOverLockMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "alcove.urls"
WSGI_APPLICATION = "alcove.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alcove.web.context_processors.practice",
            ],
        },
    }
]

CACHES = {
    # Shared by every app process, so lockout counters hold across processes.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "alcove_cache",
    }
}
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("ALCOVE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Uploaded files are stored sealed and never served directly.
MEDIA_ROOT = DATA_DIR / "files"
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed apps; no collectstatic step before the first run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = not PRODUCTION

# --- Passwords: Argon2id at OWASP's parameters, NIST SP 800-63B length rules.
PASSWORD_HASHERS = ["alcove.accounts.hashers.OwaspArgon2idHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 15},
    },
    {"NAME": "alcove.accounts.passwords.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "alcove.accounts.passwords.PredictablePasswordValidator"},
    {"NAME": "alcove.accounts.passwords.PersonalDetailsValidator"},
]

# --- Sign-in: django-allauth with mandatory MFA; sign-up only through invitations.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "alcove.accounts.adapters.AccountAdapter"
MFA_ADAPTER = "alcove.accounts.adapters.MfaAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 10 * 60
ACCOUNT_RATE_LIMITS = {
    # Five wrong passwords lock the account for fifteen minutes.
    "login_failed": "10/m/ip,5/900s/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Alcove] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Alcove"
# Browsers allow WebAuthn on http://localhost; production is always HTTPS.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION

# --- Sessions: idle logoff is a practice setting; nothing outlives twelve hours.
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_LIMIT = timedelta(hours=12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "__Host-alcove-session" if PRODUCTION else "alcove-session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SETUP_LINK_LIFETIME = timedelta(hours=1)
INVITATION_LIFETIME = timedelta(days=_env_int("ALCOVE_INVITATION_DAYS", 3, 1, 14))

# --- Headers.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    # TLS ends at the reverse proxy, which must set X-Forwarded-Proto (docs/operations.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

# --- Email: notifications never carry protected content.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get(
            "ALCOVE_EMAIL_BACKEND",
            "django.core.mail.backends.smtp.EmailBackend"
            if PRODUCTION
            else "django.core.mail.backends.console.EmailBackend",
        ),
        "OPTIONS": {
            "host": os.environ.get("ALCOVE_SMTP_HOST", "localhost"),
            "port": _env_int("ALCOVE_SMTP_PORT", 25, 1, 65535),
            "username": os.environ.get("ALCOVE_SMTP_USER", ""),
            "password": os.environ.get("ALCOVE_SMTP_PASSWORD", ""),
            "use_tls": _env_flag("ALCOVE_SMTP_STARTTLS"),
        }
        if PRODUCTION
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("ALCOVE_FROM_EMAIL", "alcove@localhost")

# --- Logging: every handler passes through the redaction filter; no email of errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "alcove.redaction.RedactingFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("ALCOVE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- Keys: the master key never sits in the database (docs/operations.md).
#   local       a key file under ALCOVE_DATA_DIR, created on first run (development)
#   passphrase  a key file sealed with ALCOVE_MASTER_PASSPHRASE or ALCOVE_MASTER_PASSPHRASE_FILE
#   memory      a key held by the process only (the test suite)
KEY_PROVIDER = os.environ.get(
    "ALCOVE_KEY_PROVIDER", "memory" if TESTING else ("passphrase" if PRODUCTION else "local")
)
if KEY_PROVIDER not in ("local", "passphrase", "memory"):
    raise ImproperlyConfigured("ALCOVE_KEY_PROVIDER must be local, passphrase or memory.")
if PRODUCTION and KEY_PROVIDER == "memory":
    raise ImproperlyConfigured("ALCOVE_KEY_PROVIDER=memory loses every key on restart.")
MASTER_KEY_FILE = Path(
    os.environ.get(
        "ALCOVE_MASTER_KEY_FILE",
        DATA_DIR / ("master-key.sealed" if KEY_PROVIDER == "passphrase" else "master-key"),
    )
).resolve()

# --- Break-the-glass: how long emergency access to one client's record lasts.
BREAK_GLASS_MINUTES = _env_int("ALCOVE_BREAK_GLASS_MINUTES", 60, 5, 240)

# --- Audit: a signed checkpoint every so many events or minutes, whichever comes first.
AUDIT_CHECKPOINT_EVERY = _env_int("ALCOVE_AUDIT_CHECKPOINT_EVERY", 1000, 1, 1_000_000)
AUDIT_CHECKPOINT_MINUTES = _env_int("ALCOVE_AUDIT_CHECKPOINT_MINUTES", 60, 1, 24 * 60)
# On PostgreSQL each app process numbers its committed entries into the log from a
# background thread (alcove/audit/sequencer.py). Tests leave it off: a thread holding its
# own connection would outlive a test's database, and reading the log numbers entries anyway.
AUDIT_SEQUENCER_THREAD = not TESTING
