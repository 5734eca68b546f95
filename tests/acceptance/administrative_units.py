"""The country's administrative units as the project commits them
(Sources/PhienchoAudit/Places/AdministrativeUnits+Data.swift, written by
scripts/generate-administrative-units.py from the PyPI package vietnam-provinces), for tests that
must run over real places rather than ones the tests made up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from conftest import REPO_ROOT

DATA = REPO_ROOT / "Sources" / "PhienchoAudit" / "Places" / "AdministrativeUnits+Data.swift"
KINDS = ("Thành phố", "Tỉnh", "Xã", "Phường", "Đặc khu", "Thị trấn", "Thị xã", "Quận", "Huyện")


@dataclass(frozen=True)
class Unit:
    province: str
    name: str        # with its kind: "Xã Đại Hoàng"

    @property
    def bare(self) -> str:
        """The name without its kind: "Đại Hoàng"."""
        for kind in KINDS:
            if self.name.startswith(kind + " "):
                return self.name[len(kind) + 1:]
        return self.name


def _rows(kind: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        match = re.match(r'\s*"(\w+)\\t([^\\]+)\\t([^"]*)",$', line)
        if match and match.group(1) == kind:
            rows.append((match.group(2), match.group(3).split("|")))
    return rows


def current_units() -> list[Unit]:
    """Every xã, phường and đặc khu from 1 July 2025."""
    return [Unit(province, name) for province, units in _rows("2025") for name in units]


def provinces() -> list[str]:
    return [province for province, _ in _rows("2025")]


def fold(text: str) -> str:
    """No diacritics, lower case, đ → d."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
