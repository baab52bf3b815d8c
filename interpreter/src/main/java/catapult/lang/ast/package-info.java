/**
 * The abstract syntax tree: immutable records under the sealed interfaces {@link
 * catapult.lang.ast.Expr} and {@link catapult.lang.ast.Stmt}, each carrying the source span it
 * came from; a {@link catapult.lang.ast.Program} is a script's statements. The parser builds it,
 * the resolver checks it, the interpreter walks it; {@link catapult.lang.ast.AstPrinter} dumps it
 * for the golden parse tests.
 */
package catapult.lang.ast;
