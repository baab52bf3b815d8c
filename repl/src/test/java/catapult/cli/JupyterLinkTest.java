package catapult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** `catapult jupyter` without the jupyter module on the class path (as in this module's tests) says how to get it. */
class JupyterLinkTest {
    @Test
    void missingModuleIsAClearMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(new String[] {"jupyter", "install"});
        assertEquals(70, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Jupyter module is not on the class path") && text.contains("mvn -B -DskipTests package"), text);
    }
}
