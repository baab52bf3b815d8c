package catapult.jupyter;

import catapult.engine.train.Progress;
import catapult.engine.train.ProgressListener;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Progress of a running train or sweep as one line in the cell's output, updated in place (a
 * display with an id, replaced on each throttled report) and left showing the final report.
 */
final class NotebookProgress implements ProgressListener {
    private final DisplayStream display;
    private String id;
    private int shown;

    NotebookProgress(DisplayStream display) { this.display = display; }

    /** The next report starts a new line (called before each cell). */
    synchronized void newCell() { id = null; }

    @Override
    public synchronized void onProgress(Progress p) {
        DisplayData line = new DisplayData(p.line());
        if (id == null) {
            id = "catapult-progress-" + (++shown);
            line.setDisplayId(id);
            display.display(line);
        } else {
            display.updateDisplay(id, line);
        }
    }
}
