from django.urls import path

from congvu.accounts import views, views_audit, views_home, views_rulebook

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("quan-ly/", views_home.staff_home, name="staff_home"),
    path("quan-ly/nhat-ky/", views_audit.audit_log, name="audit_log"),
    path("quan-ly/quy-tac/", views_rulebook.rulebook, name="rulebook"),
    path("quan-ly/thong-bao/", views_home.notifications, name="notifications"),
]
