"""catapult.CatapultError: a Catapult error with its position, raised instead of the Java exception."""


class CatapultError(Exception):
    """An error in Catapult code, or a misuse of a Session.

    str(e) is the full diagnostic, ``file:line:col: message`` with the source line and a caret;
    ``e.message`` is the bare message; ``e.file``, ``e.line`` and ``e.column`` locate it (None
    when the error has no position); ``e.kind`` is SyntaxError, ResolveError or RuntimeError.
    """

    def __init__(self, message, file=None, line=None, column=None, kind="RuntimeError", formatted=None):
        super().__init__(formatted or message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind

    @classmethod
    def from_java(cls, error):
        """From a catapult.lang.errors.CatapultError."""
        span = error.span()
        positioned = span is not None and int(span.line()) > 0
        return cls(str(error.message()),
                   file=str(span.file().name()) if positioned else None,
                   line=int(span.line()) if positioned else None,
                   column=int(span.column()) if positioned else None,
                   kind=str(error.getClass().getSimpleName()),
                   formatted=str(error.format()))
