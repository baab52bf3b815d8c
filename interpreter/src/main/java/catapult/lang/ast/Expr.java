package catapult.lang.ast;

import catapult.lang.syntax.Span;
import java.util.List;

/**
 * Expressions of the language: an immutable tree built once from the parse tree. Every node
 * carries the span that errors point at.
 */
public sealed interface Expr {
    Span span();

    record NumberLit(double value, Span span) implements Expr {}
    record StringLit(String value, Span span) implements Expr {}
    /** A string with ${...} parts: each part is a StringLit or an embedded expression. */
    record Interpolation(List<Expr> parts, Span span) implements Expr {}
    record BoolLit(boolean value, Span span) implements Expr {}
    record NoneLit(Span span) implements Expr {}
    record Var(String name, Span span) implements Expr {}
    record ListLit(List<Expr> items, Span span) implements Expr {}
    /** [element for v in xs if cond for w in ys ...]: clauses run left to right, outermost first. */
    record Comprehension(Expr element, List<CompClause> clauses, Span span) implements Expr {}
    record CompClause(String var, Expr iterable, Expr condition, Span span) {}
    record RecordLit(List<FieldInit> fields, Span span) implements Expr {}
    /**
     * One field of a record literal. {@code key} is null for a constant key (a name, number or
     * plain string, held in {@code name}); for a string key with {@code ${...}} it is the
     * interpolation that computes the key when the record is built ({@code name} is its source).
     */
    record FieldInit(String name, Expr key, Expr value, Span span) {
        public FieldInit(String name, Expr value, Span span) {
            this(name, null, value, span);
        }
    }
    /** op is "-" or "not". */
    record Unary(String op, Expr operand, Span span) implements Expr {}
    /** Arithmetic, comparison and matrix product; opSpan marks the operator for errors. */
    record Binary(String op, Expr left, Expr right, Span span, Span opSpan) implements Expr {}
    /** Short-circuit "and" / "or". */
    record Logical(String op, Expr left, Expr right, Span span) implements Expr {}
    record RangeExpr(Expr from, Expr to, Span span) implements Expr {}
    record Call(Expr callee, List<Arg> args, Span span) implements Expr {}
    /** A call argument; name is null for positional ones. */
    record Arg(String name, Expr value, Span span) {}
    record Field(Expr object, String name, Span span, Span nameSpan) implements Expr {}
    record Index(Expr object, List<IndexItem> items, Span span) implements Expr {}
    /** One index position: either a plain expression or a slice start:stop:step (parts may be null). */
    record IndexItem(Expr value, boolean isSlice, Expr start, Expr stop, Expr step, Span span) {}
    record Lambda(List<Param> params, Expr body, Span span) implements Expr {}
    /** if/else as an expression; elseBranch is another If, a BlockExpr, or null. */
    record If(Expr condition, BlockExpr then, Expr elseBranch, Span span) implements Expr {}
    record BlockExpr(List<Stmt> statements, Span span) implements Expr {}

    /** A declared parameter; defaultValue is null when the parameter is required. */
    record Param(String name, Expr defaultValue, Span span) {}
}
