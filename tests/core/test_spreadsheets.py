import io

from openpyxl import load_workbook

from congvu.core.spreadsheets import Book, table_xlsx


def test_rows_follow_the_header_without_a_gap_and_the_header_stays_frozen():
    book = Book()
    book.sheet("Danh sách").title_block("Sổ theo dõi").header(["Tên", "Ngày"], numbered=True).row(["A", None])
    sheet = load_workbook(io.BytesIO(book.to_bytes())).active
    assert list(sheet.values) == [("Sổ theo dõi", None, None), ("STT", "Tên", "Ngày"), (1, "A", None)]
    assert sheet.freeze_panes == "A3"


def test_table_xlsx_numbers_its_rows():
    sheet = load_workbook(io.BytesIO(table_xlsx(title="T", header=["x"], rows=[["a"], ["b"]]))).active
    assert list(sheet.values) == [("STT", "x"), (1, "a"), (2, "b")]
