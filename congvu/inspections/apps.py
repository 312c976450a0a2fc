from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "congvu.inspections"
    label = "inspections"
    verbose_name = _("Kiểm tra kỷ luật, kỷ cương hành chính")
