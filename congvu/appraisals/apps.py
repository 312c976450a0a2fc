from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppraisalsConfig(AppConfig):
    name = "congvu.appraisals"
    label = "appraisals"
    verbose_name = _("Đánh giá, xếp loại")
