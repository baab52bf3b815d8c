package catapult.sweep;

import catapult.lang.errors.RuntimeError;
import catapult.lang.syntax.Span;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the engine for a sweep's {@code on:}. "threads" is built in. Anything else is asked of
 * the engines on the class path (an embedding host or a test that has catapult-spark there),
 * then of the catapult-spark module of the Catapult installation ({@code catapult.home}),
 * loaded into its own class loader only now — so runs that never ask for Spark never load it.
 */
public final class SweepEngines {
    /** The spark module's build outputs, relative to the installation. */
    static final String SPARK_CLASSES = "spark/target/classes";
    static final String SPARK_CLASSPATH = "spark/target/spark-jars.txt";

    private static ClassLoader sparkLoader;

    private SweepEngines() {}

    /**
     * Whether {@code on:} names an engine: "threads", "spark", or a Spark master URL
     * ("local", "local[4]", "spark://host:7077", "yarn", "k8s://...").
     */
    public static boolean isKnown(String on) {
        return on.equals("threads") || isSpark(on);
    }

    /** Whether {@code on:} asks for Spark (what the catapult-spark engine accepts). */
    public static boolean isSpark(String on) {
        return on.equals("spark") || on.equals("local") || on.startsWith("local[") || on.startsWith("local-cluster[")
                || on.equals("yarn") || on.contains("://");
    }

    public static SweepEngine find(String on, Span site) {
        if ("threads".equals(on)) return new ThreadSweepEngine();
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class, SweepEngine.class.getClassLoader())) {
            if (e.accepts(on)) return e;
        }
        ClassLoader module = sparkModule();
        if (module != null) {
            for (SweepEngine e : ServiceLoader.load(SweepEngine.class, module)) {
                if (e.accepts(on)) return e;
            }
        }
        throw new RuntimeError("sweep: on: \"" + on + "\" needs the catapult-spark module, which this installation lacks: "
                + "build it (mvn -pl spark -am package) or put catapult-spark and Spark on the class path; on: \"threads\" runs without it",
                site);
    }

    /** A class loader over the installation's built spark module, or null when there is none. */
    private static synchronized ClassLoader sparkModule() {
        if (sparkLoader != null) return sparkLoader;
        String home = System.getProperty("catapult.home");
        if (home == null) return null;
        Path root = Path.of(home);
        Path classes = root.resolve(SPARK_CLASSES);
        Path classpath = root.resolve(SPARK_CLASSPATH);
        if (!Files.isDirectory(classes) || !Files.isRegularFile(classpath)) return null;
        try {
            List<URL> urls = new ArrayList<>();
            urls.add(classes.toUri().toURL());
            for (String entry : Files.readString(classpath).trim().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) urls.add(Path.of(entry).toUri().toURL());
            }
            sparkLoader = new URLClassLoader("catapult-spark", urls.toArray(new URL[0]), SweepEngines.class.getClassLoader());
            return sparkLoader;
        } catch (IOException e) {
            return null;
        }
    }
}
