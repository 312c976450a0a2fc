"""Who may do what with plans: the programme office and admins of the directive's unit register
documents, assign and accept tasks; unit heads of the assigned unit report; leadership reads."""

from congvu.accounts.models import Role

UH, PO, SA, LD = Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN, Role.LEADERSHIP

VIEW = (UH, PO, SA, LD)
MANAGE = (PO, SA)
REPORT = (UH, PO, SA)
