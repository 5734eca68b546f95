"""Citizen pages, round two (issue #34), in Chromium at 360×800 (device scale 2) on every page type
of the example and the large site: the home page's search box and first job on the first screen,
targets of at least 44×44, unique ids and no empty sections, the anti-scam sentence and the report
links, similar open vacancies, what an expired or withdrawn address says, descriptions that never
label the reader, an icon of our own, chart labels of at least 14 px, event and course sheets with
their QR code, and the vacancy page's weight.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import time
import urllib.parse
from pathlib import Path

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import web_support as web

SITES = ["example", "large"]
PHONE = {"width": 360, "height": 800, "deviceScaleFactor": 2, "mobile": True}
REPO = Path(__file__).resolve().parents[2]
LABELLING = [line.strip() for line in (REPO / "themes/default/labelling-words.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
FREE_SENTENCE = "không ai được đòi bạn tiền, tiền đặt cọc hay giữ giấy tờ gốc"
REPORT_TEXT = "Báo tin này sai hoặc có dấu hiệu lừa đảo"


def _open(driver: WebDriver, server: web.SiteServer, address: str) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    driver.get(server.url(address))
    web.settle(driver, address)


def _types(sites: dict[str, Path], site: str) -> dict[str, str]:
    return web.page_types(sites[site])


CASES = [pytest.param(site, kind, id=f"{site}-{kind}") for site in SITES
         for kind in ("home", "listing-2", "vacancy-open", "vacancy-expired", "vacancy-withdrawn", "communes", "commune",
                      "sectors", "sector", "search", "search-results", "plain-page", "statistics", "employers", "employer",
                      "partners", "events", "event", "trainings", "training", "not-found")]


# --- the first screen ---------------------------------------------------------------------------

@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_the_home_page_shows_the_search_box_and_the_first_job_unscrolled(sites, site: str, javascript: bool) -> None:
    driver = web.chrome(javascript=javascript)
    server = web.SiteServer(sites[site])
    try:
        _open(driver, server, "")
        boxes = driver.execute_script("""
          const box = e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; };
          return {form: box(document.querySelector('main form[role=search]')),
                  input: box(document.querySelector('main input[name=q]')),
                  cards: [...document.querySelectorAll('main .cards > li')].slice(0, 4).map(box), y: scrollY};""")
        assert boxes["y"] == 0
        for name in ("form", "input"):
            top, bottom, left, right = boxes[name]
            assert top >= 0 and bottom <= 800 and left >= 0 and right <= 360, (name, boxes)
        first = boxes["cards"][0]
        assert first[0] >= 0 and first[1] <= 800 and first[3] <= 360, f"the first card is cut off: {boxes}"
        # Compact cards: the three after the first fit in one screen.
        assert boxes["cards"][3][1] - boxes["cards"][1][0] <= 800, boxes["cards"]
        # The form works without JavaScript: a GET to tim-kiem/?q=
        form = driver.find_element(By.CSS_SELECTOR, "main form[role=search]")
        assert form.get_attribute("method") == "get" and form.get_attribute("action").endswith("/tim-kiem/")
    finally:
        driver.quit()
        server.close()


# --- every page type ------------------------------------------------------------------------------

INSPECT = """
const out = {small: [], ids: [], emptySections: [], emptyHeadings: []};
for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
  const style = getComputedStyle(el);
  if (el.closest('[hidden]') || style.display === 'none' || style.visibility === 'hidden' || el.classList.contains('skip')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  // The one exception: a plain link inside a running paragraph (a sentence around it).
  const p = el.closest('p');
  const running = el.tagName === 'A' && style.display === 'inline' && p
    && p.textContent.trim().length >= el.textContent.trim().length + 20;
  if (running) continue;
  if (r.width < 44 || r.height < 44) out.small.push(`${el.tagName}.${el.className} “${(el.textContent || el.value || '').trim().slice(0, 40)}” ${Math.round(r.width)}×${Math.round(r.height)}`);
}
const seen = {};
for (const el of document.querySelectorAll('[id]')) seen[el.id] = (seen[el.id] || 0) + 1;
out.ids = Object.keys(seen).filter(id => seen[id] > 1);
for (const h of document.querySelectorAll('h1, h2, h3, h4')) if (!h.textContent.trim()) out.emptyHeadings.push(h.outerHTML);
for (const section of document.querySelectorAll('main section')) {
  const rest = [...section.children].filter(c => !/^H[1-6]$/.test(c.tagName));
  if (!rest.some(c => c.textContent.trim() || c.querySelector('svg, input'))) out.emptySections.push(section.outerHTML.slice(0, 120));
}
for (const list of document.querySelectorAll('main ul, main ol')) {
  if (!list.hidden && !list.closest('[hidden]') && list.children.length === 0 && !list.hasAttribute('data-search-results'))
    out.emptySections.push('empty list: ' + list.outerHTML.slice(0, 120));
}
return out;
"""


@pytest.mark.parametrize("site, kind", CASES)
def test_targets_ids_and_sections_on_every_page_type(driver: WebDriver, sites, servers, site: str, kind: str) -> None:
    types = _types(sites, site)
    if kind not in types:
        pytest.skip(f"the {site} site has no {kind} page")   # the large site has no withdrawn vacancy of age
    _open(driver, servers[site], types[kind])
    found = driver.execute_script(INSPECT)
    assert not found["small"], f"{site} {kind}: targets under 44×44 at 360 px:\n" + "\n".join(found["small"])
    assert not found["ids"], f"{site} {kind}: ids used twice: {found['ids']}"
    assert not found["emptyHeadings"] and not found["emptySections"], found


@pytest.mark.parametrize("selector", [".site-footer a.hotline", "a.calendar-link", ".free-help .report a", ".card h3 a"])
def test_the_named_small_targets_of_the_issue_are_44_high(driver: WebDriver, sites, servers, selector: str) -> None:
    types = _types(sites, "example")
    for kind in ("event", "vacancy-open", "home"):
        _open(driver, servers["example"], types[kind])
        for element in driver.find_elements(By.CSS_SELECTOR, selector):
            if element.is_displayed():
                assert element.rect["height"] >= 44 and element.rect["width"] >= 44, (kind, selector, element.rect)
                return
    pytest.fail(f"no {selector} on the event, vacancy or home page")


# --- against scams --------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["vacancy-open", "vacancy-expired", "event", "training"])
def test_applying_is_free_and_a_suspicious_notice_can_be_reported(sites, kind: str) -> None:
    site = sites["example"]
    address = _types(sites, "example")[kind]
    page = (site / address / "index.html").read_text(encoding="utf-8")
    assert FREE_SENTENCE in page, kind
    settings = yaml.safe_load((REPO / "content/site.yml").read_text(encoding="utf-8"))
    hotline = "tel:" + re.sub(r"\D", "", settings["hotline"])
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', page)
    assert (hotline, REPORT_TEXT) in links, kind
    mail = [href for href, text in links if href.startswith("mailto:")]
    assert mail and mail[0].startswith(f"mailto:{settings['email']}?subject="), mail
    subject = urllib.parse.unquote(mail[0].split("subject=", 1)[1])
    page_id = re.search(r"(?:viec-lam|su-kien|hoc-nghe)/([^/]+)/", address).group(1)
    assert page_id.upper() in subject.upper() and "lừa đảo" in subject, subject


# --- no dead ends ---------------------------------------------------------------------------------

def _card_links(page_html: str, section_id: str) -> list[str]:
    start = page_html.find(f'id="{section_id}"')
    assert start >= 0, f"no section #{section_id}"
    section = page_html[start:page_html.index("</section>", start)]
    return re.findall(r'<h3><a href="\.\./\.\./(viec-lam/[^"]+/)">', section)


def _terms(site: Path, vacancy: str) -> tuple[str, str]:
    text = (site / vacancy / "index.html").read_text(encoding="utf-8")
    summary = text[text.index('<dl class="summary">'):]
    commune = re.search(r'href="\.\./\.\./(xa-phuong/[^"]+/)"', summary).group(1)
    sector = re.search(r'href="\.\./\.\./(nganh-nghe/[^"]+/)"', summary).group(1)
    return commune, sector


@pytest.mark.parametrize("site", SITES)
def test_each_vacancy_lists_three_similar_open_vacancies_in_order(sites, site: str) -> None:
    root = sites[site]
    open_terms = {}
    for page in sorted((root / "viec-lam").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="kind-withdrawn"' not in text and "Đã hết hạn nộp hồ sơ" not in text:
            address = page.parent.relative_to(root).as_posix() + "/"
            open_terms[address] = _terms(root, address)
    checked = 0
    for page in sorted((root / "viec-lam").glob("*/index.html"))[:80]:
        text = page.read_text(encoding="utf-8")
        if 'class="kind-withdrawn"' in text:
            continue
        address = page.parent.relative_to(root).as_posix() + "/"
        similar = _card_links(text, "tuong-tu") if 'id="tuong-tu"' in text else []
        commune, sector = _terms(root, address)
        # Similar ones first; the newest open vacancies fill the rest, so every page offers three.
        assert len(similar) == min(3, len(open_terms) - (address in open_terms)), (address, similar)
        assert address not in similar and len(set(similar)) == len(similar), (address, similar)
        ranks = []
        for other in similar:
            other_text = (root / other / "index.html").read_text(encoding="utf-8")
            assert "Đã hết hạn nộp hồ sơ" not in other_text and 'class="kind-withdrawn"' not in other_text, other
            other_commune, other_sector = _terms(root, other)
            ranks.append(0 if (other_sector, other_commune) == (sector, commune) else 1 if other_sector == sector
                         else 2 if other_commune == commune else 3)
        assert ranks == sorted(ranks), (address, similar, ranks)
        checked += 1
    assert checked >= 20


def _meta(page_html: str, name: str) -> str:
    match = re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)"', page_html)
    return html.unescape(match.group(1)) if match else ""


@pytest.mark.parametrize("site", SITES)
def test_an_expired_vacancy_says_so_in_its_title_and_preview_and_shows_similar_ones_first(sites, site: str) -> None:
    root = sites[site]
    address = _types(sites, site)["vacancy-expired"]
    text = (root / address / "index.html").read_text(encoding="utf-8")
    assert _meta(text, "og:description").startswith("Đã hết hạn nộp hồ sơ"), _meta(text, "og:description")
    assert _meta(text, "description").startswith("Đã hết hạn nộp hồ sơ")
    assert re.search(r"<title>Đã hết hạn nộp hồ sơ", text)
    assert text.index('id="tuong-tu"') < text.index('<dl class="facts">'), "the similar open vacancies come first"
    assert _card_links(text, "tuong-tu")


def test_a_withdrawn_vacancys_address_says_only_that(sites, servers, driver: WebDriver) -> None:
    root = sites["example"]
    withdrawn = [path for path in (REPO / "content/vacancies").rglob("*.md") if "\nstatus: withdrawn" in path.read_text(encoding="utf-8")]
    assert withdrawn
    front = yaml.safe_load(withdrawn[0].read_text(encoding="utf-8").split("---")[1])
    address = f"viec-lam/{front['id'].lower()}/"
    text = (root / address / "index.html").read_text(encoding="utf-8")
    assert "Tin này đã được gỡ" in text and '<meta name="robots" content="noindex">' in text
    for detail in (front["title"], front["employer"]["name"]):
        assert html.escape(detail) not in text and detail not in text, detail
    assert _card_links(text, "tuong-tu"), "no similar open vacancies"
    for listing in ["sitemap.xml", "rss.xml", *[p.relative_to(root).as_posix() for p in root.glob("tim-kiem/**/*.json")]]:
        assert address not in (root / listing).read_text(encoding="utf-8"), listing
    assert not [p for p in root.rglob("index.html") if p.parent != root / address and address in p.read_text(encoding="utf-8")]
    _open(driver, servers["example"], address)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Tin này đã được gỡ"


# --- dignity in what is shared --------------------------------------------------------------------

def _labels(text: str) -> list[str]:
    words = re.findall(r"\w+", text.lower())
    found = []
    for phrase in LABELLING:
        parts = phrase.lower().split()
        if any(words[i:i + len(parts)] == parts for i in range(len(words))):
            found.append(phrase)
    return found


def _shared_texts(page_html: str) -> list[str]:
    title = re.search(r"<title>([^<]*)</title>", page_html)
    return [html.unescape(title.group(1)) if title else ""] + [_meta(page_html, name) for name in
                                                               ("description", "og:description", "og:title")]


@pytest.mark.parametrize("site", SITES)
def test_no_title_or_description_labels_the_reader(sites, site: str) -> None:
    assert "tù" in LABELLING and "tái hòa nhập" in LABELLING
    problems = []
    for page in web.html_pages(sites[site]):
        for text in _shared_texts(page.read_text(encoding="utf-8")):
            if _labels(text):
                problems.append(f"{page.relative_to(sites[site])}: {text!r} {_labels(text)}")
    assert not problems, "\n".join(problems[:10])


def test_labelling_settings_and_pages_are_not_shared(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    import shutil
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    site_yml = content / "site.yml"
    site_yml.write_text(re.sub(r"(?m)^description: .*$", "description: Việc làm cho người đã chấp hành xong án phạt tù, hỗ trợ tái hòa nhập.",
                               site_yml.read_text(encoding="utf-8")), encoding="utf-8")
    (content / "pages" / "ho-tro.md").write_text("---\ntitle: Hỗ trợ phạm nhân mãn hạn tù\n---\nNgười chấp hành xong án phạt tù được hỗ trợ. "
                                                 "Trung tâm tư vấn miễn phí.\n", encoding="utf-8")
    output = tmp_path / "public"
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", "2026-11-22")
    assert result.returncode == 0, result.stderr
    for page in (output / "index.html", output / "ho-tro" / "index.html"):
        texts = _shared_texts(page.read_text(encoding="utf-8"))
        assert all(not _labels(text) for text in texts), texts
    # The page itself still says what it says.
    assert "Hỗ trợ phạm nhân mãn hạn tù</h1>" in (output / "ho-tro" / "index.html").read_text(encoding="utf-8")


# --- loose ends -----------------------------------------------------------------------------------

def test_every_page_has_an_icon_and_loads_nothing_missing(sites) -> None:
    server = web.SiteServer(sites["example"])
    driver = web.chrome()
    try:
        for kind, address in _types(sites, "example").items():
            if kind == "not-found":
                continue
            server.requests.clear()
            _open(driver, server, address)
            time.sleep(0.2)
            icons = driver.execute_script("return [...document.querySelectorAll('link[rel=icon]')].map(l => l.href)")
            assert len(icons) == 2, kind
            for path in server.requests:
                local = urllib.parse.unquote(path)[len(web.SUB_PATH):]
                target = sites["example"] / local
                assert target.is_file() or (target / "index.html").is_file(), f"{kind}: {path} is missing"
            assert not any(path.endswith("favicon.ico") for path in server.requests), kind
    finally:
        driver.quit()
        server.close()


def test_chart_labels_are_at_least_14_px(driver: WebDriver, sites, servers) -> None:
    _open(driver, servers["example"], "thong-ke/")
    sizes = driver.execute_script("""return [...document.querySelectorAll('svg.chart text')].map(t =>
        parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width)""")
    assert sizes and min(sizes) >= 14, min(sizes)


@pytest.mark.parametrize("kind", ["event", "training"])
def test_event_and_course_pages_share_and_print_their_qr_code(driver: WebDriver, sites, servers, kind: str) -> None:
    address = _types(sites, "example")[kind]
    _open(driver, servers["example"], address)
    assert driver.find_elements(By.CSS_SELECTOR, "[data-share] button"), "the share button"
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        qr = driver.find_elements(By.CSS_SELECTOR, ".board-info svg.qr")
        assert qr and qr[0].is_displayed(), "the QR code on paper"
        for selector in ("[data-share]", "a.calendar-link", ".free-help", ".site-nav", "form.search"):
            for element in driver.find_elements(By.CSS_SELECTOR, selector):
                assert not element.is_displayed(), f"{selector} printed"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_phone_numbers_in_text_can_be_tapped(sites) -> None:
    root = sites["example"]
    linked = 0
    for page in root.glob("viec-lam/*/index.html"):
        text = page.read_text(encoding="utf-8")
        if "<h2>Cách ứng tuyển</h2>" not in text:
            continue
        apply = text[text.index("<h2>Cách ứng tuyển</h2>"):]
        apply = apply[:apply.index("</div>")] if "</div>" in apply else ""
        for number in re.findall(r"(?<![\d>])0\d{2,3}(?:[ .]\d{3,4}){2}(?![\d<])", re.sub(r"<a [^>]*>[^<]*</a>", "", apply)):
            pytest.fail(f"{page}: {number} is not a link")
        linked += len(re.findall(r'<a href="tel:\d+">', apply))
    assert linked >= 5


def test_an_address_never_repeats_its_commune(sites) -> None:
    pattern = re.compile(r"((?:xã|phường|đặc khu) [^,<]+), \1(?![\w])")
    for site in SITES:
        for path in list(web.html_pages(sites[site])) + [sites[site] / "rss.xml"]:
            match = pattern.search(path.read_text(encoding="utf-8"))
            assert not match, f"{path}: {match.group(0)}"


def test_the_vacancy_page_with_its_css_stays_under_30_kb_gzip(sites) -> None:
    root = sites["example"]
    css = next(root.glob("assets/style.*.css")).read_bytes()
    heaviest = max((root / "viec-lam").glob("*/index.html"), key=lambda p: p.stat().st_size)
    total = len(gzip.compress(heaviest.read_bytes(), 9)) + len(gzip.compress(css, 9))
    assert total <= 30 * 1024, f"{heaviest}: {total} bytes gzip with its CSS"


def test_check_warns_when_the_content_calls_another_number_the_centres(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    import shutil
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    page = content / "pages" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nĐường dây nóng: 0229 3 888 000.\n", encoding="utf-8")
    result = run_phiencho("check", "--content", str(content), "--now", "2026-11-22", "--format", "json")
    assert result.returncode == 0, result.stderr
    found = [d for d in json.loads(result.stdout) if d["code"] == "PC324"]
    lines = page.read_text(encoding="utf-8").splitlines()
    assert len(found) == 1 and found[0]["path"].endswith("pages/gioi-thieu.md"), found
    assert found[0]["line"] == len(lines) and found[0]["severity"] == "warning", found
    # The example content is consistent.
    clean = run_phiencho("check", "--content", str(repo_root / "content"), "--now", "2026-11-22", "--format", "json")
    assert not [d for d in json.loads(clean.stdout) if d["code"] == "PC324"]
