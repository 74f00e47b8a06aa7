"""What `pip install ./reports` installs: a wheel with the version from VERSION, the
schema and templates as real files, and the license and README in its metadata."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPORTS = Path(__file__).resolve().parents[1]
ROOT = REPORTS.parent


def _can_build_wheels() -> bool:
    probe = subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_build_wheels(), reason="pip is not installed for this python")
def test_the_wheel_carries_version_schema_license_and_readme(tmp_path):
    # A copy with the links resolved, so the build leaves nothing in the checkout.
    source = tmp_path / "reports"
    shutil.copytree(REPORTS, source, symlinks=False, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            str(source), "-w", str(tmp_path / "dist")], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-2000:]
    version = (ROOT / "VERSION").read_text(encoding="utf-8").strip()
    wheel = next((tmp_path / "dist").glob(f"idiombench_report-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        info = f"idiombench_report-{version}.dist-info"
        assert z.read("idiombench_report/VERSION").decode().strip() == version
        schema = (ROOT / "harness/schema/results.schema.json").read_bytes()
        assert z.read("idiombench_report/results.schema.json") == schema
        assert any(n.startswith("idiombench_report/templates/") for n in names)
        assert z.read(f"{info}/LICENSE") == (ROOT / "LICENSE").read_bytes()
        metadata = z.read(f"{info}/METADATA").decode()
        assert "# idiombench" in metadata, "the README is the long description"
