package catapult.golden;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import catapult.lang.ast.AstPrinter;
import catapult.lang.errors.SyntaxError;
import catapult.lang.syntax.Parser;
import catapult.lang.syntax.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** grammar/examples: parse/*.cat must produce the AST in *.tree; errors/*.cat the diagnostic in *.err. */
class GrammarExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "grammar", "examples");

    @TestFactory
    Stream<DynamicTest> parseExamples() {
        return Golden.files(EXAMPLES.resolve("parse"), ".cat").stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            String tree = AstPrinter.print(Parser.parse(new SourceFile(file.getFileName().toString(), Files.readString(file))));
            Golden.check(Golden.sibling(file, ".tree"), tree);
        }));
    }

    @TestFactory
    Stream<DynamicTest> errorExamples() {
        return Golden.files(EXAMPLES.resolve("errors"), ".cat").stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            SourceFile src = new SourceFile(file.getFileName().toString(), Files.readString(file));
            SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parse(src));
            Golden.check(Golden.sibling(file, ".err"), e.format() + "\n");
        }));
    }

    @Test
    void incompleteInputIsToldFromWrongInput() {
        for (String more : new String[] {"fn f(x) {", "let x = (1 +", "[1, 2,", "print(\"abc", "let x =", "if a { 1 } else {"}) {
            assertTrue(Parser.completeness(more) == Parser.Completeness.INCOMPLETE, more);
        }
        for (String wrong : new String[] {"let = 3", "1 +* 2", ")", "let x = 3 $ 4"}) {
            assertTrue(Parser.completeness(wrong) == Parser.Completeness.INVALID, wrong);
        }
        assertTrue(Parser.completeness("let x = 1\nprint(x)") == Parser.Completeness.COMPLETE);
    }
}
