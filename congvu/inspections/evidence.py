"""Evidence for the annual evaluation: findings and reminders that name the official in that year."""

from django.urls import reverse

from congvu.inspections.models import Finding, Reminder

SEVERITY = {"minor": "nhẹ", "moderate": "trung bình", "serious": "nghiêm trọng"}


def evidence_for(staff, year: int) -> list[dict]:
    items = []
    reminded_findings = set()
    for reminder in Reminder.objects.filter(staff=staff, date__year=year).select_related(
        "finding__item", "unit"
    ):
        reminded_findings.add(reminder.finding_id)
        items.append(
            {
                "kind": "inspection.reminder",
                "title": f"Nhắc nhở qua kiểm tra: {reminder.finding.item.text}",
                "date": reminder.date,
                "url": reverse("inspections:finding_detail", args=[reminder.finding_id]),
                "summary": f"{reminder.unit.name}: {reminder.content}",
            }
        )
    findings = Finding.objects.filter(officials=staff, date__year=year).select_related("item", "unit")
    for finding in findings.exclude(pk__in=reminded_findings):
        items.append(
            {
                "kind": "inspection.finding",
                "title": f"Vi phạm phát hiện qua kiểm tra: {finding.item.text}",
                "date": finding.date,
                "url": reverse("inspections:finding_detail", args=[finding.pk]),
                "summary": f"{finding.unit.name}; mức độ {SEVERITY.get(finding.severity, finding.severity)}. {finding.description}",
            }
        )
    return sorted(items, key=lambda item: item["date"])
