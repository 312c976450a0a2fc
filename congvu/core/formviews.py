"""The one form-view pattern: parse a bound form, call one service, show its refusal on the form.

    form = PlanForm(request.POST or None)
    plan = submit(request, form, lambda data: services.create_plan(by=request.user, **data),
                  success=_("Đã tạo kế hoạch kiểm tra."))
    if plan is not None:
        return redirect("inspections:plan_detail", pk=plan.pk)
    return render(request, "inspections/plan_form.html", {"form": form})

The service is the only writer and says no with a ValidationError; its messages land on the form's
fields (or at the top), so the page reloads with the user's input kept and nothing half-written.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError

from congvu.core.forms import apply_errors

NOT_SUBMITTED = None


def submit(request, form, action: Callable[[dict], object], *, success=None):
    """Run `action(form.cleaned_data)` for a valid POSTed form; its result, or None when the form was
    not posted, not valid, or refused by the service (the errors are then on the form)."""
    if request.method != "POST" or not form.is_valid():
        return NOT_SUBMITTED
    try:
        result = action(form.cleaned_data)
    except ValidationError as error:
        apply_errors(form, error)
        return NOT_SUBMITTED
    if success:
        messages.success(request, success)
    return True if result is None else result
