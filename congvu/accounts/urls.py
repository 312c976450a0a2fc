from django.urls import path

from congvu.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
]
