from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from congvu.api import api
from congvu.core import views as core_views

handler400 = "congvu.core.views.bad_request"
handler403 = "congvu.core.views.permission_denied"
handler404 = "congvu.core.views.page_not_found"
handler500 = "congvu.core.views.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("congvu.core.urls")),
    path("", include("congvu.accounts.urls")),
    path("", include("congvu.units.urls")),
    path("", include("congvu.people.urls")),
]

# Each domain app adds its pages by shipping a urls.py; the list stays stable as apps land.
for app in ("feedback", "ratings", "inspections", "appraisals", "records", "reports"):
    try:
        urlpatterns.append(path("", include(f"congvu.{app}.urls")))
    except ModuleNotFoundError as error:
        if error.name != f"congvu.{app}.urls":
            raise
