"""Printing (issue 7), in headless Chromium on the example site and the generated larger one:

* a vacancy page prints cleanly on A4: Chrome's `Page.printToPDF` (A4 paper, the page's own
  `@page` size) produces a PDF of A4 pages; with the print media emulated, the skip link, the
  navigation, the search box and the "more" links are hidden, the summary and the page's address
  are shown;
* a commune page printed is a notice-board sheet: its printed text starts with
  "Bảng tin việc làm — xã/phường …", then the count, a blank "Ngày in" to fill in by hand (the build
  has no wall clock: see themes/default/templates/term.mustache), the commune's open vacancies and
  the page's address. A commune with more vacancies than one page holds prints as several sheets,
  each saying "tờ k/n": printing all of them gives every open vacancy of the commune, no more.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

import web_support as web
from web_support import SiteServer

SITES = ("example", "large")
A4_INCHES = (210 / 25.4, 297 / 25.4)
A4_POINTS = (595.28, 841.89)
BOARD_TITLE = re.compile(r"^Bảng tin việc làm — (xã|phường|đặc khu) \S")




def _media(driver: WebDriver, media: str) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def _open(driver: WebDriver, server: SiteServer, address: str, media: str = "") -> None:
    _media(driver, "")
    driver.get(server.url(address))
    web.settle(driver, address)
    _media(driver, media)


def _shown(driver: WebDriver, selector: str) -> bool:
    return driver.execute_script("""
        const all = [...document.querySelectorAll(arguments[0])];
        return all.some(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');""",
                                 selector)


def _print_pdf(driver: WebDriver) -> bytes:
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": A4_INCHES[0], "paperHeight": A4_INCHES[1], "preferCSSPageSize": True,
        "printBackground": False, "displayHeaderFooter": False})
    return base64.b64decode(result["data"])


def _pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The MediaBox (width, height in points) of each page of a PDF Chromium made."""
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    boxes = [(float(m.group(3)) - float(m.group(1)), float(m.group(4)) - float(m.group(2)))
             for m in re.finditer(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]
    assert count >= 1 and boxes, "the PDF has no page"
    return boxes[:count] if len(boxes) >= count else boxes * count


def _open_vacancies_of(site: Path, term_href: str) -> set[str]:
    """Root-relative addresses of the open vacancies whose page links to the term `term_href`
    (e.g. "xa-phuong/phu-ly/"), read from the vacancy pages themselves."""
    found = set()
    for page in sorted((site / "viec-lam").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="kind-withdrawn"' in text:
            continue
        summary = text[text.index('<dl class="summary">'):text.index("</dl>", text.index('<dl class="summary">'))]
        if f'href="../../{term_href}"' in summary and "Đã hết hạn nộp hồ sơ" not in text:
            found.add(page.parent.relative_to(site).as_posix() + "/")
    return found


# --- a vacancy -------------------------------------------------------------------------------

@pytest.mark.parametrize("site", SITES)
def test_a_vacancy_prints_cleanly_on_a4(driver: WebDriver, servers, sites, site: str) -> None:
    address = web.page_types(sites[site])["vacancy-open"]
    _open(driver, servers[site], address)
    pdf = _print_pdf(driver)
    pages = _pdf_pages(pdf)
    for width, height in pages:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, f"not A4: {width} × {height} pt"
    assert 1 <= len(pages) <= 3, f"a vacancy takes {len(pages)} A4 pages"
    print(f"{site} {address}: {len(pages)} A4 page(s), {len(pdf)} bytes of PDF")

    _media(driver, "print")
    for hidden in (".skip", ".site-nav", "form.search", ".more", ".rss"):
        assert not _shown(driver, hidden), f"{hidden} is printed"
    for shown in ("h1", "dl.summary", ".site-title", ".site-footer"):
        assert _shown(driver, shown), f"{shown} is not printed"
    text = driver.execute_script("return document.body.innerText")
    canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical in text, "the page's address is printed"
    assert "Bỏ qua, đến nội dung chính" not in text
    # nothing is wider than the paper
    overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0

    _media(driver, "screen")
    assert not _shown(driver, ".print-only"), "print-only parts show on screen"


# --- the notice board ------------------------------------------------------------------------

def _board(driver: WebDriver) -> dict:
    return driver.execute_script("""
        return {text: document.body.innerText.trim(),
                cards: [...document.querySelectorAll('.cards h3 a')].filter(a => a.getClientRects().length)
                          .map(a => a.getAttribute('href')),
                root: new URL(document.querySelector('.site-title a').getAttribute('href'), location.href).href};""")


def test_a_commune_page_prints_as_a_notice_board(driver: WebDriver, servers, sites) -> None:
    site = sites["example"]
    address = web.page_types(site)["commune"]
    _open(driver, servers["example"], address, "print")
    board = _board(driver)
    text = board["text"]
    assert BOARD_TITLE.match(text), f"the printed sheet starts with {text[:80]!r}"
    heading = text.splitlines()[0]
    name = driver.find_element(By.TAG_NAME, "h1").text      # the printed h1
    assert heading == name, (heading, name)
    assert "Ngày in:" in text, "a place for the print date"
    canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical in text, "the page's address is printed"
    assert "Đây là tờ" not in text, "everything fits on one sheet: no sheet number"
    for hidden in (".skip", ".site-header", ".pager", ".rss"):
        assert not _shown(driver, hidden), f"{hidden} is printed"

    # every open vacancy of the commune, and only those
    expected = _open_vacancies_of(site, address)
    printed = {href.removeprefix("../../") for href in board["cards"]}
    assert expected and printed == expected, f"printed {sorted(printed)}, open {sorted(expected)}"
    count = re.search(r"Có (\d+) việc làm đang tuyển", text)
    assert count and int(count.group(1)) == len(expected)

    pdf = _print_pdf(driver)
    pages = _pdf_pages(pdf)
    assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in pages)
    print(f"example {address}: {len(expected)} open vacancies on {len(pages)} A4 page(s)")

    _media(driver, "screen")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Việc làm tại "), "the screen keeps its heading"


def test_a_long_commune_board_prints_every_open_vacancy_over_its_sheets(driver: WebDriver, servers, sites) -> None:
    site, server = sites["large"], servers["large"]
    address = web.page_types(site)["commune"]
    expected = _open_vacancies_of(site, address)
    sheets = sorted((site / address / "trang").glob("*/index.html"), key=lambda p: int(p.parent.name))
    addresses = [address] + [p.parent.relative_to(site).as_posix() + "/" for p in sheets]
    total = len(addresses)
    assert total >= 3, f"{address} should need several pages, has {total}"

    printed: list[str] = []
    for number, sheet in enumerate(addresses, start=1):
        _open(driver, server, sheet, "print")
        board = _board(driver)
        text = board["text"]
        assert BOARD_TITLE.match(text), f"sheet {number} starts with {text[:80]!r}"
        assert f"Có {len(expected)} việc làm đang tuyển" in text
        assert f"Đây là tờ {number}/{total}. In đủ {total} tờ để dán đủ {len(expected)} việc làm." in text
        assert "Ngày in:" in text
        canonical = driver.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
        assert canonical in text
        assert not _shown(driver, ".pager")
        depth = sheet.count("/")
        printed += [href[3 * depth:] for href in board["cards"]]
    assert len(printed) == len(set(printed)), "a vacancy is printed twice"
    assert set(printed) == expected, "printing every sheet gives every open vacancy of the commune"
    print(f"large {address}: {len(expected)} open vacancies on {total} sheets")


def test_a_sector_page_prints_as_a_board_too(driver: WebDriver, servers, sites) -> None:
    address = web.page_types(sites["example"])["sector"]
    _open(driver, servers["example"], address, "print")
    text = _board(driver)["text"]
    assert text.startswith("Bảng tin việc làm — ngành "), text[:80]
    assert "Ngày in:" in text
