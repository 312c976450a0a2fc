from django.contrib import admin

from congvu.core.uploads import CHECKED_UPLOADS
from congvu.plans.models import Directive, DirectiveTask, TaskAssignment


class TaskInline(admin.TabularInline):
    model = DirectiveTask
    extra = 0


@admin.register(Directive)
class DirectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "issued_on", "issuing_body", "title", "unit"]
    search_fields = ["search_folded", "number"]
    raw_id_fields = ["unit", "created_by"]
    inlines = [TaskInline]
    formfield_overrides = CHECKED_UPLOADS  # the same file checks as the pages


@admin.register(TaskAssignment)
class TaskAssignmentAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "deadline", "status", "completed_on"]
    list_filter = ["status"]
    raw_id_fields = ["task", "unit"]
