package catapult.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import catapult.lang.session.Session;
import catapult.lang.session.SessionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine (and the sweep runner) phrase their exceptions about their own inputs; the builtin that called them adds its
 * name (Builtin.invoke), so no engine message may start with a builtin's name and a colon
 * ("train: ..."), which would read "train: train: ..." or name the wrong builtin.
 */
class EngineMessagesTest {
    private static final List<Path> ENGINE = List.of(Path.of("src/main/java/catapult/engine"), Path.of("src/main/java/catapult/sweep"));
    private static final Pattern PREFIXED = Pattern.compile("Exception\\(\\s*\"([a-z_][a-z0-9_]*):");

    @Test
    void noEngineOrSweepExceptionMessageStartsWithABuiltinName() throws IOException {
        Set<String> builtins = Set.copyOf(Session.standard(SessionSettings.defaults()).registry().names());
        assertTrue(builtins.contains("train") && builtins.contains("dense"), "the registry lists the builtins");
        List<String> offenders = new ArrayList<>();
        for (Path root : ENGINE) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    for (String name : prefixes(Files.readString(f))) {
                        if (builtins.contains(name)) offenders.add(f + ": \"" + name + ": ...\"");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theScanFindsAPrefixedMessage() {
        assertEquals(List.of("train", "plot"), prefixes("""
                throw new IllegalArgumentException("train: the model has 2 outputs");
                throw new IllegalStateException(
                        "plot: nothing to plot");
                throw new IllegalArgumentException("the data has d=3 but the reference has d=2");
                """));
    }

    private static List<String> prefixes(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = PREFIXED.matcher(source);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
