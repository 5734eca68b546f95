"""Weight and privacy of a visit (issue 7), on the example site and the generated larger one:

* an open vacancy page with its stylesheet is at most 30 KB gzip-compressed, and loads no script;
* no page asks the browser for anything from another host: every built page is parsed for
  `<script src>`, `<link href>` (stylesheet, preload, icon…), `<img src/srcset>`, `<iframe>`,
  `<embed>`, `<object>`, `<source>`, `<video>`, `<audio>`, `<track>`, `<form action>`,
  `<meta http-equiv=refresh>` and inline `style`, and every stylesheet for `@import`, `url(…)` and
  `@font-face`. Only relative addresses pass; the one absolute kind allowed is a
  `<link rel=canonical|alternate>` into the site's own base_url (not a request: an address for
  search engines and feed readers);
* links to other hosts (employers' websites) are user-initiated navigations: allowed, but they
  carry `rel` with `noopener` and `noreferrer`, and every page says `<meta name="referrer"
  content="no-referrer">`, so that a citizen's visit is never revealed to an employer's or any other
  site, whatever server serves the pages.
"""

from __future__ import annotations

import gzip
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

import web_support as web
from conftest import NOW

SITES = ("example", "large")
BUDGET = 30 * 1024
BASE_URLS = {"example": "https://vieclam.ninhbinh.example.vn/phien-cho/", "large": web.LARGE_BASE_URL}

# element → attributes that make the browser fetch something
FETCHING = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",), "embed": ("src",),
    "object": ("data",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "input": ("src",), "form": ("action",), "button": ("formaction",), "image": ("href",),
    "use": ("href", "xlink:href"),
}
CSS_FETCH = re.compile(r"@import|url\(|@font-face", re.IGNORECASE)


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _is_relative(url: str) -> bool:
    """A same-site address: no scheme, no host, not protocol-relative."""
    parts = urllib.parse.urlsplit(url.strip())
    return not parts.scheme and not parts.netloc and not url.strip().startswith("//")


def _open_vacancy_pages(site: Path) -> list[Path]:
    return [p for p in sorted((site / "viec-lam").glob("*/index.html"))
            if "Đã hết hạn nộp hồ sơ" not in (text := p.read_text(encoding="utf-8")) and 'class="kind-withdrawn"' not in text]


# --- weight --------------------------------------------------------------------------------------

@pytest.mark.parametrize("site", SITES)
def test_an_open_vacancy_with_its_css_weighs_at_most_30_kb_gzip(sites: dict[str, Path], site: str) -> None:
    root = sites[site]
    pages = _open_vacancy_pages(root)
    assert pages, "no open vacancy"
    heaviest, heaviest_size = None, 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        elements = web.parse_html(text)
        # The only scripts: the share and speech buttons (issue 19), counted in the weight.
        scripts = [e.attrs["src"] for e in elements if e.tag == "script" and "src" in e.attrs]
        assert [re.sub(r"\.[0-9a-f]{10}\.js$", "", src.rsplit("/", 1)[-1]) for src in scripts] == ["share", "speech"], scripts
        sheets = [e.attrs["href"] for e in elements if e.tag == "link" and "stylesheet" in e.attrs.get("rel", "").split()]
        assert len(sheets) == 1, f"{page}: {sheets}"
        files = [(page.parent / href).resolve() for href in sheets + scripts]
        assert all(f.is_file() and f.is_relative_to(root.resolve()) for f in files), sheets + scripts
        size = _gzip_size(page.read_bytes()) + sum(_gzip_size(f.read_bytes()) for f in files)
        if size > heaviest_size:
            heaviest, heaviest_size = page, size
    print(f"{site}: heaviest open vacancy {heaviest.parent.name}: {heaviest_size} bytes gzip with its CSS and scripts "
          f"(budget {BUDGET}), over {len(pages)} open vacancies")
    assert heaviest_size <= BUDGET, f"{heaviest} with its CSS is {heaviest_size} bytes gzip, over {BUDGET}"


# --- nothing from another host -------------------------------------------------------------------

def _page_problems(path: Path, text: str, base_url: str) -> list[str]:
    problems = []
    elements = web.parse_html(text)
    own = urllib.parse.urlsplit(base_url)
    for element in elements:
        tag, attrs = element.tag, element.attrs
        for name in FETCHING.get(tag, ()):
            if name not in attrs:
                continue
            urls = ([candidate.strip().split(" ")[0] for candidate in attrs[name].split(",")]
                    if name.endswith("srcset") else [attrs[name]])
            problems += [f"<{tag} {name}={url!r}> fetches from outside the site" for url in urls if not _is_relative(url)]
        if tag == "link" and "href" in attrs:
            rels = set(attrs.get("rel", "").lower().split())
            href = attrs["href"]
            if _is_relative(href):
                continue
            parts = urllib.parse.urlsplit(href)
            if rels & {"canonical", "alternate"} and not rels - {"canonical", "alternate"} \
                    and (parts.scheme, parts.netloc) == (own.scheme, own.netloc) and parts.path.startswith(own.path):
                continue
            problems.append(f"<link rel={attrs.get('rel')!r} href={href!r}> points outside the site")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            problems.append(f"<meta http-equiv=refresh content={attrs.get('content')!r}>")
        if "style" in attrs and CSS_FETCH.search(attrs["style"]):
            problems.append(f"<{tag} style={attrs['style']!r}> can fetch")
        if tag == "style" and CSS_FETCH.search(element.text):
            problems.append("a <style> element can fetch")
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            problems.append(f"an inline script (type {attrs.get('type')!r}): the CSP forbids it")
        if tag == "a" and "href" in attrs and not _is_relative(attrs["href"]):
            parts = urllib.parse.urlsplit(attrs["href"])
            if (parts.scheme, parts.netloc) == (own.scheme, own.netloc) and parts.path.startswith(own.path):
                continue  # the site's own address, as the share box shows it
            if parts.scheme in ("http", "https") or attrs["href"].startswith("//"):
                rels = set(attrs.get("rel", "").lower().split())
                if not {"noopener", "noreferrer"} <= rels:
                    problems.append(f"<a href={attrs['href']!r} rel={attrs.get('rel')!r}> lacks noopener noreferrer")
            elif parts.scheme not in ("mailto", "tel"):
                problems.append(f"<a href={attrs['href']!r}>: unexpected scheme")
    referrer = [e for e in elements if e.tag == "meta" and e.attrs.get("name") == "referrer"]
    if [e.attrs.get("content") for e in referrer] != ["no-referrer"] or referrer[0].ancestors[-1].tag != "head":
        problems.append('no <meta name="referrer" content="no-referrer"> in <head>')
    return problems


@pytest.mark.parametrize("site", SITES)
def test_no_page_fetches_anything_from_another_host(sites: dict[str, Path], site: str) -> None:
    root = sites[site]
    pages = web.html_pages(root)
    problems, external_links = [], 0
    for path in pages:
        text = path.read_text(encoding="utf-8")
        external_links += len(re.findall(r'<a [^>]*href="https?://', text))
        problems += [f"{path.relative_to(root)}: {p}" for p in _page_problems(path, text, BASE_URLS[site])]
    print(f"{site}: {len(pages)} pages parsed, {external_links} links to other hosts checked for rel")
    assert len(pages) > 100
    assert external_links > 0, "no employer website link was checked"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:80])


@pytest.mark.parametrize("site", SITES)
def test_stylesheets_and_scripts_fetch_nothing_from_another_host(sites: dict[str, Path], site: str) -> None:
    assets = sorted((sites[site] / "assets").iterdir())
    assert [a for a in assets if a.suffix == ".css"], "no stylesheet"
    for asset in assets:
        if asset.suffix == ".svg":
            # The icon: drawing only, nothing it could fetch or run.
            text = asset.read_text(encoding="utf-8")
            assert not re.search(r"href|url\(|<script|<image|<foreignObject|@import", text, re.IGNORECASE), asset.name
            continue
        if asset.suffix not in (".css", ".js"):
            assert asset.suffix == ".png", f"an unexpected asset {asset.name}"
            continue
        text = asset.read_text(encoding="utf-8")
        if asset.suffix == ".css":
            without_comments = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
            found = CSS_FETCH.findall(without_comments)
            assert not found, f"{asset.name} can fetch: {found}"
        elif asset.suffix == ".js":
            code = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)
            assert not re.search(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}", code, re.IGNORECASE), \
                f"{asset.name} names another host"
            assert not re.search(r"\b(eval|Function|importScripts|WebSocket|sendBeacon|XMLHttpRequest)\s*\(", code), \
                f"{asset.name} uses a way to run or send data that the site does not need"


def test_the_checks_see_a_planted_request(sites: dict[str, Path]) -> None:
    """The parser reports what it is meant to: each way of fetching from another host, planted."""
    text = (sites["example"] / "index.html").read_text(encoding="utf-8")
    planted = text.replace("</head>", '<script src="https://cdn.example.com/x.js"></script>'
                                      '<link rel="preconnect" href="https://fonts.example.com">'
                                      '<link rel="icon" href="//cdn.example.com/i.png"></head>')
    planted = planted.replace("</main>", '<img src="https://tracker.example.com/p.gif" alt="">'
                                         '<img srcset="a.png 1x, https://cdn.example.com/b.png 2x" alt="">'
                                         '<iframe src="https://maps.example.com/"></iframe>'
                                         '<video poster="https://cdn.example.com/p.jpg"></video>'
                                         '<a href="https://employer.example.vn/">web</a>'
                                         '<a href="https://employer.example.vn/" rel="noopener">web</a>'
                                         '<p style="background:url(https://t.example.com/x)">x</p></main>')
    problems = _page_problems(Path("index.html"), planted, BASE_URLS["example"])
    joined = "\n".join(problems)
    for needle in ("cdn.example.com/x.js", "fonts.example.com", "//cdn.example.com/i.png", "tracker.example.com",
                   "cdn.example.com/b.png", "maps.example.com", "cdn.example.com/p.jpg", "t.example.com"):
        assert needle in joined, f"{needle} was not reported:\n{joined}"
    assert sum("lacks noopener noreferrer" in p for p in problems) == 2
    assert _page_problems(Path("index.html"), text, BASE_URLS["example"]) == []


# --- links written in Markdown -------------------------------------------------------------------

LINKED_VACANCY = """---
id: NB-2026-990
title: Thợ xây có tay nghề
status: approved
posted: 2026-11-20
expires: 2026-12-31
employer:
  name: Công ty Xây dựng Thử
  website: https://xaydungthu.example.vn
location:
  commune: Phủ Lý
sector: Xây dựng
employment_type: full_time
openings: 2
---
Xem thêm trên [trang tuyển dụng của công ty](https://xaydungthu.example.vn/tuyen-dung).
"""


@pytest.fixture(scope="module")
def linked_site(run_phiencho, repo_root: Path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("linked")
    content = folder / "content"
    shutil.copytree(repo_root / "content", content)
    (content / "vacancies" / "2026-11" / "nb-2026-990-tho-xay.md").write_text(LINKED_VACANCY, encoding="utf-8")
    output = folder / "public"
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
    assert result.returncode == 0, result.stdout + result.stderr
    return output / "viec-lam" / "nb-2026-990" / "index.html"


def test_a_markdown_link_to_another_site_sends_no_referrer(linked_site: Path) -> None:
    """Whatever the engine writes for a Markdown link, the page's referrer policy covers it."""
    text = linked_site.read_text(encoding="utf-8")
    assert 'href="https://xaydungthu.example.vn/tuyen-dung"' in text
    assert '<meta name="referrer" content="no-referrer">' in text


def test_a_markdown_link_to_another_site_carries_noopener_noreferrer(linked_site: Path) -> None:
    problems = _page_problems(linked_site, linked_site.read_text(encoding="utf-8"), BASE_URLS["example"])
    assert not problems, problems
