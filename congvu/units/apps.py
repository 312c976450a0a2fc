from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "congvu.units"
    label = "units"
    verbose_name = _("Đơn vị")

    def ready(self):
        from congvu.core import nav

        nav.add_public_link(
            nav.PublicLink(
                _("Danh bạ cơ quan, đơn vị"),
                "units:directory",
                _("Địa chỉ, đường dây nóng, thư điện tử và trang web của từng đơn vị."),
                order=10,
            )
        )
