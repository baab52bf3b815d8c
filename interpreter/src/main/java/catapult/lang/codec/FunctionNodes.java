package catapult.lang.codec;

import catapult.lang.ast.Expr;
import catapult.lang.ast.Program;
import catapult.lang.ast.Stmt;
import catapult.lang.syntax.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the function-like nodes of a parsed source by where their body starts, so a function
 * shipped as "source text + body position" is rebuilt from the very AST node it was made from
 * (and its errors point at the same lines). A lambda's body position is the lambda's own span,
 * as the interpreter wraps a lambda's expression in a block spanning the lambda.
 */
final class FunctionNodes {

    /** A function-like node: its kind ("fn", "lambda", "arch"), parameters and body. */
    record Node(String kind, String name, List<Expr.Param> params, Expr.BlockExpr body) {}

    private final Map<String, Node> byPosition = new HashMap<>();

    FunctionNodes(Program program) {
        for (Stmt s : program.statements()) statement(s);
    }

    /** "line:column:length" of a body span: the key functions are shipped with. */
    static String position(Span body) {
        return body.line() + ":" + body.column() + ":" + body.length();
    }

    /** The node whose body is at {@code position} with this kind, or null. */
    Node find(String kind, String position) {
        return byPosition.get(kind + "@" + position);
    }

    private void add(String kind, String name, List<Expr.Param> params, Expr.BlockExpr body) {
        byPosition.putIfAbsent(kind + "@" + position(body.span()), new Node(kind, name, params, body));
        for (Expr.Param p : params) expr(p.defaultValue());
        for (Stmt s : body.statements()) statement(s);
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.FnDecl f) add("fn", f.name(), f.params(), f.body());
        else if (s instanceof Stmt.ArchDecl a) add("arch", a.name(), a.params(), a.body());
        else if (s instanceof Stmt.Let l) expr(l.value());
        else if (s instanceof Stmt.Assign a) expr(a.value());
        else if (s instanceof Stmt.For f) { expr(f.iterable()); statements(f.body()); }
        else if (s instanceof Stmt.While w) { expr(w.condition()); statements(w.body()); }
        else if (s instanceof Stmt.Return r) expr(r.value());
        else if (s instanceof Stmt.ExprStmt e) expr(e.expr());
    }

    private void statements(Expr.BlockExpr b) {
        for (Stmt s : b.statements()) statement(s);
    }

    private void expr(Expr e) {
        if (e == null) return;
        if (e instanceof Expr.Lambda l) {
            Expr.BlockExpr body = new Expr.BlockExpr(List.of(new Stmt.ExprStmt(l.body(), l.body().span())), l.span());
            add("lambda", "<lambda>", l.params(), body);
            return;
        }
        for (Expr child : children(e)) expr(child);
        if (e instanceof Expr.BlockExpr b) statements(b);
        if (e instanceof Expr.If i) statements(i.then());
    }

    private static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof Expr.Interpolation i) out.addAll(i.parts());
        else if (e instanceof Expr.ListLit l) out.addAll(l.items());
        else if (e instanceof Expr.RecordLit r) r.fields().forEach(f -> out.add(f.value()));
        else if (e instanceof Expr.Comprehension c) {
            c.clauses().forEach(cl -> { out.add(cl.iterable()); out.add(cl.condition()); });
            out.add(c.element());
        } else if (e instanceof Expr.Unary u) out.add(u.operand());
        else if (e instanceof Expr.Binary b) { out.add(b.left()); out.add(b.right()); }
        else if (e instanceof Expr.Logical l) { out.add(l.left()); out.add(l.right()); }
        else if (e instanceof Expr.RangeExpr r) { out.add(r.from()); out.add(r.to()); }
        else if (e instanceof Expr.Call c) { out.add(c.callee()); c.args().forEach(a -> out.add(a.value())); }
        else if (e instanceof Expr.Field f) out.add(f.object());
        else if (e instanceof Expr.Index ix) {
            out.add(ix.object());
            ix.items().forEach(it -> { out.add(it.value()); out.add(it.start()); out.add(it.stop()); out.add(it.step()); });
        } else if (e instanceof Expr.If i) { out.add(i.condition()); out.add(i.elseBranch()); }
        return out;
    }
}
