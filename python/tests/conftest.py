"""One JVM and one Session for the whole pytest run (a JVM start costs seconds)."""
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "python"))


@pytest.fixture(scope="session")
def session():
    import catapult
    s = catapult.Session()
    yield s
    s.close()


@pytest.fixture(scope="session")
def repo():
    return REPO


def pytest_report_header(config):
    return f"catapult home: {os.environ.get('CATAPULT_HOME', REPO)}"
