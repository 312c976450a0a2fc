"""The rewards menu entries (and the self-service page of one's own rewards and discipline) and the
home card of proposals waiting for a decision."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congvu.accounts.scope import has_role
from congvu.core import nav
from congvu.rewards import roles, selectors

# The menu keeps the one heading these registers had before they were four apps.
SECTION = _("Khen thưởng, kỷ luật, quy chế, kế hoạch")

nav.add_staff_nav(
    nav.NavItem(_("Khen thưởng"), "rewards:reward_list", roles=roles.VIEW, order=60, section=SECTION)
)
nav.add_staff_nav(
    nav.NavItem(
        _("Khen thưởng, kỷ luật của tôi"), "rewards:my_records", self_service=True, order=90, section=SECTION
    )
)


def home_cards(request) -> list[dict]:
    if not has_role(request.user, *roles.DECIDE):
        return []
    waiting = selectors.decidable(request.user).count()
    return [
        {
            "label": _("Đề nghị khen thưởng chờ quyết định"),
            "value": waiting,
            "url": reverse("rewards:reward_list") + "?status=proposed",
            "tone": "warn" if waiting else "ok",
        }
    ]


nav.add_home_cards(home_cards, order=3)
