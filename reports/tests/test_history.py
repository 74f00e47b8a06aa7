"""history: change points on synthetic series, and the page from a folder of runs."""

import json
import re

import numpy as np
import pytest

from idiombench_report import changepoints
from idiombench_report.cli import main


def noisy(levels, spread=0.01, seed=0):
    rng = np.random.default_rng(seed)
    return [level * (1 + rng.normal(0, spread)) for level in levels]


def test_finds_known_steps():
    values = noisy([100] * 20 + [120] * 15 + [90] * 15, seed=1)
    found = changepoints.steps(values)
    assert [index for index, _, _ in found] == [20, 35]
    assert found[0][2] / found[0][1] == pytest.approx(1.2, rel=0.03)


@pytest.mark.parametrize("seed", range(5))
def test_flat_noise_has_no_steps(seed):
    assert changepoints.steps(noisy([100] * 60, spread=0.02, seed=seed)) == []


def test_a_step_below_the_threshold_is_ignored():
    values = noisy([100] * 20 + [102] * 20, spread=0.001, seed=3)
    assert changepoints.steps(values, min_step=0.05) == []
    assert len(changepoints.steps(values, min_step=0.01)) == 1


def test_history_page_lists_an_injected_regression(tmp_path, load_json, capsys):
    from pathlib import Path
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    runs = tmp_path / "runs"
    runs.mkdir()
    victim = sample["benchmarks"][0]["run_name"]
    for i in range(12):
        document = json.loads(json.dumps(sample))
        document["context"]["idiombench"]["git_sha"] = f"{i:02d}" + "c0ffee" * 6
        document["context"]["idiombench"]["git_commit_date"] = f"2026-11-{i + 1:02d}T12:00:00+00:00"
        for entry in document["benchmarks"]:
            if entry["run_name"] == victim and entry.get("real_time") is not None:
                entry["real_time"] *= 1.5 if i >= 8 else 1.0
        (runs / f"run-{11 - i:02d}.json").write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "history.html"
    assert main(["history", str(runs), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    regressions = page.split("<strong>Regressions</strong>")[1].split("</table>")[0]
    assert victim in regressions
    assert "07c0ffee" in regressions and "08c0ffee" in regressions, "the commit range of the step"
    assert "1.50×" in regressions
    assert regressions.count("<tr>") == 2, "header + the one regression"


def test_a_folder_without_results_is_one_clear_error(tmp_path, capsys):
    assert main(["history", str(tmp_path), "-o", str(tmp_path / "h.html")]) == 2
    err = capsys.readouterr().err
    assert "no results files" in err and "Traceback" not in err
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert main(["history", str(tmp_path), "-o", str(tmp_path / "h.html")]) == 2
    assert "broken.json" in capsys.readouterr().err


def test_every_benchmark_can_be_picked_and_links_to_its_commits(tmp_path, load_json):
    from pathlib import Path
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    runs = tmp_path / "runs"
    runs.mkdir()
    for i in range(4):
        document = json.loads(json.dumps(sample))
        document["context"]["idiombench"]["git_sha"] = f"{i:02d}" + "beef" * 9 + "00"
        document["context"]["idiombench"]["git_commit_date"] = f"2026-11-{i + 1:02d}T12:00:00+00:00"
        (runs / f"run-{i}.json").write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "history.html"
    template = "https://example.org/repo/commit/{sha}"
    assert main(["history", str(runs), "-o", str(out), "--commit-url", template]) == 0
    page = out.read_text(encoding="utf-8")
    timed = {e["run_name"] for e in sample["benchmarks"] if e["status"] == "ok"}
    options = re.findall(r'<option value="[^"]+">([^<]+)</option>', page)
    assert {o.removesuffix(" (step)") for o in options} == timed, "every benchmark, not only those with a step"
    assert page.count('<div class="series"') == len(timed)
    for i in range(4):
        sha = f"{i:02d}" + "beef" * 9 + "00"
        assert f'href="https://example.org/repo/commit/{sha}"' in page, "runs and points link to their commit"
    assert "script-src 'sha256-" in page and page.count("<script>") == 1
    assert main(["history", str(runs), "-o", str(out), "--commit-url", "javascript:alert(1)"]) == 2


def test_history_strings_never_become_markup(tmp_path, load_json):
    from pathlib import Path
    sample = load_json(Path(__file__).with_name("data") / "iteration-sample.json")
    hostile = '<script>alert(1)"><img src=x onerror=alert(1)>'
    runs = tmp_path / "runs"
    runs.mkdir()
    for i in range(3):
        document = json.loads(json.dumps(sample))
        document["context"]["idiombench"]["git_sha"] = f"{i}{hostile}"
        document["context"]["idiombench"]["machine"]["cpu_model"] = hostile
        for entry in document["benchmarks"]:
            entry["run_name"] = entry["run_name"] + hostile
        (runs / f"run-{i}.json").write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "history.html"
    assert main(["history", str(runs), "-o", str(out), "--commit-url", "https://example.org/{sha}"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>alert" not in page
    assert page.count("<script>") == 1


def test_a_long_history_is_thinned_except_around_its_steps():
    from idiombench_report.history import Point, thinned
    points = [Point(f"{i:04d}" + "ab" * 18, f"day {i}", 100.0 if i < 500 else 130.0, 99.0, 131.0)
              for i in range(1000)]
    drawn = thinned(points, [(500, 100.0, 130.0)], budget=60, around=8)
    assert len(drawn) < 100, "a thousand runs drawn as fewer than a hundred points"
    singles = [int(i) for i, _, merged in drawn if merged == 1]
    assert set(range(492, 508)) <= set(singles), "full resolution around the step"
    assert set(range(992, 1000)) <= set(singles), "and at the end"
    assert sum(merged for _, _, merged in drawn) == 1000, "every run in exactly one point"
    positions = [i for i, _, _ in drawn]
    assert positions == sorted(positions)
    before = [p for i, p, _ in drawn if i < 490]
    assert all(p.median == 100.0 for p in before) and all(p.high == 131.0 for p in before)
    assert thinned(points[:50], [], budget=60) == [(float(i), p, 1) for i, p in enumerate(points[:50])]


def test_the_pruned_fit_finds_what_the_full_search_finds():
    """PELT's pruning changes the time, not the answer: the same segments as trying every
    start, on noisy series with and without steps."""
    import math

    def full_search(values, min_step=0.05, penalty_factor=3.0):
        logs = [math.log(v) for v in values]
        n = len(logs)
        variance = max(changepoints._noise_variance(logs), (min_step / 4) ** 2)
        penalty = penalty_factor * variance * math.log(max(n, 2))
        best, last = [0.0] + [math.inf] * n, [0] * (n + 1)
        for t in range(1, n + 1):
            for s in range(t):
                part = logs[s:t]
                mean = sum(part) / len(part)
                candidate = best[s] + sum((x - mean) ** 2 for x in part) + penalty
                if candidate < best[t]:
                    best[t], last[t] = candidate, s
        bounds, t = [], n
        while t > 0:
            bounds.append(last[t])
            t = last[t]
        return sorted(bounds)

    for seed in range(6):
        values = noisy([100] * 30 + [100 * (1 + 0.1 * seed)] * 25 + [90] * 20, spread=0.01 * (1 + seed % 3), seed=seed)
        fast = [s for s, _, _ in changepoints.segments(values, min_step=0.0)]
        assert fast == full_search(values, min_step=0.0), seed
