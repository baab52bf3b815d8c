"""catapult.Session: one Catapult session (its globals persist) running in this process."""
import os
import sys
import weakref

from . import _jvm
from ._convert import java, to_language, to_python
from ._errors import CatapultError
from ._progress import ProgressLine

#: How long the Python thread waits for the engine between looks at printed output and Ctrl-C.
_SLICE_MS = 50


class Session:
    """A Catapult session in this Python process (the engine runs in a JVM started on first use).

    ``s.eval(code)`` runs Catapult code and returns its last expression's value, ``s.run(path)``
    runs a script, ``s.get(name)`` / ``s.set(name, value)`` (or ``s[name]``) read and bind
    globals, ``s.call(fn, *args, **kwargs)`` calls a built-in or function (by name or as a value)
    with named arguments as keywords. Printed output appears on ``sys.stdout`` while code runs.
    Ctrl-C stops the running evaluation at its next step (what it computed so far stays bound),
    raises KeyboardInterrupt, and leaves the session usable. Errors raise CatapultError.

    ``allow_io``: whether ``js()``/``python()`` guest code inside Catapult may use files and
    processes (Catapult code itself always may: you are in Python already). ``progress``: whether
    a running ``train`` or ``sweep`` shows its progress (an updating line in a notebook, a line
    redrawn on a terminal's stderr; never when stderr is a file).
    """

    def __init__(self, allow_io=True, progress=True):
        _jvm.start()
        self._progress = progress
        self._host = java("catapult.cpython.CPythonHost")(bool(allow_io))
        self._closed = False
        # A session dropped without close() still ends (its worker thread and globals go).
        self._finalizer = weakref.finalize(self, self._host.close)

    # ---- running code ----

    def eval(self, code, name="<eval>"):
        """Runs Catapult source; returns the value of its last expression (None after a statement)."""
        return self._finish(self._live().eval(code, name))

    def run(self, path):
        """Runs a .cat file (its imports resolve against its folder); returns its last value."""
        # Absolute: the JVM resolves relative paths against the directory it started in.
        return self._finish(self._live().runFile(os.path.abspath(os.fspath(path))))

    def call(self, function, *args, **kwargs):
        """Calls a built-in or function, given by name or as a value, e.g.
        ``s.call("train", net, data, opt, steps=100, loss="half_sse")``."""
        import jpype
        positional = java("java.util.ArrayList")()
        for a in args:
            positional.add(to_language(self, a))
        named = java("java.util.LinkedHashMap")()
        for k, v in kwargs.items():
            named.put(k, to_language(self, v))
        target = function if isinstance(function, str) else to_language(self, function)
        return self._finish(self._live().call(jpype.JObject(target), positional, named))

    # ---- globals ----

    def get(self, name):
        """A global's value (CatapultError when there is no such global)."""
        if not self._live().has(name):
            raise CatapultError(f"no global named '{name}'")
        return to_python(self, self._host.get(name))

    def set(self, name, value):
        """Binds a global for later code; numpy arrays become tensors, DataFrames tables."""
        self._live().set(name, to_language(self, value))

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, value):
        self.set(name, value)

    def __contains__(self, name):
        return bool(self._live().has(name))

    def globals(self):
        """Names the session's code has defined, in order."""
        return [str(n) for n in self._live().globals()]

    # ---- lifetime ----

    def interrupt(self):
        """Stops the running evaluation at its next check; safe to call from another thread."""
        self._host.interrupt()

    def close(self):
        """Ends the session (its globals are gone); the JVM stays for other sessions."""
        if not self._closed:
            self._closed = True
            self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- internals ----

    def _live(self):
        if self._closed:
            raise CatapultError("this session is closed")
        return self._host

    def _is_builtin(self, name):
        return bool(self._host.isBuiltin(name))

    def _flush(self):
        text = str(self._host.drainOutput())
        if text:
            sys.stdout.write(text)
            sys.stdout.flush()

    def _tick(self, progress):
        self._flush()
        report = self._host.takeProgress()
        if report is not None and progress is not None:
            progress.show(report)

    def _finish(self, pending):
        """Waits for a call in short slices (streaming output and progress); Ctrl-C interrupts it."""
        progress = ProgressLine() if self._progress else None
        try:
            while not pending.waitFor(_SLICE_MS):
                self._tick(progress)
        except KeyboardInterrupt:
            self._host.interrupt(pending)
            while not pending.waitFor(_SLICE_MS):
                self._tick(progress)
            raise
        finally:
            self._tick(progress)
            if progress is not None:
                progress.close()
        if pending.error() is not None:
            raise CatapultError.from_java(pending.error()) from None
        if pending.failure() is not None:
            raise RuntimeError("internal error in Catapult, please report it:\n" + str(pending.failureText())) from None
        return to_python(self, pending.value())
