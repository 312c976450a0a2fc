from django.contrib import admin

from congvu.discipline.models import DisciplineCase


@admin.register(DisciplineCase)
class DisciplineCaseAdmin(admin.ModelAdmin):
    list_display = ["staff", "unit", "origin", "status", "form", "decision_date"]
    list_filter = ["status", "form", "origin"]
    raw_id_fields = ["staff", "unit", "opened_by"]
