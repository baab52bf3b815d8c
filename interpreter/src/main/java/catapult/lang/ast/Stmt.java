package catapult.lang.ast;

import catapult.lang.syntax.Span;
import java.util.List;

/** Statements: the units a script, a block or a REPL entry is made of. */
public sealed interface Stmt {
    Span span();

    record Let(String name, Expr value, Span span) implements Stmt {}
    record Assign(String name, Expr value, Span span) implements Stmt {}
    /** fn name(params) { body } and fn name(params) = expr (body of one expression statement). */
    record FnDecl(String name, List<Expr.Param> params, Expr.BlockExpr body, Span span) implements Stmt {}
    record ArchDecl(String name, List<Expr.Param> params, Expr.BlockExpr body, Span span) implements Stmt {}
    record For(String var, Expr iterable, Expr.BlockExpr body, Span span) implements Stmt {}
    record While(Expr condition, Expr.BlockExpr body, Span span) implements Stmt {}
    record Return(Expr value, Span span) implements Stmt {}
    record Import(String path, Span span) implements Stmt {}
    record ExprStmt(Expr expr, Span span) implements Stmt {}
}
