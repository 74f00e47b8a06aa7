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


def test_the_modules_import_each_other_in_one_direction():
    """No import cycle in the package, counting imports inside functions and TYPE_CHECKING
    blocks too: each module reads in one direction."""
    import ast
    package = Path(__file__).resolve().parents[1] / "idiombench_report"
    graph: dict[str, set[str]] = {}
    for source in package.glob("*.py"):
        module = source.stem
        graph[module] = set()
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    graph[module].add(node.module.split(".")[0])
                else:
                    graph[module].update(alias.name for alias in node.names)
    graph = {m: {d for d in deps if d in graph and d != "__init__"} for m, deps in graph.items()}

    def cycle_from(start: str) -> list[str]:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for dep in graph[node]:
                if dep == start:
                    return path + [dep]
                if dep not in path:
                    stack.append((dep, path + [dep]))
        return []

    cycles = [" -> ".join(c) for c in (cycle_from(m) for m in sorted(graph)) if c]
    assert not cycles, cycles
