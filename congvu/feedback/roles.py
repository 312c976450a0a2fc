"""Who may do what with feedback cases: the roles each kind of page and action asks for, and the one
rule for who sees a citizen who sent a case (`can_see_sender`, `sender_visible_q`)."""

from django.db.models import BooleanField, Q, Value, When
from django.db.models import Case as Choose
from django.utils.translation import gettext_lazy as _

from congvu.accounts.models import Role
from congvu.accounts.scope import EVERYTHING, scope_roots, unit_in_scope
from congvu.units.lineage import records_of_units_q

VIEW_ROLES = (
    Role.RECEPTION,
    Role.HANDLER,
    Role.UNIT_HEAD,
    Role.PROGRAMME_OFFICE,
    Role.LEADERSHIP,
    Role.SYSTEM_ADMIN,
)
INTAKE_ROLES = (Role.RECEPTION, Role.HANDLER, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
ASSIGN_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
HANDLE_ROLES = (Role.HANDLER, Role.UNIT_HEAD)
REVIEW_ROLES = (Role.UNIT_HEAD,)

# The handling chain of a case sees its sender's personal data (name, address, phone, e-mail,
# organisation, attachments, what was sent to them); nobody else does (Law 91/2025: personal data only for
# the purpose it was given for, which is handling the case). The chain is:
# - the officer who received it, and reception over the receiving unit (they logged it);
# - reception, unit heads and the programme office over the handling unit (they decide the intake, assign
#   and approve, or take over an overdue case);
# - the handler the case is assigned to: another handler of the unit has no need to know who wrote;
#   while no one is assigned, the handlers of the handling unit (any of them may take it up and answer).
# Leadership reads figures, inspectors check discipline, system admins run accounts and units: outside.
CHAIN_ROLES = (Role.RECEPTION, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
RECEIVING_CHAIN_ROLES = (Role.RECEPTION,)

# What everyone outside the chain reads where the sender would be.
SENDER_HIDDEN = _("Người gửi (ẩn)")


def can_see_sender(user, case) -> bool:
    """Whether `user` is in the handling chain of `case` (see CHAIN_ROLES); `sender_visible_q` is the
    same rule for a queryset."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.pk in (case.received_by_id, case.handler_id):
        return True
    if case.handler_id is None and unit_in_scope(user, case.unit, (Role.HANDLER,)):
        return True
    return unit_in_scope(user, case.unit, CHAIN_ROLES) or unit_in_scope(
        user, case.receiving_unit, RECEIVING_CHAIN_ROLES
    )


def sender_visible_q(user, field: str = "") -> Q:
    """A filter on cases (or on records reaching a case through `field`, e.g. "case") keeping those whose
    sender `user` may see: `can_see_sender` as a query."""
    if not (user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    if user.is_superuser:
        return EVERYTHING
    prefix = f"{field}__" if field else ""
    condition = Q(**{f"{prefix}received_by": user}) | Q(**{f"{prefix}handler": user})
    for unit_field, roles in (("unit", CHAIN_ROLES), ("receiving_unit", RECEIVING_CHAIN_ROLES)):
        roots = scope_roots(user, roles)
        if roots:
            condition |= records_of_units_q(roots, prefix + unit_field)
    handler_roots = scope_roots(user, (Role.HANDLER,))
    if handler_roots:
        unassigned = Q(**{f"{prefix}handler__isnull": True})
        condition |= unassigned & records_of_units_q(handler_roots, prefix + "unit")
    return condition


def with_sender_visible(queryset, user):
    """Cases annotated with `sender_visible` (the chain rule, computed by the database for each row)."""
    return queryset.annotate(
        sender_visible=Choose(
            When(sender_visible_q(user), then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    )
