from django.urls import path

from congvu.discipline import views

app_name = "discipline"
urlpatterns = [
    path("quan-ly/ky-luat/", views.discipline_list, name="discipline_list"),
    path("quan-ly/ky-luat/xuat-excel/", views.discipline_export, name="discipline_export"),
    path("quan-ly/ky-luat/mo-ho-so/", views.discipline_new, name="discipline_new"),
    path("quan-ly/ky-luat/<int:pk>/", views.discipline_detail, name="discipline_detail"),
    path("quan-ly/ky-luat/<int:pk>/hop-kiem-diem/", views.discipline_meeting, name="discipline_meeting"),
    path("quan-ly/ky-luat/<int:pk>/quyet-dinh/", views.discipline_decide, name="discipline_decide"),
    path("quan-ly/ky-luat/<int:pk>/khong-ky-luat/", views.discipline_dismiss, name="discipline_dismiss"),
]
