"""Acceptance tests of search (issue 4) in headless Chromium: the example site served on loopback
under the sub-path /phien-cho/, searched the way citizens type (without diacritics, in capitals, in
NFD), with the query in the address and Back working, announced in a polite live region, usable
without JavaScript through the browse pages, fetching nothing from other hosts, and never turning
text from the index into HTML.

Needs Debian's chromium and chromedriver (scripts/setup.sh test) and selenium from .venv.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

import web_support as web
from conftest import NOW

SUB_PATH = "/phien-cho/"
WAIT_SECONDS = 15

DRIVING_JOB = "Lái xe tải hạng C"
FORKLIFT_JOB = "Công nhân bốc xếp kho hàng"   # mentions "lái xe nâng" in its description only
SEWING_JOB = "Công nhân may công nghiệp"
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
#: The one status line (issue #35): "Có 3 việc “…”.", "Có 3 việc “…”, thêm 2 việc gần giống.",
#: "Không có việc nào đúng “…”; 5 việc gần giống:", "Không tìm thấy việc nào “…”."
FOUND = re.compile(r"^(?:Có (\d+) việc “[^”]*”(?:, thêm (\d+) việc gần giống)?\.|Không có việc nào đúng “[^”]*”; (\d+) việc gần giống:)")
NOT_FOUND = "Không tìm thấy việc nào"


def _total(status: str) -> int:
    """How many results the status line announces."""
    match = FOUND.match(status)
    return int(match.group(3)) if match.group(3) else int(match.group(1)) + int(match.group(2) or 0)



# --- serving a built site under a sub-path ---------------------------------------------------

class SiteServer:
    """A static file server on 127.0.0.1 (a free port) whose folder holds the site as `phien-cho/`.
    Records the paths it was asked for; answers 503 to paths containing one of `failing`."""

    def __init__(self, site: Path, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        link = root / SUB_PATH.strip("/")
        if not link.exists():
            link.symlink_to(site, target_is_directory=True)
        self.requests: list[str] = []
        self.failing: set[str] = set()
        self.slow: dict[str, float] = {}   # part of a path → seconds to wait before answering
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append(urllib.parse.urlsplit(self.path).path)
                for part, seconds in server.slow.items():
                    if part in self.path:
                        time.sleep(seconds)
                if any(part in self.path for part in server.failing):
                    self.send_error(503, "Service Unavailable (test)")
                    return
                super().do_GET()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        handler = functools.partial(Handler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "") -> str:
        return self.origin + SUB_PATH + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    site_server = SiteServer(built_site, tmp_path_factory.mktemp("served"))
    yield site_server
    site_server.close()


# --- page helpers ----------------------------------------------------------------------------

def _wait(driver: WebDriver, condition, message: str, seconds: float = WAIT_SECONDS):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition(d))
    except TimeoutException:
        state = _state(driver)
        pytest.fail(f"timed out waiting for {message}; page: {state}")


def _state(driver: WebDriver) -> dict:
    """What the search page shows: address, input, status text, result titles and links."""
    return driver.execute_script("""
        const results = document.querySelector('[data-search-results]');
        const input = document.querySelector('[data-search-form] input[name="q"]');
        const status = document.querySelector('[data-search-status]');
        const links = results ? [...results.querySelectorAll('li a')] : [];
        return {
            url: location.href,
            input: input ? input.value : null,
            status: status ? status.textContent : null,
            titles: links.map(a => a.textContent),
            hrefs: links.map(a => a.href),
            rawHrefs: links.map(a => a.getAttribute('href')),
            hidden: results ? results.hidden : null,
        };
    """)


def _query_in_url(driver: WebDriver) -> str:
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    return query.get("q", [""])[0]


def _wait_for_results(driver: WebDriver, query: str, predicate, message: str) -> dict:
    """Waits until the address holds `query`, the status is final and `predicate(state)` holds.
    The address changes before the results do (they are fetched), so `predicate` must tell this
    query's results from the ones shown before."""
    def ready(d: WebDriver):
        state = _state(d)
        status = state["status"] or ""
        if _query_in_url(d) != query or not (FOUND.match(status) or status.startswith(NOT_FOUND)):
            return False
        return state if predicate(state) else False
    return _wait(driver, ready, message)


def _search_input(driver: WebDriver):
    return driver.find_element(By.CSS_SELECTOR, "[data-search-form] input[name='q']")


def _type(driver: WebDriver, text: str) -> None:
    """Empties the search box and types `text` as keystrokes."""
    field = _search_input(driver)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.BACKSPACE)
    field.send_keys(text)


def _open_search(driver: WebDriver, server: SiteServer, query: str | None = None) -> None:
    path = "tim-kiem/" + (f"?q={urllib.parse.quote(query)}" if query is not None else "")
    driver.get(server.url(path))
    _wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", "the page to load")


# --- the search page with JavaScript ---------------------------------------------------------

def test_query_in_the_address_lists_the_driving_job_first(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "lai xe")
    state = _wait_for_results(driver, "lai xe", lambda s: len(s["titles"]) > 0, "results for 'lai xe'")
    assert state["input"] == "lai xe"
    assert not state["hidden"]
    assert state["titles"][0] == DRIVING_JOB, state["titles"]
    assert FORKLIFT_JOB in state["titles"], "the forklift mention is found too, after the driving job"
    total = _total(state["status"])
    assert len(state["titles"]) == min(total, 10)
    for href, raw in zip(state["hrefs"], state["rawHrefs"]):
        assert re.fullmatch(re.escape(server.url("")) + r"(viec-lam|su-kien|hoc-nghe)/[a-z0-9-]+/", href), href
        assert not raw.startswith(("/", "http")), f"result links are relative, so base_url's path works: {raw}"
        with urllib.request.urlopen(href, timeout=10) as response:
            assert response.status == 200
    # each card shows the employer, place, salary and closing date
    details = driver.execute_script(
        "return [...document.querySelectorAll('[data-search-results] li:first-child dt')].map(e => e.textContent)")
    assert details == ["Đơn vị tuyển dụng", "Nơi làm việc", "Mức lương", "Hạn nộp hồ sơ"]


def test_courses_and_events_are_found_with_their_kind_on_the_card(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "may cong nghiep")
    state = _wait_for_results(driver, "may cong nghiep", lambda s: "May công nghiệp (sơ cấp)" in s["titles"], "the sewing course")
    card = driver.execute_script("""
        const link = [...document.querySelectorAll('[data-search-results] h2 a')].find(a => a.textContent === 'May công nghiệp (sơ cấp)');
        const article = link.closest('article');
        return {kind: article.querySelector('.card-kind').textContent, href: link.getAttribute('href'),
                labels: [...article.querySelectorAll('dt')].map(e => e.textContent)};""")
    assert card["kind"] == "Khóa học nghề" and card["href"].endswith("hoc-nghe/hn-2026-001/")
    assert card["labels"] == ["Nơi dạy", "Nơi học", "Học phí", "Hạn đăng ký"]
    _open_search(driver, server, "ngay hoi viec lam")
    state = _wait_for_results(driver, "ngay hoi viec lam", lambda s: any("Ngày hội việc làm" in t for t in s["titles"]), "the job fair")
    kinds = driver.execute_script("return [...document.querySelectorAll('[data-search-results] .card-kind')].map(e => e.textContent)")
    assert "Sự kiện" in kinds, state


def test_more_results_are_shown_on_request_and_focus_moves_to_them(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "cong")
    state = _wait_for_results(driver, "cong", lambda s: len(s["titles"]) > 0, "results for 'cong'")
    total = _total(state["status"])
    assert total > 10, f"the example needs more than one screen of results for 'cong' ({total})"
    assert len(state["titles"]) == 10
    more = driver.find_element(By.CSS_SELECTOR, "button.more")
    assert more.is_displayed() and more.text == "Xem thêm kết quả"
    more.click()
    _wait(driver, lambda d: len(_state(d)["titles"]) == min(total, 20), "the next results")
    focused = driver.execute_script("return document.activeElement.textContent")
    assert focused == _state(driver)["titles"][10], "focus moves to the first new result"
    if total <= 20:
        assert not more.is_displayed(), "the button goes away once everything is shown"


def test_index_files_are_fetched_relative_to_the_sub_path(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "lai xe")
    _wait_for_results(driver, "lai xe", lambda s: len(s["titles"]) > 0, "results")
    fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    paths = [urllib.parse.urlsplit(name).path for name in fetched]
    assert server.url("tim-kiem/manifest.json").removeprefix(server.origin) in paths
    assert any(re.fullmatch(r"/phien-cho/tim-kiem/shard-\d+\.[0-9a-f]{10}\.json", p) for p in paths), paths
    assert any(re.fullmatch(r"/phien-cho/tim-kiem/cards-\d+\.[0-9a-f]{10}\.json", p) for p in paths), paths
    assert all(p.startswith(SUB_PATH) for p in paths), paths


@pytest.mark.parametrize("typed", [
    pytest.param("cong nhan may", id="no-diacritics"),
    pytest.param("CÔNG NHÂN MAY", id="capitals"),
    pytest.param(unicodedata.normalize("NFD", "Công nhân may"), id="NFD"),
    pytest.param(unicodedata.normalize("NFD", "CÔNG NHÂN MAY"), id="capitals-NFD"),
])
def test_typing_finds_the_sewing_job(driver: WebDriver, server: SiteServer, typed: str) -> None:
    _open_search(driver, server)
    _type(driver, typed)
    state = _wait_for_results(driver, typed, lambda s: SEWING_JOB in s["titles"], f"{SEWING_JOB} for {typed!r}")
    assert state["input"] == typed, "the box holds exactly what was typed"
    assert FOUND.match(state["status"])


def test_without_diacritics_finds_the_same_as_with(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "đóng gói")
    with_marks = _wait_for_results(driver, "đóng gói", lambda s: len(s["titles"]) > 0, "results for 'đóng gói'")
    total_with = _total(with_marks["status"])
    _open_search(driver, server, "dong goi")
    without = _wait_for_results(driver, "dong goi", lambda s: len(s["titles"]) > 0, "results for 'dong goi'")
    assert _total(without["status"]) == total_with, "the same documents, whatever is typed"
    assert without["titles"][0] == with_marks["titles"][0] == "Công nhân đóng gói sản phẩm"
    # typed diacritics ask for the words written so: without them more results hold every word
    assert _complete(without["status"]) >= _complete(with_marks["status"]) > 0


def test_live_region_announces_the_count_and_no_results(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server)
    status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    results = driver.find_element(By.CSS_SELECTOR, "[data-search-results]")
    assert results.get_attribute("aria-live") in (None, "off"), "the list itself is never announced"
    assert results.get_attribute("role") in (None, "list")
    label = driver.find_element(By.CSS_SELECTOR, "label[for='tu-khoa']")
    assert label.is_displayed() and label.text.strip()

    _type(driver, "cong nhan")
    state = _wait_for_results(driver, "cong nhan", lambda s: len(s["titles"]) > 0, "results for 'cong nhan'")
    total = _total(state["status"])
    assert total >= len(state["titles"]) > 0
    assert state["status"].startswith("Có ") and "\n" not in state["status"] and len(state["status"]) <= 90, state["status"]
    assert state["titles"][0] not in state["status"], "the status announces a count, not the list"

    empty = driver.find_element(By.CSS_SELECTOR, "[data-search-empty]")
    assert not empty.is_displayed(), "the other ways in are shown only when nothing is found"
    _type(driver, "xyzzy qwerty")
    state = _wait_for_results(driver, "xyzzy qwerty", lambda s: s["status"].startswith(NOT_FOUND), "the no-results message")
    assert state["status"] == "Không tìm thấy việc nào “xyzzy qwerty”.", state["status"]
    assert state["titles"] == []
    assert state["hidden"]
    # Not a dead end: what was searched, and the commune, sector and course pages.
    assert empty.is_displayed()
    links = [a.get_attribute("href") for a in empty.find_elements(By.CSS_SELECTOR, "a") if not a.find_elements(By.XPATH, "ancestor::*[@data-search-suggestions]")]
    assert [link.split("/phien-cho/", 1)[1] for link in links[:3]] == ["xa-phuong/", "nganh-nghe/", "hoc-nghe/"]


def _complete(status: str) -> int:
    """How many results hold every word typed, from the status line."""
    match = FOUND.match(status)
    return 0 if match.group(3) else int(match.group(1))


def _cards(driver: WebDriver) -> list[dict]:
    """Each result card shown: its title and its labels ("Kết quả gần đúng", "Sự kiện", …)."""
    return driver.execute_script("""
        return [...document.querySelectorAll('[data-search-results] article')].map(a => ({
            title: a.querySelector('h2 a').textContent,
            labels: [...a.querySelectorAll('.card-kind')].map(e => e.textContent)}));""")


def test_results_with_part_of_the_words_come_after_and_are_labelled(driver: WebDriver, server: SiteServer) -> None:
    # "máy" typed with its diacritics: jobs that say "may" (sewing) hold every word only folded
    _open_search(driver, server, "công nhân máy")
    state = _wait_for_results(driver, "công nhân máy", lambda s: len(s["titles"]) > 0, "results")
    assert re.match(r"^Có (\d+) việc “công nhân máy”, thêm (\d+) việc gần giống\.", state["status"]), state["status"]
    cards = _cards(driver)
    approximate = ["Kết quả gần đúng" in c["labels"] for c in cards]
    assert approximate == sorted(approximate), f"every complete result comes first: {cards}"
    assert any(approximate) and not all(approximate)
    sewing = next(c for c in cards if c["title"] == SEWING_JOB) if any(c["title"] == SEWING_JOB for c in cards) else None
    assert sewing is None or "Kết quả gần đúng" in sewing["labels"], "may ≠ máy when the diacritics were typed"

    _open_search(driver, server, "lai xe xyzq")
    state = _wait_for_results(driver, "lai xe xyzq", lambda s: len(s["titles"]) > 0, "approximate results")
    assert re.match(r"^Không có việc nào đúng “lai xe xyzq”; \d+ việc gần giống:$", state["status"]), state["status"]
    assert state["titles"][0] == DRIVING_JOB
    assert all("Kết quả gần đúng" in c["labels"] for c in _cards(driver))


def test_one_typo_is_forgiven_and_said(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "congg nhan may")
    state = _wait_for_results(driver, "congg nhan may", lambda s: len(s["titles"]) > 0, "results for a typo")
    assert set(state["titles"][:2]) == {SEWING_JOB, "Công nhân may mũ giày"}, state["titles"]
    assert "Không có từ “congg”, đã tìm theo “công”" in state["status"], state["status"]
    assert "Kết quả gần đúng" not in _cards(driver)[0]["labels"]


def test_nothing_found_suggests_near_words_that_find_something(driver: WebDriver, server: SiteServer) -> None:
    # five letters, two edits from "thợ" and "hàn": too far to be forgiven, near enough to suggest
    _open_search(driver, server, "thooo hannn")
    state = _wait_for_results(driver, "thooo hannn", lambda s: s["status"].startswith(NOT_FOUND), "nothing found")
    block = driver.find_element(By.CSS_SELECTOR, "[data-search-empty] [data-search-suggestions]")
    assert block.is_displayed() and block.text.startswith("Có phải bạn muốn tìm:"), block.text
    links = block.find_elements(By.TAG_NAME, "a")
    assert 1 <= len(links) <= 3
    suggestion = links[0].text
    assert unicodedata.normalize("NFC", suggestion) == suggestion and suggestion != suggestion.encode("ascii", "ignore").decode(), \
        f"suggested with diacritics: {suggestion}"
    links[0].click()
    state = _wait_for_results(driver, suggestion, lambda s: len(s["titles"]) > 0, "the suggestion's results")
    assert FOUND.match(state["status"]), state["status"]
    assert not driver.find_element(By.CSS_SELECTOR, "[data-search-empty]").is_displayed()


def test_the_search_page_has_one_search_box(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server)
    assert len(driver.find_elements(By.CSS_SELECTOR, "input[type=search]")) == 1
    driver.get(server.url(""))
    assert len(driver.find_elements(By.CSS_SELECTOR, "input[type=search]")) == 1, "other pages keep the header's box"


def test_submitting_puts_the_query_in_the_address_and_back_restores_the_search(driver: WebDriver,
                                                                               server: SiteServer) -> None:
    _open_search(driver, server, "lai xe")
    first = _wait_for_results(driver, "lai xe", lambda s: len(s["titles"]) > 0, "results for 'lai xe'")

    # typed, results shown after the pause, then submitted
    _type(driver, "tho han")
    is_welding = lambda s: bool(s["titles"]) and s["titles"][0].startswith("Thợ hàn")  # noqa: E731
    _wait_for_results(driver, "tho han", is_welding, "results for 'tho han'")
    _search_input(driver).send_keys(Keys.ENTER)
    second = _wait_for_results(driver, "tho han", is_welding, "results after submitting")
    assert urllib.parse.urlsplit(driver.current_url).path == SUB_PATH + "tim-kiem/"
    assert second["titles"][0].startswith("Thợ hàn")

    # submitted at once, without a pause
    _type(driver, "bao ve")
    _search_input(driver).send_keys(Keys.ENTER)
    third = _wait_for_results(driver, "bao ve", lambda s: bool(s["titles"]) and "bảo vệ" in s["titles"][0].lower(),
                              "results for 'bao ve'")

    driver.back()
    _wait_for_results(driver, "tho han", lambda s: s["input"] == "tho han" and s["titles"] == second["titles"],
                      "Back to 'tho han'")
    driver.back()
    state = _wait_for_results(driver, "lai xe", lambda s: s["input"] == "lai xe" and s["titles"] == first["titles"],
                              "Back to 'lai xe'")
    assert state["titles"][0] == DRIVING_JOB
    driver.forward()
    _wait_for_results(driver, "tho han", lambda s: s["input"] == "tho han" and s["titles"] == second["titles"],
                      "Forward to 'tho han'")
    driver.forward()
    _wait_for_results(driver, "bao ve", lambda s: s["input"] == "bao ve" and s["titles"] == third["titles"],
                      "Forward to 'bao ve'")


@pytest.mark.parametrize("page, box", [("", "main form[role='search'] input[name='q']"),
                                       ("xa-phuong/", "header form[role='search'] input[name='q']")])
def test_the_search_box_on_every_page_leads_to_the_results(driver: WebDriver, server: SiteServer, page: str,
                                                           box: str) -> None:
    # The home page's box is in the page, under its title; every other page's is in the header's menu.
    driver.get(server.url(page))
    driver.find_element(By.CSS_SELECTOR, box).send_keys("lai xe", Keys.ENTER)
    state = _wait_for_results(driver, "lai xe", lambda s: len(s["titles"]) > 0, "results from the search box")
    assert urllib.parse.urlsplit(driver.current_url).path == SUB_PATH + "tim-kiem/"
    assert state["titles"][0] == DRIVING_JOB


def test_the_page_is_usable_while_the_index_loads(driver: WebDriver, server: SiteServer) -> None:
    server.slow["manifest.json"] = 2.0
    try:
        _open_search(driver, server, "lai xe")
        status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]")
        assert status.text == "Đang tải dữ liệu tìm kiếm…", status.text
        _type(driver, "lai xe tai")   # the box takes typing while the index is on its way
        assert _search_input(driver).get_attribute("value") == "lai xe tai"
        state = _wait_for_results(driver, "lai xe tai", lambda s: len(s["titles"]) > 0, "results once loaded")
        assert state["titles"][0] == DRIVING_JOB
    finally:
        server.slow.clear()


def test_a_failed_download_is_retried(driver: WebDriver, server: SiteServer) -> None:
    server.failing = {"manifest.json"}
    try:
        _open_search(driver, server, "lai xe")
        _wait(driver, lambda d: "Không tải được" in (_state(d)["status"] or ""), "the download error message")
    finally:
        server.failing = set()
    _search_input(driver).send_keys(Keys.ENTER)
    state = _wait_for_results(driver, "lai xe", lambda s: len(s["titles"]) > 0, "results after the network came back")
    assert state["titles"][0] == DRIVING_JOB


def test_a_page_opened_from_the_disk_says_search_needs_a_web_address(driver: WebDriver, built_site: Path) -> None:
    """Staff open public/index.html by double-clicking it: file:// cannot fetch the index, and the
    page says so (with the command to look at the site) instead of blaming the network (issue 20)."""
    driver.get((built_site / "tim-kiem" / "index.html").as_uri() + "?q=lai%20xe")
    status = _wait(driver, lambda d: _state(d)["status"] or False, "a status message")
    assert "bắt đầu bằng file:" in status and "phiencho serve" in status, status
    assert "kết nối mạng" not in status


def test_no_request_leaves_loopback(driver: WebDriver, server: SiteServer) -> None:
    _open_search(driver, server, "cong nhan may")
    _wait_for_results(driver, "cong nhan may", lambda s: SEWING_JOB in s["titles"], "results")
    _type(driver, "bao ve ca dem")
    _wait_for_results(driver, "bao ve ca dem", lambda s: "Bảo vệ ca đêm nhà xưởng" in s["titles"], "results")
    names = driver.execute_script(
        "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]")
    assert len(names) > 3
    for name in names:
        assert urllib.parse.urlsplit(name).hostname == "127.0.0.1", f"request to another host: {name}"
    # everything the page asks for is under the sub-path (the browser's own /favicon.ico aside)
    outside = [p for p in server.requests if not p.startswith(SUB_PATH) and p != "/favicon.ico"]
    assert outside == []


def test_a_site_without_open_vacancies_says_nothing_was_found(driver: WebDriver, run_phiencho,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("empty")
    output = folder / "public"
    # long after every example vacancy has closed (and their pages are gone)
    result = run_phiencho("build", "--content", "content", "--output", str(output), "--now", "2031-01-01")
    assert result.returncode == 0, result.stdout + result.stderr
    empty_server = SiteServer(output, folder / "served")
    try:
        _open_search(driver, empty_server, "cong nhan may")
        state = _wait_for_results(driver, "cong nhan may", lambda s: True, "the status")
        assert state["status"].startswith(NOT_FOUND), state["status"]
        assert state["titles"] == []
    finally:
        empty_server.close()


# --- without JavaScript --------------------------------------------------------------------

def test_without_javascript_the_page_offers_the_browse_pages(server: SiteServer) -> None:
    chrome = web.chrome(javascript=False)
    try:
        chrome.get(server.url("tim-kiem/?q=lai%20xe"))
        message = chrome.find_element(By.CSS_SELECTOR, "[data-search-nojs]")
        assert message.is_displayed(), "the no-JavaScript message shows"
        assert "JavaScript" in message.text
        links = {a.get_attribute("href") for a in message.find_elements(By.TAG_NAME, "a")}
        assert server.url("xa-phuong/") in links, links
        assert server.url("nganh-nghe/") in links, links
        for link in (server.url("xa-phuong/"), server.url("nganh-nghe/")):
            with urllib.request.urlopen(link, timeout=10) as response:
                assert response.status == 200
        results = chrome.find_element(By.CSS_SELECTOR, "[data-search-results]")
        assert not results.is_displayed()
        assert results.find_elements(By.TAG_NAME, "li") == []
        # the form still works: it submits to the same page with ?q=
        form = chrome.find_element(By.CSS_SELECTOR, "[data-search-form]")
        assert form.get_attribute("method") == "get"
        chrome.find_element(By.CSS_SELECTOR, "label[for='tu-khoa']")
        # the browse page is reachable by following the link
        message.find_element(By.PARTIAL_LINK_TEXT, "xã/phường").click()
        WebDriverWait(chrome, WAIT_SECONDS).until(lambda d: urllib.parse.urlsplit(d.current_url).path == SUB_PATH + "xa-phuong/")
    finally:
        chrome.quit()


# --- text from the index is never HTML -----------------------------------------------------

HOSTILE_VACANCY = f"""---
id: NB-2026-999
title: "{HOSTILE_TITLE}"
status: approved
posted: 2026-11-20
expires: 2026-12-31
employer:
  name: "Công ty <b>in đậm</b> & <script>alert(2)</script>"
  phone: "0229 3 999 999"
location:
  commune: Phủ Lý
sector: Vận tải – Lái xe
employment_type: full_time
openings: 1
---
Mô tả thử <img src=y onerror=alert(3)>.
"""


@pytest.fixture(scope="module")
def hostile_server(run_phiencho, repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    folder = tmp_path_factory.mktemp("hostile")
    content = folder / "content"
    shutil.copytree(repo_root / "content", content)
    (content / "vacancies" / "2026-11" / "nb-2026-999-hostile.md").write_text(HOSTILE_VACANCY, encoding="utf-8")
    output = folder / "public"
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
    if result.returncode != 0:
        pytest.fail(f"phiencho build exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    site_server = SiteServer(output, folder / "served")
    yield site_server
    site_server.close()


def test_hostile_text_from_the_index_is_shown_as_text(driver: WebDriver, hostile_server: SiteServer) -> None:
    _open_search(driver, hostile_server, "img onerror")
    state = _wait_for_results(driver, "img onerror", lambda s: len(s["titles"]) > 0, "the hostile vacancy")
    assert state["titles"][0] == HOSTILE_TITLE
    results = driver.find_element(By.CSS_SELECTOR, "[data-search-results]")
    for tag in ("img", "b", "script"):
        assert results.find_elements(By.TAG_NAME, tag) == [], f"a <{tag}> element came from the index"
    employer = driver.execute_script(
        "return document.querySelector('[data-search-results] li:first-child dd').textContent")
    assert employer == "Công ty <b>in đậm</b> & <script>alert(2)</script>"
    try:
        alert = driver.switch_to.alert
        pytest.fail(f"a script from the index ran: alert {alert.text!r}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
