package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import catapult.lang.builtins.MemoryBudget;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.RuntimeError;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sizes a user types that no JVM can hold are refused before anything is allocated, with a
 * positioned error naming the built-in, the argument and the size (issue 15: these ended in
 * OutOfMemoryError, a native bad_alloc reported as an internal error, or a hang that ignored
 * Ctrl-C). The timeout only catches such hangs: a refusal takes milliseconds.
 */
class ResourceGuardTest {
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final String ARCH = "arch fcn(width = 8) {\n  output(dense(relu(dense(input(1), width)), 1))\n}\n";

    private final Session interp = Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));

    /** Runs code whose last line must fail; returns the error after checking it is positioned on that line. */
    private RuntimeError refused(String code) {
        return refused(code, code.split("\n").length);
    }

    private RuntimeError refused(String code, int line) {
        RuntimeError e = assertTimeoutPreemptively(HANG, () -> assertThrows(RuntimeError.class, () -> interp.run(code, "guard.cat")));
        assertEquals(line, e.span().line(), e.format());
        assertFalse(e.getMessage().contains("internal error"), e.getMessage());
        return e;
    }

    private static void matches(String regex, String message) {
        assertTrue(Pattern.compile(regex).matcher(message).find(), message);
    }

    /** Sizes that fit on a very large machine are only tested where they do not fit. */
    private static void assumeMoreThanAvailable(double bytes) {
        assumeTrue(bytes > MemoryBudget.available(), "this machine could hold " + MemoryBudget.size(bytes));
    }

    /** Fuzz seed 18: a million inputs made nngp_limit's n x n recursion a NegativeArraySizeException. */
    @Test
    void infiniteWidthKernelsTooLargeAreRefusedBeforeTheRecursion() {
        matches("^nngp_limit: 1e6 x 1e6 floats \\(argument 'data'\\) need ", refused(ARCH + "nngp_limit(fcn, randn(1e6, 1, seed: 0))").getMessage());
        matches("^ntk_limit: 1e6 x 1e6 floats \\(argument 'data'\\) need ", refused(ARCH + "ntk_limit(fcn, randn(1e6, 1, seed: 0))").getMessage());
    }

    /** Fuzz seed 18: agop of a network with many outputs ran one pass per output without checking for Ctrl-C. */
    @Test
    void agopOverManyOutputsStopsAtAnInterrupt() throws Exception {
        String code = "arch wide() {\n  output(dense(tanh(dense(input(4), 16)), 65536))\n}\nagop(init(wide(), seed: 0), randn(10, 4, seed: 1))";
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            interp.requestInterrupt();
        });
        stopper.start();
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(HANG, () -> assertThrows(Interrupted.class, () -> interp.run(code, "guard.cat")));
        assertTrue(System.nanoTime() - t0 < 10e9, "stopped within seconds of the interrupt");
        stopper.join();
    }

    @Test
    void tensorsTooLargeForMemoryNameTheirShapeAndSize() {
        matches("^eye: 1e9 x 1e9 floats \\(argument 'n'\\) need 4 EB, more than the .* this JVM can use$", refused("eye(1e9)").getMessage());
        assumeMoreThanAvailable(40e9);
        matches("^zeros: 100000 x 100000 floats \\(argument 'shape'\\) need 40 GB, more than the [0-9.]+ [kMGT]?B this JVM can use$",
                refused("zeros(1e5, 1e5)").getMessage());
        matches("^randn: 100000 x 100000 floats \\(argument 'shape'\\) need 120 GB", refused("randn(1e5, 1e5)").getMessage());
        matches("^linspace: 1e10 floats \\(argument 'n'\\) need 120 GB", refused("linspace(0, 1, 1e10)").getMessage());
        matches("^logspace: 1e10 floats", refused("logspace(0, 1, 1e10)").getMessage());
        matches("^ones: 200000 x 200000 x 2 floats", refused("ones(2e5, 2e5, 2)").getMessage());
    }

    @Test
    void threeBillionZerosFailFastInsteadOfHanging() {
        assumeMoreThanAvailable(12e9);
        matches("^zeros: 3e9 floats \\(argument 'shape'\\) need 12 GB", refused("zeros(3e9)").getMessage());
    }

    @Test
    void datasetsNetworksAndModelsTooLargeAreRefused() {
        assumeMoreThanAvailable(28e9);
        matches("^mixture: 1e9 x 1e6 floats \\(arguments 'n', 'd'\\) need", refused("mixture(1e9, d: 1e6)").getMessage());
        matches("^gaussian: 1e9 x 1e9 floats", refused("gaussian(1e9, 1e9)").getMessage());
        matches("^sphere: 1e9 x 1000 floats", refused("sphere(1e9, 1000)").getMessage());
        matches("^quadratic: 1e9 x 1e9 floats \\(argument 'dim'\\) need 4 EB",
                refused("quadratic(dim: 1e9, phi: x => x)").getMessage());
        RuntimeError dense = refused("arch wide() {\n  output(dense(input(1), 1e9))\n}\ninit(wide())", 2);
        matches("^dense: 1e9 x 1 floats \\(arguments 'units', 'src'\\) need 28 GB", dense.getMessage());
        assertTrue(dense.trace().get(0).contains("called at guard.cat:4"), dense.trace().toString());
    }

    @Test
    void aKernelTooLargeForMemoryIsRefusedBeforeTheJacobian() {
        assumeMoreThanAvailable(4e10);
        matches("^ntk: 100000 x 100000 floats \\(argument 'data'\\) need 40 GB",
                refused(ARCH + "ntk(init(fcn()), zeros(100000, 1))").getMessage());
    }

    @Test
    void sweepGridsAndMetricsTooLargeAreRefusedBeforeTheyAreBuilt() {
        assumeMoreThanAvailable(4e12);
        matches("^sweep: 2e9 grid points \\(argument 'grid'\\) need 4 TB",
                refused("sweep({a: 1..1e9, b: [1, 2]}, cfg => cfg.a)").getMessage());
        matches("^ntk_eigs: 1e9 metric columns \\(argument 'k'\\) need 200 GB", refused("ntk_eigs(1e9)").getMessage());
    }

    @Test
    void countsBeyondTheIntegerRangeAreNamedNotWrapped() {
        assertEquals("train: argument 'steps' is 1e12, too large (at most 2147483647)",
                refused(ARCH + "train(init(fcn()), mixture(8), gd(0.1), steps: 1e12)").getMessage());
        assertEquals("digits: argument 'classes' must hold integer class ids, got 1000000000000",
                refused("digits(classes: [1e12, 1])").getMessage());
    }

    @Test
    void badInputToMathIsAUserErrorNotAnInternalOne() {
        matches("^polyfit: x holds 1 distinct value; a degree-2 fit needs at least 3$", refused("polyfit([1, 1, 1], [1, 2, 3], 2)").getMessage());
        matches("^eigs: the matrix holds nan or inf", refused("eigs(tensor([[0 / 0, 1], [1, 0]]))").getMessage());
        matches("^eigvecs: the matrix holds nan or inf", refused("eigvecs(tensor([[1, 0], [0, 1 / 0]]))").getMessage());
    }

    @Test
    void emptyDataIsRefusedWhereItIsMade() {
        matches("^dataset slice \\[0:0\\] of a dataset with n=8 is empty$", refused(ARCH + "ntk(init(fcn()), mixture(8)[0:0])").getMessage());
        matches("^ntk: inputs must be an n x d tensor with n >= 1", refused(ARCH + "ntk(init(fcn()), zeros(0, 1))").getMessage());
    }

    @Test
    void recursionWithoutLoopsStopsAtCtrlC() throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            interp.requestInterrupt();
        });
        stopper.start();
        Interrupted e = assertTimeoutPreemptively(HANG, () -> assertThrows(Interrupted.class,
                () -> interp.run("fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\nfib(60)", "fib.cat")));
        stopper.join();
        assertEquals(1, e.span().line(), e.format());
    }

    @Test
    void aLargeDrawStopsAtCtrlC() throws Exception {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            interp.requestInterrupt();
        });
        assumeTrue(MemoryBudget.available() > 2e9, "needs about 1.2 GB for a long draw");
        stopper.start();
        long t0 = System.nanoTime();
        Interrupted e = assertThrows(Interrupted.class, () -> interp.run("let x = randn(10000, 10000, seed: 1)", "draw.cat"));
        stopper.join();
        assertEquals(1, e.span().line());
        assertTrue(System.nanoTime() - t0 < 20e9, "stopped within seconds of the request");
    }
}
