from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congvu.feedback.models import AnswerTemplate, ApiKey, DeadlineRule, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_active", "order")
    prepopulated_fields = {"code": ("name",)}


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = (
        "topic",
        "unit",
        "forward_days",
        "answer_days",
        "extension_max_days",
        "remind_days",
        "default_handler",
    )
    autocomplete_fields = ("unit",)


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "topic", "for_complaints")


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """System admins issue keys here; the key is shown once, right after it is created."""

    list_display = ("name", "prefix", "requests_per_minute", "created_at", "revoked_at")
    readonly_fields = ("prefix", "created_at", "revoked_at")
    filter_horizontal = ("units",)
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):
        if not change:
            raw = obj.issue()
            messages.warning(request, _("Khóa mới (chỉ hiển thị một lần): %(key)s") % {"key": raw})
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Thu hồi các khóa đã chọn"))
    def revoke(self, request, queryset):
        for key in queryset.filter(revoked_at__isnull=True):
            key.revoked_at = timezone.now()
            key.save()
