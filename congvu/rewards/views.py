"""Staff pages of rewards (who may do what: congvu.rewards.roles) and the self-service page of a
person's own rewards and discipline. Views parse input, call one service or selector and render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congvu.accounts.decorators import login_required_page, staff_required
from congvu.accounts.scope import get_scoped_or_404, has_role, scoped_units, unit_in_scope
from congvu.core.edge import ascii_id
from congvu.core.forms import filters_of
from congvu.core.formviews import submit
from congvu.core.pagination import paginate
from congvu.core.spreadsheets import dmy, table_xlsx, xlsx_response
from congvu.discipline.selectors import decided_cases_of
from congvu.people.pickers import staff_choices
from congvu.rewards import roles, selectors, services
from congvu.rewards.forms import BatchDecisionForm, RewardDecisionForm, RewardFilterForm, RewardProposalForm
from congvu.rewards.models import Reward


def _rewards(request):
    units = scoped_units(request.user, roles.VIEW)
    form = RewardFilterForm(request.GET or None, units=units.order_by("path"))
    return form, selectors.register(request.user, **filters_of(form))


@staff_required(*roles.VIEW)
def reward_list(request, batch_form=None):
    form, queryset = _rewards(request)
    page = paginate(request, queryset)
    can_batch = request.GET.get("status") == Reward.Status.PROPOSED and has_role(request.user, *roles.DECIDE)
    bound = batch_form is not None
    decidable = selectors.decidable(request.user)
    if can_batch:
        batch_form = batch_form or BatchDecisionForm(proposals=decidable)
    return render(
        request,
        "rewards/reward_list.html",
        {
            "form": form,
            "page": page,
            "total": page.paginator.count,
            "can_propose": has_role(request.user, *roles.PROPOSE),
            "batch_form": batch_form if can_batch else None,
            "decidable": set(decidable.values_list("pk", flat=True)) if can_batch else set(),
        },
        status=400 if bound else 200,
    )


@require_POST
@staff_required(*roles.DECIDE)
def reward_decide_many(request):
    decidable = selectors.decidable(request.user)
    wanted = {pk for pk in map(ascii_id, request.POST.getlist("rewards")) if pk is not None}
    if wanted and len(wanted) != decidable.filter(pk__in=wanted).count():
        raise Http404  # a proposal outside the scope (or already decided) looks like a missing one
    form = BatchDecisionForm(request.POST, proposals=decidable)
    decided = submit(
        request,
        form,
        lambda data: services.decide_rewards(
            rewards=list(data["rewards"]),
            deciding_body=data["deciding_body"],
            decision_number=data["decision_number"],
            decision_date=data["decision_date"],
            by=request.user,
        ),
    )
    if decided is not None:
        messages.success(request, _("Đã ghi quyết định cho %(n)s đề nghị.") % {"n": len(decided)})
        return redirect(reverse("rewards:reward_list") + "?status=decided")
    request.GET = request.GET.copy()
    request.GET["status"] = Reward.Status.PROPOSED
    return reward_list.__wrapped__(request, batch_form=form)


@staff_required(*roles.VIEW)
def reward_export(request):
    _form, queryset = _rewards(request)
    rows = (
        [
            r.year,
            r.title.name,
            r.recipient_name,
            r.staff.badge_number if r.staff_id else "",
            r.unit.name,
            r.reason,
            r.get_status_display(),
            r.deciding_body,
            r.decision_number,
            dmy(r.decision_date),
        ]
        for r in queryset.iterator(chunk_size=1000)
    )
    content = table_xlsx(
        title="Khen thưởng",
        header=[
            "Năm",
            "Danh hiệu, hình thức",
            "Cá nhân, tập thể",
            "Số thẻ",
            "Đơn vị đề nghị",
            "Thành tích",
            "Trạng thái",
            "Cấp quyết định",
            "Số quyết định",
            "Ngày quyết định",
        ],
        rows=rows,
        widths=[8, 30, 30, 12, 36, 50, 24, 30, 18, 14],
    )
    return xlsx_response(content, "khen-thuong")


def _reward(request, pk, role_set=roles.VIEW):
    queryset = selectors.visible(request.user, role_set)
    return get_object_or_404(queryset.select_related("unit", "title", "staff__unit", "collective"), pk=pk)


def _detail(request, reward, decision_form, *, can_decide, status=200):
    return render(
        request,
        "rewards/reward_detail.html",
        {
            "reward": reward,
            "events": reward.events.all(),
            "can_decide": can_decide,
            "decision_form": decision_form,
        },
        status=status,
    )


@staff_required(*roles.VIEW)
def reward_detail(request, pk):
    reward = _reward(request, pk)
    can_decide = reward.status == Reward.Status.PROPOSED and unit_in_scope(
        request.user, reward.unit, roles.DECIDE
    )
    decision_form = RewardDecisionForm(initial={"deciding_body": reward.title.default_deciding_body})
    return _detail(request, reward, decision_form, can_decide=can_decide)


def _propose(data, by):
    common = {
        "unit": data["unit"],
        "title": data["title"],
        "year": data["year"],
        "reason": data["reason"],
        "proposal_number": data["proposal_number"],
        "proposed_on": data["proposed_on"],
        "by": by,
    }
    if data["collective"] is not None:
        return [services.propose_reward(collective=data["collective"], **common)]
    return services.propose_rewards(people=data["staff"], **common)


@staff_required(*roles.PROPOSE)
def reward_new(request):
    units = scoped_units(request.user, roles.PROPOSE).current().order_by("path")
    people, picker = staff_choices(request, roles.PROPOSE)
    form = RewardProposalForm(request.POST or None, units=units, staff=people)
    rewards = submit(request, form, lambda data: _propose(data, request.user))
    if rewards is not None:
        messages.success(request, _("Đã gửi %(n)s đề nghị khen thưởng.") % {"n": len(rewards)})
        if len(rewards) == 1:
            return redirect("rewards:reward_detail", rewards[0].pk)
        return redirect(reverse("rewards:reward_list") + f"?status=proposed&year={form.cleaned_data['year']}")
    return render(request, "rewards/reward_form.html", {"form": form, "units": units, **picker})


@require_POST
@staff_required(*roles.DECIDE)
def reward_decide(request, pk):
    # Decided by the programme office over the proposing unit; anyone else finds no such proposal.
    reward = get_scoped_or_404(
        Reward.objects.select_related("unit", "title", "staff__unit", "collective"),
        request.user,
        roles=roles.DECIDE,
        pk=pk,
    )
    form = RewardDecisionForm(request.POST)
    decided = submit(
        request,
        form,
        lambda data: services.decide_reward(reward=reward, by=request.user, **data),
        success=_("Đã ghi kết quả xét khen thưởng."),
    )
    if decided is not None:
        return redirect("rewards:reward_detail", reward.pk)
    return _detail(request, reward, form, can_decide=True, status=400)


# ---------------------------------------------------------------------------------------------------
# Self-service


@login_required_page
def my_records(request):
    """Every official sees their own rewards and decided discipline (nobody else's)."""
    staff = getattr(request.user, "staff", None)
    rewards = cases = []
    if staff is not None:
        rewards = selectors.own_rewards(staff)
        cases = decided_cases_of(staff)
    return render(request, "rewards/my_records.html", {"staff": staff, "rewards": rewards, "cases": cases})
