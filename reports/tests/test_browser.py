"""The report in a real browser: headless Chromium (Debian's `chromium`, which
ci/install-deps.sh installs) opens it from file://, runs its script under its
Content-Security-Policy without a single console message, and saves a screenshot."""

import shutil
import subprocess

import pytest

from idiombench_report.cli import main

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
