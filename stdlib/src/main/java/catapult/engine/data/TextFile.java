package catapult.engine.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads a text file (JSON or CSV given to {@code load}) with the same checks as the data
 * readers: a regular file, small enough for the memory left, gunzipped when compressed, and
 * valid UTF-8. Problems are {@link DataFormatException}s naming the file.
 */
public final class TextFile {
    /** Memory per byte while a text file becomes values: the bytes, the text, the parsed values. */
    private static final double EXPANSION = 8;

    private TextFile() {}

    /** The file's text; {@code reader} names the built-in in messages. */
    public static String read(String reader, Path path) {
        byte[] bytes = DataFiles.readAll(reader, path, EXPANSION);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(reader, path.toString(), "is not UTF-8 text");
        }
    }
}
