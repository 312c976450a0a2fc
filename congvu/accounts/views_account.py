"""The official's own account: password, second factor and sessions (self-service, any official)."""

from base64 import b32encode
from binascii import unhexlify

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from congvu.accounts import second_factor, sessions
from congvu.accounts.decorators import login_required_page
from congvu.accounts.forms import EnrolmentForm, SecondFactorForm
from congvu.core.forms import apply_errors


@login_required_page
def account(request):
    context = {
        "two_factor_on": second_factor.has_device(request.user),
        "two_factor_required": second_factor.is_required(request.user),
    }
    return render(request, "accounts/account.html", context)


SECRET_KEY_IN_SESSION = "otp_enrolment_secret"


@login_required_page
def two_factor(request):
    """Enrolment (QR code, first code, recovery codes shown once), or the code step for a session that
    has not passed it, or the status with new recovery codes on demand."""
    user = request.user
    verified = second_factor.is_verified(user)
    enrolled = second_factor.has_device(user)
    if enrolled and not verified:
        return _verify_this_session(request)
    if request.method == "POST" and request.POST.get("action") == "recovery_codes" and verified:
        codes = second_factor.regenerate_recovery_codes(user=user, by=user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes})
    if enrolled and request.POST.get("action") != "enrol" and request.GET.get("doi") is None:
        return render(
            request,
            "accounts/two_factor.html",
            {"enrolled": True, "codes_left": second_factor.recovery_codes_left(user)},
        )
    secret = request.session.get(SECRET_KEY_IN_SESSION) or second_factor.new_secret()
    request.session[SECRET_KEY_IN_SESSION] = secret
    form = EnrolmentForm(request.POST if request.POST.get("action") == "enrol" else None)
    status = 200
    if form.is_bound and form.is_valid():
        try:
            codes = second_factor.enrol(user=user, secret=secret, token=form.cleaned_data["token"], by=user)
        except ValidationError as error:
            apply_errors(form, error)
            status = 400
        else:
            del request.session[SECRET_KEY_IN_SESSION]
            otp_login(request, TOTPDevice.objects.get(user=user, confirmed=True))
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "enrolled_now": True})
    elif form.is_bound:
        status = 400
    uri = second_factor.provisioning_uri(user, secret)
    context = {
        "enrolled": False,
        "form": form,
        "qr": second_factor.qr_svg(uri),
        "secret_b32": b32encode(unhexlify(secret)).decode(),
        "required": second_factor.is_required(user),
    }
    return render(request, "accounts/two_factor.html", context, status=status)


def _verify_this_session(request):
    from congvu.accounts.views import check_second_factor

    form = SecondFactorForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        device, status = check_second_factor(request, request.user, form)
        if device is not None:
            otp_login(request, device)
            return redirect("accounts:staff_home")
    return render(request, "accounts/login_verify.html", {"form": form}, status=status)


@login_required_page
def my_sessions(request):
    """The user's own live sessions; POST ends one of them (`end`) or every other one (`end_others`)."""
    if request.method == "POST":
        if request.POST.get("end_others"):
            count = sessions.end_other_sessions(
                user=request.user, keep_key=request.session.session_key, by=request.user
            )
            messages.success(request, _("Đã kết thúc %(count)s phiên khác.") % {"count": count})
        else:
            target = get_object_or_404(
                sessions.active_sessions(request.user).exclude(session_key=request.session.session_key),
                pk=_as_id(request.POST.get("end")),
            )
            sessions.end_session(user=request.user, session=target, by=request.user)
            messages.success(request, _("Đã kết thúc phiên đăng nhập."))
        return redirect("accounts:sessions")
    rows = sessions.active_sessions(request.user)
    return render(
        request, "accounts/sessions.html", {"rows": rows, "current_key": request.session.session_key}
    )


def _as_id(value) -> int:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else 0
