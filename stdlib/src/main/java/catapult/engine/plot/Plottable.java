package catapult.engine.plot;

import java.util.List;

/**
 * A value that knows how to be plotted directly, such as a training run (its loss and tracked
 * metrics against step). {@code plot(run)} asks for these series, so the plot builtin needs no
 * knowledge of run internals.
 */
public interface Plottable {

    /** The series drawn by default, e.g. "loss", "test_loss", "ntk_eigs[0]" against step. */
    List<PlotLine> plotSeries();

    /** The x-axis label for these series. */
    default String plotXLabel() {
        return "step";
    }

    /** A short name telling this value apart when several are drawn together ("" for none). */
    default String plotLabel() {
        return "";
    }
}
