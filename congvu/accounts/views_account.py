"""The official's own account: password, second factor and sessions (self-service, any official)."""

from django.shortcuts import render

from congvu.accounts.decorators import login_required_page


@login_required_page
def account(request):
    return render(request, "accounts/account.html", {})
