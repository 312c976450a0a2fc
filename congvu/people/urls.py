from django.urls import path

from congvu.people import views

app_name = "people"
urlpatterns = [
    path("quan-ly/can-bo/", views.staff_list, name="staff_list"),
    path("quan-ly/can-bo/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("quan-ly/can-bo/<int:pk>/anh/", views.staff_photo, name="staff_photo"),
    path("quan-ly/can-bo/<int:pk>/dieu-dong/", views.staff_transfer, name="staff_transfer"),
    path("quan-ly/can-bo/<int:pk>/nghi/them/", views.leave_add, name="leave_add"),
    path("quan-ly/can-bo/nghi/<int:pk>/sua/", views.leave_edit, name="leave_edit"),
    path("quan-ly/can-bo/nghi/<int:pk>/xoa/", views.leave_delete, name="leave_delete"),
    path("quan-ly/can-bo/nghi/nhap-excel/", views.leave_import, name="leave_import"),
    path("quan-ly/can-bo/nghi/nhap-excel/mau/", views.leave_import_template, name="leave_import_template"),
    path("quan-ly/can-bo/xuat-excel/", views.staff_export, name="staff_export"),
    path("quan-ly/can-bo/nhap-excel/", views.staff_import, name="staff_import"),
    path("quan-ly/can-bo/nhap-excel/mau/", views.staff_import_template, name="staff_import_template"),
]
