"""Every write of rewards: one transaction per action, full_clean before save, and an event for
each state change (the audit log gets the field-level before → after on its own)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congvu.core.events import record_event
from congvu.people.models import Staff
from congvu.rewards.models import Reward, RewardTitle
from congvu.units.models import Unit


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@transaction.atomic
def propose_reward(
    *,
    unit: Unit,
    title: RewardTitle,
    year: int,
    reason: str,
    by,
    staff: Staff | None = None,
    collective: Unit | None = None,
    proposal_number: str = "",
    proposed_on: dt.date | None = None,
) -> Reward:
    """A unit proposes a person or a collective for a reward title."""
    if title.recipient == RewardTitle.Recipient.INDIVIDUAL and (staff is None or collective is not None):
        raise ValidationError({"staff": _("Danh hiệu này dành cho cá nhân: hãy chọn một người.")})
    if title.recipient == RewardTitle.Recipient.COLLECTIVE and (collective is None or staff is not None):
        raise ValidationError({"collective": _("Danh hiệu này dành cho tập thể: hãy chọn một đơn vị.")})
    duplicate = Reward.objects.filter(title=title, year=year, staff=staff, collective=collective).exclude(
        status=Reward.Status.REJECTED
    )
    if duplicate.exists():
        raise ValidationError(
            _("%(name)s đã được đề nghị hoặc khen thưởng %(title)s năm %(year)s.")
            % {"name": staff.full_name if staff else collective.name, "title": title.name, "year": year}
        )
    reward = Reward(
        unit=unit,
        title=title,
        year=year,
        staff=staff,
        collective=collective,
        reason=reason.strip(),
        proposal_number=proposal_number.strip(),
        proposed_on=proposed_on or timezone.localdate(),
        proposed_by=_user(by),
    )
    reward.full_clean()
    reward.save()
    record_event(reward, "proposed", by=by, after=reward.status)
    return reward


@transaction.atomic
def propose_rewards(*, people, **common) -> list[Reward]:
    """One proposal per person, all or none (a unit usually proposes a list for one title)."""
    return [propose_reward(staff=person, **common) for person in people]


@transaction.atomic
def decide_rewards(*, rewards, by, deciding_body: str, decision_number: str, decision_date) -> list[Reward]:
    """One decision for several proposals, all or none."""
    return [
        decide_reward(
            reward=reward,
            approved=True,
            by=by,
            deciding_body=deciding_body,
            decision_number=decision_number,
            decision_date=decision_date,
        )
        for reward in rewards
    ]


@transaction.atomic
def decide_reward(
    *,
    reward: Reward,
    approved: bool,
    by,
    deciding_body: str = "",
    decision_number: str = "",
    decision_date: dt.date | None = None,
    note: str = "",
) -> Reward:
    """The competent body's answer to a proposal: a reward decision, or a refusal with its reason."""
    reward = Reward.objects.select_for_update().get(pk=reward.pk)
    if reward.status != Reward.Status.PROPOSED:
        raise ValidationError(_("Đề nghị này đã được xử lý."))
    before = reward.status
    if approved:
        errors = {}
        if not deciding_body.strip():
            errors["deciding_body"] = _("Hãy ghi cấp quyết định khen thưởng.")
        if not decision_number.strip():
            errors["decision_number"] = _("Hãy ghi số quyết định.")
        if decision_date is None:
            errors["decision_date"] = _("Hãy ghi ngày quyết định.")
        elif decision_date < reward.proposed_on:
            errors["decision_date"] = _("Ngày quyết định không được trước ngày đề nghị.")
        if errors:
            raise ValidationError(errors)
        reward.status = Reward.Status.DECIDED
        reward.deciding_body = deciding_body.strip()
        reward.decision_number = decision_number.strip()
        reward.decision_date = decision_date
    else:
        if not note.strip():
            raise ValidationError({"note": _("Hãy ghi lý do không khen thưởng.")})
        reward.status = Reward.Status.REJECTED
        reward.decision_date = decision_date or timezone.localdate()
        reward.deciding_body = deciding_body.strip()
    reward.decision_note = note.strip()[:500]
    reward.decided_by = _user(by)
    reward.full_clean()
    reward.save()
    record_event(reward, "decided", by=by, before=before, after=reward.status, note=note)
    return reward
