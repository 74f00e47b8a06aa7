"""`idiombench-report render`: a self-contained page with a chart and a table per case."""

import html
import re
from pathlib import Path

import pytest

from idiombench_report.cli import main
from synthetic import GENERATED_CPU, generated_machine
from idiombench_report.results import ResultsError, load


def render_to(tmp_path, results):
    out = tmp_path / "report.html"
    assert main(["render", str(results), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_every_case_has_its_question_a_chart_and_a_table(tmp_path, iteration_results):
    page = render_to(tmp_path, iteration_results)
    results = load(iteration_results)
    for (suite, case), points in results.cases().items():
        section = re.search(rf'<section id="{suite}-{case}">(.*?)</section>', page, re.S)
        assert section, case
        body = section.group(1)
        question = next(iter(points.values()))[0].question
        assert html.escape(question) in body
        assert body.count("<svg") == 1
        for runs in points.values():
            for b in runs:
                assert f"<td>{b.variant}" in body


def test_page_is_self_contained(tmp_path, iteration_results):
    page = render_to(tmp_path, iteration_results)
    assert 'http-equiv="Content-Security-Policy"' in page
    assert page.count("<script") == 1 and "<script src" not in page, "one inline script only"
    assert "<link" not in page
    # Nothing is fetched: no src/href pointing anywhere (SVG namespaces are not fetches).
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)
    assert "@import" not in page


def _row(page, label, params):
    """The table row of `label` at `params` (the first column)."""
    found = re.search(rf"<td>{re.escape(params)}</td><td>{re.escape(label)}</td>.*?</tr>", page, re.S)
    assert found, f"no row for {label} at {params}"
    return found.group(0)


def test_baseline_and_speedups_are_shown(tmp_path, iteration_results):
    page = render_to(tmp_path, iteration_results)
    results = load(iteration_results)
    by_variant = {b.variant: b for b in results.benchmarks
                  if b.case == "sum_squares" and b.params == {"n": 1000}}
    baseline = by_variant["index_loop"]
    assert "1.00×" in _row(page, "index_loop (baseline)", "n:1000")
    for name in ("range_v3", "coroutine_generator"):
        expected = baseline.span()[1] / by_variant[name].span()[1]
        assert f"{expected:.2f}×" in _row(page, name, "n:1000"), name


def test_failures_are_impossible_to_miss(tmp_path, selftest_results):
    page = render_to(tmp_path, selftest_results)
    problems = re.search(r'<div class="problems">(.*?)</div>', page, re.S)
    assert problems
    for variant, status in [("wrong", "failed"), ("crash", "crashed"), ("hang", "timeout"),
                            ("throws", "failed"), ("exits", "crashed")]:
        assert f"selftest/sum/{variant}/n:1000" in problems.group(1)
        assert status in problems.group(1)
    # A variant that cannot run here is not a failure: it is listed apart, with its reason.
    assert "selftest/sum/unavailable/n:1000" not in problems.group(1)
    skipped = re.search(r'<details class="skipped">(.*?)</details>', page, re.S)
    assert skipped and "selftest/sum/unavailable/n:1000" in skipped.group(1)
    assert "no such device" in skipped.group(1)
    assert "SIGSEGV" in page


def test_statistics_come_from_the_raw_repetitions(iteration_results, load_json):
    results = load(iteration_results)
    document = load_json(iteration_results)
    for b in results.benchmarks:
        samples = sorted(e["real_time"] for e in document["benchmarks"]
                         if e["run_name"] == b.run_name and e["run_type"] == "iteration")
        assert b.minimum == pytest.approx(samples[0])
        assert b.maximum == pytest.approx(samples[-1])
        assert b.median == pytest.approx(samples[len(samples) // 2])


def test_lazy_memory_peak_bytes_counter_reaches_the_table(iteration_results):
    results = load(iteration_results)
    peaks = {b.variant: b.counters["peak_bytes"] for b in results.benchmarks
             if b.case == "lazy_memory"}
    assert peaks["index_loop"] < 4096, "the lazy loop holds no dataset"
    assert peaks["eager_vectors"] > 1e6, "the eager one holds it"


def test_bad_input_is_a_clear_error(tmp_path, write_json, capsys):
    assert main(["render", str(tmp_path / "nope.json"), "-o", str(tmp_path / "r.html")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["render", str(write_json({"context": {}})), "-o", str(tmp_path / "r.html")]) == 2
    assert "not an idiombench results file" in capsys.readouterr().err
    bare = {"context": {"idiombench": {"schema_version": 2}}, "benchmarks": []}
    assert main(["render", str(write_json(bare)), "-o", str(tmp_path / "r.html")]) == 2
    assert "does not match the results schema" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
    with pytest.raises(ResultsError):
        load(write_json([]))


def test_threaded_variants_share_the_baseline_table(tmp_path):
    sample = Path(__file__).with_name("data") / "compute-sample.json"
    results = load(sample)
    points = results.cases()[("compute", "histogram")]
    assert len(points) == 1, "threads does not split the table"
    labels = {b.label for b in next(iter(points.values()))}
    assert {"serial", "openmp_atomic threads:1", "tbb_private threads:2"} <= labels
    page = render_to(tmp_path, sample)
    row = re.search(r"<td>tbb_private threads:2</td>.*?</tr>", page, re.S)
    by_label = {b.label: b for b in next(iter(points.values()))}
    expected = by_label["serial"].span()[1] / by_label["tbb_private threads:2"].span()[1]
    assert row and f">{expected:.2f}×<" in row.group(0), "the speedup over serial at the same size"


def test_worker_sweeps_share_the_baseline_table(tmp_path):
    sample = Path(__file__).with_name("data") / "concurrency-sample.json"
    results = load(sample)
    points = results.cases()[("concurrency", "cpu_map")]
    assert len(points) == 1, "workers does not split the table"
    labels = {b.label for b in next(iter(points.values()))}
    assert {"sequential", "thread_pool workers:1", "process_pool_shm workers:2"} <= labels
    page = render_to(tmp_path, sample)
    assert "process_per_task workers:2" in page


PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</style><b>bold</b>"]


def test_strings_from_results_never_become_markup(tmp_path, write_json, load_json, selftest_results):
    document = load_json(selftest_results)
    payload = " ".join(PAYLOADS)
    document["context"]["host_name"] = payload
    document["context"]["idiombench"]["machine"]["cpu_model"] = payload
    document["context"]["idiombench"]["warnings"] = [payload]
    # Names may not contain "/" (it separates their parts): their payload has none.
    in_names = '<script>alert(1)"><img src=x onerror=alert(1)>'
    for entry in document["benchmarks"]:
        entry["variant"] = entry["variant"] + in_names
        entry["question"] = payload
        entry["reason"] = payload
        entry["run_name"] = entry["run_name"] + in_names
        entry["name"] = entry["name"] + in_names
        entry["params"] = {key: f"{value}{in_names}" for key, value in entry["params"].items()}
        entry["item"] = payload  # the figure column: "... ns per <item>"
    document["context"]["idiombench"]["machine"]["kernel"] = payload
    document["context"]["idiombench"]["build"]["flags"] = payload
    first = write_json(document, "first.json")
    # A second machine: the machines table, the matrix and the best-machine tables too.
    document["context"]["idiombench"]["machine"]["machine_id"] = "00000002fa4efa4e"
    page = render_to(tmp_path, first)
    out = tmp_path / "machines.html"
    assert main(["render", str(first), str(write_json(document, "second.json")), "-o", str(out)]) == 0
    for text in (page, out.read_text(encoding="utf-8")):
        for marker in ("<script>alert", "<img src=x", "<b>bold</b>", "</style><b>"):
            assert marker not in text, f"{marker!r} became markup"
        assert text.count("<script>") == 1, "only the report's own script"
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Hardware comparison" in out.read_text(encoding="utf-8")


def test_the_only_script_is_the_one_the_policy_allows(tmp_path, iteration_results):
    import base64
    import hashlib
    page = render_to(tmp_path, iteration_results)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy


def test_tables_can_be_sorted_by_their_numbers(tmp_path, iteration_results):
    page = render_to(tmp_path, iteration_results)
    assert '<table class="sortable">' in page and "<thead>" in page
    values = re.findall(r'<td class="num" data-value="([0-9.e+-]+)">', page)
    assert values and all(float(v) > 0 for v in values)
    assert '<h2 id="summary">Summary</h2>' in page


def _hardware(page):
    return page.split('<h2 id="hardware">Hardware comparison</h2>')[1].split("<h2 ")[0]


def _matrix_cells(page):
    """{machine label: [(verdict, value, text), ...]} from the machine x case matrix."""
    matrix = _hardware(page).split('<table class="sortable matrix">')[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr[^>]*><td>([^<]+)</td>(.*?)</tr>", matrix, re.S):
        rows[row[0]] = re.findall(r'<td class="num v-([a-z-]+)" data-value="([^"]*)"[^>]*>([^<]*)</td>', row[1])
    return rows


def test_files_from_two_machines_add_a_hardware_comparison(tmp_path, write_json, load_json):
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    # Two machines generated for this test (labelled so): the second twice as slow.
    first = write_json(generated_machine(sample, 1, factor=1.0), "one.json")
    second = write_json(generated_machine(sample, 2, factor=2.0), "two.json")
    out = tmp_path / "report.html"
    assert main(["render", str(first), str(second), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    section = _hardware(page)
    assert GENERATED_CPU.format(index=2) in section
    assert "<svg" in section and "machine 2" in section, "two machines: the per-benchmark bars too"
    cells = _matrix_cells(page)
    assert [v for v, _, _ in cells["generated-1 · 00000001"]] == ["reference"] * len(cells["generated-1 · 00000001"])
    slower = cells["generated-2 · 00000002"]
    assert slower and all(v == "slower" for v, _, _ in slower), slower
    for _, value, text in slower:
        assert abs(float(value) - 2.0) < 0.1
        low, high = map(float, re.search(r"\[([0-9.]+)–([0-9.]+)\]", text).groups())
        assert 1.0 < low < 2.0 < high, text


def test_runs_of_one_machine_merge_and_equal_machines_are_within_noise(tmp_path, write_json, load_json):
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    paths = [write_json(generated_machine(sample, 1, seed=s), f"run{s}.json") for s in (0, 10)]
    paths.append(write_json(generated_machine(sample, 2, factor=1.0, seed=20, between=0.05), "other.json"))
    out = tmp_path / "report.html"
    assert main(["render", *map(str, paths), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "2 machines from 3 files" in page and "1 file(s) added processes" in page
    verdicts = [v for v, _, _ in _matrix_cells(page)["generated-2 · 00000002"]]
    assert verdicts and verdicts.count("within-noise") >= len(verdicts) - 1, verdicts
    # A machines table in which only what differs is highlighted: the CPU name.
    table = _hardware(page).split('<table class="sortable machines">')[1].split("</table>")[0]
    assert table.count('class="differs"') == 1 and "Differs from the reference (highlighted): CPU" in page


def test_files_from_one_machine_are_runs_not_machines(tmp_path, write_json, load_json):
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    paths = [write_json(generated_machine(sample, 1, seed=s), f"run{s}.json") for s in (0, 1)]
    out = tmp_path / "report.html"
    assert main(["render", *map(str, paths), "-o", str(out)]) == 0
    section = _hardware(out.read_text(encoding="utf-8"))
    assert "These 2 files come from one machine" in section
    assert "matrix" not in section, "no machine x case matrix of a machine against itself"


def test_the_reference_machine_is_chosen_by_id_or_host(tmp_path, write_json, load_json, capsys):
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    a = write_json(generated_machine(sample, 1), "a.json")
    b = write_json(generated_machine(sample, 2, factor=0.5), "b.json")
    out = tmp_path / "report.html"
    assert main(["render", str(a), str(b), "--reference", "generated-2", "-o", str(out)]) == 0
    cells = _matrix_cells(out.read_text(encoding="utf-8"))
    assert all(v == "reference" for v, _, _ in cells["generated-2 · 00000002"])
    assert all(v == "slower" for v, _, _ in cells["generated-1 · 00000001"])
    assert main(["render", str(a), str(b), "--reference", "00000002fa4efa4e", "-o", str(out)]) == 0
    assert main(["render", str(a), str(b), "--reference", "nowhere", "-o", str(out)]) == 2
    assert "--reference nowhere matches no machine" in capsys.readouterr().err
    assert main(["render", *[str(a)] * 101, "-o", str(out)]) == 2
    assert "render compares at most 100" in capsys.readouterr().err


def _labelled(doc, label):
    doc["context"]["idiombench"]["machine"]["label"] = label
    return doc


def test_labelled_runs_of_one_hardware_are_machines_of_their_own(tmp_path, write_json, load_json):
    # A fleet's nodes of one type (one machine_id) run under their node names: each is a machine
    # in the comparison, named by its label, and a label can name the reference.
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    a = write_json(_labelled(generated_machine(sample, 1, seed=0), "cpu-a/node-1"), "a.json")
    b = write_json(_labelled(generated_machine(sample, 1, factor=2.0, seed=1), "cpu-a/node-2"), "b.json")
    plain = write_json(generated_machine(sample, 1, seed=2), "plain.json")
    out = tmp_path / "report.html"
    assert main(["render", str(a), str(b), str(plain), "--reference", "cpu-a/node-2", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "3 machines from 3 files" in page
    cells = _matrix_cells(page)
    assert all(v == "reference" for v, _, _ in cells["cpu-a/node-2 · generated-1 · 00000001"])
    faster = cells["cpu-a/node-1 · generated-1 · 00000001"]
    assert faster and all(v == "faster" for v, _, _ in faster), faster
    assert "generated-1 · 00000001" in cells, "the unlabelled run is a machine of its own"


def test_machines_that_gave_no_results_are_named_first(tmp_path, iteration_results, capsys):
    out = tmp_path / "report.html"
    assert main(["render", str(iteration_results), "--missing", "cpu-b/cpu-b-1: timed out (2 min)",
                 "--missing", "gpu/gpu-1: <b>node lost</b>", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    top = page.split("<h2")[0]
    assert "Missing: 2 machine(s)" in top and "cpu-b/cpu-b-1: timed out (2 min)" in top
    assert "&lt;b&gt;node lost&lt;/b&gt;" in top, "a reason is text, never markup"
    assert "Missing:" not in render_to(tmp_path, iteration_results)
    with pytest.raises(SystemExit):
        main(["render", str(iteration_results), "--missing", "a\nb", "-o", str(out)])
    assert "one line" in capsys.readouterr().err


def _emulated(doc):
    """The same run as if made under qemu-user on aarch64 (as the harness marks one)."""
    machine = doc["context"]["idiombench"]["machine"]
    machine["architecture"] = "aarch64"
    machine["cpu_model"] = "QEMU 'max' CPU r0p0"
    machine["emulated"] = "aarch64 code under emulation (qemu-user) on AMD EPYC: its times are the emulator's"
    return doc


def test_a_run_under_emulation_is_named_and_never_compared(tmp_path, write_json, load_json, capsys):
    sample = load_json(Path(__file__).with_name("data") / "concurrency-sample.json")
    x86 = write_json(generated_machine(sample, 1), "x86.json")
    other = write_json(generated_machine(sample, 2, factor=2.0), "other.json")
    # 50x slower: were it compared, every cell would say so.
    arm = write_json(_emulated(generated_machine(sample, 3, factor=50.0)), "arm-qemu.json")
    out = tmp_path / "report.html"
    assert main(["render", str(x86), str(arm), str(other), "-o", str(out)]) == 0
    section = _hardware(out.read_text(encoding="utf-8"))
    assert "Not compared: 1 machine(s) ran under emulation" in section
    assert "qemu-user" in section and "2 machines from 2 files" in section
    cells = _matrix_cells(out.read_text(encoding="utf-8"))
    assert set(cells) == {"generated-1 · 00000001", "generated-2 · 00000002"}, "the emulated run has no row"
    assert "aarch64 (emulated)" not in section.split('<table class="sortable machines">')[1].split("</table>")[0]
    # Only an x86 file and an emulated one: nothing to compare, and it says why.
    assert main(["render", str(x86), str(arm), "-o", str(out)]) == 0
    section = _hardware(out.read_text(encoding="utf-8"))
    assert "Not compared: 1 machine(s) ran under emulation" in section and "matrix" not in section
    # The emulated machine cannot be the reference.
    assert main(["render", str(x86), str(arm), str(other), "--reference", "generated-3", "-o", str(out)]) == 2
    assert "ran under emulation" in capsys.readouterr().err


def test_sizes_chosen_from_each_machines_caches_compare_per_item(tmp_path, write_json, load_json):
    sample = load_json(Path(__file__).with_name("data") / "compute-sample.json")
    other = generated_machine(sample, 2, factor=1.0)
    # Machine 2 has caches of another size: its arrays are 3x larger, each run 3x longer.
    for e in other["benchmarks"]:
        if "n" in e.get("params", {}):
            n = e["params"]["n"]
            for field in ("name", "run_name"):
                e[field] = e[field].replace(f"n:{n}", f"n:{n * 3}")
            e["params"]["n"] = e["shared_params"]["n"] = n * 3
            if e.get("run_type") == "iteration" and e.get("status") == "ok":
                e["real_time"] *= 3
    first = write_json(generated_machine(sample, 1), "one.json")
    out = tmp_path / "report.html"
    assert main(["render", str(first), str(write_json(other, "two.json")), "-o", str(out)]) == 0
    cells = _matrix_cells(out.read_text(encoding="utf-8"))["generated-2 · 00000002"]
    compared = [(v, float(value)) for v, value, _ in cells if value]
    assert compared, "the STREAM cases meet by rank despite other sizes"
    assert all(abs(value - 1.0) < 0.1 for _, value in compared), compared


def test_a_swept_parameter_gets_a_scaling_chart(tmp_path):
    from idiombench_report.charts import sweep_param
    sample = Path(__file__).with_name("data") / "concurrency-sample.json"
    results = load(sample)
    cpu_map = [b for b in results.benchmarks if b.case == "cpu_map"]
    assert sweep_param(cpu_map) == "workers"
    page = render_to(tmp_path, sample)
    assert "scaling with workers" in page
    iteration = load(Path(__file__).with_name("data") / "iteration-sample.json")
    lazy = [b for b in iteration.benchmarks if b.case == "lazy_memory"]
    assert sweep_param(lazy) is None, "one size only: nothing to draw"


def test_instruction_counts_are_shown_as_counts_not_times(tmp_path, write_json, load_json, selftest_results):
    document = load_json(selftest_results)
    document["context"]["idiombench"].update({"measure": "instructions", "iterations": 5})
    for entry in document["benchmarks"]:
        if entry["status"] == "ok":
            entry.update({"instructions": 2503.0, "instructions_exact": True, "real_time": 9e6})
    path = write_json(document)
    assert load(path).benchmarks[0].median == 2503.0, "the figure is the count"
    out = tmp_path / "report.html"
    assert main(["render", str(path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "instruction counts" in page and "2.5 k instr" in page
    assert "9 ms" not in page, "Valgrind's wall time is not shown as the variant's time"


def test_the_environment_that_shaped_the_run_is_shown(tmp_path, write_json, load_json, iteration_results):
    document = load_json(iteration_results)
    document["context"]["idiombench"]["environment_variables"] = {"OMP_PROC_BIND": "close",
                                                                  "OPENBLAS_CORETYPE": "Haswell"}
    out = tmp_path / "report.html"
    assert main(["render", str(write_json(document)), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "OMP_PROC_BIND=close" in page and "OPENBLAS_CORETYPE=Haswell" in page
    assert "models</dt>" in page and "one thread on one core" in page


def test_each_case_opens_with_its_finding_and_its_uncertainty(tmp_path, write_json, load_json):
    sample = load_json(Path(__file__).with_name("data") / "iteration-sample.json")
    # Generated from the real sample: three processes per benchmark (for an interval).
    page = render_to(tmp_path, write_json(generated_machine(sample, 1), "three.json"))
    findings = re.findall(r'<p class="finding">([^<]+)</p>', page)
    assert findings, "a sentence per case"
    for sentence in findings:
        assert re.search(r"is the fastest at .+; .+, the slowest of \d+, takes [0-9.]+× "
                         r"\[[0-9.]+–[0-9.]+\] its time\.$", html.unescape(sentence)), sentence
    single = render_to(tmp_path, Path(__file__).with_name("data") / "iteration-sample.json")
    assert "(one process each: no interval)" in single


def test_repetitions_are_drawn_as_dots_on_the_bars(tmp_path):
    """Dots where they add to the bar: several processes (a row each) or more than three
    repetitions. With one process of three, the bar and whisker are the three already."""
    several = Path(__file__).resolve().parents[2] / "docs" / "machines" / "xeon-2core-vm-compute-p3.json"
    assert "dots the repetitions" in render_to(tmp_path, several)
    single = render_to(tmp_path, Path(__file__).with_name("data") / "iteration-sample.json")
    assert "dots the repetitions" not in single and "no dots" in single


def test_figures_are_in_each_cases_natural_unit():
    from idiombench_report.figures import figure
    from idiombench_report.results import Benchmark

    def timed(item="item", **counters):
        b = Benchmark(run_name="s/c/v", item=item, verified=True, counters=counters)
        b.add(100.0)
        return b

    assert figure(timed(bytes_per_second=30e9, fraction_of_peak=0.93), True) == "30 GB/s · 0.93 of peak"
    limited = timed(bytes_per_second=3.9e12, fraction_of_peak=0.95)
    limited.case, limited.variant = "triad", "kokkos_cuda"
    limited.limit_value, limited.limit_measured_by = 4.1e12, "compute/triad/cuda/n:31457280"
    assert figure(limited, True) == "3.9e+03 GB/s · 0.95 of peak (4.1e+03 GB/s, triad/cuda)", \
        "says which measurement is the limit"
    assert figure(timed(bytes_per_second=300e9), True) == "300 GB/s", "in cache: no fraction"
    assert figure(timed(bytes_per_second=24e9, flops_per_second=2e9), False) == "24 GB/s", "under 1 flop/byte"
    assert figure(timed(bytes_per_second=1e9, flops_per_second=90e9), False) == "90 GFLOP/s"
    assert figure(timed("page", items_per_second=37700.0), False) == "3.77e+04 pages/s"
    assert figure(timed("element", items_per_second=3.5e9), False) == "0.286 ns per element"
    assert figure(timed("lookup", hit_rate=0.783, items_per_second=2.2e6), False) == \
        "hit rate 78.3% · 455 ns per lookup"
    untimed = Benchmark(run_name="s/c/w", status="skipped")
    assert figure(untimed, False) == "–"


def test_the_compute_section_shows_bandwidth(tmp_path):
    # A real run of the compute suite (docs/machines: the 2-core VM, three processes).
    run = Path(__file__).resolve().parents[2] / "docs" / "machines" / "xeon-2core-vm-compute-p3.json"
    page = render_to(tmp_path, run)
    summary = page.split('<h2 id="summary">Summary</h2>')[1].split("</table>")[0]
    assert re.search(r"[0-9.]+ GB/s · [0-9.]+ of peak", summary), "triad beyond the caches"
    assert re.search(r"[0-9.]+ GFLOP/s", summary), "gemm"
    compute = page.split('<h2 id="suite-compute">Suite compute</h2>')[1]
    assert re.search(r'<td class="num">[0-9.]+ GB/s', compute), "figures in the case tables"


def test_the_report_opens_with_the_overview_a_chart_per_suite(tmp_path):
    """What a reader came for first: the overview's charts come before any table, one per
    suite, with each case's finding linking to its section; the run's details come last."""
    run = Path(__file__).resolve().parents[2] / "docs" / "machines" / "xeon-2core-vm-compute-p3.json"
    page = render_to(tmp_path, run)
    body = page.split("<body>")[1]
    assert body.index('<h2 id="overview">') < body.index("<svg") < body.index("<table")
    overview = body.split('<h2 id="overview">')[1].split("<h2 ")[0]
    assert overview.count("<svg") == 1, "one figure for the one suite"
    assert "gave the reference answer" in overview
    assert re.search(r'<li><a href="#compute-triad">triad</a>: \S', overview), "finding with its link"
    assert body.index('<h2 id="run">') > body.index('<h2 id="conformance">'), "the metadata at the end"
    assert '<nav class="toc">' in body.split('<h2 id="overview">')[0]


def test_several_machines_open_with_the_hardware_comparison(tmp_path, load_json, write_json):
    from synthetic import generated_machine
    run = Path(__file__).resolve().parents[2] / "docs" / "machines" / "xeon-2core-vm-compute-p3.json"
    other = write_json(generated_machine(load_json(run), 1, factor=1.3), name="other.json")
    out = tmp_path / "two.html"
    assert main(["render", str(run), str(other), "-o", str(out)]) == 0
    body = out.read_text(encoding="utf-8").split("<body>")[1]
    assert body.index('<h2 id="hardware">') < body.index('<h2 id="overview">')
    assert body.count('<h2 id="hardware">') == 1


def test_the_tools_own_cost_is_in_the_run_details(tmp_path, write_json, load_json, iteration_results):
    document = load_json(iteration_results)
    spread = {"min": 0.031, "median": 0.042, "max": 0.09}
    document["context"]["idiombench"]["own_cost"] = {
        "wall_s": 61.5, "planning_s": 0.4, "process_start_s": 3.2, "verification_s": 9.1,
        "measuring_s": 45.0, "process_exit_s": 1.1, "writing_s": 0.3, "other_s": 2.4,
        "processes": 40,
        "per_process": {"cpp": {"processes": 35, "start_s": spread, "overhead_s": spread},
                        "python": {"processes": 5, "start_s": {"min": 0.2, "median": 0.25, "max": 0.3},
                                   "overhead_s": {"min": 0.9, "median": 1.25, "max": 2.0}}},
        "slowest": [{"name": "iteration/lazy_memory/py_list_eager/n:1000000", "total_s": 8.4,
                     "verify_s": 5.5, "measure_s": 2.6}]}
    page = render_to(tmp_path, write_json(document))
    run = page[page.index('<h2 id="run">'):]
    assert "61.5 s for 40 benchmark processes" in run
    assert "measuring 45.0 s" in run and "process starts 3.2 s" in run
    assert "per C++ process, start to first timed repetition: median 0.042 s" in run
    assert "per Python process, start to first timed repetition: median 1.250 s" in run
    assert ("longest processes: iteration/lazy_memory/py_list_eager/n:1000000 8.4 s "
            "(verification 5.5, measuring 2.6)") in run


def test_a_run_without_its_own_cost_renders_without_it(tmp_path, write_json, load_json, iteration_results):
    document = load_json(iteration_results)
    document["context"]["idiombench"].pop("own_cost", None)
    assert "<dt>own cost</dt>" not in render_to(tmp_path, write_json(document))
