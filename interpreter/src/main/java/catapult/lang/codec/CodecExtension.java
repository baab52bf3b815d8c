package catapult.lang.codec;

import java.util.List;
import java.util.Map;

/**
 * How a module above the language ships its own value types (models, datasets, tables). Modules
 * list implementations in META-INF/services/catapult.lang.codec.CodecExtension.
 *
 * <p>An extension encodes a value as a map of JSON-shaped fields (encoding nested language
 * values and arrays through the encoder, so they are shared and checked like any other) and
 * rebuilds it from that map in the decoding session.
 */
public interface CodecExtension {

    /** The type tags ({@code "t"} field values) this extension writes and reads, e.g. "model". */
    List<String> tags();

    /** Whether this extension encodes {@code value}. */
    boolean handles(Object value);

    /**
     * The object whose identity stands for the value: two language values that wrap one engine
     * object ship once and come back as one. Defaults to the value itself.
     */
    default Object identity(Object value) { return value; }

    /** The fields of {@code value}, with {@code "t"} set to one of {@link #tags()}. */
    Map<String, Object> encode(Object value, ValueEncoder encoder);

    /** The value the fields describe, made in the decoder's session. */
    Object decode(Map<String, ?> fields, ValueDecoder decoder);
}
