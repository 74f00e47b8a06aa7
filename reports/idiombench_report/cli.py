"""idiombench-report: `render` a results file as HTML, `validate` it against the schema.

Exit status: 0 success, 1 invalid results (validate) or not-ok benchmarks
(validate --require-ok), 2 bad input (missing file, not JSON, bad arguments).
"""

import argparse
import sys

from . import results as results_module
from .render import render
from .schema import schema_errors


def _render(args):
    results = results_module.load(args.results)
    render(results, args.output)
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
    render_command.add_argument("results", help="results JSON written by `idiombench run`")
    render_command.add_argument("-o", "--output", default="report.html", help="HTML file to write")
    render_command.set_defaults(run=_render)

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
