"""Build hook: records the clone this package is installed from (catapult/_home.py), so an
installed `catapult` finds the Catapult jars built there. Metadata lives in pyproject.toml."""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyRecordingClone(build_py):
    def run(self):
        super().run()
        clone = Path("setup.py").resolve().parent.parent
        if (clone / "jupyter" / "pom.xml").is_file():
            target = Path(self.build_lib) / "catapult" / "_home.py"
            target.write_text("# Written at install: the clone whose built jars this package uses.\n"
                              f"CLONE = {str(clone)!r}\n")


setup(cmdclass={"build_py": BuildPyRecordingClone})
