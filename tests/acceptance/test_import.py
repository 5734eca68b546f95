"""`phiencho import` as staff use it (issue #21): the template a commune fills in, by openpyxl and by
LibreOffice Calc, becomes vacancy files that `check` accepts and `build` publishes with the same
facts; a second import changes nothing; a list of people is refused whole; every mistake is named
at its cell; nothing is written unless every row is valid."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import random
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import NOW

#: The template's first row: a contract with the communes' sheets (issue #21).
TITLES = ["Mã tin", "Vị trí tuyển dụng", "Tên đơn vị tuyển dụng", "Địa chỉ đơn vị", "Điện thoại", "Thư điện tử",
          "Trang web", "Xã/phường nơi làm việc", "Địa chỉ nơi làm việc", "Ngành nghề", "Hình thức", "Số lượng",
          "Lương từ", "Lương đến", "Trả lương theo", "Ngày đăng", "Hạn nộp hồ sơ", "Yêu cầu", "Quyền lợi",
          "Cách ứng tuyển", "Mô tả công việc", "Ghi chú nội bộ", "Nguồn"]

CELL = re.compile(r"^(?P<file>[^:]+\.xlsx):(?P<sheet>[^!]+)!(?P<cell>[A-Z]{1,3}[0-9]+): (lỗi|cảnh báo)\[PC7[0-9]{2}\]: ", re.M)


def _content(repo_root: Path, tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    return content


def _tree(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _names(content: Path, file: str) -> list[str]:
    return [entry["name"] for entry in yaml.safe_load((content / file).read_text(encoding="utf-8"))]


def _soffice(source: Path, target_dir: Path, filter_name: str, profile: Path, infilter: str | None = None) -> Path:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: scripts/setup.sh test installs libreoffice-calc-nogui"
    reading = [f"--infilter={infilter}"] if infilter else []
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", *reading, "--convert-to", filter_name,
                             "--outdir", str(target_dir), str(source)], capture_output=True, text=True, timeout=240,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    extension = filter_name.split(":")[0]
    return target_dir / f"{source.stem}.{extension}"


@pytest.fixture(scope="module")
def template(run_phiencho, repo_root: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mau-viec-tim-nguoi.xlsx"
    result = run_phiencho("import", "--template", str(path), "--content", str(repo_root / "content"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(path)
    return path


def test_the_template_has_the_columns_drop_downs_and_a_guide(template: Path, repo_root: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames[:2] == ["Việc tìm người", "Hướng dẫn"]
    sheet = book["Việc tìm người"]
    assert [cell.value for cell in sheet[1]] == TITLES
    assert sheet.max_row == 1
    # Each drop-down list names a range that holds exactly communes.yml's or sectors.yml's names.
    lists = {}
    for validation in sheet.data_validations.dataValidation:
        column = str(validation.sqref).split(":")[0].rstrip("0123456789")
        lists[sheet[f"{column}1"].value] = validation.formula1
    assert set(lists) == {"Xã/phường nơi làm việc", "Ngành nghề", "Hình thức", "Trả lương theo"}

    def values(formula: str) -> list[str]:
        if formula.startswith('"'):
            return formula.strip('"').split(",")
        destination = book.defined_names[formula].attr_text
        sheet_name, cells = destination.rsplit("!", 1)
        return [row[0].value for row in book[sheet_name.strip("'")][cells.replace("$", "")]]

    content = repo_root / "content"
    assert values(lists["Xã/phường nơi làm việc"]) == _names(content, "communes.yml")
    assert values(lists["Ngành nghề"]) == _names(content, "sectors.yml")
    assert values(lists["Hình thức"]) == ["toàn thời gian", "bán thời gian", "thời vụ"]
    assert values(lists["Trả lương theo"]) == ["giờ", "ngày", "tháng"]
    # The guide explains every column, with an example.
    guide = {row[0]: row for row in book["Hướng dẫn"].iter_rows(values_only=True) if row and row[0]}
    for title in TITLES:
        assert title in guide and guide[title][2], title
    assert guide["Vị trí tuyển dụng"][3] and guide["Hạn nộp hồ sơ"][3]
    # The phone column is text, so a leading 0 survives typing.
    assert sheet.column_dimensions["E"].number_format == "@" or sheet["E2"].number_format == "@"


def test_the_template_opens_in_libreoffice_with_its_lists(template: Path, tmp_path: Path) -> None:
    saved = _soffice(template, tmp_path / "out", "xlsx:Calc MS Excel 2007 XML", tmp_path / "profile")
    book = openpyxl.load_workbook(saved)
    sheet = book["Việc tìm người"]
    assert [cell.value for cell in sheet[1]] == TITLES
    assert len(sheet.data_validations.dataValidation) == 4


def _rows(content: Path, count: int, seed: int) -> list[list]:
    """Random rows in the forms communes type them: dates as cells and as text, amounts as numbers
    and as text with dots, list cells with bullets, phones with and without spaces."""
    rng = random.Random(seed)
    communes, sectors = _names(content, "communes.yml"), _names(content, "sectors.yml")
    jobs = ["Thợ may", "Phụ hồ", "Lái xe tải", "Bốc xếp", "Thợ hàn", "Công nhân chế biến", "Bảo vệ", "Phụ bếp"]
    rows = []
    for index in range(count):
        low = rng.randrange(40, 90) * 100_000
        expires = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(0, 60))
        rows.append([
            None, f"{rng.choice(jobs)} {index + 1}", f"Đơn vị số {index + 1}", f"Thôn {index + 1}",
            f"0912 {rng.randrange(100, 999)} {rng.randrange(100, 999)}", None, None, rng.choice(communes), None,
            rng.choice(sectors), rng.choice(["toàn thời gian", "thời vụ", None]), rng.randrange(1, 30),
            low if index % 2 else f"{low:,}".replace(",", "."), low + 2_000_000, "tháng",
            dt.date(2026, 12, 1) if index % 3 else "01/12/2026", expires if index % 2 else expires.strftime("%d/%m/%Y"),
            "- Từ 18 tuổi\n- Sức khỏe tốt", "Bao ăn trưa", "Gọi phòng nhân sự.", f"Công việc số {index + 1}, làm ca ngày.",
            "Đã gọi xác nhận", "Công an xã, quý IV/2026",
        ])
    return rows


def _fill(template: Path, rows: list[list], target: Path) -> Path:
    book = openpyxl.load_workbook(template)
    sheet = book["Việc tìm người"]
    for row in rows:
        sheet.append(row)
    book.save(target)
    return target


def _facts(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("program", ["openpyxl", "libreoffice-xlsx", "libreoffice-csv", "libreoffice-ods"])
def test_a_filled_template_becomes_pages_with_the_same_facts(program: str, template: Path, run_phiencho, repo_root: Path,
                                                             tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    rows = _rows(content, 12, seed=21)
    filled = _fill(template, rows, tmp_path / "quy-4.xlsx")
    if program == "libreoffice-xlsx":
        filled = _soffice(filled, tmp_path / "lo", "xlsx:Calc MS Excel 2007 XML", tmp_path / "profile")
    elif program == "libreoffice-csv":
        filled = _soffice(filled, tmp_path / "lo", "csv:Text - txt - csv (StarCalc):59,34,76,1", tmp_path / "profile")
    elif program == "libreoffice-ods":
        filled = _soffice(filled, tmp_path / "lo", "ods", tmp_path / "profile")
    result = run_phiencho("import", str(filled), "--content", str(content), "--now", "2026-12-03", "--approve")
    assert result.returncode == 0, result.stderr
    written = re.findall(r"^Tạo mới (\S+) \(([A-Z0-9-]+), dòng (\d+)\)$", result.stdout, re.M)
    assert len(written) == len(rows), result.stdout
    assert "12 tin mới" in result.stdout
    check = run_phiencho("check", "--content", str(content), "--now", "2026-12-03")
    assert check.returncode == 0, check.stderr
    output = tmp_path / "public"
    build = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", "2026-12-03")
    assert build.returncode == 0, build.stderr
    for (path, vacancy_id, line), row in zip(written, rows):
        assert int(line) == rows.index(row) + 2
        page = _facts((output / "viec-lam" / vacancy_id.lower() / "index.html").read_text(encoding="utf-8"))
        for fact in (row[1], row[2], row[7], row[4], "Từ 18 tuổi", "Bao ăn trưa", row[20]):
            assert fact in page, (program, vacancy_id, fact)
        low = row[12] if isinstance(row[12], int) else int(row[12].replace(".", ""))
        assert f"{low:,}".replace(",", ".") in page
        expires = row[16] if isinstance(row[16], dt.date) else dt.datetime.strptime(row[16], "%d/%m/%Y").date()
        assert expires.strftime("%d/%m/%Y") in page
        # Internal notes and the source never reach a page.
        assert "Đã gọi xác nhận" not in page and "quý IV/2026" not in page


def test_a_second_import_changes_nothing(template: Path, run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    filled = _fill(template, _rows(content, 5, seed=2), tmp_path / "quy-4.xlsx")
    assert run_phiencho("import", str(filled), "--content", str(content), "--now", "2026-12-03").returncode == 0
    before = _tree(content)
    again = run_phiencho("import", str(filled), "--content", str(content), "--now", "2026-12-10")
    assert again.returncode == 0, again.stderr
    assert "0 tin mới (bản nháp), 0 tin cập nhật, 5 tin không đổi." in again.stdout
    assert _tree(content) == before


def test_a_list_of_people_is_refused_and_never_printed(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Việc tìm người"
    sheet.append(["STT", "Họ tên người lao động", "Số CCCD", "Năm sinh", "Tình trạng án tích", "Vị trí tuyển dụng",
                  "Tên đơn vị tuyển dụng", "Xã/phường nơi làm việc", "Ngành nghề", "Số lượng", "Hạn nộp hồ sơ"])
    people = [[1, "Nguyễn Văn Thắng", "036091002345", 1991, "Đã chấp hành xong án phạt tù", "Phụ hồ", "Xây dựng A",
               "Gia Trấn", "Xây dựng", 1, "31/12/2026"]]
    for row in people:
        sheet.append(row)
    book.save(tmp_path / "danh-sach.xlsx")
    before = _tree(content)
    result = run_phiencho("import", str(tmp_path / "danh-sach.xlsx"), "--content", str(content))
    assert result.returncode == 1
    assert "[PC704]" in result.stderr
    said = result.stdout + result.stderr
    for value in ("Nguyễn", "Thắng", "036091002345", "1991", "chấp hành xong"):
        assert value not in said
    assert _tree(content) == before


def test_every_mistake_is_named_at_its_cell_and_nothing_is_written(template: Path, run_phiencho, repo_root: Path,
                                                                  tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    rows = _rows(content, 4, seed=7)
    rows[0][7] = "Gia Tran"            # H2: a commune without diacritics
    rows[1][11] = "năm"                # L3: a count in words
    rows[2][16] = "31/02/2027"         # Q4: a day that does not exist
    rows[3][1] = None                  # B5: no title
    filled = _fill(template, rows, tmp_path / "quy-4.xlsx")
    before = _tree(content)
    result = run_phiencho("import", str(filled), "--content", str(content), "--dry-run")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": lỗi[" in line]
    assert [CELL.match(line)["cell"] for line in errors] == ["H2", "L3", "Q4", "B5"], result.stderr
    assert all(CELL.match(line)["sheet"] == "Việc tìm người" for line in errors)
    assert "Có phải là “Gia Trấn”?" in errors[0]
    assert "Chưa nhập: có 4 lỗi" in result.stderr
    assert _tree(content) == before


def test_hires_reported_in_a_sheet_reach_the_report(template: Path, run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    filled = _fill(template, _rows(content, 3, seed=5), tmp_path / "quy-4.xlsx")
    first = run_phiencho("import", str(filled), "--content", str(content), "--now", "2026-12-03", "--approve")
    ids = re.findall(r"\(([A-Z0-9-]+), dòng", first.stdout)
    assert len(ids) == 3, first.stdout + first.stderr
    results = openpyxl.Workbook()
    sheet = results.active
    sheet.append(["Mã tin", "Số người đã tuyển", "Ngày báo kết quả", "Nguồn"])
    sheet.append([ids[0], 2, dt.date(2026, 12, 20), "Công an xã Gia Trấn"])
    sheet.append([ids[2], 4, "21/12/2026", None])
    results.save(tmp_path / "ket-qua.xlsx")
    for _ in range(2):   # the second time changes nothing
        update = run_phiencho("import", str(tmp_path / "ket-qua.xlsx"), "--content", str(content), "--now", "2026-12-22")
        assert update.returncode == 0, update.stderr
    assert "0 tin cập nhật, 2 tin không đổi" in update.stdout
    report = run_phiencho("report", "--from", "2026-07-01", "--to", "2026-12-31", "--now", "2026-12-31", "--content", str(content),
                          "--output", str(tmp_path / "bao-cao"))
    assert report.returncode == 0, report.stderr
    summary = dict(line.split(",") for line in (tmp_path / "bao-cao" / "tong-hop.csv").read_text().splitlines()[1:])
    before = run_phiencho("report", "--from", "2026-07-01", "--to", "2026-12-31", "--now", "2026-12-31", "--content", str(repo_root / "content"),
                          "--output", str(tmp_path / "bao-cao-cu"))
    assert before.returncode == 0
    old = dict(line.split(",") for line in (tmp_path / "bao-cao-cu" / "tong-hop.csv").read_text().splitlines()[1:])
    assert int(summary["so_nguoi_da_tuyen"]) == int(old["so_nguoi_da_tuyen"]) + 6


def test_the_first_sheet_with_the_header_is_read_and_merged_cells_fill_their_rows(run_phiencho, repo_root: Path,
                                                                                   tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Bìa"
    cover["A1"] = "Công an xã Gia Trấn gửi Trung tâm"
    first = book.create_sheet("Quý IV")
    first.append(["Danh sách việc tìm người"])
    first.merge_cells("A1:F1")
    first.append(["Tên đơn vị tuyển dụng", "Vị trí tuyển dụng", "Xã/phường nơi làm việc", "Ngành nghề", "Số lượng",
                  "Hạn nộp hồ sơ"])
    first.append(["Xây dựng Minh Khang", "Phụ hồ", "Gia Trấn", "Xây dựng", 4, "31/12/2026"])
    first.append([None, "Thợ nề", "Gia Trấn", "Xây dựng", 2, "31/12/2026"])
    first.merge_cells("A3:A4")      # one employer, two vacancies
    later = book.create_sheet("Quý III")
    later.append(["Tên đơn vị tuyển dụng", "Vị trí tuyển dụng", "Xã/phường nơi làm việc", "Ngành nghề", "Số lượng",
                  "Hạn nộp hồ sơ"])
    later.append(["Đơn vị cũ", "Không được đọc", "Gia Trấn", "Xây dựng", 1, "30/09/2026"])
    book.save(tmp_path / "gui-trung-tam.xlsx")
    result = run_phiencho("import", str(tmp_path / "gui-trung-tam.xlsx"), "--content", str(content), "--now", "2026-12-03")
    assert result.returncode == 0, result.stderr
    made = sorted((content / "vacancies" / "2026-12").glob("*.md"))
    assert [path.name.split("-", 3)[-1] for path in made] == ["phu-ho.md", "tho-ne.md"]
    for path in made:
        assert 'name: "Xây dựng Minh Khang"' in path.read_text(encoding="utf-8")
    assert "Không được đọc" not in result.stdout


# Issue 32: workbooks that hostile or broken files make.

def test_a_deflate_stream_cut_short_is_damaged_not_a_hang(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    """Found by the reader's fuzzer: ZIPFoundation loops forever on it; the import says the part is
    damaged after XLSXReader.Limits.unpackSeconds and the command ends."""
    content = _content(repo_root, tmp_path)
    before = _tree(content)
    fixture = repo_root / "Tests" / "PhienchoKitTests" / "Fixtures" / "import" / "truncated-deflate.xlsx"
    result = run_phiencho("import", str(fixture), "--content", str(content), timeout=60)
    assert result.returncode == 1, result.stderr
    assert "[PC701]" in result.stderr and "bị hỏng" in result.stderr, result.stderr
    assert _tree(content) == before


def test_a_huge_cell_reference_is_refused_in_vietnamese(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = _content(repo_root, tmp_path)
    book = openpyxl.Workbook()
    book.active.title = "Việc tìm người"
    book.active.append(TITLES)
    book.save(tmp_path / "a.xlsx")
    # openpyxl writes sane references; the sheet part is edited to hold one past Excel's limits.
    import zipfile
    with zipfile.ZipFile(tmp_path / "a.xlsx") as source, zipfile.ZipFile(tmp_path / "b.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'r="A1"', b'r="A99999999999999999999"', 1)
            target.writestr(item, data)
    result = run_phiencho("import", str(tmp_path / "b.xlsx"), "--content", str(content))
    assert result.returncode == 1, result.stderr
    assert "[PC701]" in result.stderr and "giới hạn của Excel" in result.stderr, result.stderr


def test_the_template_never_overwrites_a_filled_sheet(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    filled = tmp_path / "danh-sach-quy-4.xlsx"
    filled.write_bytes(b"bang da dien")
    result = run_phiencho("import", "--template", str(filled), "--content", str(repo_root / "content"))
    assert result.returncode == 2, result.stderr
    assert "--force" in result.stderr and filled.read_bytes() == b"bang da dien"
    forced = run_phiencho("import", "--template", str(filled), "--content", str(repo_root / "content"), "--force")
    assert forced.returncode == 0, forced.stderr
    assert openpyxl.load_workbook(filled).sheetnames[0] == "Việc tìm người"


@pytest.mark.parametrize("locale, expected", [
    # LibreOffice with US settings: day and month swapped, "300.000" cut to 300 (issue #31).
    (1033, {"J1": "PC321", "F2": "PC320", "G2": "PC320", "I2": "PC321", "J2": "PC321", "I3": "PC321", "I4": "PC321", "J4": "PC321"}),
    # The same CSV with Vietnamese settings: nothing to say.
    (1066, {}),
])
def test_a_commune_csv_opened_with_us_or_vietnamese_settings(locale: int, expected: dict, run_phiencho, repo_root: Path,
                                                            tmp_path: Path) -> None:
    source = repo_root / "Tests" / "PhienchoKitTests" / "Fixtures" / "import" / "quy4-xa.csv"
    saved = _soffice(source, tmp_path / "lo", "xlsx:Calc MS Excel 2007 XML", tmp_path / "profile",
                     infilter=f"CSV:44,34,76,1,,{locale}")
    content = _content(repo_root, tmp_path)
    result = run_phiencho("import", str(saved), "--content", str(content), "--now", "2026-12-07", "--dry-run")
    assert result.returncode == 0, result.stderr
    found = dict(re.findall(r"^\S+\.xlsx:[^!]+!([A-Z]+[0-9]+): cảnh báo\[(PC\d+)\]", result.stderr, re.M))
    assert found == expected, result.stderr
    if expected:
        assert "Có phải là 300.000 đồng/ngày?" in result.stderr
        assert "Có phải là 01/12/2026 (ngày và tháng bị đảo)?" in result.stderr


def test_an_xls_file_gets_the_steps_to_save_it_as_xlsx(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    old = tmp_path / "quy-4.xls"
    _soffice(repo_root / "Tests" / "PhienchoKitTests" / "Fixtures" / "import" / "quy4-libreoffice.xlsx", tmp_path, "xls", tmp_path / "profile")
    (tmp_path / "quy4-libreoffice.xls").rename(old)
    result = run_phiencho("import", str(old), "--content", str(_content(repo_root, tmp_path)))
    assert result.returncode == 1
    assert "Excel 2007-365 (.xlsx)" in result.stderr and "Sổ làm việc Excel (*.xlsx)" in result.stderr
