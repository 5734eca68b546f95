"""A build never destroys what it does not own (issue 17). Every case runs the real binary.

* Refused outputs: the content folder, a folder inside it or above it, the same for the themes
  folder, a symbolic link into the content, a file, a folder holding `.git`, a non-empty folder
  phiencho did not write (unless `--force`, which never applies to content or themes). Exit 2,
  a PC602 line naming both folders, and not one byte changed anywhere under the test's folder.
* A symbolic-link output keeps its link through several rebuilds; its target gets each new site.
* Names beside the output (`.OUT.phiencho-*`) that are links are removed as links: what they point
  to is untouched.
* A missing `vacancies/`, a `vacancies` or `pages` that is a file, an unreadable sub-folder or file
  (as an unprivileged user, since root reads everything), a broken link: exit 1, the path named,
  nothing written. A missing `pages/` is fine.
* Ids longer than 64 characters and ids equal but for case: errors at file:line, in check and build.
* SIGINT, SIGTERM and SIGHUP at several moments of a build: exit 130, 143, 129; the output holds the
  old or the new site, whole; nothing is left beside it.
* Control characters from file names, keys and values are printed escaped (text and JSON).
* `--base-url` that is not an absolute http(s) URL: exit 2.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import NOW, REPO_ROOT
from test_integrity import (Phiencho, copy_settings, generated_vacancy, kept_folders_hold_no_file, manifest,
                            parse_diagnostics, staging_entries, vacancy_text)


@pytest.fixture(scope="module")
def phiencho(phiencho_bin: Path, tmp_path_factory: pytest.TempPathFactory) -> Phiencho:
    themes = tmp_path_factory.mktemp("themes") / "themes"
    shutil.copytree(REPO_ROOT / "themes", themes)
    return Phiencho(phiencho_bin, themes)


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    """A folder holding a copy of content/ and themes/, as a staff member's working folder."""
    shutil.copytree(REPO_ROOT / "content", tmp_path / "content")
    shutil.copytree(REPO_ROOT / "themes", tmp_path / "themes")
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root (hidden ones and links included) with its kind, bytes and mtime."""
    result = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            status = path.lstat()
            if stat.S_ISLNK(status.st_mode):
                result[str(path.relative_to(root))] = ("link", os.readlink(path))
            elif stat.S_ISDIR(status.st_mode):
                result[str(path.relative_to(root))] = ("folder",)
            else:
                result[str(path.relative_to(root))] = ("file", path.read_bytes(), status.st_mtime_ns)
    return result


def build(phiencho_bin: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(phiencho_bin), "build", "--now", NOW, *args], cwd=cwd, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=300)


# --- the output is only ever the output ------------------------------------------------------------

@pytest.mark.parametrize("output, cwd", [
    ("content", "."),
    ("content/seekers", "."),
    ("content/vacancies/2026-11", "."),
    (".", "."),
    ("..", "content"),
    ("themes", "."),
    ("themes/default/assets", "."),
    ("link-to-content", "."),
    ("link-to-content/new-folder", "."),
])
def test_output_overlapping_content_or_themes_is_refused(phiencho_bin: Path, workspace: Path,
                                                         output: str, cwd: str) -> None:
    (workspace / "link-to-content").symlink_to("content")
    content = "content" if cwd == "." else "."
    themes = "themes" if cwd == "." else "../themes"
    before = snapshot(workspace)
    for force in ([], ["--force"]):
        result = build(phiencho_bin, workspace / cwd, "--content", content, "--themes", themes, "--output", output,
                       *force)
        assert result.returncode == 2, (output, force, result.returncode, result.stderr)
        diagnostics = parse_diagnostics(result.stderr)
        assert [d["code"] for d in diagnostics] == ["PC602"], result.stderr
        message = diagnostics[0]["message"]
        assert "thư mục nội dung" in message or "thư mục giao diện" in message, message
        assert (content in message) or (themes in message), message
        assert snapshot(workspace) == before, f"--output {output} {force} changed something"


def test_output_that_is_not_a_phiencho_site_is_refused_unless_forced(phiencho_bin: Path, workspace: Path) -> None:
    home = workspace / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "bao-cao.docx").write_bytes(b"not a site")
    (home / ".bashrc").write_text("# shell settings\n")
    before = snapshot(workspace)
    result = build(phiencho_bin, workspace, "--output", "home")
    assert result.returncode == 2, result.stderr
    assert [d["code"] for d in parse_diagnostics(result.stderr)] == ["PC602"]
    assert "--force" in result.stderr and ".phiencho-site" in result.stderr
    assert snapshot(workspace) == before

    forced = build(phiencho_bin, workspace, "--output", "home", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (home / ".phiencho-site").is_file() and (home / "index.html").is_file()
    assert not (home / "Documents").exists()
    # From now on the folder is phiencho's own: no --force needed.
    assert build(phiencho_bin, workspace, "--output", "home").returncode == 0


def test_output_holding_git_is_refused_even_when_it_is_a_site(phiencho_bin: Path, workspace: Path) -> None:
    assert build(phiencho_bin, workspace, "--output", "public").returncode == 0
    (workspace / "public" / ".git").mkdir()
    (workspace / "public" / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = snapshot(workspace)
    result = build(phiencho_bin, workspace, "--output", "public")
    assert result.returncode == 2 and ".git" in result.stderr, result.stderr
    assert snapshot(workspace) == before


def test_output_that_is_a_file_is_refused(phiencho_bin: Path, workspace: Path) -> None:
    (workspace / "public").write_text("a file where the site should go\n")
    before = snapshot(workspace)
    for force in ([], ["--force"]):
        result = build(phiencho_bin, workspace, "--output", "public", *force)
        assert result.returncode == 2 and "PC602" in result.stderr, result.stderr
        assert snapshot(workspace) == before


def test_an_empty_or_missing_output_folder_is_fine(phiencho_bin: Path, workspace: Path) -> None:
    (workspace / "empty").mkdir()
    assert build(phiencho_bin, workspace, "--output", "empty").returncode == 0
    assert build(phiencho_bin, workspace, "--output", "deep/new/public").returncode == 0
    assert (workspace / "deep/new/public/index.html").is_file()


def test_symbolic_link_output_is_kept_and_its_target_replaced(phiencho: Phiencho, workspace: Path) -> None:
    www = workspace / "var" / "www"
    www.mkdir(parents=True)
    (www / "phien-cho").mkdir()
    link = workspace / "public"
    link.symlink_to(www / "phien-cho")
    reference = workspace / "reference"
    content = workspace / "content"
    vacancy = next((content / "vacancies").rglob("*.md"))
    for round_number in range(4):
        if round_number == 2:
            text = vacancy.read_text(encoding="utf-8")
            vacancy.write_text(text.replace("title: ", "title: Mới – ", 1), encoding="utf-8")
        phiencho.build_ok(content, link)
        phiencho.build_ok(content, reference)
        assert link.is_symlink() and os.readlink(link) == str(www / "phien-cho"), f"round {round_number}"
        assert manifest(www / "phien-cho") == manifest(reference), f"round {round_number}: the target is not the site"
        assert staging_entries(link) == [] and staging_entries(www / "phien-cho") == []
        assert kept_folders_hold_no_file(www / "phien-cho")
    # Nothing of the build was left beside the link: only beside the folder really replaced.
    assert not [name for name in os.listdir(workspace) if name.startswith(".public.phiencho-")]


def test_links_beside_the_output_are_never_followed(phiencho: Phiencho, workspace: Path) -> None:
    precious = workspace / "precious"
    (precious / "sub").mkdir(parents=True)
    (precious / "keep.txt").write_text("giữ lại\n")
    (precious / "sub" / "keep-too.txt").write_text("giữ lại\n")
    out = workspace / "site" / "public"
    phiencho.build_ok(workspace / "content", out)
    before = snapshot(precious)
    for name in ("backup", "folders", "12345-678", "lock"):
        beside = out.parent / f".public.phiencho-{name}"
        if beside.is_dir() and not beside.is_symlink():
            shutil.rmtree(beside)
        elif beside.exists() or beside.is_symlink():
            beside.unlink()
        beside.symlink_to(precious if name != "lock" else precious / "keep.txt")
    phiencho.build_ok(workspace / "content", out)
    phiencho.build_ok(workspace / "content", out)
    assert snapshot(precious) == before, "a build followed a link beside the output"
    assert not any((out.parent / f".public.phiencho-{name}").is_symlink()
                   for name in ("backup", "folders", "12345-678", "lock"))


# --- nothing is quietly left out ---------------------------------------------------------------------

def prepared(workspace: Path, phiencho: Phiencho) -> tuple[Path, Path, dict]:
    out = workspace / "site" / "public"
    phiencho.build_ok(workspace / "content", out)
    return workspace / "content", out, snapshot(out.parent)


def assert_refused(result: subprocess.CompletedProcess[str], code: str, path_part: str, out: Path,
                   before: dict) -> None:
    assert result.returncode == 1, result.stderr
    found = [d for d in parse_diagnostics(result.stderr) if d["code"] == code]
    assert found and any(path_part in d["path"] for d in found), result.stderr
    assert snapshot(out.parent) == before, "a refused build changed the output"


def test_missing_vacancies_folder_is_an_error(phiencho: Phiencho, workspace: Path) -> None:
    content, out, before = prepared(workspace, phiencho)
    shutil.rmtree(content / "vacancies")
    assert_refused(phiencho.build(content, out), "PC106", "vacancies", out, before)


@pytest.mark.parametrize("folder", ["vacancies", "pages"])
def test_vacancies_or_pages_that_is_a_file_is_an_error(phiencho: Phiencho, workspace: Path, folder: str) -> None:
    content, out, before = prepared(workspace, phiencho)
    shutil.rmtree(content / folder)
    (content / folder).write_text("không phải thư mục\n")
    assert_refused(phiencho.build(content, out), "PC107", folder, out, before)


def test_missing_pages_folder_is_fine(phiencho: Phiencho, workspace: Path) -> None:
    shutil.rmtree(workspace / "content" / "pages")
    phiencho.build_ok(workspace / "content", workspace / "public")


def test_broken_link_in_vacancies_is_an_error(phiencho: Phiencho, workspace: Path) -> None:
    content, out, before = prepared(workspace, phiencho)
    (content / "vacancies" / "2026-11" / "moi.md").symlink_to("da-xoa.md")
    assert_refused(phiencho.build(content, out), "PC105", "moi.md", out, before)


@pytest.fixture()
def unprivileged(phiencho_bin: Path):
    """(runner, folder): runs commands as `nobody` when this test runs as root (root reads every
    file whatever its permissions), in a world-traversable folder with a copy of the binary."""
    folder = Path(tempfile.mkdtemp(prefix="phiencho-unprivileged-"))
    folder.chmod(0o755)
    binary = folder / "phiencho"
    shutil.copy2(phiencho_bin, binary)
    user = pwd.getpwnam("nobody") if os.geteuid() == 0 else None

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"] if user else []
        return subprocess.run([*prefix, str(binary), *args], cwd=folder, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=300)

    def own(path: Path) -> None:
        if user:
            for root, folders, files in os.walk(path):
                for name in [root, *(os.path.join(root, entry) for entry in folders + files)]:
                    os.lchown(name, user.pw_uid, user.pw_gid)

    yield run, folder, own
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("what", ["folder", "file"])
def test_unreadable_folder_or_file_is_an_error(unprivileged, what: str) -> None:
    run, folder, own = unprivileged
    shutil.copytree(REPO_ROOT / "content", folder / "content")
    shutil.copytree(REPO_ROOT / "themes", folder / "themes")
    own(folder)
    assert run("build", "--now", NOW).returncode == 0
    before = snapshot(folder / "public")
    target = folder / "content" / "vacancies" / "2026-10"
    if what == "file":
        target = next(target.glob("*.md"))
    target.chmod(0)
    result = run("build", "--now", NOW)
    assert result.returncode == 1, result.stderr
    found = [d for d in parse_diagnostics(result.stderr) if d["code"] == "PC105"]
    assert [d["path"] for d in found] == [f"content/vacancies/2026-10{'/' + target.name if what == 'file' else ''}"], \
        result.stderr
    assert snapshot(folder / "public") == before
    check = run("check", "--now", NOW)
    assert check.returncode == 1 and "PC105" in check.stderr


def test_unreadable_seekers_folder_stops_the_build(unprivileged) -> None:
    """The leak audit reads every seeker file or stops the build (PC903): a sub-folder of seekers/
    that cannot be read would otherwise hide its records from the audit."""
    run, folder, own = unprivileged
    shutil.copytree(REPO_ROOT / "content", folder / "content")
    shutil.copytree(REPO_ROOT / "themes", folder / "themes")
    hidden = folder / "content" / "seekers" / "quy-4"
    hidden.mkdir()
    shutil.copy2(next((folder / "content" / "seekers").glob("*.csv")), hidden / "ho-so.csv")
    own(folder)
    hidden.chmod(0)
    result = run("build", "--now", NOW)
    assert result.returncode == 1, result.stderr
    assert [(d["code"], d["path"]) for d in parse_diagnostics(result.stderr)] == [("PC903", "content/seekers/quy-4")]
    assert not (folder / "public").exists()


# --- ids that cannot be a path ---------------------------------------------------------------------

def test_too_long_and_case_colliding_ids_are_content_errors_at_their_line(phiencho: Phiencho,
                                                                        run_phiencho, tmp_path: Path) -> None:
    content = tmp_path / "content"
    copy_settings(content)
    (content / "vacancies").mkdir()
    (content / "vacancies" / "a.md").write_text(vacancy_text(l2="id: NB-2026-001"), encoding="utf-8")
    (content / "vacancies" / "b.md").write_text(vacancy_text(l2="id: nb-2026-001"), encoding="utf-8")
    (content / "vacancies" / "c.md").write_text(vacancy_text(l2="id: NB-" + "9" * 62), encoding="utf-8")
    (content / "vacancies" / "d.md").write_text(vacancy_text(l2="id: NB-" + "9" * 61), encoding="utf-8")
    for result in (phiencho.build(content, tmp_path / "public"),
                   run_phiencho("check", "--content", str(content), "--now", NOW)):
        assert result.returncode == 1, result.stderr
        found = {(Path(d["path"]).name, d["code"], d["line"]) for d in parse_diagnostics(result.stderr)}
        assert ("b.md", "PC401", "2") in found, result.stderr
        assert ("c.md", "PC304", "2") in found, result.stderr
        assert not any(name == "d.md" for name, _, _ in found), "a 64-character id is allowed"
    assert not (tmp_path / "public").exists()


# --- signals -----------------------------------------------------------------------------------------

SIGNAL_VACANCIES = 1500


@pytest.fixture(scope="module")
def signal_site(phiencho: Phiencho, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("signals")
    old, new = root / "old", root / "new"
    for content in (old, new):
        copy_settings(content)
        (content / "vacancies").mkdir()
    for number in range(SIGNAL_VACANCIES):
        (old / "vacancies" / f"g{number:05d}.md").write_text(generated_vacancy(number), encoding="utf-8")
        (new / "vacancies" / f"g{number:05d}.md").write_text(generated_vacancy(number, " (mới)"), encoding="utf-8")
    manifests = {}
    for name, content in (("old", old), ("new", new)):
        reference = root / f"{name}-reference" / "public"
        phiencho.build_ok(content, reference)
        manifests[name] = manifest(reference)
    return old, new, manifests


@pytest.mark.parametrize("number, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_signals_stop_the_build_cleanly_at_any_moment(phiencho: Phiencho, signal_site, tmp_path: Path,
                                                      number: int, status: int) -> None:
    old, new, manifests = signal_site
    out = tmp_path / "site" / "public"
    landed = []

    def attempt(moment: str, wait) -> None:
        if manifest(out) != manifests["old"]:
            phiencho.build_ok(old, out)
        process = subprocess.Popen(phiencho.command(new, out), cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait(process)
            running = process.poll() is None
            if running:
                process.send_signal(number)
            _, stderr = process.communicate(timeout=120)
            # It may have ended between the poll and the signal.
            running = running and process.returncode != 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        served = manifest(out)
        assert served in (manifests["old"], manifests["new"]), f"{moment}: the output is neither site, whole"
        assert staging_entries(out) == [], f"{moment}: left {staging_entries(out)} beside the output"
        assert kept_folders_hold_no_file(out)
        if running:
            assert process.returncode == status, f"{moment}: exit {process.returncode}\n{stderr.decode()[-2000:]}"
            landed.append(moment)
        else:
            assert process.returncode == 0 and served == manifests["new"]

    for delay in (0.15, 0.4, 0.8, 1.5):
        attempt(f"{delay} s after start", lambda process, d=delay: time.sleep(d))

    def in_write_stage(extra: float):
        def wait(process: subprocess.Popen) -> None:
            while process.poll() is None and not staging_entries(out):
                time.sleep(0.001)
            time.sleep(extra)
        return wait

    for extra in (0.0, 0.05, 0.3, 1.0):
        attempt(f"{extra} s after the staging folder appeared", in_write_stage(extra))
    assert len(landed) >= 5, f"too few signals landed before the build ended: {landed}"


# --- messages --------------------------------------------------------------------------------------

def test_control_characters_are_shown_escaped(run_phiencho, tmp_path: Path) -> None:
    content = tmp_path / "content"
    copy_settings(content)
    (content / "vacancies").mkdir()
    (content / "vacancies" / "evil\x1b]0;owned\x07.md").write_text(
        vacancy_text(l3='title: "Thợ\\nmay\\u009b2J\\u202e"', l11='  commune: "Xuân\\e[2J\\nTrường\\u009b"',
                     l15='"opennings\\e[31m": 5'),
        encoding="utf-8")
    text = run_phiencho("check", "--content", str(content), "--now", NOW)
    as_json = run_phiencho("check", "--content", str(content), "--now", NOW, "--format", "json")
    assert text.returncode == 1 and as_json.returncode == 1
    for output in (text.stdout, text.stderr, as_json.stdout, as_json.stderr):
        controls = [char for char in output if (ord(char) < 0x20 and char != "\n") or 0x7f <= ord(char) <= 0x9f
                    or ord(char) in (0x202e,)]
        assert controls == [], f"raw control characters {controls!r} printed:\n{output}"
    assert "evil\\e]0;owned\\u{7}.md" in text.stderr, text.stderr
    assert "opennings\\e[31m" in text.stderr, text.stderr
    # The value's line break is shown, not obeyed (its other controls may be dropped by validation).
    assert "\\nTrường" in text.stderr, text.stderr
    lines = [line for line in text.stderr.splitlines() if "lỗi[" in line or "cảnh báo[" in line]
    assert all(line.startswith(str(content)) for line in lines), "a value forged a line of its own:\n" + text.stderr


@pytest.mark.parametrize("url", ["phien-cho/", "ftp://example.vn/", "//example.vn/x/", "javascript:alert(1)",
                                 "https://", "http:/example.vn"])
def test_base_url_that_is_not_absolute_http_is_a_usage_error(run_phiencho, tmp_path: Path, url: str) -> None:
    result = run_phiencho("build", "--content", "content", "--output", str(tmp_path / "public"), "--now", NOW,
                          "--base-url", url)
    assert result.returncode == 2, result.stderr
    assert "--base-url" in result.stderr
    assert not (tmp_path / "public").exists()
