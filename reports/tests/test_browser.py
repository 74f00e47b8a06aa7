"""The report in a real browser: headless Chromium (Debian's `chromium`, which
ci/install-deps.sh installs) opens it from file://, runs its script under its
Content-Security-Policy without a single console message, and saves a screenshot."""

import json
import shutil
import subprocess

import pytest

from idiombench_report.cli import main
from synthetic import GENERATED_CPU, generated_machine

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args):
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--enable-logging=stderr", "--log-level=0", "--virtual-time-budget=3000",
                           *args], capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (ci/install-deps.sh installs it)")
def test_the_report_opens_in_chromium_without_console_messages(tmp_path, iteration_results):
    page = tmp_path / "report.html"
    assert main(["render", str(iteration_results), "-o", str(page)]) == 0
    url = page.as_uri()
    shot = tmp_path / "report.png"
    run = chromium(f"--screenshot={shot}", "--window-size=1280,1600", url)
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], "console messages (errors, CSP violations):\n" + "\n".join(console)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20000

    dom = chromium("--dump-dom", url)
    assert dom.returncode == 0
    assert 'class="filter"' in dom.stdout, "the table script ran (it adds the filter boxes)"
    assert ":CONSOLE" not in dom.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (ci/install-deps.sh installs it)")
def test_a_comparison_of_100_machines_opens_without_console_messages(tmp_path, iteration_results, load_json):
    """100 machines GENERATED for this test from one real file (each labelled "Generated CPU
    N (made up by the tests: not a real machine)"), 1.00x to 1.99x as slow as the first."""
    sample = load_json(iteration_results)
    paths = []
    for index in range(100):
        path = tmp_path / f"generated-{index}.json"
        path.write_text(json.dumps(generated_machine(sample, index, factor=1 + index / 100)), encoding="utf-8")
        paths.append(str(path))
    page = tmp_path / "machines.html"
    assert main(["render", *paths, "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert "100 machines from 100 files" in text and GENERATED_CPU.format(index=99) in text
    run = chromium("--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], "console messages (errors, CSP violations):\n" + "\n".join(console)
    assert 'class="filter"' in run.stdout, "the table script ran on the 100-machine page"
    assert run.stdout.count("generated-99 · 00000063") >= 2, "the machine is in the table and the matrix"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (ci/install-deps.sh installs it)")
def test_the_compare_page_opens_without_console_messages(tmp_path, load_json, capsys):
    from test_compare import _html_session

    base, cand = _html_session(load_json)
    paths = []
    for name, document in (("base.json", base), ("cand.json", cand)):
        (tmp_path / name).write_text(json.dumps(document), encoding="utf-8")
        paths.append(str(tmp_path / name))
    assert main(["compare", *paths, "--format", "html"]) == 1
    page = tmp_path / "compare.html"
    page.write_text(capsys.readouterr().out, encoding="utf-8")
    run = chromium("--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], "console messages (errors, CSP violations):\n" + "\n".join(console)
    assert 'class="filter"' in run.stdout, "the table script ran"


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (ci/install-deps.sh installs it)")
def test_the_history_page_runs_its_picker_without_console_messages(tmp_path, iteration_results, load_json):
    sample = load_json(iteration_results)
    runs = tmp_path / "runs"
    runs.mkdir()
    for i in range(3):
        sample["context"]["idiombench"]["git_sha"] = f"{i:040x}"
        (runs / f"run-{i}.json").write_text(json.dumps(sample), encoding="utf-8")
    page = tmp_path / "history.html"
    assert main(["history", str(runs), "-o", str(page)]) == 0
    run = chromium("--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], "console messages (errors, CSP violations):\n" + "\n".join(console)
    assert '<div class="picker" data-group="1">' in run.stdout, "the script showed the picker"
    assert run.stdout.count('class="series" id=') - run.stdout.count('hidden=""') == 1, "one chart shown"
