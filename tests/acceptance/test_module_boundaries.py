"""The privacy promise kept by the compiler (issue #33): rendering — templates, pages, feeds, the
search index, structured data — is the target PhienchoRender, which depends on the shared core and
the public model only. A probe file that imports exactly what the rendering target imports is
type-checked against the built modules: the public types are found, and the domain and seeker
types (a vacancy with its internal notes, site.yml with audit_allow, the seeker records, the leak
audit) are not, whatever access they have."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

RENDER = "PhienchoRender"

#: Types rendering must never be able to name, each from a target it does not depend on.
FORBIDDEN = ["Vacancy", "SiteConfig", "Catalog", "SeekerRecord", "SeekerLoader", "LeakAudit", "LeakPatterns",
             "EmployerProfile", "Event", "Training", "Page", "Publication", "ReportFigures", "ContentLoader"]

#: What it works from: found, or the probe proves nothing.
ALLOWED = ["PublicSite", "PublicVacancy", "PublicSettings", "PublicEvent", "PublicTraining", "PublicEmployer", "PublicPage",
           "PublicStatistics", "Term", "Routes", "SiteRenderer", "Theme", "SearchIndex", "LocalDate", "Diagnostic"]


def _targets(repo_root: Path) -> dict[str, list[str]]:
    swift = shutil.which("swift")
    assert swift, "the Swift toolchain is needed"
    dump = json.loads(subprocess.run([swift, "package", "dump-package"], cwd=repo_root, capture_output=True, text=True,
                                     check=True).stdout)
    return {target["name"]: [next(iter(dep.values()))[0] for dep in target["dependencies"]] for target in dump["targets"]}


@pytest.fixture(scope="module")
def modules(phiencho_bin: Path) -> Path:
    folder = phiencho_bin.parent / "Modules"
    assert (folder / f"{RENDER}.swiftmodule").exists(), f"{folder}: build the package first (swift build)"
    return folder


def _typecheck(repo_root: Path, modules: Path, imports: list[str], body: str, tmp_path: Path) -> subprocess.CompletedProcess:
    probe = tmp_path / "probe.swift"
    probe.write_text("".join(f"@testable import {name}\n" for name in imports) + body, encoding="utf-8")
    search = ["-I", str(modules)]
    for c_target in ("CQRencode", "CCmark", "CLibYAML", "CPlatform/include"):
        search += ["-I", str(repo_root / "Sources" / c_target)]
    return subprocess.run(["swiftc", "-typecheck", *search, str(probe)], capture_output=True, text=True, timeout=300)


def test_rendering_depends_on_the_core_and_the_public_model_only(repo_root: Path) -> None:
    targets = _targets(repo_root)
    swift_dependencies = {name for name in targets[RENDER] if not name.startswith("C")}
    assert swift_dependencies == {"PhienchoCore", "PhienchoModel"}, targets[RENDER]
    assert targets["PhienchoModel"] == ["PhienchoCore"]
    # Content never reaches rendering, nor the seeker records and the audit, which live in PhienchoAudit.
    assert not {"PhienchoKit", "PhienchoRender", "PhienchoAudit"} & set(targets["PhienchoContent"])
    # No file of the rendering target imports anything else of ours.
    for path in sorted((repo_root / "Sources" / RENDER).rglob("*.swift")):
        for module in re.findall(r"^(?:@testable )?import (\w+)", path.read_text(encoding="utf-8"), re.M):
            assert module in {"Foundation", "PhienchoCore", "PhienchoModel", "CQRencode"}, (path, module)


#: The seeker records and the leak audit: named by the audit, the build, and the import (which
#: refuses a sheet of people), and by nothing that makes or shows the published content.
SEEKER_TYPES = ["SeekerRecord", "SeekerLoader", "LeakAudit", "LeakPatterns", "SensitiveColumn"]
BLIND_TO_SEEKERS = ["PhienchoContent", "PhienchoPublication", "PhienchoRender", "PhienchoReport", "PhienchoOutput",
                    "PhienchoSpreadsheets"]


def test_only_the_build_the_audit_and_the_import_reach_the_seeker_records(repo_root: Path) -> None:
    targets = _targets(repo_root)

    def reaches(name: str, seen: frozenset = frozenset()) -> set[str]:
        found = set()
        for dep in targets.get(name, []):
            if dep in targets and dep not in seen:
                found |= {dep} | reaches(dep, seen | {name})
        return found

    reaching = {name for name in targets if "PhienchoAudit" in reaches(name)}
    assert reaching == {"PhienchoImport", "PhienchoKit", "phiencho", "PhienchoKitTests"}, reaching
    for name in BLIND_TO_SEEKERS:
        assert "PhienchoAudit" not in reaches(name), name


@pytest.mark.parametrize("target", BLIND_TO_SEEKERS[:2])
def test_content_and_publication_cannot_name_a_seeker_type(target: str, repo_root: Path, modules: Path,
                                                            tmp_path: Path) -> None:
    imports = [dep for dep in _targets(repo_root)[target] if not dep.startswith("C")] + [target]
    body = "".join(f"let probe{index}: {name}? = nil\n" for index, name in enumerate(SEEKER_TYPES))
    result = _typecheck(repo_root, modules, imports, body, tmp_path)
    assert result.returncode != 0
    for name in SEEKER_TYPES:
        assert f"cannot find type '{name}' in scope" in result.stderr, (name, result.stderr)


def test_a_probe_inside_rendering_finds_the_public_types(repo_root: Path, modules: Path, tmp_path: Path) -> None:
    imports = [name for name in _targets(repo_root)[RENDER] if not name.startswith("C")] + [RENDER]
    body = "".join(f"let probe{index}: {name}? = nil\n" for index, name in enumerate(ALLOWED))
    result = _typecheck(repo_root, modules, imports, body, tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", FORBIDDEN)
def test_a_probe_inside_rendering_cannot_name_a_domain_or_seeker_type(name: str, repo_root: Path, modules: Path,
                                                                      tmp_path: Path) -> None:
    imports = [dep for dep in _targets(repo_root)[RENDER] if not dep.startswith("C")] + [RENDER]
    result = _typecheck(repo_root, modules, imports, f"let probe: {name}? = nil\n", tmp_path)
    assert result.returncode != 0, f"rendering can name {name}"
    assert f"cannot find type '{name}' in scope" in result.stderr, result.stderr
