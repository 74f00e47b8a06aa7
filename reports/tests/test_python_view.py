"""The "Python → C++" view: each Python variant beside its declared C++ counterpart and,
separately, the fastest C++ variant at its point, with the ratios; absent when a run has
no Python variant."""

from idiombench_report.python_view import python_rows
from idiombench_report.results import load

from test_render import render_to


def _with_python_variant(document, factor=40.0, counterpart=None):
    """The sample plus a `py_generator` of lazy_memory: index_loop's entries, `factor` times
    slower (paired with `counterpart` when given)."""
    extra = []
    for entry in document["benchmarks"]:
        if entry.get("case") == "lazy_memory" and entry.get("variant") == "index_loop":
            copy = dict(entry)
            copy["variant"] = "py_generator"
            copy["model"] = "python"
            if counterpart:
                copy["counterpart"] = counterpart
            for key in ("name", "run_name"):
                copy[key] = entry[key].replace("/index_loop/", "/py_generator/")
            for key in ("real_time", "cpu_time"):
                copy[key] = entry[key] * factor
            extra.append(copy)
    assert extra, "the sample has lazy_memory/index_loop"
    document["benchmarks"] += extra
    return document


def test_each_python_variant_is_set_beside_the_fastest_cpp_one(write_json, load_json, iteration_results):
    path = write_json(_with_python_variant(load_json(iteration_results)))
    rows = python_rows(load(path))
    assert [r["python"] for r in rows] == ["py_generator"]
    row = rows[0]
    assert row["case"] == "lazy_memory"
    assert row["cpp"] != "py_generator"
    # index_loop is not necessarily the fastest C++ variant: the ratio is at least 40.
    assert row["fastest_ratio_value"] >= 40.0 * 0.999
    assert row["fastest_ratio"].endswith("× slower")
    assert row["counterpart"] == "(none declared)" and row["ratio"] == "–"


def test_a_python_idiom_is_compared_with_its_counterpart_not_with_the_fastest(
        write_json, load_json, iteration_results):
    """Like with like: the ratio is to the variant the case pairs it with (here index_loop,
    exactly 40x), while the fastest C++ variant is shown on its own."""
    path = write_json(_with_python_variant(load_json(iteration_results), counterpart="index_loop"))
    row = python_rows(load(path))[0]
    assert row["counterpart"] == "index_loop"
    assert abs(row["ratio_value"] - 40.0) < 1e-6
    assert row["fastest_ratio_value"] >= row["ratio_value"] * 0.999
    row_elsewhere = python_rows(load(write_json(_with_python_variant(
        load_json(iteration_results), counterpart="no_such_variant"), name="other.json")))[0]
    assert row_elsewhere["counterpart"] == "no_such_variant (not timed at this point)"
    assert row_elsewhere["ratio"] == "–"


def test_the_report_has_the_view_only_when_there_is_python(tmp_path, write_json, load_json, iteration_results):
    without = render_to(tmp_path, iteration_results)
    assert "Python → C++" not in without
    path = write_json(_with_python_variant(load_json(iteration_results)), name="with-python.json")
    page = render_to(tmp_path, path)
    assert 'id="python-to-cpp"' in page
    assert "py_generator" in page.split('id="python-to-cpp"')[1].split("</table>")[0]
    # Python variants are hatched in the charts (an SVG hatch pattern), C++ ones are not.
    assert "<pattern" not in without
    assert "<pattern" in page


def test_a_python_variant_is_only_compared_at_its_own_point(write_json, load_json, iteration_results):
    """A Python variant measured at a size no C++ variant ran at has no C++ counterpart."""
    document = _with_python_variant(load_json(iteration_results))
    for entry in document["benchmarks"]:
        if entry.get("variant") == "py_generator":
            entry["params"] = dict(entry["params"], n=7)
            entry["shared_params"] = dict(entry["shared_params"], n=7)
            for key in ("name", "run_name"):
                entry[key] = entry[key].replace("/n:1000000", "/n:7")
    rows = python_rows(load(write_json(document)))
    assert [r["cpp"] for r in rows] == ["(no C++ variant timed at this point)"]
    assert rows[0]["fastest_ratio"] == "–"


def test_the_same_degree_of_parallelism_is_preferred():
    """A Python variant with workers:2 is set beside C++ at workers:2 even when C++ is
    faster at another count; with no C++ at its count, beside the fastest at any."""
    from idiombench_report.python_view import _fastest_cpp
    from idiombench_report.results import Benchmark

    def bench(variant, model, seconds, **params):
        b = Benchmark(run_name=variant, variant=variant, model=model, params=params)
        b.add(seconds * 1e9)
        return b

    case = [bench("pool", "threads", 2.0, cost=1, workers=2),
            bench("pool", "threads", 1.0, cost=1, workers=4),
            bench("pool", "threads", 0.5, cost=5, workers=2)]
    assert _fastest_cpp(bench("py_pool", "python", 9.0, cost=1, workers=2), case) is case[0]
    assert _fastest_cpp(bench("py_pool", "python", 9.0, cost=1, workers=8), case) is case[1]
    assert _fastest_cpp(bench("py_pool", "python", 9.0, cost=3, workers=2), case) is None
