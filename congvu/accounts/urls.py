from django.urls import path

from congvu.accounts import views, views_account, views_audit, views_home, views_rulebook

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-nhap/xac-thuc/", views.login_verify, name="login_verify"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("dang-nhap/quen-mat-khau/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "dang-nhap/quen-mat-khau/da-gui/", views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "dang-nhap/dat-lai/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dang-nhap/dat-lai/xong/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path("quan-ly/", views_home.staff_home, name="staff_home"),
    path("quan-ly/nhat-ky/", views_audit.audit_log, name="audit_log"),
    path("quan-ly/quy-tac/", views_rulebook.rulebook, name="rulebook"),
    path("quan-ly/thong-bao/", views_home.notifications, name="notifications"),
    path("quan-ly/tai-khoan/", views_account.account, name="account"),
    path("quan-ly/tai-khoan/mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("quan-ly/tai-khoan/phien/", views_account.my_sessions, name="sessions"),
    path("quan-ly/tai-khoan/xac-thuc-hai-buoc/", views_account.two_factor, name="two_factor"),
]
