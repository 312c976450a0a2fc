"""The one shape of a state change, and the one function that writes it.

Every app that keeps a timeline (a case, a visit, an evaluation, a record) has an event model that
inherits `StateEvent` and names in `subject_fields` the foreign keys to the records whose timeline it
is. Services write events only through `record_event(obj, action, by=..., before=..., after=...)`, in
the same transaction as the change.

Timeline or audit log? The event is the business step a person reads on the record's page ("forwarded
to Phường Tam Thanh", "deadline extended") and the figures count (extensions, late answers); the
audit log (congvu.core.audit) is the technical trail of every row change with the address it came
from, for the system admin. Event models are not `Audited`: a step is written once, in its own place.
"""

import datetime as dt
from typing import ClassVar

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Who a step without a person is shown as (reminders, escalations, imports).
SYSTEM_NAME = _("hệ thống")


class StateEvent(models.Model):
    """One step on a timeline: who (`by`), when (`at`), what (`action`), before → after, and a note."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The name at the time of the step, so the timeline still reads right after an account is removed.
    by_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("thao tác"), max_length=40)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    # The foreign keys (by name) to the records whose timeline this model keeps.
    subject_fields: ClassVar[tuple[str, ...]] = ()
    # Human names of the actions, for the timeline; an unknown action shows as written.
    action_labels: ClassVar[dict] = {}
    # Choices whose labels show a before/after code in words (a status, a kind); ISO dates show as
    # dd/mm/yyyy; anything else as written.
    state_choices: ClassVar[tuple] = ()

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.action} · {self.at:%d/%m/%Y %H:%M}"

    @property
    def label(self):
        return self.action_labels.get(self.action, self.action)

    @property
    def by_display(self) -> str:
        return self.by_name or str(SYSTEM_NAME)

    @property
    def before_label(self):
        return state_label(self.before, self.state_choices)

    @property
    def after_label(self):
        return state_label(self.after, self.state_choices)


def state_label(value, choices=()):
    """A before/after value in words: a choice's label, an ISO date as dd/mm/yyyy, else as stored."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        for choice in choices:
            if value in choice.values:
                return choice(value).label
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value


def _event_models_by_subject() -> dict[type, tuple[type, str]]:
    found = {}
    for model in apps.get_models():
        if issubclass(model, StateEvent):
            for name in model.subject_fields:
                found[model._meta.get_field(name).related_model] = (model, name)
    return found


_by_subject: dict[type, tuple[type, str]] | None = None


def event_model_for(obj) -> tuple[type, str]:
    """The event model keeping the timeline of `obj`'s kind, and its field pointing at `obj`."""
    global _by_subject
    if _by_subject is None:
        _by_subject = _event_models_by_subject()
    try:
        return _by_subject[type(obj)._meta.concrete_model]
    except KeyError:
        raise LookupError(f"no event model keeps the timeline of {type(obj).__name__}") from None


def display_name_of(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return getattr(user, "display_name", "") or user.get_username()


def event_row(
    obj,
    action: str,
    *,
    by=None,
    by_name: str | None = None,
    before=None,
    after=None,
    note: str = "",
    **fields,
) -> StateEvent:
    """One step of `obj`'s timeline, not yet saved. `by` is the acting user (None or anonymous: the
    system or a citizen); `by_name` names a person who has no account (demo data, a paper register);
    `fields` are the event model's own extra columns (e.g. `unit`, `public`, `at`)."""
    model, subject = event_model_for(obj)
    acting = by if by is not None and getattr(by, "is_authenticated", False) else None
    return model(
        **{subject: obj},
        by=acting,
        by_name=display_name_of(acting) if by_name is None else by_name,
        action=action,
        before=before,
        after=after,
        note=note or "",
        **fields,
    )


def record_event(obj, action: str, **step) -> StateEvent:
    """Write one step of `obj`'s timeline (arguments as for `event_row`), in the caller's transaction."""
    event = event_row(obj, action, **step)
    event.save(force_insert=True)
    return event


def record_events(events: list[StateEvent], *, batch_size: int = 1000) -> None:
    """Write many `event_row`s at once (seeding, imports): one insert per event model and batch."""
    by_model: dict[type, list[StateEvent]] = {}
    for event in events:
        by_model.setdefault(type(event), []).append(event)
    for model, rows in by_model.items():
        model.objects.bulk_create(rows, batch_size=batch_size)
