"""Keeps the session's last-seen time, and sends an official who must use a second factor, and has not passed it in this session, to it.

Staff pages (/quan-ly/) and the admin site redirect to the enrolment page (no device yet) or to the
code step; everywhere else (the API, public pages) such a session counts as not logged in, so it can
do nothing a logged-in official could. Must come after django-otp's OTPMiddleware."""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from congvu.accounts import second_factor, sessions

REDIRECTED_PREFIXES = ("/quan-ly/", "/admin/")


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        sessions.touch(request)
        if second_factor.is_verified(user) or not second_factor.is_required(user):
            return self.get_response(request)
        enrolment = reverse("accounts:two_factor")
        if request.path in (enrolment, reverse("accounts:logout")):
            return self.get_response(request)
        if request.path.startswith(REDIRECTED_PREFIXES):
            return redirect(enrolment)
        request.user = AnonymousUser()
        return self.get_response(request)
