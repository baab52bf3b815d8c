/**
 * From text to AST: {@link catapult.lang.syntax.Parser} runs the ANTLR grammar (Catapult.g4,
 * generated at build time) and {@link catapult.lang.syntax.AstBuilder} turns the parse tree into
 * the immutable AST; syntax errors are reported at the offending token (an unclosed bracket at
 * the bracket). {@link catapult.lang.syntax.SourceFile} and {@link catapult.lang.syntax.Span} give
 * every node its file, line and column for diagnostics. The parser also answers whether an input
 * is complete, which the REPL uses to ask for another line.
 */
package catapult.lang.syntax;
