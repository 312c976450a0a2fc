from django.contrib import admin

from congvu.core.uploads import CHECKED_UPLOADS
from congvu.regulations.models import WorkingRegulation


@admin.register(WorkingRegulation)
class WorkingRegulationAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "unit", "kind", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["search_folded", "number"]
    raw_id_fields = ["unit", "amends", "replaces", "created_by"]
    formfield_overrides = CHECKED_UPLOADS  # the same file checks as the pages
