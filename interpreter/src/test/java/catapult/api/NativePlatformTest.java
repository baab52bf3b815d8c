package catapult.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The build puts the ND4J native library of the machine it runs on on the class path: the
 * parent pom's OS-activated profiles choose the javacpp.platform classifier (linux-x86_64,
 * linux-arm64, macosx-x86_64, macosx-arm64, windows-x86_64), and ND4J's own poms follow it.
 */
class NativePlatformTest {

    static String expectedPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : arch;
        String family = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : os;
        return family + "-" + cpu;
    }

    @Test
    void theNativeJarsMatchThisMachine() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> natives = Arrays.stream(classpath.split(File.pathSeparator))
                .map(p -> new File(p).getName()).filter(n -> n.startsWith("nd4j-native-1") || n.startsWith("openblas-")).toList();
        String platform = expectedPlatform();
        assertTrue(natives.stream().anyMatch(n -> n.startsWith("nd4j-native-") && n.endsWith("-" + platform + ".jar")), platform + " not among " + natives);
        assertTrue(natives.stream().anyMatch(n -> n.startsWith("openblas-") && n.endsWith("-" + platform + ".jar")),
                "OpenBLAS for " + platform + " not among " + natives);
        assertTrue(natives.stream().filter(n -> n.matches(".*-(linux|macosx|windows)-.*\\.jar")).allMatch(n -> n.endsWith(platform + ".jar")),
                "only this platform's natives: " + natives);
    }
}
