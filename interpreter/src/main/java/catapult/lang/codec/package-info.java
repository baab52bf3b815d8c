/**
 * The value codec: language values encoded by value as a tree of plain JSON-shaped Java values
 * (maps, lists, strings, numbers, booleans, null) and decoded in another session, possibly in
 * another process, into equivalent values. Sweeps on Spark ship their body and grid this way,
 * and {@code save}/{@code load} keep models whole with it.
 *
 * <p>Start with {@link catapult.lang.codec.ValueEncoder} and
 * {@link catapult.lang.codec.ValueDecoder}. Functions, lambdas and architectures travel as
 * their source text plus the values of the free names their body uses
 * ({@link catapult.lang.codec.FreeNames}); values of built-ins marked replayable travel as the
 * call that made them ({@link catapult.lang.codec.CallRecipes}); modules above the language
 * (models, datasets, tables) add their types through {@link catapult.lang.codec.CodecExtension}.
 * This module knows nothing of the engine.
 */
package catapult.lang.codec;
