from django.urls import path

from congvu.rewards import views

app_name = "rewards"
urlpatterns = [
    path("quan-ly/khen-thuong-ky-luat-cua-toi/", views.my_records, name="my_records"),
    path("quan-ly/khen-thuong/", views.reward_list, name="reward_list"),
    path("quan-ly/khen-thuong/xuat-excel/", views.reward_export, name="reward_export"),
    path("quan-ly/khen-thuong/de-nghi/", views.reward_new, name="reward_new"),
    path("quan-ly/khen-thuong/quyet-dinh-chung/", views.reward_decide_many, name="reward_decide_many"),
    path("quan-ly/khen-thuong/<int:pk>/", views.reward_detail, name="reward_detail"),
    path("quan-ly/khen-thuong/<int:pk>/quyet-dinh/", views.reward_decide, name="reward_decide"),
]
