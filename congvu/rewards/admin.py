from django.contrib import admin

from congvu.rewards.models import Reward, RewardTitle


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
