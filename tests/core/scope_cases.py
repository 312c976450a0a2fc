from django.urls import reverse

from congvu.core import audit
from congvu.core.models import AuditEvent
from tests.scope_harness import ScopeCase


def _other_ward_audit_row(world):
    audit.record(AuditEvent.Action.ACTION, instance=world.other_ward, note="bí mật ngoài phạm vi")
    return reverse("accounts:audit_log")


SCOPE_CASES = [
    ScopeCase(
        "accounts:staff_home",
        lambda w: reverse("accounts:staff_home"),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    ),
    ScopeCase("accounts:audit_log", _other_ward_audit_row, kind="list", secret="bí mật ngoài phạm vi"),
]


def _other_users_notification(world):
    from congvu.core.notifications import notify
    from tests.factories import UserFactory

    notify([UserFactory(username="nguoikhac")], title="thông báo riêng của người khác", email=False)
    return reverse("accounts:notifications")


SCOPE_CASES.append(
    ScopeCase(
        "accounts:notifications",
        _other_users_notification,
        kind="list",
        secret="thông báo riêng của người khác",
    )
)

# The rule book holds no unit data: it lists the law, the same for every unit.
SCOPE_CASES.append(
    ScopeCase(
        "accounts:rulebook",
        lambda w: reverse("accounts:rulebook"),
        kind="list",
        secret="Phường Ngoài Phạm Vi",
    )
)
