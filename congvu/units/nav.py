"""The units app's menu entries, portal links and home-page cards (loaded by congvu.core.nav)."""

from django.utils.translation import gettext_lazy as _

from congvu.core import nav

nav.add_public_link(
    nav.PublicLink(
        _("Danh bạ cơ quan, đơn vị"),
        "units:directory",
        _("Địa chỉ, đường dây nóng, thư điện tử và trang web của từng đơn vị."),
        order=10,
    )
)
