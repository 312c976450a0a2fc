from django.urls import path

from congvu.reports import views

app_name = "reports"
urlpatterns = [
    path("quan-ly/bao-cao/", views.dashboard, name="dashboard"),
    path("quan-ly/bao-cao/ban-in/", views.print_view, name="print"),
    path("quan-ly/bao-cao/chi-tieu/", views.catalogue, name="catalogue"),
    path("quan-ly/bao-cao/chi-tieu/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path("quan-ly/bao-cao/xuat-excel/", views.export_xlsx, name="export_xlsx"),
    path("quan-ly/bao-cao/bao-cao-nam/", views.export_docx, name="export_docx"),
    path("cong-khai/", views.public_index, name="public_index"),
    path("cong-khai/<str:code>/<int:year>/", views.public_unit, name="public_unit"),
]
