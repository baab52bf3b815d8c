package catapult.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code :help} with the real registry: every builtin under a described category heading, short enough to read. */
class HelpTextTest {
    private final InterpreterSession session = InterpreterSession.standard();

    @Test
    void everyBuiltinIsListedOnceUnderItsDescribedCategory() {
        Map<String, String> categories = session.categories();
        String help = HelpText.overview(session.builtins(), categories, 100);
        for (Map.Entry<String, String> c : categories.entrySet()) {
            assertFalse(c.getValue().isBlank(), "category '" + c.getKey() + "' needs a description");
            assertTrue(help.contains("\n" + c.getKey() + " - " + c.getValue() + "\n"), c.getKey() + " heading in\n" + help);
        }
        List<String> listed = help.lines().filter(l -> l.startsWith("  ") && !l.startsWith("  :"))
                .flatMap(l -> List.of(l.strip().split(" ")).stream()).toList();
        List<String> names = session.builtins().stream().map(BuiltinDoc::name).toList();
        assertEquals(names.stream().sorted().toList(), listed.stream().sorted().toList());
        assertTrue(help.lines().count() < 70, "fits a screen or two: " + help.lines().count() + " lines");
        assertTrue(help.lines().allMatch(l -> l.length() <= 100 || l.startsWith("Built-ins")), help);
    }

    @Test
    void aCategoryShowsItsSummaries() {
        String kernels = HelpText.category("kernels", session.categories().get("kernels"), session.builtins());
        assertTrue(kernels.startsWith("kernels - "), kernels);
        assertTrue(kernels.contains("  critical_lr ") && kernels.contains("critical learning rate"), kernels);
    }

    @Test
    void precisionSaysFloat32IsTheDefault() {
        BuiltinDoc precision = session.builtins().stream().filter(b -> b.name().equals("precision")).findFirst().orElseThrow();
        assertTrue(HelpText.builtin(precision).contains("float32 is the default"), HelpText.builtin(precision));
    }
}
