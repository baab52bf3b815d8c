package catapult.jupyter;

import catapult.api.Catapult;
import catapult.builtins.TerminalHost;
import catapult.cpython.InterruptRepeater;
import catapult.cli.Main;
import catapult.display.ValueBundles;
import catapult.lang.errors.CatapultError;
import catapult.lang.session.Session;
import catapult.lang.syntax.Parser;
import catapult.repl.InterpreterSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * The Catapult kernel: every cell runs in one session (globals persist, an error leaves earlier
 * state intact); the cell's last value is shown as its MIME bundle; printed text streams to the
 * cell; errors show as `cell:line:col: message` with the source line and a caret.
 */
final class CatapultKernel extends BaseKernel {
    private final Catapult session;
    private final InterpreterSession names;
    private final NotebookProgress progress;
    /** A token for the execute request being handled, or null when idle. */
    private volatile Object running;

    CatapultKernel() {
        super("catapult", Main.VERSION, languageInfo(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, new MagicsRegistry(), false, new StringStyler.Builder().build());
        session = Catapult.create(Catapult.Options.defaults().withOut(StdoutRelay.out()).withErr(StdoutRelay.err())
                .withAllowIo(true));
        names = new InterpreterSession(session.session());
        progress = new NotebookProgress(io.display);
        TerminalHost.install(session.session(), new TerminalHost(progress, 0, 0, false)); // progress lines, no text charts
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("catapult").version(Main.VERSION).mimetype("text/x-catapult")
                .fileExtension(".cat").build();
    }

    private Session lang() { return session.session(); }

    @Override public String getBanner() { return "Catapult " + Main.VERSION + " - experiments on the training dynamics of wide networks"; }

    @Override
    public Object evalRaw(String source) {
        progress.newCell();
        // The kernel base counted this request before evaluating: name the cell like its In[N].
        Object value = lang().run(source, "cell[" + (executionCount.get() - 1) + "]");
        lang().settings().out().flush();
        return value;
    }

    @Override
    public DisplayData eval(String source) {
        Object value;
        try {
            value = evalRaw(source);
        } catch (StackOverflowError e) {
            throw new IllegalStateException("stack overflow (recursion too deep)", e);
        }
        Map<String, String> bundle = ValueBundles.of(value);
        if (bundle.isEmpty()) return null;
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        return data;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String help = CellInspection.at(code, at, lang());
        return help == null ? null : new DisplayData(help);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellCompletion.Matches m = CellCompletion.at(code, at, names);
        return new ReplacementOptions(m.items(), m.start(), m.end());
    }

    @Override
    public String isComplete(String code) {
        return switch (Parser.completeness(code)) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INCOMPLETE -> "  ";
            case INVALID -> IS_COMPLETE_BAD;
        };
    }

    /** interrupt_request (and SIGINT): stops the running cell at its next check; the session stays. */
    @Override
    public void interrupt() {
        Object cell = running;
        if (cell == null) return;
        InterruptRepeater.until(session::interrupt, () -> running != cell);
    }

    /** Marks the request as running from before its busy status, so an interrupt right after busy is not lost. */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        running = new Object();
        try {
            super.handleExecuteRequest(env, request);
        } finally {
            running = null;
        }
    }

    /** A Catapult error is its diagnostic; anything else is a bug, shown with its stack trace. */
    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CatapultError ce) return ce.format().lines().toList();
        List<String> lines = new ArrayList<>(List.of("internal error, please report it: " + e));
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        lines.addAll(trace.toString().lines().toList());
        return lines;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        session.close();
        super.onShutdown(isRestarting);
    }
}
