package catapult.lang.codec;

import catapult.lang.ast.Expr;
import catapult.lang.ast.Stmt;
import catapult.lang.syntax.Span;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a function's body (and its parameters' defaults) uses but does not bind itself: what
 * it needs from the scope it closes over. Scoping follows the resolver: parameters, `let`,
 * `fn`, `arch`, loop and comprehension variables bind names in their block. Method-call names
 * ({@code xs.smooth()} calls a function {@code smooth} when xs has no such field) count too.
 * Each name maps to the span of its first use, which errors point at.
 */
public final class FreeNames {
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Map<String, Span> free = new LinkedHashMap<>();

    private FreeNames() {}

    /** The free names of a function with these parameters and body, in order of first use. */
    public static Map<String, Span> of(List<Expr.Param> params, Expr.BlockExpr body) {
        FreeNames f = new FreeNames();
        f.function(params, body);
        return f.free;
    }

    private void function(List<Expr.Param> params, Expr.BlockExpr body) {
        Set<String> scope = new HashSet<>();
        scopes.push(scope);
        for (Expr.Param p : params) {
            if (p.defaultValue() != null) expr(p.defaultValue());
            scope.add(p.name());
        }
        for (Stmt s : body.statements()) statement(s);
        scopes.pop();
    }

    private void block(List<Stmt> statements, String loopVar) {
        Set<String> scope = new HashSet<>();
        if (loopVar != null) scope.add(loopVar);
        scopes.push(scope);
        for (Stmt s : statements) statement(s);
        scopes.pop();
    }

    private void statement(Stmt s) {
        if (s instanceof Stmt.Let l) {
            expr(l.value());
            scopes.peek().add(l.name());
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            use(a.name(), a.span());
        } else if (s instanceof Stmt.FnDecl f) {
            scopes.peek().add(f.name());
            function(f.params(), f.body());
        } else if (s instanceof Stmt.ArchDecl a) {
            scopes.peek().add(a.name());
            function(a.params(), a.body());
        } else if (s instanceof Stmt.For f) {
            expr(f.iterable());
            block(f.body().statements(), f.var());
        } else if (s instanceof Stmt.While w) {
            expr(w.condition());
            block(w.body().statements(), null);
        } else if (s instanceof Stmt.Return r) {
            if (r.value() != null) expr(r.value());
        } else if (s instanceof Stmt.ExprStmt e) {
            expr(e.expr());
        }
    }

    private void expr(Expr e) {
        if (e == null) return;
        if (e instanceof Expr.Var v) use(v.name(), v.span());
        else if (e instanceof Expr.Interpolation i) i.parts().forEach(this::expr);
        else if (e instanceof Expr.ListLit l) l.items().forEach(this::expr);
        else if (e instanceof Expr.RecordLit r) r.fields().forEach(f -> expr(f.value()));
        else if (e instanceof Expr.Comprehension c) comprehension(c);
        else if (e instanceof Expr.Unary u) expr(u.operand());
        else if (e instanceof Expr.Binary b) { expr(b.left()); expr(b.right()); }
        else if (e instanceof Expr.Logical l) { expr(l.left()); expr(l.right()); }
        else if (e instanceof Expr.RangeExpr r) { expr(r.from()); expr(r.to()); }
        else if (e instanceof Expr.Call c) call(c);
        else if (e instanceof Expr.Field f) expr(f.object());
        else if (e instanceof Expr.Index ix) index(ix);
        else if (e instanceof Expr.Lambda l) function(l.params(), new Expr.BlockExpr(List.of(new Stmt.ExprStmt(l.body(), l.span())), l.span()));
        else if (e instanceof Expr.If i) ifExpr(i);
        else if (e instanceof Expr.BlockExpr b) block(b.statements(), null);
    }

    private void call(Expr.Call c) {
        expr(c.callee());
        if (c.callee() instanceof Expr.Field f) use(f.name(), f.nameSpan());
        c.args().forEach(a -> expr(a.value()));
    }

    private void index(Expr.Index ix) {
        expr(ix.object());
        for (Expr.IndexItem it : ix.items()) {
            expr(it.value());
            expr(it.start());
            expr(it.stop());
            expr(it.step());
        }
    }

    private void ifExpr(Expr.If i) {
        expr(i.condition());
        block(i.then().statements(), null);
        expr(i.elseBranch());
    }

    private void comprehension(Expr.Comprehension c) {
        Set<String> scope = new HashSet<>();
        scopes.push(scope);
        for (Expr.CompClause clause : c.clauses()) {
            expr(clause.iterable());
            scope.add(clause.var());
            expr(clause.condition());
        }
        expr(c.element());
        scopes.pop();
    }

    private void use(String name, Span at) {
        for (Set<String> scope : scopes) if (scope.contains(name)) return;
        free.putIfAbsent(name, at);
    }
}
