"""A vacancy a citizen can act on from the first phone screen, and pages that travel (issue 19), in
real Chromium and with real readers: the key facts and the call link above the fold at 360×800
and 1280×900 without JavaScript, a one-row header at 320 px, the centre's hotline everywhere,
Open Graph on every page, unique titles, the share and speech buttons (axe in each state), the
QR code of printed sheets read back by zbarimg, one A4 page per typical vacancy, RSS dates.
"""

from __future__ import annotations

import base64
import re
import shutil
import struct
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import web_support as web
from conftest import NOW
from test_accessibility import AXE_RUN, WCAG_TAGS, _describe_violations, axe_source  # noqa: F401 (fixture)

HOTLINE_HREF = "tel:02293871234"
VIEWPORTS = {"phone-360x800": (360, 800, True), "desktop-1280x900": (1280, 900, False)}


def _viewport(driver: WebDriver, width: int, height: int, mobile: bool) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def _open_vacancies(site: Path) -> list[Path]:
    pages = sorted(site.glob("viec-lam/*/index.html"))
    return [page for page in pages if "Đã hết hạn nộp hồ sơ." not in (text := page.read_text(encoding="utf-8"))
            and 'class="kind-withdrawn"' not in text]


@pytest.fixture(scope="module")
def no_js() -> Iterator[WebDriver]:
    driver = web.chrome(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def with_js() -> Iterator[WebDriver]:
    driver = web.chrome()
    yield driver
    driver.quit()


# --- the first screen ------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_key_facts_and_the_call_link_are_above_the_fold(no_js: WebDriver, built_site: Path, viewport: str) -> None:
    width, height, mobile = VIEWPORTS[viewport]
    _viewport(no_js, width, height, mobile)
    pages = _open_vacancies(built_site)
    assert len(pages) >= 20
    below = []
    for page in pages:
        no_js.get(page.as_uri())
        facts = {
            "title": no_js.find_element(By.CSS_SELECTOR, "h1"),
            "salary": no_js.find_element(By.XPATH, "//dl[@class='facts']//dt[.='Mức lương']/following-sibling::dd"),
            "deadline": no_js.find_element(By.XPATH, "//dl[@class='facts']//dt[.='Hạn nộp hồ sơ']/following-sibling::dd"),
            "place": no_js.find_element(By.XPATH, "//dl[@class='facts']//dt[.='Nơi làm việc']/following-sibling::dd"),
            "call": no_js.find_element(By.CSS_SELECTOR, "a.call-button[href^='tel:']"),
        }
        assert no_js.execute_script("return window.scrollY") == 0
        for name, element in facts.items():
            rect = element.rect
            if not element.is_displayed() or rect["y"] + rect["height"] > height:
                below.append(f"{page.parent.name}: {name} ends at {rect['y'] + rect['height']:.0f} px")
        assert re.search(r"\((còn \d+ ngày|hết hạn hôm nay)\)", facts["deadline"].text), facts["deadline"].text
        assert re.fullmatch(r"(xã|phường|đặc khu) .+", facts["place"].text), facts["place"].text
        assert re.fullmatch(r"Gọi [0-9 .+()]+", facts["call"].text), facts["call"].text
        assert facts["call"].rect["height"] >= 48, "the call link is a large target"
    assert not below, f"below the fold at {viewport}:\n" + "\n".join(below)


def test_days_left_are_counted_at_the_build_day(built_site: Path) -> None:
    for page in _open_vacancies(built_site):
        html = page.read_text(encoding="utf-8")
        expires = re.search(r'<dl class="facts">.*?<time datetime="(\d{4})-(\d{2})-(\d{2})"', html, re.S)
        from datetime import date
        days = (date(*map(int, expires.groups())) - date.fromisoformat(NOW)).days
        expected = "hết hạn hôm nay" if days == 0 else f"còn {days} ngày"
        assert f'<strong class="days-left">({expected})</strong>' in html, page


@pytest.mark.parametrize("width", [320, 360])
def test_the_header_is_one_row_on_small_screens_and_works_without_javascript(no_js: WebDriver, built_site: Path,
                                                                            width: int) -> None:
    _viewport(no_js, width, 800, True)
    # Not the home page: its search box is in the page itself, first thing under the title.
    no_js.get((built_site / "xa-phuong" / "index.html").as_uri())
    title = no_js.find_element(By.CSS_SELECTOR, ".site-title a").rect
    menu = no_js.find_element(By.CSS_SELECTOR, ".header-links a")
    assert menu.is_displayed() and menu.text == "Danh mục"
    assert menu.rect["y"] < title["y"] + title["height"] and title["y"] < menu.rect["y"] + menu.rect["height"], \
        "the menu link sits on the site name's row"
    header = no_js.find_element(By.CSS_SELECTOR, ".site-header").rect
    assert header["height"] <= 120, f"the header takes {header['height']} px"
    assert not no_js.find_element(By.CSS_SELECTOR, ".site-header .site-nav").is_displayed()
    menu.click()
    assert no_js.current_url.endswith("#danh-muc")
    links = [a.text for a in no_js.find_elements(By.CSS_SELECTOR, "#danh-muc a") if a.is_displayed()]
    assert links[:3] == ["Trang chủ", "Xã/phường", "Ngành nghề"], links
    assert no_js.find_element(By.CSS_SELECTOR, "#danh-muc input[name=q]").is_displayed(), "the search box opens too"


# --- the centre's hotline ------------------------------------------------------------------------

def test_every_page_has_the_hotline_in_its_footer(built_site: Path) -> None:
    pages = web.html_pages(built_site)
    missing = [page for page in pages
               if f'<a class="hotline" href="{HOTLINE_HREF}">0229 3871 234</a>' not in page.read_text(encoding="utf-8")]
    assert len(pages) > 100 and not missing, missing[:5]
    for page in _open_vacancies(built_site):
        assert f'Cần giúp? Gọi Trung tâm: <a href="{HOTLINE_HREF}">' in page.read_text(encoding="utf-8")


def test_without_an_employer_phone_the_call_link_calls_the_centre(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    vacancy = sorted((content / "vacancies").rglob("*.md"))[0]
    text = vacancy.read_text(encoding="utf-8")
    assert re.search(r"^  phone: .*\n", text, re.M)
    vacancy.write_text(re.sub(r"^  phone: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    output = tmp_path / "public"
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
    assert result.returncode == 0, result.stderr
    slug = re.search(r"^id: (.+)$", text, re.M).group(1).strip().lower()
    html = (output / "viec-lam" / slug / "index.html").read_text(encoding="utf-8")
    assert f'<a class="call-button" href="{HOTLINE_HREF}">Gọi 0229 3871 234</a>' in html
    assert "gọi Trung tâm để được giới thiệu" in html


# --- sharing and previews ---------------------------------------------------------------------------

def _meta(html: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in re.finditer(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)}


@pytest.mark.parametrize("site", ["example", "large"])
def test_every_page_has_open_graph_and_a_unique_title(sites: dict[str, Path], site: str) -> None:
    root = sites[site]
    titles: dict[str, Path] = {}
    duplicates = []
    for page in web.html_pages(root):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        meta = _meta(html)
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        for key in ("og:title", "og:description", "og:type", "og:site_name", "og:image", "twitter:card"):
            assert meta.get(key), f"{page}: no {key}"
        assert meta["og:url"] == canonical, page
        assert meta["og:locale"] == "vi_VN"
        is_vacancy = "/viec-lam/" in str(page) and 'class="kind-withdrawn"' not in html
        assert meta["og:type"] == ("article" if is_vacancy else "website"), page
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        if title in titles:
            duplicates.append(f"{title}: {titles[title]} and {page}")
        titles[title] = page
    assert not duplicates, "\n".join(duplicates[:10])
    image = meta["og:image"]
    assert image.startswith("https://") and "/assets/og-image." in image
    png = (root / "assets" / image.rsplit("/assets/", 1)[1]).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 630)


def test_a_vacancy_title_names_the_job_the_employer_and_the_place(built_site: Path) -> None:
    page = _open_vacancies(built_site)[0]
    html = page.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    assert re.fullmatch(r".+ – .+ – (xã|phường|đặc khu) .+ \| Phiên chợ việc làm “Xanh lại ước mơ”", title), title


def test_share_shows_the_plain_link_without_javascript(no_js: WebDriver, built_site: Path) -> None:
    page = _open_vacancies(built_site)[0]
    no_js.get(page.as_uri())
    link = no_js.find_element(By.CSS_SELECTOR, "[data-share] a")
    assert link.is_displayed() and link.text.startswith("https://") and link.text == link.get_attribute("href")
    assert not no_js.find_elements(By.CSS_SELECTOR, ".share-button, .speak-button")


def _axe(driver: WebDriver, source: str) -> None:
    driver.execute_script(source)
    result = driver.execute_async_script(AXE_RUN, WCAG_TAGS)
    assert "error" not in result, result
    assert not result["violations"], _describe_violations(result["violations"])


def test_the_share_button_copies_the_link_where_there_is_no_share_sheet(with_js: WebDriver, servers,
                                                                       built_site: Path, axe_source: str) -> None:
    page = _open_vacancies(built_site)[0]
    server = servers["example"]
    with_js.execute_cdp_cmd("Browser.grantPermissions", {"origin": server.origin,
                                                         "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    with_js.get(server.url(f"viec-lam/{page.parent.name}/"))
    web.wait_until(with_js, "document.querySelector('.share-button')")
    assert with_js.execute_script("return typeof navigator.share") == "undefined", "headless Chromium has no share sheet"
    _axe(with_js, axe_source)
    with_js.find_element(By.CSS_SELECTOR, ".share-button").click()
    web.wait_until(with_js, "document.querySelector('.share-status').textContent")
    status = with_js.find_element(By.CSS_SELECTOR, ".share-status").text
    assert status.startswith("Đã chép địa chỉ") or "bấm giữ" in status, status
    if status.startswith("Đã chép"):
        copied = with_js.execute_async_script("navigator.clipboard.readText().then(arguments[0])")
        assert copied == with_js.find_element(By.CSS_SELECTOR, "[data-share] a").get_attribute("href")
    _axe(with_js, axe_source)


FAKE_VOICE = """
window.__spoken = [];
const voice = {name: 'Giọng thử', lang: 'vi-VN', localService: true, default: true, voiceURI: 'vi'};
Object.defineProperty(window, 'speechSynthesis', {value: {
  speaking: false, getVoices: () => [voice], addEventListener: () => {}, cancel: () => {},
  speak: (u) => { window.__spoken.push({text: u.text, lang: u.lang}); }}});
"""


def test_the_speech_button_shows_only_with_a_vietnamese_voice_and_reads_the_key_facts(servers, built_site: Path,
                                                                                    axe_source: str) -> None:
    page = _open_vacancies(built_site)[0]
    address = servers["example"].url(f"viec-lam/{page.parent.name}/")
    plain = web.chrome()
    try:
        plain.get(address)
        web.wait_until(plain, "document.querySelector('.share-button')")
        assert not plain.find_elements(By.CSS_SELECTOR, ".speak-button"), "no Vietnamese voice, no button"
    finally:
        plain.quit()
    voiced = web.chrome()
    try:
        voiced.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_VOICE})
        voiced.get(address)
        web.wait_until(voiced, "document.querySelector('.speak-button')")
        _axe(voiced, axe_source)
        voiced.find_element(By.CSS_SELECTOR, ".speak-button").click()
        spoken = voiced.execute_script("return window.__spoken")
        assert len(spoken) == 1 and spoken[0]["lang"] == "vi-VN"
        title = voiced.find_element(By.CSS_SELECTOR, "h1").text
        assert spoken[0]["text"].startswith(title + ". Mức lương"), spoken
        assert "Hạn nộp hồ sơ" in spoken[0]["text"] and "Gọi " in spoken[0]["text"]
        assert voiced.find_element(By.CSS_SELECTOR, ".speak-button").text == "Dừng đọc"
        _axe(voiced, axe_source)
    finally:
        voiced.quit()


def test_no_share_sdk_and_no_speech_service(built_site: Path) -> None:
    for name in ("share", "speech"):
        script = next((built_site / "assets").glob(f"{name}.*.js")).read_text(encoding="utf-8")
        assert not re.search(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}|fetch\(|XMLHttpRequest|sendBeacon", script), name


# --- JSON-LD and feeds ------------------------------------------------------------------------------

def test_job_posting_description_has_requirements_and_benefits_and_absolute_links(built_site: Path) -> None:
    import json
    checked = 0
    for page in _open_vacancies(built_site):
        html = page.read_text(encoding="utf-8")
        posting = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert posting["directApply"] is False
        description = posting["description"]
        for href in re.findall(r'(?:href|src)="([^"]*)"', description):
            assert href.startswith(("https://", "http://", "mailto:", "tel:", "#")), (page, href)
        if "<h2>Yêu cầu</h2>" in html:
            assert "<h3>Yêu cầu</h3>" in description
            checked += 1
        if "<h2>Quyền lợi</h2>" in html:
            assert "<h3>Quyền lợi</h3>" in description
    assert checked >= 5


def test_rss_items_carry_the_phone_and_noon_dates(built_site: Path) -> None:
    channel = ET.parse(built_site / "rss.xml").getroot().find("channel")
    assert channel.findtext("lastBuildDate").endswith("22 Nov 2026 12:00:00 +0700")
    items = channel.findall("item")
    assert items
    for item in items:
        assert re.search(r"\d{2} \w{3} \d{4} 12:00:00 \+0700$", item.findtext("pubDate")), item.findtext("pubDate")
    with_phone = [item for item in items if "Điện thoại: " in item.findtext("description")]
    assert len(with_phone) >= len(items) // 2


def test_empty_term_pages_are_noindex_and_left_out_of_the_sitemap(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    empty = []
    for page in list(built_site.glob("xa-phuong/*/index.html")) + list(built_site.glob("nganh-nghe/*/index.html")):
        html = page.read_text(encoding="utf-8")
        url = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        if '<article class="card">' in html:     # a vacancy's card (an event's is "card agenda-card")
            assert '<meta name="robots" content="noindex">' not in html and f"<loc>{url}</loc>" in sitemap
        else:
            empty.append(page)
            assert '<meta name="robots" content="noindex">' in html and f"<loc>{url}</loc>" not in sitemap
    assert empty, "the example has communes without open vacancies"


def test_the_communes_index_lists_communes_with_vacancies_first(built_site: Path) -> None:
    html = (built_site / "xa-phuong" / "index.html").read_text(encoding="utf-8")
    first, rest = html.split('<ul class="terms-compact">')
    counts = [int(n) for n in re.findall(r'<span class="count">\((\d+) việc làm\)</span>', first)]
    assert counts and counts == sorted(counts, reverse=True)
    assert "việc làm)" not in rest and "<a " not in rest.split("</ul>")[0]


def test_cards_name_places_as_the_vacancy_does(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    places = re.findall(r'<span class="sr-only">Nơi làm việc: </span>([^<]+) · ', home)
    assert places and all(re.fullmatch(r"(xã|phường|đặc khu) .+", place) for place in places), places


# --- paper ---------------------------------------------------------------------------------------

def _decode_qr(driver: WebDriver, svg: str, tmp_path: Path) -> str:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 500, "height": 500, "deviceScaleFactor": 1, "mobile": False})
    page = "<body style='margin:0;background:#fff'>" + svg.replace('class="qr"', 'style="width:410px;height:410px"') + "</body>"
    driver.get("data:text/html;charset=utf-8," + urllib.parse.quote(page))
    image = tmp_path / "qr.png"
    image.write_bytes(driver.get_screenshot_as_png())
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_printed_sheets_carry_a_qr_code_of_the_page_read_back_by_zbarimg(with_js: WebDriver, built_site: Path,
                                                                         tmp_path: Path) -> None:
    assert shutil.which("zbarimg"), "zbarimg is missing: scripts/setup.sh test installs zbar-tools"
    pages = [_open_vacancies(built_site)[0], built_site / "xa-phuong" / "index.html"]
    pages += [page for page in built_site.glob("xa-phuong/*/index.html") if '<ul class="cards">' in page.read_text(encoding="utf-8")][:1]
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        svg = re.search(r'<svg class="qr".*?</svg>', html)
        if page.parent.name == "xa-phuong":
            assert svg is None, "the index is not a notice sheet"
            continue
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert _decode_qr(with_js, svg.group(0), tmp_path) == canonical
        checked += 1
    assert checked == 2


def _pdf_pages(driver: WebDriver, address: str) -> int:
    driver.get(address)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    data = base64.b64decode(pdf["data"])
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", data))


def test_a_typical_vacancy_prints_on_one_a4_page_with_its_qr_code(no_js: WebDriver, built_site: Path) -> None:
    no_js.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    counts = {page.parent.name: _pdf_pages(no_js, page.as_uri()) for page in _open_vacancies(built_site)}
    two = {name: n for name, n in counts.items() if n != 1}
    assert len(two) <= len(counts) // 10, f"printed on more than one A4 page: {two}"
    no_js.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        no_js.get(_open_vacancies(built_site)[0].as_uri())
        assert no_js.find_element(By.CSS_SELECTOR, "svg.qr").is_displayed()
        assert "Đường dây nóng: 0229 3871 234" in no_js.find_element(By.CSS_SELECTOR, "body").text
        assert not no_js.find_element(By.CSS_SELECTOR, ".share").is_displayed()
    finally:
        no_js.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
