from django.contrib import admin

from congvu.regulations.models import WorkingRegulation


@admin.register(WorkingRegulation)
class WorkingRegulationAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "unit", "kind", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["search_folded", "number"]
    raw_id_fields = ["unit", "amends", "replaces", "created_by"]
