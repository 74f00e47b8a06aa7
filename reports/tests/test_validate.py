"""The schema and `idiombench-report validate`: real output passes, broken output fails."""

import json
from pathlib import Path

from idiombench_report.cli import main
from idiombench_report.schema import SCHEMA_PATH, schema_errors
from idiombench_report.upgrade import upgrade

REPO_SCHEMA = Path(__file__).resolve().parents[2] / "harness" / "schema" / "results.schema.json"


def test_the_package_uses_the_harness_schema():
    assert SCHEMA_PATH.read_bytes() == REPO_SCHEMA.read_bytes()


def test_real_results_are_valid(iteration_results, selftest_results, load_json):
    assert schema_errors(upgrade(load_json(iteration_results))[0]) == []
    assert schema_errors(upgrade(load_json(selftest_results))[0]) == []


def test_missing_required_field_is_reported_with_its_path(iteration_results, load_json):
    document = load_json(iteration_results)
    del document["benchmarks"][0]["variant"]
    errors = schema_errors(document)
    assert any(e.startswith("benchmarks/0:") and "'variant'" in e for e in errors), errors


def test_ok_status_requires_verified(iteration_results, load_json):
    document = load_json(iteration_results)
    document["benchmarks"][0]["verified"] = False
    assert schema_errors(document)


def test_unknown_status_and_model_are_rejected(iteration_results, load_json):
    document = load_json(iteration_results)
    document["benchmarks"][0]["status"] = "great"
    document["benchmarks"][1]["model"] = "Quantum Leap"
    paths = {e.split(":")[0] for e in schema_errors(document)}
    assert {"benchmarks/0/status", "benchmarks/1/model"} <= paths


def test_models_are_open_any_well_formed_name_is_accepted(iteration_results, load_json):
    document, _ = upgrade(load_json(iteration_results))
    document["benchmarks"][0]["model"] = "sycl"
    document["context"]["idiombench"]["models"] = {"sycl": "SYCL on any device"}
    assert schema_errors(document) == []


def test_validate_exit_codes(iteration_results, selftest_results, write_json, tmp_path, capsys):
    assert main(["validate", str(iteration_results)]) == 0
    assert main(["validate", "--require-ok", str(iteration_results)]) == 0
    # The selftest file is valid, but has failed / crashed / timeout benchmarks.
    assert main(["validate", str(selftest_results)]) == 0
    assert main(["validate", "--require-ok", str(selftest_results)]) == 1
    assert "selftest/sum/crash/n:1000: crashed" in capsys.readouterr().err

    # A file that breaks the schema is bad input: exit 2, one line.
    assert main(["validate", str(write_json({"benchmarks": []}))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "INVALID" in err, err
    broken = tmp_path / "broken.json"
    broken.write_text('{"context": ', encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    assert "is not JSON" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.json")]) == 2


def test_a_run_cut_short_is_valid_but_not_complete(iteration_results, load_json, write_json, capsys):
    assert main(["validate", "--require-complete", str(iteration_results)]) == 0
    document = load_json(iteration_results)
    document["context"]["idiombench"]["complete"] = False  # as written while running, or killed
    partial = write_json(document, "partial.json")
    assert main(["validate", str(partial)]) == 0
    assert main(["validate", "--require-complete", str(partial)]) == 1
    assert "cut short" in capsys.readouterr().err


def test_reads_like_google_benchmark_compare_py(iteration_results, load_json):
    """The steps tools/compare.py takes: benchmarks with name, run_type, real_time,
    cpu_time and time_unit; repetitions grouped by run_name; aggregates named
    <run_name>_<aggregate_name>."""
    document = load_json(iteration_results)
    runs = {}
    for b in document["benchmarks"]:
        for key in ("name", "run_type", "real_time", "cpu_time", "time_unit"):
            assert key in b, key
        assert b["time_unit"] in ("ns", "us", "ms", "s")
        if b["run_type"] == "aggregate":
            assert b["name"] == f"{b['run_name']}_{b['aggregate_name']}"
        else:
            runs.setdefault(b["name"], []).append(b["real_time"])
    assert runs and all(len(times) == 3 for times in runs.values())
    json.dumps(document, allow_nan=False)  # strict JSON: no NaN or Infinity


def test_the_compiled_validator_rejects_whatever_jsonschema_rejects(iteration_results, load_json):
    """schema_errors trusts the compiled (draft-07) validator's "valid": it must never
    pass a document the 2020-12 validator fails, for every kind of keyword the schema uses."""
    import copy

    import fastjsonschema
    import jsonschema

    from idiombench_report.schema import _fast_validator, load_schema

    good, _ = upgrade(load_json(iteration_results))
    ok = next(i for i, e in enumerate(good["benchmarks"]) if e["status"] == "ok")
    breakages = {
        "type": lambda d: d["benchmarks"][ok].update(real_time="fast"),
        "required": lambda d: d["benchmarks"][ok].pop("suite"),
        "enum": lambda d: d["benchmarks"][ok].update(status="fine"),
        "minimum": lambda d: d["benchmarks"][ok].update(repetitions=-1),
        "if/then": lambda d: d["benchmarks"][ok].update(verified=False),
        "nested required": lambda d: d["context"]["idiombench"].pop("machine"),
        "const": lambda d: d["context"]["idiombench"].update(schema_version="x"),
    }
    full = jsonschema.Draft202012Validator(load_schema())
    for name, breaking in breakages.items():
        document = copy.deepcopy(good)
        breaking(document)
        assert not full.is_valid(document), f"{name}: the breakage is not one"
        try:
            _fast_validator()(document)
            raise AssertionError(f"{name}: the compiled validator let it through")
        except fastjsonschema.JsonSchemaException:
            pass
        assert schema_errors(document), name


def test_version_comes_from_the_one_version_file(capsys):
    import pytest

    version = (Path(__file__).resolve().parents[2] / "VERSION").read_text(encoding="utf-8").strip()
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"idiombench-report {version} (")
