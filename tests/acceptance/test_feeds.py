"""Acceptance tests of the machine-readable outputs (issue 3): RSS feeds, sitemap.xml, robots.txt,
404.html, the feed links on every page and the schema.org JobPosting JSON-LD of vacancy pages.

Everything expected is computed here, in Python, from the content itself (PyYAML for the front
matter): which vacancies are open at NOW, in which order, which feeds exist and what their items
say. Two sites are checked:

* the example site (`built_site` from conftest.py), built from content/ at NOW;
* a hostile site (`hostile_site`, built here into a temporary folder): the example's site.yml,
  communes.yml and sectors.yml plus one hostile commune and sector, a hostile site title, and
  vacancies whose titles, employer names, addresses, tags and descriptions hold `& < > " '`, `]]>`,
  `</script><script>alert(1)</script>`, `<!--`, emoji, NFD text and right-to-left marks, plus 104
  plain vacancies so that feeds are cut at 100 items and ties on `posted` are frequent.

Feeds are read twice: with xml.etree (exact text, element structure) and with feedparser (bozo flag,
what a feed reader sees).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml

from conftest import NOW, REPO_ROOT

ATOM_NS = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
MAX_ITEMS = 100
EXPIRED_RETENTION_DAYS = 90
RSS_MIME = "application/rss+xml"
EN_DASH = "\u2013"


# --- text rules -------------------------------------------------------------------------------

def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """A front matter string as the engine stores it: control characters (other than newline and
    tab) dropped, NFC, surrounding whitespace trimmed."""
    visible = "".join(ch for ch in str(text) if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return nfc(visible).strip()


def slugify(text: str) -> str:
    """NFC, lower-case, combining marks stripped, đ→d, every run of other than [a-z0-9] → one hyphen."""
    folded = unicodedata.normalize("NFD", nfc(text).lower())
    folded = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Mn", "Mc", "Me"))
    folded = nfc(folded.replace("đ", "d"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def match_key(name: str) -> str:
    return nfc(name).strip().lower()


def xml_text(text: str) -> str:
    """Text as an XML 1.0 document can hold it: the characters XML forbids (C0 controls other than tab,
    newline and carriage return; U+FFFE, U+FFFF) are dropped, as the engine documents."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ("\x20" <= ch <= "\ud7ff")
                   or ("\ue000" <= ch <= "\ufffd") or ch >= "\U00010000")


def rfc822(day: dt.date) -> str:
    """Noon of a day in Việt Nam, RFC 822: "Thu, 15 Oct 2026 12:00:00 +0700" (the same day in UTC)."""
    return email.utils.format_datetime(dt.datetime(day.year, day.month, day.day, 12, tzinfo=VIETNAM))


def vn_number(value: int) -> str:
    """6500000 → "6.500.000"."""
    return f"{value:,}".replace(",", ".")


def vn_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# --- the content, read independently of the engine --------------------------------------------

@dataclass
class Term:
    name: str
    slug: str
    kind: str  # "xã", "phường", "đặc khu" or "sector"

    @property
    def folder(self) -> str:
        return ("nganh-nghe/" if self.kind == "sector" else "xa-phuong/") + self.slug + "/"


@dataclass
class Vacancy:
    data: dict
    body: str
    file: str
    commune: Term
    sector: Term

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def slug(self) -> str:
        return self.id.lower()

    @property
    def path(self) -> str:
        return f"viec-lam/{self.slug}/"

    @property
    def title(self) -> str:
        return clean(self.data["title"])

    @property
    def employer(self) -> str:
        return clean(self.data["employer"]["name"])

    @property
    def posted(self) -> dt.date:
        return as_date(self.data["posted"])

    @property
    def expires(self) -> dt.date:
        return as_date(self.data["expires"])

    @property
    def salary(self) -> dict | None:
        return self.data.get("salary")

    @property
    def address(self) -> str | None:
        value = (self.data.get("location") or {}).get("address")
        return None if value is None else clean(value)


@dataclass
class Content:
    folder: Path
    site: dict
    communes: list[Term]
    sectors: list[Term]
    vacancies: list[Vacancy]
    now: dt.date
    open: list[Vacancy] = field(default_factory=list)
    expired: list[Vacancy] = field(default_factory=list)
    unpublished: list[Vacancy] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        url = str(self.site["base_url"])
        return url if url.endswith("/") else url + "/"

    @property
    def base_path(self) -> str:
        return urlsplit(self.base_url).path or "/"

    def url(self, path: str) -> str:
        return self.base_url + path

    def open_in(self, term: Term) -> list[Vacancy]:
        attribute = "sector" if term.kind == "sector" else "commune"
        return [v for v in self.open if getattr(v, attribute).slug == term.slug]

    def feeds(self) -> list[tuple[str, str, list[Vacancy]]]:
        """(feed path, path of the page it follows, its open vacancies newest first) for every feed."""
        feeds = [("rss.xml", "", self.open)]
        for term in self.communes + self.sectors:
            feeds.append((term.folder + "rss.xml", term.folder, self.open_in(term)))
        # Every employer of an open or still-shown vacancy has a page and a feed of its open ones
        # (recognised profiles too: the example's all name an employer with vacancies).
        for slug in sorted({slugify(v.employer) for v in self.open + self.expired}):
            folder = f"nha-tuyen-dung/{slug}/"
            feeds.append((folder + "rss.xml", folder, [v for v in self.open if slugify(v.employer) == slug]))
        return feeds


def split_front_matter(text: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    assert lines and lines[0].strip() == "---", "vacancy file does not start with ---"
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1:])
    raise AssertionError("front matter is not closed")


def publication_state(vacancy: Vacancy, now: dt.date) -> str:
    if vacancy.data.get("status") != "approved" or vacancy.posted > now:
        return "unpublished"
    if vacancy.posted <= now <= vacancy.expires:
        return "open"
    return "expired" if (now - vacancy.expires).days < EXPIRED_RETENTION_DAYS else "unpublished"


def load_content(folder: Path, now: str = NOW) -> Content:
    site = yaml.safe_load((folder / "site.yml").read_text(encoding="utf-8-sig"))
    communes = [Term(clean(item["name"]), slugify(item["name"]), clean(item["kind"]))
                for item in yaml.safe_load((folder / "communes.yml").read_text(encoding="utf-8-sig"))]
    sectors = [Term(clean(item["name"]), slugify(item["name"]), "sector")
               for item in yaml.safe_load((folder / "sectors.yml").read_text(encoding="utf-8-sig"))]
    commune_by_key = {match_key(term.name): term for term in communes}
    sector_by_key = {match_key(term.name): term for term in sectors}

    vacancies = []
    for path in sorted((folder / "vacancies").rglob("*.md")):
        front, body = split_front_matter(path.read_text(encoding="utf-8-sig"))
        data = yaml.safe_load(front)
        commune = commune_by_key[match_key(data["location"]["commune"])]
        sector = sector_by_key[match_key(data["sector"])]
        vacancies.append(Vacancy(data, body, str(path), commune, sector))

    content = Content(folder, site, communes, sectors, vacancies, dt.date.fromisoformat(now))
    for vacancy in vacancies:
        getattr(content, publication_state(vacancy, content.now)).append(vacancy)
    # Newest posted first, ties by id.
    content.open.sort(key=lambda v: (-v.posted.toordinal(), v.id))
    return content


EXAMPLE = load_content(REPO_ROOT / "content")


# --- HTML reading --------------------------------------------------------------------------------

class PageParser(HTMLParser):
    """Collects what these tests look at in one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []      # <link> attributes
        self.anchors: list[tuple[str, str]] = []   # (href, visible text)
        self.metas: list[dict[str, str]] = []
        self.ld_json: list[str] = []               # text of <script type="application/ld+json">
        self.h1: list[str] = []
        self.text: list[str] = []                  # every text node, character references resolved
        self.other_urls: list[str] = []            # form action, img/script src
        self._anchor: list | None = None
        self._script: list | None = None
        self._h1: list | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        if tag == "link":
            self.links.append(attributes)
        elif tag == "meta":
            self.metas.append(attributes)
        elif tag == "a":
            self._anchor = [attributes.get("href"), []]
        elif tag == "h1":
            self._h1 = []
        elif tag == "script":
            self._script = [attributes.get("type", ""), []]
            if "src" in attributes:
                self.other_urls.append(attributes["src"])
        elif tag == "form" and "action" in attributes:
            self.other_urls.append(attributes["action"])
        elif tag == "img" and "src" in attributes:
            self.other_urls.append(attributes["src"])

    def handle_endtag(self, tag):
        if tag == "a" and self._anchor is not None:
            if self._anchor[0] is not None:
                self.anchors.append((self._anchor[0], " ".join("".join(self._anchor[1]).split())))
            self._anchor = None
        elif tag == "h1" and self._h1 is not None:
            self.h1.append("".join(self._h1).strip())
            self._h1 = None
        elif tag == "script" and self._script is not None:
            if self._script[0].strip().lower() == "application/ld+json":
                self.ld_json.append("".join(self._script[1]))
            self._script = None

    def handle_data(self, data):
        self.text.append(data)
        for sink in (self._anchor[1] if self._anchor else None, self._h1, self._script[1] if self._script else None):
            if sink is not None:
                sink.append(data)


def parse_page(path: Path) -> tuple[str, PageParser]:
    text = path.read_text(encoding="utf-8")
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return text, parser


def page_url(content: Content, site: Path, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    if relative.endswith("index.html"):
        relative = relative[: -len("index.html")]
    return content.url(relative)


def output_path(content: Content, site: Path, url: str) -> Path | None:
    """The output file an absolute URL under base_url stands for (folder URLs → index.html)."""
    if not url.startswith(content.base_url):
        return None
    relative = url[len(content.base_url):].split("#")[0]
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site / relative


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- feeds -----------------------------------------------------------------------------------------

CHANNEL_CHILDREN = {"title", "link", "description", "language", "lastBuildDate", f"{{{ATOM_NS}}}link", "item"}
ITEM_CHILDREN = {"title", "link", "guid", "pubDate", "description", "category"}


def salary_phrases(salary: dict | None) -> list[str]:
    """What the item description must say about the salary."""
    if not salary:
        return ["Thỏa thuận"]
    unit = {"hour": "đồng/giờ", "day": "đồng/ngày", "month": "đồng/tháng"}[salary["period"]]
    return [vn_number(int(salary[key])) for key in ("min", "max") if salary.get(key) is not None] + [unit]


def only_child(parent: ET.Element, tag: str, where: str) -> ET.Element:
    found = parent.findall(tag)
    assert len(found) == 1, f"{where}: expected exactly one <{tag}>, found {len(found)}"
    return found[0]


def check_feed(content: Content, site: Path, feed_path: str, page_path: str, vacancies: list[Vacancy]) -> None:
    """The whole RSS contract of issue 3 for one feed file."""
    path = site / feed_path
    assert path.is_file(), f"feed {feed_path} is missing"
    raw = path.read_bytes()
    assert raw.startswith(b"<?xml"), f"{feed_path} has no XML declaration"

    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        raise AssertionError(f"{feed_path} is not well-formed XML: {error}") from None
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0, f"feedparser flags {feed_path} as bozo: {parsed.get('bozo_exception')!r}"
    assert parsed.version == "rss20", f"feedparser reads {feed_path} as {parsed.version!r}, not RSS 2.0"

    assert root.tag == "rss" and root.get("version") == "2.0", f"{feed_path}: root is not <rss version=\"2.0\">"
    channel = only_child(root, "channel", feed_path)
    unexpected = {child.tag for child in channel} - CHANNEL_CHILDREN
    assert not unexpected, f"{feed_path}: unexpected channel elements {unexpected} (escaping broken?)"

    title = only_child(channel, "title", feed_path).text or ""
    assert title.strip(), f"{feed_path}: empty channel title"
    assert parsed.feed.get("title") == title, f"{feed_path}: feedparser reads the channel title differently"
    link = only_child(channel, "link", feed_path).text
    assert link == content.url(page_path), f"{feed_path}: channel link {link!r}, expected {content.url(page_path)!r}"
    assert (only_child(channel, "description", feed_path).text or "").strip(), f"{feed_path}: empty channel description"
    language = only_child(channel, "language", feed_path).text
    assert language == "vi", f"{feed_path}: language {language!r}, expected 'vi'"

    shown = vacancies[:MAX_ITEMS]
    last_build = only_child(channel, "lastBuildDate", feed_path).text
    assert last_build == rfc822(content.now), \
        f"{feed_path}: lastBuildDate {last_build!r}, expected the build day {rfc822(content.now)!r}"

    self_links = [element for element in channel.findall(f"{{{ATOM_NS}}}link") if element.get("rel") == "self"]
    assert len(self_links) == 1, f"{feed_path}: expected one atom:link rel=self, found {len(self_links)}"
    assert self_links[0].get("href") == content.url(feed_path), \
        f"{feed_path}: atom:link self is {self_links[0].get('href')!r}, expected {content.url(feed_path)!r}"
    assert self_links[0].get("type") in (None, RSS_MIME)

    items = channel.findall("item")
    assert len(items) == len(shown), \
        f"{feed_path}: {len(items)} items, expected {len(shown)} (open vacancies: {len(vacancies)}, at most {MAX_ITEMS})"
    assert len(parsed.entries) == len(items), f"{feed_path}: feedparser sees {len(parsed.entries)} items, XML has {len(items)}"
    got_order = [(item.findtext("link") or "") for item in items]
    want_order = [content.url(v.path) for v in shown]
    assert got_order == want_order, f"{feed_path}: items not the open vacancies newest posted first, ties by id"

    for item, entry, vacancy in zip(items, parsed.entries, shown):
        where = f"{feed_path} item {vacancy.id}"
        unexpected = {child.tag for child in item} - ITEM_CHILDREN
        assert not unexpected, f"{where}: unexpected elements {unexpected} (escaping broken?)"
        expected_title = xml_text(f"{vacancy.title} {EN_DASH} {vacancy.employer}")
        item_title = only_child(item, "title", where).text
        assert item_title == expected_title, f"{where}: title {item_title!r}, expected {expected_title!r}"
        assert entry.get("title") == expected_title, \
            f"{where}: feedparser reads the title as {entry.get('title')!r}, expected {expected_title!r}"

        url = content.url(vacancy.path)
        assert only_child(item, "link", where).text == url
        guid = only_child(item, "guid", where)
        assert guid.text == url, f"{where}: guid {guid.text!r}, expected the vacancy URL {url!r}"
        assert guid.get("isPermaLink", "true") == "true"
        assert entry.get("link") == url and entry.get("id") == url

        pub_date = only_child(item, "pubDate", where).text
        assert pub_date == rfc822(vacancy.posted), f"{where}: pubDate {pub_date!r}, expected {rfc822(vacancy.posted)!r}"

        # The description is HTML (as feed readers take it): decode it once more to get the text.
        description = html.unescape(only_child(item, "description", where).text or "")
        assert xml_text(vacancy.employer) in description, f"{where}: description does not name the employer: {description!r}"
        assert vacancy.commune.name in description, f"{where}: description does not name the place of work"
        for phrase in salary_phrases(vacancy.salary):
            assert phrase in description, f"{where}: description lacks the salary part {phrase!r}: {description!r}"
        assert vn_date(vacancy.expires) in description, \
            f"{where}: description lacks the deadline {vn_date(vacancy.expires)} (dd/mm/yyyy): {description!r}"

        categories = [element.text for element in item.findall("category")]
        assert categories == [vacancy.sector.name], f"{where}: category {categories}, expected [{vacancy.sector.name!r}]"


def feed_files(site: Path) -> set[str]:
    """The vacancy feeds of a built site (the events' and courses' feeds are tested in test_agenda)."""
    return {path.relative_to(site).as_posix() for path in site.rglob("rss.xml")} - {"su-kien/rss.xml", "hoc-nghe/rss.xml"}


# --- 1. feeds of the example site ---------------------------------------------------------------

def test_example_content_has_what_the_feed_tests_need() -> None:
    assert EXAMPLE.open, f"no vacancy is open on {NOW}"
    assert EXAMPLE.expired, f"no vacancy is expired (and still shown) on {NOW}"
    assert EXAMPLE.unpublished, f"no draft, withdrawn or future vacancy on {NOW}"
    assert any(not EXAMPLE.open_in(term) for term in EXAMPLE.communes), "no empty commune feed to check"


def test_example_site_has_exactly_the_expected_feeds(built_site: Path) -> None:
    expected = {feed for feed, _, _ in EXAMPLE.feeds()}
    actual = feed_files(built_site)
    assert not expected - actual, f"missing feeds: {sorted(expected - actual)[:10]}"
    assert not actual - expected, f"unexpected feeds: {sorted(actual - expected)[:10]}"


@pytest.mark.parametrize("feed_path,page_path,vacancies", EXAMPLE.feeds(), ids=[feed for feed, _, _ in EXAMPLE.feeds()])
def test_example_feed(built_site: Path, feed_path: str, page_path: str, vacancies: list[Vacancy]) -> None:
    check_feed(EXAMPLE, built_site, feed_path, page_path, vacancies)


# --- 2. hostile content ------------------------------------------------------------------------

RLM, RLO, PDF = "\u200f", "\u202e", "\u202c"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


HOSTILE_SITE_TITLE = 'Phiên chợ <Xanh> & "Sạch" \'lại\' ]]> </script><!-- 🌱'
HOSTILE_COMMUNE = 'Tân <An> & "Hòa" \'Mới\' ]]>'
HOSTILE_SECTOR = "Ăn & uống <đặc sản> </script> 🍜"
HOSTILE_DESCRIPTION = """Mô tả có ký tự đặc biệt: & < > " ' và ]]> và <!-- không đóng.

</script><script>alert(1)</script>

<!-- chú thích HTML --> Đoạn văn 🔥 có \u200fchữ phải-sang-trái\u200f.

*In nghiêng* & **đậm** <b>thẻ thô</b>
"""

# Each: id, title, employer, front matter overrides. Dates are relative to NOW = 2026-11-22.
HOSTILE_VACANCIES = [
    ("HX-001", 'Thợ hàn & phụ hàn <cấp 3> "gấp" \'ngay\'', 'Công ty "A & B" <TNHH>',
     {"commune": HOSTILE_COMMUNE, "sector": HOSTILE_SECTOR, "posted": "2026-11-20",
      "salary": {"min": 7000000, "max": 9500000, "period": "month"}, "employment_type": "full_time",
      "website": "https://a-b.example.vn/tuyen?vi=tri&nguon=rss"}),
    ("HX-002", "Bốc xếp ]]> kho <![CDATA[ lạnh", "HTX ]]><![CDATA[ Đồng Tâm",
     {"commune": HOSTILE_COMMUNE, "sector": "Kho vận – Bốc xếp", "posted": "2026-11-20",
      "salary": {"min": 25000, "period": "hour"}, "employment_type": "part_time"}),
    ("HX-003", "Bảo vệ </script><script>alert(1)</script>", "Doanh nghiệp </script><script>alert(2)</script>",
     {"commune": "Gia Trấn", "sector": HOSTILE_SECTOR, "posted": "2026-11-19",
      "salary": {"max": 300000, "period": "day"}, "employment_type": "seasonal"}),
    ("HX-004", "Phục vụ <!-- không phải chú thích --> quán", "Quán <!-- ăn --> Bà Tư",
     {"commune": "Gia Trấn", "sector": "Dịch vụ – Nhà hàng", "posted": "2026-11-18",
      "employment_type": "full_time"}),
    ("HX-005", "Đầu bếp 🍜🔥 👩‍🍳 ca tối", "Nhà hàng 🦆 Vịt Quay",
     {"commune": "Hoa Lư", "sector": HOSTILE_SECTOR, "posted": "2026-11-17",
      "salary": {"min": 6000000, "max": 6000000, "period": "month"}, "employment_type": "full_time"}),
    ("HX-006", nfd("Thợ điện nước Đồng Thái, ưu tiên người ở gần"), nfd("Công ty Điện Lực Ước Mơ"),
     {"commune": nfd("Đồng Thái"), "sector": nfd("Điện – Điện tử"), "posted": "2026-11-16",
      "employment_type": "full_time", "address": nfd("Xưởng số 2, thôn Đông")}),
    ("HX-007", f"Nhân viên {RLM}بائع{RLM} bán hàng {RLO}kho{PDF}", f"Cửa hàng {RLM}الأمل{RLM}",
     {"commune": "Hoa Lư", "sector": "Dịch vụ – Nhà hàng", "posted": "2026-11-16",
      "salary": {"min": 5000000, "period": "month"}, "employment_type": "part_time"}),
    ("HX-008", 'Hết hạn & <cũ> "xong" </script><!--', 'Xưởng "Cũ" & <Mới>',
     {"commune": HOSTILE_COMMUNE, "sector": HOSTILE_SECTOR, "posted": "2026-10-01", "expires": "2026-11-01",
      "salary": {"min": 150000, "max": 200000, "period": "day"}, "employment_type": "seasonal"}),
    ("HX-012", "Hôm nay\u00a0đăng,\u200dhôm nay hết hạn & <biên>", "Biên & <Giới>",
     {"commune": HOSTILE_COMMUNE, "sector": "Bảo vệ", "posted": NOW, "expires": NOW,
      "employment_type": "seasonal", "salary": {"min": 40000, "max": 60000, "period": "hour"}}),
    ("HX-013", "Hết hạn hôm qua <\"script\">", "Hôm Qua & Co",
     {"commune": "Gia Trấn", "sector": HOSTILE_SECTOR, "posted": "2026-11-01", "expires": "2026-11-21",
      "employment_type": "part_time"}),
    ("HX-014", "Ký tự điều khiển\u0007 chuông\u000b và \ufffe cấm trong XML", "Điều \u001b Khiển",
     {"commune": "Hoa Lư", "sector": "Bảo vệ", "posted": "2026-11-15", "employment_type": "full_time"}),
    ("HX-009", "Bản nháp & <chưa duyệt>", "Nháp", {"status": "draft", "posted": "2026-11-01"}),
    ("HX-010", "Đăng sau <tương lai>", "Tương Lai", {"posted": "2026-12-01", "expires": "2026-12-31"}),
    ("HX-011", "Đã rút & <withdrawn>", "Rút", {"status": "withdrawn", "posted": "2026-11-01"}),
]
FILLER_COUNT = 104
HOSTILE_EMPLOYER_ADDRESS = 'Số 1 <đường> & "ngõ" \'A\''
HOSTILE_REQUIREMENT = "Biết đọc & viết <cơ bản> </script>"
HOSTILE_TAGS = ["</script><script>alert(1)</script>", '<!-- thẻ & "nhãn" ]]>', f"🔥 gấp {RLM}ע{RLM}"]
HOSTILE_APPLY = 'Gọi <ngay> & hỏi "chị Lan" </script><!--'


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML); non-characters written as escapes."""
    return json.dumps(text, ensure_ascii=False).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def vacancy_file(vacancy_id: str, title: str, employer: str, extra: dict, body: str) -> str:
    lines = [
        "---",
        f"id: {vacancy_id}",
        f"title: {yaml_string(title)}",
        f"status: {extra.get('status', 'approved')}",
        f"posted: {extra.get('posted', '2026-11-01')}",
        f"expires: {extra.get('expires', '2026-12-31')}",
        "employer:",
        f"  name: {yaml_string(employer)}",
        f"  address: {yaml_string(HOSTILE_EMPLOYER_ADDRESS)}",
        '  phone: "0229 3 862 000"',
    ]
    if "website" in extra:
        lines.append(f"  website: {yaml_string(extra['website'])}")
    lines += [
        "location:",
        f"  commune: {yaml_string(extra.get('commune', 'Gia Lâm'))}",
    ]
    lines.append(f"  address: {yaml_string(extra.get('address', 'Kho <số 3> & bãi ]]> xe'))}")
    lines += [
        f"sector: {yaml_string(extra.get('sector', 'Bảo vệ'))}",
        f"employment_type: {extra.get('employment_type', 'full_time')}",
        "openings: 3",
    ]
    if "salary" in extra:
        lines.append("salary:")
        for key, value in extra["salary"].items():
            lines.append(f"  {key}: {value}")
    lines += [
        "requirements:",
        f"  - {yaml_string(HOSTILE_REQUIREMENT)}",
        "tags:",
        *(f"  - {yaml_string(tag)}" for tag in HOSTILE_TAGS),
        f"apply: {yaml_string(HOSTILE_APPLY)}",
        "internal:",
        "  ghi_chu: ghi chú nội bộ",
        "---",
    ]
    return "\n".join(lines) + "\n" + body


@pytest.fixture(scope="module")
def hostile_content(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Content:
    folder = tmp_path_factory.mktemp("hostile") / "content"
    (folder / "vacancies" / "2026-11").mkdir(parents=True)
    shutil.copytree(repo_root / "content" / "pages", folder / "pages")

    site = yaml.safe_load((repo_root / "content" / "site.yml").read_text(encoding="utf-8-sig"))
    site["title"] = HOSTILE_SITE_TITLE
    (folder / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")

    communes = (repo_root / "content" / "communes.yml").read_text(encoding="utf-8-sig")
    communes += f"\n- {{name: {yaml_string(HOSTILE_COMMUNE)}, kind: xã}}\n"
    (folder / "communes.yml").write_text(communes, encoding="utf-8")
    sectors = (repo_root / "content" / "sectors.yml").read_text(encoding="utf-8-sig")
    sectors += f"\n- name: {yaml_string(HOSTILE_SECTOR)}\n"
    (folder / "sectors.yml").write_text(sectors, encoding="utf-8")

    for vacancy_id, title, employer, extra in HOSTILE_VACANCIES:
        path = folder / "vacancies" / "2026-11" / f"{vacancy_id.lower()}.md"
        path.write_text(vacancy_file(vacancy_id, title, employer, extra, HOSTILE_DESCRIPTION), encoding="utf-8")
    start = dt.date(2026, 9, 1)
    for number in range(1, FILLER_COUNT + 1):
        vacancy_id = f"HX-F{number:03d}"
        extra = {"posted": (start + dt.timedelta(days=number // 3)).isoformat(), "expires": "2026-12-31",
                 "commune": "Gia Lâm", "sector": "Bảo vệ",
                 "salary": {"min": 5000000 + number * 1000, "period": "month"}}
        path = folder / "vacancies" / "2026-11" / f"{vacancy_id.lower()}.md"
        # Files in reverse order of id, so that the tie order cannot come from the file order.
        path = path.with_name(f"z{FILLER_COUNT - number:03d}-{path.name}")
        path.write_text(vacancy_file(vacancy_id, f"Bảo vệ số {number} & <ca {number % 3}>",
                                     f'Công ty "Số {number}" & Co', extra, ""), encoding="utf-8")
    return load_content(folder)


@pytest.fixture(scope="module")
def hostile_site(hostile_content: Content, run_phiencho, repo_root: Path, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("hostile-site") / "public"
    result = run_phiencho("build", "--content", str(hostile_content.folder), "--themes", str(repo_root / "themes"),
                          "--output", str(output), "--now", NOW)
    assert result.returncode == 0, (f"phiencho build of the hostile content exited {result.returncode}\n"
                                    f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
    assert (output / "index.html").is_file()
    return output


def test_hostile_content_is_what_it_should_be(hostile_content: Content) -> None:
    open_ids = {v.id for v in hostile_content.open}
    assert {f"HX-00{n}" for n in range(1, 8)} | {"HX-012", "HX-014"} <= open_ids
    assert hostile_content.open[0].id == "HX-012", "posted == expires == NOW must be open and newest"
    assert [v.id for v in hostile_content.expired] == ["HX-008", "HX-013"]
    assert {"HX-009", "HX-010", "HX-011"} <= {v.id for v in hostile_content.unpublished}
    assert len(hostile_content.open) > MAX_ITEMS
    assert hostile_content.communes[-1].slug == "tan-an-hoa-moi"
    assert hostile_content.sectors[-1].slug == "an-uong-dac-san-script"


def test_hostile_site_has_exactly_the_expected_feeds(hostile_site: Path, hostile_content: Content) -> None:
    expected = {feed for feed, _, _ in hostile_content.feeds()}
    actual = feed_files(hostile_site)
    assert expected == actual, f"missing {sorted(expected - actual)[:10]}, unexpected {sorted(actual - expected)[:10]}"


def test_hostile_feeds_are_valid_and_exact(hostile_site: Path, hostile_content: Content) -> None:
    """Every feed of the hostile site meets the whole contract; item titles round-trip exactly (NFC)."""
    for feed_path, page_path, vacancies in hostile_content.feeds():
        check_feed(hostile_content, hostile_site, feed_path, page_path, vacancies)


@pytest.mark.parametrize("feed_path,name", [
    ("rss.xml", HOSTILE_SITE_TITLE),
    ("xa-phuong/tan-an-hoa-moi/rss.xml", HOSTILE_COMMUNE),
    ("nganh-nghe/an-uong-dac-san-script/rss.xml", HOSTILE_SECTOR),
])
def test_hostile_names_round_trip_in_channel_titles(hostile_site: Path, feed_path: str, name: str) -> None:
    raw = (hostile_site / feed_path).read_bytes()
    channel_title = ET.fromstring(raw).find("channel").findtext("title")
    assert name in channel_title, f"{feed_path}: channel title {channel_title!r} does not hold {name!r} intact"
    parsed = feedparser.parse(raw)
    assert parsed.bozo == 0
    assert name in parsed.feed.title, f"{feed_path}: feedparser reads the channel title as {parsed.feed.title!r}"


def test_hostile_feeds_hold_the_hostile_items(hostile_site: Path, hostile_content: Content) -> None:
    """The term feeds of the hostile commune and sector list exactly their hostile vacancies."""
    feeds = {feed: [v.id for v in vacancies] for feed, _, vacancies in hostile_content.feeds()}
    assert feeds["xa-phuong/tan-an-hoa-moi/rss.xml"] == ["HX-012", "HX-001", "HX-002"]
    assert feeds["nganh-nghe/an-uong-dac-san-script/rss.xml"] == ["HX-001", "HX-003", "HX-005"]
    for feed, ids in feeds.items():
        parsed = feedparser.parse((hostile_site / feed).read_bytes())
        assert [entry.link.rstrip("/").rsplit("/", 1)[-1] for entry in parsed.entries] == [i.lower() for i in ids[:MAX_ITEMS]], feed


def test_hostile_content_never_reaches_feeds_raw(hostile_site: Path) -> None:
    """Belt and braces: no feed byte sequence opens a tag, comment or CDATA section from content."""
    for feed in sorted(feed_files(hostile_site)):
        text = (hostile_site / feed).read_text(encoding="utf-8")
        for needle in ("<script", "</script", "<!--", "<![CDATA[", "<cấp", "<An>", "<đặc"):
            assert needle not in text, f"{feed} holds an unescaped {needle!r}"


def test_feeds_stay_valid_when_nothing_is_open(run_phiencho, repo_root: Path, tmp_path_factory) -> None:
    """Built on a day before any vacancy is posted: every feed is an empty, valid feed, and no date
    comes from the wall clock (an empty site has no content date to give)."""
    day = "2026-01-01"
    content = load_content(repo_root / "content", day)
    assert not content.open
    output = tmp_path_factory.mktemp("nothing-open") / "public"
    result = run_phiencho("build", "--content", "content", "--output", str(output), "--now", day)
    assert result.returncode == 0, f"build at {day} exited {result.returncode}\n{result.stderr}"
    today = dt.date.today()
    for feed_path, page_path, _ in content.feeds():
        raw = (output / feed_path).read_bytes()
        root = ET.fromstring(raw)
        parsed = feedparser.parse(raw)
        assert parsed.bozo == 0, f"{feed_path}: bozo {parsed.get('bozo_exception')!r}"
        channel = root.find("channel")
        assert channel is not None and channel.findall("item") == [], f"{feed_path}: items on a day nothing is open"
        assert channel.findtext("link") == content.url(page_path)
        assert channel.findtext("language") == "vi"
        last_build = channel.findtext("lastBuildDate")
        assert last_build is None or email.utils.parsedate_to_datetime(last_build).date() != today, \
            f"{feed_path}: lastBuildDate {last_build!r} comes from the wall clock"
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    ET.fromstring(sitemap)
    assert "viec-lam/" not in sitemap, "the sitemap lists a vacancy on a day nothing is open"


# --- 3. JobPosting JSON-LD -------------------------------------------------------------------

def ld_script_text(page_html: str, where: str) -> str:
    """The raw text of the one JSON-LD script element, up to the first `</script` (as a browser ends it)."""
    openings = [m for m in re.finditer(r"<script\b[^>]*>", page_html, re.IGNORECASE)
                if re.search(r"type\s*=\s*[\"']?application/ld\+json", m.group(0), re.IGNORECASE)]
    assert len(openings) == 1, f"{where}: {len(openings)} <script type=\"application/ld+json\"> elements, expected 1"
    start = openings[0].end()
    end = page_html.lower().find("</script", start)
    assert end != -1, f"{where}: the JSON-LD script element is never closed"
    return page_html[start:end]


def check_job_posting(content: Content, site: Path, vacancy: Vacancy) -> dict:
    path = site / vacancy.path / "index.html"
    assert path.is_file(), f"no page for {vacancy.id}"
    text, page = parse_page(path)
    where = f"{vacancy.path}index.html"

    raw = ld_script_text(text, where)
    assert "<!--" not in raw, f"{where}: the JSON-LD script text contains '<!--'"
    assert "</script" not in raw.lower() and "<script" not in raw.lower(), f"{where}: JSON-LD holds a script tag"
    assert len(page.ld_json) == 1, f"{where}: the HTML parser finds {len(page.ld_json)} JSON-LD scripts"
    assert page.ld_json[0] == raw, f"{where}: the HTML parser ends the JSON-LD script element early"
    try:
        ld = json.loads(raw)
    except json.JSONDecodeError as error:
        raise AssertionError(f"{where}: JSON-LD does not parse: {error}") from None

    assert ld.get("@context") in ("https://schema.org", "https://schema.org/", "http://schema.org")
    assert ld.get("@type") == "JobPosting", f"{where}: @type {ld.get('@type')!r}"
    assert ld.get("title") == vacancy.title, f"{where}: title {ld.get('title')!r}, expected {vacancy.title!r}"
    assert page.h1 == [vacancy.title], f"{where}: the JSON-LD title is not the one shown in <h1> {page.h1}"
    assert ld.get("datePosted") == vacancy.posted.isoformat()
    assert ld.get("validThrough") == f"{vacancy.expires.isoformat()}T23:59:59+07:00", \
        f"{where}: validThrough {ld.get('validThrough')!r}"
    expected_type = {"full_time": "FULL_TIME", "part_time": "PART_TIME", "seasonal": "TEMPORARY"}[vacancy.data["employment_type"]]
    assert ld.get("employmentType") == expected_type, f"{where}: employmentType {ld.get('employmentType')!r}, expected {expected_type}"

    organization = ld.get("hiringOrganization") or {}
    assert organization.get("name") == vacancy.employer, f"{where}: hiringOrganization.name {organization.get('name')!r}"
    website = vacancy.data["employer"].get("website")
    if website:
        assert organization.get("sameAs") == clean(website), f"{where}: sameAs {organization.get('sameAs')!r}"

    address = ((ld.get("jobLocation") or {}).get("address")) or {}
    assert address.get("addressLocality") == vacancy.commune.name, f"{where}: addressLocality {address.get('addressLocality')!r}"
    assert address.get("addressRegion") == clean(content.site["province"]), f"{where}: addressRegion {address.get('addressRegion')!r}"
    assert address.get("addressCountry") == "VN"
    if vacancy.address is not None:
        assert address.get("streetAddress") == vacancy.address, f"{where}: streetAddress {address.get('streetAddress')!r}"

    salary = vacancy.salary
    if salary:
        base = ld.get("baseSalary")
        assert base, f"{where}: salary given but no baseSalary"
        assert base.get("currency") == "VND", f"{where}: baseSalary.currency {base.get('currency')!r}, expected VND"
        value = base.get("value") or {}
        unit = {"hour": "HOUR", "day": "DAY", "month": "MONTH"}[salary["period"]]
        assert value.get("unitText") == unit, f"{where}: unitText {value.get('unitText')!r}, expected {unit}"
        for key, ld_key in (("min", "minValue"), ("max", "maxValue")):
            if salary.get(key) is not None:
                assert value.get(ld_key) == int(salary[key]), f"{where}: {ld_key} {value.get(ld_key)!r}, expected {salary[key]}"
            else:
                assert ld_key not in value, f"{where}: {ld_key} invented (salary has no {key})"
    else:
        assert "baseSalary" not in ld, f"{where}: baseSalary invented for a salary 'Thỏa thuận'"

    identifier = ld.get("identifier") or {}
    assert identifier.get("value") == vacancy.id, f"{where}: identifier.value {identifier.get('value')!r}"

    shown = " ".join(" ".join(page.text).split())
    for label, value in (("employer", vacancy.employer), ("commune", vacancy.commune.name),
                         ("deadline", vn_date(vacancy.expires)), ("posted", vn_date(vacancy.posted))):
        assert " ".join(value.split()) in shown, f"{where}: the JSON-LD {label} {value!r} is not shown on the page"
    if salary:
        for key in ("min", "max"):
            if salary.get(key) is not None:
                assert vn_number(int(salary[key])) in shown, f"{where}: the JSON-LD salary {salary[key]} is not shown on the page"

    description = ld.get("description")
    assert isinstance(description, str) and description, f"{where}: no description"
    # The page's description (or the title), then the requirements and benefits as shown on the page:
    # search engines show only this field (issue 19).
    shown_body, _, lists = description.partition("<h3>Yêu cầu</h3>") if "<h3>Yêu cầu</h3>" in description \
        else description.partition("<h3>Quyền lợi</h3>")
    if vacancy.body.strip():
        assert shown_body in text, f"{where}: the JSON-LD description is not the description shown on the page"
    else:
        assert shown_body == f"<p>{html.escape(vacancy.title, quote=True).replace('&#x27;', '&#39;')}</p>\n"
    for heading in ("Yêu cầu", "Quyền lợi"):
        assert (f"<h2>{heading}</h2>" in text) == (f"<h3>{heading}</h3>" in description), f"{where}: {heading}"
    assert ld.get("directApply") is False, f"{where}: directApply is not false"

    noindex = any(meta.get("name") == "robots" and "noindex" in meta.get("content", "") for meta in page.metas)
    if vacancy.expires < content.now:
        assert ld["validThrough"] < f"{content.now.isoformat()}T00:00:00+07:00", f"{where}: expired but validThrough not past"
        assert any(meta.get("name") == "robots" and meta.get("content") == "noindex" for meta in page.metas), \
            f"{where}: expired page lacks <meta name=\"robots\" content=\"noindex\">"
    else:
        assert not noindex, f"{where}: open vacancy page is noindex"
    return ld


@pytest.mark.parametrize("vacancy", EXAMPLE.open + EXAMPLE.expired, ids=lambda v: v.id)
def test_example_job_posting(built_site: Path, vacancy: Vacancy) -> None:
    check_job_posting(EXAMPLE, built_site, vacancy)


def test_hostile_job_postings(hostile_site: Path, hostile_content: Content) -> None:
    hostile = [v for v in hostile_content.open + hostile_content.expired if not v.id.startswith("HX-F")]
    assert len(hostile) == 11
    for vacancy in hostile_content.open + hostile_content.expired:
        if vacancy.id.startswith("HX-F"):  # plain, without a description: description == title
            check_job_posting(hostile_content, hostile_site, vacancy)
            continue
        ld = check_job_posting(hostile_content, hostile_site, vacancy)
        # The strings parse back to exactly what the content says (NFC).
        assert ld["title"] == clean(dict((i, t) for i, t, _, _ in HOSTILE_VACANCIES)[vacancy.id])
        assert ld["hiringOrganization"]["name"] == clean(dict((i, e) for i, _, e, _ in HOSTILE_VACANCIES)[vacancy.id])


def test_hostile_content_never_opens_an_element_in_pages(hostile_site: Path) -> None:
    """No page of the hostile site has a script element, comment or tag that came from the content."""
    for path in html_pages(hostile_site):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(hostile_site).as_posix()
        for needle in ("<script>alert", "<!-- không", "<!-- ăn", "<!-- thẻ", "<cấp 3>", "<An>", "<đặc sản>", "<TNHH>"):
            assert needle not in text, f"{where} holds the content's {needle!r} unescaped"


def test_unpublished_vacancies_have_no_job_posting(hostile_site: Path, hostile_content: Content) -> None:
    for vacancy in hostile_content.unpublished:
        page = hostile_site / vacancy.path / "index.html"
        if vacancy.data["status"] == "withdrawn" and page.exists():
            # A recently withdrawn vacancy's address says only that (issue #34): no JobPosting, no title.
            text = page.read_text(encoding="utf-8")
            assert 'class="kind-withdrawn"' in text and "application/ld+json" not in text, vacancy.id
            assert html.escape(vacancy.data["title"]) not in text, vacancy.id
        else:
            assert not page.exists(), f"{vacancy.id} ({vacancy.data['status']}) has a page"


# --- 4. sitemap and robots.txt -----------------------------------------------------------------

def listing_paths(first: str, count: int, page_size: int) -> list[str]:
    pages = max(1, -(-count // page_size))
    return [first] + [f"{first}trang/{n}/" for n in range(2, pages + 1)]


def check_sitemap(content: Content, site: Path) -> None:
    path = site / "sitemap.xml"
    assert path.is_file(), "sitemap.xml is missing"
    try:
        root = ET.fromstring(path.read_bytes())
    except ET.ParseError as error:
        raise AssertionError(f"sitemap.xml is not well-formed: {error}") from None
    assert root.tag == f"{{{SITEMAP_NS}}}urlset", f"sitemap root is {root.tag}, expected urlset in {SITEMAP_NS}"

    entries: dict[str, str | None] = {}
    for url in root:
        assert url.tag == f"{{{SITEMAP_NS}}}url", f"unexpected sitemap element {url.tag}"
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc")
        assert loc, "a sitemap <url> without <loc>"
        assert loc not in entries, f"{loc} is listed twice"
        assert loc.startswith(content.base_url), f"{loc} is not an absolute URL under {content.base_url}"
        lastmod = url.findtext(f"{{{SITEMAP_NS}}}lastmod")
        if lastmod is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod), f"{loc}: lastmod {lastmod!r} is not an ISO date"
            assert dt.date.fromisoformat(lastmod) <= content.now, f"{loc}: lastmod {lastmod} is after {content.now}"
        entries[loc] = lastmod
        target = output_path(content, site, loc)
        assert target is not None and target.is_file(), f"sitemap lists {loc}, which is not a file of the site"

    vacancy_prefix = content.url("viec-lam/")
    listed = {loc for loc in entries if loc.startswith(vacancy_prefix)}
    expected = {content.url(v.path) for v in content.open}
    assert not expected - listed, f"open vacancies missing from the sitemap: {sorted(expected - listed)}"
    assert not listed - expected, f"sitemap lists vacancies that are not open: {sorted(listed - expected)}"
    for vacancy in content.open:
        assert entries[content.url(vacancy.path)] == vacancy.posted.isoformat(), \
            f"{vacancy.id}: lastmod {entries[content.url(vacancy.path)]!r}, expected posted {vacancy.posted}"

    page_size = int(content.site.get("page_size", 10))
    wanted = listing_paths("", len(content.open), page_size) + ["xa-phuong/", "nganh-nghe/"]
    for term in content.communes + content.sectors:
        if content.open_in(term):
            wanted += listing_paths(term.folder, len(content.open_in(term)), page_size)
        else:
            assert content.url(term.folder) not in entries, f"{term.folder} has no open vacancy but is in the sitemap"
    missing = [content.url(p) for p in wanted if content.url(p) not in entries]
    assert not missing, f"{len(missing)} listing/term pages missing from the sitemap, e.g. {missing[:5]}"
    if content.open:
        assert entries[content.base_url] == content.open[0].posted.isoformat(), \
            f"home lastmod {entries[content.base_url]!r}, expected the newest posted {content.open[0].posted}"


def test_example_sitemap(built_site: Path) -> None:
    check_sitemap(EXAMPLE, built_site)


def test_hostile_sitemap(hostile_site: Path, hostile_content: Content) -> None:
    check_sitemap(hostile_content, hostile_site)


def test_no_unpublished_or_expired_vacancy_in_the_sitemap(built_site: Path) -> None:
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for vacancy in EXAMPLE.expired + EXAMPLE.unpublished:
        assert f"viec-lam/{vacancy.slug}/" not in text, f"{vacancy.id} ({vacancy.data['status']}) is in the sitemap"


def test_robots_txt_points_to_the_sitemap(built_site: Path) -> None:
    path = built_site / "robots.txt"
    assert path.is_file(), "robots.txt is missing"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("sitemap:")]
    assert sitemaps == [EXAMPLE.url("sitemap.xml")], f"robots.txt Sitemap lines {sitemaps}, expected {EXAMPLE.url('sitemap.xml')}"
    assert any(line.lower().startswith("user-agent:") for line in lines), "robots.txt has no User-agent line"


# --- 5. feed links on every page -------------------------------------------------------------

SITES = ["built_site", "hostile_site"]


def feed_links(page: PageParser) -> list[dict[str, str]]:
    return [link for link in page.links
            if "alternate" in link.get("rel", "").lower().split() and link.get("type") == RSS_MIME]


@pytest.mark.parametrize("site_fixture", SITES)
def test_every_page_links_an_existing_feed(request, site_fixture: str) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    content = EXAMPLE if site_fixture == "built_site" else request.getfixturevalue("hostile_content")
    pages = html_pages(site)
    assert len(pages) > 20
    for path in pages:
        _, page = parse_page(path)
        where = path.relative_to(site).as_posix()
        links = feed_links(page)
        assert links, f"{where} has no <link rel=\"alternate\" type=\"{RSS_MIME}\">"
        for link in links:
            href = link.get("href", "")
            assert href.startswith(content.base_url), f"{where}: feed link {href!r} is not absolute under {content.base_url}"
            target = output_path(content, site, href)
            assert target is not None and target.is_file(), f"{where}: feed link {href!r} names no feed file"
            assert link.get("title", "").strip(), f"{where}: feed link {href!r} has no title"


@pytest.mark.parametrize("site_fixture", SITES)
def test_vacancy_and_term_pages_link_their_own_feeds(request, site_fixture: str) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    content = EXAMPLE if site_fixture == "built_site" else request.getfixturevalue("hostile_content")
    for vacancy in content.open + content.expired:
        _, page = parse_page(site / vacancy.path / "index.html")
        hrefs = {link.get("href") for link in feed_links(page)}
        for term in (vacancy.commune, vacancy.sector):
            assert content.url(term.folder + "rss.xml") in hrefs, f"{vacancy.path} does not link the feed of {term.name}"
    for term in content.communes + content.sectors:
        _, page = parse_page(site / term.folder / "index.html")
        links = {link.get("href"): link.get("title") for link in feed_links(page)}
        assert content.url(term.folder + "rss.xml") in links, f"{term.folder} does not link its own feed"
        assert term.name in links[content.url(term.folder + "rss.xml")], \
            f"{term.folder}: feed link title {links[content.url(term.folder + 'rss.xml')]!r} lacks {term.name!r}"


def visible_rss_pages(content: Content) -> list[tuple[str, str]]:
    """(page folder, its feed) for home and every term page (all of their pagination pages)."""
    page_size = int(content.site.get("page_size", 10))
    pages = [(p, "rss.xml") for p in listing_paths("", len(content.open), page_size)[:1]]
    for term in content.communes + content.sectors:
        pages += [(p, term.folder + "rss.xml") for p in listing_paths(term.folder, len(content.open_in(term)), page_size)]
    return pages


@pytest.mark.parametrize("site_fixture", SITES)
def test_home_and_term_pages_show_a_visible_rss_link(request, site_fixture: str) -> None:
    site: Path = request.getfixturevalue(site_fixture)
    content = EXAMPLE if site_fixture == "built_site" else request.getfixturevalue("hostile_content")
    for folder, feed in visible_rss_pages(content):
        path = site / folder / "index.html"
        _, page = parse_page(path)
        where = folder or "home"
        visible = [(href, text) for href, text in page.anchors if text.startswith("Nhận tin mới") and "RSS" in text]
        assert visible, f"{where}: no visible link reading 'Nhận tin mới … RSS'"
        targets = {urljoin(content.url(folder), href) for href, _ in visible}
        assert content.url(feed) in targets, f"{where}: the 'Nhận tin mới' link goes to {targets}, expected {content.url(feed)}"
        assert (site / feed).is_file()


# --- 6. 404.html -----------------------------------------------------------------------------------

def test_404_page_links_home_browse_and_search_by_base_path(built_site: Path) -> None:
    path = built_site / "404.html"
    assert path.is_file(), "404.html is missing"
    _, page = parse_page(path)
    base = EXAMPLE.base_path
    hrefs = {href for href, _ in page.anchors}
    for target in (base, base + "xa-phuong/", base + "nganh-nghe/", base + "tim-kiem/"):
        assert target in hrefs, f"404.html has no link to {target} (links: {sorted(hrefs)})"
    # Served at any address, so no link, stylesheet, feed or form may be relative to where it is shown.
    relative = [href for href in [*hrefs, *(link.get("href", "") for link in page.links), *page.other_urls]
                if not (href.startswith("/") or re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"))]
    assert not relative, f"404.html uses relative URLs, which break when it is served at another address: {relative}"
    assert any(meta.get("name") == "robots" and "noindex" in meta.get("content", "") for meta in page.metas), \
        "404.html should not be indexed"


#: A base URL whose path is percent-encoded, as a URL must be: "công việc" with its space.
ENCODED_BASE_URL = "https://vieclam.example.vn/c%C3%B4ng%20vi%E1%BB%87c/"


def test_404_page_keeps_a_percent_encoded_base_path(run_phiencho, repo_root: Path, tmp_path_factory) -> None:
    """The 404 page's links use the base path exactly as base_url writes it. Decoding it ("/công việc/")
    gives hrefs with a raw space (not a valid URL), and a base path holding %23 or %3F would turn into
    a fragment or a query, so that every link of the 404 page would go to the wrong address."""
    content_dir = tmp_path_factory.mktemp("encoded-base") / "content"
    shutil.copytree(repo_root / "content", content_dir, ignore=shutil.ignore_patterns("seekers"))
    site = yaml.safe_load((content_dir / "site.yml").read_text(encoding="utf-8-sig"))
    site["base_url"] = ENCODED_BASE_URL
    (content_dir / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    output = content_dir.parent / "public"
    result = run_phiencho("build", "--content", str(content_dir), "--themes", str(repo_root / "themes"),
                          "--output", str(output), "--now", NOW)
    assert result.returncode == 0, f"build with base_url {ENCODED_BASE_URL} exited {result.returncode}\n{result.stderr}"
    _, page = parse_page(output / "404.html")
    base = urlsplit(ENCODED_BASE_URL).path
    hrefs = {href for href, _ in page.anchors}
    for target in (base, base + "xa-phuong/", base + "nganh-nghe/", base + "tim-kiem/"):
        assert target in hrefs, (
            f"ENGINE BUG (SiteConfig.basePath uses the percent-decoded URLComponents.path): 404.html has no "
            f"link to {target}; its links are {sorted(h for h in hrefs if not h.startswith(('#', 'http')))}")
    stylesheets = [link.get("href", "") for link in page.links if "stylesheet" in link.get("rel", "")]
    assert stylesheets and all(href.startswith(base) for href in stylesheets), \
        f"ENGINE BUG: 404.html stylesheet {stylesheets} is not under the encoded base path {base}"
