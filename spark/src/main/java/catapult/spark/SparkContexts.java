package catapult.spark;

import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one Spark context of this JVM (Spark allows one), made on first use for a master and kept
 * for the next sweeps to the same master, so only the first sweep pays Spark's start-up. A sweep
 * to another master stops it and starts a new one. Spark's own shutdown hook stops it on exit.
 */
final class SparkContexts {
    private static JavaSparkContext current;
    private static String currentMaster;

    private SparkContexts() {}

    static synchronized JavaSparkContext forMaster(String master) {
        if (current != null && master.equals(currentMaster) && !current.sc().isStopped()) return current;
        if (current != null) current.stop();
        current = null;
        MasterUrls.checkReachable(master);
        SparkConf conf = conf(master);
        current = withSparkLoader(() -> new JavaSparkContext(conf));
        currentMaster = master;
        return current;
    }

    /** Stops the context, if any (a host shutting down, or a test handing its cluster back). */
    static synchronized void stop() {
        if (current != null) current.stop();
        current = null;
        currentMaster = null;
    }

    /** Runs body with this module's class loader as the thread's context loader (Spark finds its classes through it). */
    static <T> T withSparkLoader(Supplier<T> body) {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(SparkContexts.class.getClassLoader());
        try {
            return body.get();
        } finally {
            t.setContextClassLoader(saved);
        }
    }

    private static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("catapult sweep")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.locality.wait", "0s")
                .setIfMissing("spark.executor.extraJavaOptions", "-Xss16m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "
                        + "-Dorg.slf4j.simpleLogger.log.org.apache.spark=error -Dorg.slf4j.simpleLogger.log.org.apache.hadoop=error")
                .setIfMissing("spark.executorEnv.OMP_NUM_THREADS", System.getenv().getOrDefault("OMP_NUM_THREADS", "1"));
        if (MasterUrls.isLocal(master) || MasterUrls.onLoopback(master)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!MasterUrls.isLocal(master)) conf.set("spark.jars", String.join(",", ExecutorJars.list()));
        return conf;
    }
}
