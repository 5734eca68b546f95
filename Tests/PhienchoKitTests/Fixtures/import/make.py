"""Makes the spreadsheet fixtures of `phiencho import`: a quarterly sheet as a commune really sends
it (a title row above the header, headers in another order and spelling, an empty row, a phone in a
number cell, dates as date cells, serial numbers and text, amounts as numbers and as text, rich
text, a merged title), written by openpyxl and then saved again by LibreOffice Calc, as .xlsx and
as .csv, and that .xlsx saved again as .ods. The same commune CSV (`quy4-xa.csv`, day-first dates, amounts with dot groups) is also opened by
LibreOffice with US settings and with Vietnamese settings and saved as .xlsx
(`quy4-xa-en-US.xlsx`, `quy4-xa-vi-VN.xlsx`): US settings swap day and month and cut "300.000" to
300, as a staff computer set to English does. The files are committed; run this again only to
change them:

    .venv/bin/python Tests/PhienchoKitTests/Fixtures/import/make.py
"""

import datetime
import subprocess
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = Path(__file__).resolve().parent

HEADERS = ["VỊ TRÍ TUYỂN DỤNG", "Tên đơn vị tuyển dụng", "Xa/phuong noi lam viec", "Ngành nghề", "Số lượng (người)",
           "Hạn nộp hồ sơ", "Điện thoại", "Lương từ", "Lương đến", "Trả lương theo", "Ngày đăng", "Yêu cầu",
           "Mô tả công việc", "Nguồn"]

ROWS = [
    [CellRichText([TextBlock(InlineFont(b=True), "Thợ hàn"), " cửa sắt"]), "Cơ khí Tiến Đạt", "Gia Trấn", "Cơ khí – Hàn", 3,
     datetime.date(2026, 12, 31), 912345678, 6500000, "9.000.000", "tháng", datetime.date(2026, 12, 1),
     "- Từ 18 tuổi\n- Sức khỏe tốt", "Hàn cửa sắt, cổng xếp.", "Công an xã Gia Trấn, quý IV/2026"],
    None,
    ["Phụ hồ công trình", "Xây dựng Minh Khang", "Gia Trấn", "Xây dựng", "5", "15/01/2027", "0229 3871 000",
     "6500000.0", None, "ngày", "2026-12-01", None, None, "Công an xã Gia Trấn, quý IV/2026"],
    ["Bốc xếp kho", "Kho vận Hoa Lư", "Gia Trấn", "Xây dựng", 2.0, 46418, None, None, None, None, 46357, None, None, None],
]


def workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Quý IV"
    sheet["A1"] = "DANH SÁCH VIỆC TÌM NGƯỜI QUÝ IV/2026"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "Công an xã Gia Trấn"
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row or [])
    for cell in ("F4", "K4"):
        sheet[cell].number_format = "dd/mm/yyyy"
    book.save(path)


def libreoffice(source: Path, target: Path, filter_name: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                        filter_name, "--outdir", work, str(source)], check=True, capture_output=True, timeout=180)
        produced = next(p for p in Path(work).iterdir() if p.suffix == target.suffix)
        target.write_bytes(produced.read_bytes())


#: LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, no column types, then
#: the language (locale) that reads numbers and dates: 1033 is en-US, 1066 is vi-VN.
LOCALES = {"en-US": 1033, "vi-VN": 1066}


def opened_with_locale(source: Path, target: Path, locale: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                        f"--infilter=CSV:44,34,76,1,,{locale}", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                        "--outdir", work, str(source)], check=True, capture_output=True, timeout=180)
        target.write_bytes((Path(work) / f"{source.stem}.xlsx").read_bytes())


if __name__ == "__main__":
    for name, locale in LOCALES.items():
        opened_with_locale(HERE / "quy4-xa.csv", HERE / f"quy4-xa-{name}.xlsx", locale)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "quy4.xlsx"
        workbook(source)
        libreoffice(source, HERE / "quy4-libreoffice.xlsx", "xlsx:Calc MS Excel 2007 XML")
        libreoffice(source, HERE / "quy4-libreoffice.csv", "csv:Text - txt - csv (StarCalc):59,34,76,1")
        libreoffice(HERE / "quy4-libreoffice.xlsx", HERE / "quy4-libreoffice.ods", "ods")
