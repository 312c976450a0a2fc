from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from congvu.accounts import throttle
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
        try:
            throttle.begin_attempt(username, ip_address)
        except throttle.Throttled as refusal:
            self.retry_after = refusal.retry_after
            raise forms.ValidationError(refusal.message(), code="throttled")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.attempt_failed(ip_address)
            raise
        throttle.attempt_succeeded(username, ip_address)
        return cleaned
