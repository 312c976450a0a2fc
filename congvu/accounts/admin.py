from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

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
