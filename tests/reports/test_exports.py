"""The .xlsx workbook and the yearly .docx report, read back with openpyxl and python-docx."""

import datetime as dt
import io

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from congvu.core.indicators import Period
from congvu.reports import exports


def test_workbook_has_tables_and_native_charts(fake_indicators, city, ward, other_ward):
    fake_indicators.shares[("P-AB", 2019)] = (97, 100)
    fake_indicators.shares[("P-AB", 2018)] = (95, 100)
    fake_indicators.shares[("P-NPV", 2019)] = (40, 50)
    content = exports.workbook(city, Period.year(2019), chart_code="test.share")
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Chỉ tiêu", "Theo năm", "So sánh đơn vị", "Định nghĩa"]
    sheet = book["Chỉ tiêu"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]}
    assert rows["test.share"][3] == 91.33 and rows["test.share"][4] == 137 and rows["test.share"][5] == 150
    assert rows["test.share"][6] == 95.0 and rows["test.share"][7] == -3.67
    assert (
        len(sheet._charts) == 1
        and len(book["Theo năm"]._charts) == 1
        and len(book["So sánh đơn vị"]._charts) == 1
    )
    compared = list(book["So sánh đơn vị"].iter_rows(min_row=4, values_only=True))
    assert compared[0][:4] == (1, "P-AB", "Phường An Bình", 97.0)
    years = list(book["Theo năm"].iter_rows(min_row=3, max_row=3, values_only=True))[0]
    assert years[-1] == "2019"


def test_xlsx_download(fake_indicators, login, leadership, city, ward):
    response = login(leadership).get(reverse("reports:export_xlsx"), {"unit": "TP", "year": "2019"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="bao-cao-tp-20190101-20191231')
    assert load_workbook(io.BytesIO(response.content))["Chỉ tiêu"]["A1"].value.endswith(
        "Thành phố Thử Nghiệm"
    )


def _text(document):
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_yearly_report_in_decree_30_layout_with_figures_or_no_data(fake_indicators, city, ward, monkeypatch):
    from congvu.core import indicators as engine

    # Pretend the inspections and evaluation parts are not installed, to see how their sections read.
    engine.load_all()
    without = {c: s for c, s in engine.REGISTRY.items() if not c.startswith(("inspection.", "evaluation."))}
    monkeypatch.setattr(engine, "REGISTRY", without)
    fake_indicators.shares[("P-AB", 2019)] = (97, 100)
    document = exports.annual_report(city, 2019, issued_on=dt.date(2019, 12, 15))
    text = _text(document)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ THỬ NGHIỆM" in text
    assert "/BC-UBND" in text and "ngày 15 tháng 12 năm 2019" in text
    assert "Kết quả thực hiện văn hóa công vụ năm 2019" in text
    # Sections whose indicators are not registered say so instead of inventing a figure.
    assert "Công tác kiểm tra: chưa có số liệu." in text
    assert "chưa có số liệu" in text.split("3. Đánh giá, xếp loại")[1].split("4.")[0]
    # The appendix table carries every registered figure.
    assert "Tỷ lệ thử nghiệm" in text and "97 %" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text and "CHỦ TỊCH" in text


def test_yearly_report_sentences_with_registered_domain_figures(fake_indicators, city, ward, monkeypatch):
    """With the agreed codes registered, the evaluation section reads like the seed article."""
    from congvu.core import indicators as engine
    from congvu.core.indicators import COUNT, SHARE, Measure, indicator

    # Stand-ins replace the real indicators in a copy of the registry, which is thrown away afterwards.
    engine.load_all()
    monkeypatch.setattr(engine, "REGISTRY", dict(engine.REGISTRY))

    values = {
        ("evaluation.good_or_better", 2019): Measure.share(1156, 1183, {"Hoàn thành tốt nhiệm vụ": 900}),
        ("evaluation.good_or_better", 2018): Measure.share(1140, 1183),
        ("evaluation.good_or_better.cbcc", 2019): Measure.count(121),
        ("evaluation.good_or_better.vc", 2019): Measure.count(1035),
        ("inspection.rounds", 2019): Measure.count(5),
    }
    common = {"name_en": "x", "definition_vi": "", "definition_en": "", "formula": "", "source": ""}
    for code, kind in [
        ("evaluation.good_or_better", SHARE),
        ("evaluation.good_or_better.cbcc", COUNT),
        ("evaluation.good_or_better.vc", COUNT),
        ("inspection.rounds", COUNT),
    ]:
        indicator(code, name_vi=code, kind=kind, **common)(
            lambda scope, period, code=code: values.get((code, period.start.year), Measure(None))
        )
    text = _text(exports.annual_report(city, 2019, issued_on=dt.date(2019, 12, 15)))
    assert "có 121 cán bộ, công chức và 1.035 viên chức được xếp loại hoàn thành tốt nhiệm vụ trở lên" in text
    assert "đạt 97,72% (1.156/1.183 người được đánh giá), tăng 1,35 điểm phần trăm so với năm 2018" in text
    assert "đã tổ chức 5 đợt kiểm tra" in text
    assert "Hoàn thành tốt nhiệm vụ" in text  # the levels table


def test_docx_download(fake_indicators, login, leadership, city):
    response = login(leadership).get(reverse("reports:export_docx"), {"unit": "TP", "year": "2019"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-van-hoa-cong-vu-tp-2019.docx"'
    assert "Kết quả thực hiện văn hóa công vụ năm 2019" in _text(Document(io.BytesIO(response.content)))
