"""The ratings app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.core import nav
from congvu.ratings.roles import ENTRY_ROLES, FORM_ROLES, MANAGE_ROLES, VIEW_ROLES

nav.add_staff_nav(nav.NavItem(_("Hài lòng tại một cửa"), "ratings:results", roles=VIEW_ROLES, order=30))
nav.add_staff_nav(nav.NavItem(_("Quầy và máy đánh giá"), "ratings:counters", roles=MANAGE_ROLES, order=31))
nav.add_staff_nav(nav.NavItem(_("Thẻ QR đánh giá"), "ratings:cards", roles=MANAGE_ROLES, order=32))
nav.add_staff_nav(nav.NavItem(_("Nhập phiếu đánh giá"), "ratings:batches", roles=ENTRY_ROLES, order=33))
nav.add_staff_nav(nav.NavItem(_("Mẫu phiếu đánh giá"), "ratings:paper_forms", roles=FORM_ROLES, order=33))
nav.add_staff_nav(
    nav.NavItem(_("Kết quả đánh giá của tôi"), "ratings:my_results", self_service=True, order=34)
)


def home_cards(request):
    """Today's "Không hài lòng" in the unit head's scope, on the staff home page."""
    from django.urls import reverse
    from django.utils import timezone

    from congvu.accounts.scope import has_role, scoped
    from congvu.ratings.models import Level, Rating
    from congvu.ratings.roles import VIEW_ROLES

    if not has_role(request.user, *VIEW_ROLES):
        return []
    today = timezone.localdate()
    count = (
        scoped(Rating.objects.all(), request.user, roles=VIEW_ROLES)
        .filter(level=Level.NOT_SATISFIED, rated_at__date=today)
        .count()
    )
    return [
        {
            "label": _("Đánh giá không hài lòng hôm nay"),
            "value": count,
            "url": reverse("ratings:results") + f"?date_from={today:%d/%m/%Y}&date_to={today:%d/%m/%Y}",
            "tone": "warning" if count else "",
        }
    ]


nav.add_home_cards(home_cards)
