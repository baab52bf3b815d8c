package catapult.cpython;

import catapult.engine.train.Progress;
import catapult.engine.train.ProgressListener;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a CPython session's {@code train} and {@code sweep} report progress: the latest report
 * waits here until the Python thread, between its waits, takes it and draws it (a line redrawn in
 * a terminal, an updating line in a notebook).
 */
final class ProgressBoard implements ProgressListener {
    private final AtomicReference<Progress> latest = new AtomicReference<>();

    @Override public void onProgress(Progress progress) { latest.set(progress); }

    /** The report since the last take, or null. */
    Progress take() { return latest.getAndSet(null); }
}
