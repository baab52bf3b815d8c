package catapult.lang.eval;

import catapult.lang.ast.Expr;
import catapult.lang.ast.Program;
import catapult.lang.ast.Stmt;
import catapult.lang.builtins.Builtin;
import catapult.lang.builtins.BuiltinRegistry;
import catapult.lang.errors.CatapultError;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.RuntimeError;
import catapult.lang.resolve.Resolver;
import catapult.lang.resolve.Suggest;
import catapult.lang.session.Session;
import catapult.lang.syntax.Parser;
import catapult.lang.syntax.SourceFile;
import catapult.lang.syntax.Span;
import catapult.lang.value.CatFunction;
import catapult.lang.value.CatValue;
import catapult.lang.value.Printer;
import catapult.lang.value.RangeValue;
import catapult.lang.value.Record;
import catapult.lang.value.Tensor;
import catapult.lang.value.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tree-walking evaluator: statements and expressions of a resolved AST, in the scope chain
 * of its {@link Session}. It holds only evaluation state (the call depth and the architecture
 * under construction); everything that lasts between entries — globals, settings, imports,
 * interrupts — belongs to the session, which creates one evaluator for itself. It never prints
 * errors; user errors leave as {@link CatapultError} for the host to format. Not thread-safe:
 * parallel work forks the session ({@link Session#fork()}), which gives each thread its own.
 */
public final class Interpreter {
    private final Session session;
    private Object archContext;
    private int depth;

    /** Sessions create their evaluator; hosts go through {@link Session}. */
    public Interpreter(Session session) {
        this.session = session;
    }

    /** The session this evaluator runs in (globals, settings, interrupts, extension state). */
    public Session session() { return session; }

    public BuiltinRegistry registry() { return session.registry(); }

    /** Where {@code print} writes. */
    public PrintStream out() { return session.settings().out(); }

    // ---- running programs ----

    /** Parses, resolves and runs a script or REPL entry; returns the last expression statement's value. */
    public Object run(SourceFile source) {
        session.interrupts().clear();
        Program program = Parser.parse(source, session::interruptPending);
        new Resolver(session.globalNames(), i -> session.modules().parse(i, session.settings().files())).resolve(program);
        session.interrupts().clear();
        Object last = null;
        for (Stmt s : program.statements()) {
            try {
                last = execute(s, session.globals());
            } catch (StackOverflowError e) {
                depth = 0;
                throw new RuntimeError("stack overflow: a value or expression is nested too deeply", s.span());
            } catch (OutOfMemoryError e) {
                // built-ins check sizes first; this catches what grows step by step (a list, a string)
                throw new RuntimeError("out of memory (" + e.getMessage() + ")", s.span());
            }
            statementDone(s.span());
        }
        return last;
    }

    /**
     * After a top-level statement: an interrupt still pending here was not taken by any train,
     * sweep or loop; it ends the evaluation, or in {@code catapult run} is noted and skipped.
     */
    private void statementDone(Span at) {
        if (!session.interruptPending()) return;
        if (!session.acknowledgeInterrupt("the statement", at)) session.checkInterrupt(at);
    }

    /**
     * At a loop's back-edge: true when an interrupt asks this loop to stop and the evaluation to
     * go on after it ({@code catapult run}); throws when the interrupt ends the evaluation.
     */
    private boolean loopInterrupted(Span at) {
        if (!session.interruptPending()) return false;
        if (session.acknowledgeInterrupt("the loop", at)) return true;
        session.checkInterrupt(at);
        return false;
    }

    /** True when an interrupt is pending; long built-ins poll this at each step. */
    public boolean interruptPending() { return session.interruptPending(); }

    public void checkInterrupt(Span at) { session.checkInterrupt(at); }

    // ---- architecture construction ----

    /** The graph under construction while an `arch` body runs, else null. */
    public Object archContext() { return archContext; }

    public <T> T withArchContext(Object context, Supplier<T> body) {
        Object saved = archContext;
        archContext = context;
        try {
            return body.get();
        } finally {
            archContext = saved;
        }
    }

    // ---- calls ----

    /** Calls any language function from Java (built-ins use this for user callbacks). */
    public Object call(CatFunction f, List<Object> args, Span site) {
        return f.call(this, args, Map.of(), site);
    }

    Object callBody(CatFunction fn, Expr.BlockExpr body, Environment env, Span site) {
        if (session.interruptPending()) session.checkInterrupt(site);   // recursion without loops must stop too
        if (++depth > 2000) {
            depth = 0;
            throw new RuntimeError("recursion too deep in " + fn.name(), site);
        }
        try {
            return executeBlock(body.statements(), env);
        } catch (ReturnSignal r) {
            return r.value;
        } catch (CatapultError e) {
            if (!(e instanceof Interrupted) && site != Span.NONE) e.addTrace("in " + fn.name() + ", called at " + site.location());
            throw e;
        } catch (StackOverflowError e) {
            throw new RuntimeError("recursion too deep in " + fn.name(), site);
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }

    // ---- statements ----

    private Object execute(Stmt s, Environment env) {
        if (s instanceof Stmt.ExprStmt e) return evaluate(e.expr(), env);
        if (s instanceof Stmt.Let l) {
            Map<String, Object> overrides = session.overrides();
            boolean overridden = env == session.globals() && overrides.containsKey(l.name());
            env.define(l.name(), overridden ? overrides.get(l.name()) : evaluate(l.value(), env));
        } else if (s instanceof Stmt.Assign a) {
            Object v = evaluate(a.value(), env);
            if (!env.assign(a.name(), v)) throw new RuntimeError("cannot assign to undefined name '" + a.name() + "'", a.span());
        } else if (s instanceof Stmt.FnDecl f) {
            env.define(f.name(), new UserFunction(f.name(), f.params(), f.body(), env));
        } else if (s instanceof Stmt.ArchDecl a) {
            env.define(a.name(), new ArchValue(a.name(), a.params(), a.body(), env, List.of(), Map.of()));
        } else if (s instanceof Stmt.For f) {
            forLoop(f, env);
        } else if (s instanceof Stmt.While w) {
            while (Values.truthy(evaluate(w.condition(), env))) {
                executeBlock(w.body().statements(), new Environment(env));
                if (loopInterrupted(w.span())) break;
            }
        } else if (s instanceof Stmt.Return r) {
            throw new ReturnSignal(r.value() == null ? null : evaluate(r.value(), env));
        } else if (s instanceof Stmt.Import i) {
            runImport(i);
        } else {
            throw new IllegalStateException("unknown statement kind " + s.getClass().getSimpleName());
        }
        return null;
    }

    private void forLoop(Stmt.For f, Environment env) {
        Object iterable = evaluate(f.iterable(), env);
        for (Object item : iterate(iterable, f.iterable().span())) {
            Environment scope = new Environment(env);
            scope.define(f.var(), item);
            executeBlock(f.body().statements(), scope);
            if (loopInterrupted(f.span())) break;
        }
    }

    private Object executeBlock(List<Stmt> statements, Environment env) {
        Object last = null;
        for (Stmt s : statements) last = execute(s, env);
        return statements.isEmpty() || !(statements.get(statements.size() - 1) instanceof Stmt.ExprStmt) ? null : last;
    }

    /** Lists, ranges, strings, tensor rows and any sequence value. */
    Iterable<Object> iterate(Object v, Span at) {
        if (v instanceof List<?> l) return Collections.unmodifiableList(l);
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>();
            for (char c : s.toCharArray()) chars.add(String.valueOf(c));
            return chars;
        }
        if (v instanceof CatValue.Sequence seq) {
            return () -> new java.util.Iterator<>() {
                int i = 0;
                final int n = seq.length();
                @Override public boolean hasNext() { return i < n; }
                @Override public Object next() { return seq.get(i++); }
            };
        }
        throw new RuntimeError("cannot iterate over " + Values.typeName(v), at);
    }

    // ---- imports ----

    private void runImport(Stmt.Import i) {
        if (!session.modules().firstImport(i)) return;
        Program program = session.modules().parse(i, session.settings().files());
        for (Stmt s : program.statements()) execute(s, session.globals());
    }

    // ---- expressions ----

    public Object evaluate(Expr e, Environment env) {
        if (e instanceof Expr.NumberLit n) return n.value();
        if (e instanceof Expr.Var v) return variable(v, env);
        if (e instanceof Expr.Binary || e instanceof Expr.Logical) return OperatorChain.evaluate(this, e, env);
        if (e instanceof Expr.Call c) return call(c, env);
        if (e instanceof Expr.StringLit s) return s.value();
        if (e instanceof Expr.BoolLit b) return b.value();
        if (e instanceof Expr.NoneLit) return null;
        if (e instanceof Expr.Field f) return field(evaluate(f.object(), env), f);
        if (e instanceof Expr.Index ix) return index(ix, env);
        if (e instanceof Expr.Unary u) return unary(u, env);
        if (e instanceof Expr.Interpolation i) return interpolate(i, env);
        if (e instanceof Expr.ListLit l) return list(l, env);
        if (e instanceof Expr.RecordLit r) return record(r, env);
        if (e instanceof Expr.RangeExpr r) return range(r, env);
        if (e instanceof Expr.Comprehension c) return comprehension(c, env);
        if (e instanceof Expr.Lambda l) return lambda(l, env);
        if (e instanceof Expr.If i) return ifExpr(i, env);
        if (e instanceof Expr.BlockExpr b) return executeBlock(b.statements(), new Environment(env));
        throw new IllegalStateException("unknown node " + e);
    }

    private Object variable(Expr.Var v, Environment env) {
        try {
            return env.get(v.name());
        } catch (Environment.UnboundName u) {
            String hint = Suggest.closest(v.name(), session.globalNames()).map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw new RuntimeError("unknown name '" + v.name() + "'" + hint, v.span());
        }
    }

    private Object unary(Expr.Unary u, Environment env) {
        Object v = evaluate(u.operand(), env);
        if (u.op().equals("not")) return !Values.truthy(v);
        return Operators.negate(v, u.span());
    }

    private Object interpolate(Expr.Interpolation i, Environment env) {
        StringBuilder s = new StringBuilder();
        for (Expr part : i.parts()) s.append(catapult.lang.value.Printer.show(evaluate(part, env)));
        return s.toString();
    }

    private Object list(Expr.ListLit l, Environment env) {
        List<Object> items = new ArrayList<>(l.items().size());
        for (Expr item : l.items()) items.add(evaluate(item, env));
        return Collections.unmodifiableList(items);
    }

    private Object record(Expr.RecordLit r, Environment env) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Expr.FieldInit f : r.fields()) {
            String name = f.key() == null ? f.name() : (String) evaluate(f.key(), env);
            if (fields.containsKey(name)) throw new RuntimeError("field '" + name + "' given twice", f.span());
            fields.put(name, evaluate(f.value(), env));
        }
        return new Record(fields);
    }

    private Object range(Expr.RangeExpr r, Environment env) {
        double from = number(evaluate(r.from(), env), "range start", r.from().span());
        double to = number(evaluate(r.to(), env), "range end", r.to().span());
        if (!Double.isFinite(from) || !Double.isFinite(to) || to - from >= Integer.MAX_VALUE) {
            throw new RuntimeError("range " + Printer.number(from) + ".." + Printer.number(to)
                    + " must have finite ends and fewer than " + Integer.MAX_VALUE + " numbers", r.span());
        }
        return new RangeValue(from, to);
    }

    private Object comprehension(Expr.Comprehension c, Environment env) {
        List<Object> out = new ArrayList<>();
        try {
            comprehend(c, 0, new Environment(env), out);
        } catch (StopLoop stop) {
            // interrupted in `catapult run`: the elements made so far are the partial result
        }
        return Collections.unmodifiableList(out);
    }

    private void comprehend(Expr.Comprehension c, int clause, Environment env, List<Object> out) {
        if (clause == c.clauses().size()) {
            out.add(evaluate(c.element(), env));
            if ((out.size() & 0xfffff) == 0) {   // every million items: stop before memory runs out, not after
                String problem = catapult.lang.builtins.MemoryBudget.check("the next items of this list", catapult.lang.builtins.MemoryBudget.UNCHECKED_BYTES);
                if (problem != null) throw new RuntimeError(problem + " (it has " + out.size() + " items)", c.span());
            }
            return;
        }
        Expr.CompClause cl = c.clauses().get(clause);
        for (Object item : iterate(evaluate(cl.iterable(), env), cl.iterable().span())) {
            Environment scope = new Environment(env);
            scope.define(cl.var(), item);
            if (cl.condition() == null || Values.truthy(evaluate(cl.condition(), scope))) comprehend(c, clause + 1, scope, out);
            if (loopInterrupted(cl.span())) throw new StopLoop();
        }
    }

    private Object lambda(Expr.Lambda l, Environment env) {
        Expr.BlockExpr body = new Expr.BlockExpr(List.of(new Stmt.ExprStmt(l.body(), l.body().span())), l.span());
        return new UserFunction("<lambda>", l.params(), body, env);
    }

    private Object ifExpr(Expr.If i, Environment env) {
        if (Values.truthy(evaluate(i.condition(), env))) return executeBlock(i.then().statements(), new Environment(env));
        if (i.elseBranch() == null) return null;
        return evaluate(i.elseBranch(), env);
    }

    private static double number(Object v, String what, Span at) {
        Double d = Values.asNumber(v);
        if (d == null || v instanceof Boolean) throw new RuntimeError(what + " must be a number, got " + Values.typeName(v), at);
        return d;
    }

    // ---- fields, indexing, calls ----

    private Object field(Object target, Expr.Field f) {
        Object v = fieldOrMissing(target, f.name());
        if (v != CatValue.NO_FIELD) return v;
        List<String> names = target instanceof CatValue c ? c.fieldNames() : List.of();
        String hint = Suggest.closest(f.name(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        if (hint.isEmpty() && session.registry().has(f.name())) hint = " (to call the built-in, write ." + f.name() + "())";
        throw new RuntimeError(Values.typeName(target) + " has no field '" + f.name() + "'" + hint, f.nameSpan());
    }

    private static Object fieldOrMissing(Object target, String name) {
        if (target instanceof CatValue c) return c.field(name);
        return CatValue.NO_FIELD;
    }

    private Object index(Expr.Index ix, Environment env) {
        Object target = evaluate(ix.object(), env);
        List<Indexing.Item> items = new ArrayList<>();
        for (Expr.IndexItem it : ix.items()) {
            if (!it.isSlice()) {
                items.add(new Indexing.Item(number(evaluate(it.value(), env), "index", it.span()), false, null, null, null, it.span()));
            } else {
                items.add(new Indexing.Item(null, true, optNumber(it.start(), env), optNumber(it.stop(), env),
                        optNumber(it.step(), env), it.span()));
            }
        }
        return Indexing.index(target, items, ix.span());
    }

    private Double optNumber(Expr e, Environment env) {
        if (e == null) return null;
        Object v = evaluate(e, env);
        return v == null ? null : number(v, "slice bound", e.span());
    }

    private Object call(Expr.Call c, Environment env) {
        List<Object> args = new ArrayList<>();
        Object callee;
        if (c.callee() instanceof Expr.Field f) {
            Object target = evaluate(f.object(), env);
            Object member = fieldOrMissing(target, f.name());
            if (member != CatValue.NO_FIELD) {
                callee = member;
            } else {
                callee = methodFunction(target, f, env);
                args.add(target);
            }
        } else {
            callee = evaluate(c.callee(), env);
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (Expr.Arg a : c.args()) {
            Object v = evaluate(a.value(), env);
            if (a.name() == null) args.add(v);
            else if (named.put(a.name(), v) != null) throw new RuntimeError("argument '" + a.name() + "' given twice", a.span());
        }
        if (!(callee instanceof CatFunction fn)) {
            throw new RuntimeError(Values.typeName(callee) + " is not callable", c.callee().span());
        }
        Span site = c.callee() instanceof Expr.Field f ? f.nameSpan() : c.callee().span();
        Object result = fn.call(this, Collections.unmodifiableList(args), named, site);
        return Values.wrap(result);
    }

    /** `v.f(a)` with no field f on v calls the function f(v, a). */
    private Object methodFunction(Object target, Expr.Field f, Environment env) {
        if (env.has(f.name())) {
            Object fn = env.get(f.name());
            if (fn instanceof CatFunction) return fn;
        }
        List<String> names = new ArrayList<>(target instanceof CatValue c ? c.fieldNames() : List.of());
        names.addAll(session.registry().names());
        String hint = Suggest.closest(f.name(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new RuntimeError(Values.typeName(target) + " has no field or method '" + f.name() + "'" + hint, f.nameSpan());
    }

    /** Leaves every clause of a comprehension at once when an interrupt stops it. */
    private static final class StopLoop extends RuntimeException {
        StopLoop() {
            super(null, null, false, false);
        }
    }

    /** Carries a `return` value out of a function body. */
    private static final class ReturnSignal extends RuntimeException {
        final Object value;

        ReturnSignal(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** The tensor type is used by built-ins that accept "tensor or number". */
    public static boolean isTensor(Object v) { return v instanceof Tensor; }
}
