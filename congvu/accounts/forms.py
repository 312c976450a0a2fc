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
        "throttled": _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip_address = client_ip(self.request) if self.request else None
        if throttle.is_blocked(username, ip_address):
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            throttle.count_failure(username, ip_address)
            raise
