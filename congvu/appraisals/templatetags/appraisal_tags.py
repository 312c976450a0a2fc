from django import template

from congvu.appraisals.models import Level

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def level_label(value):
    return Level(value).label if value in Level.values else ""


@register.filter
def signed(value):
    if value is None:
        return "—"
    return f"+{value:.2f}" if value > 0 else f"{value:.2f}"
