"""Tiny validating readers for settings from environment variables.

Each helper fails fast with a message that names the variable and what it expects, so a wrong
deployment stops at start-up instead of misbehaving later.
"""

import os
import secrets
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_database_url(url: str, base_dir: Path) -> dict:
    """Turn DATABASE_URL into Django's DATABASES entry (sqlite:///path or postgres://user@host:port/name)."""
    parts = urlsplit(url)
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme == "sqlite":
        path = unquote(parts.path.removeprefix("/")) if parts.netloc == "" else parts.netloc + parts.path
        if not path:
            raise ImproperlyConfigured(
                "DATABASE_URL sqlite:/// needs a file path, e.g. sqlite:///var/congvu.sqlite3"
            )
        file = Path(path) if Path(path).is_absolute() or path.startswith("/") else base_dir / path
        return sqlite_database(file)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.removeprefix("/"))
        if not name:
            raise ImproperlyConfigured(
                "DATABASE_URL for PostgreSQL needs a database name: postgres://user@host:5432/name"
            )
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:/// or postgres://; got scheme {parts.scheme!r}"
    )


def sqlite_database(file: Path) -> dict:
    # WAL and a busy timeout let several gunicorn workers share one SQLite file without "database is locked".
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(file),
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        },
        "TEST": {"NAME": None},
    }


def secret_key(var_dir: Path) -> str:
    """SECRET_KEY from the environment, else one generated once into var/ for local use."""
    from_env = env_str("SECRET_KEY")
    if from_env:
        if len(from_env) < 32:
            raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long")
        return from_env
    key_file = var_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key
