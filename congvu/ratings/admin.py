from django.contrib import admin

from congvu.ratings.models import Choice, Counter, KioskDevice, PaperForm, Question, RosterEntry


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("form", "order", "text", "element", "is_overall")
    list_filter = ("form", "element")
    inlines = [ChoiceInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(PaperForm)
class PaperFormAdmin(admin.ModelAdmin):
    list_display = ("title", "code", "version", "valid_from", "is_active")
    inlines = [QuestionInline]
    actions = ["make_new_version"]

    @admin.action(description="Tạo phiên bản mới (sao chép câu hỏi)")
    def make_new_version(self, request, queryset):
        from congvu.ratings.services import new_form_version

        for form in queryset:
            new_form_version(form=form)


@admin.register(Counter)
class CounterAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "is_active")
    search_fields = ("code", "name")


@admin.register(RosterEntry)
class RosterEntryAdmin(admin.ModelAdmin):
    list_display = ("counter", "date", "session", "staff")
    list_filter = ("session",)


@admin.register(KioskDevice)
class KioskDeviceAdmin(admin.ModelAdmin):
    list_display = ("name", "counter", "token_prefix", "paired_at", "last_seen_at", "revoked_at")
    readonly_fields = ("token_prefix", "paired_at", "last_seen_at")
    exclude = ("token_hash",)
