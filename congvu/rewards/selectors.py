"""Reads of rewards: the ones a user may see, and the proposals they may decide."""

from congvu.accounts.scope import scope_q
from congvu.core.text import search_folded
from congvu.rewards import roles
from congvu.rewards.models import Reward

# A reward belongs to the proposing unit, the person's unit and the rewarded collective.
UNIT_FIELDS = ("unit", "staff__unit", "collective")


def visible(user, role_set=roles.VIEW):
    """Rewards linked to a unit in the user's scope through any of UNIT_FIELDS."""
    condition = scope_q(user, UNIT_FIELDS[0], role_set)
    for field in UNIT_FIELDS[1:]:
        condition |= scope_q(user, field, role_set)
    return Reward.objects.filter(condition)


def register(user, *, unit=None, year=None, status="", title=None, query=""):
    """The rewards register as filtered on the page: `unit` keeps the proposals of that unit's lineage
    and those for its people."""
    queryset = visible(user).select_related("unit", "title", "staff", "collective")
    if unit is not None:
        queryset = queryset.filter(
            scope_q(user, "unit", roles.VIEW, within=unit)
            | scope_q(user, "staff__unit", roles.VIEW, within=unit)
        )
    if year:
        queryset = queryset.filter(year=year)
    if status:
        queryset = queryset.filter(status=status)
    if title is not None:
        queryset = queryset.filter(title=title)
    return search_folded(queryset, query)


def decidable(user):
    """Proposals waiting for a decision that the user may decide."""
    return Reward.objects.filter(scope_q(user, "unit", roles.DECIDE), status=Reward.Status.PROPOSED)


def own_rewards(staff):
    """A person's own rewards, refused proposals aside (the self-service page)."""
    return Reward.objects.filter(staff=staff).exclude(status=Reward.Status.REJECTED).select_related("title")
