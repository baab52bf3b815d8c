package catapult.lang.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The AST as an S-expression, one statement per line. Golden parse examples compare against
 * it, so it shows exactly how precedence and associativity grouped an expression.
 */
public final class AstPrinter {
    private AstPrinter() {}

    public static String print(Program p) {
        return p.statements().stream().map(AstPrinter::stmt).collect(Collectors.joining("\n")) + "\n";
    }

    static String stmt(Stmt s) {
        if (s instanceof Stmt.Let l) return "(let " + l.name() + " " + expr(l.value()) + ")";
        if (s instanceof Stmt.Assign a) return "(set " + a.name() + " " + expr(a.value()) + ")";
        if (s instanceof Stmt.FnDecl f) return "(fn " + f.name() + " " + params(f.params()) + " " + expr(f.body()) + ")";
        if (s instanceof Stmt.ArchDecl a) return "(arch " + a.name() + " " + params(a.params()) + " " + expr(a.body()) + ")";
        if (s instanceof Stmt.For f) return "(for " + f.var() + " " + expr(f.iterable()) + " " + expr(f.body()) + ")";
        if (s instanceof Stmt.While w) return "(while " + expr(w.condition()) + " " + expr(w.body()) + ")";
        if (s instanceof Stmt.Return r) return r.value() == null ? "(return)" : "(return " + expr(r.value()) + ")";
        if (s instanceof Stmt.Import i) return "(import \"" + i.path() + "\")";
        return expr(((Stmt.ExprStmt) s).expr());
    }

    private static String params(List<Expr.Param> ps) {
        return "[" + ps.stream().map(p -> p.defaultValue() == null ? p.name() : p.name() + "=" + expr(p.defaultValue()))
                .collect(Collectors.joining(" ")) + "]";
    }

    static String expr(Expr e) {
        if (e instanceof Expr.NumberLit n) return catapult.lang.value.Printer.number(n.value());
        if (e instanceof Expr.StringLit s) return "\"" + s.value().replace("\n", "\\n") + "\"";
        if (e instanceof Expr.Interpolation i) return "(str " + join(i.parts()) + ")";
        if (e instanceof Expr.BoolLit b) return String.valueOf(b.value());
        if (e instanceof Expr.NoneLit) return "none";
        if (e instanceof Expr.Var v) return v.name();
        if (e instanceof Expr.ListLit l) return "(list" + (l.items().isEmpty() ? "" : " " + join(l.items())) + ")";
        if (e instanceof Expr.Comprehension c) {
            StringBuilder s = new StringBuilder("(comp ").append(expr(c.element()));
            for (Expr.CompClause cl : c.clauses()) {
                s.append(" (for ").append(cl.var()).append(' ').append(expr(cl.iterable()));
                if (cl.condition() != null) s.append(" (if ").append(expr(cl.condition())).append(')');
                s.append(')');
            }
            return s.append(')').toString();
        }
        if (e instanceof Expr.RecordLit r) {
            return "(record" + r.fields().stream().map(f -> " " + (f.key() == null ? f.name() : expr(f.key())) + ":" + expr(f.value())).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.Unary u) return "(" + u.op() + " " + expr(u.operand()) + ")";
        if (e instanceof Expr.Binary b) return "(" + b.op() + " " + expr(b.left()) + " " + expr(b.right()) + ")";
        if (e instanceof Expr.Logical l) return "(" + l.op() + " " + expr(l.left()) + " " + expr(l.right()) + ")";
        if (e instanceof Expr.RangeExpr r) return "(.. " + expr(r.from()) + " " + expr(r.to()) + ")";
        if (e instanceof Expr.Call c) {
            return "(call " + expr(c.callee()) + c.args().stream()
                    .map(a -> " " + (a.name() == null ? "" : a.name() + ":") + expr(a.value())).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.Field f) return "(. " + expr(f.object()) + " " + f.name() + ")";
        if (e instanceof Expr.Index ix) {
            return "(index " + expr(ix.object()) + ix.items().stream().map(AstPrinter::item).collect(Collectors.joining()) + ")";
        }
        if (e instanceof Expr.Lambda l) return "(lambda " + params(l.params()) + " " + expr(l.body()) + ")";
        if (e instanceof Expr.If i) {
            return "(if " + expr(i.condition()) + " " + expr(i.then()) + (i.elseBranch() == null ? "" : " " + expr(i.elseBranch())) + ")";
        }
        Expr.BlockExpr b = (Expr.BlockExpr) e;
        return "{" + b.statements().stream().map(AstPrinter::stmt).collect(Collectors.joining("; ")) + "}";
    }

    private static String item(Expr.IndexItem it) {
        if (!it.isSlice()) return " " + expr(it.value());
        return " (slice " + opt(it.start()) + " " + opt(it.stop()) + " " + opt(it.step()) + ")";
    }

    private static String opt(Expr e) { return e == null ? "_" : expr(e); }

    private static String join(List<Expr> es) {
        return es.stream().map(AstPrinter::expr).collect(Collectors.joining(" "));
    }
}
