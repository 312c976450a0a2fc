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
from django.shortcuts import render

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


def spreadsheet_import(request, form, run, *, template: str, columns, refusal: type[Exception]):
    """The page of an .xlsx import. A valid upload goes to `run(file)`, which returns the report of its
    rows (saved, refused with their row numbers) or raises `refusal` when the file as a whole cannot be
    read; the page shows the form with the one or the other and the expected `columns`."""
    report, file_error = None, None
    posted = request.method == "POST"
    if posted and form.is_valid():
        try:
            report = run(form.cleaned_data["file"])
        except refusal as error:
            file_error = str(error)
    refused = posted and (not form.is_valid() or file_error or _nothing_saved(report))
    return render(
        request,
        template,
        {"form": form, "report": report, "file_error": file_error, "columns": columns},
        status=400 if refused else 200,
    )


def _nothing_saved(report) -> bool:
    """A report of refused rows with no row saved: the upload as a whole was bad input."""
    if report is None or not getattr(report, "errors", None):
        return False
    return not (getattr(report, "created", 0) or getattr(report, "updated", 0))
