"""compare: statistics over processes, pairing, false-discovery control, verdicts,
formats, exit codes, inputs (synthetic data: see synthetic.py)."""

import copy
import math
import re
import json

import numpy as np
import pytest

from idiombench_report.cli import main
from idiombench_report.compare import benjamini_hochberg
from synthetic import DATA, ab_session, google_benchmark, processes


def run_compare(write_json, capsys, base, cand, *extra):
    a, b = write_json(base, "base.json"), write_json(cand, "cand.json")
    code = main(["compare", str(a), str(b), *extra])
    return code, capsys.readouterr()


def rows_of(out):
    return {r["name"]: r for r in json.loads(out.out)["benchmarks"]}


def test_process_offsets_alone_raise_no_alarm(write_json, capsys):
    """A/A with 8% between-process noise, 1% within: 40 benchmarks, none flagged. (The
    old test on repetitions flagged most of these: their repetitions are tight.)"""
    names = [f"BM_{i}" for i in range(40)]
    base = google_benchmark({n: processes(100, 10, seed=i) for i, n in enumerate(names)})
    cand = google_benchmark({n: processes(100, 10, seed=1000 + i) for i, n in enumerate(names)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    assert code == 0, out.out
    rows = rows_of(out)
    assert {r["verdict"] for r in rows.values()} == {"unchanged"}
    assert all(r["method"] == "welch-yuen" and r["base_n"] == 10 for r in rows.values())


def test_a_known_shift_is_flagged_with_its_interval(write_json, capsys):
    base = google_benchmark({"BM_slow": processes(100, 10, 1, between=0.02),
                             "BM_same": processes(80, 10, 3, between=0.02)})
    cand = google_benchmark({"BM_slow": processes(100, 10, 2, between=0.02, factor=1.15),
                             "BM_same": processes(80, 10, 4, between=0.02)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    assert code == 1
    rows = rows_of(out)
    assert rows["BM_slow"]["verdict"] == "regression"
    assert rows["BM_slow"]["q"] < 0.01
    assert 1.05 < rows["BM_slow"]["low"] <= rows["BM_slow"]["ratio"] <= rows["BM_slow"]["high"]
    assert rows["BM_same"]["verdict"] == "unchanged"
    assert 0.03 <= rows["BM_same"]["detectable"] < 0.15


def test_a_speedup_is_an_improvement_not_a_failure(write_json, capsys):
    base = google_benchmark({"BM_a": processes(100, 10, 1, between=0.02)})
    cand = google_benchmark({"BM_a": processes(100, 10, 2, between=0.02, factor=0.8)})
    code, out = run_compare(write_json, capsys, base, cand)
    assert code == 0
    assert "improvement" in out.out


def test_a_significant_shift_below_the_threshold_is_unchanged(write_json, capsys):
    base = google_benchmark({"BM_a": processes(100, 10, 1, between=0.001, within=0.001)})
    cand = google_benchmark({"BM_a": processes(101, 10, 2, between=0.001, within=0.001)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    row = rows_of(out)["BM_a"]
    assert row["q"] < 1e-6, "statistically significant..."
    assert row["verdict"] == "unchanged", "...but 1% is below the 3% threshold"
    assert code == 0


def test_pairing_sees_through_noise_that_both_sides_share(write_json, capsys, load_json):
    """In an ab session, pair k of both binaries ran back to back: a slow phase of the
    machine hits both. The paired test finds a 5% slowdown that the unpaired one, facing
    20% between-pair noise, cannot."""
    rng = np.random.default_rng(7)
    phase = np.exp(rng.normal(0, 0.2, 12))  # shared by the two processes of a pair
    base = {"suite/case/v": [[100 * f * np.exp(rng.normal(0, 0.005))] for f in phase]}
    cand = {"suite/case/v": [[105 * f * np.exp(rng.normal(0, 0.005))] for f in phase]}
    b, c = ab_session(base, cand, load_json)
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    row = rows_of(out)["suite/case/v"]
    assert row["method"] == "paired-yuen"
    assert row["verdict"] == "regression" and code == 1
    assert 1.03 < row["ratio"] < 1.07
    code, out = run_compare(write_json, capsys, b, c, "--format", "json", "--unpaired")
    row = rows_of(out)["suite/case/v"]
    assert row["method"] == "welch-yuen" and row["verdict"] == "unchanged" and code == 0


def test_pairing_needs_both_sides_of_one_session(write_json, capsys, load_json):
    procs = {"suite/case/v": processes(100, 5, 1)}
    b, c = ab_session(procs, procs, load_json)
    c["context"]["idiombench"]["ab"]["session"] = "fedcba9876543210"
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    assert rows_of(out)["suite/case/v"]["method"] == "welch-yuen"


def test_false_discovery_rate_is_controlled_across_many_benchmarks():
    rng = np.random.default_rng(3)
    nulls = list(rng.uniform(0, 1, 990))
    q = benjamini_hochberg(nulls + [1e-6] * 10)
    assert sum(x < 0.01 for x in q[:990]) == 0, "uniform p-values of 990 nulls: no discovery"
    assert all(x < 0.01 for x in q[990:]), "the ten real effects survive"
    assert min(nulls) < 0.01, "unadjusted, some nulls would have been flagged"
    assert benjamini_hochberg([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.04, 0.04])


def test_one_process_per_benchmark_is_insufficient_and_exits_2(write_json, capsys):
    """Repetitions of one process (the quick profile, plain Google Benchmark) do not
    sample the noise between processes: the gate says so and fails, whatever the data."""
    base = google_benchmark({"BM_a": [100, 101, 99] * 10})
    cand = google_benchmark({"BM_a": [100, 101, 99] * 10})
    code, out = run_compare(write_json, capsys, base, cand)
    assert code == 2
    assert "insufficient" in out.out
    assert "could not be tested" in out.err and "--allow-insufficient" in out.err
    code, out = run_compare(write_json, capsys, base, cand, "--allow-insufficient")
    assert code == 0


def test_quick_profile_files_exit_2(capsys):
    sample = DATA / "iteration-sample.json"  # a real quick-profile run: one process each
    assert main(["compare", str(sample), str(sample)]) == 2
    assert "could not be tested" in capsys.readouterr().err


def test_a_regression_wins_over_insufficient(write_json, capsys):
    base = google_benchmark({"BM_a": processes(100, 10, 1, between=0.01), "BM_b": [1, 2, 3]})
    cand = google_benchmark({"BM_a": processes(100, 10, 2, between=0.01, factor=1.3),
                             "BM_b": [1, 2, 3]})
    code, _ = run_compare(write_json, capsys, base, cand)
    assert code == 1


def test_new_and_missing_benchmarks_are_listed(write_json, capsys):
    base = google_benchmark({"BM_old": processes(100, 5, 1), "BM_kept": processes(10, 5, 2)})
    cand = google_benchmark({"BM_new": processes(100, 5, 3), "BM_kept": processes(10, 5, 4)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "json")
    verdicts = {r["name"]: r["verdict"] for r in json.loads(out.out)["benchmarks"]}
    assert verdicts == {"BM_old": "missing", "BM_new": "new", "BM_kept": "unchanged"}
    assert code == 0


def test_exact_instruction_counts_gate_on_the_threshold(write_json, capsys, load_json):
    base = {"s/c/a": [[1_000_000]], "s/c/b": [[5_000]], "s/c/c": [[70_000]]}
    cand = {"s/c/a": [[1_010_000]], "s/c/b": [[5_000]], "s/c/c": [[70_100]]}
    b, c = ab_session(base, cand, load_json, measure="instructions")
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    rows = rows_of(out)
    assert code == 1
    assert rows["s/c/a"]["verdict"] == "regression" and rows["s/c/a"]["method"] == "exact-count"
    assert rows["s/c/a"]["ratio"] == pytest.approx(1.01)
    assert rows["s/c/b"]["verdict"] == "unchanged" and rows["s/c/b"]["ratio"] == 1.0
    assert rows["s/c/c"]["verdict"] == "unchanged", "0.14% is below the 0.5% default"


def test_inexact_instruction_counts_are_tested_like_times(write_json, capsys, load_json):
    base = {"s/c/threads": [[1_000_000 + 5_000 * k] for k in range(1)]}
    b, c = ab_session(base, base, load_json, measure="instructions", exact=False)
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    row = rows_of(out)["s/c/threads"]
    assert row["verdict"] == "insufficient" and code == 2


def test_time_and_instruction_files_do_not_compare(write_json, capsys, load_json):
    procs = {"s/c/v": processes(100, 5, 1)}
    b, _ = ab_session(procs, procs, load_json)
    _, c = ab_session(procs, procs, load_json, measure="instructions")
    code, out = run_compare(write_json, capsys, b, c)
    assert code == 2 and "measured time" in out.err


def test_markdown_suits_a_pull_request_comment(write_json, capsys):
    base = google_benchmark({"BM_a": processes(100, 10, 1), "BM_<b>|c": processes(10, 10, 2)})
    cand = google_benchmark({"BM_a": processes(100, 10, 3, factor=1.3),
                             "BM_<b>|c": processes(10, 10, 4)})
    code, out = run_compare(write_json, capsys, base, cand, "--format", "markdown")
    assert code == 1
    text = out.out
    assert text.startswith("### idiombench compare: 1 regression")
    assert "| benchmark | verdict |" in text and "| detects |" in text
    assert "**regression**" in text
    assert "<b>" not in text and "BM_&lt;b&gt;\\|c" in text


def test_an_ok_benchmark_that_fails_is_a_regression(write_json, capsys, load_json):
    document = load_json(DATA / "concurrency-sample.json")
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
    base = google_benchmark({"BM_a": processes(100, 5, 1)}, host="laptop")
    cand = google_benchmark({"BM_a": processes(100, 5, 2)}, host="server")
    code, out = run_compare(write_json, capsys, base, cand)
    assert code == 2
    assert "different machines" in out.err and "--allow-cross-machine" in out.err
    assert "Traceback" not in out.err
    code, out = run_compare(write_json, capsys, base, cand, "--allow-cross-machine")
    assert code == 0


def test_a_run_under_emulation_is_not_compared(write_json, capsys, load_json):
    real = load_json(DATA / "concurrency-sample.json")
    emulated = json.loads(json.dumps(real))
    emulated["context"]["idiombench"]["machine"]["emulated"] = "aarch64 code under emulation (qemu-user)"
    for base, cand in ((real, emulated), (emulated, real)):
        code, out = run_compare(write_json, capsys, base, cand, "--allow-cross-machine")
        assert code == 2
        assert "ran under emulation" in out.err and "Traceback" not in out.err
    # Two runs of one emulated machine (an `ab` session under qemu-user) compare, and say so.
    code, out = run_compare(write_json, capsys, emulated, emulated, "--allow-insufficient")
    assert code == 0, out.err
    assert "both runs were made under emulation" in out.err


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


def _html_session(load_json):
    """One regression, one improvement, one unchanged benchmark, and a hostile name."""
    rng = np.random.default_rng(3)
    names = {"suite/case/slow": 1.2, "suite/case/fast": 0.8, "suite/case/same": 1.0,
             "suite/case/<img src=x onerror=alert(1)>": 1.0}
    base = {n: [[100 * np.exp(rng.normal(0, 0.01))] for _ in range(8)] for n in names}
    cand = {n: [[100 * f * np.exp(rng.normal(0, 0.01))] for _ in range(8)] for n, f in names.items()}
    return ab_session(base, cand, load_json)


def test_compare_html_is_one_page_with_regressions_first(write_json, capsys, load_json):
    b, c = _html_session(load_json)
    code, out = run_compare(write_json, capsys, b, c, "--format", "html")
    assert code == 1, "the exit status is the gate's, whatever the format"
    page = out.out
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "default-src 'none'" in page and "<svg" in page, "an inline chart, nothing fetched"
    table = page.split('<table class="sortable verdicts">')[1]
    verdicts = re.findall(r'<td class="v-([a-z]+)">', table)
    assert verdicts[0] == "regression" and verdicts[1] == "improvement", verdicts
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "1 regression(s)" in page


def _with_session(doc, **ab):
    doc["context"]["idiombench"]["ab"].update(ab)
    return doc


def test_a_layout_effect_widens_the_interval_instead_of_flagging(write_json, capsys, load_json):
    """Pair k ran code layout k mod 4 on both sides; two of the candidate's four layouts
    are 12% slower (alignment, not code). Pair by pair the test calls that a regression;
    on the layouts' means it is two samples of four, and the interval says so."""
    rng = np.random.default_rng(11)
    layout_effect = [1.12, 1.12, 1.0, 1.0]
    base = {"suite/case/v": [[100 * np.exp(rng.normal(0, 0.003))] for _ in range(24)]}
    cand = {"suite/case/v": [[100 * layout_effect[k % 4] * np.exp(rng.normal(0, 0.003))]
                             for k in range(24)]}
    b, c = ab_session(base, cand, load_json)
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    assert rows_of(out)["suite/case/v"]["verdict"] == "regression", "pair by pair: flagged"
    for doc in (b, c):
        _with_session(doc, layouts={"baseline": [], "candidate": [], "count": 4})
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    row = rows_of(out)["suite/case/v"]
    assert row["method"] == "paired-yuen-layouts"
    assert row["verdict"] == "unchanged" and code == 0
    assert row["detectable"] > 0.10


def test_a_real_change_is_still_flagged_across_layouts(write_json, capsys, load_json):
    rng = np.random.default_rng(12)
    base = {"suite/case/v": [[100 * np.exp(rng.normal(0, 0.01))] for _ in range(40)]}
    cand = {"suite/case/v": [[108 * np.exp(rng.normal(0, 0.01))] for _ in range(40)]}
    b, c = ab_session(base, cand, load_json)
    for doc in (b, c):
        _with_session(doc, layouts={"count": 8})
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    row = rows_of(out)["suite/case/v"]
    assert row["method"] == "paired-yuen-layouts" and row["verdict"] == "regression" and code == 1


def test_rows_say_whether_their_code_changed(write_json, capsys, load_json):
    procs = {"suite/case/changed": processes(100, 6, 1, between=0.01),
             "suite/case/sentinel": processes(100, 6, 2, between=0.01),
             "suite/case/same": processes(100, 6, 3, between=0.01)}
    b, c = ab_session(procs, procs, load_json)
    fingerprints = {"suite/case/changed": ("00000000000000aa", "00000000000000bb"),
                    "suite/case/sentinel": ("00000000000000cc", "00000000000000cc"),
                    "suite/case/same": ("00000000000000dd", "00000000000000dd")}
    kinds = {"suite/case/changed": "changed", "suite/case/sentinel": "sentinel",
             "suite/case/same": "unchanged"}
    for side, doc in enumerate((b, c)):
        kept = []
        for e in doc["benchmarks"]:
            e["code_fingerprint"] = fingerprints[e["run_name"]][side]
            e["code_change"] = kinds[e["run_name"]]
            if e["run_name"] == "suite/case/same":
                if e["process_index"] or e["repetition_index"]:
                    continue  # one untimed entry
                e.update({"status": "skipped", "verified": False,
                          "reason": "not timed: the same machine code as the baseline"})
            kept.append(e)
        doc["benchmarks"] = kept
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    rows = rows_of(out)
    assert rows["suite/case/changed"]["code"] == "changed"
    assert rows["suite/case/sentinel"]["code"] == "same" and rows["suite/case/sentinel"]["sentinel"]
    assert rows["suite/case/same"]["code"] == "same"
    assert rows["suite/case/same"]["verdict"] == "unchanged"
    assert "not timed" in rows["suite/case/same"]["note"]
    code, out = run_compare(write_json, capsys, b, c)
    assert "1 changed, 1 the same and not timed, 1 the same and timed as sentinels" in out.out


def test_a_row_short_of_the_target_says_what_it_can_detect(write_json, capsys, load_json):
    procs = {"suite/case/noisy": processes(100, 6, 1, between=0.2),
             "suite/case/quiet": processes(100, 6, 2, between=0.001, within=0.001)}
    b, c = ab_session(procs, {k: processes(100, 6, 9 + i, between=0.2 if "noisy" in k else 0.001,
                                           within=0.01 if "noisy" in k else 0.001)
                              for i, k in enumerate(procs)}, load_json)
    for doc in (b, c):
        _with_session(doc, target=0.03)
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    rows = rows_of(out)
    assert rows["suite/case/noisy"]["reached_target"] is False
    assert rows["suite/case/noisy"]["note"].startswith("inconclusive at 3.0%")
    assert rows["suite/case/quiet"]["reached_target"] is True


def _short_of_target_session(load_json, fingerprints):
    """An `ab --target 3%` session whose noisy row ended short of the target."""
    procs = {"suite/case/noisy": processes(100, 6, 1, between=0.2),
             "suite/case/quiet": processes(100, 6, 2, between=0.001, within=0.001)}
    b, c = ab_session(procs, {k: processes(100, 6, 9 + i, between=0.2 if "noisy" in k else 0.001,
                                           within=0.01 if "noisy" in k else 0.001)
                              for i, k in enumerate(procs)}, load_json)
    for side, doc in enumerate((b, c)):
        _with_session(doc, target=0.03)
        for e in doc["benchmarks"]:
            e["code_fingerprint"] = fingerprints[e["run_name"]][side]
    return b, c


def test_a_changed_benchmark_left_undecided_fails_the_gate_with_its_own_status(
        write_json, capsys, load_json):
    b, c = _short_of_target_session(load_json, {
        "suite/case/noisy": ("00000000000000aa", "00000000000000bb"),
        "suite/case/quiet": ("00000000000000cc", "00000000000000dd")})
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    assert code == 3
    assert "could not decide: 1 changed benchmarks" in out.err
    row = rows_of(out)["suite/case/noisy"]
    assert row["verdict"] == "unchanged" and row["reached_target"] is False
    # How many more pairs: the square-root law from its own pairs and detectable change.
    more = math.ceil(6 * (row["detectable"] / 0.03) ** 2) - 6
    assert f"about {more} more pairs would reach it" in row["note"]
    code, out = run_compare(write_json, capsys, b, c, "--format", "markdown")
    assert code == 3
    assert out.out.splitlines()[0].startswith("### idiombench compare: could not decide: "
                                              "1 changed benchmarks")
    code, out = run_compare(write_json, capsys, b, c, "--allow-undecided")
    assert code == 0


def test_an_undecided_benchmark_whose_code_is_the_same_does_not_hold_the_gate(
        write_json, capsys, load_json):
    # The same code on both sides (timed as a sentinel would be): nothing to decide.
    b, c = _short_of_target_session(load_json, {
        "suite/case/noisy": ("00000000000000aa", "00000000000000aa"),
        "suite/case/quiet": ("00000000000000cc", "00000000000000dd")})
    code, out = run_compare(write_json, capsys, b, c, "--format", "markdown")
    assert code == 0
    assert "could not decide" not in out.out


def test_a_changed_timed_path_of_the_harness_is_a_change_to_what_was_timed(
        write_json, capsys, load_json):
    procs = {"suite/case/v": processes(100, 6, 1, between=0.01)}
    b, c = ab_session(procs, procs, load_json)
    for side, doc in enumerate((b, c)):
        for e in doc["benchmarks"]:
            e["code_fingerprint"] = "00000000000000aa"  # the variant's code: the same
            e["timing_fingerprint"] = ("00000000000000b0", "00000000000000b1")[side]
            e["code_change"] = "changed"
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    assert rows_of(out)["suite/case/v"]["code"] == "changed"
    for doc in (b, c):  # the same timed path on both sides: the same code
        for e in doc["benchmarks"]:
            e["timing_fingerprint"] = "00000000000000b0"
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    assert rows_of(out)["suite/case/v"]["code"] == "same"


def _case_session(load_json, rng, names, pairs, layouts, factor=1.0, noise=0.15,
                  candidate_layout_effect=None, fingerprints=None):
    """An `ab` session of `layouts` code layouts whose benchmarks `names` (all of their code
    changed unless `fingerprints` says otherwise) each draw `noise` between pairs; the
    candidate is `factor` slower, and its layout k additionally `candidate_layout_effect[k]`."""
    effect = candidate_layout_effect or [1.0] * layouts
    base, cand = {}, {}
    for name in names:
        base[name] = [[100 * np.exp(rng.normal(0, noise))] for _ in range(pairs)]
        cand[name] = [[100 * factor * effect[k % layouts] * np.exp(rng.normal(0, noise))]
                      for k in range(pairs)]
    b, c = ab_session(base, cand, load_json)
    for side, doc in enumerate((b, c)):
        _with_session(doc, layouts={"count": layouts}, target=0.03)
        for e in doc["benchmarks"]:
            e["suite"], e["case"], e["variant"] = e["run_name"].split("/")
            default = ("00000000000000a0", "00000000000000b0")
            e["code_fingerprint"] = (fingerprints or {}).get(e["run_name"], default)[side]
    return b, c


def test_a_case_slower_as_a_whole_is_flagged_where_none_of_its_benchmarks_is(
        write_json, capsys, load_json):
    """Twelve benchmarks of one case, each 6% slower under 15% noise between pairs: no row
    alone can tell, their pooled pairs can."""
    names = [f"suite/case/v{i}" for i in range(12)]
    b, c = _case_session(load_json, np.random.default_rng(21), names, pairs=30, layouts=10,
                         factor=1.06)
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    rows = rows_of(out)
    assert all(rows[n]["verdict"] == "unchanged" and rows[n]["reached_target"] is False
               for n in names), "each benchmark alone is undecided"
    case = rows["suite/case (pooled: 12 changed benchmarks)"]
    assert case["verdict"] == "regression" and case["pooled"] == 12
    assert case["method"] == "pooled-case" and case["base_n"] == 10, "tested over the layouts"
    assert case["low"] < 1.06 < case["high"] and case["low"] > 1.03
    # Wider than the target, yet beyond the threshold: flagged, and not called inconclusive.
    assert case["detectable"] > 0.03 and case["reached_target"] is False
    assert not case["note"].startswith("inconclusive")
    assert code == 1, "a regression, not only undecided"
    code, out = run_compare(write_json, capsys, b, c, "--format", "markdown")
    assert out.out.splitlines()[0] == ("### idiombench compare: could not decide: 12 changed "
                                       "benchmarks; 0 regressions; 1 case slower as a whole")
    assert "12 unchanged" in out.out, "the tally counts benchmarks, not the pooled case"


def test_a_layout_effect_shared_by_a_cases_benchmarks_is_not_a_slowdown_of_the_case(
        write_json, capsys, load_json):
    """Three of the candidate's ten layouts are 10% slower for every benchmark (where the
    harness's loop landed): the layout is the unit, so it widens the case's interval. Counted
    benchmark by benchmark, 12 x 30 pairs, it would look like a 3% slowdown beyond doubt."""
    names = [f"suite/case/v{i}" for i in range(12)]
    effect = [1.10, 1.10, 1.10] + [1.0] * 7
    b, c = _case_session(load_json, np.random.default_rng(22), names, pairs=30, layouts=10,
                         noise=0.02, candidate_layout_effect=effect)
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    case = rows_of(out)["suite/case (pooled: 12 changed benchmarks)"]
    assert case["verdict"] == "unchanged" and code != 1
    assert case["detectable"] > 0.05, "the layouts' spread, not the pairs' count"


def test_an_unchanged_case_is_pooled_without_false_alarms(write_json, capsys, load_json):
    """Forty cases of eight changed benchmarks, none slower; each case's code landed its own
    way in each of the candidate's layouts (4% between layouts). At a threshold of 0.5% and
    q < 1%, no case is flagged; a test that took each benchmark's layouts as independent
    samples of the case flags some (3 of these 40)."""
    rng = np.random.default_rng(23)
    b = c = None
    for case in range(40):
        effect = list(np.exp(rng.normal(0, 0.04, 10)))
        one_b, one_c = _case_session(load_json, rng, [f"suite/c{case}/v{i}" for i in range(8)],
                                     pairs=20, layouts=10, noise=0.05, candidate_layout_effect=effect)
        if b is None:
            b, c = one_b, one_c
        else:
            b["benchmarks"] += one_b["benchmarks"]
            c["benchmarks"] += one_c["benchmarks"]
    code, out = run_compare(write_json, capsys, b, c, "--format", "json", "--threshold", "0.005")
    pooled = [r for r in rows_of(out).values() if r["pooled"]]
    assert len(pooled) == 40
    assert not [r["name"] for r in pooled if r["verdict"] != "unchanged"]


def test_only_a_cases_changed_benchmarks_are_pooled(write_json, capsys, load_json):
    names = ["suite/one/a", "suite/one/b", "suite/one/same", "suite/two/a", "suite/three/a",
             "suite/three/b"]
    same = ("00000000000000cc", "00000000000000cc")
    b, c = _case_session(load_json, np.random.default_rng(24), names, pairs=20, layouts=10,
                         fingerprints={"suite/one/same": same})
    code, out = run_compare(write_json, capsys, b, c, "--format", "json")
    pooled = {r["name"]: r for r in rows_of(out).values() if r["pooled"]}
    # suite/two has one changed benchmark: its own row says it all.
    assert sorted(pooled) == ["suite/one (pooled: 2 changed benchmarks)",
                              "suite/three (pooled: 2 changed benchmarks)"]
    code, out = run_compare(write_json, capsys, b, c)
    assert "cases pooled (each one's changed benchmarks tested together): 2, 2 unchanged" in out.out


def test_a_benchmark_one_gate_session_left_untimed_is_no_regression(write_json, capsys, load_json):
    """Two gates' files compared: the first timed a benchmark (a sentinel), the second left
    it out as the same code. That is not a failure; any other status that is not ok is."""
    procs = {"suite/case/a": processes(100, 6, 1, between=0.01),
             "suite/case/b": processes(100, 6, 2, between=0.01)}
    first, _ = ab_session(procs, procs, load_json)
    second = copy.deepcopy(first)
    for e in second["benchmarks"]:
        if e["run_name"] == "suite/case/a":
            e.update({"status": "skipped", "code_change": "unchanged", "verified": False,
                      "reason": "not timed: the same machine code as the baseline"})
    second["benchmarks"] = [e for e in second["benchmarks"]
                            if e["run_name"] != "suite/case/a" or e["process_index"] == 0]
    code, out = run_compare(write_json, capsys, first, second, "--format", "json")
    row = rows_of(out)["suite/case/a"]
    assert row["verdict"] == "unchanged" and "timed in only one of the runs" in row["note"]
    assert code == 0
    for e in second["benchmarks"]:
        if e["run_name"] == "suite/case/a":
            e.update({"code_change": "changed", "reason": "unavailable: no such device"})
    code, out = run_compare(write_json, capsys, first, second, "--format", "json")
    assert rows_of(out)["suite/case/a"]["verdict"] == "regression" and code == 1
