from django.urls import path

from congvu.ratings import views

app_name = "ratings"
urlpatterns = [
    path("quan-ly/hai-long/", views.results, name="results"),
    path("quan-ly/hai-long/cua-toi/", views.my_results, name="my_results"),
    path("quan-ly/hai-long/y-kien/<int:pk>/an/", views.hide_comment, name="hide_comment"),
    path("quan-ly/hai-long/quay/", views.counters, name="counters"),
    path("quan-ly/hai-long/quay/<int:pk>/", views.counter_detail, name="counter_detail"),
    path("quan-ly/hai-long/quay/<int:pk>/ghep-noi/", views.pair_device, name="pair_device"),
    path("quan-ly/hai-long/thiet-bi/<int:pk>/thu-hoi/", views.revoke_device, name="revoke_device"),
    path("quan-ly/hai-long/the/", views.cards_index, name="cards"),
    path("quan-ly/hai-long/the/can-bo/<int:pk>.pdf", views.card_staff, name="card_staff"),
    path("quan-ly/hai-long/the/quay/<int:pk>.pdf", views.card_counter, name="card_counter"),
    path("quan-ly/hai-long/the/don-vi/<int:pk>.pdf", views.card_unit, name="card_unit"),
    path("quan-ly/hai-long/phieu/", views.batches, name="batches"),
    path("quan-ly/hai-long/phieu/<int:pk>/", views.paper_entry, name="paper_entry"),
    path("quan-ly/hai-long/mau-phieu/", views.paper_forms, name="paper_forms"),
    path("quan-ly/hai-long/mau-phieu/<int:pk>/", views.paper_form_edit, name="paper_form_edit"),
    path("kiosk/sw.js", views.kiosk_service_worker, name="kiosk_sw"),
    path("kiosk/<str:code>/", views.kiosk, name="kiosk"),
    path("kiosk/<str:code>/trang-thai/", views.kiosk_state, name="kiosk_state"),
    path("kiosk/<str:code>/anh/", views.kiosk_photo, name="kiosk_photo"),
    path("danh-gia/<str:code>/", views.rate, name="rate"),
]
