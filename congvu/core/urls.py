from django.urls import path

from congvu.core import views

app_name = "core"
urlpatterns = [
    path("", views.portal_home, name="portal_home"),
]
