"""Every user-facing string has its English translation (source strings are Vietnamese)."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("congvu/*/locale/en/LC_MESSAGES/django.po")) + [
    ROOT / "locale/en/LC_MESSAGES/django.po"
]


@pytest.mark.parametrize(
    "catalogue", [c for c in CATALOGUES if c.exists()], ids=lambda c: str(c.relative_to(ROOT))
)
def test_english_catalogue_is_complete(catalogue):
    entries = polib.pofile(str(catalogue))
    missing = [entry.msgid for entry in entries if not entry.obsolete and not entry.translated()]
    assert not missing, f"{len(missing)} strings without English in {catalogue.name}: {missing[:10]}"
