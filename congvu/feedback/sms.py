"""A pluggable SMS gateway. The default backend only logs; the HTTP backend posts JSON to a provider.

Configure with environment variables (read at send time so tests and installs can switch):
FEEDBACK_SMS_BACKEND = "log" (default) | "http"; FEEDBACK_SMS_URL, FEEDBACK_SMS_TOKEN for "http".
"""

import json
import logging
import os
import urllib.request

log = logging.getLogger(__name__)


class SmsError(Exception):
    pass


def log_backend(phone: str, text: str) -> str:
    log.info("SMS to %s: %s", phone, text)
    return "log"


def http_backend(phone: str, text: str) -> str:
    url = os.environ.get("FEEDBACK_SMS_URL", "")
    if not url:
        raise SmsError("FEEDBACK_SMS_URL is not set")
    request = urllib.request.Request(
        url,
        data=json.dumps({"to": phone, "text": text}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {os.environ.get('FEEDBACK_SMS_TOKEN', '')}",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (configured by the admin)
            if response.status >= 300:
                raise SmsError(f"gateway answered {response.status}")
    except OSError as error:
        raise SmsError(str(error)) from error
    return "http"


BACKENDS = {"log": log_backend, "http": http_backend}


def send_sms(phone: str, text: str) -> str:
    backend = BACKENDS.get(os.environ.get("FEEDBACK_SMS_BACKEND", "log"), log_backend)
    return backend(phone, text)
