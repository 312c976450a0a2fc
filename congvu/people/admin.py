from django.contrib import admin

from congvu.people.models import Position, Staff, Transfer


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


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name", "is_manager"]
    search_fields = ["name"]
