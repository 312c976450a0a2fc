from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from congvu.api import api
from congvu.core import views as core_views
from congvu.core.plugins import app_modules

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
]

# Each app adds its pages by shipping a urls.py (with its own app_name), in INSTALLED_APPS order.
urlpatterns += [path("", include(module)) for module in app_modules("urls")]
