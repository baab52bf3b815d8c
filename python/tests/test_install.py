"""Installing the package with pip into a virtual environment, and finding the jars."""
import os
import subprocess
import sys
import venv

import pytest

from catapult import _jvm


def test_pip_install_then_import_from_anywhere(repo, tmp_path):
    env_dir = tmp_path / "env"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CATAPULT_HOME")}
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                              "--no-deps", "--no-build-isolation", str(repo / "python")],
                             env=env, capture_output=True, text=True, timeout=300)
    if "no such option: --python" in install.stderr:  # pip < 22.3: the venv's own pip is needed
        pytest.skip("this pip cannot install into another environment")
    assert install.returncode == 0, install.stderr
    script = ("import catapult, numpy\n"
              "x = catapult.Session().eval('randn(2, 3, seed: 0)')\n"
              "assert isinstance(x, numpy.ndarray) and x.dtype == numpy.float32 and x.shape == (2, 3)\n"
              "from catapult import _home\n"
              "print(_home.CLONE)\n")
    run = subprocess.run([str(python), "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(repo)


def test_unbuilt_clone_says_how_to_build(tmp_path):
    (tmp_path / "jupyter").mkdir()
    (tmp_path / "jupyter" / "pom.xml").write_text("<project/>")
    with pytest.raises(_jvm.CatapultNotFound, match="is not built.*mvn -B -DskipTests package"):
        _jvm.class_path(tmp_path)


def test_catapult_home_must_be_a_clone(tmp_path, monkeypatch):
    monkeypatch.setenv("CATAPULT_HOME", str(tmp_path))
    with pytest.raises(_jvm.CatapultNotFound, match="CATAPULT_HOME"):
        _jvm.find_home()
