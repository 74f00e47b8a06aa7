"""experiment: false alarms and detection counted from synthetic ab sessions laid out
as ci/gate-experiment.sh writes them."""

import numpy as np

from idiombench_report.cli import main
from idiombench_report.experiment import analyse

from synthetic import ab_session


def session(load_json, write_json, folder, seed, slow_factor=1.0, slowed="slow/"):
    rng = np.random.default_rng(seed)
    base, cand = {}, {}
    for i in range(12):
        name = f"{'slow/' if i < 4 else 'same/'}case/v{i}"
        phase = np.exp(rng.normal(0, 0.05, 10))  # shared by both processes of a pair
        factor = slow_factor if name.startswith(slowed) else 1.0
        base[name] = [[100 * f * np.exp(rng.normal(0, 0.01))] for f in phase]
        cand[name] = [[100 * factor * f * np.exp(rng.normal(0, 0.01))] for f in phase]
    b, c = ab_session(base, cand, load_json)
    for doc in (b, c):
        doc["context"]["idiombench"]["ab"]["session"] = f"{seed:016x}"
    write_json(b, f"{folder}/baseline.json")
    write_json(c, f"{folder}/candidate.json")


def test_counts_false_alarms_and_detections(tmp_path, load_json, write_json):
    for i in (1, 2, 3):
        (tmp_path / f"aa-{i}").mkdir()
        session(load_json, write_json, f"aa-{i}", seed=i)
    for i in (1, 2):
        (tmp_path / f"slow-{i}").mkdir()
        session(load_json, write_json, f"slow-{i}", seed=10 + i, slow_factor=1.10)
    lines, figures = analyse(tmp_path, injected="^slow/")
    assert figures["aa_sessions"] == 3 and figures["aa_tested"] == 36
    assert figures["aa_flagged"] == 0 and figures["aa_exit_0"] == 3
    # Each A/A session's case (its 12 benchmarks) pooled as a gate pools a changed case.
    assert figures["aa_cases_tested"] == 3 and figures["aa_cases_flagged"] == 0
    assert any("cases pooled as if changed" in line for line in lines)
    assert figures["unpaired_tested"] == 36
    assert figures["detection"][1.20] == 1.0, "a 20% shift over 5% shared noise is always caught"
    assert figures["real_total"] == 8 and figures["real_flagged"] == 8
    assert figures["real_sessions_caught"] == 2
    assert any("x1.10" in line for line in lines)


def test_cli_says_when_there_is_nothing_to_analyse(tmp_path, capsys):
    assert main(["experiment", str(tmp_path)]) == 0
    assert "no sessions" in capsys.readouterr().out


def test_sessions_are_summed_up_kind_by_kind(tmp_path, load_json, write_json):
    """ci/gate-experiment.sh's kinds: A/A ones count false alarms, slow ones detection of
    the slowed benchmarks apart from false alarms elsewhere; phases.txt gives wall times;
    an aa-relink session also stands for the plain gate (its first 10 pairs)."""
    for kind, factor in (("aa-unrelated", 1.0), ("slow10", 1.10), ("aa-relink", 1.0)):
        for i in (1, 2):
            folder = f"{kind}-{i}"
            (tmp_path / folder).mkdir()
            session(load_json, write_json, folder, seed=100 * i + len(kind), slow_factor=factor)
            (tmp_path / folder / "phases.txt").write_text(f"build: this tree   12 s\ntotal   {60 * i} s\n")
    lines, figures = analyse(tmp_path, injected="^slow/")
    kinds = figures["kinds"]
    assert set(kinds) == {"aa-unrelated", "slow10", "aa-relink"}
    assert kinds["aa-unrelated"]["timed"] == 24 and kinds["aa-unrelated"]["flagged"] == 0
    assert kinds["aa-unrelated"]["exit_0"] == 2
    assert kinds["aa-unrelated"]["slowed"] == 0, "only slow kinds have slowed benchmarks"
    assert kinds["slow10"]["slowed"] == 8 and kinds["slow10"]["slowed_flagged"] == 8
    assert kinds["slow10"]["timed"] == 16 and kinds["slow10"]["flagged"] == 0
    assert kinds["slow10"]["wall_seconds"] == [60.0, 120.0]
    assert kinds["aa-relink"]["plain_timed"] == 24
    assert kinds["slow10"]["plain_slowed_flagged"] == 8
    assert any(line.startswith("slow10: 2 sessions") for line in lines)
    assert any("the plain gate in the same sessions" in line for line in lines)


def test_history_sessions_are_real_changes_not_false_alarms(tmp_path, load_json, write_json):
    """A real pair of commits may change what it measures: its flags are counted and said
    to be possibly true, never taken for the injected slowdown."""
    (tmp_path / "history-1").mkdir()
    session(load_json, write_json, "history-1", seed=7, slow_factor=1.10)
    lines, figures = analyse(tmp_path, injected="^slow/")
    history = figures["kinds"]["history"]
    assert history["slowed"] == 0 and history["timed"] == 12
    assert history["flagged"] == 4, "the four changed benchmarks are flagged"
    assert history["broken"] == 0
    assert any("a flag may be true" in line and "4/12" in line for line in lines)


def test_a_variant_broken_by_a_real_pair_is_counted(tmp_path, load_json, write_json):
    """A benchmark that ran in the base and fails in the candidate has no test, but it is
    the gate's catch: counted apart from the tested rows."""
    (tmp_path / "history-1").mkdir()
    session(load_json, write_json, "history-1", seed=8)
    path = tmp_path / "history-1" / "candidate.json"
    doc = load_json(path)
    broken = [e for e in doc["benchmarks"] if e["name"] == "same/case/v5"]
    doc["benchmarks"] = [e for e in doc["benchmarks"] if e["name"] != "same/case/v5"]
    doc.setdefault("untimed", []).append(dict(
        {k: v for k, v in broken[0].items() if k != "process_index"}, status="failed", verified=False,
        reason="threw an exception: KeyError", error_occurred=True, error_message="KeyError"))
    write_json(doc, path)
    lines, figures = analyse(tmp_path)
    assert figures["kinds"]["history"]["broken"] == 1
    assert any("failed in the candidate: 1" in line for line in lines)


def test_a_slowed_gate_that_could_not_decide_is_not_counted_as_a_pass(tmp_path, load_json, write_json):
    """A slowed benchmark whose interval ended wide of the target, unflagged, makes the gate
    exit 3 ("could not decide"); the summary must not count that gate among those exiting 0."""
    rng = np.random.default_rng(5)
    base = {"slow/case/v0": [[100 * np.exp(rng.normal(0, 0.2))] for _ in range(6)]}
    cand = {"slow/case/v0": [[105 * np.exp(rng.normal(0, 0.2))] for _ in range(6)]}
    b, c = ab_session(base, cand, load_json)
    for side, doc in enumerate((b, c)):
        doc["context"]["idiombench"]["ab"]["target"] = 0.03
        for e in doc["benchmarks"]:
            e["code_fingerprint"] = ("00000000000000aa", "00000000000000bb")[side]
    (tmp_path / "slow5-1").mkdir()
    write_json(b, "slow5-1/baseline.json")
    write_json(c, "slow5-1/candidate.json")
    lines, figures = analyse(tmp_path, injected="^slow/")
    slow5 = figures["kinds"]["slow5"]
    assert slow5["slowed"] == 1 and slow5["slowed_flagged"] == 0
    assert slow5["exit_0"] == 0, "an undecided gate exits 3, not 0"
