"""Shared helpers of the accessibility, weight/privacy and nginx acceptance tests (issue 7):

* `write_large_content` — a generated larger site: the example's settings, lists and pages plus
  300 synthetic vacancies spread over a few communes and every sector, so that the home listing,
  term pages (`…/trang/2/`) and search have many pages and results; `large_site` builds it once per
  test session (cached here, since conftest.py is shared with other test files);
* `SiteServer` — a static server on 127.0.0.1 that serves a built folder under the sub-path
  /phien-cho/ (as the portal does) and answers a missing page with the site's 404.html;
* `chrome` — headless Debian Chromium through chromedriver;
* `page_types` — one representative address for each page type of a built site;
* `parse_html` — a small, standard-library HTML parser giving elements in document order.

Not a test module: pytest collects nothing here.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import threading
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver

from conftest import NOW

SUB_PATH = "/phien-cho/"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
LARGE_COUNT = 300
LARGE_BASE_URL = "https://vieclam.ninhbinh.example.vn/phien-cho/"


# --- the generated larger site ---------------------------------------------------------------

TITLES = [
    ("Lái xe tải hạng C", "Vận tải – Lái xe"),
    ("Lái xe nâng trong kho", "Kho vận – Bốc xếp"),
    ("Phụ xe giao hàng", "Vận tải – Lái xe"),
    ("Công nhân may công nghiệp", "Dệt may – Da giày"),
    ("Thợ hàn khung thép", "Cơ khí – Hàn"),
    ("Phụ hồ công trình dân dụng", "Xây dựng"),
    ("Công nhân đóng gói sản phẩm", "Đóng gói – Lắp ráp"),
    ("Bảo vệ ca đêm nhà xưởng", "Bảo vệ"),
    ("Nhân viên phục vụ quán ăn", "Dịch vụ – Nhà hàng"),
    ("Công nhân chế biến thủy sản", "Chế biến thực phẩm"),
    ("Thợ mộc đóng đồ gia dụng", "Sản xuất đồ gỗ"),
    ("Công nhân vệ sinh đường phố", "Vệ sinh môi trường"),
    ("Thợ điện dân dụng", "Điện – Điện tử"),
    ("Công nhân bốc xếp hàng hóa", "Kho vận – Bốc xếp"),
    ("Công nhân trồng rau sạch", "Nông nghiệp"),
    ("Thợ đan cói xuất khẩu", "Thủ công mỹ nghệ"),
    ("Công nhân sản xuất gạch không nung", "Vật liệu xây dựng"),
]
EMPLOYERS = [
    "Công ty TNHH Sản xuất Thương mại Dịch vụ Tổng hợp Hoàng Long Ninh Bình",
    "Hợp tác xã Nông nghiệp Sạch Yên Mô",
    "Công ty Cổ phần Vận tải Hành khách và Hàng hóa Nam Định",
    "Hộ kinh doanh Nguyễn Văn Bình",
    "Công ty TNHH May mặc Xuất khẩu Thành Nam",
    "Doanh nghiệp tư nhân Xây dựng Phú Sơn",
]
# Most vacancies in a few places, so their term pages have several pages; the rest spread out.
COMMUNE_WEIGHTS = [("Phủ Lý", 60), ("Gia Trấn", 35), ("Nam Định", 25), ("Tam Điệp", 12)]


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _large_vacancy(number: int, communes: list[str]) -> str:
    title, sector = TITLES[number % len(TITLES)]
    employer = EMPLOYERS[number % len(EMPLOYERS)]
    weighted = [name for name, weight in COMMUNE_WEIGHTS for _ in range(weight)]
    commune = weighted[number % len(weighted)] if number % 3 else communes[(number * 7) % len(communes)]
    now = dt.date.fromisoformat(NOW)
    if number % 20 == 0:      # expired, within the 90 days its page is kept
        expires = now - dt.timedelta(days=1 + number % 60)
        posted = expires - dt.timedelta(days=30)
    else:
        posted = now - dt.timedelta(days=4 + (number * 7) % 90)
        expires = now + dt.timedelta(days=(number * 11) % 90)   # some close today
    status = "approved"
    if number % 97 == 0:
        status = "draft"
    elif number % 89 == 0:
        status = "withdrawn"
    lines = [
        "---",
        f"id: LG-2026-{number:04d}",
        f"title: {_yaml_string(title)}",
        f"status: {status}",
        f"posted: {posted.isoformat()}",
        f"expires: {expires.isoformat()}",
        "employer:",
        f"  name: {_yaml_string(employer)}",
        f"  address: {_yaml_string(f'Số {number}, đường Trần Hưng Đạo, {commune}, tỉnh Ninh Bình')}",
        f"  phone: \"0912 {number:03d} {number % 1000:03d}\"",
    ]
    if number % 2 == 0:
        lines.append(f"  email: tuyendungnhansu.phongtochuchanhchinh{number}@congtyhoanglongninhbinh.example.vn")
    if number % 3 == 0:
        lines.append(f"  website: https://www.congtytnhhsanxuatthuongmaidichvuhoanglong{number}.example.vn/tuyen-dung/cong-nhan-lao-dong-pho-thong")
    lines += [
        "location:",
        f"  commune: {_yaml_string(commune)}",
        f"  address: {_yaml_string(f'Xưởng số {number % 9 + 1}, khu công nghiệp')}",
        f"sector: {_yaml_string(sector)}",
        f"employment_type: {['full_time', 'part_time', 'seasonal'][number % 3]}",
        f"openings: {1 + number % 30}",
    ]
    salary = number % 5
    if salary == 1:
        lines += ["salary:", "  min: 6500000", "  max: 9000000", "  period: month"]
    elif salary == 2:
        lines += ["salary:", "  min: 7000000", "  period: month"]
    elif salary == 3:
        lines += ["salary:", "  min: 250000", "  max: 350000", "  period: day"]
    elif salary == 4:
        lines += ["salary:", "  max: 30000", "  period: hour"]
    lines += [
        "requirements:",
        "  - Nam, nữ từ 18 đến 50 tuổi",
        "  - Chăm chỉ, đi làm đều",
        "benefits:",
        "  - Trả lương đúng ngày",
        "  - Đóng bảo hiểm xã hội sau khi ký hợp đồng",
        "tags:",
        "  - không yêu cầu kinh nghiệm",
        "  - nhận người đã chấp hành xong án phạt tù",
        f"apply: {_yaml_string('Gọi **0912 000 111** hoặc đến gặp quản đốc trong giờ hành chính.')}",
        "---",
        f"Cơ sở cần thêm người cho công việc {title.lower()}. Người chưa biết việc sẽ được kèm trong tháng đầu.",
        "",
        "- Làm giờ hành chính, nghỉ Chủ nhật",
        "- Tăng ca có báo trước và **tính lương riêng**",
        "",
        "Chúng tôi không phân biệt quá khứ, mong có thêm người làm lâu dài.",
        "",
    ]
    return "\n".join(lines)


def write_large_content(content: Path, repo_root: Path, count: int = LARGE_COUNT) -> Path:
    """The example's site.yml (with LARGE_BASE_URL), communes.yml, sectors.yml and pages, plus
    `count` generated vacancies. Returns `content`."""
    source = repo_root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name in ("communes.yml", "sectors.yml"):
        shutil.copy(source / name, content / name)
    shutil.copytree(source / "pages", content / "pages")
    for folder in ("events", "trainings"):
        shutil.copytree(source / folder, content / folder)
    shutil.copy(source / "employers.yml", content / "employers.yml")
    settings = (source / "site.yml").read_text(encoding="utf-8")
    settings = re.sub(r"(?m)^base_url:.*$", f"base_url: {LARGE_BASE_URL}", settings)
    (content / "site.yml").write_text(settings, encoding="utf-8")
    communes = [entry["name"] for entry in yaml.safe_load((source / "communes.yml").read_text(encoding="utf-8"))]
    folder = content / "vacancies" / "sinh-tu-dong"
    folder.mkdir(parents=True)
    for number in range(1, count + 1):
        (folder / f"lg-2026-{number:04d}.md").write_text(_large_vacancy(number, communes), encoding="utf-8")
    return content


_large_site_cache: dict[str, Path] = {}


def large_site(run_phiencho, repo_root: Path, tmp_path_factory) -> Path:
    """The generated larger site, built once per test session at NOW; returns its output folder."""
    if "site" not in _large_site_cache:
        folder = tmp_path_factory.mktemp("large")
        content = write_large_content(folder / "content", repo_root)
        output = folder / "public"
        result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
        if result.returncode != 0:
            raise AssertionError(f"phiencho build of the large site exited {result.returncode}\n"
                                 f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        _large_site_cache["site"] = output
    return _large_site_cache["site"]


# --- which page is which ---------------------------------------------------------------------

def _first(paths, predicate=lambda path: True) -> Path | None:
    return next((path for path in sorted(paths) if predicate(path)), None)


def _folder_url(site: Path, index: Path) -> str:
    return index.parent.relative_to(site).as_posix() + "/"


@functools.lru_cache(maxsize=None)
def page_types(site: Path) -> dict[str, str]:
    """Page type → address relative to the site root (`""` is home), for a built site (read once:
    do not change the result). `not-found` is an address that does not exist: the server answers
    it with 404.html."""
    all_vacancy_pages = sorted((site / "viec-lam").glob("*/index.html"))
    withdrawn_page = _first(all_vacancy_pages, lambda p: 'class="kind-withdrawn"' in p.read_text(encoding="utf-8"))
    vacancy_pages = [page for page in all_vacancy_pages if page != withdrawn_page
                     and 'class="kind-withdrawn"' not in page.read_text(encoding="utf-8")]
    open_page = _first(vacancy_pages, lambda p: "Đã hết hạn nộp hồ sơ" not in p.read_text(encoding="utf-8"))
    expired_page = _first(vacancy_pages, lambda p: "Đã hết hạn nộp hồ sơ" in p.read_text(encoding="utf-8"))
    assert open_page and expired_page, f"{site} needs an open and an expired vacancy"

    def busiest(section: str) -> Path:
        pages = sorted((site / section).glob("*/index.html"))
        return max(pages, key=lambda p: (len(list((p.parent / "trang").glob("*/index.html"))),
                                         p.read_text(encoding="utf-8").count('class="card"'), -len(str(p))))

    commune, sector = busiest("xa-phuong"), busiest("nganh-nghe")
    types = {
        "home": "",
        "listing-2": "trang/2/",
        "vacancy-open": _folder_url(site, open_page),
        "vacancy-expired": _folder_url(site, expired_page),
        "communes": "xa-phuong/",
        "commune": _folder_url(site, commune),
        "sectors": "nganh-nghe/",
        "sector": _folder_url(site, sector),
        "search": "tim-kiem/",
        "search-results": "tim-kiem/?q=" + urllib.parse.quote("lai xe"),
        "plain-page": "gioi-thieu/",
        "statistics": "thong-ke/",
        "employers": "nha-tuyen-dung/",
        "employer": _folder_url(site, busiest("nha-tuyen-dung")),
        "partners": "dong-hanh/",
        "events": "su-kien/",
        "event": _folder_url(site, _first((site / "su-kien").glob("*/index.html"))),
        "trainings": "hoc-nghe/",
        "training": _folder_url(site, _first((site / "hoc-nghe").glob("*/index.html"))),
        "not-found": "khong-co-trang-nay/",
    }
    if withdrawn_page:
        types["vacancy-withdrawn"] = _folder_url(site, withdrawn_page)
    if (commune.parent / "trang" / "2" / "index.html").is_file():
        types["commune-2"] = _folder_url(site, commune.parent / "trang" / "2" / "index.html")
    return types


# --- serving ---------------------------------------------------------------------------------

class SiteServer:
    """Serves `site` on 127.0.0.1 (a free port) under SUB_PATH; a missing file is answered with
    status 404 and the site's 404.html, as the shipped nginx configuration does."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.requests: list[str] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                local = urllib.parse.urlsplit(path).path
                if not local.startswith(SUB_PATH):
                    return str(server.site / "__outside_the_sub_path__")
                return super().translate_path("/" + local[len(SUB_PATH):])

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests.append(urllib.parse.urlsplit(self.path).path)
                target = Path(self.translate_path(self.path))
                if target.is_dir():
                    if not self.path.split("?")[0].endswith("/"):
                        super().do_GET()          # redirect to the folder with a slash
                        return
                    target = target / "index.html"
                if not target.is_file():
                    body = (server.site / "404.html").read_bytes()
                    self.send_response(404)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().do_GET()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        handler = functools.partial(Handler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, address: str = "") -> str:
        return self.origin + SUB_PATH + address

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- the browser ------------------------------------------------------------------------------

def chrome(javascript: bool = True, width: int = 1000, height: int = 1400) -> WebDriver:
    """Headless Debian Chromium. The browser log (console messages, CSP reports) is kept."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        raise RuntimeError(f"{CHROMIUM} or {CHROMEDRIVER} is missing: run ./scripts/setup.sh test "
                           "(installs Debian's chromium and chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def wait_until(driver: WebDriver, script: str, seconds: float = 15) -> None:
    """Waits until the JavaScript expression `script` is truthy in the page."""
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: d.execute_script("return " + script))


def settle(driver: WebDriver, address: str) -> None:
    """After loading `address`: waits for the load event, and on a search address for its results
    (not the "Đang tải…" status shown while the index loads)."""
    wait_until(driver, "document.readyState === 'complete'")
    if "tim-kiem/?q=" in address:
        wait_until(driver, "/^(Có \\d|Không có việc|Không tìm thấy)/.test((document.querySelector('[data-search-status]') || {}).textContent || '')")


# --- parsing built pages ---------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    ancestors: list["Element"] = field(default_factory=list, repr=False)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, list(self.stack))
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}, list(self.stack)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


def parse_html(text: str) -> list[Element]:
    """Every element of an HTML document in document order, with its attributes, its ancestors
    and its text content (raw text of <script>/<style> included)."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.elements


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
