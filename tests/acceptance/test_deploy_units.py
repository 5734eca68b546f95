"""The daily rebuild that deploy/ ships (issue 17): systemd units and a cron line.

* `systemd-analyze verify` accepts both units as shipped, with only `ExecStart=`'s binary pointed
  at the one under test (verify checks that it exists), and rejects a broken copy (so the check
  can fail). The timer fires at 00:05 in Asia/Ho_Chi_Minh (17:05 UTC).
* The service's command runs once as systemd would run it: as its user (here `nobody`, set as an
  administrator would with a drop-in, since no `phiencho` user exists on a test machine), with the
  settings file as its only environment and `${…}` expanded. It builds the site; with a content
  error it exits 1 and leaves the site as it was. No systemd runs as PID 1 on a test machine, so
  the manager's own start is not exercised.
* The cron line builds only when the hour in the site's zone is 00.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from test_integrity import manifest

SYSTEMD = REPO_ROOT / "deploy" / "systemd"
CRON = REPO_ROOT / "deploy" / "cron" / "phiencho-build"
SHIPPED_BINARY = "/usr/local/bin/phiencho"


def unit_settings(path: Path, section: str) -> dict[str, str]:
    """`key=value` lines of one section of a unit file (the last value of a key wins)."""
    settings, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = line.strip("[]")
        elif current == section and "=" in line:
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip()
    return settings


def units_pointing_at(binary: Path, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    service = folder / "phiencho-build.service"
    timer = folder / "phiencho-build.timer"
    text = (SYSTEMD / "phiencho-build.service").read_text(encoding="utf-8")
    assert text.count(SHIPPED_BINARY) == 1, "the service should name the binary once, in ExecStart="
    service.write_text(text.replace(SHIPPED_BINARY, str(binary)), encoding="utf-8")
    shutil.copyfile(SYSTEMD / "phiencho-build.timer", timer)
    return service, timer


def verify(*units: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["systemd-analyze", "verify", "--man=no", *map(str, units)], capture_output=True,
                          text=True, cwd=units[0].parent, stdin=subprocess.DEVNULL, timeout=120)


def test_units_pass_systemd_analyze_verify(phiencho_bin: Path, tmp_path: Path) -> None:
    service, timer = units_pointing_at(phiencho_bin, tmp_path / "units")
    result = verify(service, timer)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "phiencho-build" not in result.stdout + result.stderr, result.stdout + result.stderr

    broken = tmp_path / "broken" / "phiencho-build.service"
    broken.parent.mkdir()
    broken.write_text(service.read_text().replace(str(phiencho_bin), "/nonexistent/phiencho"))
    assert verify(broken).returncode != 0, "verify should reject a service whose binary is missing"


def test_timer_fires_at_five_past_midnight_site_time() -> None:
    timer = unit_settings(SYSTEMD / "phiencho-build.timer", "Timer")
    assert timer["Unit"] == "phiencho-build.service" and timer["Persistent"] == "yes"
    result = subprocess.run(["systemd-analyze", "calendar", "--iterations=2", timer["OnCalendar"]],
                            capture_output=True, text=True, env={**os.environ, "TZ": "UTC"}, timeout=60)
    assert result.returncode == 0, result.stderr
    elapses = re.findall(r"(?:Next elapse|Iter\. #\d+):\s+\w+ (\S+) (\S+) UTC", result.stdout)
    assert len(elapses) == 2 and all(time == "17:05:00" for _, time in elapses), result.stdout
    assert "WantedBy=timers.target" in (SYSTEMD / "phiencho-build.timer").read_text()


@pytest.fixture()
def server_folder(phiencho_bin: Path):
    """A world-readable folder standing for /srv/phiencho, with a copy of the binary."""
    folder = Path(tempfile.mkdtemp(prefix="phiencho-srv-"))
    folder.chmod(0o755)
    shutil.copytree(REPO_ROOT / "content", folder / "content")
    shutil.copytree(REPO_ROOT / "themes", folder / "themes")
    shutil.copy2(phiencho_bin, folder / "phiencho")
    (folder / "www").mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def run_service_once(service: Path, environment_file: Path, user: str, group: str) -> subprocess.CompletedProcess:
    """The service's ExecStart= as systemd runs it: its user and group, the EnvironmentFile= as the
    only environment, `${NAME}` replaced by its value (each a single word, as in the shipped file)."""
    settings = unit_settings(service, "Service")
    assert settings["Type"] == "oneshot"
    environment = {}
    for line in environment_file.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            environment[key.strip()] = value.strip()
    words = [re.sub(r"\$\{(\w+)\}", lambda match: environment[match.group(1)], word)
             for word in settings["ExecStart"].split()]
    account = pwd.getpwnam(user)
    prefix = []
    if os.geteuid() == 0:
        group_id = int(subprocess.run(["getent", "group", group], capture_output=True, text=True,
                                      check=True).stdout.split(":")[2])
        prefix = ["setpriv", f"--reuid={account.pw_uid}", f"--regid={group_id}", "--clear-groups"]
    return subprocess.run([*prefix, *words], env={**environment, "PATH": "/usr/bin:/bin"}, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, cwd="/", timeout=300,
                          preexec_fn=lambda: os.umask(int(settings["UMask"], 8)))


def test_the_service_builds_the_site_once(server_folder: Path, tmp_path: Path) -> None:
    service, _ = units_pointing_at(server_folder / "phiencho", tmp_path / "units")
    shipped = (SYSTEMD / "phiencho-build.env").read_text(encoding="utf-8")
    assert {"PHIENCHO_CONTENT", "PHIENCHO_THEMES", "PHIENCHO_OUTPUT"} <= set(re.findall(r"^(\w+)=", shipped, re.M))
    settings = tmp_path / "phiencho-build"
    settings.write_text(shipped.replace("/srv/phiencho/public", str(server_folder / "www" / "public"))
                        .replace("/srv/phiencho", str(server_folder)), encoding="utf-8")
    user = "nobody" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    group = "nogroup" if os.geteuid() == 0 else subprocess.run(["id", "-gn"], capture_output=True,
                                                                text=True).stdout.strip()
    if os.geteuid() == 0:
        shutil.chown(server_folder / "www", user, group)

    result = run_service_once(service, settings, user, group)
    assert result.returncode == 0, result.stdout + result.stderr
    public = server_folder / "www" / "public"
    assert (public / "index.html").is_file() and (public / ".phiencho-site").is_file()
    assert public.stat().st_uid == pwd.getpwnam(user).pw_uid
    built = manifest(public)

    # The next night, with a content error: exit 1 (the unit shows as failed), the site unchanged.
    vacancy = next((server_folder / "content" / "vacancies").rglob("*.md"))
    vacancy.write_text(vacancy.read_text(encoding="utf-8").replace("openings:", "opennings:", 1), encoding="utf-8")
    failed = run_service_once(service, settings, user, group)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "PC301" in failed.stderr
    assert manifest(public) == built


@pytest.mark.parametrize("hour, builds", [("00", True), ("13", False), ("23", False)])
def test_cron_line_builds_at_hour_zero_site_time(server_folder: Path, tmp_path: Path, hour: str, builds: bool) -> None:
    jobs = [line for line in CRON.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and not re.match(r"^\w+=", line)]
    assert len(jobs) == 1, jobs
    fields = jobs[0].split(None, 6)
    assert fields[:5] == ["5", "*", "*", "*", "*"] and fields[5] == "phiencho", fields
    command = fields[6].replace("\\%", "%").replace(SHIPPED_BINARY, str(server_folder / "phiencho"))
    command = command.replace("/srv/phiencho/public", str(server_folder / "www" / "public"))
    command = command.replace("/srv/phiencho", str(server_folder))
    assert "TZ=Asia/Ho_Chi_Minh date +%H" in command
    # A stand-in `date` that answers the hour the test chooses, and checks it was asked for the site's zone.
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "date").write_text(f'#!/bin/sh\n[ "$TZ" = Asia/Ho_Chi_Minh ] && [ "$1" = +%H ] && echo {hour}\n')
    (fake / "date").chmod(0o755)
    result = subprocess.run(["/bin/sh", "-c", command], env={"PATH": f"{fake}:/usr/bin:/bin"}, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=300)
    public = server_folder / "www" / "public"
    assert (public / "index.html").is_file() == builds, result.stdout + result.stderr
    if builds:
        assert result.returncode == 0, result.stderr
