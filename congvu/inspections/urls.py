from django.urls import path

from congvu.inspections import views

app_name = "inspections"
P = "quan-ly/kiem-tra/"
urlpatterns = [
    path(P, views.index, name="index"),
    path(P + "ke-hoach/moi/", views.plan_create, name="plan_create"),
    path(P + "ke-hoach/<int:pk>/", views.plan_detail, name="plan_detail"),
    path(P + "ke-hoach/<int:pk>/dot-moi/", views.round_create, name="round_create"),
    path(P + "dot/<int:pk>/", views.round_detail, name="round_detail"),
    path(P + "dot/<int:pk>/thanh-vien/", views.member_add, name="member_add"),
    path(P + "dot/<int:pk>/thanh-vien/<int:member_pk>/xoa/", views.member_remove, name="member_remove"),
    path(P + "dot/<int:pk>/luot-moi/", views.visit_schedule, name="visit_schedule"),
    path(P + "dot/<int:pk>/bao-cao.docx", views.round_report, name="round_report"),
    path(P + "luot/", views.visit_list, name="visit_list"),
    path(P + "luot/so-theo-doi.xlsx", views.visit_register, name="visit_register"),
    path(P + "luot/<int:pk>/", views.visit_detail, name="visit_detail"),
    path(P + "luot/<int:pk>/ghi-nhan/", views.visit_record, name="visit_record"),
    path(P + "luot/<int:pk>/can-bo/", views.visit_officials, name="visit_officials"),
    path(P + "luot/<int:pk>/anh/", views.visit_photo, name="visit_photo"),
    path(P + "luot/<int:pk>/gui/", views.visit_submit, name="visit_submit"),
    path(P + "luot/<int:pk>/ket-thuc/", views.visit_close, name="visit_close"),
    path(P + "luot/<int:pk>/tra-lai/", views.visit_return, name="visit_return"),
    path(P + "luot/<int:pk>/huy/", views.visit_cancel, name="visit_cancel"),
    path(P + "luot/<int:pk>/bien-ban.docx", views.visit_minutes, name="visit_minutes"),
    path(P + "anh/<int:pk>/", views.photo, name="photo"),
    path(P + "phat-hien/", views.finding_list, name="finding_list"),
    path(P + "phat-hien/<int:pk>/", views.finding_detail, name="finding_detail"),
    path(P + "khac-phuc/", views.task_list, name="task_list"),
    path(P + "khac-phuc/<int:pk>/", views.task_detail, name="task_detail"),
    path(P + "khac-phuc/<int:pk>/nghiem-thu/", views.task_review, name="task_review"),
    path(P + "minh-chung/<int:pk>/", views.evidence_file, name="evidence_file"),
    path(P + "bo-tieu-chi/", views.template_list, name="template_list"),
    path(P + "bo-tieu-chi/<int:pk>/phien-ban-moi/", views.template_new_version, name="template_new_version"),
    path(P + "bo-tieu-chi/phien-ban/<int:pk>/", views.version_detail, name="version_detail"),
]
