"""The results store: every run's metadata and one summary per benchmark (median, range,
the median of each process; the raw repetitions when asked), in SQLite by default (a file
path or sqlite:///path) or PostgreSQL (postgresql://...). CI appends one run per commit with
`store add` and draws `history --store` from it, instead of parsing every results file of
a folder on every render.

The schema is versioned (the `store_meta` table) and brought up to date by MIGRATIONS when a
store is opened, like the results format's upgrades. Writers may run in parallel: SQLite
runs in WAL mode with a busy timeout and takes its write lock up front (BEGIN IMMEDIATE);
PostgreSQL uses a transaction per `add` and an advisory lock while migrating. A run is
identified by its file's content hash, so adding the same file twice keeps one copy."""

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from . import results as results_module
from .history import MachineHistory, Point, Run, Series, find_steps, machine_label

SCHEMA_VERSION = 1

# Version -> statements that bring a store from version - 1 to it. `{id}` is the dialect's
# auto-numbered key, `{float}` its double.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE runs (
             id {id},
             content_hash TEXT NOT NULL UNIQUE,
             machine TEXT NOT NULL,
             git_sha TEXT NOT NULL,
             git_commit_date TEXT NOT NULL,
             run_date TEXT NOT NULL,
             profile TEXT NOT NULL,
             measure TEXT NOT NULL,
             source TEXT NOT NULL,
             added TEXT NOT NULL,
             context TEXT NOT NULL)""",
        "CREATE INDEX runs_by_machine ON runs (machine, git_commit_date, run_date)",
        """CREATE TABLE results (
             run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
             name TEXT NOT NULL,
             suite TEXT NOT NULL,
             case_name TEXT NOT NULL,
             variant TEXT NOT NULL,
             model TEXT NOT NULL,
             status TEXT NOT NULL,
             verified INTEGER NOT NULL,
             median {float},
             low {float},
             high {float},
             process_medians TEXT,
             counters TEXT,
             samples TEXT,
             identity TEXT NOT NULL,
             PRIMARY KEY (run_id, name))""",
        "CREATE INDEX results_by_name ON results (name)",
    ],
}

_DIALECT = {
    "sqlite": {"id": "INTEGER PRIMARY KEY", "float": "REAL"},
    "postgresql": {"id": "BIGSERIAL PRIMARY KEY", "float": "DOUBLE PRECISION"},
}


class StoreError(Exception):
    """A store that cannot be opened, is newer than this package, or refused a file."""


@dataclass
class Added:
    path: str
    run_id: int
    new: bool  # False: the same file was in the store already


class Store:
    def __init__(self, url: str):
        self.url = url
        if url.startswith(("postgresql://", "postgres://")):
            self.dialect = "postgresql"
            try:
                import psycopg2  # type: ignore[import]  # python3-psycopg2, only for PostgreSQL URLs
            except ImportError as e:
                raise StoreError(f"{url}: PostgreSQL needs psycopg2 (Debian package python3-psycopg2)") from e
            try:
                self.connection: Any = psycopg2.connect(url)
            except psycopg2.Error as e:
                raise StoreError(f"cannot connect to {_redacted(url)}: {str(e).strip()}") from e
        else:
            self.dialect = "sqlite"
            path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
            if Path(path).is_dir():
                raise StoreError(f"{path} is a folder: a SQLite store is a file")
            try:
                # Autocommit mode: transactions are begun and ended here, explicitly.
                self.connection = sqlite3.connect(path, timeout=60, isolation_level=None)
                self.connection.execute("PRAGMA journal_mode=WAL")
                self.connection.execute("PRAGMA busy_timeout=60000")
                self.connection.execute("PRAGMA foreign_keys=ON")
            except sqlite3.Error as e:
                raise StoreError(f"cannot open the store {path}: {e}") from e
        self._migrate()

    # --- plumbing ---------------------------------------------------------------------
    def _sql(self, statement: str) -> str:
        statement = statement.format(**_DIALECT[self.dialect])
        return statement.replace("?", "%s") if self.dialect == "postgresql" else statement

    def _begin(self) -> Any:
        cursor = self.connection.cursor()
        if self.dialect == "sqlite":
            cursor.execute("BEGIN IMMEDIATE")  # the write lock now, not at the first write
        return cursor

    def _commit(self) -> None:
        self.connection.commit() if self.dialect == "postgresql" else self.connection.execute("COMMIT")

    def _rollback(self) -> None:
        try:
            self.connection.rollback() if self.dialect == "postgresql" else self.connection.execute("ROLLBACK")
        except Exception:  # nothing to roll back
            pass

    def close(self) -> None:
        self.connection.close()

    def version(self) -> int:
        cursor = self.connection.cursor()
        try:
            cursor.execute(self._sql("SELECT value FROM store_meta WHERE key = 'schema_version'"))
            row = cursor.fetchone()
        except (sqlite3.Error, Exception):
            self._rollback()
            return 0
        if self.dialect == "postgresql":
            self.connection.commit()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        if self.version() == SCHEMA_VERSION:
            return
        cursor = self._begin()
        try:
            if self.dialect == "postgresql":
                cursor.execute("SELECT pg_advisory_xact_lock(724581)")  # one migrator at a time
            cursor.execute(self._sql(MIGRATIONS[1][0]))  # store_meta, where the version is kept
            cursor.execute(self._sql("SELECT value FROM store_meta WHERE key = 'schema_version'"))
            row = cursor.fetchone()
            current = int(row[0]) if row else 0
            if current > SCHEMA_VERSION:
                raise StoreError(f"{_redacted(self.url)} is a version {current} store; this idiombench-report "
                                 f"reads up to version {SCHEMA_VERSION}: upgrade idiombench-report")
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version]:
                    cursor.execute(self._sql(statement))
            cursor.execute(self._sql("DELETE FROM store_meta WHERE key = 'schema_version'"))
            cursor.execute(self._sql("INSERT INTO store_meta (key, value) VALUES ('schema_version', ?)"),
                           (str(SCHEMA_VERSION),))
            self._commit()
        except BaseException:
            self._rollback()
            raise

    # --- writing ------------------------------------------------------------------------
    def add(self, paths: Sequence[str], raw: bool = False) -> list[Added]:
        """Adds every file or none: each is read and checked first, and one that cannot be
        read leaves the store as it was (StoreError naming it)."""
        loaded = []
        for path in paths:
            try:
                content = Path(path).read_bytes()
                results = results_module.load(path)
            except (OSError, results_module.ResultsError) as e:
                raise StoreError(f"refused {path}: {e}".splitlines()[0]) from e
            if not any(b.timed for b in results.benchmarks):
                raise StoreError(f"refused {path}: no timed benchmark in it")
            loaded.append((path, hashlib.sha256(content).hexdigest(), results))
        added = []
        cursor = self._begin()
        try:
            for path, content_hash, results in loaded:
                added.append(self._insert(cursor, path, content_hash, results, raw))
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return added

    def _insert(self, cursor: Any, path: str, content_hash: str, results: results_module.Results,
                raw: bool) -> Added:
        cursor.execute(self._sql("SELECT id FROM runs WHERE content_hash = ?"), (content_hash,))
        row = cursor.fetchone()
        if row:
            return Added(path, int(row[0]), new=False)
        meta = results.meta
        context = {k: v for k, v in results.context.items()}
        cursor.execute(self._sql(
            "INSERT INTO runs (content_hash, machine, git_sha, git_commit_date, run_date, profile, measure, "
            "source, added, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            (content_hash, machine_label(meta), str(meta.get("git_sha", "?")),
             str(meta.get("git_commit_date") or ""), str(results.context.get("date", "")),
             str(meta.get("profile", "")), str(meta.get("measure", "time")), str(path),
             datetime.now(timezone.utc).isoformat(timespec="seconds"), json.dumps(context, sort_keys=True)))
        run_id = int(cursor.fetchone()[0])
        rows = []
        for b in results.benchmarks:
            low = median = high = None
            if b.timed:
                low, median, high = b.span()
            identity = {"params": b.params, "shared_params": b.shared_params, "reason": b.reason,
                        "question": b.question, "baseline": b.baseline, "item": b.item,
                        "counterpart": b.counterpart, "code_fingerprint": b.code_fingerprint,
                        "limit_value": b.limit_value, "limit_measured_by": b.limit_measured_by, "exact": b.exact}
            rows.append((run_id, b.run_name, b.suite, b.case, b.variant, b.model, b.status, int(b.verified),
                         median, low, high,
                         json.dumps(b.process_medians()) if b.timed else None,
                         json.dumps(b.counters, sort_keys=True) if b.counters else None,
                         json.dumps(b.processes) if raw and b.samples else None,
                         json.dumps(identity, sort_keys=True)))
        cursor.executemany(self._sql(
            "INSERT INTO results (run_id, name, suite, case_name, variant, model, status, verified, median, low, "
            "high, process_medians, counters, samples, identity) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), rows)
        return Added(path, run_id, new=True)

    # --- reading ------------------------------------------------------------------------
    def runs(self) -> list[dict[str, Any]]:
        """Every run, per machine in history order (commit date, else run date, then sha)."""
        cursor = self.connection.cursor()
        cursor.execute(self._sql(
            "SELECT id, machine, git_sha, git_commit_date, run_date, profile, source FROM runs "
            "ORDER BY machine, CASE WHEN git_commit_date = '' THEN run_date ELSE git_commit_date END, "
            "run_date, git_sha"))
        keys = ("id", "machine", "sha", "commit_date", "run_date", "profile", "source")
        found = [dict(zip(keys, row)) for row in cursor.fetchall()]
        self._end_read()
        return found

    def series(self, run_ids: Sequence[int]) -> list[Series]:
        """The timed benchmarks of these runs (in this order) as time series."""
        order = {run_id: i for i, run_id in enumerate(run_ids)}
        runs = {r["id"]: r for r in self.runs() if r["id"] in order}
        by_name: dict[str, list[tuple[int, Point]]] = {}
        cursor = self.connection.cursor()
        for chunk in _chunks(list(run_ids), 500):
            marks = ", ".join("?" for _ in chunk)
            cursor.execute(self._sql(
                f"SELECT run_id, name, median, low, high FROM results "
                f"WHERE median IS NOT NULL AND run_id IN ({marks})"), tuple(chunk))
            for run_id, name, median, low, high in cursor.fetchall():
                run = runs[run_id]
                point = Point(str(run["sha"]), str(run["commit_date"] or run["run_date"]), median, low, high)
                by_name.setdefault(name, []).append((order[run_id], point))
        self._end_read()
        return [Series(name, [p for _, p in sorted(points, key=lambda x: x[0])])
                for name, points in by_name.items()]

    def find(self, selector: str) -> dict[str, Any]:
        """The run a selector names: its id in the store, or a prefix (4+ characters) of its
        git sha that names one run."""
        runs = self.runs()
        if selector.isdigit():
            found = [r for r in runs if r["id"] == int(selector)]
        elif len(selector) >= 4:
            found = [r for r in runs if str(r["sha"]).startswith(selector)]
        else:
            found = []
        if len(found) != 1:
            many = f"{len(found)} runs" if found else "no run"
            raise StoreError(f"{many} in {_redacted(self.url)} match '{selector}': give a run id "
                             "(`store list`) or a longer sha prefix")
        return found[0]

    def results(self, selector: str, need_repetitions: bool = False) -> results_module.Results:
        """A run as the files' reader gives it. Without its repetitions (added without --raw)
        each process is represented by its median, which is what `compare` tests."""
        run = self.find(selector)
        cursor = self.connection.cursor()
        cursor.execute(self._sql("SELECT context FROM runs WHERE id = ?"), (run["id"],))
        context = json.loads(cursor.fetchone()[0])
        cursor.execute(self._sql(
            "SELECT name, suite, case_name, variant, model, status, verified, process_medians, counters, samples, "
            "identity FROM results WHERE run_id = ? ORDER BY name"), (run["id"],))
        rows = cursor.fetchall()
        self._end_read()
        benchmarks = []
        for name, suite, case, variant, model, status, verified, medians, counters, samples, identity in rows:
            extra = json.loads(identity)
            b = results_module.Benchmark(
                run_name=name, suite=suite, case=case, variant=variant, model=model, status=status,
                verified=bool(verified), params=extra["params"], shared_params=extra["shared_params"],
                reason=extra["reason"], question=extra["question"], baseline=extra["baseline"], item=extra["item"],
                counterpart=extra["counterpart"], code_fingerprint=extra["code_fingerprint"],
                limit_value=extra["limit_value"], limit_measured_by=extra["limit_measured_by"],
                exact=extra["exact"], counters=json.loads(counters) if counters else {})
            if samples:
                for process, values in json.loads(samples).items():
                    for value in values:
                        b.add(float(value), int(process))
            elif medians:
                if need_repetitions:
                    raise StoreError(f"run {run['id']} was added without its repetitions (store add --raw): "
                                     "render its results file, or add it again with --raw")
                for process, value in json.loads(medians).items():
                    b.add(float(value), int(process))
            benchmarks.append(b)
        # Stored runs were read (and upgraded) by the results reader: idiombench's format.
        written = int(context.get("idiombench", {}).get("schema_version", 3))
        return results_module.Results(path=f"store run {run['id']} ({run['source']})", context=context,
                                      benchmarks=benchmarks, written_in=written)

    def _end_read(self) -> None:
        if self.dialect == "postgresql":
            self.connection.commit()  # end the read transaction psycopg2 opened


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _redacted(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}" if ":" in credentials else url
    return url


def machine_histories(store: Store, min_step: float = 0.05) -> list[MachineHistory]:
    """Each machine's runs in history order and their series, with steps found."""
    by_machine: dict[str, list[dict[str, Any]]] = {}
    for run in store.runs():
        by_machine.setdefault(run["machine"], []).append(run)
    out = []
    for label, runs in by_machine.items():
        series = find_steps(store.series([r["id"] for r in runs]), min_step)
        out.append(MachineHistory(label, [Run(str(r["sha"]), str(r["commit_date"] or r["run_date"]),
                                              f"store run {r['id']} ({r['source']})") for r in runs], series))
    return out


def open_store(url: Optional[str]) -> Store:
    if not url:
        raise StoreError("no store given (--store PATH or postgresql://...)")
    return Store(url)
