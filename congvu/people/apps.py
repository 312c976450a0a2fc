from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "congvu.people"
    label = "people"
    verbose_name = _("Cán bộ, công chức, viên chức")
