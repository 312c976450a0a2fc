"""Who may do what with working regulations: read also by leadership and inspectors (they check
"working regulation issued"); recorded by unit heads, the programme office and admins."""

from congvu.accounts.models import Role

UH, PO, SA, LD, IN = Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN, Role.LEADERSHIP, Role.INSPECTOR

VIEW = (UH, PO, SA, LD, IN)
MANAGE = (UH, PO, SA)
