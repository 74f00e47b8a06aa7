"""idiombench-report: `render` results as HTML, `compare` two runs, `validate` a file.

Exit status: 0 success; 1 a regression (compare), invalid results (validate) or not-ok
benchmarks (validate --require-ok); 2 bad input (missing file, not JSON, bad
arguments, runs from different machines without --allow-cross-machine) or, for
compare, benchmarks that could not be tested (unless --allow-insufficient).
"""

import argparse
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Optional, Sequence

from . import __version__
from . import compare as compare_module
from . import results as results_module
from . import experiment as experiment_module
from . import export as export_module
from . import history as history_module
from . import store as store_module
from .render import render, render_history
from .schema import schema_errors
from .upgrade import UpgradeError, upgrade


MAX_RENDER_FILES = 100


def version_line() -> str:
    """"idiombench-report 0.1.0 (git <sha>)": the sha of the checkout the package runs
    from, if it runs from one (an installed package has none)."""
    try:
        sha = subprocess.run(["git", "-C", str(Path(__file__).parent), "rev-parse", "HEAD"],
                             capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha = ""
    return f"idiombench-report {__version__} ({'git ' + sha if sha else 'installed, not a git checkout'})"


def _render(args: argparse.Namespace) -> int:
    if len(args.results) > MAX_RENDER_FILES:
        raise results_module.ResultsError(
            f"{len(args.results)} files: render compares at most {MAX_RENDER_FILES} (one per machine, "
            "or several runs of one machine, which are merged)")
    if args.store:
        store = store_module.open_store(args.store)
        try:
            loaded = [store.results(selector, need_repetitions=True) for selector in args.results]
        finally:
            store.close()
    else:
        loaded = [results_module.load(path) for path in args.results]
    render(loaded[0], args.output, loaded[1:], args.reference, missing=args.missing)
    print(args.output)
    return 0


def _compare(args: argparse.Namespace) -> int:
    if (args.threshold is not None and not 0 <= args.threshold < 10) or not 0 < args.alpha < 1:
        raise results_module.ResultsError("--threshold must be in [0, 10) and --alpha in (0, 1)")
    if args.store:
        store = store_module.open_store(args.store)
        try:
            base, cand = store.results(args.base), store.results(args.candidate)
        finally:
            store.close()
    else:
        base, cand = results_module.load_any(args.base), results_module.load_any(args.candidate)
    # A run under emulation (qemu-user) has the emulator's times: never compared with a CPU's.
    # Two of one emulated machine (an `ab` session under qemu) compare, as emulated code.
    emulated = [str(side.meta.get("machine", {}).get("emulated", "")) if side.meta else "" for side in (base, cand)]
    if any(emulated) and (not all(emulated) or base.machine != cand.machine):
        side = base if emulated[0] else cand
        raise results_module.ResultsError(
            f"{side.path} ran under emulation ({emulated[0] or emulated[1]}): its times are the "
            "emulator's, not a CPU's, and are not compared with another machine's (its "
            "conformance results are in `render`)")
    if all(emulated):
        print("idiombench-report: both runs were made under emulation (qemu-user): the ratios "
              "describe emulated code, not a CPU", file=sys.stderr)
    if base.machine and cand.machine and base.machine != cand.machine and not args.allow_cross_machine:
        raise results_module.ResultsError(
            f"the runs come from different machines ({base.description}; {cand.description}): "
            "timings do not compare; pass --allow-cross-machine to compare them anyway")
    if base.measure != cand.measure:
        raise results_module.ResultsError(
            f"{base.path} measured {base.measure} but {cand.path} measured {cand.measure}: "
            "they do not compare")
    settings = compare_module.settings_for(base, cand, args.threshold, args.alpha, args.unpaired)
    rows = compare_module.compare(base, cand, settings)
    if args.format == "html":
        from .compare_html import format_html  # matplotlib only when a page is asked for
        print(format_html(rows, base, cand, settings))
    else:
        print(compare_module.FORMATS[args.format](rows, base, cand, settings))
    status = compare_module.gate_status(rows, args.allow_insufficient, args.allow_undecided)
    if status == 2:
        untested = [r for r in rows if r.verdict == "insufficient"]
        print(f"idiombench-report: error: {len(untested)} of {len(rows)} benchmarks could not be "
              f"tested ({untested[0].note}); the gate cannot pass on them "
              "(--allow-insufficient accepts that)", file=sys.stderr)
    elif status == 3:
        open_rows = compare_module.undecided(rows)
        print(f"idiombench-report: error: could not decide: {len(open_rows)} changed benchmarks "
              f"({open_rows[0].name}: {open_rows[0].note}); the gate cannot pass on them "
              "(--allow-undecided accepts that)", file=sys.stderr)
    return status


def _export(args: argparse.Namespace) -> int:
    text = export_module.WRITERS[args.format](results_module.load_any(args.results))
    if args.output == "-":
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(args.output)
    return 0


def _experiment(args: argparse.Namespace) -> int:
    lines, _ = experiment_module.analyse(args.directory, args.injected, args.threshold, args.alpha)
    print("\n".join(lines))
    return 0


def _history(args: argparse.Namespace) -> int:
    if args.commit_url is not None and (
            "{sha}" not in args.commit_url or not args.commit_url.startswith(("https://", "http://"))):
        raise results_module.ResultsError(
            "--commit-url must be an http(s) address with {sha} in it, e.g. https://github.com/ORG/REPO/commit/{sha}")
    if (args.directory is None) == (args.store is None):
        raise results_module.ResultsError("history takes a folder of results files or --store, one of them")
    unreadable: list[str] = []
    if args.store:
        store = store_module.open_store(args.store)
        try:
            machines = store_module.machine_histories(store, args.threshold)
        finally:
            store.close()
        if not machines:
            raise results_module.ResultsError(f"the store {args.store} holds no runs (store add FILES first)")
    else:
        history = history_module.load_directory(args.directory)
        machines = [history_module.from_results(label, runs, args.threshold)
                    for label, runs in history.machines.items()]
        unreadable = history.unreadable
    render_history(machines, args.output, args.threshold, args.commit_url)
    print(args.output)
    for problem in unreadable:
        print(f"idiombench-report: error: left out of the history: {problem}", file=sys.stderr)
    return 1 if unreadable else 0


def _store_add(args: argparse.Namespace) -> int:
    store = store_module.open_store(args.store)
    try:
        added = store.add(args.results, raw=args.raw)
    finally:
        store.close()
    for a in added:
        print(f"{a.path}: run {a.run_id}" + ("" if a.new else " (already in the store)"))
    return 0


def _store_list(args: argparse.Namespace) -> int:
    store = store_module.open_store(args.store)
    try:
        for run in store.runs():
            print(f"{run['id']:>6}  {run['machine']}  {str(run['sha'])[:12]:12}  "
                  f"{run['commit_date'] or run['run_date']}  {run['profile']}  {run['source']}")
    finally:
        store.close()
    return 0


def _validate(args: argparse.Namespace) -> int:
    """0: every file valid (and, with --require-ok, every benchmark ok; with --require-complete,
    every run ended rather than cut short); 2: a file is unreadable or breaks the schema, one
    line each; 1: valid files report failures or runs cut short."""
    status = 0
    for path in args.results:
        try:
            document = results_module.read_json(path)
        except results_module.ResultsError as e:
            print(f"idiombench-report: error: {e}", file=sys.stderr)
            status = 2
            continue
        written = current = None
        if not results_module.is_idiombench(document):
            errors = ["not an idiombench results file (no context.idiombench)"]
        else:
            try:
                document, written = upgrade(document, str(path))
                current = document["context"]["idiombench"]["schema_version"]
                errors = schema_errors(document)
            except UpgradeError as e:
                errors = [str(e)]
        if errors:
            print(f"{path}: INVALID: {results_module.first_of(errors)}", file=sys.stderr)
            status = 2
            continue
        if args.require_complete and document["context"]["idiombench"].get("complete") is False:
            count = sum(1 for b in document.get("benchmarks", []) if b.get("run_type") != "aggregate")
            print(f"{path}: cut short: the run did not end (killed, or out of time); "
                  f"{count} entries were written before", file=sys.stderr)
            status = max(status, 1)
        if args.require_ok:
            loaded = results_module.load(path)
            bad = [b for b in loaded.benchmarks if b.status != "ok" or not b.verified]
            if not loaded.benchmarks:
                print(f"{path}: no benchmarks", file=sys.stderr)
                status = max(status, 1)
            for b in bad:
                print(f"{path}: {b.run_name}: {b.status}: {b.reason}", file=sys.stderr)
                status = max(status, 1)
        if status == 0:
            older = f" (format version {written}, upgraded to {current} on read)" if written != current else ""
            print(f"{path}: valid{older}")
    return status


def _positive_mib(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]}") from None
    if not math.isfinite(value) or value <= 0 or value > 1 << 20:
        raise argparse.ArgumentTypeError("must be above 0 and at most 1048576 (MiB)")
    return value


def _one_line(text: str) -> str:
    if not text.strip() or len(text) > 500 or any(ord(c) < 0x20 for c in text):
        raise argparse.ArgumentTypeError("one line of 1 to 500 characters")
    return text


def _default_store() -> str:
    return os.environ.get("IDIOMBENCH_STORE") or "idiombench-store.sqlite"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="idiombench-report", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=version_line())
    parser.add_argument("--max-file-mib", type=_positive_mib,
                        default=results_module.DEFAULT_MAX_FILE_BYTES / (1 << 20),
                        help="refuse results files larger than this (default 64 MiB)")
    commands = parser.add_subparsers(dest="command", required=True)

    render_command = commands.add_parser("render", help="write a self-contained HTML report")
    render_command.add_argument(
        "results", nargs="+",
        help="results JSON written by `idiombench run`; more files (up to 100: other machines, or "
             "more runs of one, which are merged) add a hardware comparison")
    render_command.add_argument("-o", "--output", default="report.html", help="HTML file to write")
    render_command.add_argument(
        "--reference", metavar="MACHINE",
        help="with files from several machines: the machine the others are compared with "
             "(its --machine-label, its machine_id, a prefix of 4+ characters, or its host name; "
             "default: the first file's)")
    render_command.add_argument("--store", metavar="URL",
                                help="the RESULTS are runs of this store (run ids or git sha prefixes), "
                                     "added with --raw")
    render_command.add_argument(
        "--missing", metavar="'MACHINE: WHY'", action="append", default=[], type=_one_line,
        help="a machine that was meant to be in the comparison and has no results here, and why "
             "(ci/slurm/submit: a node that failed); named at the top of the report; repeatable")
    render_command.set_defaults(run=_render)

    export_command = commands.add_parser(
        "export", help="the results in another tool's format: Bencher, github-action-benchmark, CSV")
    export_command.add_argument("results", help="results JSON (idiombench's or Google Benchmark's)")
    export_command.add_argument("--format", required=True, choices=export_module.FORMATS,
                                help="bencher: Bencher Metric Format; github-action-benchmark: its "
                                     "customSmallerIsBetter JSON; csv: one row per benchmark")
    export_command.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    export_command.set_defaults(run=_export)

    compare_command = commands.add_parser(
        "compare",
        help="statistically compare a candidate run with a base run "
             "(exit 1 on a regression, 2 untestable, 3 undecided)")
    compare_command.add_argument("base", help="results JSON of the base (idiombench or Google Benchmark)")
    compare_command.add_argument("candidate", help="results JSON of the candidate")
    compare_command.add_argument(
        "--threshold", type=float, default=None,
        help="smallest ratio change that counts (default 0.03 for times, 0.005 for instruction counts)")
    compare_command.add_argument(
        "--alpha", type=float, default=compare_module.DEFAULT_ALPHA,
        help="false-discovery rate across the benchmarks (Benjamini-Hochberg; default 0.01)")
    compare_command.add_argument(
        "--allow-insufficient", action="store_true",
        help="exit 0 even when some benchmarks have too few processes to be tested")
    compare_command.add_argument(
        "--allow-undecided", action="store_true",
        help="exit 0 even when benchmarks whose code changed ended short of the session's target "
             "(exit 3 otherwise)")
    compare_command.add_argument(
        "--unpaired", action="store_true",
        help="ignore the pairing of an `ab` session (Welch's test on process medians)")
    compare_command.add_argument("--format", choices=sorted([*compare_module.FORMATS, "html"]), default="text")
    compare_command.add_argument("--allow-cross-machine", action="store_true",
                                 help="compare runs from different machines")
    compare_command.add_argument("--store", metavar="URL",
                                 help="BASE and CANDIDATE are runs of this store (run ids or git sha prefixes)")
    compare_command.set_defaults(run=_compare)

    history_command = commands.add_parser(
        "history", help="time series of many runs per machine, with change points")
    history_command.add_argument("directory", nargs="?", help="a folder of results JSON files")
    history_command.add_argument("--store", metavar="URL",
                                 help="draw the history from a results store instead (see `store`)")
    history_command.add_argument("-o", "--output", default="history.html", help="HTML file to write")
    history_command.add_argument("--threshold", type=float, default=0.05,
                                 help="smallest relative step reported (default 0.05)")
    history_command.add_argument("--commit-url", metavar="TEMPLATE",
                                 help="link each run and point to its commit: an address with {sha}, "
                                      "e.g. https://github.com/ORG/REPO/commit/{sha}")
    history_command.set_defaults(run=_history)

    store_command = commands.add_parser(
        "store", help="a results store (SQLite file or PostgreSQL) that keeps every run for history")
    store_commands = store_command.add_subparsers(dest="store_command", required=True)
    store_help = ("the store: a SQLite file (created if missing; sqlite:///PATH also works) or "
                  "postgresql://USER@HOST/DB (default: $IDIOMBENCH_STORE, else idiombench-store.sqlite)")
    store_add = store_commands.add_parser(
        "add", help="add results files to the store: all of them or, if one cannot be read, none")
    store_add.add_argument("results", nargs="+", help="results JSON written by `idiombench run`")
    store_add.add_argument("--store", default=_default_store(), help=store_help)
    store_add.add_argument("--raw", action="store_true",
                           help="keep every repetition too (default: per benchmark the median, range and "
                                "each process's median)")
    store_add.set_defaults(run=_store_add)
    store_list = store_commands.add_parser("list", help="the runs in the store, per machine in history order")
    store_list.add_argument("--store", default=_default_store(), help=store_help)
    store_list.set_defaults(run=_store_list)

    experiment_command = commands.add_parser(
        "experiment", help="false alarms and detection power of compare, from ci/gate-experiment.sh's sessions")
    experiment_command.add_argument("directory", help="the experiment's folder (aa-N/, slow-N/)")
    experiment_command.add_argument("--injected", default=None,
                                    help="regex of the benchmarks the slow build slowed down")
    experiment_command.add_argument("--threshold", type=float, default=None)
    experiment_command.add_argument("--alpha", type=float, default=compare_module.DEFAULT_ALPHA)
    experiment_command.set_defaults(run=_experiment)

    validate_command = commands.add_parser("validate", help="check results against the schema")
    validate_command.add_argument("results", nargs="+")
    validate_command.add_argument("--require-ok", action="store_true",
                                  help="also fail unless every benchmark is ok and verified")
    validate_command.add_argument("--require-complete", action="store_true",
                                  help="also fail unless the run ended (not killed or out of time "
                                       "while writing it)")
    validate_command.set_defaults(run=_validate)

    args = parser.parse_args(argv)
    results_module.max_file_bytes = int(args.max_file_mib * (1 << 20))
    try:
        return int(args.run(args))
    except (results_module.ResultsError, store_module.StoreError) as e:
        print(f"idiombench-report: error: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"idiombench-report: error: {e}", file=sys.stderr)
        return 2
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
            ZeroDivisionError, RecursionError) as e:
        # Data the checks above let through: still one line, never a traceback.
        print(f"idiombench-report: error: cannot use this input: {type(e).__name__}: "
              f"{' '.join(str(e).split())[:160]}", file=sys.stderr)
        return 2
