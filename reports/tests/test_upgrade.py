"""Old results stay readable: a committed version-1 file (written before the format
changed) is upgraded on read and renders, compares and joins a history; a file from a
newer idiombench is refused by name."""

import json
import shutil
from pathlib import Path

import pytest

from idiombench_report import compare as compare_module
from idiombench_report.cli import main
from idiombench_report.results import ResultsError, load, load_any
from idiombench_report.schema import schema_errors
from idiombench_report.upgrade import CURRENT_VERSION, UpgradeError, upgrade

DATA = Path(__file__).with_name("data")
V1_ITERATION = DATA / "v1" / "iteration-sample.json"
V1_COMPUTE = DATA / "v1" / "compute-sample.json"


def _json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def test_the_committed_files_really_are_version_1_and_fail_the_current_schema():
    for path in (V1_ITERATION, V1_COMPUTE):
        document = _json(path)
        assert document["context"]["idiombench"]["schema_version"] == 1
        assert schema_errors(document), "a version-1 file must not pass the current schema as it is"


def test_a_version_1_file_is_upgraded_on_read_without_touching_the_file():
    before = V1_ITERATION.read_bytes()
    results = load(V1_ITERATION)
    assert results.written_in == 1
    assert results.meta["schema_version"] == CURRENT_VERSION
    assert results.meta["upgraded_from"] == 1
    assert results.benchmarks and all(b.status for b in results.benchmarks)
    assert V1_ITERATION.read_bytes() == before


def test_version_1_shared_params_leave_out_what_only_parallel_variants_take():
    results = load(V1_COMPUTE)
    threaded = [b for b in results.benchmarks if "threads" in b.params]
    assert threaded, "the sample has variants with a threads param"
    for b in threaded:
        assert "threads" not in b.shared_params
        assert b.label.endswith(f"threads:{b.params['threads']}")
    # The same grouping a version-2 file of the same benchmarks gets from the harness.
    current = load(DATA / "compute-sample.json")
    assert {b.run_name: b.shared_params for b in current.benchmarks if b.run_name in
            {x.run_name for x in results.benchmarks}} == \
        {b.run_name: b.shared_params for b in results.benchmarks if b.run_name in
         {x.run_name for x in current.benchmarks}}


def test_a_version_1_file_still_renders(tmp_path):
    out = tmp_path / "v1.html"
    assert main(["render", str(V1_COMPUTE), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "histogram" in page and "<svg" in page


def test_a_version_1_file_compares_with_a_version_2_file():
    base, cand = load_any(V1_ITERATION), load_any(DATA / "iteration-sample.json")
    rows = compare_module.compare(base, cand, compare_module.settings_for(base, cand))
    shared = {b.run_name for b in base.benchmarks} & {b.run_name for b in cand.benchmarks}
    assert shared and {r.name for r in rows} >= shared


def test_validate_says_the_file_was_upgraded(capsys):
    assert main(["validate", str(V1_ITERATION)]) == 0
    assert f"format version 1, upgraded to {CURRENT_VERSION} on read" in capsys.readouterr().out


def test_a_file_from_a_newer_idiombench_is_refused_by_name(tmp_path):
    document = _json(DATA / "iteration-sample.json")
    document["context"]["idiombench"]["schema_version"] = CURRENT_VERSION + 1
    with pytest.raises(UpgradeError, match=f"version {CURRENT_VERSION + 1}, newer than"):
        upgrade(document)
    path = tmp_path / "future.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ResultsError, match="newer than this reader"):
        load(path)
    for bad in ("2", None, 0, True):
        document["context"]["idiombench"]["schema_version"] = bad
        with pytest.raises(UpgradeError, match="schema_version"):
            upgrade(document)


def test_history_reads_every_version_and_reports_a_broken_file_without_losing_the_rest(tmp_path, capsys):
    folder = tmp_path / "runs"
    folder.mkdir()
    shutil.copy(V1_ITERATION, folder / "a-v1.json")
    shutil.copy(DATA / "iteration-sample.json", folder / "b-v2.json")
    (folder / "c-broken.json").write_text('{"context": ', encoding="utf-8")
    out = tmp_path / "history.html"
    assert main(["history", str(folder), "-o", str(out)]) == 1
    assert out.exists(), "the readable files still make a page"
    assert "c-broken.json is not JSON" in capsys.readouterr().err


def test_version_2_files_move_their_untimed_entries_out_of_benchmarks(load_json):
    from synthetic import DATA

    document = load_json(DATA / "selftest-sample.json")
    assert document["context"]["idiombench"]["schema_version"] == 2
    sample = load_json(DATA / "compute-sample.json")  # parallel variants: a threads param
    document["benchmarks"] += [e for e in sample["benchmarks"] if "threads" in e["params"]][:8]
    untimed_before = [e for e in document["benchmarks"] if e["status"] != "ok"]
    assert untimed_before, "the sample has skipped or failed entries"
    upgraded, written = upgrade(document)
    assert written == 2
    assert all(e["status"] == "ok" for e in upgraded["benchmarks"])
    assert [e["run_name"] for e in upgraded["untimed"]] == [e["run_name"] for e in untimed_before]
    for e in upgraded["untimed"]:
        if e["status"] == "skipped":
            assert e["skipped"] is True and e["skip_message"] == e["reason"] and "error_occurred" not in e
    threaded = [e for e in upgraded["benchmarks"] if "threads" in e["params"]]
    assert threaded and all(e["threads"] == e["params"]["threads"] for e in threaded)
    assert any(e["threads"] > 1 for e in threaded)
