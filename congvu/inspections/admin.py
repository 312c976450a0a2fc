from django.contrib import admin

from congvu.inspections.models import (
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    InspectionPlan,
    Round,
    TeamMember,
    TemplateVersion,
    Visit,
)


@admin.register(InspectionPlan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "unit", "decision_number", "decision_date"]
    list_filter = ["year"]
    search_fields = ["title", "decision_number"]


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "unit", "start_date", "end_date", "announced"]
    list_filter = ["announced"]
    inlines = [TeamMemberInline]
    raw_id_fields = ["plan", "unit", "template_version"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["unit", "date", "round", "status"]
    list_filter = ["status"]
    raw_id_fields = ["round", "unit", "template_version", "recorded_by", "closed_by"]


class ItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0


@admin.register(ChecklistSection)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "order"]
    inlines = [ItemInline]


@admin.register(TemplateVersion)
class VersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "published_at"]


@admin.register(ChecklistTemplate)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
