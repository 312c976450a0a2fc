from django.contrib import admin

from congvu.units.models import Unit, UnitSuccession


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_type", "parent", "valid_from", "valid_to", "hotline"]
    list_filter = ["unit_type"]
    search_fields = ["code", "name", "name_folded"]
    autocomplete_fields = ["parent"]
    inlines = [SuccessionInline]
