"""Who may see and handle discipline cases: only unit heads, the programme office and admins of the
scope (sensitive personal data; leadership sees counts in reports, not the cases)."""

from congvu.accounts.models import Role

UH, PO, SA = Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN

MANAGE = (UH, PO, SA)
