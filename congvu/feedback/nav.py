"""The feedback app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.core import nav

staff = (
    Role.RECEPTION,
    Role.HANDLER,
    Role.UNIT_HEAD,
    Role.PROGRAMME_OFFICE,
    Role.LEADERSHIP,
    Role.SYSTEM_ADMIN,
)
intake = (Role.RECEPTION, Role.HANDLER, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
nav.add_staff_nav(nav.NavItem(_("Phản ánh, kiến nghị"), "feedback:inbox", roles=staff, order=10))
nav.add_staff_nav(nav.NavItem(_("Tiếp nhận phản ánh"), "feedback:intake", roles=intake, order=11))
nav.add_staff_nav(nav.NavItem(_("Mở hòm thư góp ý"), "feedback:openings", roles=intake, order=12))
nav.add_staff_nav(nav.NavItem(_("Sổ tiếp nhận"), "feedback:register", roles=staff, order=13))
nav.add_public_link(
    nav.PublicLink(
        _("Gửi phản ánh, kiến nghị"),
        "feedback:submit",
        _("Phản ánh về quy định hành chính và cách cán bộ thực hiện; không cần tài khoản."),
        order=10,
    )
)
nav.add_public_link(
    nav.PublicLink(
        _("Tra cứu phản ánh"),
        "feedback:track",
        _("Xem tình trạng và trả lời bằng mã tra cứu."),
        order=11,
    )
)
nav.add_public_link(
    nav.PublicLink(
        _("Phản ánh đã trả lời"),
        "feedback:published_list",
        _("Các câu trả lời đã công khai, không kèm thông tin cá nhân."),
        order=12,
    )
)


def home_cards(request):
    from django.urls import reverse
    from django.utils import timezone

    from congvu.accounts.scope import has_role, scoped
    from congvu.feedback.models import Case, Status

    if not has_role(
        request.user, "reception", "handler", "unit_head", "programme_office", "leadership", "system_admin"
    ):
        return []
    cases = scoped(Case.objects.all(), request.user)
    today = timezone.localdate()
    url = reverse("feedback:inbox")
    return [
        {
            "label": _("Phản ánh mới"),
            "value": cases.filter(status=Status.NEW).count(),
            "url": url + "?tab=new",
            "tone": "",
        },
        {
            "label": _("Phản ánh quá hạn"),
            "value": cases.filter(
                status__in=[Status.NEW, Status.IN_PROGRESS, Status.AWAITING_APPROVAL], answer_due__lt=today
            ).count(),
            "url": url + "?tab=overdue",
            "tone": "bad",
        },
    ]


nav.add_home_cards(home_cards)
