"""Staff workflow acceptance tests (issue 8), on the real `phiencho` binary:

* `phiencho new` writes a draft that `check` accepts as it is (exit 0, warnings at most) and that,
  filled in and approved, validates with no diagnostic at all; a taken or malformed `--id` is refused
  with exit 1 and nothing written.
* `phiencho check --format json` prints a JSON array of diagnostics and nothing else on stdout;
  exit 0 clean, 1 content errors, 2 usage.
* `phiencho build` shows a progress line per stage only when stderr is a terminal.
* `phiencho serve --port 0` over loopback HTTP: pages, feeds and the theme's 404 page with the right
  Content-Type and status; an edited vacancy is rebuilt; a broken file turns every page into the
  error page (status 500, the diagnostic code); fixing it recovers; SIGINT and SIGTERM stop the
  server with exit 0 and remove its temporary folder.

Every wait is a bounded poll (a hang guard), never a timing assertion. Standard library and pytest only.
"""

from __future__ import annotations

import http.client
import json
import os
import pty
import queue
import re
import select
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import NOW, REPO_ROOT, one_file_of_each_kind

#: Hang guards, not timing assertions.
FIRST_BUILD_SECONDS = 180
REBUILD_SECONDS = 20
STOP_SECONDS = 30

SERVING = re.compile(r"Đang xem trước tại (http://127\.0\.0\.1:(\d+)/) — nhấn Ctrl-C để dừng\.")
TEMPORARY = re.compile(r"thư mục tạm (/\S+) ")
FIELDS = {"path", "line", "column", "severity", "code", "message"}
#: An open vacancy of the example content at NOW (posted 2026-11-02, expires 2027-01-31).
OPEN_VACANCY = "vacancies/2026-11/nb-2026-025-lam-banh-da-nem.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the example content with only November's vacancies (quick to build)."""
    source = REPO_ROOT / "content"
    target = tmp_path / "content"
    target.mkdir()
    for name in ("site.yml", "communes.yml", "sectors.yml"):
        shutil.copy2(source / name, target / name)
    for folder in ("pages", "seekers", "vacancies/2026-11", "events"):
        shutil.copytree(source / folder, target / folder)
    return target


def replace_line(path: Path, key: str, value: str) -> None:
    """Sets the top-level front matter line `key: …` of a vacancy file."""
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", text, count=1)
    assert count == 1, f"{path} has no {key}: line"
    path.write_text(new, encoding="utf-8")


def check_json(run_phiencho, content: Path, *extra: str) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
    result = run_phiencho("check", "--content", str(content), "--now", NOW, "--format", "json", *extra)
    try:
        diagnostics = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        pytest.fail(f"check --format json printed no valid JSON ({error}):\n{result.stdout}\n--- stderr\n{result.stderr}")
    assert isinstance(diagnostics, list)
    for item in diagnostics:
        assert set(item) == FIELDS, item
        assert item["severity"] in ("error", "warning"), item
        assert re.fullmatch(r"PC\d{3}", item["code"]), item
        assert item["line"] is None or isinstance(item["line"], int), item
        assert item["column"] is None or isinstance(item["column"], int), item
        assert isinstance(item["path"], str) and isinstance(item["message"], str) and item["message"], item
    return result, diagnostics


# --- phiencho new ----------------------------------------------------------------------------

def test_new_writes_a_draft_that_check_accepts(run_phiencho, content: Path) -> None:
    result = run_phiencho("new", "Thợ hàn cửa sắt", "--content", str(content), "--now", NOW)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.strip()
    # The example's site.yml sets id_prefix: NB; its largest 2026 id is NB-2026-030 (October's are not
    # copied, but November's are, up to 030).
    assert printed == f"{content}/vacancies/2026-11/nb-2026-031-tho-han-cua-sat.md", result.stdout
    text = Path(printed).read_text(encoding="utf-8")
    for line in ("id: NB-2026-031", "status: draft", f"posted: {NOW}", "expires: 2026-12-22",
                 'title: "Thợ hàn cửa sắt"', "employment_type: full_time", "openings: 1"):
        assert f"\n{line}\n" in text, line
    assert "# Mã tin" in text and "# Trạng thái" in text

    checked = run_phiencho("check", "--content", str(content), "--now", NOW)
    assert checked.returncode == 0, checked.stderr
    assert "lỗi[" not in checked.stderr, checked.stderr
    _, diagnostics = check_json(run_phiencho, content)
    assert all(item["severity"] == "warning" for item in diagnostics), diagnostics
    assert all(item["path"] == printed for item in diagnostics), diagnostics


def test_new_filled_in_and_approved_validates_cleanly(run_phiencho, content: Path) -> None:
    result = run_phiencho("new", "Phụ hồ công trình", "--content", str(content), "--now", NOW)
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    text = path.read_text(encoding="utf-8")
    fills = {
        "status: draft": "status: approved",
        "  name:\n": "  name: Công ty Xây dựng Hoa Lư\n",
        "  address:\n  # Số": "  address: Phường Hoa Lư, tỉnh Ninh Bình\n  # Số",
        "  phone:\n": '  phone: "0229 3 555 000"\n',
        "  email:\n": "  email: tuyendung@xaydunghoalu.example.vn\n",
        "  website:\n": "  website: https://xaydunghoalu.example.vn\n",
        "  address:\n# Ngành": "  address: Công trình đường Tràng An\n# Ngành",
        "  min:\n": "  min: 300000\n",
        "  max:\n": "  max: 400000\n",
        "  period: month": "  period: day",
        "requirements:\n": "requirements:\n  - Sức khỏe tốt\n",
        "benefits:\n": "benefits:\n  - Trả lương theo tuần\n",
        "tags:\n": "tags:\n  - không yêu cầu kinh nghiệm\n",
        "apply:\n": 'apply: "Gọi 0229 3 555 000 trong giờ hành chính."\n',
        "internal:\n": "internal:\n  ghi_chu: Đã gặp chủ công trình.\n",
    }
    for old, new in fills.items():
        assert old in text, f"the new file has no {old!r}"
        text = text.replace(old, new, 1)
    path.write_text(text + "Phụ giúp thợ xây: trộn vữa, chuyển gạch.\n", encoding="utf-8")

    result, diagnostics = check_json(run_phiencho, content)
    assert result.returncode == 0
    assert diagnostics == [], diagnostics

    built = run_phiencho("build", "--content", str(content), "--output", str(content.parent / "public"), "--now", NOW)
    assert built.returncode == 0, built.stderr
    page = content.parent / "public" / "viec-lam" / "nb-2026-031" / "index.html"
    assert "Phụ hồ công trình" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("chosen", ["NB-2026-025", "nb-2026-025", "NB 99", "-NB-1", "Mã-1"])
def test_new_refuses_a_taken_or_malformed_id(run_phiencho, content: Path, chosen: str) -> None:
    before = sorted(p.relative_to(content) for p in content.rglob("*"))
    result = run_phiencho("new", "Thợ hàn", f"--id={chosen}", "--content", str(content), "--now", NOW)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stdout == ""
    assert f"Mã tin “{chosen}”" in result.stderr
    assert sorted(p.relative_to(content) for p in content.rglob("*")) == before, "a file was written"


def test_new_with_a_free_id(run_phiencho, content: Path) -> None:
    result = run_phiencho("new", "Bảo vệ ca đêm", "--id", "NB-TT-7", "--content", str(content), "--now", "2027-01-05")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{content}/vacancies/2027-01/nb-tt-7-bao-ve-ca-dem.md"


# --- phiencho check --format json -------------------------------------------------------------

def test_check_json_on_broken_content(run_phiencho, content: Path) -> None:
    broken = content / OPEN_VACANCY
    replace_line(broken, "openings", "nhiều")
    text = broken.read_text(encoding="utf-8").replace("\nsector:", "\nsectr: Xây dựng\nsector:", 1)
    broken.write_text(text, encoding="utf-8")

    result, diagnostics = check_json(run_phiencho, content)
    assert result.returncode == 1, result.stderr
    errors = [item for item in diagnostics if item["severity"] == "error"]
    codes = {item["code"] for item in errors}
    assert {"PC316", "PC301"} <= codes, diagnostics
    openings = next(item for item in errors if item["code"] == "PC316")
    assert openings["path"] == str(broken)
    lines = broken.read_text(encoding="utf-8").split("\n")
    assert lines[openings["line"] - 1].startswith("openings:")
    assert openings["column"] == len("openings: ") + 1
    assert "nhiều" in openings["message"]
    # stdout holds the JSON alone; the summary went to stderr.
    assert "lỗi" in result.stderr and "Đã đọc" in result.stderr


def test_check_json_on_clean_content(run_phiencho, content: Path) -> None:
    result, diagnostics = check_json(run_phiencho, content)
    assert result.returncode == 0, result.stderr
    assert not [item for item in diagnostics if item["severity"] == "error"]


def test_check_json_null_positions(run_phiencho, tmp_path: Path) -> None:
    result, diagnostics = check_json(run_phiencho, tmp_path / "khong-co")
    assert result.returncode == 1
    assert [(item["code"], item["line"], item["column"]) for item in diagnostics] == [("PC106", None, None)]


@pytest.mark.parametrize("args", [
    ("check", "--format", "yaml"),
    ("check", "--khong-co"),
    ("check", "--now", "2026-02-30"),
    ("new",),
    ("new", "   "),
    ("serve", "--port", "cổng"),
    ("serve", "--port", "70000"),
    ("khong-co-lenh",),
])
def test_usage_errors_exit_2(run_phiencho, content: Path, args: tuple[str, ...]) -> None:
    result = run_phiencho(*args, "--content", str(content)) if args[0] != "khong-co-lenh" else run_phiencho(*args)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""


# --- build progress ---------------------------------------------------------------------------

def test_build_progress_only_on_a_terminal(phiencho_bin: Path, content: Path, tmp_path: Path) -> None:
    args = [str(phiencho_bin), "build", "--content", str(content), "--output", str(tmp_path / "out"), "--now", NOW]
    piped = subprocess.run(args, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert piped.returncode == 0, piped.stderr
    assert piped.stderr == "", "progress lines were written to a stderr that is not a terminal"
    assert len(piped.stdout.splitlines()) == 1 and piped.stdout.startswith("Đã đọc"), piped.stdout

    main, secondary = pty.openpty()
    try:
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=secondary, stdin=subprocess.DEVNULL)
        os.close(secondary)
        secondary = -1
        captured = b""
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(main, 65536)
                except OSError:          # the terminal closed: the process is done
                    break
                if not chunk:
                    break
                captured += chunk
            elif process.poll() is not None:
                break
        stdout = process.communicate(timeout=60)[0].decode()
    finally:
        if secondary >= 0:
            os.close(secondary)
        os.close(main)
    assert process.returncode == 0
    progress = captured.decode().replace("\r\n", "\n").splitlines()
    assert [line[:5] for line in progress] == [f"[{n}/6]" for n in range(1, 7)], progress
    assert len(stdout.splitlines()) == 1 and stdout.startswith("Đã đọc"), stdout


# --- phiencho serve ---------------------------------------------------------------------------

class Preview:
    """A running `phiencho serve --port 0` whose stdout lines are collected by a thread."""

    def __init__(self, phiencho_bin: Path, content: Path, log: Path) -> None:
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [str(phiencho_bin), "serve", "--port", "0", "--content", str(content), "--now", NOW],
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        serving = self.wait_for_line(SERVING, FIRST_BUILD_SECONDS)
        self.base = serving.group(1)
        temporary = next((TEMPORARY.search(line) for line in self.seen if TEMPORARY.search(line)), None)
        assert temporary, f"serve did not name its temporary folder: {self.seen}"
        self.temporary = Path(temporary.group(1))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, pattern: re.Pattern[str], seconds: float) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, f"serve exited {self.process.returncode}: {self.seen}"
                continue
            self.seen.append(line)
            if match := pattern.search(line):
                return match
        pytest.fail(f"no line matching {pattern.pattern} within {seconds} s: {self.seen}")

    def get(self, path: str) -> tuple[int, str, str]:
        """(status, Content-Type, body) of GET path."""
        try:
            with self.opener.open(self.base + path.lstrip("/"), timeout=30) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", ""), error.read().decode()

    def poll(self, path: str, accept, seconds: float = REBUILD_SECONDS) -> tuple[int, str, str]:
        """GETs path until accept(status, type, body) holds; fails after `seconds` (a hang guard)."""
        deadline = time.monotonic() + seconds
        last = self.get(path)
        while not accept(*last):
            if time.monotonic() > deadline:
                pytest.fail(f"GET {path} never became what was expected within {seconds} s; last status "
                            f"{last[0]}, body starts {last[2][:300]!r}")
            time.sleep(0.3)
            last = self.get(path)
        return last

    def stop(self, signal_number: int) -> int:
        """Sends the signal, waits for the exit (bounded) and collects the last stdout lines."""
        self.process.send_signal(signal_number)
        try:
            code = self.process.wait(timeout=STOP_SECONDS)
        finally:
            self.log.close()
        self.reader.join(timeout=STOP_SECONDS)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if not self.log.closed:
            self.log.close()


@pytest.fixture
def preview(phiencho_bin: Path, content: Path, tmp_path: Path):
    started = Preview(phiencho_bin, content, tmp_path / "serve-stderr.log")
    yield started
    started.kill()
    if started.temporary.exists():
        shutil.rmtree(started.temporary, ignore_errors=True)


def test_serve_pages_feeds_and_404(preview: Preview) -> None:
    status, kind, body = preview.get("/")
    assert status == 200 and kind.startswith("text/html"), (status, kind)
    assert '<html lang="vi"' in body

    status, kind, body = preview.get("/rss.xml")
    assert status == 200 and kind.startswith("application/rss+xml"), (status, kind)
    assert "<rss" in body and preview.base in body, "the feed's links should use the preview address"

    status, kind, _ = preview.get("/sitemap.xml")
    assert status == 200 and kind.startswith("application/xml")
    status, kind, _ = preview.get("/robots.txt")
    assert status == 200 and kind.startswith("text/plain")

    stylesheet = re.search(r'href="([^"]*assets/[^"]+\.css)"', preview.get("/")[2])
    assert stylesheet, "the home page links no stylesheet"
    status, kind, _ = preview.get("/" + stylesheet.group(1).lstrip("./"))
    assert status == 200 and kind.startswith("text/css"), (stylesheet.group(1), status, kind)

    status, kind, body = preview.get("/khong-co-trang-nay/")
    assert status == 404 and kind.startswith("text/html")
    assert body == (preview.temporary / "site" / "404.html").read_text(encoding="utf-8"), "not the theme's 404 page"

    status, _, _ = preview.get("/viec-lam/nb-2026-025/")
    assert status == 200


# What the preview sends for each kind of file a site holds; a kind missing here fails the test below.
SERVED_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml", ".ics": "text/calendar; charset=utf-8",
}


def test_serve_answers_every_kind_of_file_with_its_own_type(preview: Preview) -> None:
    preview.poll("/", lambda status, *_: status == 200)
    site = preview.temporary / "site"
    kinds = one_file_of_each_kind(site)
    assert set(kinds) <= set(SERVED_TYPES), f"no expected type for {set(kinds) - set(SERVED_TYPES)}"
    for suffix, file in kinds.items():
        path = file.relative_to(site).as_posix()
        with preview.opener.open(preview.base + path, timeout=30) as response:
            assert response.status == 200, path
            assert response.headers.get("Content-Type") == SERVED_TYPES[suffix], (path, response.headers.get("Content-Type"))
            assert response.read() == file.read_bytes(), path


def test_serve_rebuilds_shows_errors_and_recovers(preview: Preview, content: Path) -> None:
    vacancy = content / OPEN_VACANCY
    page = "/viec-lam/nb-2026-025/"
    original = preview.get(page)
    assert original[0] == 200

    new_title = "Thợ làm bánh đa nem — đã sửa khi xem trước"
    replace_line(vacancy, "title", f'"{new_title}"')
    status, _, body = preview.poll(page, lambda status, kind, body: status == 200 and new_title in body)

    replace_line(vacancy, "openings", "<nhiều & nhiều>")
    status, kind, body = preview.poll(page, lambda status, kind, body: status == 500)
    assert kind.startswith("text/html")
    assert "PC316" in body, body[:2000]
    assert "&lt;nhiều &amp; nhiều&gt;" in body and "<nhiều" not in body, "diagnostics must be HTML-escaped"
    # Every page shows the errors, not the stale site.
    status, _, body = preview.get("/")
    assert status == 500 and "PC316" in body
    # The terminal says so too.
    preview.wait_for_line(re.compile(r"Nội dung có \d+ lỗi"), REBUILD_SECONDS)

    replace_line(vacancy, "openings", "8")
    status, kind, body = preview.poll(page, lambda status, kind, body: status == 200 and new_title in body)
    assert kind.startswith("text/html")
    assert preview.get("/")[0] == 200

    assert preview.stop(signal.SIGINT) == 0
    assert not preview.temporary.exists(), f"{preview.temporary} was not removed"
    assert "Đã dừng xem trước và xóa thư mục tạm." in preview.seen, preview.seen


def test_serve_stops_on_sigterm(preview: Preview) -> None:
    assert preview.get("/")[0] == 200
    assert preview.stop(signal.SIGTERM) == 0
    assert not preview.temporary.exists(), f"{preview.temporary} was not removed"
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", int(preview.base.rsplit(":", 1)[1].strip("/"))), timeout=2).close()


def test_serve_stops_on_sighup(preview: Preview) -> None:
    """The terminal that ran `serve` was closed: the server stops as cleanly as on Ctrl-C."""
    assert preview.get("/")[0] == 200
    assert preview.stop(signal.SIGHUP) == 0
    assert not preview.temporary.exists(), f"{preview.temporary} was not removed"


@pytest.mark.parametrize("path", ["//viec-lam", "///viec-lam", "/%2Fviec-lam", "//xa-phuong/", "/./viec-lam"])
def test_serve_never_redirects_to_another_host(preview: Preview, path: str) -> None:
    """A folder asked for without its slash is redirected within the site: never to a
    protocol-relative `//host/…` Location, which a browser would follow to another host."""
    port = int(preview.base.rsplit(":", 1)[1].strip("/"))
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    location = response.getheader("Location")
    if location is not None:
        assert response.status == 301, (path, response.status)
        assert location.startswith("/") and not location.startswith("//") and "\\" not in location, location
        assert location in ("/viec-lam/", "/xa-phuong/"), location


def test_serve_listens_on_loopback_only(preview: Preview) -> None:
    port = int(preview.base.rsplit(":", 1)[1].strip("/"))
    listening = Path("/proc/net/tcp").read_text().splitlines()[1:]
    local = [line.split()[1] for line in listening if line.split()[3] == "0A"]   # state LISTEN
    mine = [address for address in local if int(address.split(":")[1], 16) == port]
    assert mine == ["0100007F:%04X" % port], f"listening on {mine}, expected 127.0.0.1 only"


def test_serve_port_in_use_is_exit_2(run_phiencho, content: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run_phiencho("serve", "--port", str(port), "--content", str(content), timeout=60)
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    # In Vietnamese to the end: FlyingFox's English socket error is not passed on.
    assert result.stderr.strip().endswith(f"Không mở được cổng {port} (có thể một chương trình khác đang dùng cổng "
                                          "này; thử --port 0 hoặc một cổng khác): cổng đang bận."), result.stderr
