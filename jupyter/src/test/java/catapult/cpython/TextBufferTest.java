package catapult.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Printed output drained in pieces never splits a UTF-8 character. */
class TextBufferTest {
    @Test
    void drainsWhatWasWrittenOnce() {
        TextBuffer b = new TextBuffer();
        b.write("hello\n".getBytes(StandardCharsets.UTF_8), 0, 6);
        assertEquals("hello\n", b.drain());
        assertEquals("", b.drain());
    }

    @Test
    void aCharacterSplitAcrossWritesWaitsForItsLastByte() {
        byte[] lambda = "λ=1".getBytes(StandardCharsets.UTF_8); // λ is two bytes
        TextBuffer b = new TextBuffer();
        b.write(lambda, 0, 1);
        assertEquals("", b.drain());
        b.write(lambda, 1, lambda.length - 1);
        assertEquals("λ=1", b.drain());
    }
}
