from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from congvu.accounts.sessions import address_of
from congvu.core import audit
from congvu.core.models import AuditEvent


def _address(request) -> str:
    # "" (stored as no address), not None: None would fall back to the request's raw address, which a
    # forged X-Forwarded-For can make something PostgreSQL's inet column refuses.
    return (address_of(request) if request else None) or ""


@receiver(user_logged_in, dispatch_uid="congvu_audit_login")
def log_login(sender, request, user, **kwargs):
    audit.record(AuditEvent.Action.LOGIN, instance=user, user=user, ip_address=_address(request))


@receiver(user_logged_out, dispatch_uid="congvu_audit_logout")
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(
            AuditEvent.Action.LOGOUT,
            instance=user,
            user=user,
            ip_address=_address(request),
        )


@receiver(user_login_failed, dispatch_uid="congvu_audit_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username", "")[:150]
    audit.record(
        AuditEvent.Action.LOGIN_FAILED,
        object_repr=username,
        note=username,
        ip_address=_address(request),
    )


@receiver(user_logged_in, dispatch_uid="congvu_session_login")
def remember_session(sender, request, user, **kwargs):
    from congvu.accounts import sessions

    if request is not None and hasattr(request, "session"):
        sessions.record_login(request, user)


@receiver(user_logged_out, dispatch_uid="congvu_session_logout")
def forget_session(sender, request, user, **kwargs):
    from congvu.accounts import sessions

    if request is not None and hasattr(request, "session"):
        sessions.forget(request.session.session_key)
