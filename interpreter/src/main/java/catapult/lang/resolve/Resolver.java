package catapult.lang.resolve;

import catapult.lang.ast.Expr;
import catapult.lang.ast.Program;
import catapult.lang.ast.Stmt;
import catapult.lang.errors.ResolveError;
import catapult.lang.syntax.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The static pass between parsing and running: every name must be bound where it is used, so
 * a typo fails before any work is done, with a "did you mean" from the names in scope.
 * Inside function bodies globals may be used before they are defined (they are looked up when
 * the function runs); at top level a name must be defined above its use.
 */
public final class Resolver {
    private final Set<String> globalsSoFar;
    private final Set<String> globalsAnywhere = new HashSet<>();
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Function<Stmt.Import, Program> importer;
    private int functionDepth;

    /**
     * @param globals  names already bound globally (built-ins, earlier REPL entries)
     * @param importer parses an imported file, so its top-level names count as defined
     */
    public Resolver(Set<String> globals, Function<Stmt.Import, Program> importer) {
        this.globalsSoFar = new HashSet<>(globals);
        this.importer = importer;
    }

    public void resolve(Program program) {
        collectTopLevel(program.statements(), new HashSet<>());
        for (Stmt s : program.statements()) statement(s);
    }

    private void collectTopLevel(List<Stmt> statements, Set<String> seenImports) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Let l) globalsAnywhere.add(l.name());
            else if (s instanceof Stmt.FnDecl f) globalsAnywhere.add(f.name());
            else if (s instanceof Stmt.ArchDecl a) globalsAnywhere.add(a.name());
            else if (s instanceof Stmt.Import i && seenImports.add(i.path())) {
                Program p = importer.apply(i);
                if (p != null) collectTopLevel(p.statements(), seenImports);
            }
        }
    }

    // ---- statements ----

    private void statement(Stmt s) {
        if (s instanceof Stmt.Let l) {
            expr(l.value());
            declare(l.name());
        } else if (s instanceof Stmt.Assign a) {
            expr(a.value());
            lookup(a.name(), a.span(), true);
        } else if (s instanceof Stmt.FnDecl f) {
            declare(f.name());
            function(f.params(), f.body());
        } else if (s instanceof Stmt.ArchDecl a) {
            declare(a.name());
            function(a.params(), a.body());
        } else if (s instanceof Stmt.For f) {
            expr(f.iterable());
            scopes.push(new HashSet<>(Set.of(f.var())));
            block(f.body());
            scopes.pop();
        } else if (s instanceof Stmt.While w) {
            expr(w.condition());
            block(w.body());
        } else if (s instanceof Stmt.Return r) {
            if (functionDepth == 0) throw new ResolveError("'return' outside a function", r.span());
            if (r.value() != null) expr(r.value());
        } else if (s instanceof Stmt.Import i) {
            importNames(i);
        } else if (s instanceof Stmt.ExprStmt e) {
            expr(e.expr());
        }
    }

    private void importNames(Stmt.Import i) {
        Program p = importer.apply(i);
        if (p == null || !scopes.isEmpty()) return;
        for (Stmt s : p.statements()) {
            if (s instanceof Stmt.Let l) globalsSoFar.add(l.name());
            if (s instanceof Stmt.FnDecl f) globalsSoFar.add(f.name());
            if (s instanceof Stmt.ArchDecl a) globalsSoFar.add(a.name());
        }
        globalsSoFar.addAll(globalsAnywhere);
    }

    private void function(List<Expr.Param> params, Expr.BlockExpr body) {
        for (Expr.Param p : params) if (p.defaultValue() != null) expr(p.defaultValue());
        Set<String> scope = new HashSet<>();
        for (Expr.Param p : params) {
            if (!scope.add(p.name())) throw new ResolveError("parameter '" + p.name() + "' declared twice", p.span());
        }
        functionDepth++;
        scopes.push(scope);
        for (Stmt s : body.statements()) statement(s);
        scopes.pop();
        functionDepth--;
    }

    private void block(Expr.BlockExpr b) {
        scopes.push(new HashSet<>());
        for (Stmt s : b.statements()) statement(s);
        scopes.pop();
    }

    private void declare(String name) {
        if (scopes.isEmpty()) globalsSoFar.add(name);
        else scopes.peek().add(name);
    }

    // ---- expressions ----

    /** A left-deep chain of binary operators (1 + 1 + ... + 1), walked without recursing down its length. */
    private void chain(Expr top) {
        Deque<Expr> rights = new ArrayDeque<>();
        Expr e = top;
        while (e instanceof Expr.Binary || e instanceof Expr.Logical) {
            rights.push(e instanceof Expr.Binary b ? b.right() : ((Expr.Logical) e).right());
            e = e instanceof Expr.Binary b ? b.left() : ((Expr.Logical) e).left();
        }
        expr(e);
        while (!rights.isEmpty()) expr(rights.pop());
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Var v) {
            lookup(v.name(), v.span(), false);
        } else if (e instanceof Expr.Interpolation i) {
            i.parts().forEach(this::expr);
        } else if (e instanceof Expr.ListLit l) {
            l.items().forEach(this::expr);
        } else if (e instanceof Expr.RecordLit r) {
            r.fields().forEach(f -> {
                if (f.key() != null) expr(f.key());
                expr(f.value());
            });
        } else if (e instanceof Expr.Comprehension c) {
            comprehension(c);
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand());
        } else if (e instanceof Expr.Binary || e instanceof Expr.Logical) {
            chain(e);
        } else if (e instanceof Expr.RangeExpr r) {
            expr(r.from());
            expr(r.to());
        } else if (e instanceof Expr.Call c) {
            expr(c.callee());
            c.args().forEach(a -> expr(a.value()));
        } else if (e instanceof Expr.Field f) {
            expr(f.object());
        } else if (e instanceof Expr.Index ix) {
            expr(ix.object());
            ix.items().forEach(this::indexItem);
        } else if (e instanceof Expr.Lambda l) {
            function(l.params(), new Expr.BlockExpr(List.of(new Stmt.ExprStmt(l.body(), l.span())), l.span()));
        } else if (e instanceof Expr.If i) {
            expr(i.condition());
            block(i.then());
            if (i.elseBranch() != null) expr(i.elseBranch());
        } else if (e instanceof Expr.BlockExpr b) {
            block(b);
        }
    }

    private void indexItem(Expr.IndexItem item) {
        for (Expr e : new Expr[] {item.value(), item.start(), item.stop(), item.step()}) if (e != null) expr(e);
    }

    private void comprehension(Expr.Comprehension c) {
        scopes.push(new HashSet<>());
        for (Expr.CompClause clause : c.clauses()) {
            expr(clause.iterable());
            scopes.peek().add(clause.var());
            if (clause.condition() != null) expr(clause.condition());
        }
        expr(c.element());
        scopes.pop();
    }

    private void lookup(String name, Span span, boolean assigning) {
        for (Set<String> scope : scopes) if (scope.contains(name)) return;
        if (globalsSoFar.contains(name)) return;
        if (functionDepth > 0 && globalsAnywhere.contains(name)) return;
        String what = assigning ? "cannot assign to undefined name '" + name + "' (declare it with let)"
                : (globalsAnywhere.contains(name) ? "'" + name + "' is used before it is defined" : "unknown name '" + name + "'");
        String hint = assigning || globalsAnywhere.contains(name) ? ""
                : Suggest.closest(name, visibleNames()).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new ResolveError(what + hint, span);
    }

    private List<String> visibleNames() {
        List<String> out = new ArrayList<>(globalsSoFar);
        for (Set<String> scope : scopes) out.addAll(scope);
        return out;
    }
}
