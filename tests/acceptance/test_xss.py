"""XSS acceptance tests (issue 6): classic XSS vectors in every text field of vacancies (and in the
site settings, a commune, a sector and a plain page) never produce executable markup anywhere in
the built site — pages, JSON-LD, feeds, the search index or the script that shows it.

One site is built with every vector in every field that accepts free text: title, employer name,
address and phone, place of work address, requirements, benefits, tags, "apply" (Markdown) and the
Markdown body. The employer email and website are checked by the validator: hostile values there
must be refused (exit 1, PC313 / PC312), which is tested separately.

Then every output file is read:
* HTML (html.parser): no `<script>` element except JSON-LD (`type="application/ld+json"`, whose text
  must parse as JSON and hold no `</script` or `<!--`) and the theme's own external asset scripts
  (`src` under assets/, empty body); no `on*` attribute; no href/src/action/formaction/… whose value,
  with whitespace and control characters removed, starts with `javascript:`, `vbscript:` or `data:`;
  no `<iframe>`, `<object>`, `<embed>`, `<svg>`, `<math>`, `<frame>`, `<applet>`, `<base>`; no meta
  refresh; no `style` attribute holding `javascript:` or `expression(`. JobPosting's description
  (HTML, per schema.org/Google) is checked the same way; its other strings are plain text.
* XML: well-formed. An RSS `<description>` is HTML to feed readers (feedparser, which the feed
  tests use, reads it as text/html), so its text is checked as HTML too.
* JSON: parses; the search index's card links are site paths.
* JavaScript (the theme's scripts): no HTML sinks (`innerHTML`, `outerHTML`, `insertAdjacentHTML`,
  `document.write`), no `eval` or `new Function`.
Every vector must still be visible as text on its vacancy page (escaped, not dropped).

Standard library and pytest only.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import NOW, REPO_ROOT

VECTORS_FILE = Path(__file__).resolve().parents[2] / "Tests" / "PhienchoKitTests" / "Fixtures" / "xss-vectors.txt"

#: Classic vectors; the fixture file (one per line, `#` comments) adds to them when present.
BUILTIN_VECTORS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " \tjavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "</script><script>alert(1)</script>",
    "<!--<script>",
    "--><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    '" onmouseover="alert(1)',
    "<iframe src=javascript:alert(1)>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "<base href=javascript:alert(1)//>",
    "<body onload=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "<div onclick=alert(1)>Raw HTML block</div>",
    "`<script>alert(1)</script>`",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "]]><script>alert(1)</script>",
    "\u2028<script>alert(1)</script>\u2029",
    "{{site.title}}{{{structuredDataHTML}}}",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
]

#: Markdown-only shapes for the body and "apply": blocks, reference links, autolinks, HTML blocks.
MARKDOWN_BLOCKS = [
    "<div onclick=\"alert(1)\">\n\n**raw** HTML block\n\n</div>",
    "<script>\nalert(1)\n</script>",
    "<!-- comment --><img src=x onerror=alert(1)>",
    "[ref link][r]\n\n[r]: javascript:alert(1) \"title\"",
    "[ref data][d]\n\n[d]: data:text/html,<script>alert(1)</script>",
    "Autolink <javascript:alert(1)> and <vbscript:msgbox(1)> and <https://example.vn/ok>",
    "![ảnh](https://evil.example/x.png \"onerror=alert(1)\")",
    "<a href=\"javascript:alert(1)\">link</a> <span onmouseover=\"alert(1)\">hover</span>",
    "```html\n<script>alert(1)</script>\n```",
    "> <iframe src=\"javascript:alert(1)\"></iframe>",
    "[x](javascript:alert(1) \"t\")  [y]( javascript:alert(1) )  [z](JAVASCRIPT:alert(1))",
]

SAFE_EMAILS = ["tuyendung@example.vn", "a+b@example.vn", "x@example.vn?subject=alert&body=%3Cscript%3E"]
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite",
                  "longdesc", "usemap", "codebase", "data", "srcset", "manifest", "ping", "icon", "lowsrc", "dynsrc"}
FORBIDDEN_ELEMENTS = {"iframe", "object", "embed", "svg", "math", "frame", "frameset", "applet", "base"}
#: The only SVG allowed: the QR code of printed sheets (issue 19) and the statistics page's bar
#: charts (issue 22), with these elements and these attributes.
QR_ELEMENTS = {"svg": {"class", "viewbox", "role", "aria-label"}, "rect": {"width", "height", "fill"},
               "path": {"d", "stroke"}}
CHART_ELEMENTS = {"svg": {"class", "viewbox", "role", "aria-label"}, "rect": {"x", "y", "width", "height", "fill"},
                  "text": {"x", "y", "font-size"}, "text+bold": {"x", "y", "font-size", "font-weight"}}
THEME_SCRIPT = re.compile(r"^(?:\.\./)*assets/[\w.-]+\.js$")
JS_SINKS = re.compile(r"\binnerHTML\b|\bouterHTML\b|\binsertAdjacentHTML\b|document\.write|\beval\s*\(|new\s+Function\b")
CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]")


def vectors() -> list[str]:
    extra = []
    if VECTORS_FILE.is_file():
        for line in VECTORS_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                extra.append(line)
    seen, result = set(), []
    for vector in BUILTIN_VECTORS + extra:
        if vector not in seen:
            seen.add(vector)
            result.append(vector)
    return result


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def shown(text: str) -> str:
    """A front matter string as the engine publishes it: NFC, trimmed."""
    return unicodedata.normalize("NFC", text).strip()


def vacancy_file(number: int, vector: str, commune: str, sector: str) -> str:
    body = "\n\n".join([f"Mô tả số {number}.", vector, *MARKDOWN_BLOCKS])
    lines = [
        "---",
        f"id: XSS-{number:03d}",
        f"title: {yaml_string(vector)}",
        "status: approved",
        "posted: 2026-11-01",
        "expires: 2026-12-31",
        "employer:",
        f"  name: {yaml_string(vector)}",
        f"  address: {yaml_string('Địa chỉ ' + vector)}",
        f"  phone: {yaml_string(vector + ' 0229 3871 000')}",
        f"  email: {yaml_string(SAFE_EMAILS[number % len(SAFE_EMAILS)])}",
        "  website: https://example.vn/viec-lam?id=1&a=b#x",
        "location:",
        f"  commune: {yaml_string(commune)}",
        f"  address: {yaml_string(vector)}",
        f"sector: {yaml_string(sector)}",
        "employment_type: full_time",
        "openings: 3",
        "salary:",
        "  min: 6000000",
        "  max: 8000000",
        "  period: month",
        "requirements:",
        f"  - {yaml_string(vector)}",
        f"  - {yaml_string('Yêu cầu ' + vector)}",
        "benefits:",
        f"  - {yaml_string(vector)}",
        "tags:",
        f"  - {yaml_string(vector)}",
        f"apply: {yaml_string(vector + chr(10) + chr(10) + MARKDOWN_BLOCKS[number % len(MARKDOWN_BLOCKS)])}",
        "---",
        body,
        "",
    ]
    return "\n".join(lines)


HOSTILE_COMMUNE = "Xã <script>alert(1)</script>\" onmouseover=\"alert(1)"
HOSTILE_SECTOR = "Ngành </script><img src=x onerror=alert(1)>"


def write_content(content: Path) -> list[str]:
    """The hostile content folder; returns the vectors used (vacancy XSS-nnn holds vector nnn)."""
    content.mkdir(parents=True)
    site = (REPO_ROOT / "content" / "site.yml").read_text(encoding="utf-8")
    site = re.sub(r"^title: .*$", "title: " + yaml_string("Phiên chợ <script>alert(1)</script>"), site, count=1, flags=re.M)
    site = re.sub(r"^description: .*$", "description: " + yaml_string('Mô tả "><img src=x onerror=alert(1)>'), site,
                  count=1, flags=re.M)
    (content / "site.yml").write_text(site, encoding="utf-8")
    communes = (REPO_ROOT / "content" / "communes.yml").read_text(encoding="utf-8")
    (content / "communes.yml").write_text(communes + f"\n- {{name: {yaml_string(HOSTILE_COMMUNE)}, kind: xã}}\n",
                                          encoding="utf-8")
    sectors = (REPO_ROOT / "content" / "sectors.yml").read_text(encoding="utf-8")
    (content / "sectors.yml").write_text(sectors + f"\n- name: {yaml_string(HOSTILE_SECTOR)}\n", encoding="utf-8")
    pages = content / "pages"
    pages.mkdir()
    (pages / "gioi-thieu.md").write_text(
        "---\ntitle: " + yaml_string("Giới thiệu <script>alert(1)</script>") + "\n---\n"
        + "\n\n".join(BUILTIN_VECTORS + MARKDOWN_BLOCKS) + "\n", encoding="utf-8")
    folder = content / "vacancies"
    folder.mkdir()
    used = vectors()
    for number, vector in enumerate(used):
        commune = HOSTILE_COMMUNE if number % 3 == 0 else "Xuân Trường"
        sector = HOSTILE_SECTOR if number % 2 == 0 else "Xây dựng"
        (folder / f"xss-{number:03d}.md").write_text(vacancy_file(number, vector, commune, sector), encoding="utf-8")
    return used


@pytest.fixture(scope="module")
def hostile_site(phiencho_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("xss")
    used = write_content(root / "content")
    out = root / "public"
    result = subprocess.run([str(phiencho_bin), "build", "--content", str(root / "content"),
                             "--themes", str(REPO_ROOT / "themes"), "--output", str(out), "--now", NOW],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if "lỗi[" in line]
        pytest.fail(f"the hostile site did not build (exit {result.returncode}):\n" + "\n".join(errors[:40]))
    return out, used


# --- checking HTML ---------------------------------------------------------------------------------

class SafetyChecker(HTMLParser):
    """Collects every executable-markup problem of one HTML document."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.problems: list[str] = []
        self.json_ld: list[str] = []
        self._script: tuple[str, list[str]] | None = None
        self._h1: list[str] | None = None
        self.h1_texts: list[str] = []

    def problem(self, text: str) -> None:
        line, column = self.getpos()
        self.problems.append(f"{self.where}:{line}:{column}: {text}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check_element(tag, attrs)
        if tag == "script":
            kind = (dict(attrs).get("type") or "").strip().lower()
            source = dict(attrs).get("src")
            if kind == "application/ld+json":
                self._script = ("json-ld", [])
            elif source is not None and THEME_SCRIPT.match(source) and kind in ("", "text/javascript", "module"):
                self._script = ("theme", [])
            else:
                self.problem(f"<script> element {attrs}")
                self._script = ("other", [])
        elif tag == "h1":
            self._h1 = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check_element(tag, attrs)

    def _qr_is_open(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """The one SVG the engine writes: the printed sheets' QR code, `<svg class="qr">` holding
        only a `rect` and a `path`, with exactly the attributes QRCode.svg gives them."""
        names = {name for name, _ in attrs}
        if tag == "svg":
            kind = dict(attrs).get("class")
            allowed = {"qr": QR_ELEMENTS, "chart": CHART_ELEMENTS}.get(kind or "")
            if allowed and names == allowed["svg"]:
                self._in_qr = allowed
                return True
            return False
        allowed = getattr(self, "_in_qr", None)
        if not allowed:
            return False
        fits = names in (allowed.get(tag), allowed.get(tag + "+bold"))
        # Every attribute value is a number, a colour or a word; the aria-label was checked as text.
        return fits and all(re.fullmatch(r"[#0-9a-zA-Z .-]*", value or "") for _, value in attrs)

    def check_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"svg", "rect", "path", "text"} and self._qr_is_open(tag, attrs):
            return
        if tag in FORBIDDEN_ELEMENTS:
            self.problem(f"<{tag}> element")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problem(f"<{tag} {name}=…> event handler attribute")
            if name in URL_ATTRIBUTES:
                for candidate in (value.split(",") if name == "srcset" else [value]):
                    squeezed = CONTROL_OR_SPACE.sub("", candidate).lower()
                    if squeezed.startswith(DANGEROUS_SCHEMES):
                        self.problem(f"<{tag} {name}={value!r}> dangerous URL")
            if name == "style" and re.search(r"javascript:|expression\s*\(|url\s*\(", CONTROL_OR_SPACE.sub("", value).lower()):
                self.problem(f"<{tag} style={value!r}>")
            if tag == "meta" and name == "http-equiv" and value.strip().lower() == "refresh":
                self.problem("<meta http-equiv=refresh>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._in_qr = None
        if tag == "script" and self._script is not None:
            kind, parts = self._script
            text = "".join(parts)
            if kind == "json-ld":
                self.json_ld.append(text)
                lowered = text.lower()
                if "</script" in lowered or "<!--" in lowered or "<script" in lowered:
                    self.problem(f"JSON-LD text holds </script, <script or <!--: {text[:200]!r}")
            elif kind == "theme" and text.strip():
                self.problem(f"the theme's external script has inline text: {text[:200]!r}")
            self._script = None
        elif tag == "h1" and self._h1 is not None:
            self.h1_texts.append("".join(self._h1))
            self._h1 = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
        if self._h1 is not None:
            self._h1.append(data)

    def handle_comment(self, data: str) -> None:
        if "<script" in data.lower() or "[if" in data.lower():
            self.problem(f"comment holding markup: {data[:120]!r}")


def check_html(text: str, where: str) -> SafetyChecker:
    checker = SafetyChecker(where)
    checker.feed(text)
    checker.close()
    return checker


JSON_LD_URL_KEYS = {"sameAs", "url", "@id", "logo", "image", "applicationContact", "mainEntityOfPage"}


def json_members(value, key: str = "") -> list[tuple[str, str]]:
    """(key, string) for every string in a JSON value (list items take their list's key)."""
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, list):
        return [member for item in value for member in json_members(item, key)]
    if isinstance(value, dict):
        return [member for name, item in value.items() for member in json_members(item, name)]
    return []


# --- the tests -------------------------------------------------------------------------------------

def test_every_vacancy_is_published(hostile_site) -> None:
    out, used = hostile_site
    for number in range(len(used)):
        assert (out / "viec-lam" / f"xss-{number:03d}" / "index.html").is_file(), f"XSS-{number:03d} has no page"


def test_html_pages_hold_no_executable_markup(hostile_site) -> None:
    out, _ = hostile_site
    problems: list[str] = []
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        where = page.relative_to(out).as_posix()
        checker = check_html(page.read_text(encoding="utf-8"), where)
        problems += checker.problems
        for text in checker.json_ld:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: JSON-LD does not parse ({error}): {text[:200]!r}")
                continue
            for key, string in json_members(data):
                if key == "description":  # JobPosting's description is HTML: checked as HTML too
                    problems += check_html(string, f"{where} (JSON-LD “{key}”)").problems
                if key in JSON_LD_URL_KEYS and CONTROL_OR_SPACE.sub("", string).lower().startswith(DANGEROUS_SCHEMES):
                    problems.append(f"{where}: JSON-LD “{key}” is a script or data URL: {string!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])


def test_vectors_are_shown_as_text(hostile_site) -> None:
    """Every vector is still on its page as text (the <h1> is the title): escaped, not dropped."""
    out, used = hostile_site
    for number, vector in enumerate(used):
        page = out / "viec-lam" / f"xss-{number:03d}" / "index.html"
        checker = check_html(page.read_text(encoding="utf-8"), str(page))
        expected = re.sub(r"\s+", " ", shown(vector))
        texts = [re.sub(r"\s+", " ", text).strip() for text in checker.h1_texts]
        assert expected in texts, f"XSS-{number:03d}: the title {vector!r} is not shown as text; <h1>: {texts}"


def test_feeds_are_well_formed_and_descriptions_are_inert_html(hostile_site) -> None:
    out, _ = hostile_site
    feeds = sorted(out.rglob("*.xml"))
    assert any(path.name == "rss.xml" for path in feeds)
    problems: list[str] = []
    markup_items: list[str] = []
    for path in feeds:
        where = path.relative_to(out).as_posix()
        try:
            tree = ET.parse(path)
        except ET.ParseError as error:
            problems.append(f"{where}: not well-formed XML: {error}")
            continue
        for element in tree.iter():
            local = element.tag.rsplit("}", 1)[-1]
            if local in ("script", "iframe", "object", "embed", "svg"):
                problems.append(f"{where}: <{local}> element in the XML")
            for name, value in element.attrib.items():
                if CONTROL_OR_SPACE.sub("", value).lower().startswith(DANGEROUS_SCHEMES):
                    problems.append(f"{where}: <{local} {name}={value!r}>")
            if local in ("link", "guid", "loc", "comments") and element.text:
                if CONTROL_OR_SPACE.sub("", element.text).lower().startswith(DANGEROUS_SCHEMES):
                    problems.append(f"{where}: <{local}>{element.text}")
        if path.name == "rss.xml":
            for item in tree.iter("item"):
                description = item.findtext("description") or ""
                # RSS readers render <description> as HTML (feedparser: text/html, sanitised).
                found = check_html(description, f"{where} <item><description>").problems
                if found:
                    markup_items.append(f"{where} “{item.findtext('title')}”: {len(found)} problems, e.g. "
                                        f"{found[0].split(': ', 1)[1]}; description {description[:160]!r}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
    assert not markup_items, (
        f"{len(markup_items)} feed items carry live HTML in <description>. RSS readers parse the description "
        "as HTML (feedparser reads it as text/html and strips the script), so the plain-text summary must be "
        "HTML-escaped before it is XML-escaped (RSSFeed.xml: <description>XML.escape(summary)</description>):\n"
        + "\n".join(markup_items[:12]))


def test_json_files_parse_and_search_links_are_site_paths(hostile_site) -> None:
    out, used = hostile_site
    files = sorted(out.rglob("*.json"))
    assert files, "no JSON file (search index) in the output"
    cards = 0
    for path in files:
        where = path.relative_to(out).as_posix()
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name.startswith("cards-"):
            for card in data:
                cards += 1
                assert isinstance(card, list) and len(card) >= 2, f"{where}: unexpected card {card!r}"
                assert re.fullmatch(r"viec-lam/[a-z0-9-]+/", card[1]), f"{where}: card link {card[1]!r} is not a site path"
        text = path.read_text(encoding="utf-8").lower()
        assert "</script" not in text and "<!--" not in text, f"{where} holds </script or <!--"
    assert cards >= len(used), f"the search index holds {cards} cards for {len(used)} open vacancies"


def test_theme_scripts_use_no_html_sinks(hostile_site) -> None:
    out, _ = hostile_site
    scripts = sorted(out.rglob("*.js"))
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)  # comments may name the sinks they avoid
        sinks = sorted(set(JS_SINKS.findall(code)))
        assert not sinks, f"{path.relative_to(out)} uses {sinks}: data from the index could become markup"


def test_no_output_file_carries_a_raw_vector(hostile_site) -> None:
    """Byte-level backstop: the unescaped opening of a script or event handler from the content is
    in no file other than JSON (which holds it as escaped text)."""
    out, _ = hostile_site
    needles = [b"<script>alert(1)", b"onerror=alert(1)>", b"<svg onload", b"<iframe src=javascript"]
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".js", ".css", ".txt"):
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"{path.relative_to(out)} holds the raw bytes {needle!r}"


# --- values the validator must refuse ----------------------------------------------------------------

HOSTILE_WEBSITES = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.vn/%0aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "https:javascript:alert(1)",
    "http://",
    'https://example.vn/" onmouseover="alert(1)',
    "https://example.vn/ onmouseover=alert(1)",
    "https://example.vn/<script>alert(1)</script>",
    "jav&#x09;ascript:alert(1)",
]

HOSTILE_EMAILS = [
    "javascript:alert(1)@example.vn",
    '"><svg onload=alert(1)>@example.vn',
    "x@example.vn<script>alert(1)</script>",
    "x@example.vn' onmouseover='alert(1)",
    "x@example.vn\" onmouseover=\"alert(1)",
]


def build_single(phiencho_bin: Path, root: Path, website: str | None = None, email: str | None = None):
    content = root / "content"
    content.mkdir()
    for name in ("site.yml", "communes.yml", "sectors.yml"):
        shutil.copyfile(REPO_ROOT / "content" / name, content / name)
    (content / "vacancies").mkdir()
    text = vacancy_file(1, "Công nhân may", "Xuân Trường", "Xây dựng")
    if website is not None:
        text = text.replace("  website: https://example.vn/viec-lam?id=1&a=b#x", f"  website: {yaml_string(website)}")
    if email is not None:
        text = re.sub(r"^  email: .*$", lambda _: f"  email: {yaml_string(email)}", text, count=1, flags=re.M)
    (content / "vacancies" / "hostile.md").write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), start=1)
                if row.startswith("  website:" if website is not None else "  email:"))
    out = root / "public"
    result = subprocess.run([str(phiencho_bin), "build", "--content", "content", "--themes", str(REPO_ROOT / "themes"),
                             "--output", str(out), "--now", NOW], cwd=root, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=120)
    return result, out, line


@pytest.mark.parametrize("website", HOSTILE_WEBSITES)
def test_hostile_employer_website_is_refused(phiencho_bin: Path, tmp_path: Path, website: str) -> None:
    result, out, line = build_single(phiencho_bin, tmp_path, website=website)
    assert result.returncode == 1, f"website {website!r} was accepted (exit {result.returncode})\n{result.stderr}"
    assert re.search(rf"^content/vacancies/hostile\.md:{line}:\d+: lỗi\[PC312\]", result.stderr, re.M), \
        f"expected content/vacancies/hostile.md:{line}:col: lỗi[PC312] for {website!r}:\n{result.stderr}"
    assert not out.exists()


@pytest.mark.parametrize("email", HOSTILE_EMAILS)
def test_hostile_employer_email_is_refused(phiencho_bin: Path, tmp_path: Path, email: str) -> None:
    result, out, line = build_single(phiencho_bin, tmp_path, email=email)
    assert result.returncode == 1, f"email {email!r} was accepted (exit {result.returncode})\n{result.stderr}"
    assert re.search(rf"^content/vacancies/hostile\.md:{line}:\d+: lỗi\[PC313\]", result.stderr, re.M), \
        f"expected content/vacancies/hostile.md:{line}:col: lỗi[PC313] for {email!r}:\n{result.stderr}"
    assert not out.exists()
