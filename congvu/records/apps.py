from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "congvu.records"
    label = "records"
    verbose_name = _("Khen thưởng, kỷ luật, quy chế, kế hoạch")
