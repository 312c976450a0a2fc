"""The append-only audit log.

Models that inherit `Audited` are logged on every create, change and delete through model signals,
with the before → after of their fields. Who and from where come from the request (set by
AuditContextMiddleware) or from `acting_as(...)` in commands; without either, the acting user is the system.
"""

import contextvars
import datetime as dt
import decimal
import uuid
from contextlib import contextmanager

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from congvu.core.models import AuditEvent

_context: contextvars.ContextVar[tuple] = contextvars.ContextVar("audit_context", default=(None, None))


class Audited(models.Model):
    """Mixin: every create, change and delete of this model is written to the audit log."""

    audit_exclude: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def audit_unit_id(self):
        """The unit this record belongs to, so that the log can be scoped like everything else."""
        return getattr(self, "unit_id", None)


def set_context(user, ip_address):
    return _context.set((user, ip_address))


def reset_context(token):
    _context.reset(token)


@contextmanager
def acting_as(user, ip_address=None):
    token = set_context(user, ip_address)
    try:
        yield
    finally:
        reset_context(token)


def _plain(value):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return value


def snapshot(instance) -> dict:
    excluded = set(getattr(instance, "audit_exclude", ()))
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in excluded:
            continue
        values[field.attname] = _plain(getattr(instance, field.attname))
    return values


def record(action, *, instance=None, changes=None, note="", user=None, ip_address=None, object_repr=""):
    """Write one audit row. Explicit user/ip win over the ambient request context."""
    ctx_user, ctx_ip = _context.get()
    user = user if user is not None else ctx_user
    ip_address = ip_address if ip_address is not None else ctx_ip
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return AuditEvent.objects.create(
        by=user if authenticated else None,
        by_name=(user.get_username() if authenticated else "") or "hệ thống",
        ip_address=ip_address,
        action=action,
        object_type=instance._meta.label_lower if instance is not None else "",
        object_id=str(instance.pk) if instance is not None and instance.pk is not None else "",
        object_repr=(object_repr or (str(instance) if instance is not None else ""))[:300],
        unit_id=instance.audit_unit_id() if isinstance(instance, Audited) else None,
        changes=changes or {},
        note=note[:300],
    )


def _before_save(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Audited):
        return
    previous = None
    if instance.pk is not None:
        old = type(instance)._base_manager.filter(pk=instance.pk).first()
        previous = snapshot(old) if old is not None else None
    instance._audit_before = previous


def _after_save(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, Audited):
        return
    after = snapshot(instance)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        record(AuditEvent.Action.CREATE, instance=instance, changes={"after": after})
        return
    changed = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    if changed:
        record(AuditEvent.Action.UPDATE, instance=instance, changes=changed)


def _after_delete(sender, instance, **kwargs):
    if isinstance(instance, Audited):
        record(AuditEvent.Action.DELETE, instance=instance, changes={"before": snapshot(instance)})


def connect_signals():
    pre_save.connect(_before_save, dispatch_uid="congvu_audit_pre_save")
    post_save.connect(_after_save, dispatch_uid="congvu_audit_post_save")
    post_delete.connect(_after_delete, dispatch_uid="congvu_audit_post_delete")
