package catapult.lang.syntax;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a script (a file given to {@code catapult run} or named by {@code import}) as text,
 * refusing what is not a script before it costs memory: a device or pipe such as
 * {@code /dev/zero} (which would never end), a file larger than {@link #MAX_BYTES}, binary
 * data (NUL bytes) and text that is not UTF-8. Problems come back as IOExceptions whose
 * message says what is wrong, for the caller to position.
 */
public final class ScriptText {
    /** The largest script accepted: far beyond any hand-written program. */
    public static final long MAX_BYTES = 16L << 20;

    private ScriptText() {}

    /** The file's text; IOException with a readable message when it is not a script. */
    public static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException("is a directory");
        if (Files.exists(file) && !Files.isRegularFile(file)) throw new IOException("is not a regular file");
        if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
            throw new IOException("is " + (Files.size(file) >> 20) + " MB; a script may be at most " + (MAX_BYTES >> 20) + " MB");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw new IOException("is larger than " + (MAX_BYTES >> 20) + " MB, the most a script may be");
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw new IOException("is not a text file (byte " + i + " is NUL)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("is not UTF-8 text");
        }
    }
}
