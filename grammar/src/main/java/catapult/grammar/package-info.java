/**
 * The lexer and parser that ANTLR 4 generates at build time from {@code Catapult.g4} (visitor
 * only, no listener). Nothing here is written by hand; catapult.lang.syntax turns its parse trees
 * into the language's AST. The grammar module's {@code examples/} hold golden parse and
 * syntax-error files.
 */
package catapult.grammar;
