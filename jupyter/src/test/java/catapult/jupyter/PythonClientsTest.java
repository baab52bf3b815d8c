package catapult.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the Python package's pytest suite (python/tests), which also executes the example
 * notebooks with nbclient against the `catapult` and `python3` kernels: real clients, so `mvn
 * verify` covers the Python and Jupyter ways in. Needs Debian's python3 with python3-jpype,
 * numpy, pandas, pytest, nbclient and ipykernel (.ci/run installs them); without them the test
 * is skipped on a developer machine and fails in CI (CI=true).
 */
class PythonClientsTest {
    private static final String MODULES = "setuptools, pip, jpype, numpy, pandas, pytest, nbclient, ipykernel";
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void pythonPackageAndNotebooks() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        String python = python();
        requireModules(python);
        Path log = Files.createTempFile("catapult-pytest", ".log");
        Process p = new ProcessBuilder(python, "-m", "pytest", "python/tests", "-q", "-p", "no:cacheprovider")
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("pytest did not finish in " + TIMEOUT_MINUTES + " minutes:\n" + tail(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        Files.deleteIfExists(log);
        assertEquals(0, p.exitValue(), "pytest failed:\n" + output);
    }

    /** CATAPULT_PYTHON, else Debian's /usr/bin/python3 (where apt puts python3-jpype), else python3 on the PATH. */
    private static String python() {
        String chosen = System.getenv("CATAPULT_PYTHON");
        if (chosen != null && !chosen.isBlank()) return chosen;
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static void requireModules(String python) throws InterruptedException {
        String problem;
        try {
            Process check = new ProcessBuilder(python, "-c", "import " + MODULES).redirectErrorStream(true).start();
            check.getOutputStream().close();
            String out = new String(check.getInputStream().readAllBytes());
            problem = check.waitFor() == 0 ? null : out.strip();
        } catch (IOException e) {
            problem = e.getMessage();
        }
        if (problem == null) return;
        String message = python + " lacks the Python test dependencies (" + MODULES + "): " + problem
                + "\ninstall them with: apt-get install -y python3-jpype python3-numpy python3-pandas python3-pytest"
                + " python3-nbclient python3-ipykernel python3-pip python3-setuptools";
        if ("true".equals(System.getenv("CI"))) fail(message);
        Assumptions.assumeTrue(false, message);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
