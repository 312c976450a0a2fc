"""Who may do what with feedback cases: the roles each kind of page and action asks for."""

from congvu.accounts.models import Role

VIEW_ROLES = (
    Role.RECEPTION,
    Role.HANDLER,
    Role.UNIT_HEAD,
    Role.PROGRAMME_OFFICE,
    Role.LEADERSHIP,
    Role.SYSTEM_ADMIN,
)
# The handling chain: sees the sender's personal data, messages and attachments.
CHAIN_ROLES = (Role.RECEPTION, Role.HANDLER, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)
INTAKE_ROLES = (Role.RECEPTION, Role.HANDLER, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
ASSIGN_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE)
HANDLE_ROLES = (Role.HANDLER, Role.UNIT_HEAD)
REVIEW_ROLES = (Role.UNIT_HEAD,)
