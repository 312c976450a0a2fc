from django.contrib import admin

from congvu.records.models import (
    Directive,
    DirectiveTask,
    DisciplineCase,
    Reward,
    RewardTitle,
    TaskAssignment,
    WorkingRegulation,
)


@admin.register(RewardTitle)
class RewardTitleAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "recipient", "default_deciding_body", "is_active", "sort_order"]
    list_filter = ["recipient", "is_active"]
    search_fields = ["name", "code"]


@admin.register(Reward)
class RewardAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "staff", "collective", "unit", "status", "decision_number"]
    list_filter = ["status", "year", "title"]
    search_fields = ["search_folded", "decision_number"]
    raw_id_fields = ["unit", "staff", "collective", "proposed_by", "decided_by"]


@admin.register(DisciplineCase)
class DisciplineCaseAdmin(admin.ModelAdmin):
    list_display = ["staff", "unit", "origin", "status", "form", "decision_date"]
    list_filter = ["status", "form", "origin"]
    raw_id_fields = ["staff", "unit", "opened_by"]


@admin.register(WorkingRegulation)
class WorkingRegulationAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "unit", "kind", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["search_folded", "number"]
    raw_id_fields = ["unit", "amends", "replaces", "created_by"]


class TaskInline(admin.TabularInline):
    model = DirectiveTask
    extra = 0


@admin.register(Directive)
class DirectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "issued_on", "issuing_body", "title", "unit"]
    search_fields = ["search_folded", "number"]
    raw_id_fields = ["unit", "created_by"]
    inlines = [TaskInline]


@admin.register(TaskAssignment)
class TaskAssignmentAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "deadline", "status", "completed_on"]
    list_filter = ["status"]
    raw_id_fields = ["task", "unit"]
