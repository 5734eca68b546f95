"""The leak audit as staff meet it (issue 16), through the real binary:

* an employer in a seeker's thôn and commune, a vacancy asking for what seekers wish for, a birth
  year range: no finding (the false alarms that made real content unpublishable);
* a seeker's phone pasted into a vacancy: exit 1, nothing written, PC901 at the vacancy file's
  line and field, naming page, record and column, never the value; the `RECORD/COLUMN` line the
  message gives, added to audit_allow, lets the build through;
* two of one record's quasi-identifiers on one page: a finding; each alone: none;
* `phiencho audit --explain` prints each column's class and no value.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import NOW, REPO_ROOT
from test_integrity import parse_diagnostics, vacancy_text

SEEKERS = """\ufeffma_ho_so;ho_ten;ngay_sinh;gioi_tinh;so_cccd;dien_thoai;xa_phuong;dia_chi;tinh_trang_an_tich;nhu_cau_viec_lam;ghi_chu\r
NTV-00208;Phạm Thị Huyền;14/03/1991;Nữ;037191002345;0915 222 418;Xuân Trường;Thôn 9, xã Xuân Trường;Đang chấp hành án treo;Công nhân may;Biết may máy 1 kim\r
NTV-00209;Lê Văn Tùng;1988;Nam;037088004512;0987 654 003;Xuân Trường;Thôn 9, xã Xuân Trường;Chưa được xóa án tích;Công nhân may;\r
NTV-00210;Đỗ Văn Quý;1990;Nam;037090001234;0356 111 209;Gia Trấn;Xóm 4, thôn Vân Thị;Chưa được xóa án tích;Phụ hồ;\r
"""


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ("site.yml", "communes.yml", "sectors.yml"):
        shutil.copyfile(REPO_ROOT / "content" / name, folder / name)
    (folder / "vacancies").mkdir()
    (folder / "seekers").mkdir()
    (folder / "seekers" / "ho-so.csv").write_text(SEEKERS, encoding="utf-8")
    return folder


def write_vacancy(content: Path, **lines: str) -> Path:
    path = content / "vacancies" / "nb-test-001.md"
    path.write_text(vacancy_text(**lines), encoding="utf-8")
    return path


def build(run_phiencho, content: Path, output: Path):
    return run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)


def test_employer_in_a_seekers_thon_is_not_a_leak(run_phiencho, content: Path, tmp_path: Path) -> None:
    write_vacancy(content, l3="title: Công nhân may", l12='  address: "Thôn 9, xã Xuân Trường"',
                  l21="Tuyển công nhân may ở thôn 9, xã Xuân Trường, nam nữ sinh năm 1975–2006, biết may máy 1 kim.")
    result = build(run_phiencho, content, tmp_path / "public")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "public" / "index.html").is_file()


def test_a_pasted_phone_is_reported_where_to_fix_it_and_can_be_allowed(run_phiencho, content: Path,
                                                                    tmp_path: Path) -> None:
    write_vacancy(content, l9='  phone: "0915.222.418"')
    result = build(run_phiencho, content, tmp_path / "public")
    assert result.returncode == 1, result.stderr
    assert not (tmp_path / "public").exists()
    leaks = [d for d in parse_diagnostics(result.stderr) if d["code"] == "PC901"]
    assert leaks, result.stderr
    assert all(d["path"].endswith("vacancies/nb-test-001.md") and d["line"] == "9" for d in leaks), result.stderr
    assert all("“phone”" in d["message"] and "“dien_thoai”" in d["message"] and "NTV-00208" in d["message"]
               for d in leaks)
    assert "0915" not in result.stderr and "222" not in result.stderr
    assert '- "NTV-00208/dien_thoai"' in result.stderr

    site = content / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + '\naudit_allow:\n  - "NTV-00208/dien_thoai"\n', encoding="utf-8")
    again = build(run_phiencho, content, tmp_path / "public")
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("planted, found", [
    (["Sinh ngày 14/03/1991, ở thôn 9, xã Xuân Trường."], True),
    (["Sinh ngày 14/03/1991."], False),
    (["Ưu tiên người ở thôn 9, xã Xuân Trường."], False),
    (["Gặp chị Huyền ở thôn 9, xã Xuân Trường để nhận việc."], True),
    (["Công ty Huyền Trang, thôn 9, xã Xuân Trường."], False),
])
def test_quasi_identifiers_count_only_together(run_phiencho, content: Path, tmp_path: Path,
                                               planted: list[str], found: bool) -> None:
    # The workplace is in another commune, so that only the planted text can hold the seekers' place.
    write_vacancy(content, l11="  commune: Phủ Lý", l21=" ".join(planted))
    result = build(run_phiencho, content, tmp_path / "public")
    assert (result.returncode == 1) == found, result.stderr
    if found:
        assert "PC901" in result.stderr and "NTV-00208" in result.stderr
        assert "Huyền" not in result.stderr.replace("Huyền Trang", "")


def test_explain_prints_columns_and_classes_never_values(run_phiencho, content: Path) -> None:
    result = run_phiencho("audit", "--explain", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "ho-so.csv (3 hồ sơ)" in result.stdout
    for column in ("ma_ho_so", "ho_ten", "ngay_sinh", "dien_thoai", "dia_chi", "nhu_cau_viec_lam"):
        assert f"“{column}”" in result.stdout
    assert "luôn tìm" in result.stdout and "không tìm" in result.stdout
    for value in ("Phạm Thị Huyền", "0915", "037191002345", "Thôn 9", "14/03/1991"):
        assert value not in result.stdout


# Issue 30: real places whose names fold to street words ("Đại Hoàng" → "dai", "Dương …" → "duong",
# "Phố …", "Lộ …", "Đài …") and addresses ending in "thành phố Hà Nội" or "thành phố Huế".
STREET_WORDS = ("dai", "duong", "pho", "lo", "dao")


def street_like_units():
    from administrative_units import current_units, fold
    units = [unit for unit in current_units() if fold(unit.bare).split()[0] in STREET_WORDS]
    return units + [unit for unit in current_units() if unit.province in ("Thành phố Hà Nội", "Thành phố Huế")][:40]


def seekers_file(addresses: list[tuple[str, str]]) -> str:
    rows = ["ma_ho_so;ho_ten;xa_phuong;dia_chi"]
    rows += [f"NTV-{index:05d};;{commune};{address}" for index, (commune, address) in enumerate(addresses)]
    return "\ufeff" + "\r\n".join(rows) + "\r\n"


def employers(content: Path, addresses: list[str]) -> None:
    for index, address in enumerate(addresses):
        (content / "vacancies" / f"nb-real-{index:03d}.md").write_text(
            vacancy_text(l2=f"id: NB-REAL-{index:03d}", l8=f"  name: Công ty Thử Nghiệm {index}",
                         l12=f'  address: "{address}"', l21=f"Xưởng ở {address}."), encoding="utf-8")


def test_an_employer_in_a_seekers_village_on_real_communes_named_like_streets(run_phiencho, content: Path,
                                                                              tmp_path: Path) -> None:
    units = street_like_units()
    assert len(units) > 60, len(units)
    villages = [(f"Thôn {1 + index % 30}" if index % 2 else f"Tổ {1 + index % 30}") for index in range(len(units))]
    (content / "seekers" / "ho-so.csv").write_text(seekers_file(
        [(unit.name, f"{village}, {unit.name.lower()[:1]}{unit.name[1:]}") for unit, village in zip(units, villages)]),
        encoding="utf-8")
    employers(content, [f"{village}, {unit.name}, {unit.province}" for unit, village in zip(units, villages)])
    result = build(run_phiencho, content, tmp_path / "public")
    assert result.returncode == 0, result.stderr[:3000]


def test_a_house_on_a_street_named_like_a_real_commune_is_still_found(run_phiencho, content: Path,
                                                                      tmp_path: Path) -> None:
    units = street_like_units()[:20]
    (content / "seekers" / "ho-so.csv").write_text(seekers_file(
        [(unit.name, f"Số 12, đường {unit.bare}, {unit.name}") for unit in units]), encoding="utf-8")
    employers(content, [f"Số 12, đường {unit.bare}" for unit in units])
    result = build(run_phiencho, content, tmp_path / "public")
    assert result.returncode == 1, result.stderr
    leaks = [d for d in parse_diagnostics(result.stderr) if d["code"] == "PC901"]
    # One line per record, each at the employer's address line of its own vacancy.
    assert len(leaks) == len(units), result.stderr
    assert all("“dia_chi”" in d["message"] and d["line"] == "12" for d in leaks), result.stderr


def test_a_failing_build_prints_one_line_per_cause_and_at_most_twenty(run_phiencho, content: Path,
                                                                      tmp_path: Path) -> None:
    phones = [f"09{12_345_678 + index * 7_919:08d}" for index in range(30)]
    (content / "seekers" / "ho-so.csv").write_text(
        "ma_ho_so;dien_thoai\n" + "".join(f"NTV-{index:05d};{phone}\n" for index, phone in enumerate(phones)),
        encoding="utf-8")
    for index in range(90):
        (content / "vacancies" / f"nb-many-{index:03d}.md").write_text(
            vacancy_text(l2=f"id: NB-MANY-{index:03d}", l21=f"Gọi {phones[index % 30]}."), encoding="utf-8")
    result = build(run_phiencho, content, tmp_path / "public")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "[PC901]" in line]
    assert len(lines) == 20, result.stderr
    assert "… và 10 phát hiện khác mã PC901" in result.stderr and "--format json" in result.stderr
    # Each line names the vacancy pages the phone reached (three each), then the other files.
    assert all(re.search(r"vào \d+ tệp: ", line) for line in lines), lines[0]
    assert all(f"viec-lam/nb-many-{n:03d}/index.html" in lines[0] for n in (0, 30, 60)), lines[0]
    as_json = run_phiencho("build", "--content", str(content), "--output", str(tmp_path / "public"), "--now", NOW,
                           "--format", "json")
    assert as_json.returncode == 1
    found = [d for d in json.loads(as_json.stdout) if d["code"] == "PC901"]
    assert len(found) == 30
    assert not (tmp_path / "public").exists()
