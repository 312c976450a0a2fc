"""`python manage.py indicators`: json, csv and table output, clear errors."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = io.StringIO()
    call_command("indicators", *args, stdout=out)
    return out.getvalue()


def test_json_has_exactly_the_agreed_shape(fake_indicators, city, ward):
    fake_indicators.shares[("P-AB", 2019)] = (97, 100)
    fake_indicators.shares[("P-AB", 2018)] = (95, 100)
    payload = json.loads(run("--unit", "Thành phố Thử Nghiệm", "--year", "2019", "--format", "json"))
    assert set(payload) == {"unit", "period", "indicators"}
    assert payload["unit"]["code"] == "TP" and payload["unit"]["name"] == "Thành phố Thử Nghiệm"
    assert payload["period"] == {"from": "2019-01-01", "to": "2019-12-31"}
    rows = {row["code"]: row for row in payload["indicators"]}
    assert all(
        set(row) == {"code", "name", "value", "numerator", "denominator", "previous", "change"}
        for row in payload["indicators"]
    )
    assert rows["test.share"] == {
        "code": "test.share",
        "name": "Tỷ lệ thử nghiệm",
        "value": 97.0,
        "numerator": 97,
        "denominator": 100,
        "previous": 95.0,
        "change": 2.0,
    }


def test_csv_and_date_range_by_code(fake_indicators, city, ward):
    fake_indicators.counts[("P-AB", 2019)] = 4
    fake_indicators.counts[("P-AB", 2020)] = 3
    text = run("--unit", "TP", "--from", "01/01/2019", "--to", "2020-11-30", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    count = next(row for row in rows if row["code"] == "test.count")
    assert count["from"] == "2019-01-01" and count["to"] == "2020-11-30" and count["value"] == "7"


def test_table_is_readable(fake_indicators, city):
    text = run("--unit", "TP", "--year", "2019", "--format", "table")
    assert "Thành phố Thử Nghiệm (TP) — 01/01/2019–31/12/2019" in text
    assert "Tỷ lệ thử nghiệm" in text and "Thay đổi" in text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--unit", "Không Tồn Tại", "--year", "2019"], "Không tìm thấy đơn vị"),
        (["--unit", "TP", "--from", "2019-13-01", "--to", "2019-12-31"], "không hợp lệ"),
        (["--unit", "TP", "--from", "01/02/2019", "--to", "01/01/2019"], "phải sau"),
        (["--unit", "TP"], "Cần chọn năm"),
        (["--unit", "TP", "--year", "abc"], "không hợp lệ"),
    ],
)
def test_errors_are_clear(city, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
