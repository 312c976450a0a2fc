from django.urls import path

from congvu.regulations import views

app_name = "regulations"
urlpatterns = [
    path("quan-ly/quy-che/", views.regulation_list, name="regulation_list"),
    path("quan-ly/quy-che/xuat-excel/", views.regulation_export, name="regulation_export"),
    path("quan-ly/quy-che/them/", views.regulation_new, name="regulation_new"),
    path("quan-ly/quy-che/don-vi/<int:unit_pk>/", views.regulation_unit, name="regulation_unit"),
    path("quan-ly/quy-che/<int:pk>/", views.regulation_detail, name="regulation_detail"),
    path("quan-ly/quy-che/<int:pk>/tep/", views.regulation_file, name="regulation_file"),
    path("quan-ly/quy-che/<int:pk>/bai-bo/", views.regulation_end, name="regulation_end"),
]
