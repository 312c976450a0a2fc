from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "congvu.ratings"
    label = "ratings"
    verbose_name = _("Đánh giá sự hài lòng")

    def ready(self):
        from congvu.core import nav
        from congvu.ratings.roles import ENTRY_ROLES, MANAGE_ROLES, VIEW_ROLES

        nav.add_staff_nav(
            nav.NavItem(_("Hài lòng tại một cửa"), "ratings:results", roles=VIEW_ROLES, order=30)
        )
        nav.add_staff_nav(
            nav.NavItem(_("Quầy và máy đánh giá"), "ratings:counters", roles=MANAGE_ROLES, order=31)
        )
        nav.add_staff_nav(nav.NavItem(_("Thẻ QR đánh giá"), "ratings:cards", roles=MANAGE_ROLES, order=32))
        nav.add_staff_nav(
            nav.NavItem(_("Nhập phiếu đánh giá"), "ratings:batches", roles=ENTRY_ROLES, order=33)
        )
        nav.add_staff_nav(
            nav.NavItem(_("Kết quả đánh giá của tôi"), "ratings:my_results", self_service=True, order=34)
        )
