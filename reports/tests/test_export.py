"""`export`: Bencher's Metric Format, github-action-benchmark's custom JSON and CSV,
checked against the rules those tools' readers apply."""

import csv
import io
import json
import math

import pytest

from idiombench_report.cli import main
from idiombench_report.results import load_any


def _export(capsys, path, fmt):
    assert main(["export", str(path), "--format", fmt]) == 0
    return capsys.readouterr().out


def _timed_names(path):
    return sorted(b.run_name for b in load_any(path).benchmarks if b.timed and b.verified)


@pytest.mark.parametrize("sample", ["iteration-sample.json", "selftest-sample.json"])
def test_bencher_metric_format_has_one_entry_per_timed_benchmark(capsys, sample):
    from synthetic import DATA

    document = json.loads(_export(capsys, DATA / sample, "bencher"))
    assert sorted(document) == _timed_names(DATA / sample), "every timed benchmark, nothing else"
    for name, measures in document.items():
        assert name and isinstance(measures, dict) and list(measures) == ["latency"]
        m = measures["latency"]
        assert set(m) == {"value", "lower_value", "upper_value"}
        assert all(isinstance(v, float) and math.isfinite(v) for v in m.values())
        assert 0 < m["lower_value"] <= m["value"] <= m["upper_value"], (name, m)


def test_github_action_benchmark_json_has_one_value_per_name(capsys):
    from synthetic import DATA

    entries = json.loads(_export(capsys, DATA / "selftest-sample.json", "github-action-benchmark"))
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names)), "the reader keeps one value per name"
    assert sorted(names) == _timed_names(DATA / "selftest-sample.json")
    assert not any(n.endswith(("_mean", "_median", "_stddev", "_cv")) for n in names), "no aggregates"
    for e in entries:
        assert set(e) >= {"name", "unit", "value"} and e["unit"] == "ns"
        assert isinstance(e["value"], float) and e["value"] > 0
        assert e["range"].startswith("± ")


def test_csv_lists_every_benchmark_with_its_status(capsys):
    from synthetic import DATA

    rows = list(csv.DictReader(io.StringIO(_export(capsys, DATA / "selftest-sample.json", "csv"))))
    results = load_any(DATA / "selftest-sample.json")
    assert [r["name"] for r in rows] == [b.run_name for b in results.benchmarks]
    for row, b in zip(rows, results.benchmarks):
        assert row["status"] == b.status
        if b.timed:
            assert float(row["min_ns"]) <= float(row["median_ns"]) <= float(row["max_ns"])
        else:
            assert row["median_ns"] == "" and row["reason"] == b.reason
    assert any(r["status"] != "ok" for r in rows), "the sample has untimed benchmarks"


def test_export_refuses_an_unknown_format_and_a_bad_file(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "x.json", "--format", "yaml"])
    assert exit_info.value.code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["export", str(bad), "--format", "bencher"]) == 2
    assert "bad.json" in capsys.readouterr().err
