"""compare: statistics, verdicts, formats, exit codes, inputs."""

import copy
import json

import numpy as np
import pytest

from idiombench_report.cli import main
from idiombench_report.compare import minimum_p


def google_benchmark(times_by_name, host="ci-runner"):
    """A plain Google Benchmark JSON document with the given raw repetitions."""
    entries = []
    for name, times in times_by_name.items():
        for i, t in enumerate(times):
            entries.append({"name": name, "run_name": name, "run_type": "iteration",
                            "repetitions": len(times), "repetition_index": i, "iterations": 100,
                            "real_time": float(t), "cpu_time": float(t), "time_unit": "ns"})
        entries.append({"name": name + "_mean", "run_name": name, "run_type": "aggregate",
                        "aggregate_name": "mean", "real_time": float(np.mean(times)), "time_unit": "ns"})
    return {"context": {"host_name": host}, "benchmarks": entries}


def noisy(center, n, spread, seed):
    return list(np.random.default_rng(seed).normal(center, center * spread, n))


def run_compare(write_json, capsys, base, cand, *extra):
    a, b = write_json(base, "base.json"), write_json(cand, "cand.json")
    code = main(["compare", str(a), str(b), *extra])
    return code, capsys.readouterr()


def test_identical_runs_are_unchanged(write_json, capsys):
    doc = google_benchmark({"BM_a": noisy(100, 20, 0.02, 1), "BM_b": noisy(50, 20, 0.02, 2)})
    code, out = run_compare(write_json, capsys, doc, doc, "--format", "json")
    assert code == 0
    report = json.loads(out.out)
    assert {r["verdict"] for r in report["benchmarks"]} == {"unchanged"}
    assert report["geometric_mean_ratio"] == pytest.approx(1.0)


def test_a_ten_percent_slowdown_with_enough_repetitions_is_a_regression(write_json, capsys):
    base = google_benchmark({"BM_a": noisy(100, 20, 0.02, 1), "BM_same": noisy(80, 20, 0.02, 3)})
    cand = google_benchmark({"BM_a": noisy(110, 20, 0.02, 2), "BM_same": noisy(80, 20, 0.02, 4)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    assert code == 1
    rows = {r["name"]: r for r in json.loads(out.out)["benchmarks"]}
    assert rows["BM_a"]["verdict"] == "regression"
    assert rows["BM_a"]["p"] < 0.01
    assert 1.05 < rows["BM_a"]["low"] <= rows["BM_a"]["ratio"] <= rows["BM_a"]["high"]
    assert rows["BM_same"]["verdict"] == "unchanged"


def test_a_speedup_is_an_improvement_not_a_failure(write_json, capsys):
    base = google_benchmark({"BM_a": noisy(100, 20, 0.02, 1)})
    cand = google_benchmark({"BM_a": noisy(80, 20, 0.02, 2)})
    code, out = run_compare(write_json, capsys, base, cand)
    assert code == 0
    assert "improvement" in out.out


def test_a_significant_shift_below_the_threshold_is_unchanged(write_json, capsys):
    base = google_benchmark({"BM_a": noisy(100, 30, 0.001, 1)})
    cand = google_benchmark({"BM_a": noisy(101, 30, 0.001, 2)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    row = json.loads(out.out)["benchmarks"][0]
    assert row["p"] < 1e-6, "statistically significant..."
    assert row["verdict"] == "unchanged", "...but 1% is below the 5% threshold"
    assert code == 0


def test_too_few_repetitions_are_said_not_guessed(write_json, capsys):
    base = google_benchmark({"BM_a": [100, 101, 99]})
    cand = google_benchmark({"BM_a": [200, 201, 199]})
    code, out = run_compare(write_json, capsys, base, cand)
    assert code == 0
    assert "insufficient" in out.out and "cannot reach p < 0.01" in out.out
    assert minimum_p(3, 3) == pytest.approx(0.1)
    assert minimum_p(5, 5) < 0.01 < minimum_p(4, 4)


def test_new_and_missing_benchmarks_are_listed(write_json, capsys):
    base = google_benchmark({"BM_old": noisy(100, 6, 0.01, 1), "BM_kept": noisy(10, 6, 0.01, 2)})
    cand = google_benchmark({"BM_new": noisy(100, 6, 0.01, 3), "BM_kept": noisy(10, 6, 0.01, 4)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    verdicts = {r["name"]: r["verdict"] for r in json.loads(out.out)["benchmarks"]}
    assert verdicts == {"BM_old": "missing", "BM_new": "new", "BM_kept": "unchanged"}
    assert code == 0


def test_markdown_suits_a_pull_request_comment(write_json, capsys):
    base = google_benchmark({"BM_a": noisy(100, 10, 0.01, 1), "BM_<b>|c": noisy(10, 10, 0.01, 2)})
    cand = google_benchmark({"BM_a": noisy(130, 10, 0.01, 3), "BM_<b>|c": noisy(10, 10, 0.01, 4)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "markdown")
    assert code == 1
    text = out.out
    assert text.startswith("### idiombench compare: 1 regression")
    assert "| benchmark | verdict |" in text
    assert "**regression**" in text
    assert "<b>" not in text and "BM_&lt;b&gt;\\|c" in text


def test_idiombench_results_compare_with_themselves(capsys):
    from pathlib import Path
    sample = Path(__file__).with_name("data") / "concurrency-sample.json"
    assert main(["compare", str(sample), str(sample)]) == 0
    assert "regression" not in capsys.readouterr().out.split("geometric mean")[1]


def test_an_ok_benchmark_that_fails_is_a_regression(write_json, capsys, load_json):
    from pathlib import Path
    document = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    broken = copy.deepcopy(document)
    victim = broken["benchmarks"][0]["run_name"]
    broken["benchmarks"] = [e for e in broken["benchmarks"] if e["run_name"] != victim or e["run_type"] == "iteration"]
    for e in broken["benchmarks"]:
        if e["run_name"] == victim:
            e.update({"status": "crashed", "reason": "killed by signal 11", "verified": False})
    code, out = run_compare(write_json, capsys, document, broken)
    assert code == 1, out.err
    assert "status ok -> crashed" in out.out


def test_runs_from_two_machines_are_refused_unless_allowed(write_json, capsys):
    base = google_benchmark({"BM_a": noisy(100, 6, 0.01, 1)}, host="laptop")
    cand = google_benchmark({"BM_a": noisy(100, 6, 0.01, 2)}, host="server")
    code, out = run_compare(write_json, capsys, base, cand)
    assert code == 2
    assert "different machines" in out.err and "--allow-cross-machine" in out.err
    assert "Traceback" not in out.err
    code, out = run_compare(write_json, capsys, base, cand, "--allow-cross-machine")
    assert code == 0


@pytest.mark.parametrize("content", ["{not json", "", "[]", '{"benchmarks": [{"real_time": 1}]}',
                                     '{"benchmarks": [{"name": "x", "real_time": "fast"}]}'])
def test_bad_input_is_one_clear_line_and_exit_2(tmp_path, capsys, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(google_benchmark({"BM_a": [1, 2, 3]})), encoding="utf-8")
    assert main(["compare", str(good), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("idiombench-report: error:") and "bad.json" in err
    assert "Traceback" not in err
