"""Files leadership sends on: the .xlsx workbook (tables + native Excel charts) and the yearly report
"Báo cáo kết quả thực hiện văn hóa công vụ năm …" as a Decree 30/2020 .docx. Every figure comes from the
indicator engine; a section whose indicators are not registered says so instead of inventing a number."""

import datetime as dt

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill

from congvu.core.documents import add_body, add_heading, add_signature, add_table, official_document
from congvu.core.indicators import SHARE, Period, load_all
from congvu.core.spreadsheets import Book, SheetWriter
from congvu.reports import present, selectors
from congvu.reports.engine import evaluate, evaluate_all
from congvu.units.lineage import Lineage
from congvu.units.models import ADMINISTRATIVE_TYPES, Unit

HEADER_FILL = PatternFill("solid", fgColor="F3D6D4")
NO_DATA = "chưa có số liệu"


def _paint_header(sheet, row: int, width: int) -> None:
    """The reports' header look (bold, coloured, wrapped) on the first `width` cells of a row."""
    for cell in sheet[row][:width]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _table(writer: SheetWriter, titles, widths=None) -> SheetWriter:
    writer.header(titles, widths=widths)
    _paint_header(writer.sheet, writer.sheet.max_row, len(titles))
    return writer


def _skip_row(writer: SheetWriter) -> None:
    writer.sheet.append([])


def workbook(unit: Unit, period: Period, *, chart_code: str | None = None, span: int = 5) -> bytes:
    """Three sheets: the indicators with previous period and change, the yearly trend, the units
    compared; each with a native chart."""
    registry = load_all()
    result = evaluate_all(unit, period)
    book = Book()
    indicators = result["indicators"]

    main = book.sheet("Chỉ tiêu").title_block(
        f"Kết quả thực hiện văn hóa công vụ — {unit.name}",
        f"Kỳ báo cáo: {period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}",
    )
    _skip_row(main)
    titles = ["Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Tử số", "Mẫu số", "Kỳ trước", "Thay đổi"]
    _table(main, titles, widths=[30, 48, 10, 12, 12, 12, 12, 12]).rows(
        [
            item["code"],
            item["name"],
            "%" if item["kind"] == SHARE else "",
            item["value"],
            item["numerator"],
            item["denominator"],
            item["previous"],
            item["change"],
        ]
        for item in indicators
    )
    shares = [item for item in indicators if item["kind"] == SHARE]
    if shares:
        # Current vs previous for the shares, on a helper block so the chart has contiguous ranges.
        sheet = main.sheet
        top = 4 + len(indicators) + 3
        for _blank in range(2):
            _skip_row(main)
        sheet.append(["Chỉ tiêu (%)", "Kỳ này", "Kỳ trước"])
        _paint_header(sheet, top, 3)
        for item in shares:
            main.row([item["name"], item["value"], item["previous"]])
        chart = BarChart()
        chart.title = "Tỷ lệ (%) kỳ này và kỳ trước"
        chart.y_axis.title = "%"
        chart.add_data(
            Reference(sheet, min_col=2, max_col=3, min_row=top, max_row=top + len(shares)),
            titles_from_data=True,
        )
        chart.set_categories(Reference(sheet, min_col=1, min_row=top + 1, max_row=top + len(shares)))
        chart.width, chart.height = 22, 10
        sheet.add_chart(chart, f"J{4}")

    years = selectors.trend_years(period, span)
    trend = book.sheet("Theo năm").title_block(f"Diễn biến theo năm — {unit.name}")
    _skip_row(trend)
    _table(trend, ["Mã", "Chỉ tiêu", *[str(year) for year in years]], widths=[30, 48, *[10] * len(years)])
    scope = Lineage(unit)
    codes = list(registry)
    trend.rows(
        [
            code,
            registry[code].name_vi,
            *[
                evaluate(code, unit, Period.year(year), with_previous=False, scope=scope)["value"]
                for year in years
            ],
        ]
        for code in codes
    )
    share_rows = [offset for offset, code in enumerate(codes, start=4) if registry[code].kind == SHARE]
    if share_rows:
        line = LineChart()
        line.title = "Tỷ lệ (%) theo năm"
        line.y_axis.title = "%"
        for row_number in share_rows:
            line.add_data(
                Reference(trend.sheet, min_col=2, max_col=2 + len(years), min_row=row_number),
                from_rows=True,
                titles_from_data=True,
            )
        line.set_categories(Reference(trend.sheet, min_col=3, max_col=2 + len(years), min_row=3))
        line.width, line.height = 22, 10
        trend.sheet.add_chart(line, f"A{len(codes) + 6}")

    compared = book.sheet("So sánh đơn vị")
    if chart_code:
        league = selectors.league_table(unit, period, chart_code)
        compared.title_block(f"So sánh đơn vị: {registry[chart_code].name_vi}")
        _skip_row(compared)
        _table(
            compared,
            ["Hạng", "Mã đơn vị", "Đơn vị", "Giá trị", "Tử số", "Mẫu số"],
            widths=[8, 24, 48, 12, 12, 12],
        ).rows(
            [
                row["rank"],
                row["unit"].code,
                row["unit"].name,
                row["value"],
                row["numerator"],
                row["denominator"],
            ]
            for row in league
        )
        if league:
            bars = BarChart()
            bars.type = "bar"
            bars.title = registry[chart_code].name_vi
            bars.add_data(
                Reference(compared.sheet, min_col=4, min_row=3, max_row=3 + len(league)),
                titles_from_data=True,
            )
            bars.set_categories(Reference(compared.sheet, min_col=3, min_row=4, max_row=3 + len(league)))
            bars.width, bars.height = 22, max(8, len(league) * 0.5)
            compared.sheet.add_chart(bars, "H3")
    else:
        compared.sheet.append(["Chưa có chỉ tiêu nào được đăng ký."])

    catalogue = book.sheet("Định nghĩa")
    _table(
        catalogue,
        ["Mã", "Chỉ tiêu", "Định nghĩa", "Công thức", "Nguồn số liệu", "Căn cứ"],
        widths=[30, 40, 60, 40, 30, 30],
    ).rows(
        [spec.code, spec.name_vi, spec.definition_vi, spec.formula, spec.source, spec.legal_basis]
        for spec in registry.values()
    )
    for row in catalogue.sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    return book.to_bytes()


# The yearly report.


def _num(value) -> str:
    return present.fmt_number(value)


def _pct(value) -> str:
    return f"{present.fmt_number(value)}%"


def _administration_name(unit: Unit) -> str:
    """ "Ủy ban nhân dân thành phố Lạng Sơn": the level word is lower case inside a name."""
    if unit.unit_type in ADMINISTRATIVE_TYPES:
        return f"Ủy ban nhân dân {unit.name[:1].lower()}{unit.name[1:]}"
    return unit.name


def _place(unit: Unit) -> str:
    root = unit.ancestors().first() or unit
    name = root.name
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def _compare(change, previous_year: int, *, points: bool) -> str:
    if change is None:
        return ""
    unit = " điểm phần trăm" if points else ""
    if change > 0:
        return f", tăng {_num(change)}{unit} so với năm {previous_year}"
    if change < 0:
        return f", giảm {_num(-change)}{unit} so với năm {previous_year}"
    return f", bằng năm {previous_year}"


class Figures:
    """The year's results by code, with phrases that read well whether or not a figure exists."""

    def __init__(self, unit: Unit, year: int):
        self.year = year
        self.result = evaluate_all(unit, Period.year(year))
        self.by_code = {item["code"]: item for item in self.result["indicators"]}

    def has(self, *codes) -> bool:
        return any(self.by_code.get(code, {}).get("value") is not None for code in codes)

    def get(self, code):
        return self.by_code.get(code)

    def clause(self, code, template: str) -> str | None:
        """`template` filled with value/numerator/denominator/compare, or None when there is no figure."""
        item = self.by_code.get(code)
        if not item or item["value"] is None:
            return None
        is_share = item["kind"] == SHARE
        return template.format(
            value=_pct(item["value"]) if is_share else _num(item["value"]),
            numerator=_num(item["numerator"]),
            denominator=_num(item["denominator"]),
            previous=(_pct(item["previous"]) if is_share else _num(item["previous"]))
            if item.get("previous") is not None
            else "",
            compare=_compare(item.get("change"), self.year - 1, points=is_share),
        )

    def sentence(self, lead: str, clauses: list[str | None]) -> str:
        present_clauses = [c for c in clauses if c]
        if not present_clauses:
            return f"{lead.rstrip(' ,:')}: {NO_DATA}."
        return f"{lead} " + "; ".join(present_clauses) + "."


def annual_report(unit: Unit, year: int, *, issued_on: dt.date):
    figures = Figures(unit, year)
    parent = unit.parent
    document = official_document(
        managing_body=_administration_name(parent) if parent else "",
        issuing_body=_administration_name(unit),
        number="      /BC-UBND" if unit.unit_type in ADMINISTRATIVE_TYPES else "      /BC",
        place=_place(unit),
        date=issued_on,
        kind_title="Báo cáo",
        subject=f"Kết quả thực hiện văn hóa công vụ năm {year}",
    )
    add_body(
        document,
        f"Thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ phê duyệt Đề án văn hóa "
        f"công vụ và các văn bản chỉ đạo của cấp trên, {_administration_name(unit)} báo cáo kết quả thực hiện "
        f"văn hóa công vụ năm {year} như sau:",
    )

    add_heading(document, "I. KẾT QUẢ THỰC HIỆN")
    units_clause = figures.clause("units.current", "trong phạm vi báo cáo có {value} cơ quan, đơn vị")
    hotline_clause = figures.clause(
        "channels.hotline_published",
        "{value} cơ quan, đơn vị ({numerator}/{denominator}) đã công bố đường dây nóng{compare}",
    )
    add_heading(document, "1. Thiết lập kênh tiếp nhận và xử lý phản ánh, kiến nghị")
    add_body(
        document,
        figures.sentence(
            "Về thiết lập kênh tiếp nhận (đường dây nóng, hòm thư góp ý, phiếu đánh giá, sổ tiếp nhận),",
            [units_clause, hotline_clause],
        ),
        figures.sentence(
            "Về tiếp nhận, xử lý phản ánh, kiến nghị, trong năm",
            [
                figures.clause("feedback.received", "đã tiếp nhận {value} phản ánh, kiến nghị{compare}"),
                figures.clause("feedback.answered", "đã trả lời {value} phản ánh, kiến nghị"),
                figures.clause(
                    "feedback.on_time",
                    "tỷ lệ giải quyết đúng hạn đạt {value} ({numerator}/{denominator} phản ánh thuộc thẩm quyền){compare}",
                ),
                figures.clause(
                    "feedback.satisfaction", "mức độ hài lòng về giải quyết phản ánh đạt {value}{compare}"
                ),
                figures.clause(
                    "feedback.median_days_to_answer", "thời gian trả lời trung vị là {value} ngày"
                ),
                figures.clause("feedback.published", "đã công khai {value} kết quả trả lời"),
                figures.clause("feedback.overdue_now", "hiện còn {value} phản ánh quá hạn"),
            ],
        ),
    )

    add_heading(document, "2. Kiểm tra kỷ luật, kỷ cương hành chính")
    add_body(
        document,
        figures.sentence(
            "Công tác kiểm tra:",
            [
                figures.clause("inspection.rounds", "đã tổ chức {value} đợt kiểm tra{compare}"),
                figures.clause("inspection.visits", "với {value} lượt kiểm tra tại cơ quan, đơn vị"),
                figures.clause("inspection.units_visited", "{value} cơ quan, đơn vị được kiểm tra"),
                figures.clause("inspection.findings", "phát hiện {value} nội dung tồn tại, hạn chế"),
                figures.clause("inspection.remediation_on_time", "tỷ lệ khắc phục đúng hạn đạt {value}"),
            ],
        ),
    )

    add_heading(document, "3. Đánh giá, xếp loại cán bộ, công chức, viên chức")
    evaluation = figures.get("evaluation.good_or_better")
    clauses = []
    if figures.has("evaluation.good_or_better.cbcc", "evaluation.good_or_better.vc"):
        parts = [
            figures.clause("evaluation.good_or_better.cbcc", "{value} cán bộ, công chức"),
            figures.clause("evaluation.good_or_better.vc", "{value} viên chức"),
        ]
        clauses.append(
            "có " + " và ".join(p for p in parts if p) + " được xếp loại hoàn thành tốt nhiệm vụ trở lên"
        )
    clauses.append(
        figures.clause(
            "evaluation.good_or_better",
            "tỷ lệ hoàn thành tốt nhiệm vụ trở lên đạt {value} ({numerator}/{denominator} người được đánh giá){compare}",
        )
    )
    add_body(
        document, figures.sentence(f"Kết quả đánh giá, xếp loại năm {year}:", clauses if evaluation else [])
    )
    levels = (evaluation or {}).get("breakdown") or {}
    level_rows = [[label, value] for label, value in present.flatten_breakdown(levels)]
    if level_rows:
        add_table(document, ["Mức xếp loại", "Số người"], level_rows)

    add_heading(document, "4. Mức độ hài lòng của người dân, tổ chức")
    sipas = [
        figures.clause(code, f"{item['name']} đạt {{value}}")
        for code, item in figures.by_code.items()
        if code.startswith("counter.sipas.")
    ]
    add_body(
        document,
        figures.sentence(
            "Tại bộ phận tiếp nhận và trả kết quả,",
            [
                figures.clause(
                    "counter.satisfaction",
                    "tỷ lệ người dân hài lòng và rất hài lòng với cán bộ, công chức đạt {value} ({numerator}/{denominator} lượt đánh giá){compare}",
                ),
                *sipas,
            ],
        ),
    )

    add_heading(document, "5. Xây dựng, thực hiện quy chế làm việc")
    add_body(
        document,
        figures.sentence(
            "Về quy chế làm việc,",
            [
                figures.clause(
                    "units.with_working_regulation",
                    "{value} cơ quan, đơn vị ({numerator}/{denominator}) đã ban hành hoặc sửa đổi, bổ sung quy chế làm việc",
                )
            ],
        ),
    )

    add_heading(document, "6. Khen thưởng, kỷ luật")
    add_body(
        document,
        figures.sentence(
            "Về khen thưởng, kỷ luật,",
            [
                figures.clause("rewards.count", "đã khen thưởng {value} lượt tập thể, cá nhân{compare}"),
                figures.clause("discipline.count", "đã xử lý kỷ luật {value} trường hợp vi phạm{compare}"),
            ],
        ),
    )

    add_heading(document, "7. Thực hiện kế hoạch, văn bản chỉ đạo")
    add_body(
        document,
        figures.sentence(
            "Về thực hiện kế hoạch, văn bản chỉ đạo của cấp trên,",
            [
                figures.clause(
                    "plans.tasks_on_time", "tỷ lệ nhiệm vụ hoàn thành đúng hạn đạt {value}{compare}"
                )
            ],
        ),
    )

    add_heading(document, "II. ĐÁNH GIÁ CHUNG")
    improved = [
        item["name"]
        for item in figures.result["indicators"]
        if item["kind"] == SHARE and (item.get("change") or 0) > 0
    ]
    declined = [
        item["name"]
        for item in figures.result["indicators"]
        if item["kind"] == SHARE and (item.get("change") or 0) < 0
    ]
    summary = []
    if improved:
        summary.append(f"Các chỉ tiêu tăng so với năm {year - 1}: " + "; ".join(improved) + ".")
    if declined:
        summary.append(
            f"Các chỉ tiêu giảm so với năm {year - 1}, cần tập trung khắc phục: " + "; ".join(declined) + "."
        )
    if not summary:
        summary.append(f"Chưa đủ số liệu để so sánh với năm {year - 1}.")
    add_body(document, *summary)

    add_heading(document, "III. BẢNG SỐ LIỆU")
    table_rows = [
        [
            item["name"],
            present.fmt_value(item["kind"], item["value"]),
            present.fmt_value(item["kind"], item.get("previous")),
            present.fmt_change(item["kind"], item.get("change")) or "—",
        ]
        for item in figures.result["indicators"]
    ]
    add_table(document, ["Chỉ tiêu", f"Năm {year}", f"Năm {year - 1}", "Thay đổi"], table_rows)

    add_signature(
        document,
        authority="TM. Ủy ban nhân dân" if unit.unit_type in ADMINISTRATIVE_TYPES else "",
        signer_title="Chủ tịch" if unit.unit_type in ADMINISTRATIVE_TYPES else "Thủ trưởng đơn vị",
        signer_name="",
        recipients=[_administration_name(parent) if parent else "Cơ quan cấp trên", "Lưu: VT"],
    )
    return document
