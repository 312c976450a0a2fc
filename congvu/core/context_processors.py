from django.conf import settings
from django.utils.functional import SimpleLazyObject

from congvu.core import nav


def site(request):
    user = getattr(request, "user", None)
    return {
        "site_name": settings.SITE_NAME,
        "staff_nav": SimpleLazyObject(lambda: nav.staff_nav_for(user)) if user is not None else [],
        "public_nav": SimpleLazyObject(nav.public_links),
        # Staff pages live under /quan-ly/ and get the role-based sidebar.
        "staff_area": request.path.startswith("/quan-ly/"),
    }
