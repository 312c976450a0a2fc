from django.urls import path

from congvu.appraisals import views

app_name = "appraisals"
P = "quan-ly/danh-gia-xep-loai/"
ME = "quan-ly/danh-gia-cua-toi/"
urlpatterns = [
    path(P, views.cycle_list, name="cycle_list"),
    path(P + "don-vi/<int:pk>/", views.unit_cycle_detail, name="unit_cycle"),
    path(P + "don-vi/<int:pk>/hop/", views.unit_cycle_meeting, name="unit_cycle_meeting"),
    path(P + "don-vi/<int:pk>/cong-khai/", views.unit_cycle_publish, name="unit_cycle_publish"),
    path(P + "don-vi/<int:pk>/tieu-bieu/", views.unit_cycle_outstanding, name="unit_cycle_outstanding"),
    path(P + "phieu/<int:pk>/", views.evaluation_detail, name="evaluation"),
    path(P + "phieu/<int:pk>/tu-danh-gia/", views.evaluation_step, {"step": "self"}, name="evaluation_self"),
    path(P + "phieu/<int:pk>/hop/", views.evaluation_step, {"step": "meeting"}, name="evaluation_meeting"),
    path(
        P + "phieu/<int:pk>/de-xuat/", views.evaluation_step, {"step": "propose"}, name="evaluation_propose"
    ),
    path(
        P + "phieu/<int:pk>/quyet-dinh/", views.evaluation_step, {"step": "decide"}, name="evaluation_decide"
    ),
    path(
        P + "phieu/<int:pk>/dinh-chinh/",
        views.evaluation_step,
        {"step": "correct"},
        name="evaluation_correct",
    ),
    path(
        P + "phieu/<int:pk>/khieu-nai/",
        views.evaluation_step,
        {"step": "complaint"},
        name="evaluation_complaint",
    ),
    path(
        P + "phieu/<int:pk>/suy-thoai/", views.evaluation_step, {"step": "ethics"}, name="evaluation_ethics"
    ),
    path(P + "phieu/<int:pk>/thong-bao.docx", views.evaluation_notice, name="evaluation_notice"),
    path(P + "ket-qua/", views.results, name="results"),
    path(P + "ket-qua/danh-sach/", views.results_people, name="results_people"),
    path(P + "nhap-excel/", views.import_results, name="import"),
    path(P + "nhap-excel/mau/", views.import_template, name="import_template"),
    path(ME, views.my_evaluations, name="my_evaluations"),
    path(ME + "<int:pk>/", views.my_evaluation, name="my_evaluation"),
    path(ME + "<int:pk>/thong-bao.docx", views.my_notice, name="my_notice"),
    path(ME + "cong-khai/<int:pk>/", views.published_results, name="published"),
]
