package catapult.lang.syntax;

import catapult.grammar.CatapultLexer;
import catapult.grammar.CatapultParser;
import catapult.lang.ast.Program;
import catapult.lang.errors.Interrupted;
import catapult.lang.errors.SyntaxError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Source text to AST. Runs the ANTLR parser, turns its first complaint into a positioned
 * SyntaxError with a readable message, and tells incomplete input (the REPL should read
 * another line) from wrong input.
 */
public final class Parser {
    private Parser() {}

    /** Whether text is a whole program, needs more lines, or is wrong whatever follows. */
    public enum Completeness { COMPLETE, INCOMPLETE, INVALID }

    public static Program parse(SourceFile source) {
        return parse(source, 0, 0);
    }

    /** Parses, stopping with an Interrupted error when {@code interrupted} holds (polled as tokens are consumed). */
    public static Program parse(SourceFile source, BooleanSupplier interrupted) {
        return parse(source, source.text(), 0, 0, interrupted);
    }

    /** Parses with a position offset (used for ${...} interpolations inside strings). */
    static Program parse(SourceFile source, int lineOffset, int columnOffset) {
        return parse(source, source.text(), lineOffset, columnOffset);
    }

    static Program parse(SourceFile source, String text, int lineOffset, int columnOffset) {
        return parse(source, text, lineOffset, columnOffset, () -> false);
    }

    private static Program parse(SourceFile source, String text, int lineOffset, int columnOffset, BooleanSupplier interrupted) {
        CatapultLexer lexer = new CatapultLexer(CharStreams.fromString(text, source.name()));
        lexer.removeErrorListeners();
        AstBuilder builder = new AstBuilder(source, lineOffset, columnOffset);
        CommonTokenStream tokens = new InterruptibleTokens(lexer, interrupted, builder);
        tokens.fill();
        NestingCheck.check(tokens.getTokens(), builder);
        CatapultParser parser = new CatapultParser(tokens);
        parser.removeErrorListeners();
        FirstError listener = new FirstError();
        parser.addErrorListener(listener);
        try {
            CatapultParser.ProgramContext tree = parser.program();
            if (listener.token != null) {
                throw describe(listener, tokens.getTokens(), builder);
            }
            return new Program(source, builder.program(tree));
        } catch (StackOverflowError e) {
            // NestingCheck should make this unreachable; a thread with a tiny stack still gets an error, not a crash
            throw new SyntaxError("nested too deeply for this thread's stack", builder.span(tokens.get(0)), false);
        }
    }

    /** Classifies text for the REPL's multi-line entry. */
    public static Completeness completeness(String text) {
        try {
            parse(new SourceFile("<repl>", text));
            return Completeness.COMPLETE;
        } catch (SyntaxError e) {
            return e.incomplete() ? Completeness.INCOMPLETE : Completeness.INVALID;
        }
    }

    /** A token stream that polls for an interrupt every few thousand tokens, so a huge parse can be stopped. */
    private static final class InterruptibleTokens extends CommonTokenStream {
        private final BooleanSupplier interrupted;
        private final AstBuilder at;
        private int consumed;

        InterruptibleTokens(CatapultLexer lexer, BooleanSupplier interrupted, AstBuilder at) {
            super(lexer);
            this.interrupted = interrupted;
            this.at = at;
        }

        @Override
        public void consume() {
            if ((++consumed & 0xfff) == 0 && interrupted.getAsBoolean()) {
                throw new Interrupted(at.span(LT(1)));
            }
            super.consume();
        }
    }

    private static final class FirstError extends BaseErrorListener {
        Token token;
        String message;

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col,
                                String msg, RecognitionException e) {
            if (token == null) {
                token = (Token) offending;
                message = msg;
            }
        }
    }

    private static SyntaxError describe(FirstError error, List<Token> tokens, AstBuilder at) {
        Token bad = error.token;
        for (Token t : tokens) {
            if (t.getType() == CatapultLexer.UNTERMINATED_STRING) {
                return new SyntaxError("unterminated string", at.span(t), true);
            }
        }
        if (bad.getType() == Token.EOF) {
            Token open = unclosedBracket(tokens);
            if (open != null) {
                return new SyntaxError("unclosed '" + open.getText() + "'", at.span(open), true);
            }
            return new SyntaxError("unexpected end of input", at.span(lastToken(tokens, bad)), true);
        }
        Token open = unclosedBefore(tokens, bad);
        if (open != null && open.getLine() < bad.getLine()) {
            return new SyntaxError("unclosed '" + open.getText() + "' (reached '" + bad.getText() + "' on line "
                    + at.span(bad).line() + ")", at.span(open), false);
        }
        if (bad.getType() == CatapultLexer.ERROR_CHAR) {
            return new SyntaxError("unexpected character '" + bad.getText() + "'", at.span(bad), false);
        }
        String text = bad.getType() == CatapultLexer.NL ? "end of line" : "'" + bad.getText() + "'";
        return new SyntaxError("unexpected " + text + hint(error.message), at.span(bad), false);
    }

    /** Keeps ANTLR's "expecting ..." part when it is short enough to help. */
    private static String hint(String antlrMessage) {
        int i = antlrMessage == null ? -1 : antlrMessage.indexOf("expecting ");
        if (i < 0) return "";
        String expected = antlrMessage.substring(i + "expecting ".length());
        if (expected.startsWith("{") || expected.length() > 40) return "";
        return " (expected " + expected.replace("<EOF>", "end of input").replace("NL", "end of line") + ")";
    }

    private static Token unclosedBracket(List<Token> tokens) {
        return unclosedBefore(tokens, null);
    }

    /** The innermost ( or [ still open when `stop` is reached (null: the end of input). */
    private static Token unclosedBefore(List<Token> tokens, Token stop) {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            if (t == stop) break;
            switch (t.getType()) {
                case CatapultLexer.LPAREN, CatapultLexer.LBRACK, CatapultLexer.LBRACE -> open.push(t);
                case CatapultLexer.RPAREN, CatapultLexer.RBRACK, CatapultLexer.RBRACE -> {
                    if (!open.isEmpty()) open.pop();
                }
                default -> { }
            }
        }
        if (stop == null) return open.isEmpty() ? null : open.peek();
        return open.isEmpty() || open.peek().getType() == CatapultLexer.LBRACE ? null : open.peek();
    }

    private static Token lastToken(List<Token> tokens, Token fallback) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getType() != Token.EOF && t.getType() != CatapultLexer.NL) return t;
        }
        return fallback;
    }
}
