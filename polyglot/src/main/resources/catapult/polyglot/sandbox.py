# The sandbox side of a Python context: run once, after the bridge kit and before any guest code.
#
# The context's Java-level permissions deny files, processes, threads, the network and Java
# classes whatever Python code does. This prelude closes what GraalPy 23.1 leaves open at the
# Python level and makes every denial an ordinary Python error that `try/except` catches:
# GraalPy copies the process environment into os.environ although the context has none, changes
# the JVM's signal handlers (signal.signal, raise_signal can end the JVM), and lets some denials
# escape as Java errors no `except` clause catches (threads, os.system, os.getcwd, sockets).
# Replacing a built-in module's function is final: neither importlib.reload nor _imp restores it.
def _catapult_sandbox(allow_io):
    import errno, posix, select, sys, _signal, _socket, _thread, _posixsubprocess

    lift = "is not allowed for sandboxed guest code (catapult run --allow-io)"

    def refusing(error, code, message):
        def refused(*args, **kwargs):
            raise error(code, message)
        return refused

    def replace(module, names, error, code, message):
        for name in names:
            if hasattr(module, name):
                refused = refusing(error, code, message.format(name=name))
                refused.__name__ = refused.__qualname__ = name
                setattr(module, name, refused)
                if 'os' in sys.modules and module is posix and hasattr(sys.modules['os'], name):
                    setattr(sys.modules['os'], name, refused)

    # Python's own networking is off in the whole JVM (GraalPy cannot confine it per context).
    network = ("network access " + lift) if not allow_io else \
        "Python's socket module is switched off in Catapult (GraalPy cannot sandbox it); use Java's java.net classes"
    replace(_socket, ["getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo",
                      "getservbyname", "getservbyport", "socketpair", "fromfd"], PermissionError, errno.EPERM, network)

    class socket(_socket.socket):
        """Refuses to open: no network for guest code."""
        __slots__ = ()

        def __init__(self, *args, **kwargs):
            raise PermissionError(errno.EPERM, network)
    socket.__module__, socket.__qualname__ = "_socket", "socket"
    _socket.socket = _socket.SocketType = socket

    unavailable = "{name} is not available in Catapult's GraalPy (it needs the network layer, which is off)"
    replace(select, ["select"], OSError, errno.ENOSYS, unavailable)
    replace(posix, ["set_blocking"], OSError, errno.ENOSYS, unavailable)
    replace(posix, ["getpgid", "getpgrp", "getppid", "getsid", "setpgid", "setpgrp", "setsid", "openpty", "killpg"],
            OSError, errno.ENOSYS, "{name} is not supported by GraalPy's emulated POSIX layer")

    if allow_io:
        sys.meta_path.insert(0, _SubprocessWithoutSelect())
        return

    posix.environ.clear()
    if 'os' in sys.modules:
        sys.modules['os'].environ.clear()
    replace(posix, ["system", "execv", "execve", "fork", "forkpty", "posix_spawn", "posix_spawnp", "kill"],
            PermissionError, errno.EPERM, "creating or signalling processes " + lift)
    replace(_posixsubprocess, ["fork_exec"], PermissionError, errno.EPERM, "creating processes " + lift)
    replace(posix, ["getcwd", "getcwdb", "chdir", "fchdir"], PermissionError, errno.EPERM,
            "the working directory " + lift)
    replace(_thread, ["start_new_thread", "start_new", "interrupt_main"], PermissionError, errno.EPERM,
            "creating threads " + lift)
    replace(_signal, ["signal", "raise_signal", "alarm", "setitimer", "set_wakeup_fd", "siginterrupt",
                      "pthread_kill", "pthread_sigmask"], PermissionError, errno.EPERM,
            "changing or sending signals " + lift)


class _SubprocessWithoutSelect:
    """
    With --allow-io: subprocess's communicate() waits on its pipes with select(), which is off
    with GraalPy's network layer; this import hook gives it one reader thread per pipe instead
    (as CPython does on Windows), so run(..., capture_output=True) and input= keep working.
    """

    def find_spec(self, name, path=None, target=None):
        if name != "subprocess":
            return None
        import sys
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        exec_module, patch = spec.loader.exec_module, self.patch

        def exec_and_patch(module):
            exec_module(module)
            patch(module.Popen)
        spec.loader.exec_module = exec_and_patch
        return spec

    @staticmethod
    def patch(popen):
        import threading

        def reader(fh, buffer):
            buffer.append(fh.read())
            fh.close()

        def start(self, name):
            stream = getattr(self, name)
            if stream and not hasattr(self, "_" + name + "_buff"):
                buffer = []
                setattr(self, "_" + name + "_buff", buffer)
                thread = threading.Thread(target=reader, args=(stream, buffer), daemon=True)
                setattr(self, "_" + name + "_thread", thread)
                thread.start()

        def communicate(self, input, endtime, orig_timeout):
            start(self, "stdout")
            start(self, "stderr")
            if self.stdin:
                self._stdin_write(input)
            for name in ("stdout", "stderr"):
                if getattr(self, name) is not None:
                    thread = getattr(self, "_" + name + "_thread")
                    thread.join(self._remaining_time(endtime))
                    if thread.is_alive():
                        import subprocess
                        raise subprocess.TimeoutExpired(self.args, orig_timeout)
            out = self._stdout_buff if self.stdout else None
            err = self._stderr_buff if self.stderr else None
            return (out[0] if out else None, err[0] if err else None)

        popen._communicate = communicate


_catapult_sandbox
