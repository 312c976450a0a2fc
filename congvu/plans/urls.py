from django.urls import path

from congvu.plans import views

app_name = "plans"
urlpatterns = [
    path("quan-ly/ke-hoach/", views.directive_list, name="directive_list"),
    path("quan-ly/ke-hoach/them/", views.directive_new, name="directive_new"),
    path("quan-ly/ke-hoach/<int:pk>/", views.directive_detail, name="directive_detail"),
    path("quan-ly/ke-hoach/<int:pk>/tep/", views.directive_file, name="directive_file"),
    path("quan-ly/ke-hoach/<int:pk>/giao-nhiem-vu/", views.task_add, name="task_add"),
    path("quan-ly/nhiem-vu/", views.assignment_list, name="assignment_list"),
    path("quan-ly/nhiem-vu/xuat-excel/", views.assignment_export, name="assignment_export"),
    path("quan-ly/nhiem-vu/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("quan-ly/nhiem-vu/<int:pk>/bao-cao/", views.assignment_report, name="assignment_report"),
    path("quan-ly/nhiem-vu/<int:pk>/nghiem-thu/", views.assignment_review, name="assignment_review"),
    path("quan-ly/nhiem-vu/bao-cao/<int:pk>/tep/", views.report_evidence, name="report_evidence"),
]
