from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from congvu.accounts.scope import has_role


def staff_required(*roles: str):
    """Staff pages: log in first; then 403 unless the user holds one of `roles` (any role if none given)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.staff_roles = roles
        return wrapper

    return decorator


def login_required_page(view):
    """Pages for any logged-in official (self-service), with or without a role."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper
