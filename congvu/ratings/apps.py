from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "congvu.ratings"
    label = "ratings"
    verbose_name = _("Đánh giá sự hài lòng")
