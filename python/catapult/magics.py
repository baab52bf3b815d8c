"""IPython integration: ``%load_ext catapult`` registers

* ``%%catapult [-i NAMES] [-o NAMES]`` — runs the cell as Catapult code in the notebook's one
  session; ``-i`` copies Python variables in first (numpy arrays become tensors), ``-o`` copies
  Catapult globals out afterwards (tensors become numpy arrays); NAMES are comma separated and
  each option may repeat. The cell's last value is its output: plots show as images, tables as
  HTML.
* ``%catapult CODE`` — the same for one line; its value can be assigned: ``x = %catapult 1 + 2``.
* ``catapult_session()`` in the namespace — the shared Session, for ``get``/``set``/``call``.

A Catapult error shows as its positioned message (``cell:line:col: message``, the line and a
caret), never as a Python traceback.
"""
import argparse
import shlex

from ._errors import CatapultError
from ._session import Session


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise CatapultError(f"%%catapult: {message} (usage: %%catapult [-i NAMES] [-o NAMES])")


_ARGS = _Parser(prog="%%catapult", add_help=False)
_ARGS.add_argument("-i", "--input", action="append", default=[])
_ARGS.add_argument("-o", "--output", action="append", default=[])


def _names(options):
    return [n.strip() for opt in options for n in opt.split(",") if n.strip()]


class CatapultMagics:
    """The magics and the one session they share (created on first use)."""

    def __init__(self, shell):
        self.shell = shell
        self._session = None

    @property
    def session(self):
        if self._session is None:
            self._session = Session()
        return self._session

    def line(self, line):
        return self._run(line, [], [])

    def cell(self, line, cell):
        args = _ARGS.parse_args(shlex.split(line))
        return self._run(cell, _names(args.input), _names(args.output))

    def _run(self, code, inputs, outputs):
        ns = self.shell.user_ns
        for name in inputs:
            if name not in ns:
                raise CatapultError(f"%%catapult -i {name}: no Python variable named '{name}'")
            self.session.set(name, ns[name])
        value = self.session.eval(code, f"cell[{self.shell.execution_count}]")
        for name in outputs:
            ns[name] = self.session.get(name)
        return value


def _show_catapult_error(shell, etype, value, tb, tb_offset=None):
    """Custom exception handler: the diagnostic alone, as the cell's error output."""
    stb = str(value).splitlines()
    shell._showtraceback(etype, value, stb)
    return stb


def register(ipython):
    from IPython.core.magic import Magics, magics_class, line_cell_magic

    state = CatapultMagics(ipython)

    @magics_class
    class _Magics(Magics):
        @line_cell_magic
        def catapult(self, line, cell=None):
            return state.line(line) if cell is None else state.cell(line, cell)

    ipython.register_magics(_Magics(ipython))
    ipython.set_custom_exc((CatapultError,), _show_catapult_error)
    ipython.user_ns["catapult_session"] = lambda: state.session
