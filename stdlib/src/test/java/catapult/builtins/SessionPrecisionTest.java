package catapult.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import catapult.lang.value.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** precision(64) is a setting of one session: parallel sessions in one JVM never see it. */
class SessionPrecisionTest {

    private static Session session() {
        return Session.standard(SessionSettings.defaults().withOut(new ByteArrayOutputStream()));
    }

    private static DataType dtypeOf(Session s, String code) {
        s.run("let t = " + code, "<t>");
        return ((Tensor) s.getGlobal("t")).array().dataType();
    }

    @Test
    void eightParallelSessionsKeepTheirOwnPrecision() throws Exception {
        int sessions = 8;
        CyclicBarrier start = new CyclicBarrier(sessions);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<List<DataType>>> results = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                boolean switches = i == 0;
                results.add(pool.submit(() -> {
                    Session s = session();
                    s.run("arch tiny() {\n let x = input(2)\n output(dense(relu(dense(x, 8)), 1))\n}", "<arch>");
                    start.await();
                    if (switches) s.run("precision(64)", "<p>");
                    List<DataType> seen = new ArrayList<>();
                    for (int k = 0; k < 30; k++) {
                        seen.add(dtypeOf(s, "randn(4, 3, seed: " + k + ")"));
                        seen.add(dtypeOf(s, "init(tiny(), seed: " + k + ")(tensor([[1.0, 2.0]]))"));
                    }
                    return seen;
                }));
            }
            for (int i = 0; i < sessions; i++) {
                DataType expected = i == 0 ? DataType.DOUBLE : DataType.FLOAT;
                for (DataType t : results.get(i).get(60, TimeUnit.SECONDS)) assertEquals(expected, t, "session " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(DataType.FLOAT, dtypeOf(session(), "zeros(2)"), "a later session starts in float32");
    }

    @Test
    void precisionLastsAcrossEntriesOfOneSessionAndReturnsThePreviousSetting() {
        Session s = session();
        assertEquals(32.0, s.run("precision(64)", "<1>"));
        assertEquals(DataType.DOUBLE, dtypeOf(s, "ones(2, 2)"));
        assertEquals(64.0, s.run("precision(32)", "<2>"));
        assertEquals(DataType.FLOAT, dtypeOf(s, "ones(2, 2)"));
    }

    @Test
    void sweepWorkersRunInTheSweepingSessionsPrecision() {
        Session s = session();
        s.run("precision(64)\nlet t = sweep({i: [1, 2, 3, 4]}, p => {bits: if randn(2, seed: p.i).dtype == \"double\" { 64 } else { 32 }})",
                "<sweep>");
        assertEquals(List.of(64.0, 64.0, 64.0, 64.0), s.run("t.col(\"bits\")", "<c>"));
    }
}
