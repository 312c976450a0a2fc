from django.urls import path, re_path

from congvu.feedback import open311, views, views_public

app_name = "feedback"
FMT = r"(?P<fmt>json|xml)"
urlpatterns = [
    # Public.
    path("gui-phan-anh/", views_public.submit, name="submit"),
    path("gui-phan-anh/da-gui/", views_public.submitted, name="submitted"),
    path("tra-cuu/", views_public.track, name="track"),
    path("tra-cuu/<str:code>/", views_public.track_code, name="track_code"),
    path("tra-cuu/<str:code>/danh-gia/", views_public.rate, name="rate"),
    path("phan-anh-da-tra-loi/", views_public.published_list, name="published_list"),
    path("phan-anh-da-tra-loi/<int:pk>/", views_public.published_detail, name="published_detail"),
    # Open311 GeoReport v2.
    re_path(rf"^open311/v2/discovery\.{FMT}$", open311.discovery, name="open311_discovery"),
    re_path(rf"^open311/v2/services\.{FMT}$", open311.service_list, name="open311_services"),
    re_path(
        rf"^open311/v2/services/(?P<code>[-\w]+)\.{FMT}$", open311.service_definition, name="open311_service"
    ),
    re_path(rf"^open311/v2/requests\.{FMT}$", open311.requests_view, name="open311_requests"),
    re_path(rf"^open311/v2/requests/(?P<pk>[-\w]+)\.{FMT}$", open311.request_detail, name="open311_request"),
    re_path(rf"^open311/v2/tokens/(?P<token>[-\w]+)\.{FMT}$", open311.token_detail, name="open311_token"),
    # Staff.
    path("quan-ly/phan-anh/", views.inbox, name="inbox"),
    path("quan-ly/phan-anh/tiep-nhan/", views.intake, name="intake"),
    path("quan-ly/phan-anh/tuong-tu/", views.similar, name="similar"),
    path("quan-ly/phan-anh/hom-thu/", views.openings, name="openings"),
    path("quan-ly/phan-anh/hom-thu/<int:pk>/", views.opening_detail, name="opening_detail"),
    path("quan-ly/phan-anh/phan-cong/", views.bulk_assign, name="bulk_assign"),
    path("quan-ly/phan-anh/so-tiep-nhan/", views.register, name="register"),
    path("quan-ly/phan-anh/so-tiep-nhan/xlsx/", views.register_export, name="register_export"),
    path("quan-ly/phan-anh/tep/<int:pk>/", views.attachment, name="attachment"),
    path("quan-ly/phan-anh/<int:pk>/", views.case_detail, name="case_detail"),
    path("quan-ly/phan-anh/<int:pk>/in/", views.case_print, name="case_print"),
    path("quan-ly/phan-anh/<int:pk>/cong-khai/", views.case_publish, name="case_publish"),
    path("quan-ly/phan-anh/<int:pk>/van-ban-tra-loi/", views.answer_letter, name="answer_letter"),
    path("quan-ly/phan-anh/<int:pk>/thao-tac/<slug:slug>/", views.case_action, name="case_action"),
]
