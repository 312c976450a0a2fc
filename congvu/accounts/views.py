import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _

from congvu.accounts import second_factor, sessions, throttle
from congvu.accounts.decorators import login_required_page
from congvu.accounts.forms import (
    RateLimitedPasswordResetForm,
    SecondFactorForm,
    ThrottledLoginForm,
    ThrottledPasswordChangeForm,
)
from congvu.accounts.models import User
from congvu.core.middleware import client_ip


def _refused_with_429(response, form):
    if getattr(form, "retry_after", None) is not None:
        response.status_code = 429
        response["Retry-After"] = str(form.retry_after)
    return response


PENDING_USER = "pending_login_user"
PENDING_BACKEND = "pending_login_backend"
PENDING_SINCE = "pending_login_since"
PENDING_NEXT = "pending_login_next"
PENDING_SECONDS = 5 * 60


class LoginView(auth_views.LoginView):
    """Step one: the password. A user with an authenticator app is not logged in yet: the session only
    remembers who passed the password, for a few minutes, and the code step finishes the login."""

    template_name = "accounts/login.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = self._after_password(form)
        throttle.remember_device(response, form.get_user().get_username())
        return response

    def _after_password(self, form):
        user = form.get_user()
        if second_factor.has_device(user):
            self.request.session.cycle_key()
            self.request.session[PENDING_USER] = user.pk
            self.request.session[PENDING_BACKEND] = user.backend
            self.request.session[PENDING_SINCE] = int(time.time())
            self.request.session[PENDING_NEXT] = self.get_success_url()
            return redirect("accounts:login_verify")
        response = super().form_valid(form)
        if second_factor.is_required(user):
            messages.warning(
                self.request,
                _("Tài khoản của bạn phải dùng xác thực hai bước. Hãy cài đặt ngay để tiếp tục làm việc."),
            )
            return redirect("accounts:two_factor")
        return response

    def form_invalid(self, form):
        return _refused_with_429(super().form_invalid(form), form)


def _pending_user(request):
    since = request.session.get(PENDING_SINCE)
    if not since or time.time() - since > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=request.session.get(PENDING_USER), is_active=True).first()


def check_second_factor(request, user, form):
    """The device that accepts the form's code, with the login back-off per (account, address);
    else None and the status to answer, the reason on the form."""
    ip_address = client_ip(request)
    try:
        throttle.begin_attempt(user.get_username(), ip_address, step="second-factor")
    except throttle.Throttled as refusal:
        form.add_error("token", refusal.message())
        return None, 429
    device = second_factor.verify(user=user, token=form.cleaned_data["token"])
    if device is None:
        throttle.attempt_failed(ip_address)
        form.add_error("token", _("Mã xác thực không đúng hoặc đã hết hạn."))
        return None, 400
    throttle.attempt_succeeded(user.get_username(), ip_address, step="second-factor")
    return device, 200


def login_verify(request):
    """Step two: a code from the authenticator app or a recovery code (each recovery code works once)."""
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."))
        return redirect("accounts:login")
    form = SecondFactorForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        device, status = check_second_factor(request, user, form)
        if device is not None:
            next_url = request.session.get(PENDING_NEXT) or resolve_url(settings.LOGIN_REDIRECT_URL)
            user.backend = request.session.get(PENDING_BACKEND) or settings.AUTHENTICATION_BACKENDS[0]
            for key in (PENDING_USER, PENDING_BACKEND, PENDING_SINCE, PENDING_NEXT):
                request.session.pop(key, None)
            user.otp_device = device  # django-otp keeps it in the session at login
            auth_login(request, user)
            return redirect(next_url)
    return render(request, "accounts/login_verify.html", {"form": form}, status=status)


logout_view = auth_views.LogoutView.as_view()


@method_decorator(login_required_page, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ThrottledPasswordChangeForm
    success_url = reverse_lazy("accounts:account")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_invalid(self, form):
        return _refused_with_429(super().form_invalid(form), form)

    def form_valid(self, form):
        old_key = self.request.session.session_key
        response = super().form_valid(form)  # keeps this session, under a new key
        new_key = self.request.session.session_key
        sessions.rekeyed(old_key, new_key)
        sessions.end_other_sessions(user=form.user, keep_key=new_key, by=form.user)
        messages.success(self.request, _("Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = RateLimitedPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def get_extra_email_context(self):
        return {"site_name": settings.SITE_NAME}

    # Django's view takes extra_email_context as a class attribute; ours is computed per request.
    def form_valid(self, form):
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)

    def form_invalid(self, form):
        return _refused_with_429(super().form_invalid(form), form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        sessions.end_other_sessions(user=form.user, keep_key=None, by=None)  # every session, the thief's too
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
