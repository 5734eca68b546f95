"""Employers, events and training courses (issue #23), on the real binary: listings equal the content
at `now` for random content; calendar files parse with `icalendar`; past events and closed courses
leave every listing, feed, the sitemap and the search index, keep a noindex page 90 days, then go;
a household or a person reaches `dong-hanh/` only with `recognised: true`; JSON-LD Event and Course;
`new --event` and `new --training` write drafts that `check` accepts; the leak audit covers the pages."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import unicodedata
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml

from conftest import NOW

NOINDEX = '<meta name="robots" content="noindex">'


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")


def _links(page: Path, folder: str) -> list[str]:
    """The `folder/<slug>/` links of a page's main content, in order."""
    main = page.read_text(encoding="utf-8").split("<main", 1)[1].split("</main>", 1)[0]
    found = []
    for link in re.findall(rf'href="(?:\.\./)*({folder}/[a-z0-9-]+/)"', main):
        if link not in found:
            found.append(link)
    return found


def _base_content(repo_root: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("site.yml", "communes.yml", "sectors.yml"):
        shutil.copy(repo_root / "content" / name, target / name)
    (target / "vacancies").mkdir()
    return target


def _random_content(repo_root: Path, content: Path, now: dt.date, seed: int) -> dict:
    """Random vacancies, events, courses and employer profiles; returns what each listing must hold."""
    rng = random.Random(seed)
    _base_content(repo_root, content)
    communes = [e["name"] for e in yaml.safe_load((content / "communes.yml").read_text(encoding="utf-8"))]
    sectors = [e["name"] for e in yaml.safe_load((content / "sectors.yml").read_text(encoding="utf-8"))]
    employers = [f"{kind} {name}" for kind, name in zip(
        ["Công ty TNHH", "HTX", "Hộ kinh doanh", "Cá nhân", "Công ty CP", "Hộ kinh doanh", "Cá nhân", "HTX"],
        ["Minh Phát", "Rau sạch", "Cơ khí Hải", "Anh Tư", "Xây dựng Đông", "Bánh đa", "Chị Hoa", "Cói"])]
    open_by_employer: dict[str, int] = {}
    for number in range(1, 41):
        employer = rng.choice(employers)
        status = rng.choice(["approved"] * 4 + ["draft", "withdrawn"])
        posted = now - dt.timedelta(days=rng.randrange(0, 60))
        expires = posted + dt.timedelta(days=rng.randrange(0, 90))
        (content / "vacancies" / f"v-{number}.md").write_text(
            f"---\nid: V-{number}\ntitle: Việc số {number}\nstatus: {status}\nposted: {posted}\nexpires: {expires}\n"
            f"employer:\n  name: \"{employer}\"\nlocation:\n  commune: \"{rng.choice(communes)}\"\n"
            f"sector: \"{rng.choice(sectors)}\"\nemployment_type: full_time\nopenings: 1\n---\nMô tả.\n", encoding="utf-8")
        if status == "approved" and posted <= now <= expires:
            open_by_employer[employer] = open_by_employer.get(employer, 0) + 1
    kinds = {"Công ty TNHH": "doanh_nghiep", "Công ty CP": "doanh_nghiep", "HTX": "hop_tac_xa",
             "Hộ kinh doanh": "ho_kinh_doanh", "Cá nhân": "ca_nhan"}
    profiles, partners = [], []
    for employer in employers:
        if rng.random() < 0.7:
            recognised = rng.random() < 0.5
            kind = next(value for prefix, value in kinds.items() if employer.startswith(prefix))
            profiles.append({"name": employer, "kind": kind, "recognised": recognised, "description": f"Hồ sơ của {employer}."})
            if recognised:
                partners.append(employer)
    (content / "employers.yml").write_text(yaml.safe_dump(profiles, allow_unicode=True), encoding="utf-8")
    (content / "events").mkdir()
    (content / "trainings").mkdir()
    upcoming, kept_events, open_courses, kept_courses = [], [], [], []
    for number in range(1, 16):
        status = rng.choice(["approved"] * 3 + ["draft", "withdrawn"])
        start = now + dt.timedelta(days=rng.randrange(-120, 60))
        end = start + dt.timedelta(days=rng.randrange(0, 3)) if rng.random() < 0.5 else None
        timed = rng.random() < 0.5
        start_text = f"{start}T0{rng.randrange(7, 9)}:30" if timed and end is None else str(start)
        (content / "events" / f"sk-{number}.md").write_text(
            f"---\nid: SK-{number}\ntitle: Sự kiện {number}\nkind: {rng.choice(['ngay_hoi_viec_lam', 'tu_van', 'khac'])}\n"
            f"status: {status}\nstart: {start_text}\n" + (f"end: {end}\n" if end else "")
            + f"place: Nhà văn hóa số {number}\ncommune: \"{rng.choice(communes)}\"\n---\nNội dung {number}.\n", encoding="utf-8")
        last = end or start
        if status == "approved":
            if now <= last:
                upcoming.append((start, (timed and end is None), f"SK-{number}"))
            elif (now - last).days < 90:
                kept_events.append(f"sk-{number}")
        deadline = now + dt.timedelta(days=rng.randrange(-120, 60))
        course_status = rng.choice(["approved"] * 3 + ["draft"])
        (content / "trainings" / f"hn-{number}.md").write_text(
            f"---\nid: HN-{number}\ntitle: Nghề {number}\nstatus: {course_status}\nprovider: Trường nghề {number}\n"
            f"place: Cơ sở {number}\nregistration_deadline: {deadline}\ncost: {rng.choice([0, 500000, 1500000])}\n"
            f"support:\n  - Hỗ trợ tiền ăn\n---\nNội dung.\n", encoding="utf-8")
        if course_status == "approved":
            if now <= deadline:
                open_courses.append((deadline, f"hn-{number}"))
            elif (now - deadline).days < 90:
                kept_courses.append(f"hn-{number}")
    upcoming.sort(key=lambda item: (item[0], item[1], item[2].lower()))
    return {
        "events": [f"su-kien/{item[2].lower()}/" for item in upcoming],
        "kept_events": kept_events,
        "courses": [f"hoc-nghe/{slug}/" for _, slug in sorted(open_courses)],
        "kept_courses": kept_courses,
        "employers": [f"nha-tuyen-dung/{_slug(name)}/" for name in sorted(open_by_employer, key=lambda n: (_fold(n), _slug(n)))],
        "partners": [f"nha-tuyen-dung/{_slug(name)}/" for name in sorted(partners, key=lambda n: (_fold(n), _slug(n)))],
    }


@pytest.mark.parametrize("seed", range(5))
def test_listings_equal_the_content_at_now(seed: int, run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    now = dt.date(2026, 11, 22) + dt.timedelta(days=seed * 17)
    expected = _random_content(repo_root, tmp_path / "content", now, seed)
    output = tmp_path / "public"
    result = run_phiencho("build", "--content", str(tmp_path / "content"), "--output", str(output), "--now", str(now))
    assert result.returncode == 0, result.stderr
    assert _links(output / "su-kien" / "index.html", "su-kien") == expected["events"]
    assert _links(output / "hoc-nghe" / "index.html", "hoc-nghe") == expected["courses"]
    assert _links(output / "nha-tuyen-dung" / "index.html", "nha-tuyen-dung") == expected["employers"]
    assert _links(output / "dong-hanh" / "index.html", "nha-tuyen-dung") == expected["partners"]
    # Feeds and the sitemap list what the listings list; past and closed pages are kept, noindex.
    events_feed = feedparser.parse((output / "su-kien" / "rss.xml").read_bytes())
    assert [entry.link.split("/phien-cho/", 1)[1] for entry in events_feed.entries] == expected["events"]
    courses_feed = feedparser.parse((output / "hoc-nghe" / "rss.xml").read_bytes())
    assert [entry.link.split("/phien-cho/", 1)[1] for entry in courses_feed.entries] == expected["courses"]
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"/phien-cho/((?:su-kien|hoc-nghe)/[a-z0-9-]+/)</loc>", sitemap))
    assert listed == set(expected["events"] + expected["courses"])
    for slug in expected["kept_events"]:
        assert NOINDEX in (output / "su-kien" / slug / "index.html").read_text(encoding="utf-8")
    for slug in expected["kept_courses"]:
        assert NOINDEX in (output / "hoc-nghe" / slug / "index.html").read_text(encoding="utf-8")
    pages = {p.parent.name for p in (output / "su-kien").glob("*/index.html")}
    assert pages == {e.split("/")[1] for e in expected["events"]} | set(expected["kept_events"])
    pages = {p.parent.name for p in (output / "hoc-nghe").glob("*/index.html")}
    assert pages == {c.split("/")[1] for c in expected["courses"]} | set(expected["kept_courses"])
    # The search index holds exactly the upcoming events and open courses besides the vacancies.
    cards = []
    for block in (output / "tim-kiem").glob("cards-*.json"):
        cards += json.loads(block.read_text(encoding="utf-8"))
    assert sorted(card[1] for card in cards if len(card) == 7) == sorted(expected["events"] + expected["courses"])


def test_households_reach_dong_hanh_only_when_recognised(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = _base_content(repo_root, tmp_path / "content")
    names = {"Hộ kinh doanh Bánh Đa": ("ho_kinh_doanh", False), "Anh Nguyễn Văn Tư": ("ca_nhan", False),
             "Hộ kinh doanh Cói": ("ho_kinh_doanh", True), "Công ty May A": ("doanh_nghiep", False)}
    for number, name in enumerate(names):
        (content / "vacancies" / f"v{number}.md").write_text(
            f"---\nid: V-{number}\ntitle: Việc {number}\nstatus: approved\nposted: 2026-11-01\nexpires: 2026-12-31\n"
            f"employer:\n  name: \"{name}\"\nlocation:\n  commune: Gia Trấn\nsector: Xây dựng\nemployment_type: full_time\n"
            "openings: 1\n---\n", encoding="utf-8")
    profiles = [{"name": name, "kind": kind, "recognised": recognised} for name, (kind, recognised) in names.items()]
    profiles[0].pop("recognised")      # the default is false
    (content / "employers.yml").write_text(yaml.safe_dump(profiles, allow_unicode=True), encoding="utf-8")
    output = tmp_path / "public"
    result = run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW)
    assert result.returncode == 0, result.stderr
    partners = (output / "dong-hanh" / "index.html").read_text(encoding="utf-8")
    assert "Hộ kinh doanh Cói" in partners
    for name in ("Hộ kinh doanh Bánh Đa", "Anh Nguyễn Văn Tư", "Công ty May A"):
        assert name not in partners
    # Every vacancy links its employer's page; one without a phone calls the centre's hotline.
    page = (output / "viec-lam" / "v-1" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../nha-tuyen-dung/anh-nguyen-van-tu/"' in page
    assert 'class="call-button" href="tel:02293871234"' in page


@pytest.fixture(scope="module")
def example(built_site: Path) -> Path:
    return built_site


def test_calendar_files_parse_with_icalendar(example: Path, repo_root: Path) -> None:
    events = {path.stem.split("-", 3)[0] + "-" + path.stem.split("-", 3)[1] + "-" + path.stem.split("-", 3)[2]: path
              for path in (repo_root / "content" / "events").glob("*.md")}
    assert len(events) == 2
    for slug, source in events.items():
        front = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
        data = (example / "su-kien" / slug / "su-kien.ics").read_bytes()
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
        calendar = icalendar.Calendar.from_ical(data)
        vevents = [c for c in calendar.walk() if c.name == "VEVENT"]
        assert len(vevents) == 1
        event = vevents[0]
        assert str(event["UID"]) == f"{slug}@vieclam.ninhbinh.example.vn"
        assert str(event["SUMMARY"]) == front["title"]
        start = event.decoded("DTSTART")
        if "T" in str(front["start"]):
            assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=7)
            assert start.strftime("%Y-%m-%dT%H:%M") == str(front["start"])
        else:
            assert start == dt.date.fromisoformat(str(front["start"]))
            assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert front["place"] in str(event["LOCATION"])
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"


def test_event_and_course_pages_carry_json_ld(example: Path) -> None:
    def ld(page: Path) -> dict:
        return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                    page.read_text(encoding="utf-8"), re.S).group(1))
    event = ld(example / "su-kien" / "sk-2026-001" / "index.html")
    assert event["@type"] == "Event" and event["startDate"] == "2026-12-18T07:30:00+07:00"
    assert event["location"]["address"]["addressLocality"] == "Hoa Lư"
    course = ld(example / "hoc-nghe" / "hn-2026-001" / "index.html")
    assert course["@type"] == "Course" and course["offers"]["price"] == 0
    assert course["provider"]["name"] == "Trường Cao đẳng Cơ điện Xây dựng Việt Xô"


def test_home_and_commune_pages_show_upcoming_events(example: Path) -> None:
    home = example / "index.html"
    assert _links(home, "su-kien") == ["su-kien/sk-2026-001/", "su-kien/sk-2027-001/"]
    assert _links(home, "hoc-nghe") == ["hoc-nghe/hn-2026-001/", "hoc-nghe/hn-2026-002/"]
    assert _links(example / "xa-phuong" / "hoa-lu" / "index.html", "su-kien") == ["su-kien/sk-2026-001/"]
    assert _links(example / "xa-phuong" / "gia-tran" / "index.html", "su-kien") == []


def test_past_events_and_closed_courses_go_after_ninety_days(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    for now, listed, kept in (("2026-12-18", True, False), ("2026-12-19", False, True), ("2027-03-17", False, True),
                              ("2027-03-18", False, False)):
        output = tmp_path / now
        assert run_phiencho("build", "--output", str(output), "--now", now).returncode == 0
        page = output / "su-kien" / "sk-2026-001" / "index.html"
        assert ("su-kien/sk-2026-001/" in _links(output / "su-kien" / "index.html", "su-kien")) == listed
        assert page.is_file() == (listed or kept)
        if kept:
            text = page.read_text(encoding="utf-8")
            assert NOINDEX in text and "Sự kiện đã diễn ra" in text
            assert "sk-2026-001" not in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_new_event_and_training_are_drafts_that_check_accepts(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    event = run_phiencho("new", "--event", "Ngày hội việc làm tháng 1", "--content", str(content), "--now", NOW)
    course = run_phiencho("new", "--training", "Điện dân dụng", "--content", str(content), "--now", NOW)
    assert event.returncode == 0 and course.returncode == 0, event.stderr + course.stderr
    assert event.stdout.strip() == f"{content}/events/sk-2026-002-ngay-hoi-viec-lam-thang-1.md"
    assert course.stdout.strip() == f"{content}/trainings/hn-2026-003-dien-dan-dung.md"
    check = run_phiencho("check", "--content", str(content), "--now", NOW)
    assert check.returncode == 0, check.stderr
    assert ": lỗi[" not in check.stderr
    assert "sk-2026-002" in check.stderr and "hn-2026-003" in check.stderr   # the drafts' empty fields, as warnings


def test_event_files_are_checked_like_vacancies(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    (content / "events" / "sai.md").write_text(
        "---\nid: SK-9\ntitle: Sai\nkind: hoi_cho\nstatus: approved\nstart: 2026-12-20 08:00\nend: 2026-12-19\n"
        "place: Nhà văn hóa\ncommune: Gia Tran\nplac: x\n---\n", encoding="utf-8")
    result = run_phiencho("check", "--content", str(content), "--now", NOW, "--format", "json")
    assert result.returncode == 1
    found = {(d["line"], d["code"]) for d in json.loads(result.stdout) if d["path"].endswith("events/sai.md")}
    assert found == {(4, "PC311"), (6, "PC305"), (9, "PC309"), (10, "PC301")}, result.stdout


def test_the_leak_audit_covers_event_pages(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(repo_root / "content", content)
    seekers = sorted((content / "seekers").glob("*.csv"))
    assert seekers, "the example has seeker records"
    header, first = seekers[0].read_text(encoding="utf-8-sig").splitlines()[:2]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    columns = dict(zip(header.split(delimiter), first.split(delimiter)))
    name = next(value for key, value in columns.items() if "tên" in key.lower() or "ten" in _fold(key))
    event = content / "events" / "sk-2026-001-ngay-hoi-viec-lam-thang-12.md"
    event.write_text(event.read_text(encoding="utf-8") + f"\nCảm ơn anh {name} đã chia sẻ.\n", encoding="utf-8")
    result = run_phiencho("build", "--content", str(content), "--output", str(tmp_path / "public"), "--now", NOW)
    assert result.returncode == 1
    assert "PC901" in result.stderr and "su-kien/sk-2026-001" in result.stderr
    assert not (tmp_path / "public").exists()


def test_every_vacancy_page_links_its_employers_page(example: Path) -> None:
    pages = sorted((example / "viec-lam").glob("*/index.html"))
    assert pages
    for page in pages:
        if 'class="kind-withdrawn"' in page.read_text(encoding="utf-8"):
            continue   # a withdrawn vacancy's short page names nothing of it
        links = re.findall(r'href="\.\./\.\./(nha-tuyen-dung/[a-z0-9-]+/)"', page.read_text(encoding="utf-8"))
        assert len(links) == 1, page
        assert (example / links[0] / "index.html").is_file(), links[0]


def test_an_employers_page_is_paginated_with_a_feed(run_phiencho, repo_root: Path, tmp_path: Path) -> None:
    content = _base_content(repo_root, tmp_path / "content")
    for number in range(1, 24):
        (content / "vacancies" / f"v{number}.md").write_text(
            f"---\nid: V-{number:02d}\ntitle: Việc {number}\nstatus: approved\nposted: 2026-11-{number:02d}\nexpires: 2026-12-31\n"
            "employer:\n  name: Công ty May Lớn\nlocation:\n  commune: Gia Trấn\nsector: Xây dựng\nemployment_type: full_time\n"
            "openings: 1\n---\n", encoding="utf-8")
    output = tmp_path / "public"
    assert run_phiencho("build", "--content", str(content), "--output", str(output), "--now", NOW).returncode == 0
    folder = output / "nha-tuyen-dung" / "cong-ty-may-lon"
    pages = [folder / "index.html", folder / "trang" / "2" / "index.html", folder / "trang" / "3" / "index.html"]
    shown = [link for page in pages for link in _links(page, "viec-lam")]
    # V-23 is posted after NOW: 22 open vacancies, newest first, 10 a page.
    assert shown == [f"viec-lam/v-{n:02d}/" for n in range(22, 0, -1)]
    assert not (folder / "trang" / "4").exists()
    feed = feedparser.parse((folder / "rss.xml").read_bytes())
    assert len(feed.entries) == 22 and feed.entries[0].link.endswith("viec-lam/v-22/")
