package catapult.lang.syntax;

import catapult.grammar.CatapultParser;
import catapult.grammar.CatapultParser.*;
import catapult.lang.ast.Expr;
import catapult.lang.ast.Program;
import catapult.lang.ast.Stmt;
import catapult.lang.errors.SyntaxError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns ANTLR's parse tree into the immutable AST; the interpreter never sees the parse tree. */
final class AstBuilder {
    private final SourceFile source;
    private final int lineOffset;
    private final int columnOffset;

    AstBuilder(SourceFile source, int lineOffset, int columnOffset) {
        this.source = source;
        this.lineOffset = lineOffset;
        this.columnOffset = columnOffset;
    }

    List<Stmt> program(ProgramContext ctx) {
        return statements(ctx.statement());
    }

    // ---- spans ----

    Span span(Token t) {
        int line = t.getLine();
        int col = t.getCharPositionInLine() + 1 + (line == 1 ? columnOffset : 0);
        int length = t.getType() == Token.EOF ? 1 : Math.max(1, firstLineLength(t.getText()));
        return new Span(source, line + lineOffset, col, length);
    }

    private Span span(ParserRuleContext ctx) {
        Span start = span(ctx.start);
        Token stop = ctx.stop == null ? ctx.start : ctx.stop;
        if (stop.getLine() == ctx.start.getLine() && stop.getType() != Token.EOF) {
            int length = stop.getStopIndex() - ctx.start.getStartIndex() + 1;
            return new Span(source, start.line(), start.column(), Math.max(1, firstLineLength(length, ctx)));
        }
        String line = source.line(start.line());
        return new Span(source, start.line(), start.column(), Math.max(1, line.length() - start.column() + 1));
    }

    private static int firstLineLength(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text.length() : nl;
    }

    private static int firstLineLength(int length, ParserRuleContext ctx) {
        return length;
    }

    // ---- statements ----

    private List<Stmt> statements(List<StatementContext> list) {
        List<Stmt> out = new ArrayList<>(list.size());
        for (StatementContext s : list) out.add(statement(s));
        return List.copyOf(out);
    }

    private Stmt statement(StatementContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof LetStmtContext c) return new Stmt.Let(c.ID().getText(), expr(c.expr()), span(c.ID().getSymbol()).to(span));
        if (ctx instanceof AssignStmtContext c) return new Stmt.Assign(c.ID().getText(), expr(c.expr()), span(c.ID().getSymbol()));
        if (ctx instanceof FnBlockStmtContext c) return new Stmt.FnDecl(c.ID().getText(), params(c.params()), block(c.block()), span(c.ID().getSymbol()));
        if (ctx instanceof FnExprStmtContext c) {
            Expr body = expr(c.expr());
            Expr.BlockExpr block = new Expr.BlockExpr(List.of(new Stmt.ExprStmt(body, body.span())), body.span());
            return new Stmt.FnDecl(c.ID().getText(), params(c.params()), block, span(c.ID().getSymbol()));
        }
        if (ctx instanceof ArchStmtContext c) return new Stmt.ArchDecl(c.ID().getText(), params(c.params()), block(c.block()), span(c.ID().getSymbol()));
        if (ctx instanceof ForStmtContext c) return new Stmt.For(c.ID().getText(), expr(c.expr()), block(c.block()), span);
        if (ctx instanceof WhileStmtContext c) return new Stmt.While(expr(c.expr()), block(c.block()), span);
        if (ctx instanceof ReturnStmtContext c) return new Stmt.Return(c.expr() == null ? null : expr(c.expr()), span);
        if (ctx instanceof ImportStmtContext c) return new Stmt.Import(unquote(c.STRING().getSymbol()), span);
        ExprStmtContext c = (ExprStmtContext) ctx;
        return new Stmt.ExprStmt(expr(c.expr()), span);
    }

    private Expr.BlockExpr block(BlockContext ctx) {
        return new Expr.BlockExpr(statements(ctx.statement()), span(ctx));
    }

    private List<Expr.Param> params(ParamsContext ctx) {
        if (ctx == null) return List.of();
        List<Expr.Param> out = new ArrayList<>();
        for (ParamContext p : ctx.param()) {
            out.add(new Expr.Param(p.ID().getText(), p.expr() == null ? null : expr(p.expr()), span(p.ID().getSymbol())));
        }
        return List.copyOf(out);
    }

    // ---- expressions ----

    Expr expr(ExprContext ctx) {
        if (leftAssociative(ctx)) return chain(ctx);
        Span span = span(ctx);
        if (ctx instanceof PrimaryExprContext c) return primary(c.primary());
        if (ctx instanceof CallExprContext c) return new Expr.Call(expr(c.expr()), args(c.args()), span);
        if (ctx instanceof FieldExprContext c) return new Expr.Field(expr(c.expr()), c.ID().getText(), span, span(c.ID().getSymbol()));
        if (ctx instanceof IndexExprContext c) return new Expr.Index(expr(c.expr()), indices(c.indices()), span);
        if (ctx instanceof PowExprContext c) return binary("^", c.expr(0), c.expr(1), span, c.CARET().getSymbol());
        if (ctx instanceof NegExprContext c) return new Expr.Unary("-", expr(c.expr()), span);
        if (ctx instanceof RangeExprContext c) return new Expr.RangeExpr(expr(c.expr(0)), expr(c.expr(1)), span);
        if (ctx instanceof NotExprContext c) return new Expr.Unary("not", expr(c.expr()), span);
        if (ctx instanceof LambdaBlockExprContext c) return new Expr.Lambda(lambdaParams(c.lambdaParams()), block(c.block()), span);
        LambdaExprContext c = (LambdaExprContext) ctx;
        return new Expr.Lambda(lambdaParams(c.lambdaParams()), expr(c.expr()), span);
    }

    private List<Expr.Param> lambdaParams(LambdaParamsContext ctx) {
        List<Expr.Param> ps = new ArrayList<>();
        for (TerminalNode id : ctx.ID()) ps.add(new Expr.Param(id.getText(), null, span(id.getSymbol())));
        return List.copyOf(ps);
    }

    private static boolean leftAssociative(ExprContext c) {
        return c instanceof MulExprContext || c instanceof AddExprContext || c instanceof CmpExprContext
                || c instanceof AndExprContext || c instanceof OrExprContext;
    }

    /** A left-associative chain (1 + 2 + ... + n), built bottom-up without recursing down its length. */
    private Expr chain(ExprContext top) {
        Deque<ExprContext> spine = new ArrayDeque<>();
        ExprContext c = top;
        while (leftAssociative(c)) {
            spine.push(c);
            c = c.getRuleContext(ExprContext.class, 0);
        }
        Expr acc = expr(c);
        while (!spine.isEmpty()) {
            ExprContext link = spine.pop();
            acc = link(link, acc, expr(link.getRuleContext(ExprContext.class, 1)));
        }
        return acc;
    }

    private Expr link(ExprContext ctx, Expr left, Expr right) {
        Span span = span(ctx);
        if (ctx instanceof AndExprContext) return new Expr.Logical("and", left, right, span);
        if (ctx instanceof OrExprContext) return new Expr.Logical("or", left, right, span);
        Token op = ctx instanceof MulExprContext m ? m.op : ctx instanceof AddExprContext a ? a.op : ((CmpExprContext) ctx).op;
        return new Expr.Binary(op.getText(), left, right, span, span(op));
    }

    private Expr binary(String op, ExprContext l, ExprContext r, Span span, Token opToken) {
        return new Expr.Binary(op, expr(l), expr(r), span, span(opToken));
    }

    private List<Expr.Arg> args(ArgsContext ctx) {
        if (ctx == null) return List.of();
        List<Expr.Arg> out = new ArrayList<>();
        boolean sawNamed = false;
        for (ArgContext a : ctx.arg()) {
            String name = a.ID() == null ? null : a.ID().getText();
            if (name == null && sawNamed) {
                throw new SyntaxError("positional argument after a named one", span(a), false);
            }
            sawNamed |= name != null;
            out.add(new Expr.Arg(name, expr(a.expr()), span(a)));
        }
        return List.copyOf(out);
    }

    private List<Expr.IndexItem> indices(IndicesContext ctx) {
        List<Expr.IndexItem> out = new ArrayList<>();
        for (IndexContext i : ctx.index()) {
            if (i instanceof ExprIndexContext e) {
                out.add(new Expr.IndexItem(expr(e.expr()), false, null, null, null, span(i)));
            } else {
                SliceIndexContext s = (SliceIndexContext) i;
                out.add(new Expr.IndexItem(null, true, opt(s.start), opt(s.stop), opt(s.step), span(i)));
            }
        }
        return List.copyOf(out);
    }

    private Expr opt(ExprContext ctx) {
        return ctx == null ? null : expr(ctx);
    }

    private Expr primary(PrimaryContext ctx) {
        Span span = span(ctx);
        if (ctx instanceof NumberLitContext) return new Expr.NumberLit(Double.parseDouble(ctx.getText().replace("_", "")), span);
        if (ctx instanceof StringLitContext c) return string(c.STRING().getSymbol());
        if (ctx instanceof UnterminatedStringContext c) throw new SyntaxError("unterminated string", span, true);
        if (ctx instanceof TrueLitContext) return new Expr.BoolLit(true, span);
        if (ctx instanceof FalseLitContext) return new Expr.BoolLit(false, span);
        if (ctx instanceof NoneLitContext) return new Expr.NoneLit(span);
        if (ctx instanceof NameRefContext) return new Expr.Var(ctx.getText(), span);
        if (ctx instanceof ParensContext c) return expr(c.expr());
        if (ctx instanceof ComprehensionContext c) return comprehension(c, span);
        if (ctx instanceof ListLitContext c) {
            List<Expr> items = new ArrayList<>();
            for (ExprContext e : c.expr()) items.add(expr(e));
            return new Expr.ListLit(List.copyOf(items), span);
        }
        if (ctx instanceof RecordLitContext c) {
            List<Expr.FieldInit> fields = new ArrayList<>();
            for (FieldContext f : c.field()) {
                fields.add(field(f));
            }
            return new Expr.RecordLit(List.copyOf(fields), span);
        }
        return ifExpr(((IfPrimaryContext) ctx).ifExpr());
    }

    /** A record field; a string key with ${...} is computed when the record is built. */
    private Expr.FieldInit field(FieldContext f) {
        if (f.ID() != null) return new Expr.FieldInit(f.ID().getText(), expr(f.expr()), span(f));
        if (f.NUMBER() != null) {
            String key = catapult.lang.value.Printer.number(Double.parseDouble(f.NUMBER().getText().replace("_", "")));
            return new Expr.FieldInit(key, expr(f.expr()), span(f));
        }
        Expr key = string(f.STRING().getSymbol());
        if (key instanceof Expr.StringLit lit) return new Expr.FieldInit(lit.value(), expr(f.expr()), span(f));
        return new Expr.FieldInit(f.STRING().getText(), key, expr(f.expr()), span(f));
    }

    private Expr comprehension(ComprehensionContext c, Span span) {
        List<Expr.CompClause> clauses = new ArrayList<>();
        for (CompForContext f : c.compFor()) {
            Expr cond = f.expr().size() > 1 ? expr(f.expr(1)) : null;
            clauses.add(new Expr.CompClause(f.ID().getText(), expr(f.expr(0)), cond, span(f)));
        }
        return new Expr.Comprehension(expr(c.expr()), List.copyOf(clauses), span);
    }

    private Expr.If ifExpr(IfExprContext c) {
        Expr elseBranch = null;
        if (c.ifExpr() != null) elseBranch = ifExpr(c.ifExpr());
        else if (c.block().size() > 1) elseBranch = block(c.block(1));
        return new Expr.If(expr(c.expr()), block(c.block(0)), elseBranch, span(c.start));
    }

    // ---- strings ----

    private String unquote(Token t) {
        return unescape(t.getText().substring(1, t.getText().length() - 1), t);
    }

    private String unescape(String s, Token t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\') { out.append(ch); continue; }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '$' -> out.append('$');
                default -> throw new SyntaxError("unknown escape '\\" + next + "' in string", span(t), false);
            }
        }
        return out.toString();
    }

    /** A string literal, split into text and ${...} parts parsed as expressions. */
    private Expr string(Token t) {
        String body = t.getText().substring(1, t.getText().length() - 1);
        if (!body.contains("${")) return new Expr.StringLit(unescape(body, t), span(t));
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                text.append(body, i, i + 2);
                i += 2;
            } else if (ch == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                int end = body.indexOf('}', i);
                if (text.length() > 0) parts.add(new Expr.StringLit(unescape(text.toString(), t), span(t)));
                text.setLength(0);
                parts.add(embedded(body.substring(i + 2, end), t, i + 3));
                i = end + 1;
            } else {
                text.append(ch);
                i++;
            }
        }
        if (text.length() > 0) parts.add(new Expr.StringLit(unescape(text.toString(), t), span(t)));
        return new Expr.Interpolation(List.copyOf(parts), span(t));
    }

    private Expr embedded(String code, Token t, int offsetInToken) {
        if (code.isBlank()) throw new SyntaxError("empty ${} in string", span(t), false);
        Span at = span(t);
        Program p = Parser.parse(source, code, at.line() - 1, at.column() - 1 + offsetInToken);
        if (p.statements().size() != 1 || !(p.statements().get(0) instanceof Stmt.ExprStmt e)) {
            throw new SyntaxError("${...} must hold one expression", at, false);
        }
        return e.expr();
    }
}
