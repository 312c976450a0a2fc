from django.contrib import admin

from congvu.appraisals.models import Cycle, Evaluation, RuleSet, UnitCycle


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "year_from", "year_to", "uses_points", "excellent_quota_percent"]


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["year", "scope_unit", "status", "deadline"]
    autocomplete_fields = ["scope_unit"]


@admin.register(UnitCycle)
class UnitCycleAdmin(admin.ModelAdmin):
    list_display = ["cycle", "unit", "status", "outstanding_unit"]
    raw_id_fields = ["cycle", "unit"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["staff", "year", "unit", "category", "status", "level", "is_current"]
    list_filter = ["year", "status", "level", "category"]
    raw_id_fields = ["staff", "unit", "previous_unit", "unit_cycle", "supersedes", "position"]
    search_fields = ["staff__full_name", "staff__badge_number"]

    def has_change_permission(self, request, obj=None):
        # Decided evaluations are locked; corrections go through the correction step.
        return False
