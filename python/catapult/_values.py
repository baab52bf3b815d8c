"""Python forms of Catapult's tables, runs, plots and other engine values."""
import numpy as np

from ._convert import java, to_python


class Wrapper:
    """A Catapult value held by Python; passed back to Catapult it is the original value."""

    def __init__(self, session, value):
        self._session = session
        self._java = value

    def _field(self, name):
        import jpype
        flag = jpype.JArray(jpype.JBoolean)(1)
        value = java("catapult.cpython.LanguageValues").field(self._java, name, flag)
        if not flag[0]:
            raise AttributeError(f"{self._java.typeName()} has no field '{name}'")
        return value

    def __repr__(self):
        return str(java("catapult.lang.value.Printer").repr(self._java))

    def __dir__(self):
        return sorted(set(super().__dir__()) | {str(n) for n in self._java.fieldNames()})


class Handle(Wrapper):
    """A dataset, network, model, optimizer, metric or function: ``h.name`` reads a field
    (``data.x`` is a numpy array), ``h.summary()`` calls the built-in of that name with the
    handle first (Catapult's method syntax), and ``h(x)`` calls it when it is a function or
    network."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return to_python(self._session, self._field(name))
        except AttributeError:
            if self._session._is_builtin(name):
                return lambda *args, **kwargs: self._session.call(name, self, *args, **kwargs)
            raise

    def __call__(self, *args, **kwargs):
        if not isinstance(self._java, java("catapult.lang.value.CatFunction")):
            raise TypeError(f"a {self._java.typeName()} is not callable")
        return self._session.call(self, *args, **kwargs)


class Table(Wrapper):
    """A Catapult table: rows of records with a column order. ``t.columns``, ``len(t)``,
    ``t[i]`` (a row as a dict), ``t["lr"]`` (a column: a numpy array when numeric),
    ``for row in t``, ``t.to_pandas()``; shows as HTML in notebooks."""

    @property
    def columns(self):
        return [str(c) for c in java("catapult.cpython.LanguageValues").tableColumns(self._java)]

    @property
    def rows(self):
        cols = self.columns
        cells = java("catapult.cpython.LanguageValues").tableCells(self._java)
        return [dict(zip(cols, (to_python(self._session, c) for c in row))) for row in cells]

    def __len__(self):
        return int(self._java.length())

    def __iter__(self):
        return iter(self.rows)

    def __getitem__(self, key):
        if isinstance(key, str):
            return self.col(key)
        return self.rows[key]

    def col(self, name):
        """A column: a float64 numpy array when every cell is a number (empty cells NaN), else a list."""
        if name not in self.columns:
            raise KeyError(f"table has no column '{name}'; columns are {self.columns}")
        cells = [row[name] for row in self.rows]
        if all(isinstance(c, (int, float)) and not isinstance(c, bool) or c is None for c in cells):
            return np.array([np.nan if c is None else c for c in cells], dtype=np.float64)
        return cells

    def to_pandas(self):
        """The table as a pandas DataFrame (needs pandas)."""
        import pandas
        return pandas.DataFrame(self.rows, columns=self.columns)

    def save(self, path):
        """Writes .csv or .json, by the extension."""
        import os
        self._session.call(self._field("save"), os.fspath(path))

    def _repr_html_(self):
        return str(java("catapult.display.TableHtml").html(self._java.table()))


class Run(Wrapper):
    """A training run: each tracked series as a numpy array (``run.loss``, ``run.ntk_eigs`` as
    rows x k), ``steps``, ``final``, ``diverged``, ``diverged_at``, ``interrupted``, ``stop``,
    ``catapults`` (a list of dicts), ``seconds``, ``series`` (the names), ``model`` (a Handle),
    ``when(name)`` (the steps a series was recorded at), ``best(name)``, ``table()``, ``save(path)``."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        value = self._field(name)
        if isinstance(value, java("catapult.lang.value.CatFunction")):
            return lambda *args: self._session.call(value, *args)
        return to_python(self._session, value)

    def when(self, name):
        return np.array(self._session.call(self._field("when"), name), dtype=np.int64)


class Plot(Wrapper):
    """A figure from ``plot(...)``: shows inline in IPython and Jupyter (PNG); ``p.png()`` and
    ``p.svg()`` give its bytes and text, ``p.save(path)`` writes .png or .svg; ``title``,
    ``series`` (names) and ``file`` (where plot(file:) saved it, or None)."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return to_python(self._session, self._field(name))

    def png(self, width=640, height=400):
        return bytes(java("catapult.display.PlotImages").png(self._java, width, height))

    def svg(self):
        return str(java("catapult.display.PlotImages").svg(self._java))

    def save(self, path):
        import os
        return self._session.call(self._field("save"), os.fspath(path))

    def _repr_png_(self):
        return self.png()


__all__ = ["Wrapper", "Handle", "Table", "Run", "Plot"]
