"""An export opened by LibreOffice: converted headless to CSV, the data is all there.

LibreOffice is installed for this test when it is missing and the tests run as root with
apt; otherwise the test is skipped and says why. Deselect with ``-m "not libreoffice"``.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.summaries import live
from planner_desktop.exchange.xlsx.export import export

PACKAGES = ("libreoffice-calc-nogui", "libreoffice-calc")
CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76"
"""Comma-separated, double quotes, UTF-8 (character set 76)."""


def _install() -> str | None:
    """Why LibreOffice cannot be installed, or None once it is."""
    if shutil.which("apt-get") is None:
        return "LibreOffice is not installed and there is no apt-get to install it"
    if os.geteuid() != 0:
        return "LibreOffice is not installed and installing it needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for package in PACKAGES:
        result = subprocess.run(
            ["apt-get", "install", "-y", "--no-install-recommends", package],
            capture_output=True,
            env=env,
            timeout=1800,
        )
        if result.returncode == 0 and shutil.which("soffice"):
            return None
    return "LibreOffice could not be installed with apt-get"


@pytest.fixture(scope="session")
def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        reason = _install()
        if reason is not None:
            pytest.skip(reason)
        found = shutil.which("soffice")
    assert found is not None
    return found


@pytest.mark.libreoffice
def test_libreoffice_reads_the_demand_matrix(soffice, demo, tmp_path):
    source = tmp_path / "demandas.xlsx"
    export(demo, "demands", source)
    profile = (tmp_path / "lo-profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", CSV_UTF8,
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    converted = tmp_path / "demandas.csv"
    assert result.returncode == 0 and converted.exists(), result.stderr
    with converted.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    with demo.session() as session:
        count = session.scalar(select(func.count()).where(live(Demand)))
        first = session.scalars(select(Demand).order_by(Demand.code)).first()
        code, cost = first.code, first.estimated_cost
    assert rows[0][:3] == ["District", "Community", "Code"]
    assert len(rows) == count + 1
    row = next(r for r in rows if r[2] == code)
    assert float(row[8].replace(",", "")) == float(cost), "the cost is read back as a number"
