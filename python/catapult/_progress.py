"""Progress of a running train or sweep, drawn while the Python thread waits: an updating line
in a notebook, a line redrawn in place on a terminal's stderr, nothing when output goes to a file."""
import sys


def _in_notebook():
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


class ProgressLine:
    """Shows the reports of one evaluation; ``show(report)`` with a Java Progress, ``close()`` at the end."""

    def __init__(self, stream=None):
        self._stream = stream if stream is not None else sys.stderr
        self._notebook = stream is None and _in_notebook()
        self._terminal = not self._notebook and getattr(self._stream, "isatty", lambda: False)()
        self._handle = None
        self._width = 0

    def show(self, report):
        line = str(report.line())
        if self._notebook:
            self._show_in_notebook(line)
        elif self._terminal:
            self._stream.write("\r" + line.ljust(self._width))
            self._stream.flush()
            self._width = len(line)
            if report.finished():
                self.close()

    def _show_in_notebook(self, line):
        from IPython.display import display, update_display
        if self._handle is None:
            self._handle = display({"text/plain": line}, raw=True, display_id=True)
        else:
            update_display({"text/plain": line}, raw=True, display_id=self._handle.display_id)

    def close(self):
        """Erases a terminal line (the result takes its place); a notebook keeps the last report."""
        if self._terminal and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
