from django.contrib.auth import views as auth_views

from congvu.accounts.forms import ThrottledLoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledLoginForm
    redirect_authenticated_user = True


logout_view = auth_views.LogoutView.as_view()
