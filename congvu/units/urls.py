from django.urls import path

from congvu.units import views

app_name = "units"
urlpatterns = [
    path("don-vi/", views.directory, name="directory"),
]
