from django.utils.functional import SimpleLazyObject

from congvu.accounts.scope import has_role
from congvu.core import nav


def staff_nav(request):
    """The role-based staff menu, built only when a page shows it."""
    user = getattr(request, "user", None)
    if user is None:
        return {"staff_nav": []}
    return {"staff_nav": SimpleLazyObject(lambda: nav.staff_nav_for(user, has_role))}
