"""The one scoping helper every staff page and API goes through.

A role is held over a unit; it covers that unit's lineage (congvu.units.lineage): every unit below
it and the units that were merged, split or renamed into any of them (so a ward created in 2025 still
sees the records of the wards it replaced). A page that lists or opens records filters them with
`scoped(...)` (narrowed with `within=unit` when the user picked one); one that forgets is a security
bug, and tests/test_scope_coverage.py checks every staff URL. Outside the scope looks exactly like
missing: 404, never 403, so that ids cannot be probed.
"""

from collections.abc import Iterable

from django.db.models import Q
from django.http import Http404

from congvu.accounts.models import Role
from congvu.units.lineage import Lineage, lineage_roots, path_within, records_of_units_q
from congvu.units.models import Unit

ALL_ROLES = frozenset(Role.values)
# An always-true filter that stays true when OR'd: an empty Q() would vanish from `Q() | other` and leave
# only `other`, so a superuser's "everything or the rounds I am on" would become "the rounds I am on".
EVERYTHING = ~Q(pk__in=[])


def _assignments(user):
    cache = getattr(user, "_role_assignments", None)
    if cache is None:
        cache = list(user.roles.select_related("unit")) if user.is_authenticated else []
        user._role_assignments = cache
    return cache


def roles_of(user) -> set[str]:
    return {assignment.role for assignment in _assignments(user)}


def has_role(user, *roles: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    wanted = set(roles) or ALL_ROLES
    return bool(wanted & roles_of(user))


def scope_roots(user, roles: Iterable[str] | None = None) -> list[Unit] | None:
    """The units whose subtrees the user may see through the given roles (their lineage, collapsed);
    None means everything."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    wanted = set(roles) if roles else ALL_ROLES
    key = tuple(sorted(wanted))
    cache = user.__dict__.setdefault("_scope_roots", {})
    if key not in cache:
        cache[key] = lineage_roots(a.unit for a in _assignments(user) if a.role in wanted)
    return cache[key]


def scope_q(user, field: str = "unit", roles: Iterable[str] | None = None, within: Unit | None = None) -> Q:
    """A filter on `field` (a path to a Unit foreign key, "" for Unit itself) limited to the scope, and
    to the lineage of `within` when given (a unit the user chose on a page)."""
    roots = scope_roots(user, roles)
    condition = EVERYTHING if roots is None else records_of_units_q(roots, field)
    if within is not None:
        condition &= records_of_units_q(Lineage(within).roots, field)
    return condition


def scoped(
    queryset, user, field: str = "unit", roles: Iterable[str] | None = None, within: Unit | None = None
):
    """`queryset` limited to the records of units in the user's scope (and in `within`'s lineage)."""
    return queryset.filter(scope_q(user, field, roles, within))


def scoped_units(user, roles: Iterable[str] | None = None, within: Unit | None = None):
    return scoped(Unit.objects.all(), user, field="", roles=roles, within=within)


def unit_in_scope(user, unit: Unit | None, roles: Iterable[str] | None = None) -> bool:
    if unit is None:
        return False
    roots = scope_roots(user, roles)
    return roots is None or path_within(unit, roots)


def get_scoped_or_404(queryset, user, field: str = "unit", roles: Iterable[str] | None = None, **lookup):
    """Fetch one record in scope; anything outside the scope looks exactly like a missing record."""
    try:
        return scoped(queryset, user, field, roles).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404
    except queryset.model.MultipleObjectsReturned:
        return scoped(queryset, user, field, roles).filter(**lookup).distinct().get()


def require_unit_in_scope(user, unit, roles: Iterable[str] | None = None):
    """For a unit the user names (a form field, a URL): outside the scope it does not exist."""
    if not unit_in_scope(user, unit, roles):
        raise Http404
