package catapult.engine.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {

    private static Map<String, Object> rec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private final Table t = Table.of(List.of(
            rec("lr", 0.5, "model", "net", "seed", 0, "loss", 1.0, "diverged", false),
            rec("lr", 0.5, "model", "net", "seed", 1, "loss", 3.0, "diverged", true),
            rec("lr", 0.1, "model", "lin", "seed", 0, "loss", 2.0, "diverged", false),
            rec("lr", 0.5, "model", "lin", "seed", 0, "loss", 4.0, "diverged", false)));

    @Test
    void columnsInFirstAppearanceOrder() {
        assertEquals(List.of("lr", "model", "seed", "loss", "diverged"), t.columns());
        assertEquals(List.of(1.0, 3.0, 2.0, 4.0), t.col("loss"));
        assertThrows(IllegalArgumentException.class, () -> t.col("los"));
    }

    @Test
    void whereAndSort() {
        assertEquals(2, t.where(r -> r.get("model").equals("lin")).size());
        assertEquals(List.of(0.1, 0.5, 0.5, 0.5), t.sort("lr").col("lr"));
        assertEquals(List.of(4.0, 3.0, 2.0, 1.0), t.sort("loss", true).col("loss"));
        assertEquals(List.of("lin", "lin", "net", "net"), t.sort("model").col("model"));
    }

    @Test
    void meanByAveragesTheMeasurementsAndDropsTheSeed() {
        Table m = t.meanBy("lr", "model");
        assertEquals(List.of("lr", "model", "loss", "diverged"), m.columns());
        assertEquals(3, m.size());
        assertEquals(rec("lr", 0.5, "model", "net", "loss", 2.0, "diverged", 0.5), m.row(0));
        assertEquals(rec("lr", 0.1, "model", "lin", "loss", 2.0, "diverged", 0.0), m.row(1));
        assertEquals(List.of("lr", "model"), m.keys());
    }

    @Test
    void stdByGivesTheSampleSpreadOverTheOtherKeys() {
        Table s = t.stdBy("lr", "model");
        assertEquals(List.of("lr", "model", "loss", "diverged"), s.columns());
        assertEquals(Math.sqrt(2), (Double) s.row(0).get("loss"), 1e-15);
        assertTrue(Double.isNaN((Double) s.row(1).get("loss")), "one row has no spread");
    }

    @Test
    void declaredKeysAreNotAveraged() {
        Table grid = Table.of(List.of(rec("width", 64, "depth", 2, "loss", 1.0), rec("width", 64, "depth", 3, "loss", 3.0)))
                .withKeys(List.of("width", "depth"));
        assertEquals(List.of(rec("width", 64, "loss", 2.0)), grid.meanBy("width").rows());
        assertEquals(List.of("width", "depth"), grid.where(r -> true).sort("loss").rows(0, 1, 1).keys());
        Table undeclared = Table.of(List.of(rec("width", 64, "depth", 2, "loss", 1.0)));
        assertEquals(List.of("width", "depth", "loss"), undeclared.meanBy("width").columns());
    }

    @Test
    void csvNumbersReadBackExactly(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("x.csv");
        Table.of(List.of(rec("a", 1.0 / 3, "b", 0.1f, "c", 1e-9))).save(csv);
        assertEquals("a,b,c\n0.3333333333333333,0.10000000149011612,1e-09\n", Files.readString(csv));
    }

    @Test
    void prettyTextAlignsColumns() {
        String text = Table.of(List.of(rec("lr", 0.5, "label", "catapult"), rec("lr", 10, "label", "x"))).toString();
        assertEquals(String.join("\n",
                " lr  label",
                "---  --------",
                "0.5  catapult",
                " 10  x",
                "(2 rows)"), text);
    }

    @Test
    void savesCsvAndJson(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        t.where(r -> r.get("seed").equals(1)).save(csv);
        assertEquals("lr,model,seed,loss,diverged\n0.5,net,1,3,true\n", Files.readString(csv));
        Path json = dir.resolve("sub/t.json");
        Table.of(List.of(rec("a", 1, "b", "x\"y", "c", Double.NaN))).save(json);
        assertEquals("[{\"a\": 1, \"b\": \"x\\\"y\", \"c\": NaN}]\n", Files.readString(json));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.save(dir.resolve("t.txt")));
        assertTrue(e.getMessage().contains(".csv or .json"));
    }
}
