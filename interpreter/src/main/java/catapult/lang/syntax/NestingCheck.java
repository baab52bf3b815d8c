package catapult.lang.syntax;

import catapult.grammar.CatapultLexer;
import catapult.lang.errors.SyntaxError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * A linear scan of the tokens, before ANTLR runs, that refuses programs nested deeper than
 * {@link #MAX_DEPTH}. Deep nesting is what makes the recursive-descent parser, the AST
 * builder, the resolver and the evaluator recurse, and ANTLR's adaptive prediction on it is
 * super-linear (10,000 nested parentheses took 17 s and 2.3 GB), so it must be caught here,
 * cheaply, with a positioned error. Long left-associative chains such as 1 + 1 + ... + 1 are
 * not nesting: every later stage walks them iteratively.
 *
 * <p>The depth is a slight over-estimate of the parser's recursion: one level per open
 * bracket, plus, within a bracket, one per pending "tight" construct (a prefix minus, a
 * right-associative {@code ^}, a postfix call, index or field access, which end at the next
 * lower-precedence operator) and one per pending "loose" construct ({@code not}, {@code =>},
 * {@code else}, {@code ..}, which end at a comma or the end of the statement).
 */
final class NestingCheck {
    /** The deepest nesting accepted; Python's parser stops at 200 nested brackets too. */
    static final int MAX_DEPTH = 200;

    /** The pending constructs of one bracket level. */
    private static final class Level {
        int tight;
        int loose;
    }

    private NestingCheck() {}

    /** Throws a SyntaxError at the token where the nesting first exceeds {@link #MAX_DEPTH}. */
    static void check(List<Token> tokens, AstBuilder at) {
        Deque<Level> levels = new ArrayDeque<>();
        levels.push(new Level());
        int depth = 0;
        Token previous = null;
        for (Token t : tokens) {
            int type = t.getType();
            Level level = levels.peek();
            if (type == CatapultLexer.LPAREN || type == CatapultLexer.LBRACK || type == CatapultLexer.LBRACE) {
                if (type == CatapultLexer.LBRACE) level.tight = 0;   // a block or record starts: no postfix chain continues
                else if (endsOperand(previous)) level.tight++;
                levels.push(new Level());
            } else if (type == CatapultLexer.RPAREN || type == CatapultLexer.RBRACK || type == CatapultLexer.RBRACE) {
                if (levels.size() > 1) levels.pop();
            } else {
                count(level, type, endsOperand(previous));
            }
            depth = depth(levels);
            if (depth > MAX_DEPTH) {
                throw new SyntaxError("nested too deeply (more than " + MAX_DEPTH
                        + " levels of brackets, prefix operators, calls or lambdas)", at.span(t), false);
            }
            previous = t;
        }
    }

    private static void count(Level level, int type, boolean afterOperand) {
        switch (type) {
            case CatapultLexer.MINUS -> {
                if (afterOperand) level.tight = 0;
                else level.tight++;
            }
            case CatapultLexer.CARET, CatapultLexer.DOT -> level.tight++;
            case CatapultLexer.NOT, CatapultLexer.ARROW, CatapultLexer.ELSE, CatapultLexer.RANGE -> {
                level.tight = 0;
                level.loose++;
            }
            case CatapultLexer.COMMA, CatapultLexer.SEMI, CatapultLexer.NL -> {
                level.tight = 0;
                level.loose = 0;
            }
            case CatapultLexer.STAR, CatapultLexer.SLASH, CatapultLexer.PERCENT, CatapultLexer.AT, CatapultLexer.PLUS,
                 CatapultLexer.EQ, CatapultLexer.NE, CatapultLexer.LT, CatapultLexer.LE, CatapultLexer.GT,
                 CatapultLexer.GE, CatapultLexer.AND, CatapultLexer.OR, CatapultLexer.COLON, CatapultLexer.ASSIGN,
                 CatapultLexer.IF, CatapultLexer.IN -> level.tight = 0;
            default -> { }
        }
    }

    private static int depth(Deque<Level> levels) {
        int d = 0;
        for (Level l : levels) d += 1 + l.tight + l.loose;
        return d - 1;
    }

    /** True when t ends an operand, so that a following '-' is binary and '(' or '[' is a call or index. */
    private static boolean endsOperand(Token t) {
        if (t == null) return false;
        return switch (t.getType()) {
            case CatapultLexer.NUMBER, CatapultLexer.STRING, CatapultLexer.ID, CatapultLexer.TRUE, CatapultLexer.FALSE,
                 CatapultLexer.NONE, CatapultLexer.RPAREN, CatapultLexer.RBRACK, CatapultLexer.RBRACE -> true;
            default -> false;
        };
    }
}
