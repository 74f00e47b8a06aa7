"""Reading results written by older versions of idiombench: each format version has an
upgrade to the next, applied on read, so that every old file stays readable after the
format changes. A file from a newer idiombench than this reader is refused by name.

Version 1 -> 2: execution models became open (any well-formed name; the schema no
longer lists them), throughput reports bytes read and written apart (version-1 files
only have their sum, bytes_per_second, which stays), and each entry says which of its
params it shares with its case's baseline (`shared_params`; for a version-1 file they
are inferred here from the params of the baseline's own entries).

Version 2 -> 3: untimed entries (skipped, failed, crashed, timeout) moved out of
`benchmarks` into `untimed`, so that readers of Google Benchmark's format see only
figures; `threads` is the run's threads param; a skipped entry carries Google
Benchmark's `skipped` / `skip_message` instead of `error_occurred`.
"""

import copy
from typing import Any, Callable

CURRENT_VERSION = 3

Document = dict[str, Any]


class UpgradeError(Exception):
    """A results file whose version this reader cannot bring to the current one."""


def _entries(document: Document) -> list[dict[str, Any]]:
    """The benchmark entries that are objects (the schema reports the others)."""
    benchmarks = document.get("benchmarks")
    return [e for e in benchmarks if isinstance(e, dict)] if isinstance(benchmarks, list) else []


def _params(entry: dict[str, Any]) -> dict[str, Any]:
    params = entry.get("params")
    return params if isinstance(params, dict) else {}


def _case_of(entry: dict[str, Any]) -> tuple[str, str]:
    return str(entry.get("suite", "")), str(entry.get("case", ""))


def _shared_keys_of_version_1(benchmarks: list[dict[str, Any]]) -> dict[tuple[str, str], set[str]]:
    """Per case, the params keys of its baseline variant's entries. A case whose baseline
    did not run shares every key. (Version 2 files say it per entry: the harness decides
    it from the case's declaration.)"""
    keys: dict[tuple[str, str], set[str]] = {}
    for entry in benchmarks:
        if entry.get("variant") == entry.get("baseline"):
            keys.setdefault(_case_of(entry), set()).update(_params(entry))
    return keys


def _version_1_to_2(document: Document) -> Document:
    benchmarks = _entries(document)
    keys = _shared_keys_of_version_1(benchmarks)
    for entry in benchmarks:
        params = _params(entry)
        shared = keys.get(_case_of(entry), set(params))
        entry.setdefault("shared_params", {k: v for k, v in params.items() if k in shared})
    return document


def _version_2_to_3(document: Document) -> Document:
    entries = document.get("benchmarks")
    if not isinstance(entries, list):
        return document  # the schema reports it
    timed: list[Any] = []
    untimed: list[Any] = []
    for entry in entries:
        is_timed = not isinstance(entry, dict) or entry.get("status", "ok") == "ok"
        (timed if is_timed else untimed).append(entry)
        if not isinstance(entry, dict):
            continue
        threads = _params(entry).get("threads")
        if isinstance(threads, int) and not isinstance(threads, bool) and threads >= 1:
            entry["threads"] = threads
        if entry.get("status") == "skipped":
            entry.pop("error_occurred", None)
            entry.pop("error_message", None)
            entry.update(skipped=True, skip_message=str(entry.get("reason", "")))
    document["benchmarks"] = timed
    document["untimed"] = untimed + list(document.get("untimed") or [])
    return document


_UPGRADES: dict[int, Callable[[Document], Document]] = {1: _version_1_to_2, 2: _version_2_to_3}


def version_of(document: Any) -> Any:
    context = document.get("context") if isinstance(document, dict) else None
    idiombench = context.get("idiombench") if isinstance(context, dict) else None
    return idiombench.get("schema_version") if isinstance(idiombench, dict) else None


def upgrade(document: Document, source: str = "the file") -> tuple[Document, int]:
    """The document in the current format (a copy when it had to change), and the
    version it was written in."""
    version = version_of(document)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UpgradeError(f"{source} has no usable context.idiombench.schema_version ({version!r})")
    if version > CURRENT_VERSION:
        raise UpgradeError(
            f"{source} was written in results format version {version}, newer than this "
            f"reader's {CURRENT_VERSION}: use the idiombench-report of the idiombench that wrote it")
    written = version
    if version < CURRENT_VERSION:
        document = copy.deepcopy(document)
        while version < CURRENT_VERSION:
            document = _UPGRADES[version](document)
            version += 1
            document["context"]["idiombench"]["schema_version"] = version
        document["context"]["idiombench"]["upgraded_from"] = written
    return document, written
