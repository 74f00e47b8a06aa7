"""The results store: SQLite (a file) and a real PostgreSQL server started here (Debian's
`postgresql`; those tests are skipped, with the reason, where it cannot start)."""

import json
import multiprocessing
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from idiombench_report import store as store_module
from idiombench_report.cli import main

SAMPLE = Path(__file__).with_name("data") / "concurrency-sample.json"


def write_runs(folder: Path, count: int, step_at: int = 8, factor: float = 1.5) -> str:
    """`count` runs of one machine, one per commit; the first benchmark `factor` slower
    from run `step_at` on. Returns that benchmark's name."""
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    victim = sample["benchmarks"][0]["run_name"]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        document = json.loads(json.dumps(sample))
        document["context"]["idiombench"]["git_sha"] = f"{i:02d}" + "c0ffee" * 6
        document["context"]["idiombench"]["git_commit_date"] = f"2026-11-{i + 1:02d}T12:00:00+00:00"
        for entry in document["benchmarks"]:
            if entry["run_name"] == victim and entry.get("real_time") is not None:
                entry["real_time"] *= factor if i >= step_at else 1.0
        (folder / f"run-{i:02d}.json").write_text(json.dumps(document), encoding="utf-8")
    return victim


def run_count(url: str) -> int:
    store = store_module.open_store(url)
    try:
        return len(store.runs())
    finally:
        store.close()


# --- a real PostgreSQL, started for these tests --------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _postgres_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.skip("no PostgreSQL server here (Debian package postgresql; ci/install-deps.sh --tests)")
    return found[-1].parent


@pytest.fixture(scope="module")
def postgres():
    """A throwaway server on a Unix socket and a free port, as the `postgres` user when
    the tests run as root (the server refuses root). Yields a URL factory: one database
    per test."""
    pytest.importorskip("psycopg2", reason="python3-psycopg2 is not installed")
    bin_dir = _postgres_bin()
    root = Path(tempfile.mkdtemp(prefix="idiombench-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: cannot start PostgreSQL as another user")
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    init = subprocess.run(as_user + [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
                          capture_output=True, text=True)
    if init.returncode != 0:
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    server = subprocess.Popen(
        as_user + [str(bin_dir / "postgres"), "-D", str(data), "-k", str(sockets), "-p", str(port),
                   "-c", "listen_addresses=", "-c", "fsync=off"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    import psycopg2
    admin_url = f"postgresql://postgres@/postgres?host={sockets}&port={port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg2.connect(admin_url).close()
            break
        except psycopg2.OperationalError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.skip(f"PostgreSQL did not start: {(server.stderr.read() if server.stderr else '')[-300:]}")
            time.sleep(0.2)
    counter = iter(range(1000))

    def new_database() -> str:
        name = f"store{next(counter)}"
        connection = psycopg2.connect(admin_url)
        connection.autocommit = True
        connection.cursor().execute(f"CREATE DATABASE {name}")
        connection.close()
        return f"postgresql://postgres@/{name}?host={sockets}&port={port}"

    yield new_database
    server.terminate()
    server.wait(timeout=30)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return request.getfixturevalue("postgres")()


# --- behaviour, on both ----------------------------------------------------------------------
def test_added_runs_make_the_same_history_as_the_folder(tmp_path, store_url, capsys):
    victim = write_runs(tmp_path / "runs", 12)
    files = sorted(str(p) for p in (tmp_path / "runs").glob("*.json"))
    assert main(["store", "add", *files[:6], "--store", store_url]) == 0
    assert main(["store", "add", *files[6:], "--store", store_url]) == 0
    assert run_count(store_url) == 12
    from_folder, from_store = tmp_path / "folder.html", tmp_path / "store.html"
    assert main(["history", str(tmp_path / "runs"), "-o", str(from_folder)]) == 0
    assert main(["history", "--store", store_url, "-o", str(from_store)]) == 0

    def regressions(page: Path) -> str:
        return page.read_text(encoding="utf-8").split("<strong>Regressions</strong>")[1].split("</table>")[0]

    assert victim in regressions(from_store)
    assert "07c0ffee" in regressions(from_store) and "08c0ffee" in regressions(from_store)
    assert regressions(from_store) == regressions(from_folder), "the same regressions either way"


def test_the_same_file_twice_is_one_run(tmp_path, store_url, capsys):
    write_runs(tmp_path / "runs", 1)
    only = str(tmp_path / "runs" / "run-00.json")
    assert main(["store", "add", only, "--store", store_url]) == 0
    assert main(["store", "add", only, "--store", store_url]) == 0
    assert "already in the store" in capsys.readouterr().out
    assert run_count(store_url) == 1


def test_a_bad_file_is_refused_in_one_line_and_nothing_is_added(tmp_path, store_url, capsys):
    write_runs(tmp_path / "runs", 2)
    bad = tmp_path / "bad.json"
    bad.write_text('{"context": {"idiombench": {}}, "benchmarks": [', encoding="utf-8")
    good = [str(p) for p in sorted((tmp_path / "runs").glob("*.json"))]
    assert main(["store", "add", good[0], "--store", store_url]) == 0
    capsys.readouterr()
    assert main(["store", "add", good[1], str(bad), "--store", store_url]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("idiombench-report: error: refused") and str(bad) in err
    assert len(err.splitlines()) == 1, err
    assert run_count(store_url) == 1, "the good file of the refused batch was not added either"


def test_raw_repetitions_are_kept_only_when_asked(tmp_path, store_url):
    write_runs(tmp_path / "runs", 2)
    files = [str(p) for p in sorted((tmp_path / "runs").glob("*.json"))]
    store = store_module.open_store(store_url)
    try:
        store.add(files[:1])
        store.add(files[1:], raw=True)
        cursor = store.connection.cursor()
        cursor.execute("SELECT run_id, COUNT(samples), COUNT(median) FROM results GROUP BY run_id ORDER BY run_id")
        (first, first_samples, first_timed), (second, second_samples, second_timed) = cursor.fetchall()
        store._end_read()
    finally:
        store.close()
    assert first_samples == 0 and first_timed > 0
    assert second_samples == second_timed > 0


def _add_in_a_process(url: str, path: str, queue) -> None:
    try:
        store = store_module.open_store(url)
        store.add([path])
        store.close()
        queue.put("ok")
    except Exception as e:  # reported to the test
        queue.put(repr(e))


def test_parallel_writers_lose_nothing(tmp_path, store_url):
    write_runs(tmp_path / "runs", 8)
    files = [str(p) for p in sorted((tmp_path / "runs").glob("*.json"))]
    store_module.open_store(store_url).close()  # created (and migrated) once
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    writers = [context.Process(target=_add_in_a_process, args=(store_url, f, queue)) for f in files]
    for w in writers:
        w.start()
    for w in writers:
        w.join(timeout=120)
    outcomes = [queue.get(timeout=10) for _ in writers]
    assert outcomes == ["ok"] * len(files)
    assert run_count(store_url) == len(files)


# --- the schema's versions ---------------------------------------------------------------------
def test_a_new_store_is_at_the_current_version_and_a_newer_one_is_refused(tmp_path):
    path = tmp_path / "store.sqlite"
    store = store_module.open_store(str(path))
    assert store.version() == store_module.SCHEMA_VERSION
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(store_module.StoreError, match="version 99 store"):
        store_module.open_store(str(path))


def test_a_store_that_is_not_one_is_one_clear_error(tmp_path, capsys):
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("hello, this is not SQLite\n" * 100, encoding="utf-8")
    write_runs(tmp_path / "runs", 1)
    assert main(["store", "add", str(tmp_path / "runs" / "run-00.json"), "--store", str(not_a_database)]) == 2
    assert "idiombench-report: error:" in capsys.readouterr().err
    assert main(["store", "list", "--store", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_history_wants_a_folder_or_a_store(tmp_path, capsys):
    assert main(["history", "-o", str(tmp_path / "h.html")]) == 2
    assert "a folder of results files or --store" in capsys.readouterr().err
    empty = tmp_path / "empty.sqlite"
    assert main(["history", "--store", str(empty), "-o", str(tmp_path / "h.html")]) == 2
    assert "holds no runs" in capsys.readouterr().err


def test_compare_and_render_read_runs_from_the_store(tmp_path, store_url, capsys):
    victim = write_runs(tmp_path / "runs", 12)
    files = sorted(str(p) for p in (tmp_path / "runs").glob("*.json"))
    assert main(["store", "add", *files, "--raw", "--store", store_url]) == 0
    capsys.readouterr()
    # The same comparison from the files and from the store: run 07 (good) against 08 (slow).
    assert main(["compare", files[7], files[8], "--format", "json", "--allow-insufficient"]) in (0, 1)
    from_files = json.loads(capsys.readouterr().out)
    assert main(["compare", "07c0ffee", "08c0ffee", "--store", store_url, "--format", "json",
                 "--allow-insufficient"]) in (0, 1)
    from_store = json.loads(capsys.readouterr().out)

    def rows(report):
        return [(b["name"], b["verdict"], b["ratio"]) for b in report["benchmarks"]]

    assert rows(from_store) == rows(from_files) and len(rows(from_store)) > 10
    page = tmp_path / "from-store.html"
    assert main(["render", "08c0ffee", "--store", store_url, "-o", str(page)]) == 0
    assert victim.split("/")[2] in page.read_text(encoding="utf-8")
    assert main(["render", "c0ffee", "--store", store_url, "-o", str(page)]) == 2
    assert "no run in" in capsys.readouterr().err, "a selector that names no run"


def test_render_from_a_store_wants_the_repetitions(tmp_path, capsys):
    write_runs(tmp_path / "runs", 1)
    url = str(tmp_path / "store.sqlite")
    assert main(["store", "add", str(tmp_path / "runs" / "run-00.json"), "--store", url]) == 0
    assert main(["render", "1", "--store", url, "-o", str(tmp_path / "r.html")]) == 2
    assert "without its repetitions" in capsys.readouterr().err
