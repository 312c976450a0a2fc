from django.contrib import admin
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from congvu.core import workdays
from congvu.core.edge import MAX_YEAR, MIN_YEAR, ascii_id
from congvu.core.models import AuditEvent, CalendarOverride


class YearFilter(admin.SimpleListFilter):
    title = _("năm")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = CalendarOverride.objects.dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        year = ascii_id(value)
        if year is not None and MIN_YEAR <= year <= MAX_YEAR:
            return queryset.filter(date__year=year)
        return queryset


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    """The calendar's rows; saves and deletes go through the workdays services, which check
    LICH-HOANDOI-CONGCHUC and write the audit log."""

    list_display = ["date", "weekday", "kind", "is_working_day", "name", "source_document", "shipped"]
    list_filter = [YearFilter, "kind", "shipped", "is_working_day"]
    search_fields = ["name", "source_document"]
    date_hierarchy = "date"
    readonly_fields = ["shipped"]
    fields = ["date", "kind", "is_working_day", "name", "source_document", "shipped"]

    @admin.display(description=_("thứ"))
    def weekday(self, obj):
        return formats.date_format(obj.date, "l")

    def save_model(self, request, obj, form, change):
        workdays.save_override(override=obj, by=request.user)

    def delete_model(self, request, obj):
        workdays.delete_override(override=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for override in queryset:
            workdays.delete_override(override=override, by=request.user)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log can be browsed and filtered, never edited or deleted."""

    list_display = ["at", "by_name", "ip_address", "action", "object_type", "object_repr"]
    list_filter = ["action", "object_type"]
    search_fields = ["by_name", "object_repr", "object_id", "note"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
