from django.conf import settings
from django.utils.functional import SimpleLazyObject

from congvu.core import nav


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "public_nav": SimpleLazyObject(nav.public_links),
        # Staff pages live under /quan-ly/ and get the role-based sidebar.
        "staff_area": request.path.startswith("/quan-ly/"),
    }
