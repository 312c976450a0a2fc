"""The feedback app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.core import nav
from congvu.feedback.roles import INTAKE_ROLES, VIEW_ROLES

nav.add_staff_nav(nav.NavItem(_("Phản ánh, kiến nghị"), "feedback:inbox", roles=VIEW_ROLES, order=10))
nav.add_staff_nav(nav.NavItem(_("Tiếp nhận phản ánh"), "feedback:intake", roles=INTAKE_ROLES, order=11))
nav.add_staff_nav(nav.NavItem(_("Mở hòm thư góp ý"), "feedback:openings", roles=INTAKE_ROLES, order=12))
nav.add_staff_nav(nav.NavItem(_("Sổ tiếp nhận"), "feedback:register", roles=VIEW_ROLES, order=13))
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

    from congvu.accounts.scope import has_role
    from congvu.feedback import selectors

    if not has_role(request.user, *VIEW_ROLES):
        return []
    cases = selectors.cases_for(request.user)
    url = reverse("feedback:inbox")
    return [
        {
            "label": _("Phản ánh mới"),
            "value": selectors.inbox(cases, tab="new").count(),
            "url": url + "?tab=new",
            "tone": "",
        },
        {
            "label": _("Phản ánh quá hạn"),
            "value": selectors.inbox(cases, tab="overdue").count(),
            "url": url + "?tab=overdue",
            "tone": "bad",
        },
    ]


nav.add_home_cards(home_cards)
