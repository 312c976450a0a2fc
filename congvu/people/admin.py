from django.contrib import admin

from congvu.core.uploads import CHECKED_UPLOADS
from congvu.people import services
from congvu.people.models import LeavePeriod, Position, Staff, Transfer


class TransferInline(admin.TabularInline):
    model = Transfer
    extra = 0
    autocomplete_fields = ["from_unit", "to_unit"]


@admin.register(Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "category",
        "position",
        "unit",
        "badge_number",
        "employed_from",
        "employed_to",
    ]
    list_filter = ["category", "sex"]
    search_fields = ["full_name", "name_folded", "badge_number"]
    autocomplete_fields = ["unit", "position"]
    inlines = [TransferInline]
    formfield_overrides = CHECKED_UPLOADS  # the same file checks as the pages


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name", "is_manager"]
    search_fields = ["name"]


@admin.register(LeavePeriod)
class LeavePeriodAdmin(admin.ModelAdmin):
    """Saves and deletes go through the people services, so the timeline has them and the checks hold."""

    list_display = ["staff", "kind", "start", "end", "document"]
    list_filter = ["kind"]
    search_fields = ["staff__full_name", "staff__name_folded", "staff__badge_number", "document"]
    autocomplete_fields = ["staff"]
    date_hierarchy = "start"
    actions = None  # a bulk delete would skip the service

    def get_readonly_fields(self, request, obj=None):
        return ["staff"] if obj else []

    def save_model(self, request, obj, form, change):
        data = {name: getattr(obj, name) for name in services.LEAVE_FIELDS}
        if change:
            saved = services.change_leave(leave=obj, by=request.user, **data)
        else:
            saved = services.add_leave(staff=obj.staff, by=request.user, **data)
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.delete_leave(leave=obj, by=request.user)
