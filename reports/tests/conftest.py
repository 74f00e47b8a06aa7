import copy
import json
from pathlib import Path

import pytest

DATA = Path(__file__).with_name("data")


@pytest.fixture
def iteration_results():
    return DATA / "iteration-sample.json"


@pytest.fixture
def selftest_results():
    return DATA / "selftest-sample.json"


@pytest.fixture
def load_json():
    def load(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return load


@pytest.fixture
def write_json(tmp_path):
    def write(document, name="results.json"):
        path = tmp_path / name
        path.write_text(json.dumps(copy.deepcopy(document)), encoding="utf-8")
        return path
    return write
