"""Integrity acceptance tests (issue 6): a failed, interrupted or hostile build never damages the
served site, and the same input gives the same bytes. Everything runs the real `phiencho` binary.

* Interruption: a generated content folder (the example's site.yml, communes.yml, sectors.yml and
  INTEGRITY_VACANCIES synthetic vacancies) is built into OUT (the "served" site); then changed content
  is built into OUT by a subprocess that is SIGKILLed at several moments — after fixed delays and
  while its staging folder is being filled — and after every kill OUT must be exactly the old site or
  exactly the new one (manifests: relative path → sha256). A normal build then removes the staging
  folders the killed runs left beside OUT.
* Failed validation or a failed seeker-data audit leaves OUT untouched: bytes, inodes and mtimes.
* Every broken or hostile input the issue lists: exit 1, a Vietnamese `path:line:col: lỗi[PCnnn]`
  line with the right code and line, and nothing written. YAML alias bombs (also with the alias as a
  mapping key) must be refused within HANG_GUARD_SECONDS; U+2028/U+0085 inside a value must not shift
  the lines of later diagnostics. CRLF, a BOM, NFD text and file names with spaces or Vietnamese
  letters must build.
* Determinism: two builds of the same content at the same --now, one pinned to one CPU with
  `taskset -c 0` and run with another time zone and locale, are byte-identical.
* Unchanged files keep their inode and mtime across a rebuild; a removed vacancy's page disappears.

INTEGRITY_VACANCIES (environment, default 300) sizes the generated content. The issue suggests
~6,000 files so that a build takes a few seconds; a debug build of phiencho needs ~75 s for 6,000,
so the default is sized for a debug build (a few seconds). Kills that must land inside the write stage are
timed from the appearance of the staging folder, so they do not depend on the build's speed.

Standard library and pytest only.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import NOW, REPO_ROOT

VACANCY_COUNT = int(os.environ.get("INTEGRITY_VACANCIES", "300"))
#: Hang guard for builds of hostile input (not a timing assertion).
HANG_GUARD_SECONDS = 20
DIAGNOSTIC = re.compile(
    r"^(?P<path>.+?)(?::(?P<line>\d+)(?::(?P<column>\d+))?)?: (?P<severity>lỗi|cảnh báo)\[(?P<code>PC\d{3})\]: (?P<message>.+)$")
VIETNAMESE_LETTERS = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


# --- helpers -----------------------------------------------------------------------------------

def manifest(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every regular file under root (hidden files included)."""
    result = {}
    for path in root.rglob("*"):
        if path.is_symlink():
            result[path.relative_to(root).as_posix()] = "symlink"
        elif path.is_file():
            result[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def identities(root: Path) -> dict[str, tuple[int, int, int]]:
    """Relative path → (inode, mtime in ns, size) of every regular file under root."""
    result = {}
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            status = path.stat()
            result[path.relative_to(root).as_posix()] = (status.st_ino, status.st_mtime_ns, status.st_size)
    return result


def describe_difference(actual: dict[str, str], expected: dict[str, str], label: str) -> str:
    missing = sorted(expected.keys() - actual.keys())
    extra = sorted(actual.keys() - expected.keys())
    changed = sorted(path for path in expected.keys() & actual.keys() if expected[path] != actual[path])
    return (f"vs {label}: {len(missing)} missing (e.g. {missing[:3]}), {len(extra)} extra (e.g. {extra[:3]}), "
            f"{len(changed)} different (e.g. {changed[:3]})")


def staging_entries(output: Path) -> list[str]:
    """Staging folders beside `output`: `.OUT.phiencho-*` except the lock file and the replaced site's
    emptied folders kept for the next build (`.OUT.phiencho-folders`)."""
    prefix = f".{output.name}.phiencho-"
    if not output.parent.is_dir():
        return []
    return sorted(name for name in os.listdir(output.parent)
                  if name.startswith(prefix) and name not in (prefix + "lock", prefix + "folders"))


def kept_folders_hold_no_file(output: Path) -> bool:
    kept = output.parent / f".{output.name}.phiencho-folders"
    return all(not files for _, _, files in os.walk(kept))


def parse_diagnostics(stderr: str) -> list[dict[str, str]]:
    return [match.groupdict() for line in stderr.splitlines() if (match := DIAGNOSTIC.match(line))]


def term_names(path: Path) -> list[str]:
    """The `name:` values of communes.yml or sectors.yml (flow or block style)."""
    return re.findall(r'name:\s*"?([^",}\n]+?)"?\s*[,}\n]', path.read_text(encoding="utf-8"))


COMMUNES = term_names(REPO_ROOT / "content" / "communes.yml")
SECTORS = term_names(REPO_ROOT / "content" / "sectors.yml")


def copy_settings(content: Path) -> None:
    """site.yml, communes.yml and sectors.yml of the example content (no vacancies, pages or seekers)."""
    content.mkdir(parents=True, exist_ok=True)
    for name in ("site.yml", "communes.yml", "sectors.yml"):
        shutil.copyfile(REPO_ROOT / "content" / name, content / name)


def vacancy_lines(id: str = "NB-TEST-001", title: str = "Công nhân may") -> list[str]:
    """A valid vacancy, one list item per file line (line N of the file is item N-1)."""
    return [
        "---",                                   # 1
        f"id: {id}",                             # 2
        f"title: {title}",                       # 3
        "status: approved",                      # 4
        "posted: 2026-11-01",                    # 5
        "expires: 2026-12-31",                   # 6
        "employer:",                             # 7
        "  name: Công ty May Thử Nghiệm",        # 8
        '  phone: "0229 3871 000"',              # 9
        "location:",                             # 10
        "  commune: Xuân Trường",                # 11
        "  address: Xóm 4",                      # 12
        "sector: Dệt may – Da giày",             # 13
        "employment_type: full_time",            # 14
        "openings: 5",                           # 15
        "salary:",                               # 16
        "  min: 6000000",                        # 17
        "  max: 8000000",                        # 18
        "  period: month",                       # 19
        "---",                                   # 20
        "Mô tả công việc: may quần áo xuất khẩu.",  # 21
        "",
    ]


def vacancy_text(**replacements: str) -> str:
    """A valid vacancy with lines replaced: `vacancy_text(l15="openings: -3")`."""
    lines = vacancy_lines()
    for key, value in replacements.items():
        lines[int(key[1:]) - 1] = value
    return "\n".join(lines)


def generated_vacancy(number: int, title_suffix: str = "") -> str:
    return f"""---
id: GEN-{number:05d}
title: "Công nhân sản xuất số {number}{title_suffix}"
status: approved
posted: 2026-{10 + number % 2:02d}-{1 + number % 20:02d}
expires: 2026-12-{10 + number % 20:02d}
employer:
  name: Công ty thử nghiệm số {number % 50}
  phone: "0229 3871 {number % 1000:03d}"
location:
  commune: {COMMUNES[number % len(COMMUNES)]}
sector: {SECTORS[number % len(SECTORS)]}
employment_type: full_time
openings: {1 + number % 9}
salary:
  min: 6000000
  max: 8000000
  period: month
---
Mô tả công việc số {number}. {"Làm việc theo ca, có trách nhiệm, được đào tạo tại chỗ. " * 12}
"""


@dataclass
class Phiencho:
    binary: Path
    #: A private copy of themes/, so that edits to the theme during the run cannot change the output.
    themes: Path

    def command(self, content: Path, output: Path, now: str = NOW) -> list[str]:
        return [str(self.binary), "build", "--content", str(content), "--themes", str(self.themes),
                "--output", str(output), "--now", now]

    def build(self, content: Path, output: Path, *, cwd: Path | None = None, now: str = NOW,
              prefix: list[str] | None = None, env: dict[str, str] | None = None,
              timeout: float = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*(prefix or []), *self.command(content, output, now)], cwd=cwd or REPO_ROOT,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout, env=env)

    def build_ok(self, content: Path, output: Path, **options) -> subprocess.CompletedProcess[str]:
        result = self.build(content, output, **options)
        assert result.returncode == 0, f"phiencho build exited {result.returncode}\n{result.stderr[-3000:]}"
        return result


@pytest.fixture(scope="module")
def phiencho(phiencho_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Phiencho:
    themes = tmp_path_factory.mktemp("themes") / "themes"
    shutil.copytree(REPO_ROOT / "themes", themes)
    return Phiencho(phiencho_bin, themes)


# --- interruption ------------------------------------------------------------------------------

@dataclass
class BigSite:
    old_content: Path
    new_content: Path
    old: dict[str, str]
    new: dict[str, str]
    new_reference: Path
    build_seconds: float


@pytest.fixture(scope="module")
def big_site(phiencho: Phiencho, tmp_path_factory: pytest.TempPathFactory) -> BigSite:
    """Old and new generated content, and the manifests of their complete, uninterrupted builds.
    New content: every second title edited, the last five vacancies removed, five others added."""
    root = tmp_path_factory.mktemp("big")
    old_content, new_content = root / "old-content", root / "new-content"
    for content in (old_content, new_content):
        copy_settings(content)
        (content / "vacancies").mkdir()
    for number in range(VACANCY_COUNT):
        (old_content / "vacancies" / f"gen-{number:05d}.md").write_text(generated_vacancy(number), encoding="utf-8")
        if number < VACANCY_COUNT - 5:
            suffix = " (đã cập nhật)" if number % 2 == 0 else ""
            (new_content / "vacancies" / f"gen-{number:05d}.md").write_text(generated_vacancy(number, suffix),
                                                                          encoding="utf-8")
    for number in range(VACANCY_COUNT, VACANCY_COUNT + 5):
        (new_content / "vacancies" / f"gen-{number:05d}.md").write_text(generated_vacancy(number), encoding="utf-8")

    old_reference = root / "old-reference" / "public"
    phiencho.build_ok(old_content, old_reference)
    new_reference = root / "new-reference" / "public"
    started = time.monotonic()
    phiencho.build_ok(new_content, new_reference)
    build_seconds = time.monotonic() - started
    old, new = manifest(old_reference), manifest(new_reference)
    assert old != new and len(new) > VACANCY_COUNT, "the new content must give a different, complete site"
    return BigSite(old_content, new_content, old, new, new_reference, build_seconds)


def timed_write_stage(phiencho: Phiencho, content: Path, out: Path) -> float:
    """Builds content into out; returns how long the staging folder existed (the write stage)."""
    process = subprocess.Popen(phiencho.command(content, out), cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    appeared = None
    while process.poll() is None:
        if appeared is None and staging_entries(out):
            appeared = time.monotonic()
        time.sleep(0.002)
    ended = time.monotonic()
    assert process.returncode == 0
    assert appeared is not None, "the staging folder was never seen beside the output"
    return ended - appeared


def test_sigkill_at_any_moment_leaves_old_or_new_site(phiencho: Phiencho, big_site: BigSite,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "served" / "public"
    phiencho.build_ok(big_site.old_content, out)
    assert manifest(out) == big_site.old
    # How long the write stage of the real update (old → new, into OUT) lasts; OUT is restored below.
    write_seconds = timed_write_stage(phiencho, big_site.new_content, out)
    assert manifest(out) == big_site.new

    def restore_old() -> None:
        if manifest(out) != big_site.old:
            phiencho.build_ok(big_site.old_content, out)
            assert manifest(out) == big_site.old

    def check_served(moment: str) -> str:
        assert out.is_dir(), f"after a SIGKILL {moment}, the output folder is missing"
        assert kept_folders_hold_no_file(out), f"after a SIGKILL {moment}, the kept folders hold a file"
        state = manifest(out)
        if state == big_site.old:
            return "old"
        if state == big_site.new:
            return "new"
        pytest.fail(f"after a SIGKILL {moment}, the output folder is a mix: "
                    f"{describe_difference(state, big_site.old, 'old site')}; "
                    f"{describe_difference(state, big_site.new, 'new site')}")

    kills: list[tuple[str, str, bool]] = []  # (moment, state after, staging folder present at the kill)

    def attempt(moment: str, wait) -> bool:
        """Starts a build of the new content into OUT, calls `wait(process)`; kills the build if it is
        still running. Returns True when the kill landed before the build ended on its own."""
        restore_old()
        process = subprocess.Popen(phiencho.command(big_site.new_content, out), cwd=REPO_ROOT,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait(process)
            staging_at_kill = bool(staging_entries(out))
            landed = process.poll() is None
            if landed:
                os.kill(process.pid, signal.SIGKILL)
            _, stderr = process.communicate(timeout=120)
            # It may have exited between the poll and the kill (a zombie ignores the kill).
            landed = landed and process.returncode == -signal.SIGKILL
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if not landed:
            assert process.returncode == 0, f"the uninterrupted build failed:\n{stderr.decode()[-2000:]}"
            assert check_served(f"{moment} (build ended first)") == "new"
            return False
        assert process.returncode == -signal.SIGKILL
        kills.append((moment, check_served(moment), staging_at_kill))
        return True

    # 1. Fixed delays; when the build ends first, retry with shorter delays until a kill lands.
    for delay in (0.2, 0.5, 1.0, 2.0):
        current = delay
        for _ in range(6):
            if attempt(f"{current:.3f} s after start", lambda process, d=current: time.sleep(d)):
                break
            current /= 2
        else:
            pytest.fail(f"the build always ended before a kill {delay} s (or less) after its start")

    # 2. Inside the write stage: wait for the staging folder to appear, then kill after a delay.
    def during_write(extra: float):
        def wait(process: subprocess.Popen) -> None:
            while process.poll() is None and not staging_entries(out):
                time.sleep(0.002)
            time.sleep(extra)
        return wait

    for fraction in (0.0, 0.1, 0.3, 0.6, 0.9, 0.99):
        extra = fraction * write_seconds
        attempt(f"{extra:.3f} s into the write stage ({fraction:.0%} of {write_seconds:.3f} s)", during_write(extra))

    # 3. Right after the swap, while the previous tree is being deleted: OUT's inode changes.
    def after_swap(process: subprocess.Popen) -> None:
        served = out.stat().st_ino
        while process.poll() is None and not staging_entries(out):
            time.sleep(0.002)
        while process.poll() is None:  # busy: the deletion of the previous tree is short
            try:
                if out.stat().st_ino != served:
                    return
            except FileNotFoundError:
                pytest.fail("the output folder vanished during the swap")

    for _ in range(3):
        if attempt("right after the swap", after_swap):
            break

    print("\n".join(f"SIGKILL {moment}: {state} site served, staging folder {'present' if staging else 'absent'}"
                    for moment, state, staging in kills))
    assert len(kills) >= 7, f"too few kills landed before the build ended: {kills}"
    mid_write = [kill for kill in kills if kill[2]]
    assert mid_write, f"no kill landed while the staging folder existed: {kills}"

    # 4. Leftovers: produce one (a kill right inside the write stage), then a normal build removes it.
    for _ in range(5):
        restore_old()
        if attempt("at the start of the write stage", during_write(0.02)) and staging_entries(out):
            break
    leftovers = staging_entries(out)
    assert leftovers, f"no kill left a staging folder behind (kills: {kills})"
    assert all((out.parent / name).is_dir() for name in leftovers)
    phiencho.build_ok(big_site.new_content, out)
    assert manifest(out) == big_site.new
    assert kept_folders_hold_no_file(out)
    assert staging_entries(out) == [], f"a normal build left {staging_entries(out)} beside the output " \
                                       f"(before it: {leftovers})"


# --- failed builds leave the served site untouched -------------------------------------------------

@pytest.fixture()
def served_example(phiencho: Phiencho, tmp_path: Path) -> tuple[Path, Path]:
    """A writable copy of content/ and its site built into OUT."""
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content, symlinks=True)
    out = tmp_path / "site" / "public"
    phiencho.build_ok(content, out)
    return content, out


def assert_untouched(out: Path, files: dict[str, str], stats: dict[str, tuple[int, int, int]]) -> None:
    assert manifest(out) == files, describe_difference(manifest(out), files, "the served site")
    assert identities(out) == stats, "a failed build changed an inode or an mtime in the served site"
    assert staging_entries(out) == [], f"a failed build left {staging_entries(out)} beside the output"


def test_failed_validation_leaves_output_untouched(phiencho: Phiencho, served_example) -> None:
    content, out = served_example
    files, stats = manifest(out), identities(out)
    time.sleep(0.02)  # a rewrite would get a visibly later mtime
    (content / "vacancies" / "2026-11" / "zz-invalid.md").write_text(
        vacancy_text(l2="id: NB-INVALID-001", l15="openings: -1"), encoding="utf-8")
    result = phiencho.build(content, out)
    assert result.returncode == 1, result.stderr
    assert "lỗi[PC307]" in result.stderr
    assert_untouched(out, files, stats)


def test_failed_audit_leaves_output_untouched(phiencho: Phiencho, served_example) -> None:
    """A seeker's record in a vacancy (the leak audit, the last stage before writing) stops the build."""
    content, out = served_example
    seekers = sorted((content / "seekers").glob("*.csv"))
    assert seekers, "the example content has no seekers/*.csv"
    header, first = seekers[0].read_text(encoding="utf-8-sig").splitlines()[:2]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    row = dict(zip([name.strip() for name in header.split(delimiter)], [cell.strip() for cell in first.split(delimiter)]))
    cccd = row.get("so_cccd")
    assert cccd, f"no so_cccd column in {seekers[0].name}"
    files, stats = manifest(out), identities(out)
    time.sleep(0.02)
    lines = vacancy_lines("NB-LEAK-001", "Công nhân đóng gói")
    lines[20] = f"Liên hệ người giới thiệu, số căn cước {cccd}."
    (content / "vacancies" / "2026-11" / "zz-leak.md").write_text("\n".join(lines), encoding="utf-8")
    result = phiencho.build(content, out)
    assert result.returncode == 1, f"a vacancy holding a seeker's citizen ID was published\n{result.stderr}"
    assert re.search(r"lỗi\[PC9\d\d\]", result.stderr), result.stderr
    assert_untouched(out, files, stats)


# --- broken and hostile input ---------------------------------------------------------------------

@dataclass
class Hostile:
    """Files added to a content folder holding site.yml, communes.yml, sectors.yml and one valid
    vacancy; the expected diagnostic: code, file (relative to content/) and line (None: no line)."""
    files: dict[str, bytes | str]
    code: str
    path: str
    line: int | None
    column: int | None = None


BAD = "vacancies/bad.md"


def alias_bomb(use: str = "title: *i") -> str:
    """Billion laughs: 9 levels of 9 aliases, 9^9 ≈ 3.9·10^8 strings if expanded; `use` refers to the top."""
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines += [use, "---", "Bom."]
    return "\n".join(lines)


def big_file() -> str:
    text = vacancy_text(l2="id: NB-BIG-001")
    return text + ("Một dòng mô tả rất dài để tệp vượt quá giới hạn. " * 25000)[: (1 << 20) + 1 - len(text.encode())]


def binary_junk() -> bytes:
    seed = hashlib.sha256(b"phiencho").digest()
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + seed * 64


HOSTILE = {
    "invalid-yaml": Hostile({BAD: vacancy_text(l3="title: Công nhân: may: [ca ngày")}, "PC203", BAD, 3),
    # Reported where the quote opens, the line that holds the mistake.
    "unclosed-quote": Hostile({BAD: vacancy_text(l8='  name: "Công ty May')}, "PC203", BAD, 8),
    "tab-indentation": Hostile({BAD: vacancy_text(l8="\tname: Công ty May Thử Nghiệm")}, "PC204", BAD, 8, 1),
    "missing-closing-delimiter": Hostile({BAD: "\n".join(vacancy_lines()[:19]) + "\nMô tả.\n"}, "PC202", BAD, 1),
    "missing-opening-delimiter": Hostile({BAD: "\n".join(vacancy_lines()[1:])}, "PC201", BAD, 1),
    "duplicate-key": Hostile({BAD: vacancy_text(l5="title: Công nhân may ca đêm")}, "PC205", BAD, 5),
    "duplicate-id-across-files": Hostile(
        {"vacancies/a.md": vacancy_text(l2="id: NB-DUP-001"), "vacancies/b.md": vacancy_text(l2="id: NB-DUP-001")},
        "PC401", "vacancies/b.md", 2),
    "duplicate-id-differing-in-case": Hostile(
        {"vacancies/a.md": vacancy_text(l2="id: NB-DUP-002"), "vacancies/b.md": vacancy_text(l2="id: nb-dup-002")},
        "PC401", "vacancies/b.md", 2),
    "wrong-type-list-for-text": Hostile({BAD: vacancy_text(l3="title: [Công nhân, may]")}, "PC303", BAD, 3),
    "wrong-type-text-for-mapping": Hostile(
        {BAD: vacancy_text(l7="employer: Công ty May", l8="", l9="")}, "PC303", BAD, 7),
    "wrong-type-quoted-number": Hostile({BAD: vacancy_text(l15='openings: "5"')}, "PC316", BAD, 15),
    "impossible-date": Hostile({BAD: vacancy_text(l5="posted: 2026-02-30")}, "PC305", BAD, 5),
    "expires-before-posted": Hostile({BAD: vacancy_text(l6="expires: 2026-10-01")}, "PC306", BAD, 6),
    "negative-openings": Hostile({BAD: vacancy_text(l15="openings: -3")}, "PC307", BAD, 15),
    "zero-openings": Hostile({BAD: vacancy_text(l15="openings: 0")}, "PC307", BAD, 15),
    "non-integer-openings": Hostile({BAD: vacancy_text(l15="openings: 2.5")}, "PC316", BAD, 15),
    "salary-min-above-max": Hostile({BAD: vacancy_text(l17="  min: 9000000")}, "PC308", BAD, 17),
    "unknown-commune": Hostile({BAD: vacancy_text(l11="  commune: Xuan Truong")}, "PC309", BAD, 11),
    "unknown-sector": Hostile({BAD: vacancy_text(l13="sector: Du hành vũ trụ")}, "PC310", BAD, 13),
    "unknown-key": Hostile({BAD: vacancy_text(l14="employment_typ: full_time")}, "PC301", BAD, 14),
    "unknown-nested-key": Hostile({BAD: vacancy_text(l12="  adress: Xóm 4")}, "PC301", BAD, 12),
    "empty-file": Hostile({BAD: b""}, "PC103", BAD, None),
    "whitespace-only-file": Hostile({BAD: " \n\t\n  \r\n"}, "PC103", BAD, None),
    "invalid-utf8": Hostile({BAD: vacancy_text().encode().replace("Công nhân may".encode(), b"C\xf4ng nh\xe2n may")},
                            "PC102", BAD, 3, 9),
    "latin1-file": Hostile({BAD: vacancy_text().encode("cp1258", errors="replace")}, "PC102", BAD, 3, 9),
    "binary-junk-png": Hostile({BAD: binary_junk()}, "PC102", BAD, 1, 1),
    "binary-junk-nul": Hostile({BAD: b"\x7fELF\x02\x01\x01\x00" + bytes(64)}, "PC102", BAD, 1, 1),
    "file-over-1-mib": Hostile({BAD: big_file()}, "PC101", BAD, None),
    # U+2028 / U+0085 are text to an editor (the file is one line shorter than YAML 1.1 thinks):
    # the problem on line 15 must be reported on line 15.
    "line-separator-in-quoted-title": Hostile(
        {BAD: vacancy_text(l3='title: "Công nhân\u2028may\u2028ca đêm"', l15="openings: -1")}, "PC307", BAD, 15),
    "next-line-in-quoted-title": Hostile(
        {BAD: vacancy_text(l3='title: "Thợ\u0085hàn"', l15="openings: -1")}, "PC307", BAD, 15),
    "yaml-alias-bomb": Hostile({BAD: alias_bomb()}, "PC206", BAD, 2),
    # The alias as a mapping key: a YAML library that hashes keys to find duplicates walks the
    # whole expanded tree unless aliases are refused before the document is composed.
    "yaml-alias-bomb-as-mapping-key": Hostile({BAD: alias_bomb("*i : x")}, "PC206", BAD, 2),
    "yaml-alias-bomb-in-flow-key": Hostile({BAD: alias_bomb("z: {[*i, *i]: x}")}, "PC206", BAD, 2),
    "yaml-alias-bomb-in-sectors": Hostile(
        {"sectors.yml": "- name: &a Xây dựng\n- name: *a\n"}, "PC206", "sectors.yml", 1),
}


@pytest.fixture()
def hostile_root(tmp_path: Path) -> Path:
    copy_settings(tmp_path / "content")
    (tmp_path / "content" / "vacancies").mkdir()
    (tmp_path / "content" / "vacancies" / "good.md").write_text(vacancy_text(l2="id: NB-GOOD-001"), encoding="utf-8")
    return tmp_path


def build_hostile(phiencho: Phiencho, root: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = root / "site" / "public"
    try:
        result = phiencho.build(Path("content"), out, cwd=root, timeout=HANG_GUARD_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"phiencho build did not finish within {HANG_GUARD_SECONDS} s: it hangs on this input "
                    f"(content in {root / 'content'})")
    return result, out


def assert_rejected(result: subprocess.CompletedProcess[str], out: Path, code: str, path: str,
                    line: int | None, column: int | None = None) -> None:
    assert result.returncode == 1, f"exit {result.returncode}, expected 1\n{result.stderr}"
    diagnostics = parse_diagnostics(result.stderr)
    matching = [d for d in diagnostics if d["code"] == code and d["severity"] == "lỗi"]
    assert matching, f"no lỗi[{code}] in stderr:\n{result.stderr}"
    shown = f"content/{path}"
    here = [d for d in matching if d["path"] == shown]
    assert here, f"lỗi[{code}] does not name {shown}:\n{result.stderr}"
    diagnostic = here[0]
    if line is None:
        assert diagnostic["line"] is None, f"expected no line for {code}:\n{result.stderr}"
    else:
        assert diagnostic["line"] == str(line), f"expected {shown}:{line}: for {code}:\n{result.stderr}"
        assert diagnostic["column"] is not None and int(diagnostic["column"]) >= 1, \
            f"expected {shown}:{line}:col for {code}:\n{result.stderr}"
        if column is not None:
            assert diagnostic["column"] == str(column), f"expected {shown}:{line}:{column}:\n{result.stderr}"
    assert VIETNAMESE_LETTERS.search(diagnostic["message"].lower()), \
        f"the message is not Vietnamese: {diagnostic['message']}"
    assert not out.exists(), "a rejected build wrote the output folder"
    assert staging_entries(out) == [], f"a rejected build left {staging_entries(out)}"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_is_rejected_and_nothing_written(phiencho: Phiencho, hostile_root: Path, name: str) -> None:
    case = HOSTILE[name]
    for relative, data in case.files.items():
        target = hostile_root / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result, out = build_hostile(phiencho, hostile_root)
    assert_rejected(result, out, case.code, case.path, case.line, case.column)


def test_yaml_alias_bomb_in_front_matter_is_not_expanded(phiencho: Phiencho, hostile_root: Path) -> None:
    """A deeper bomb (9^12 ≈ 2.8·10^11 strings if expanded) with the alias at the top: still PC206."""
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 12):
        lines.append(f"a{index}: &a{index} [" + ",".join([f"*{'a' if index == 1 else f'a{index - 1}'}"] * 9) + "]")
    lines += ["---", ""]
    (hostile_root / "content" / BAD).write_text("\n".join(lines), encoding="utf-8")
    result, out = build_hostile(phiencho, hostile_root)
    assert_rejected(result, out, "PC206", BAD, 2)


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_symlink_outside_content_is_rejected_and_never_followed(phiencho: Phiencho, hostile_root: Path,
                                                               kind: str) -> None:
    outside = hostile_root / "outside"
    outside.mkdir()
    secret = "Bí mật ngoài thư mục nội dung"
    (outside / "secret.md").write_text(vacancy_text(l2="id: NB-OUTSIDE-001", l3=f"title: {secret}"), encoding="utf-8")
    if kind == "file":
        link, target = "vacancies/link.md", outside / "secret.md"
    else:
        link, target = "vacancies/link", outside
    (hostile_root / "content" / link).symlink_to(target)
    result, out = build_hostile(phiencho, hostile_root)
    assert_rejected(result, out, "PC104", link, None)
    assert secret not in result.stdout + result.stderr


def test_crlf_line_numbers_count_lines_not_carriage_returns(phiencho: Phiencho, hostile_root: Path) -> None:
    (hostile_root / "content" / BAD).write_bytes(vacancy_text(l15="openings: -3").replace("\n", "\r\n").encode())
    result, out = build_hostile(phiencho, hostile_root)
    assert_rejected(result, out, "PC307", BAD, 15)


def test_every_problem_of_several_files_is_reported(phiencho: Phiencho, hostile_root: Path) -> None:
    """One run reports all files' problems, so staff can fix them in one go."""
    vacancies = hostile_root / "content" / "vacancies"
    (vacancies / "a.md").write_text(vacancy_text(l2="id: NB-A", l5="posted: 2026-02-30"), encoding="utf-8")
    (vacancies / "b.md").write_text(vacancy_text(l2="id: NB-B", l13="sector: Không có"), encoding="utf-8")
    (vacancies / "c.md").write_bytes(b"")
    result, out = build_hostile(phiencho, hostile_root)
    assert_rejected(result, out, "PC305", "vacancies/a.md", 5)
    assert_rejected(result, out, "PC310", "vacancies/b.md", 13)
    assert_rejected(result, out, "PC103", "vacancies/c.md", None)


# --- input that must work ------------------------------------------------------------------------

def page_of(out: Path, id: str) -> bytes:
    page = out / "viec-lam" / id.lower() / "index.html"
    assert page.is_file(), f"no page for {id}"
    return page.read_bytes()


def test_crlf_bom_nfd_and_unusual_file_names_build(phiencho: Phiencho, hostile_root: Path) -> None:
    content = hostile_root / "content"
    vacancies = content / "vacancies"
    (vacancies / "crlf.md").write_bytes(vacancy_text(l2="id: NB-CRLF", l3="title: Thợ hàn CRLF")
                                        .replace("\n", "\r\n").encode())
    (vacancies / "bom.md").write_bytes(b"\xef\xbb\xbf" + vacancy_text(l2="id: NB-BOM", l3="title: Thợ điện BOM").encode())
    (vacancies / "bom-crlf.md").write_bytes(b"\xef\xbb\xbf" + vacancy_text(l2="id: NB-BOM-CRLF", l3="title: Thợ mộc")
                                            .replace("\n", "\r\n").encode())
    nfd_title = unicodedata.normalize("NFD", "Nhân viên bốc xếp ở Đồng Văn")
    nfc_title = unicodedata.normalize("NFC", nfd_title)
    assert nfd_title != nfc_title
    nfd_text = unicodedata.normalize("NFD", vacancy_text(l2="id: NB-NFD", l3=f"title: {nfc_title}"))
    (vacancies / "nfd.md").write_bytes(nfd_text.encode())
    (vacancies / "công nhân may ca đêm.md").write_text(vacancy_text(l2="id: NB-SPACES", l3="title: Ca đêm"),
                                                      encoding="utf-8")
    nfd_name = unicodedata.normalize("NFD", "thợ xây phụ hồ.md")
    (vacancies / nfd_name).write_text(vacancy_text(l2="id: NB-NFD-NAME", l3="title: Thợ xây"), encoding="utf-8")
    folder = vacancies / "tháng 11 năm 2026"
    folder.mkdir()
    (folder / "việc làm số 1.md").write_text(vacancy_text(l2="id: NB-FOLDER", l3="title: Thợ sơn"), encoding="utf-8")
    # The settings themselves with a BOM and CRLF.
    for name in ("site.yml", "communes.yml", "sectors.yml"):
        text = (content / name).read_text(encoding="utf-8")
        (content / name).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())

    out = hostile_root / "site" / "public"
    result = phiencho.build(Path("content"), out, cwd=hostile_root)
    assert result.returncode == 0, result.stderr
    assert "lỗi[" not in result.stderr

    assert "Thợ hàn CRLF".encode() in page_of(out, "NB-CRLF")
    assert "Thợ điện BOM".encode() in page_of(out, "NB-BOM")
    assert "Thợ mộc".encode() in page_of(out, "NB-BOM-CRLF")
    for id in ("NB-SPACES", "NB-NFD-NAME", "NB-FOLDER"):
        page_of(out, id)
    page = page_of(out, "NB-NFD")
    assert nfc_title.encode() in page, "the NFD title is not published as NFC"
    nfd_words = [word for word in nfd_title.split() if unicodedata.normalize("NFC", word) != word]
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in nfd_words:
                assert word.encode() not in data, f"{path.relative_to(out)} holds NFD text {word!r}"
            assert b"\r" not in data or path.suffix not in (".html", ".xml", ".json"), \
                f"{path.relative_to(out)} holds a carriage return"
            assert b"\xef\xbb\xbf" not in data, f"{path.relative_to(out)} holds a byte order mark"


# --- determinism ---------------------------------------------------------------------------------

def test_same_content_same_bytes_whatever_the_thread_timing(phiencho: Phiencho, big_site: BigSite,
                                                           tmp_path: Path) -> None:
    """The reference build of the new content against a second one pinned to one CPU (when
    `taskset` exists), in another time zone and locale, into a folder of another name."""
    prefix = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PHIENCHO_")}
    environment |= {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C"}
    out = tmp_path / "elsewhere" / "another-name"
    phiencho.build_ok(big_site.new_content, out, prefix=prefix, env=environment)
    again = manifest(out)
    assert again == big_site.new, describe_difference(again, big_site.new, "the reference build")


def test_example_site_is_deterministic(phiencho: Phiencho, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content, symlinks=True)
    first, second = tmp_path / "first" / "public", tmp_path / "second"
    phiencho.build_ok(content, first)
    prefix = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    phiencho.build_ok(content, second, prefix=prefix, env=os.environ | {"TZ": "America/Los_Angeles", "LC_ALL": "C"})
    assert manifest(second) == manifest(first), describe_difference(manifest(second), manifest(first), "first")


# --- incremental output ---------------------------------------------------------------------------

def test_unchanged_files_keep_inode_and_mtime_and_removed_pages_disappear(phiencho: Phiencho,
                                                                         served_example) -> None:
    content, out = served_example
    before_files, before_stats = manifest(out), identities(out)
    time.sleep(0.02)

    # The same content again: every file is kept as it was.
    phiencho.build_ok(content, out)
    assert manifest(out) == before_files
    assert identities(out) == before_stats, "a rebuild of unchanged content rewrote files"
    assert staging_entries(out) == []

    # Remove one open vacancy, retitle another.
    vacancies = sorted((content / "vacancies").rglob("*.md"))
    open_pages = {path.parent.name for path in (out / "viec-lam").glob("*/index.html")}
    removable = [path for path in vacancies if re.search(r"^id: (.+)$", path.read_text(encoding="utf-8"), re.M)
                 .group(1).strip().lower() in open_pages]
    assert len(removable) >= 2
    removed, retitled = removable[0], removable[1]
    removed_slug = re.search(r"^id: (.+)$", removed.read_text(encoding="utf-8"), re.M).group(1).strip().lower()
    removed.unlink()
    text = retitled.read_text(encoding="utf-8")
    retitled.write_text(re.sub(r"^title: (.+)$", r"title: \1 – đã sửa", text, count=1, flags=re.M), encoding="utf-8")
    phiencho.build_ok(content, out)

    after_files, after_stats = manifest(out), identities(out)
    assert not (out / "viec-lam" / removed_slug).exists(), f"the removed vacancy {removed_slug} still has a page"
    for path, data in after_files.items():
        assert f"viec-lam/{removed_slug}/".encode() not in (out / path).read_bytes(), \
            f"{path} still links to the removed vacancy"
    unchanged = [path for path in after_files if before_files.get(path) == after_files[path]]
    changed = [path for path in after_files if before_files.get(path) != after_files[path]]
    assert unchanged and changed, (len(unchanged), len(changed))
    for path in unchanged:
        assert after_stats[path][:2] == before_stats[path][:2], \
            f"{path} has the same bytes but a new inode or mtime"
    for path in changed:
        assert after_stats[path][1] >= before_stats.get(path, (0, 0, 0))[1]
