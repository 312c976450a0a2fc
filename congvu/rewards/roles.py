"""Who may do what with rewards: read by unit heads, the programme office, admins and leadership of
the scope; proposed by unit heads, the programme office and admins; decided by the programme office
and admins."""

from congvu.accounts.models import Role

UH, PO, SA, LD = Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN, Role.LEADERSHIP

VIEW = (UH, PO, SA, LD)
PROPOSE = (UH, PO, SA)
DECIDE = (PO, SA)
