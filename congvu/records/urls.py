from django.urls import path

from congvu.records import views

app_name = "records"
urlpatterns = [
    path("quan-ly/khen-thuong-ky-luat-cua-toi/", views.my_records, name="my_records"),
    path("quan-ly/khen-thuong/", views.reward_list, name="reward_list"),
    path("quan-ly/khen-thuong/xuat-excel/", views.reward_export, name="reward_export"),
    path("quan-ly/khen-thuong/de-nghi/", views.reward_new, name="reward_new"),
    path("quan-ly/khen-thuong/quyet-dinh-chung/", views.reward_decide_many, name="reward_decide_many"),
    path("quan-ly/khen-thuong/<int:pk>/", views.reward_detail, name="reward_detail"),
    path("quan-ly/khen-thuong/<int:pk>/quyet-dinh/", views.reward_decide, name="reward_decide"),
    path("quan-ly/ky-luat/", views.discipline_list, name="discipline_list"),
    path("quan-ly/ky-luat/xuat-excel/", views.discipline_export, name="discipline_export"),
    path("quan-ly/ky-luat/mo-ho-so/", views.discipline_new, name="discipline_new"),
    path("quan-ly/ky-luat/<int:pk>/", views.discipline_detail, name="discipline_detail"),
    path("quan-ly/ky-luat/<int:pk>/hop-kiem-diem/", views.discipline_meeting, name="discipline_meeting"),
    path("quan-ly/ky-luat/<int:pk>/quyet-dinh/", views.discipline_decide, name="discipline_decide"),
    path("quan-ly/ky-luat/<int:pk>/khong-ky-luat/", views.discipline_dismiss, name="discipline_dismiss"),
    path("quan-ly/quy-che/", views.regulation_list, name="regulation_list"),
    path("quan-ly/quy-che/xuat-excel/", views.regulation_export, name="regulation_export"),
    path("quan-ly/quy-che/them/", views.regulation_new, name="regulation_new"),
    path("quan-ly/quy-che/don-vi/<int:unit_pk>/", views.regulation_unit, name="regulation_unit"),
    path("quan-ly/quy-che/<int:pk>/", views.regulation_detail, name="regulation_detail"),
    path("quan-ly/quy-che/<int:pk>/tep/", views.regulation_file, name="regulation_file"),
    path("quan-ly/quy-che/<int:pk>/bai-bo/", views.regulation_end, name="regulation_end"),
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
