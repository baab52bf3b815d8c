package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.codec.UnshippableValue;
import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Values travel by value through JSON text into a fresh session and come back equivalent:
 * tensors bit for bit, functions with exactly the values they use, models with their weights
 * and expansion points (training on continues bit-identically).
 */
class ValueCodecTest {

    private static Session session() {
        return Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
    }

    /** The global's value written as text and read back in a new session. */
    private static Object ship(Session from, String global) {
        String text = ValueJson.write(from.getGlobal(global), "test", "'" + global + "'", Span.NONE);
        return ValueJson.read(text, session());
    }

    @Test
    void plainValuesComeBackEqualIncludingNonFiniteAndNegativeZero() {
        Session s = session();
        s.run("let v = {a: 1.5, b: [1, \"x\", true, none], c: 0 / 0, d: -1 / 0, e: -0.0, r: 2..5, nested: {k: [[1, 2]]}}", "<t>");
        Record back = (Record) ship(s, "v");
        assertEquals(((Record) s.getGlobal("v")).with("c", 0.0), back.with("c", 0.0));
        assertTrue(Double.isNaN((Double) back.get("c")));
        assertEquals(Double.NEGATIVE_INFINITY, back.get("d"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get("e")));
    }

    @Test
    void tensorsKeepDtypeShapeAndBits() {
        Session s = session();
        INDArray f = Nd4j.rand(DataType.FLOAT, 3, 4, 2).subi(0.5);
        f.putScalar(new long[] {0, 0, 0}, Float.intBitsToFloat(0x7fc00123));
        INDArray view = Nd4j.rand(DataType.DOUBLE, 5, 6).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5));
        s.setGlobal("f", new Tensor(f));
        s.setGlobal("view", new Tensor(view));
        s.setGlobal("ints", new Tensor(Nd4j.createFromArray(new int[] {1, -2, 3})));
        INDArray f2 = ((Tensor) ship(s, "f")).array();
        assertEquals(DataType.FLOAT, f2.dataType());
        assertArrayEquals(f.shape(), f2.shape());
        assertArrayEquals(bits(f), bits(f2));
        INDArray v2 = ((Tensor) ship(s, "view")).array();
        assertEquals(DataType.DOUBLE, v2.dataType());
        assertEquals(view, v2);
        INDArray i2 = ((Tensor) ship(s, "ints")).array();
        assertEquals(DataType.INT, i2.dataType());
        assertEquals(Nd4j.createFromArray(new int[] {1, -2, 3}), i2);
    }

    private static int[] bits(INDArray a) {
        float[] v = a.dup('c').data().asFloat();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }

    @Test
    void functionsCarryTheValuesTheirBodyUsesRecursively() {
        Session s = session();
        s.run("""
                let a = 3
                let unused = randn(1000)
                fn g(y) = y + a
                fn fact(n) = if n < 2 { 1 } else { n * fact(n - 1) }
                fn make(k) = x => x * k + g(x)
                let h = make(5)
                fn f(x) {
                  let local = 2
                  h(x) + fact(4) * local
                }
                """, "defs.cat");
        Session fresh = session();
        String text = ValueJson.write(s.getGlobal("f"), "test", "the body", Span.NONE);
        assertTrue(text.length() < 3000, "only the names the body uses travel, not the 1000 numbers of 'unused'");
        CatFunction f = (CatFunction) ValueJson.read(text, fresh);
        assertEquals(2 * 5 + 2 + 3 + 24 * 2.0, fresh.call(f, List.of(2.0), Map.of(), Span.NONE));
    }

    @Test
    void errorsInShippedFunctionsPointAtTheOriginalSource() {
        Session s = session();
        s.run("let k = 1\nfn f(x) {\n  assert(x + k < 0, \"positive\")\n}", "orig.cat");
        Session fresh = session();
        CatFunction f = (CatFunction) ship(s, "f");
        catapult.lang.errors.CatapultError e = assertThrows(catapult.lang.errors.CatapultError.class,
                () -> fresh.call(f, List.of(1.0), Map.of(), Span.NONE));
        assertTrue(e.format().startsWith("orig.cat:3:"), e.format());
    }

    @Test
    void anUnshippableValueIsReportedAtTheUseOfItsVariable() {
        Session s = session();
        s.run("""
                let data = mixture(16, d: 1, seed: 0)
                let net = init(arch_t(), seed: 0)
                arch arch_t() { output(dense(input(1), 1)) }
                let run = train(net, data, gd(0.1), steps: 2)
                fn helper() = run.final.loss
                let body = cfg => cfg.x + helper()
                """.replace("let net = init(arch_t(), seed: 0)\narch arch_t() { output(dense(input(1), 1)) }",
                "arch arch_t() { output(dense(input(1), 1)) }\nlet net = init(arch_t(), seed: 0)"), "u.cat");
        UnshippableValue e = assertThrows(UnshippableValue.class,
                () -> ValueJson.write(s.getGlobal("body"), "sweep", "the body", Span.NONE));
        assertTrue(e.format().startsWith("u.cat:5:15: sweep: cannot ship 'run' (captured by 'helper'): a run"), e.format());
    }

    @Test
    void optimizersSchedulesMetricsAndDataTravelAsWhatTheyAre() {
        Session s = session();
        s.run("""
                let opt = sgd(cosine(0.5, 100), batch: 4)
                let lrfn = t => 0.1 / (1 + t)
                let opt2 = gd(lrfn)
                let m = ntk_eigs(2)
                let data = mixture(16, d: 2, seed: 3)
                let v = {opt: opt, opt2: opt2, m: m, data: data, again: data}
                """, "<t>");
        Record back = (Record) ship(s, "v");
        assertEquals(((OptimizerValue) s.getGlobal("opt")).show(), ((OptimizerValue) back.get("opt")).show());
        assertEquals("ntk_eigs(2)", ((MetricValue) back.get("m")).show().replace(" ", ""));
        DatasetValue d = (DatasetValue) back.get("data");
        assertEquals(((DatasetValue) s.getGlobal("data")).dataset().x(), d.dataset().x());
        assertSame(back.get("data"), back.get("again"), "one dataset reachable twice comes back as one");
        OptimizerValue o2 = (OptimizerValue) back.get("opt2");
        assertEquals(0.05, o2.optimizer().lr().at(1, catapult.engine.train.LrContext.none()), 1e-12);
    }

    @Test
    void trainedModelsReloadAndTrainOnBitIdentically() {
        for (String kind : List.of("net", "linear(net)", "quadratic(net)",
                "quadratic(dim: 8, phi: x => [x[0], x[1], x[0] * x[1], 1, x[0] ^ 2, x[1] ^ 2, x[0] - x[1], 2], gamma: 0.01)")) {
            Session s = session();
            s.run("""
                    arch mlp(width = 16) {
                      let x = input(2)
                      output(dense(tanh(dense(x, width, bias: true)), 1))
                    }
                    let data = regress(mixture(24, d: 2, seed: 1), "rank2")
                    let net = init(mlp(width: 16), seed: 4)
                    let m = %s
                    train(m, data, gd(0.05), steps: 10)
                    """.formatted(kind), "<t>");
            ModelValue shipped = (ModelValue) ship(s, "m");
            ModelValue original = (ModelValue) s.getGlobal("m");
            assertNotSame(original.model().params(), shipped.model().params());
            assertEquals(original.model().params(), shipped.model().params(), kind);
            assertEquals(original.model().initialParams(), shipped.model().initialParams(), kind);
            Session other = session();
            other.setGlobal("m", shipped);
            other.setGlobal("data", s.getGlobal("data"));
            other.run("train(m, data, gd(0.05), steps: 10)", "<t>");
            s.run("train(m, data, gd(0.05), steps: 10)", "<t>");
            assertArrayEquals(original.model().params().toFloatVector(), shipped.model().params().toFloatVector(), 0f, kind);
        }
    }

    @Test
    void saveAndLoadKeepAModelWhole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Session s = session();
        String file = dir.resolve("m.json").toString().replace("\\", "/");
        s.run("""
                arch mlp(width = 8) { output(dense(relu(dense(input(2), width)), 1)) }
                let data = regress(mixture(20, d: 2, seed: 2), "rank2")
                let m = quadratic(init(mlp(width: 8), seed: 1))
                train(m, data, gd(0.1), steps: 10)
                save(m, "%s")
                let back = load("%s")
                train(m, data, gd(0.1), steps: 10)
                train(back, data, gd(0.1), steps: 10)
                """.formatted(file, file), "<t>");
        INDArray a = ((ModelValue) s.getGlobal("m")).model().params();
        INDArray b = ((ModelValue) s.getGlobal("back")).model().params();
        assertArrayEquals(a.toFloatVector(), b.toFloatVector(), 0f);
        assertEquals("quadratic(network(params=24, width=8, depth=2))", ((ModelValue) s.getGlobal("back")).show());
    }

    @Test
    void float64NetworksStayFloat64() {
        Session s = session();
        s.run("precision(64)\narch a() { output(dense(input(3), 4)) }\nlet net = init(a(), seed: 2)", "<t>");
        ModelValue m = (ModelValue) ship(s, "net");
        assertEquals(DataType.DOUBLE, m.model().params().dataType());
        assertEquals(((ModelValue) s.getGlobal("net")).model().params(), m.model().params());
    }
}
