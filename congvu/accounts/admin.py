from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congvu.accounts import second_factor
from congvu.accounts.models import RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Hồ sơ cán bộ"), {"fields": ("staff",)}))
    autocomplete_fields = ["staff"]
    inlines = [RoleInline]
    list_display = ["username", "first_name", "last_name", "is_active", "is_staff"]


# The admin site has no login of its own: ours throttles and asks for the second factor. And a session
# that has not passed the second factor cannot open it (the middleware also sends it to enrolment).
def _admin_login(request, extra_context=None):
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("accounts:login"))


_base_has_permission = admin.site.has_permission


def _has_permission(request):
    return _base_has_permission(request) and second_factor.is_verified(request.user)


admin.site.login = _admin_login
admin.site.has_permission = _has_permission
