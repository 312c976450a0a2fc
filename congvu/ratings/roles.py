from congvu.accounts.models import Role

# Who reads results: a unit head their unit; leadership, the programme office and inspectors theirs.
VIEW_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.LEADERSHIP, Role.INSPECTOR, Role.SYSTEM_ADMIN)
# Who sets up counters, the roster and kiosks.
MANAGE_ROLES = (Role.UNIT_HEAD, Role.SYSTEM_ADMIN)
# Who types in stacks of paper forms.
ENTRY_ROLES = (Role.RECEPTION, Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)
# Who may hide an abusive comment.
MODERATE_ROLES = (Role.UNIT_HEAD, Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)
# Who configures the paper forms (for their unit and the units below it).
FORM_ROLES = (Role.PROGRAMME_OFFICE, Role.SYSTEM_ADMIN)
