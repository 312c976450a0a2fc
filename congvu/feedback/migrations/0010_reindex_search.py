"""Rebuild every case's search text with the sender's details after a mark, so that a word found only
among them matches only for the case's handling chain (cases indexed before matched for anyone)."""

from django.db import migrations

from congvu.core.text import fold

SENDER_MARK = "\x1f"  # frozen copy of congvu.feedback.selectors.SENDER_MARK at this migration
CHUNK = 2000


def _index(case) -> str:
    public = fold(" ".join([case.code or "", case.title, case.content]))
    digits = "".join(ch for ch in case.sender_phone if ch in "0123456789")
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]  # +84 912 345 678 is found as 0912345678
    sender = fold(" ".join([case.sender_name, case.sender_phone, digits, case.sender_email]))
    return public + SENDER_MARK + sender


def reindex(apps, schema_editor):
    Case = apps.get_model("feedback", "Case")
    changed = []
    fields = ("pk", "code", "title", "content", "sender_name", "sender_phone", "sender_email", "search_folded")
    for case in Case.objects.only(*fields).order_by("pk").iterator(chunk_size=CHUNK):
        text = _index(case)
        if text != case.search_folded:
            case.search_folded = text
            changed.append(case)
        if len(changed) >= CHUNK:
            Case.objects.bulk_update(changed, ["search_folded"], batch_size=500)
            changed.clear()
    Case.objects.bulk_update(changed, ["search_folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0009_case_location_public")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
