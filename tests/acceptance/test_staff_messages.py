"""What a staff member sees after the usual mistakes (issue 20), with the real binary: each file in
staff_mistakes/ is a vacancy made with `phiencho new`, filled in, then spoiled the way staff spoil
them (a missing colon, Word's quotes and bullets, a non-breaking space, a file saved as UTF-16 …).
Each has its one expected diagnostic, word for word, at its line and column; no message anywhere
holds the English of libyaml or of the argument parser.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "staff_mistakes"
NOW = "2026-12-02"

#: file → (line, column, severity, code, message)
EXPECTED: dict[str, tuple[int, int, str, str, str]] = {
    "thieu-hai-cham": (42, 1, "lỗi", "PC203",
        "Thiếu dấu hai chấm (:) sau tên trường “openings”. Dòng đang là “openings 15”; hãy viết “openings: 15”."),
    "hai-cham-trong-gia-tri": (65, 15, "lỗi", "PC203",
        "Giá trị của “apply” có dấu hai chấm và dấu cách (“: ”) nên phải đặt trong ngoặc kép. Dòng đang là "
        "“apply: Liên hệ: chị Hoa”; hãy viết “apply: \"Liên hệ: chị Hoa\"”."),
    "dau-cach-khong-ngat": (28, 1, "lỗi", "PC208",
        "Dòng này có một “dấu cách” lạ (dấu cách không ngắt dòng, thường có khi dán chữ từ Word hoặc trang web) ở "
        "đầu dòng. Hãy xóa khoảng trắng đó và gõ lại bằng phím Space."),
    "thut-le-lech": (28, 1, "lỗi", "PC203",
        "Dòng “phone: \"0226 3851 234\"” thụt lề 3 dấu cách, lệch một dấu cách so với dòng trên “address: Số 5 "
        "đường Lê Lợi” (2 dấu cách). Các dòng cùng nhóm phải thẳng hàng: hãy để đúng 2 dấu cách ở đầu dòng."),
    "thut-le-tab": (28, 1, "lỗi", "PC204", "Dòng này thụt lề bằng phím Tab. Hãy dùng dấu cách (phím Space) để thụt lề."),
    "ngoac-kep-chua-dong": (13, 8, "lỗi", "PC203",
        "Dấu ngoặc kép (\") mở ở dòng này nhưng không được đóng. Dòng đang là “title: \"Thợ may công nghiệp”; "
        "hãy thêm \" vào cuối giá trị: “title: \"Thợ may công nghiệp\"”."),
    "ngoac-cong-tieu-de": (13, 8, "cảnh báo", "PC317",
        "Giá trị của “title” nằm trong dấu ngoặc cong “…” (thường do dán từ Word); chương trình đọc nó không có "
        "dấu ngoặc: “Thợ may công nghiệp”. Hãy xóa hai dấu ngoặc đó."),
    "ngoac-cong-xa-phuong": (34, 12, "cảnh báo", "PC317",
        "Giá trị của “location.commune” nằm trong dấu ngoặc cong “…” (thường do dán từ Word); chương trình đọc "
        "nó không có dấu ngoặc: “Phủ Lý”. Hãy xóa hai dấu ngoặc đó."),
    "dau-dau-dong-word": (54, 1, "lỗi", "PC203",
        "Dòng “– Sức khỏe tốt” bắt đầu bằng “–” (dấu đầu dòng của Word). Danh sách viết mỗi mục một dòng, bắt "
        "đầu bằng dấu trừ thường và một dấu cách, thụt lề hai dấu cách dưới tên danh sách, ví dụ “  - Sức khỏe tốt”."),
    "go-nham-ten-truong": (42, 1, "lỗi", "PC301",
        "Trường “opennings” không có trong mẫu — có phải là “openings” (số lượng)? Trường bắt buộc này đang "
        "thiếu, nên hãy sửa tên trường ở dòng này."),
    "hinh-thuc-tieng-viet": (40, 18, "lỗi", "PC311",
        "Giá trị “toàn thời gian” của trường “employment_type” phải viết bằng từ trong mẫu: hãy viết "
        "“employment_type: full_time”. Chỉ được dùng: full_time (toàn thời gian), part_time (bán thời gian), "
        "seasonal (thời vụ)."),
    "luong-theo-thang": (50, 11, "lỗi", "PC311",
        "Giá trị “thang” của trường “salary.period” phải viết bằng từ trong mẫu: hãy viết “period: month”. "
        "Chỉ được dùng: hour (giờ), day (ngày), month (tháng)."),
    "ngay-kieu-viet-nam": (20, 10, "lỗi", "PC305",
        "Ngày “31/12/2026” ở trường “expires” phải viết theo dạng NĂM-THÁNG-NGÀY: hãy viết “expires: 2026-12-31”."),
    "luu-bang-utf16": (1, 1, "lỗi", "PC102",
        "Tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã UTF-16 LE (Notepad gọi là “Unicode” hoặc "
        "“UTF-16 LE”). Mở tệp bằng Notepad, chọn Tệp → Lưu thành…, ở ô “Mã hóa” (Encoding) chọn “UTF-8”, rồi "
        "bấm Lưu và chạy lại."),
    "luu-bang-windows-1258": (2, 10, "lỗi", "PC102",
        "Tệp không phải văn bản UTF-8: có vẻ được lưu bằng bảng mã Windows-1258 (bảng mã tiếng Việt cũ của "
        "Windows, Notepad gọi là “ANSI”). Mở tệp bằng Notepad, chọn Tệp → Lưu thành…, ở ô “Mã hóa” (Encoding) "
        "chọn “UTF-8”, rồi bấm Lưu và chạy lại."),
}

#: English that must never reach staff: libyaml's and swift-argument-parser's words.
ENGLISH = re.compile(
    r"found |expected|while (scanning|parsing)|not allowed|mapping values|could not|did not find|Error:|Usage:|"
    r"USAGE|OPTIONS|ARGUMENTS|SUBCOMMANDS|OVERVIEW|Show help|See '|Unexpected|Unknown option|Missing|"
    r"invalid|is invalid|Please provide|default:|Did you mean")


def assert_vietnamese(text: str) -> None:
    english = ENGLISH.search(text)
    assert english is None, f"English reaches staff ({english.group(0)!r}):\n{text}"


@pytest.fixture()
def content(repo_root: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(repo_root / "content", folder)
    return folder


def test_every_fixture_has_an_expectation() -> None:
    names = {path.stem for path in FIXTURES.glob("*.md")} - {"hop-le"}
    assert names == set(EXPECTED)


def test_the_unspoiled_file_is_valid(run_phiencho, content: Path) -> None:
    shutil.copy(FIXTURES / "hop-le.md", content / "vacancies")
    result = run_phiencho("check", "--content", str(content), "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert "hop-le.md" not in result.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_mistake_is_one_vietnamese_message_at_its_line(run_phiencho, content: Path, name: str) -> None:
    shutil.copy(FIXTURES / f"{name}.md", content / "vacancies")
    result = run_phiencho("check", "--content", str(content), "--now", NOW)
    line, column, severity, code, message = EXPECTED[name]
    shown = [entry for entry in result.stderr.splitlines() if f"/{name}.md" in entry]
    assert shown == [f"{content}/vacancies/{name}.md:{line}:{column}: {severity}[{code}]: {message}"], result.stderr
    assert result.returncode == (1 if severity == "lỗi" else 0)
    assert_vietnamese(result.stdout + result.stderr)


def test_after_an_error_the_summary_says_the_site_online_is_unchanged(run_phiencho, content: Path,
                                                                      tmp_path: Path) -> None:
    output = tmp_path / "public"
    first = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
    assert first.returncode == 0, first.stderr
    counts = re.search(r": (\d+) tin đang tuyển, (\d+) tin hết hạn, (\d+) bản nháp", first.stdout)
    assert counts, first.stdout
    shutil.copy(FIXTURES / "thieu-hai-cham.md", content / "vacancies")
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
    assert result.returncode == 1
    assert result.stdout.startswith("Chưa tạo trang vì có 1 lỗi; trang web đang đăng vẫn giữ nguyên. "), result.stdout
    # The counts are those of the files that could be read: the same as before, drafts included.
    assert f"trong các tin đọc được có {counts.group(1)} tin đang tuyển, {counts.group(2)} tin hết hạn, " \
           f"{counts.group(3)} bản nháp" in result.stdout, result.stdout
    check = run_phiencho("check", "--content", str(content), "--now", NOW)
    assert check.stdout.startswith("Có 1 lỗi cần sửa trước khi tạo trang. "), check.stdout


# --- the command line --------------------------------------------------------------------------

@pytest.mark.parametrize("arguments, said", [
    (["--help"], "CÁCH DÙNG: phiencho <lệnh>"),
    (["build", "--help"], "--output <thư-mục>"),
    (["new", "--help"], "Hiện hướng dẫn này."),
    (["frob"], "Lỗi: Không có lệnh “frob”. Các lệnh là: build, check, audit, new, import, serve, report."),
    (["build", "--contnet", "x"], "Lỗi: Không có tùy chọn “--contnet”. Có phải là “--content”?"),
    (["build", "--bogus"], "Lỗi: Không có tùy chọn “--bogus”."),
    (["build", "--content"], "Lỗi: Thiếu giá trị sau “--content <thư-mục>”."),
    (["check", "--format", "xml"], "Lỗi: Giá trị “xml” không dùng được cho “--format <kiểu>”. Chỉ được dùng: “text”, “json”."),
    (["build", "--force=1"], "Lỗi: Tùy chọn “--force” không nhận giá trị (đang ghi “1”)."),
    (["build", "--now", "31/12/2026"], "Lỗi: --now cần ngày theo dạng năm-tháng-ngày (YYYY-MM-DD): hãy ghi --now 2026-12-31 thay cho “31/12/2026”."),
    (["check", "--now", "hôm nay"], "Lỗi: --now phải là một ngày có thật theo dạng YYYY-MM-DD"),
    (["check", "một", "hai"], "Lỗi: Thừa 2 giá trị: “một”, “hai”."),
    (["serve", "--port", "tám"], "Lỗi: Giá trị “tám” không dùng được cho “--port <cổng>”."),
    (["new"], "Lỗi: Hãy ghi vị trí tuyển dụng"),
    (["report", "--help"], "--from <ngày>"),
    (["import", "--help"], "--template <tệp.xlsx>"),
    (["import"], "Lỗi: Hãy ghi tên bảng tính cần nhập"),
    (["import", "a.xlsx", "--template", "b.xlsx"], "Lỗi: Dùng một trong hai"),
])
def test_command_line_mistakes_and_help_are_in_vietnamese(run_phiencho, tmp_path: Path, arguments: list[str],
                                                          said: str) -> None:
    result = run_phiencho(*arguments, cwd=tmp_path)
    assert said in result.stdout + result.stderr, result.stdout + result.stderr
    assert_vietnamese(result.stdout + result.stderr)
    assert result.returncode == (0 if arguments[-1] == "--help" else 2)


def test_new_takes_a_title_without_quotes_and_prints_the_next_command(phiencho_bin: Path, content: Path,
                                                                      tmp_path: Path) -> None:
    result = subprocess.run([str(phiencho_bin), "new", "Thợ", "may", "công", "nghiệp", "--content", str(content),
                             "--now", NOW], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    created = Path(result.stdout.strip())
    assert created.name.endswith("-tho-may-cong-nghiep.md")
    assert 'title: "Thợ may công nghiệp"' in created.read_text(encoding="utf-8")
    # The exact command, as the program was typed, ready to copy.
    assert f"  {phiencho_bin} check --content {content}\n" in result.stderr, result.stderr
    assert f"{phiencho_bin} serve --content {content}" in result.stderr
    assert_vietnamese(result.stderr)


@pytest.mark.parametrize("where, hint", [
    ("content", "Có phải bạn đang ở trong thư mục content? Hãy quay ra thư mục chứa nó (gõ “cd ..”) rồi chạy lại "
                "lệnh, hoặc thêm “--content .”."),
    ("content/vacancies", "Có phải bạn đang ở trong thư mục content? Hãy quay ra thư mục chứa nó (gõ “cd ../..”)"),
    ("scripts", "Thư mục content nằm ở thư mục trên: hãy gõ “cd ..” rồi chạy lại lệnh."),
    (".", "Thư mục content nằm trong thư mục site: hãy gõ “cd site” rồi chạy lại lệnh."),
])
def test_a_missing_content_folder_says_where_it_probably_is(run_phiencho, repo_root: Path, tmp_path: Path,
                                                            where: str, hint: str) -> None:
    shutil.copytree(repo_root / "content", tmp_path / "site" / "content")
    (tmp_path / "site" / "scripts").mkdir()
    cwd = tmp_path / "site" / where if where != "." else tmp_path
    result = run_phiencho("check", cwd=cwd)
    assert result.returncode == 1
    assert f"content: lỗi[PC106]: Không tìm thấy thư mục nội dung. {hint}" in result.stderr, result.stderr


def test_the_scripts_speak_vietnamese(repo_root: Path) -> None:
    """Every message the scripts print themselves (echo, say, die) is Vietnamese."""
    messages = []
    for script in (repo_root / "scripts").glob("*.sh"):
        for line in script.read_text(encoding="utf-8").splitlines():
            found = re.search(r"""\b(?:echo|say|die)\s+(["'])(.+?)\1""", line)
            if found and re.search(r"[a-zA-Z]{3}", found.group(2)):
                messages.append((script.name, found.group(2)))
    assert len(messages) >= 15
    vietnamese = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
    english = [(name, text) for name, text in messages if not vietnamese.search(text)]
    assert english == [], english


def test_build_site_warns_that_the_first_build_takes_minutes(repo_root: Path) -> None:
    script = (repo_root / "scripts" / "build-site.sh").read_text(encoding="utf-8")
    assert "lần đầu; việc này mất vài phút" in script
    assert "phiencho serve" in script
