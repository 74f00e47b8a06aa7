"""idiombench-report: `render` results as HTML, `compare` two runs, `validate` a file.

Exit status: 0 success; 1 a regression (compare), invalid results (validate) or not-ok
benchmarks (validate --require-ok); 2 bad input (missing file, not JSON, bad
arguments, runs from different machines without --allow-cross-machine).
"""

import argparse
import sys

from . import compare as compare_module
from . import results as results_module
from . import history as history_module
from .render import render, render_history
from .samples import load_runs
from .schema import schema_errors


def _render(args):
    results = results_module.load(args.results[0])
    others = [results_module.load(path) for path in args.results[1:]]
    render(results, args.output, others)
    print(args.output)
    return 0


def _compare(args):
    if not 0 <= args.threshold < 10 or not 0 < args.alpha < 1:
        raise results_module.ResultsError("--threshold must be in [0, 10) and --alpha in (0, 1)")
    base, cand = load_runs(args.base), load_runs(args.candidate)
    if base.machine and cand.machine and base.machine != cand.machine and not args.allow_cross_machine:
        raise results_module.ResultsError(
            f"the runs come from different machines ({base.description}; {cand.description}): "
            "timings do not compare; pass --allow-cross-machine to compare them anyway")
    rows = compare_module.compare(base, cand, args.threshold, args.alpha, seed=args.seed)
    print(compare_module.FORMATS[args.format](rows, base, cand, args.threshold, args.alpha))
    return 1 if any(r.verdict == "regression" for r in rows) else 0


def _history(args):
    machines = history_module.load_directory(args.directory)
    render_history(machines, args.output, args.threshold)
    print(args.output)
    return 0


def _validate(args):
    status = 0
    for path in args.results:
        errors = schema_errors(results_module.read_json(path))
        if errors:
            print(f"{path}: INVALID", file=sys.stderr)
            for error in errors[:20]:
                print(f"  {error}", file=sys.stderr)
            status = 1
            continue
        if args.require_ok:
            loaded = results_module.load(path)
            bad = [b for b in loaded.benchmarks if b.status != "ok" or not b.verified]
            if not loaded.benchmarks:
                print(f"{path}: no benchmarks", file=sys.stderr)
                status = 1
            for b in bad:
                print(f"{path}: {b.run_name}: {b.status}: {b.reason}", file=sys.stderr)
                status = 1
        if status == 0:
            print(f"{path}: valid")
    return status


def main(argv=None):
    parser = argparse.ArgumentParser(prog="idiombench-report", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    render_command = commands.add_parser("render", help="write a self-contained HTML report")
    render_command.add_argument(
        "results", nargs="+",
        help="results JSON written by `idiombench run`; more files (other machines) add a hardware "
             "comparison against the first")
    render_command.add_argument("-o", "--output", default="report.html", help="HTML file to write")
    render_command.set_defaults(run=_render)

    compare_command = commands.add_parser(
        "compare", help="statistically compare a candidate run with a base run (exit 1 on a regression)")
    compare_command.add_argument("base", help="results JSON of the base (idiombench or Google Benchmark)")
    compare_command.add_argument("candidate", help="results JSON of the candidate")
    compare_command.add_argument("--threshold", type=float, default=0.05,
                                 help="smallest ratio change that counts (default 0.05: 5%%)")
    compare_command.add_argument("--alpha", type=float, default=0.01,
                                 help="significance level of the Mann-Whitney U test (default 0.01)")
    compare_command.add_argument("--format", choices=sorted(compare_module.FORMATS), default="text")
    compare_command.add_argument("--allow-cross-machine", action="store_true",
                                 help="compare runs from different machines")
    compare_command.add_argument("--seed", type=int, default=0, help="bootstrap seed (reproducible CIs)")
    compare_command.set_defaults(run=_compare)

    history_command = commands.add_parser(
        "history", help="time series of many runs per machine, with change points")
    history_command.add_argument("directory", help="a folder of results JSON files")
    history_command.add_argument("-o", "--output", default="history.html", help="HTML file to write")
    history_command.add_argument("--threshold", type=float, default=0.05,
                                 help="smallest relative step reported (default 0.05)")
    history_command.set_defaults(run=_history)

    validate_command = commands.add_parser("validate", help="check results against the schema")
    validate_command.add_argument("results", nargs="+")
    validate_command.add_argument("--require-ok", action="store_true",
                                  help="also fail unless every benchmark is ok and verified")
    validate_command.set_defaults(run=_validate)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except results_module.ResultsError as e:
        print(f"idiombench-report: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"idiombench-report: error: {e}", file=sys.stderr)
        return 2
