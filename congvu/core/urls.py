from django.urls import path

from congvu.core import views, views_audit

app_name = "core"
urlpatterns = [
    path("", views.portal_home, name="portal_home"),
    path("quan-ly/", views.staff_home, name="staff_home"),
    path("quan-ly/nhat-ky/", views_audit.audit_log, name="audit_log"),
    path("quan-ly/thong-bao/", views.notifications, name="notifications"),
]
