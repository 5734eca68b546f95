"""Smoke tests of the example site: `phiencho build` on content/ at a fixed day writes the pages
the content format promises, publishes exactly the vacancies it should, and — a first, simple
privacy check — no seeker's name, citizen ID, phone number or record id reaches any output file.

Only the standard library and pytest are used here.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import NOW

EXPIRED_RETENTION_DAYS = 90
SENSITIVE_COLUMNS = ("ho_ten", "so_cccd", "dien_thoai", "ma_ho_so")
DIGIT_COLUMNS = ("so_cccd", "dien_thoai")


# --- reading the example content (front matter keys we need, without a YAML library) -----------

def _front_matter_scalars(path: Path) -> dict[str, str]:
    """Top-level `key: value` lines of a vacancy file's front matter, quotes removed."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines and lines[0].strip() == "---", f"{path} does not start with ---"
    values: dict[str, str] = {}
    for line in lines[1:]:
        if line.strip() in ("---", "..."):
            break
        match = re.match(r"^([A-Za-z_]+):\s*(.*?)\s*$", line)
        if match and match.group(2):
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            values[match.group(1)] = value
    return values


def _vacancies(repo_root: Path) -> list[dict[str, str]]:
    files = sorted((repo_root / "content" / "vacancies").rglob("*.md"))
    assert files, "the example content has no vacancies"
    return [_front_matter_scalars(path) | {"file": str(path)} for path in files]


def _state(vacancy: dict[str, str], now: dt.date) -> str:
    """The publication rule of the content format: open, expired (page kept 90 days) or none."""
    if vacancy["status"] != "approved" or dt.date.fromisoformat(vacancy["posted"]) > now:
        return "unpublished"
    expires = dt.date.fromisoformat(vacancy["expires"])
    if now <= expires:
        return "open"
    return "expired" if (now - expires).days < EXPIRED_RETENTION_DAYS else "unpublished"


@pytest.fixture(scope="module")
def vacancies_by_state(repo_root: Path) -> dict[str, list[dict[str, str]]]:
    now = dt.date.fromisoformat(NOW)
    states: dict[str, list[dict[str, str]]] = {"open": [], "expired": [], "unpublished": []}
    for vacancy in _vacancies(repo_root):
        states[_state(vacancy, now)].append(vacancy)
    return states


# --- pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("page", [
    "index.html",
    "xa-phuong/index.html",
    "nganh-nghe/index.html",
    "404.html",
    "gioi-thieu/index.html",
])
def test_page_exists(built_site: Path, page: str) -> None:
    path = built_site / page
    assert path.is_file(), f"{page} is missing from the output"
    text = path.read_text(encoding="utf-8")
    assert "<html" in text and 'lang="vi"' in text, f"{page} is not a Vietnamese HTML page"


def test_every_plain_page_is_built(built_site: Path, repo_root: Path) -> None:
    for source in sorted((repo_root / "content" / "pages").glob("*.md")):
        assert (built_site / source.stem / "index.html").is_file(), f"no page for {source.name}"


def test_open_vacancies_have_pages_and_are_listed(built_site: Path, vacancies_by_state) -> None:
    open_vacancies = vacancies_by_state["open"]
    assert open_vacancies, f"the example content has no vacancy open on {NOW}"
    listings = "".join(path.read_text(encoding="utf-8")
                       for path in [built_site / "index.html", *sorted((built_site / "trang").rglob("index.html"))])
    for vacancy in open_vacancies:
        slug = vacancy["id"].lower()
        page = built_site / "viec-lam" / slug / "index.html"
        assert page.is_file(), f"open vacancy {vacancy['id']} ({vacancy['file']}) has no page"
        assert 'content="noindex"' not in page.read_text(encoding="utf-8"), f"open vacancy {vacancy['id']} is noindex"
        assert f"viec-lam/{slug}/" in listings, f"open vacancy {vacancy['id']} is not in the home/listing pages"


def test_expired_vacancies_keep_a_marked_noindex_page(built_site: Path, vacancies_by_state) -> None:
    for vacancy in vacancies_by_state["expired"]:
        page = built_site / "viec-lam" / vacancy["id"].lower() / "index.html"
        assert page.is_file(), f"expired vacancy {vacancy['id']} lost its page before 90 days"
        text = page.read_text(encoding="utf-8")
        assert "Đã hết hạn nộp hồ sơ" in text
        assert re.search(r'<meta name="robots" content="noindex', text), f"expired {vacancy['id']} is indexable"


def test_unpublished_vacancies_have_no_output(built_site: Path, vacancies_by_state) -> None:
    assert vacancies_by_state["unpublished"], "the example content should hold a draft or withdrawn vacancy"
    for vacancy in vacancies_by_state["unpublished"]:
        slug = vacancy["id"].lower()
        page = built_site / "viec-lam" / slug / "index.html"
        if vacancy["status"] == "withdrawn" and page.exists():
            # Its address answers "Tin này đã được gỡ" (issue #34), and nothing else of it is published.
            html = page.read_text(encoding="utf-8")
            assert "Tin này đã được gỡ" in html and vacancy["title"] not in html, vacancy["id"]
        else:
            assert not (built_site / "viec-lam" / slug).exists(), f"{vacancy['id']} ({vacancy['status']}) was published"
        for path in built_site.rglob("*"):
            if path.is_file() and path != page:
                assert f"viec-lam/{slug}/" not in path.read_text(encoding="utf-8", errors="replace"), \
                    f"{path.relative_to(built_site)} links to unpublished {vacancy['id']}"


def test_check_accepts_the_example_content(run_phiencho) -> None:
    result = run_phiencho("check", "--content", "content", "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert "lỗi[" not in result.stderr


# --- privacy: seeker records never reach the output ----------------------------------------

def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _squeeze_digits(text: str) -> str:
    """Removes spaces, dots and hyphens between digits: "0970 607 486" → "0970607486"."""
    return re.sub(r"(?<=\d)[ .\-](?=\d)", "", text)


def _seeker_values(repo_root: Path) -> list[tuple[str, int, str, str]]:
    """(seeker file, row number, column, value) for every non-empty sensitive cell."""
    files = sorted((repo_root / "content" / "seekers").glob("*.csv"))
    assert files, "the example content has no content/seekers/*.csv"
    values = []
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
        reader = csv.DictReader(text.splitlines(), dialect=dialect)
        header = {name.strip(): name for name in reader.fieldnames or []}
        assert header.keys() & set(SENSITIVE_COLUMNS), f"{path.name} has none of the columns {SENSITIVE_COLUMNS}"
        for row_number, row in enumerate(reader, start=2):
            for column in SENSITIVE_COLUMNS:
                value = (row.get(header.get(column, column)) or "").strip()
                if value:
                    values.append((path.name, row_number, column, value))
    return values


def test_no_seeker_value_in_any_output_file(built_site: Path, repo_root: Path) -> None:
    values = _seeker_values(repo_root)
    assert len(values) >= 4, "too few seeker values read: the CSV was not parsed"
    needles = []
    for file_name, row_number, column, value in values:
        needle = _squeeze_digits(value) if column in DIGIT_COLUMNS else _normalise(value)
        needles.append((file_name, row_number, column, needle))

    findings = []
    for path in sorted(built_site.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes().decode("utf-8", errors="replace")
        text = _normalise(raw + "\n" + html.unescape(raw))
        digits = _squeeze_digits(text)
        for file_name, row_number, column, needle in needles:
            haystack = digits if column in DIGIT_COLUMNS else text
            if needle in haystack:
                # Never print the value itself: name where it came from instead.
                findings.append(f"{path.relative_to(built_site)}: {column} of row {row_number} in seekers/{file_name}")
    assert not findings, "seeker data found in the output:\n" + "\n".join(findings)
