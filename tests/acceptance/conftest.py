"""Shared fixtures for the acceptance tests: they run the real `phiencho` binary on real content.

Which binary: the path in the environment variable PHIENCHO_BIN (scripts/test.sh sets it to the
debug build it has just made); otherwise the newer of .build/debug/phiencho and
.build/release/phiencho; when neither exists, `swift build --product phiencho` builds it once
for the session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The day the example content is built at, so that the tests do not depend on today's date.
NOW = "2026-11-22"

REPO_ROOT = Path(__file__).resolve().parents[2]


def _swift() -> str:
    swift = shutil.which("swift")
    if swift:
        return swift
    fallback = Path("/opt/swift/usr/bin/swift")
    if fallback.exists():
        return str(fallback)
    pytest.fail("the Swift toolchain (swift) is not on PATH, and no phiencho binary is built")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository's root folder (where Package.swift, content/ and themes/ are)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def phiencho_bin(repo_root: Path) -> Path:
    """Path of a built `phiencho` executable (see the module docstring for which one)."""
    configured = os.environ.get("PHIENCHO_BIN")
    if configured:
        path = Path(configured)
        if not path.is_file() or not os.access(path, os.X_OK):
            pytest.fail(f"PHIENCHO_BIN={configured} is not an executable file")
        return path

    candidates = [repo_root / ".build" / config / "phiencho" for config in ("debug", "release")]
    built = [path for path in candidates if path.is_file() and os.access(path, os.X_OK)]
    if built:
        return max(built, key=lambda path: path.stat().st_mtime)

    swift = _swift()
    subprocess.run([swift, "build", "--product", "phiencho"], cwd=repo_root, check=True,
                   stdin=subprocess.DEVNULL)
    bin_path = subprocess.run([swift, "build", "--show-bin-path"], cwd=repo_root, check=True,
                              capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout.strip()
    path = Path(bin_path) / "phiencho"
    if not path.is_file():
        pytest.fail(f"swift build did not produce {path}")
    return path


@pytest.fixture(scope="session")
def run_phiencho(phiencho_bin: Path, repo_root: Path):
    """Runs `phiencho ARGS…` in the repository root; returns the CompletedProcess (text output)."""

    def run(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(phiencho_bin), *args], cwd=cwd or repo_root, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=timeout)

    return run


@pytest.fixture(scope="session")
def built_site(run_phiencho, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site: `phiencho build --content content --output <tmp>/public --now NOW`,
    built once per session with the default theme from themes/. Returns the output folder."""
    output = tmp_path_factory.mktemp("site") / "public"
    result = run_phiencho("build", "--content", "content", "--output", str(output), "--now", NOW)
    if result.returncode != 0:
        pytest.fail(f"phiencho build exited {result.returncode}\n"
                    f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
    assert (output / "index.html").is_file(), "phiencho build exited 0 but wrote no index.html"
    return output


# --- browser tests (web_support is imported inside: it imports this module) --------------------

@pytest.fixture(scope="module")
def sites(built_site: Path, run_phiencho, repo_root: Path, tmp_path_factory) -> dict[str, Path]:
    """The example site and the large one (`web_support.large_site`), by name."""
    import web_support as web
    return {"example": built_site, "large": web.large_site(run_phiencho, repo_root, tmp_path_factory)}


@pytest.fixture(scope="module")
def servers(sites: dict[str, Path]) -> Iterator[dict]:
    """A `web_support.SiteServer` for each of `sites`."""
    from web_support import SiteServer
    running = {name: SiteServer(site) for name, site in sites.items()}
    yield running
    for server in running.values():
        server.close()


@pytest.fixture(scope="module")
def driver() -> Iterator:
    """Headless Chromium (`web_support.chrome`), one per test module."""
    import web_support as web
    chrome = web.chrome()
    yield chrome
    chrome.quit()


def one_file_of_each_kind(site: Path) -> dict[str, Path]:
    """The first file of each suffix a built site holds (hidden files and feeds, which have their
    own type, aside), for tests that every kind is served with its own Content-Type."""
    kinds: dict[str, Path] = {}
    for file in sorted(site.rglob("*")):
        if file.is_file() and not file.name.startswith(".") and file.name != "rss.xml":
            kinds.setdefault(file.suffix, file)
    assert ".ics" in kinds, sorted(kinds)
    return kinds
