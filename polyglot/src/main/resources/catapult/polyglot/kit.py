# The Python side of the Catapult bridge: evaluated once per context. It defines the `catapult`
# object Python code sees (kwargs become named arguments), the native containers Catapult values
# convert to, and the exception type Catapult errors raise.
def _catapult_kit(host):
    class CatapultError(Exception):
        """A Catapult error; str(e) is 'file:line:col: message', the source line and a caret."""

    class Record(dict):
        """A Catapult record: a dict whose keys also read as attributes (m.loss == m['loss'])."""
        __slots__ = ()

        def __getattr__(self, name):
            try:
                return self[name]
            except KeyError:
                raise AttributeError(name) from None

    class Catapult:
        """Catapult from Python: eval(source), run(path), call(name, *args, **named), get(name), set(name, value)."""
        Error = CatapultError

        def eval(self, source, name="<eval>"):
            """Runs Catapult source; returns the value of its last expression as native Python."""
            return host.eval(source, name)

        def run(self, path):
            """Runs a .cat file; returns the value of its last expression."""
            return host.run(path)

        def call(self, name, *args, **named):
            """Calls a Catapult function (built-in or defined) with positional and named arguments."""
            return host.call(name, list(args), named)

        def get(self, name):
            """The value of a global Catapult binding."""
            return host.get(name)

        def set(self, name, value):
            """Binds a global Catapult name to a Python value (functions become callable from Catapult)."""
            host.set(name, value)

        def __repr__(self):
            return "<catapult>"

    Catapult.Record = Record

    def fail(message):
        raise CatapultError(message)

    def record(keys, values):
        return Record(zip(keys, values))

    return [list, record, fail, Catapult()]

_catapult_kit
