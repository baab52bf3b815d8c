package catapult.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need to run Catapult code: every entry of this JVM's class
 * path plus this module, except Spark and its dependencies (the cluster has its own; they are
 * listed in spark-jars.txt next to this module's classes). Class directories of a development
 * build are packed into temporary jars, since Spark ships only files. This is what
 * {@code spark.jars} is set to for a non-local master.
 */
final class ExecutorJars {
    private static final Map<Path, Path> PACKED = new HashMap<>();

    private ExecutorJars() {}

    static List<String> list() {
        Path module = moduleLocation();
        Set<String> sparkOwn = sparkJars(module);
        Set<Path> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) entries.add(Path.of(e).toAbsolutePath().normalize());
        }
        if (module != null) entries.add(module);
        List<String> out = new ArrayList<>();
        for (Path p : entries) {
            if (sparkOwn.contains(p.toString()) || !Files.exists(p)) continue;
            out.add((Files.isDirectory(p) ? packed(p) : p).toString());
        }
        return out;
    }

    /** Where this module's classes are: target/classes or the module's jar. */
    private static Path moduleLocation() {
        try {
            return Path.of(ExecutorJars.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The jars of spark-jars.txt, written by the build next to this module's classes. */
    private static Set<String> sparkJars(Path module) {
        Set<String> out = new HashSet<>();
        if (module == null) return out;
        Path list = module.getParent().resolve("spark-jars.txt");
        try {
            for (String e : Files.readString(list).trim().split(File.pathSeparator)) {
                if (!e.isBlank()) out.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        } catch (IOException e) {
            // no list: ship every entry (a cluster ignores jars it already has)
        }
        return out;
    }

    /** A directory of classes as a jar in the temporary directory, made once per JVM. */
    private static synchronized Path packed(Path dir) {
        return PACKED.computeIfAbsent(dir, d -> {
            try {
                Path jar = Files.createTempFile("catapult-" + d.getParent().getParent().getFileName() + "-", ".jar");
                jar.toFile().deleteOnExit();
                try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                     Stream<Path> files = Files.walk(d)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        zip.putNextEntry(new JarEntry(d.relativize(f).toString().replace(File.separatorChar, '/')));
                        Files.copy(f, zip);
                        zip.closeEntry();
                    }
                }
                return jar;
            } catch (IOException e) {
                throw new IllegalStateException("cannot pack " + d + " into a jar for the executors: " + e.getMessage(), e);
            }
        });
    }
}
