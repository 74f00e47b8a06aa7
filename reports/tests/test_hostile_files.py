"""Hostile and broken input files: every command answers in bounded time with exit 0, 1
(a verdict) or 2 (bad input) and at most a few lines, never a traceback or live markup.
The corpus is generated here (nothing binary is committed): each file stands for a way a
results file has broken a reader, or could."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from idiombench_report.cli import main

REPORTS = Path(__file__).resolve().parent.parent
MARKUP = "<script>alert('x')</script>"
# Hostile in their content, yet valid results files.
# What cli.main says when an unexpected exception reached it.
SAFETY_NET = "cannot use this input"
VALID_BUT_ODD = {"dollar-names.json", "markup-names.json", "no-benchmarks.json"}


def _valid(iteration_results):
    with open(iteration_results, encoding="utf-8") as f:
        return json.load(f)


def hostile_corpus(tmp_path, iteration_results):
    """(name, path) for each hostile file."""
    valid = _valid(iteration_results)
    corpus = {}

    def text(name, content):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        corpus[name] = path

    def raw(name, content):
        path = tmp_path / name
        path.write_bytes(content)
        corpus[name] = path

    def changed(name, change):
        document = json.loads(json.dumps(valid))
        change(document)
        text(name, json.dumps(document))

    text("deep-list.json", "[" * 100000 + "]" * 100000)
    text("deep-object.json", '{"a":' * 50000 + "1" + "}" * 50000)
    raw("not-utf8.json", b'{"context": "\xff\xfe"}')
    text("huge-int.json", '{"context": {"idiombench": ' + "9" * 5000 + "}}")
    text("nan-literal.json", json.dumps(valid).replace('"real_time": ', '"real_time": NaN, "x": ', 1))
    text("inf-number.json", json.dumps(valid).replace('"real_time": ', '"real_time": 1e999, "x": ', 1))
    changed("real-time-1e308.json", lambda d: d["benchmarks"][0].update(real_time=1e308))
    text("lone-surrogate.json", json.dumps(valid).replace('"variant": "', '"variant": "\\ud800', 1))
    text("nul-in-string.json", json.dumps(valid).replace('"variant": "', '"variant": "\\u0000', 1))
    changed("dollar-names.json", lambda d: [b.update(variant="$x^2$ " + b["variant"])
                                            for b in d["benchmarks"]])
    changed("markup-names.json", lambda d: [b.update(question=MARKUP, reason=MARKUP)
                                            for b in d["benchmarks"]])
    text("gbench-run-name-list.json", json.dumps(
        {"benchmarks": [{"name": "a", "run_name": ["x"], "real_time": 1, "time_unit": "ns"}]}))
    text("gbench-name-number.json", json.dumps(
        {"benchmarks": [{"name": 5, "real_time": 1, "time_unit": "ns"}]}))
    text("gbench-bad-unit.json", json.dumps(
        {"benchmarks": [{"name": "a", "real_time": 1, "time_unit": "fortnights"}]}))
    text("gbench-time-string.json", json.dumps(
        {"benchmarks": [{"name": "a", "real_time": "fast", "time_unit": "ns"}]}))
    text("empty.json", "")
    text("null.json", "null")
    text("string.json", '"results"')
    text("list.json", "[]")
    changed("schema-broken.json", lambda d: d["benchmarks"][0].update(status=7, suite=None))
    changed("no-benchmarks.json", lambda d: d.update(benchmarks=[]))
    directory = tmp_path / "a-folder"
    directory.mkdir()
    corpus["folder"] = directory
    return corpus


def _run(args, timeout=30):
    """The real command in a process of its own: a hang is a failure, not a stuck test."""
    return subprocess.run([sys.executable, "-m", "idiombench_report", *args], cwd=tmp_cwd(),
                          env={**os.environ, "PYTHONPATH": str(REPORTS)}, capture_output=True,
                          text=True, timeout=timeout)


def tmp_cwd():
    return str(REPORTS)


def _assert_clean(result, what):
    assert result.returncode in (0, 1, 2), f"{what}: exit {result.returncode}\n{result.stderr}"
    assert "Traceback" not in result.stderr, f"{what}:\n{result.stderr}"
    assert len(result.stderr.splitlines()) <= 3, f"{what}: more than 3 lines\n{result.stderr}"


def test_every_command_answers_every_hostile_file_cleanly(tmp_path, iteration_results, capsys):
    corpus = hostile_corpus(tmp_path, iteration_results)
    for name, path in corpus.items():
        out = tmp_path / f"{name}.html"
        for args in (["validate", str(path)], ["render", str(path), "-o", str(out)],
                     ["compare", str(path), str(iteration_results)],
                     ["compare", str(iteration_results), str(path)]):
            code = main(args)  # an exception here is the traceback a user would see
            err = capsys.readouterr().err
            assert SAFETY_NET not in err, f"{args[0]} {name}: unexpected path\n{err}"
            assert code in (0, 1, 2), f"{args[0]} {name}: exit {code}\n{err}"
            assert len(err.splitlines()) <= 3, f"{args[0]} {name}:\n{err}"
            if args[0] == "validate" and name not in VALID_BUT_ODD:
                assert code == 2, f"validate {name} passed:\n{err}"
        if out.exists():
            html = out.read_text(encoding="utf-8")
            assert MARKUP not in html, f"{name}: live markup in the report"
            assert "\0" not in html


def test_names_with_dollars_render_as_text(tmp_path, iteration_results):
    corpus = hostile_corpus(tmp_path, iteration_results)
    out = tmp_path / "report.html"
    assert main(["render", str(corpus["dollar-names.json"]), "-o", str(out)]) == 0
    assert "$x^2$" in out.read_text(encoding="utf-8")


def test_special_files_are_refused_at_once(tmp_path, iteration_results):
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for path in (zero, fifo):
        for args in (["validate", str(path)], ["render", str(path), "-o", str(tmp_path / "r.html")],
                     ["compare", str(path), str(iteration_results)]):
            result = _run(args, timeout=30)
            _assert_clean(result, f"{args[0]} {path.name}")
            assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(iteration_results, capsys):
    assert main(["--max-file-mib", "0.001", "validate", str(iteration_results)]) == 2
    assert "--max-file-mib" in capsys.readouterr().err
    assert main(["validate", str(iteration_results)]) == 0  # the default is back next time


# Random trees in random places of a valid file, random text in its names.
_scalars = (st.none() | st.booleans() | st.integers(-10**40, 10**40) |
            st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
_json = st.recursive(
    _scalars,
    lambda children: (st.lists(children, max_size=4) |
                      st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=20)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(where=st.sampled_from(["context", "benchmarks", "entry", "real_time", "params", "name"]),
       value=_json, text=st.text(max_size=30))
def test_random_trees_and_strings_never_break_the_reader(tmp_path_factory, capsys, where, value,
                                                         text):
    valid = _valid(Path(__file__).with_name("data") / "iteration-sample.json")
    document = json.loads(json.dumps(valid))
    entry = document["benchmarks"][0]
    if where == "context":
        document["context"]["idiombench"] = value
    elif where == "benchmarks":
        document["benchmarks"] = value
    elif where == "entry":
        document["benchmarks"][0] = value
    elif where == "real_time":
        entry["real_time"] = value
    elif where == "params":
        entry["params"] = value
    else:
        for b in document["benchmarks"]:
            b["variant"] = text + MARKUP
    path = tmp_path_factory.mktemp("fuzz") / "results.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["validate", str(path)]) in (0, 2)
    assert main(["compare", str(path), str(path)]) in (0, 1, 2)
    # The last-resort handler did not have to step in: each problem was found where
    # the data enters.
    assert SAFETY_NET not in capsys.readouterr().err


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(min_size=1, max_size=40))
def test_random_names_render_as_inert_text(tmp_path_factory, text):
    valid = _valid(Path(__file__).with_name("data") / "iteration-sample.json")
    document = json.loads(json.dumps(valid))
    for b in document["benchmarks"]:
        b["variant"] = text + MARKUP
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "results.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = folder / "report.html"
    code = main(["render", str(path), "-o", str(out)])
    assert code in (0, 2)
    if code == 0:
        assert MARKUP not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["validate", "render", "compare"])
def test_a_missing_file_is_one_line(tmp_path, command, capsys):
    args = {"validate": [str(tmp_path / "none.json")],
            "render": [str(tmp_path / "none.json"), "-o", str(tmp_path / "r.html")],
            "compare": [str(tmp_path / "none.json"), str(tmp_path / "none.json")]}[command]
    assert main([command, *args]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
