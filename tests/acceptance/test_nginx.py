"""The shipped nginx configuration (deploy/nginx/phiencho.conf) serving the example site under
/phien-cho/, as the portal will (issue 7).

A complete nginx.conf is generated around the shipped snippet in a temporary folder — the snippet
itself is used unchanged but for the site's folder in `alias` — and Debian's nginx runs it in the
foreground on a free 127.0.0.1 port, every path (pid, logs, temporary files) inside that folder:

    nginx -e stderr -p TMP -c TMP/nginx.conf -g 'daemon off; pid TMP/nginx.pid; error_log stderr;'

Checked over HTTP (http.client: raw answers, no decompression): home, a vacancy, feeds
(application/rss+xml), a search index shard (cached a year, immutable), the manifest and HTML (short
cache), a missing page (404 with the theme's page), gzip, no directory listing, redirects that keep
the sub-path, and the security headers on every answer, errors included. Then Chromium loads home,
a vacancy, the 404 page and the search page through nginx: no Content-Security-Policy violation,
and search works under the policy. nginx is stopped at the end.
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

import web_support as web
from conftest import REPO_ROOT, one_file_of_each_kind

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
SNIPPET = REPO_ROOT / "deploy" / "nginx" / "phiencho.conf"
SHIPPED_ALIAS = "/srv/phiencho/public/"
SUB_PATH = "/phien-cho/"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
SHORT_CACHE = "public, max-age=300"
LONG_CACHE = "public, max-age=31536000, immutable"
HASHED = re.compile(r"\.[0-9a-f]{10}\.[a-z0-9]+$")


@pytest.fixture(scope="module", autouse=True)
def nginx_installed() -> None:
    """A missing nginx fails these tests (it is never a reason to skip them)."""
    if not (Path(NGINX).exists() and MIME_TYPES.exists()):
        pytest.fail(f"{NGINX} or {MIME_TYPES} is missing: run ./scripts/setup.sh test (installs Debian's nginx)")


# --- running nginx ---------------------------------------------------------------------------

def write_test_config(folder: Path, site: Path, port: int) -> Path:
    """A complete nginx.conf in `folder` that serves `site` on 127.0.0.1:`port` through the shipped
    snippet (its `alias` pointed at `site`). Returns the path of nginx.conf."""
    snippet = SNIPPET.read_text(encoding="utf-8")
    assert snippet.count(SHIPPED_ALIAS) == 1, f"the snippet should name {SHIPPED_ALIAS} once, in alias"
    (folder / "phiencho.conf").write_text(snippet.replace(SHIPPED_ALIAS, f"{site.resolve()}/"), encoding="utf-8")
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "temp" / name).mkdir(parents=True, exist_ok=True)
    # As root, nginx's workers would switch to "nobody", who cannot read pytest's private temporary
    # folders: keep them as root there. Without root, nginx ignores `user` and runs as the caller.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    config = f"""{user}worker_processes 1;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/temp/client_body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        # the portal's own pages: not phiencho's
        location / {{ return 404 "portal\\n"; }}
        include {folder}/phiencho.conf;
    }}
}}
"""
    path = folder / "nginx.conf"
    path.write_text(config, encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Nginx:
    process: subprocess.Popen
    port: int
    folder: Path

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes, list[tuple[str, str]]]:
        """(status, headers with one value each, body, every header line) — nothing decoded."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read(), response.getheaders()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def nginx(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    folder = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    config = write_test_config(folder, built_site, port)
    check = subprocess.run([NGINX, "-t", "-e", "stderr", "-p", str(folder), "-c", str(config),
                            "-g", f"pid {folder}/nginx.pid; error_log stderr;"],
                           capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert check.returncode == 0, f"nginx -t rejects the configuration:\n{check.stderr}"
    log = open(folder / "nginx.stderr", "w")
    process = subprocess.Popen([NGINX, "-e", "stderr", "-p", str(folder), "-c", str(config),
                                "-g", f"daemon off; pid {folder}/nginx.pid; error_log stderr;"],
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Nginx(process, port, folder)
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            log.close()
            pytest.fail(f"nginx exited {process.returncode}:\n{(folder / 'nginx.stderr').read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("nginx did not start listening within 15 s")
            time.sleep(0.05)
    try:
        yield server
    finally:
        process.send_signal(signal.SIGQUIT)          # graceful stop of the master we started
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        errors = [line for line in (folder / "nginx.stderr").read_text().splitlines()
                  if re.search(r"\[(emerg|alert|crit)\]", line)]
        assert not errors, "nginx logged:\n" + "\n".join(errors)


def _assert_security_headers(headers: dict[str, str], where: str) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, f"{where}: {name} is {headers.get(name)!r}, not {value!r}"
    assert headers.get("Server") == "nginx", f"{where}: the Server header tells {headers.get('Server')!r}"


def _first(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"no {pattern} in the site"
    return found[0].relative_to(site).as_posix()


# --- answers -----------------------------------------------------------------------------------

def test_home_and_a_vacancy_are_html_with_a_short_cache(nginx: Nginx, built_site: Path) -> None:
    for path, file in [("", "index.html"), ("viec-lam/nb-2026-001/", "viec-lam/nb-2026-001/index.html"),
                       ("xa-phuong/", "xa-phuong/index.html"), ("tim-kiem/", "tim-kiem/index.html"),
                       ("trang/2/", "trang/2/index.html"), ("gioi-thieu/", "gioi-thieu/index.html")]:
        status, headers, body, _ = nginx.get(SUB_PATH + path)
        assert status == 200, f"{path}: {status}"
        assert headers["Content-Type"] == "text/html; charset=utf-8", headers["Content-Type"]
        assert headers["Cache-Control"] == SHORT_CACHE, f"{path}: {headers.get('Cache-Control')}"
        assert "Content-Encoding" not in headers, "no gzip unless asked for"
        assert body == (built_site / file).read_bytes()
        _assert_security_headers(headers, path or "home")


@pytest.mark.parametrize("pattern, content_type, cache", [pytest.param(*case, id=case[0]) for case in [
    ("rss.xml", "application/rss+xml; charset=utf-8", SHORT_CACHE),
    ("xa-phuong/*/rss.xml", "application/rss+xml; charset=utf-8", SHORT_CACHE),
    ("nganh-nghe/*/rss.xml", "application/rss+xml; charset=utf-8", SHORT_CACHE),
    ("tim-kiem/manifest.json", "application/json; charset=utf-8", SHORT_CACHE),
    ("tim-kiem/shard-*.json", "application/json; charset=utf-8", LONG_CACHE),
    ("tim-kiem/cards-*.json", "application/json; charset=utf-8", LONG_CACHE),
    ("assets/style.*.css", "text/css; charset=utf-8", LONG_CACHE),
    ("assets/search.*.js", "application/javascript; charset=utf-8", LONG_CACHE),
    ("sitemap.xml", "application/xml; charset=utf-8", SHORT_CACHE),
    ("robots.txt", "text/plain; charset=utf-8", SHORT_CACHE),
    ("404.html", "text/html; charset=utf-8", SHORT_CACHE),
]])
def test_types_and_cache_lifetimes(nginx: Nginx, built_site: Path, pattern: str, content_type: str, cache: str) -> None:
    file = _first(built_site, pattern)
    assert bool(HASHED.search(file)) == (cache == LONG_CACHE), f"{file}: only content-hashed files live long"
    status, headers, body, _ = nginx.get(SUB_PATH + file)
    assert status == 200, f"{file}: {status}"
    assert headers["Content-Type"] == content_type, f"{file}: {headers['Content-Type']}"
    assert headers["Cache-Control"] == cache, f"{file}: {headers.get('Cache-Control')}"
    assert body == (built_site / file).read_bytes()
    assert "ETag" in headers and "Last-Modified" in headers, "revalidation is cheap"
    _assert_security_headers(headers, file)


# What nginx sends for each kind of file a site holds; a kind missing here fails the test below.
NGINX_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8", ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml",
    ".ics": "text/calendar; charset=utf-8",
}


def test_every_kind_of_file_has_its_own_type(nginx: Nginx, built_site: Path) -> None:
    kinds = one_file_of_each_kind(built_site)
    assert set(kinds) <= set(NGINX_TYPES), f"no expected type for {set(kinds) - set(NGINX_TYPES)}"
    for suffix, file in kinds.items():
        path = file.relative_to(built_site).as_posix()
        status, headers, body, _ = nginx.get(SUB_PATH + path)
        assert (status, headers["Content-Type"]) == (200, NGINX_TYPES[suffix]), path
        assert body == file.read_bytes(), path


def test_every_feed_is_rss(nginx: Nginx, built_site: Path) -> None:
    feeds = sorted(built_site.rglob("rss.xml"))
    assert len(feeds) > 100
    for feed in feeds[::7] + feeds[-1:]:
        status, headers, _, _ = nginx.get(SUB_PATH + feed.relative_to(built_site).as_posix())
        assert (status, headers["Content-Type"]) == (200, "application/rss+xml; charset=utf-8"), feed


@pytest.mark.parametrize("path", ["nope/", "viec-lam/nb-2099-999/", "khong-co.html", "assets/style.0123456789.css",
                                  "tim-kiem/shard-9.0123456789.json", "xa-phuong/khong-co/rss.xml"])
def test_a_missing_page_is_404_with_the_theme_page(nginx: Nginx, built_site: Path, path: str) -> None:
    status, headers, body, _ = nginx.get(SUB_PATH + path)
    assert status == 404, f"{path}: {status}"
    assert body == (built_site / "404.html").read_bytes(), "the body is the theme's 404 page"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == SHORT_CACHE, "an error is never cached for long"
    _assert_security_headers(headers, f"404 for {path}")


@pytest.mark.parametrize("path", ["assets/", "viec-lam/", "tim-kiem/../assets/"])
def test_no_folder_is_listed(nginx: Nginx, built_site: Path, path: str) -> None:
    assert not (built_site / path / "index.html").exists()
    status, headers, body, _ = nginx.get(SUB_PATH + path)
    assert status == 404, f"{path}: {status}"
    assert b"Index of" not in body and body == (built_site / "404.html").read_bytes(), "a folder is listed"
    _assert_security_headers(headers, f"folder {path}")


def test_gzip_when_asked(nginx: Nginx, built_site: Path) -> None:
    for file in ("index.html", _first(built_site, "assets/style.*.css"), _first(built_site, "assets/search.*.js"),
                 "rss.xml", _first(built_site, "tim-kiem/shard-*.json")):   # (files under 256 bytes stay as they are)
        status, headers, body, _ = nginx.get(SUB_PATH + file, {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers.get("Content-Encoding") == "gzip", f"{file} is not compressed"
        assert "Accept-Encoding" in headers.get("Vary", ""), f"{file}: Vary {headers.get('Vary')!r}"
        original = (built_site / file).read_bytes()
        assert gzip.decompress(body) == original
        assert len(body) < len(original)
        _assert_security_headers(headers, f"gzip {file}")
    status, headers, body, _ = nginx.get(SUB_PATH + "nope/", {"Accept-Encoding": "gzip"})
    assert status == 404 and gzip.decompress(body) == (built_site / "404.html").read_bytes()


def test_redirects_keep_the_sub_path_and_name_no_host(nginx: Nginx) -> None:
    for path, target in [("/phien-cho", "/phien-cho/"), ("/phien-cho/viec-lam/nb-2026-001", "/phien-cho/viec-lam/nb-2026-001/"),
                         ("/phien-cho/xa-phuong", "/phien-cho/xa-phuong/")]:
        status, headers, _, _ = nginx.get(path)
        assert status == 301 and headers["Location"] == target, (path, status, headers.get("Location"))
        _assert_security_headers(headers, f"redirect of {path}")


def test_nothing_outside_the_site_is_served(nginx: Nginx) -> None:
    for path in ["/phien-cho/../etc/passwd", "/phien-cho/..%2f..%2fetc/passwd", "/phien-cho../etc/passwd",
                 "/phien-cho/%2e%2e/%2e%2e/etc/passwd"]:
        status, _, body, _ = nginx.get(path)
        assert status in (400, 404), f"{path}: {status}"
        assert b"root:" not in body


def test_headers_are_sent_once(nginx: Nginx) -> None:
    for path in (SUB_PATH, SUB_PATH + "nope/", SUB_PATH + "assets/"):
        _, _, _, lines = nginx.get(path)
        names = [name.lower() for name, _ in lines]
        for name in [*SECURITY_HEADERS, "Cache-Control"]:
            assert names.count(name.lower()) == 1, f"{path}: {name} sent {names.count(name.lower())} times"


def test_head_requests(nginx: Nginx) -> None:
    status, headers, body, _ = nginx.get(SUB_PATH, method="HEAD")
    assert status == 200 and body == b""
    _assert_security_headers(headers, "HEAD")


# --- in the browser, under the policy ------------------------------------------------------------

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    chrome = web.chrome()
    chrome.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    yield chrome
    chrome.quit()


def _violations(driver: WebDriver) -> list[str]:
    events = driver.execute_script("return window.__cspViolations || []")
    logged = [entry["message"] for entry in driver.get_log("browser")
              if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]
    return events + logged


def _load(driver: WebDriver, nginx: Nginx, path: str) -> None:
    driver.get(nginx.origin + SUB_PATH + path)
    web.wait_until(driver, "document.readyState === 'complete'")


@pytest.mark.parametrize("path", ["", "viec-lam/nb-2026-001/", "xa-phuong/phu-ly/", "gioi-thieu/", "khong-co-trang-nay/"])
def test_pages_load_under_the_policy_without_violations(driver: WebDriver, nginx: Nginx, path: str) -> None:
    driver.get_log("browser")                                     # forget earlier pages
    _load(driver, nginx, path)
    assert driver.execute_script("return window.__cspViolations !== undefined"), "the listener is installed"
    # the stylesheet loaded (style-src 'self'): the theme's styles apply
    assert driver.execute_script("return getComputedStyle(document.body).fontSize") == "18px"
    assert driver.find_element(By.TAG_NAME, "h1").text
    violations = _violations(driver)
    assert not violations, f"{path}: CSP violations:\n" + "\n".join(violations)


def test_the_policy_is_enforced(driver: WebDriver, nginx: Nginx) -> None:
    """A sanity check of the two checks above: markup with an inline handler is blocked and seen."""
    _load(driver, nginx, "")
    driver.execute_script("document.body.insertAdjacentHTML('beforeend', "
                          "'<img src=\"x.png\" alt=\"\" onerror=\"window.__ran = true\">')")
    time.sleep(0.5)
    assert not driver.execute_script("return window.__ran === true"), "an inline handler ran"
    assert any("script-src" in v for v in _violations(driver)), "the blocked handler was not reported"


def test_search_works_under_the_policy(driver: WebDriver, nginx: Nginx) -> None:
    driver.get_log("browser")
    _load(driver, nginx, "tim-kiem/?q=lai%20xe")
    web.wait_until(driver, "/^Có \\d+ việc/.test(document.querySelector('[data-search-status]').textContent)")
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "[data-search-results] a")]
    assert titles and titles[0] == "Lái xe tải hạng C", titles
    assert not driver.find_element(By.CSS_SELECTOR, "[data-search-nojs]").is_displayed(), "the script ran"
    # typing another query fetches more of the index through nginx
    box = driver.find_element(By.CSS_SELECTOR, "[data-search-form] input[name='q']")
    box.clear()
    box.send_keys("cong nhan may", Keys.ENTER)
    web.wait_until(driver, "[...document.querySelectorAll('[data-search-results] a')]"
                           ".some(a => a.textContent === 'Công nhân may công nghiệp')")
    fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any("/tim-kiem/shard-" in name for name in fetched) and any("/tim-kiem/cards-" in name for name in fetched)
    assert all(name.startswith(nginx.origin + SUB_PATH) for name in fetched), fetched
    violations = _violations(driver)
    assert not violations, "CSP violations during search:\n" + "\n".join(violations)
