"""Proof that every staff URL keeps to the user's units.

Each app lists its staff URLs in tests/<app>/scope_cases.py as SCOPE_CASES. A case builds, in the
other ward (Phường Ngoài Phạm Vi), whatever record its URL shows, and returns the URL to request.
The `ward_insider` (every role over Phường An Bình) then requests it:
- kind "record": the answer must be 404, exactly as for a record that does not exist (a forged URL
  never shows the data, nor that the record exists);
- kind "list": the answer may be 200, but must not contain `secret` (text only the other ward's record has);
- kind "action": a POST that would change the other ward's record must answer 404 and change nothing.
tests/test_scope_coverage.py fails when a staff URL has no case.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class World:
    """What a case may use: the two wards, the insider, and the pytest `request` for other fixtures."""

    ward: object
    other_ward: object
    insider: object
    request: object

    def fixture(self, name):
        return self.request.getfixturevalue(name)


@dataclass
class ScopeCase:
    url_name: str
    build: Callable[[World], str]
    kind: str = "record"  # record | list | action
    secret: str = ""
    data: dict = field(default_factory=dict)
    unchanged: Callable[[World], bool] | None = None  # for actions: True when nothing changed
    # 404 for anything of another unit. 403 only for a record shared by every unit (a province's checklist
    # templates): the insider may see it, so refusing the action does not reveal anything.
    refusal: int = 404

    def __str__(self):
        return self.url_name


def response_text(response) -> str:
    """The readable text of a response, including .xlsx and .docx downloads."""
    import io

    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in content_type:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(body), read_only=True)
        cells = [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        return "\n".join(cells)
    if "wordprocessingml" in content_type:
        from docx import Document

        document = Document(io.BytesIO(body))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    return body.decode("utf-8", errors="replace")
