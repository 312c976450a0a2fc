import hashlib
import math
import time

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from congvu.accounts import throttle
from congvu.core import ratelimit
from congvu.core.middleware import client_ip


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }
    retry_after = None  # seconds, when the try was refused by the throttle

    def clean(self):
        username = (self.cleaned_data.get("username") or "")[:150]
        if not username or not self.cleaned_data.get("password"):
            return super().clean()  # nothing is checked, so nothing is counted (nor forgiven)
        ip_address = client_ip(self.request) if self.request else None
        # The pair's count is kept per known browser when it has logged in to this account before.
        counted_at = throttle.known_device_address(self.request, username, ip_address)
        try:
            throttle.begin_attempt(username, counted_at)
        except throttle.Throttled as refusal:
            self.retry_after = refusal.retry_after
            raise forms.ValidationError(refusal.message(), code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.attempt_failed(ip_address)
            raise
        throttle.attempt_succeeded(username, counted_at)
        return cleaned


class RateLimitedPasswordResetForm(PasswordResetForm):
    """Asks for a reset link. The answer is the same whether or not an account has the address; an
    address that asks too often is refused, and an e-mail address gets few links per hour."""

    retry_after = None

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        ip_address = client_ip(self.request) if self.request else None
        if ip_address and not ratelimit.hit(
            "reset-ip:" + hashlib.sha256(ip_address.encode("utf-8", "replace")).hexdigest()[:40],
            limit=settings.PASSWORD_RESET_ADDRESS_LIMIT,
            window_seconds=settings.PASSWORD_RESET_WINDOW_SECONDS,
        ):
            window = settings.PASSWORD_RESET_WINDOW_SECONDS
            self.retry_after = window - int(time.time()) % window
            raise forms.ValidationError(
                _(
                    "Đã có quá nhiều yêu cầu đặt lại mật khẩu từ địa chỉ này. "
                    "Vui lòng thử lại sau %(minutes)s phút."
                ),
                code="throttled",
                params={"minutes": math.ceil(self.retry_after / 60)},
            )
        return cleaned

    def save(self, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        # Silently capped: saying so would tell that the address was asked for before.
        if ratelimit.hit(
            "reset-email:" + hashlib.sha256(email.encode("utf-8", "replace")).hexdigest()[:40],
            limit=settings.PASSWORD_RESET_EMAIL_LIMIT,
            window_seconds=settings.PASSWORD_RESET_WINDOW_SECONDS,
        ):
            super().save(**kwargs)


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """The old password is checked with the same back-off as a login, so a borrowed session cannot be
    used to guess it and take the account over."""

    retry_after = None

    def __init__(self, user, *args, request=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        ip_address = client_ip(self.request) if self.request else None
        try:
            throttle.begin_attempt(self.user.get_username(), ip_address, step="password-change")
        except throttle.Throttled as refusal:
            self.retry_after = refusal.retry_after
            raise forms.ValidationError(refusal.message(), code="throttled")
        old_password = super().clean_old_password()
        throttle.attempt_succeeded(self.user.get_username(), ip_address, step="password-change")
        return old_password


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label=_("Mã xác thực"),
        max_length=20,
        help_text=_("6 chữ số trên ứng dụng xác thực, hoặc một mã khôi phục."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


class EnrolmentForm(forms.Form):
    token = forms.CharField(
        label=_("Mã 6 chữ số trên ứng dụng"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
