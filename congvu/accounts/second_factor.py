"""The second factor (TOTP from an authenticator app, with one-use recovery codes), on django-otp.

Required for system admins, the programme office and anyone who can open the admin site; available to
every official. The only writer of a user's devices."""

from binascii import unhexlify

import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import match_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from congvu.accounts.scope import has_role
from congvu.core import audit
from congvu.core.models import AuditEvent

RECOVERY_CODE_COUNT = 10


def is_required(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.is_staff or has_role(user, *settings.SECOND_FACTOR_REQUIRED_ROLES)


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(user) -> bool:
    """Whether this session passed the second factor (django-otp's middleware sets `otp_device`)."""
    return getattr(user, "otp_device", None) is not None


def new_secret() -> str:
    return random_hex(20)


def provisioning_uri(user, secret: str) -> str:
    return TOTPDevice(user=user, key=secret).config_url


def qr_svg(uri: str) -> str:
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#1b1b1b")


def _token_matches(secret: str, token: str) -> bool:
    token = (token or "").strip().replace(" ", "")
    if not (token.isascii() and token.isdigit() and len(token) == 6):
        return False
    return TOTP(unhexlify(secret)).verify(int(token), tolerance=1)


@transaction.atomic
def enrol(*, user, secret: str, token: str, by) -> list[str]:
    """Confirm a new authenticator app with its first code; replace any older one; return fresh
    recovery codes (shown once)."""
    if not _token_matches(secret, token):
        raise ValidationError(
            {
                "token": _(
                    "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã 6 chữ số đang hiện trên ứng dụng."
                )
            }
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, key=secret, name=_("Ứng dụng xác thực"), confirmed=True)
    device.full_clean()
    device.save()
    codes = _replace_recovery_codes(user)
    audit.record(AuditEvent.Action.ACTION, instance=user, user=by, note="second factor enrolled")
    return codes


@transaction.atomic
def regenerate_recovery_codes(*, user, by) -> list[str]:
    codes = _replace_recovery_codes(user)
    audit.record(AuditEvent.Action.ACTION, instance=user, user=by, note="recovery codes regenerated")
    return codes


def _replace_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Mã khôi phục"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(*, user, token: str):
    """The device that accepts `token` (an authenticator code or a recovery code, used up), or None."""
    token = (token or "").strip().replace(" ", "").lower()[:16]
    if not token or not token.isascii() or not token.isalnum():
        return None
    return match_token(user, token)
