"""Values between Catapult and Python.

Catapult to Python: none, booleans, strings as themselves; numbers as int when integral (as
Catapult prints them) and float otherwise; lists and ranges as lists; records as dicts; tensors
as numpy arrays with their dtype and shape (one bulk copy, never element by element); tables,
runs and plots as catapult.Table, catapult.Run and catapult.Plot; every other value (datasets,
networks, models, optimizers, functions) as a catapult.Handle that reads fields, calls, and goes
back in as the original value.

Python to Catapult: None, bool, int, float (numpy scalars too), str, lists and tuples, dicts
with string keys, numpy arrays (as tensors in the session's precision, float32 unless
precision(64)), pandas DataFrames (as tables), the wrappers above, and Python callables (as
Catapult functions).
"""
import numbers
import os

import numpy as np

_J = {}


def java(name):
    """A Java class by name, cached (JPype class lookups are not free)."""
    cls = _J.get(name)
    if cls is None:
        import jpype
        cls = _J[name] = jpype.JClass(name)
    return cls


def _lv():
    return java("catapult.cpython.LanguageValues")


def to_python(session, v):
    kind = str(_lv().kind(v))
    return _TO_PYTHON[kind](session, v)


def _number(_, v):
    x = float(v.doubleValue())
    return int(x) if x.is_integer() and abs(x) < 2 ** 53 else x


def tensor_to_numpy(t):
    buffers = java("catapult.cpython.TensorBuffers")
    shape = tuple(int(s) for s in buffers.shape(t))
    dtype = str(buffers.dtype(t))
    flat = np.array(buffers.data(t), copy=True)
    if dtype == "bool":
        flat = flat.astype(bool)
    return flat.reshape(shape)


def _wrapper(name):
    def make(session, v):
        from . import _values
        return getattr(_values, name)(session, v)
    return make


_TO_PYTHON = {
    "none": lambda s, v: None,
    "bool": lambda s, v: bool(v.booleanValue()),
    "number": _number,
    "string": lambda s, v: str(v),
    "list": lambda s, v: [to_python(s, x) for x in v],
    "range": lambda s, v: [to_python(s, v.get(i)) for i in range(int(v.length()))],
    "record": lambda s, v: {str(e.getKey()): to_python(s, e.getValue()) for e in v.asMap().entrySet()},
    "tensor": lambda s, v: tensor_to_numpy(v),
    "table": _wrapper("Table"),
    "run": _wrapper("Run"),
    "plot": _wrapper("Plot"),
    "function": _wrapper("Handle"),
    "handle": _wrapper("Handle"),
}


def numpy_to_tensor(session, a):
    """One bulk copy into a Java array, then one ND4J array in the session's precision."""
    import jpype
    host = session._host
    if a.dtype == object:
        raise TypeError("cannot pass a numpy array of Python objects to Catapult; use a numeric dtype")
    shape = jpype.JArray(jpype.JLong)([int(s) for s in a.shape])
    if a.dtype == np.float32:
        return host.tensorFromFloats(jpype.JArray(jpype.JFloat)(np.ascontiguousarray(a).reshape(-1)), shape)
    flat = np.ascontiguousarray(a, dtype=np.float64).reshape(-1)
    return host.tensorFromDoubles(jpype.JArray(jpype.JDouble)(flat), shape)


def to_language(session, x):
    import jpype
    from . import _values
    if x is None:
        return None
    if isinstance(x, _values.Wrapper):
        return x._java
    if isinstance(x, (bool, np.bool_)):
        return java("java.lang.Boolean").valueOf(bool(x))
    if isinstance(x, numbers.Real):
        return java("java.lang.Double").valueOf(float(x))
    if isinstance(x, str):
        return jpype.JString(x)
    if isinstance(x, np.ndarray):
        return numpy_to_tensor(session, x)
    if isinstance(x, (list, tuple)):
        return _lv().list(jpype.JArray(jpype.JObject)([to_language(session, i) for i in x]))
    if isinstance(x, dict):
        return _record(session, x)
    if _is_data_frame(x):
        return _table(session, x)
    if isinstance(x, os.PathLike):
        return jpype.JString(os.fspath(x))
    if isinstance(x, jpype.JObject):
        return x
    if callable(x):
        return _function(session, x)
    raise TypeError(f"cannot pass a {type(x).__name__} to Catapult")


def _record(session, d):
    import jpype
    keys = []
    for k in d:
        if not isinstance(k, str):
            raise TypeError(f"record keys must be strings, got {type(k).__name__} {k!r}")
        keys.append(k)
    values = [to_language(session, d[k]) for k in keys]
    return _lv().record(jpype.JArray(jpype.JString)(keys), jpype.JArray(jpype.JObject)(values))


def _is_data_frame(x):
    return type(x).__name__ == "DataFrame" and hasattr(x, "to_dict") and hasattr(x, "columns")


def _cell(session, v):
    if v is None:
        return None
    try:
        import pandas
        if v is pandas.NA or v is pandas.NaT:
            return None
    except ImportError:
        pass
    return to_language(session, v.item() if isinstance(v, np.generic) else v)


def _table(session, frame):
    import jpype
    columns = [str(c) for c in frame.columns]
    rows = [jpype.JArray(jpype.JObject)([_cell(session, v) for v in row])
            for row in frame.itertuples(index=False, name=None)]
    return _lv().table(jpype.JArray(jpype.JString)(columns), jpype.JArray(jpype.JObject, 2)(rows))


def _function(session, fn):
    import jpype

    @jpype.JImplements("catapult.cpython.PythonCallback")
    class Callback:
        @jpype.JOverride
        def invoke(self, args, named):
            positional = [to_python(session, a) for a in args]
            keywords = {str(e.getKey()): to_python(session, e.getValue()) for e in named.entrySet()}
            try:
                return to_language(session, fn(*positional, **keywords))
            except Exception as e:  # noqa: BLE001 - reported to Catapult as an error at the call
                raise java("java.lang.IllegalStateException")(f"{type(e).__name__}: {e}") from None

    name = getattr(fn, "__name__", type(fn).__name__)
    return _lv().function(name, Callback())
