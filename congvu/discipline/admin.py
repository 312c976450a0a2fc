from django.contrib import admin

from congvu.discipline.models import DisciplineCase


@admin.register(DisciplineCase)
class DisciplineCaseAdmin(admin.ModelAdmin):
    list_display = ["staff", "unit", "origin", "status", "form", "in_official_duty", "decision_date"]
    list_filter = ["status", "form", "origin", "in_official_duty"]
    raw_id_fields = ["staff", "unit", "opened_by"]
