from django.db.models import Q

from congvu.accounts.models import User
from congvu.units.models import Unit


def users_with_role(role: str, unit: Unit):
    """Active users holding `role` over `unit`: assigned to the unit itself or to any unit above it."""
    ancestor_ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    return User.objects.filter(is_active=True, roles__role=role, roles__unit_id__in=ancestor_ids).distinct()


def users_with_role_nearest(role: str, unit: Unit):
    """Like users_with_role, but only those at the closest level that has anyone (the unit's own head
    rather than every head above it)."""
    for ancestor_id in reversed([int(part) for part in unit.path.strip("/").split("/") if part]):
        users = User.objects.filter(is_active=True, roles__role=role, roles__unit_id=ancestor_id).distinct()
        if users.exists():
            return users
    return User.objects.none()


def staff_user(staff):
    return User.objects.filter(Q(staff=staff), is_active=True).first()
