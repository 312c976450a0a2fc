from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()


def _state_labels():
    from congvu.inspections.models import Finding, RemedialTask, TeamMember, Visit

    labels = {}
    for choices in (TeamMember.Role, Finding.Action, Finding.Status, RemedialTask.Status, Visit.Status):
        labels.update({value: label for value, label in choices.choices if value})
    labels["overdue"] = _("Quá hạn")
    return labels


@register.filter
def state_label(value):
    """A state or action code from an event row, shown in the user's language."""
    if not value:
        return ""
    return _state_labels().get(value, value)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
