package catapult.spark;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: a Master and one Worker, each a child
 * JVM started from the build's own class path (org.apache.spark.deploy.master.Master and
 * ...deploy.worker.Worker), with a SPARK_HOME whose jars/ holds links to Spark's jars as a
 * distribution would. Executors are children of the Worker process.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Process master;
    private final Process worker;
    private final int port;
    private final int masterUi;

    private StandaloneCluster(Process master, Process worker, int port, int masterUi) {
        this.master = master;
        this.worker = worker;
        this.port = port;
        this.masterUi = masterUi;
    }

    static StandaloneCluster start(Path dir) throws Exception {
        List<String> sparkJars = sparkJars();
        Path home = sparkHome(dir, sparkJars);
        String cp = String.join(File.pathSeparator, sparkJars) + File.pathSeparator + slf4jSimple();
        int port = freePort();
        int masterUi = freePort();
        Process master = launch(dir.resolve("master.log"), home, cp, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", "" + port, "--webui-port", "" + masterUi);
        Process worker = launch(dir.resolve("worker.log"), home, cp, "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", "" + freePort(),
                "--work-dir", dir.resolve("work").toString(), "spark://127.0.0.1:" + port);
        StandaloneCluster c = new StandaloneCluster(master, worker, port, masterUi);
        c.awaitWorker(dir);
        return c;
    }

    String masterUrl() { return "spark://127.0.0.1:" + port; }

    /** The executor JVM the Worker runs for the application, if one is running. */
    Optional<ProcessHandle> executor() {
        return worker.toHandle().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst();
    }

    @Override
    public void close() {
        for (Process p : new Process[] {worker, master}) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private void awaitWorker(Path dir) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!master.isAlive() || !worker.isAlive()) break;
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + masterUi + "/json/").toURL().openConnection();
                c.setConnectTimeout(1000);
                String json = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (json.matches("(?s).*\"aliveworkers\"\\s*:\\s*[1-9].*")) return;
            } catch (IOException notYet) {
                // the master's web UI is not up yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("the standalone cluster did not start; logs:\n" + Files.readString(dir.resolve("master.log"))
                + "\n" + Files.readString(dir.resolve("worker.log")));
    }

    private static Process launch(Path log, Path home, String cp, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String opt : System.getProperty("catapult.test.sparkJvmOptions", "").split(" ")) if (!opt.isBlank()) cmd.add(opt);
        cmd.addAll(List.of("-cp", cp, main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Spark and its dependencies, as the build listed them. */
    private static List<String> sparkJars() throws IOException {
        List<String> out = new ArrayList<>();
        for (String e : Files.readString(Path.of("target", "spark-jars.txt")).trim().split(File.pathSeparator)) {
            if (!e.isBlank()) out.add(e);
        }
        return out;
    }

    private static String slf4jSimple() {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) if (e.contains("slf4j-simple")) return e;
        return "";
    }

    /** A SPARK_HOME as a distribution lays it out: jars/ (links to Spark's jars). */
    private static Path sparkHome(Path dir, List<String> jars) throws IOException {
        Path home = dir.resolve("spark-home");
        Path lib = Files.createDirectories(home.resolve("jars"));
        for (String j : jars) {
            Path jar = Path.of(j);
            Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar.toAbsolutePath());
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
