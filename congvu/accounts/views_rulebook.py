"""The rule book page: every rule congvu enforces, with its legal source and the test that proves it."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from congvu.accounts.decorators import staff_required
from congvu.core.rules import rules_by_area


def _setting_url(rule):
    if not rule.setting or not rule.setting.admin_url_name:
        return ""
    try:
        return reverse(rule.setting.admin_url_name)
    except NoReverseMatch:
        return ""


@staff_required()
def rulebook(request):
    # The law is public; any official may read which rules the system holds them to.
    areas = [
        (area, [(rule, _setting_url(rule) if request.user.is_staff else "") for rule in rules])
        for area, rules in rules_by_area()
        if rules
    ]
    return render(request, "accounts/rulebook.html", {"areas": areas, "title": _("Quy tắc nghiệp vụ")})
