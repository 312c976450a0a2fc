from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **changes):
    """The current query string with some parameters replaced (keeps filters while paging)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
