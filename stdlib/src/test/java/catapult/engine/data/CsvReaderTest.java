package catapult.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Inputs are float32 by default: compare to float32 rounding. */
    static void assertMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-6, "row " + i);
        }
    }

    @Test
    void headerIsDetectedAndTheLastColumnIsTheLabel() throws IOException {
        Path p = write("a.csv", "f1,f2,label\n1.5,2,0\n-3,4e-1,1\n\n5,6,1\n");
        Dataset d = CsvReader.read(p, CsvReader.LabelColumn.last(), ReadOptions.all());
        assertMatrix(new double[][] {{1.5, 2}, {-3, 0.4}, {5, 6}}, d.x().toDoubleMatrix());
        assertArrayEquals(new double[] {-1, 1, 1}, d.y().toDoubleVector(), 0);
        assertEquals("dataset(n=3, d=2, k=1, csv a.csv)", d.describe());
    }

    @Test
    void noHeaderFirstColumnLabelAndGzip() throws IOException {
        Path p = tmp.resolve("b.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("2,0.1,0.2\n0,0.3,0.4\n1,0.5,0.6\n2,0.7,0.8\n".getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = CsvReader.read(p, CsvReader.LabelColumn.first(), ReadOptions.all());
        assertEquals(4, d.n());
        assertArrayEquals(new double[] {0.1, 0.2}, d.x().getRow(0).toDoubleVector(), 1e-7);
        assertArrayEquals(new double[] {0, 0, 1}, d.y().getRow(0).toDoubleVector(), 0);
        Dataset two = CsvReader.read(p, CsvReader.LabelColumn.first(), ReadOptions.all().withClasses(2, 0));
        assertArrayEquals(new double[] {-1, 1, -1}, two.y().toDoubleVector(), 0);
        assertEquals("dataset(n=3, d=2, k=1, csv b.csv.gz 2/0)", two.describe());
    }

    @Test
    void namedColumnsClassNamesAndRegressionTargets() throws IOException {
        Path iris = write("iris.csv", "\"sepal\",species,petal\n5.1,setosa,1.4\n7.0,versicolor,4.7\n6.3,virginica,6.0\n");
        Dataset d = CsvReader.read(iris, CsvReader.LabelColumn.named("species"), ReadOptions.all());
        assertMatrix(new double[][] {{5.1, 1.4}, {7.0, 4.7}, {6.3, 6.0}}, d.x().toDoubleMatrix());
        assertEquals(3, d.k());
        assertArrayEquals(new double[] {0, 0, 1}, d.y().getRow(2).toDoubleVector(), 0);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(iris, CsvReader.LabelColumn.named("petal"), ReadOptions.all()));
        assertTrue(e.getMessage().endsWith("line 2, species: 'setosa' is not a number"), e.getMessage());
        Path numeric = write("reg.csv", "a,b,target\n1,2,0.5\n3,4,-1.5\n5,6,2.25\n7,8,9.75\n");
        Dataset reg = CsvReader.read(numeric, CsvReader.LabelColumn.named("target"), ReadOptions.all().withN(2).withSeed(5));
        assertEquals(2, reg.n());
        for (int i = 0; i < 2; i++) {
            double a = reg.x().getDouble(i, 0);
            double expected = new double[] {0.5, -1.5, 2.25, 9.75}[(int) (a - 1) / 2];
            assertEquals(expected, reg.y().getDouble(i, 0), 1e-7, "target stays with its row");
        }
    }

    @Test
    void badFilesAreReportedWithLineAndColumn() throws IOException {
        Path ragged = write("r.csv", "1,2,3\n4,5\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(ragged, CsvReader.LabelColumn.last(), ReadOptions.all()));
        assertEquals("csv: " + ragged + ": line 2 has 2 fields, expected 3", e.getMessage());
        Path text = write("t.csv", "a,b,y\n1,2,0\n1,x,1\n");
        e = assertThrows(DataFormatException.class, () -> CsvReader.read(text, CsvReader.LabelColumn.last(), ReadOptions.all()));
        assertTrue(e.getMessage().endsWith("line 3, b: 'x' is not a number"), e.getMessage());
        e = assertThrows(DataFormatException.class, () -> CsvReader.read(text, CsvReader.LabelColumn.named("z"), ReadOptions.all()));
        assertTrue(e.getMessage().contains("no column named 'z' (columns: a, b, y)"), e.getMessage());
        Path empty = write("e.csv", "\n\n");
        e = assertThrows(DataFormatException.class, () -> CsvReader.read(empty, CsvReader.LabelColumn.last(), ReadOptions.all()));
        assertTrue(e.getMessage().endsWith("e.csv: is empty"), e.getMessage());
        e = assertThrows(DataFormatException.class,
                () -> CsvReader.read(tmp.resolve("none.csv"), CsvReader.LabelColumn.last(), ReadOptions.all()));
        assertTrue(e.getMessage().contains("none.csv: no such file"), e.getMessage());
        Path plain = write("p.csv", "1,2\n3,4\n");
        e = assertThrows(DataFormatException.class, () -> CsvReader.read(plain, CsvReader.LabelColumn.named("y"), ReadOptions.all()));
        assertTrue(e.getMessage().contains("has no header line"), e.getMessage());
    }

    @Test
    void labelNoneAndColumnIndex() throws IOException {
        Path p = write("c.csv", "1,2,3\n4,5,6\n");
        Dataset none = CsvReader.read(p, CsvReader.LabelColumn.none(), ReadOptions.all());
        assertEquals(3, none.d());
        Dataset mid = CsvReader.read(p, CsvReader.LabelColumn.at(1), ReadOptions.all());
        assertArrayEquals(new double[][] {{1, 3}, {4, 6}}, mid.x().toDoubleMatrix());
        assertArrayEquals(new double[] {-1, 1}, mid.y().toDoubleVector(), 0);
        Dataset raw = CsvReader.read(p, CsvReader.LabelColumn.at(1), ReadOptions.all().withLabels(LabelMode.RAW));
        assertArrayEquals(new double[] {2, 5}, raw.y().toDoubleVector(), 0);
    }
}
