"""Catapult in CPython: the engine runs in this process (through JPype), numpy arrays both ways.

    import catapult
    s = catapult.Session()
    x = s.eval("randn(4, 1, seed: 1)")        # a numpy float32 array, shape (4, 1)
    s.set("X", 2 * x)                          # numpy arrays go in as tensors
    result = s.run("experiment.cat")           # runs, tables, plots come back wrapped

In IPython and Jupyter: ``%load_ext catapult``, then ``%%catapult -i X -o run`` cells and the
``%catapult expr`` line magic, all sharing one session. See docs/python.md in the repository.
"""
from ._errors import CatapultError
from ._jvm import CatapultNotFound
from ._session import Session
from ._values import Handle, Plot, Run, Table

__version__ = "0.1.0"

for _public in (Session, CatapultError, CatapultNotFound, Table, Run, Plot, Handle):
    _public.__module__ = __name__  # tracebacks and reprs say catapult.CatapultError

__all__ = ["Session", "CatapultError", "CatapultNotFound", "Table", "Run", "Plot", "Handle",
           "load_ipython_extension"]


def load_ipython_extension(ipython):
    """``%load_ext catapult``: registers the %catapult / %%catapult magics."""
    from .magics import register
    register(ipython)
