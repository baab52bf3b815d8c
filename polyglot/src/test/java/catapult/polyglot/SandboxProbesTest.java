package catapult.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import catapult.lang.session.FileAccess;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox probe suite: every way guest code might reach the host — network, environment,
 * files through the language and through the `catapult` object, processes, threads, signals,
 * Java classes, native code — tried from real GraalPy and GraalJS contexts. Sandboxed, each
 * attempt must fail with an error the guest's own try/except catches (an error that escapes the
 * guest is a failure here too); with --allow-io each documented grant must work. A real loopback
 * server checks that no connection arrives. Two sessions (sandboxed, allow-io) are shared by all
 * probes, since a Python context costs seconds.
 */
class SandboxProbesTest {
    @TempDir static Path dir;
    private static ServerSocket server;
    private static Session sandboxed;
    private static Session open;
    private static Path secret;
    private static Path secretJs;

    /** One attempt: what it tries, in which language, the guest code, and the outcome it must have. */
    private record Probe(String what, GuestLanguage language, String code, String expected) {}

    @BeforeAll
    static void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(300);
        secret = Files.writeString(dir.resolve("secret.csv"), "1,2\n3,4\n");
        secretJs = Files.writeString(dir.resolve("secret.js"), "40 + 2");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SessionSettings quiet = SessionSettings.defaults().withOut(sink).withErr(sink);
        sandboxed = Session.standard(quiet);
        open = Session.standard(quiet.withGuestIo(true).withGuestFiles(FileAccess.UNRESTRICTED));
    }

    @AfterAll
    static void stop() throws IOException {
        sandboxed.close();
        open.close();
        server.close();
    }

    private static String port() { return String.valueOf(server.getLocalPort()); }

    private static String cat(String catapultCode) { return "catapult.eval('" + catapultCode.replace("'", "\\'") + "')"; }

    /** Runs the probe's code inside the guest's own try/catch; returns "allowed: value" or "denied: Type: message". */
    private static String attempt(Session session, Probe p) {
        GuestContext ctx = GuestSession.of(session).context(p.language());
        String source = p.language() == GuestLanguage.PYTHON
                ? "def _attempt():\n    " + p.code().replace("\n", "\n    ") + "\n"
                  + "try:\n    _r = 'allowed: ' + repr(_attempt())[:120]\n"
                  + "except BaseException as _e:\n    _r = 'denied: ' + type(_e).__name__ + ': ' + str(_e)\n_r"
                : "(() => { try { return 'allowed: ' + String((() => { " + p.code() + " })()).slice(0, 120); }"
                  + " catch (e) { return 'denied: ' + (e && e.name) + ': ' + (e && e.message); } })()";
        try {
            return ctx.enter(() -> ctx.eval(Source.create(p.language().id(), source)).asString());
        } catch (PolyglotException e) {
            return "escaped the guest's try/catch: " + e.getMessage();
        }
    }

    private static void assertOutcomes(Session session, List<Probe> probes) {
        List<String> wrong = new ArrayList<>();
        for (Probe p : probes) {
            String outcome = attempt(session, p);
            if (!outcome.startsWith(p.expected())) wrong.add(p.language().id() + " " + p.what() + ": expected " + p.expected() + ", got " + outcome);
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void assertNoConnectionArrived() throws IOException {
        try (Socket s = server.accept()) {
            fail("guest code connected to the loopback server from " + s.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nothing connected
        }
    }

    private static Probe py(String what, String code, String expected) { return new Probe(what, GuestLanguage.PYTHON, code, expected); }

    private static Probe js(String what, String code, String expected) { return new Probe(what, GuestLanguage.JS, code, expected); }

    @Test
    void sandboxedPythonIsDeniedEverythingWithErrorsItCanCatch() throws IOException {
        String perm = "denied: PermissionError";
        assertOutcomes(sandboxed, List.of(
                py("tcp connect", "import socket\nsocket.create_connection(('127.0.0.1', " + port() + "), timeout=2)\nreturn 'connected'", perm),
                py("raw socket", "import socket\ns = socket.socket()\ns.connect(('127.0.0.1', " + port() + "))", perm),
                py("udp", "import socket\nsocket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', " + port() + "))", perm),
                py("listen", "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()", perm),
                py("dns", "import socket\nreturn socket.getaddrinfo('localhost', 80)", perm),
                py("select", "import select\nreturn select.select([], [], [], 0)", "denied: OSError"),
                py("environment", "import os\nassert not os.environ, list(os.environ)\nreturn os.environ['PATH']", "denied: KeyError"),
                py("getenv", "import os\nreturn os.getenv('HOME') or os.getenv('PATH') or os.environ.__getitem__('USER')", "denied: KeyError"),
                py("open read", "return open('" + secret + "').read()", perm),
                py("open write", "open('" + dir.resolve("written.txt") + "', 'w').write('x')", perm),
                py("listdir", "import os\nreturn os.listdir('/')", perm),
                py("stat", "import os\nreturn os.stat('" + secret + "')", perm),
                py("getcwd", "import os\nreturn os.getcwd()", perm),
                py("chdir", "import os\nos.chdir('/tmp')", perm),
                py("graalpy read_file", "return __graalpython__.read_file('" + secret + "')", perm),
                py("catapult import", "return " + cat("import \"" + secret + "\""), "denied: CatapultError"),
                py("catapult reader", "return " + cat("csv(\"" + secret + "\")"), "denied: CatapultError"),
                py("catapult writer", "return " + cat("save([1, 2], \"" + dir.resolve("saved.json") + "\")"), "denied: CatapultError"),
                py("catapult run", "return catapult.run('" + secret + "')", "denied: CatapultError"),
                py("os.system", "import os\nreturn os.system('true')", perm),
                py("subprocess", "import subprocess\nreturn subprocess.run(['true'])", perm),
                py("popen", "import os\nreturn os.popen('true').read()", perm),
                py("execv", "import os\nos.execv('/bin/true', ['true'])", perm),
                py("kill", "import os\nos.kill(os.getpid(), 0)", perm),
                py("thread", "import threading\nthreading.Thread(target=print).start()", perm),
                py("_thread", "import _thread\n_thread.start_new_thread(print, ())", perm),
                py("signal handler", "import signal\nreturn signal.signal(signal.SIGINT, signal.SIG_IGN)", perm),
                py("raise signal", "import signal\nsignal.raise_signal(signal.SIGCHLD)", perm),
                py("alarm", "import signal\nreturn signal.alarm(1)", perm),
                py("signal re-imported", "import sys\ndel sys.modules['_signal']\nimport _signal\nreturn _signal.signal(2, 1)", perm),
                py("original os.system", "import posix\nreturn posix.__dict__['system']('true')", perm),
                py("java class", "import java\nreturn java.type('java.io.File')", "denied: KeyError"),
                py("polyglot eval", "import polyglot\nreturn polyglot.eval(language='js', string='1')", "denied: NotImplementedError"),
                py("native code", "import ctypes\nreturn ctypes.CDLL(None)", "denied: ImportError")));
        assertNoConnectionArrived();
        assertFalse(Files.exists(dir.resolve("written.txt")) || Files.exists(dir.resolve("saved.json")));
    }

    @Test
    void sandboxedJavaScriptIsDeniedEverythingWithErrorsItCanCatch() throws IOException {
        assertOutcomes(sandboxed, List.of(
                js("java class", "return Java.type('java.io.File')", "denied: TypeError: Access to host class java.io.File is not allowed"),
                js("network via Java", "return Java.type('java.net.Socket')", "denied: TypeError"),
                js("processes via Java", "return Java.type('java.lang.ProcessBuilder')", "denied: TypeError"),
                js("threads via Java", "return Java.type('java.lang.Thread')", "denied: TypeError"),
                js("environment via Java", "return Java.type('java.lang.System').getenv('PATH')", "denied: TypeError"),
                js("environment", "return process.env.PATH", "denied: ReferenceError"),
                js("class path", "Java.addToClasspath('" + dir + "')", "denied: Error"),
                js("load file", "return load('" + secretJs + "')", "denied: TypeError: Cannot load script"),
                js("load over http", "return load('http://127.0.0.1:" + port() + "/x.js')", "denied: TypeError: Cannot load script"),
                js("read file", "return read('" + secretJs + "')", "denied: ReferenceError"),
                js("polyglot eval", "return Polyglot.eval('python', '1')", "denied: ReferenceError"),
                js("catapult import", "return " + cat("import \"" + secret + "\""), "denied: CatapultError"),
                js("catapult reader", "return " + cat("csv(\"" + secret + "\")"), "denied: CatapultError"),
                js("catapult writer", "return " + cat("save([1, 2], \"" + dir.resolve("saved-js.json") + "\")"), "denied: CatapultError")));
        assertFalse(Files.exists(dir.resolve("saved-js.json")));
        assertNoConnectionArrived();
    }

    @Test
    void pythonsRawSocketTypeCannotConnectEvenPastThePrelude() throws IOException {
        // the built-in socket type stays reachable through object.__subclasses__(); GraalPy's network layer is off beneath it
        String outcome = attempt(sandboxed, py("raw built-in socket",
                "S = [c for c in object.__subclasses__() if c.__name__ == 'socket'][0]\n"
                + "s = S()\ns.connect(('127.0.0.1', " + port() + "))\nreturn 'connected'", "denied"));
        assertFalse(outcome.startsWith("allowed"), outcome);
        assertNoConnectionArrived();
    }

    @Test
    void theEnvironmentIsEmptyForSandboxedPythonAndNotRestoredByReimporting() {
        assertEquals("allowed: (0, 0, None)", attempt(sandboxed, py("environment",
                "import importlib, os, posix\nimportlib.reload(os)\nreturn (len(os.environ), len(posix.environ), os.getenv('PATH'))", "")));
    }

    @Test
    void allowIoGrantsFilesProcessesThreadsTheEnvironmentAndJavaButNoNativeCode() throws IOException {
        String ok = "allowed: ";
        assertOutcomes(open, List.of(
                py("open read", "return open('" + secret + "').read()", ok + "'1,2\\n3,4\\n'"),
                py("environment", "import os\nreturn bool(os.environ['PATH'])", ok + "True"),
                py("subprocess with captured output", "import subprocess\n"
                        + "return subprocess.run(['cat'], input='hi', capture_output=True, text=True).stdout", ok + "'hi'"),
                py("thread", "import threading\nout = []\nt = threading.Thread(target=lambda: out.append(1))\n"
                        + "t.start()\nt.join()\nreturn out", ok + "[1]"),
                py("java class", "import java\nreturn java.type('java.io.File')('" + secret + "').exists()", ok + "True"),
                py("network through Java", "import java\njava.type('java.net.Socket')('127.0.0.1', " + port() + ").close()\n"
                        + "return 'connected'", ok + "'connected'"),
                py("catapult reader", "return " + cat("csv(\"" + secret + "\").n"), ok + "2"),
                py("python sockets (off in every context)", "import socket\nsocket.socket()", "denied: PermissionError"),
                py("native code", "import ctypes\nreturn ctypes.CDLL(None)", "denied: "),
                js("load file", "return load('" + secretJs + "')", ok + "42"),
                js("environment via Java", "return Java.type('java.lang.System').getenv('PATH').length > 0", ok + "true"),
                js("java class", "return new (Java.type('java.io.File'))('" + secret + "').exists()", ok + "true")));
        try (Socket s = server.accept()) {
            assertTrue(s.isConnected());
        }
    }
}
