from django.contrib import admin

from congvu.appraisals.models import Cycle, Evaluation, RuleSet, UnitCycle


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "year_from",
        "year_to",
        "uses_points",
        "excellent_quota_percent",
        "outstanding_unit_quota_percent",
        "quota_base",
    ]
    # A rule set is the law of its years: its shares, bands, forced levels and minimum months are read
    # only here (a new decree comes as a data migration). What the law leaves to the province or the
    # agency stays editable: the base of the share on "excellent" (48/2023 ties it to the Party's
    # ratio), the scoring period (monthly or quarterly, 335/2025), the completion date and notes.
    EDITABLE = ("quota_base", "quota_basis", "scoring_period", "deadline_month", "deadline_day", "notes")

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in RuleSet._meta.fields if field.name not in self.EDITABLE]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ["year", "scope_unit", "status", "deadline"]
    autocomplete_fields = ["scope_unit"]


@admin.register(UnitCycle)
class UnitCycleAdmin(admin.ModelAdmin):
    list_display = ["cycle", "unit", "status", "outstanding_unit", "outstanding_decision_number"]
    raw_id_fields = ["cycle", "unit"]
    # Publication (which checks the ceiling on "excellent") and the recognition as an outstanding unit
    # (which lifts it) are steps with their checks and events: the admin shows them, never sets them.
    readonly_fields = [
        "status",
        "published_at",
        "outstanding_unit",
        "outstanding_decision_number",
        "outstanding_decision_date",
        "outstanding_recorded_by",
        "outstanding_recorded_at",
    ]

    def has_add_permission(self, request):
        return False  # unit cycles are created by opening a cycle


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["staff", "year", "unit", "category", "status", "level", "is_current"]
    list_filter = ["year", "status", "level", "category"]
    raw_id_fields = ["staff", "unit", "previous_unit", "unit_cycle", "supersedes", "position"]
    search_fields = ["staff__full_name", "staff__badge_number"]

    # Levels are written only by the cycle's steps, the correction and the import, each through the
    # level check (congvu.appraisals.level_rules): the admin reads evaluations and never writes them,
    # neither a new one, nor a change, nor a delete (which would shrink a published group's base).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
