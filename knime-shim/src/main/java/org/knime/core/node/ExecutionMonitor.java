package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shim of KNIME's {@code ExecutionMonitor}: progress reporting and cancellation checks. This version records
 * every progress value and message (so tests can assert that a node reports progress) and lets a test request
 * cancellation, after which {@link #checkCanceled()} throws. Sub-progress monitors share the cancellation flag
 * and map their [0,1] progress onto a slice of the parent's.
 */
public class ExecutionMonitor {
    private final AtomicBoolean m_canceled;
    private final List<Double> m_progressLog;
    private final List<String> m_messageLog;
    private final ExecutionMonitor m_parent;
    private final double m_offset;
    private final double m_scale;
    private double m_progress;
    private int m_cancelAfter;

    public ExecutionMonitor() {
        this(new AtomicBoolean(), Collections.synchronizedList(new ArrayList<>()),
            Collections.synchronizedList(new ArrayList<>()), null, 0, 1);
    }

    ExecutionMonitor(final AtomicBoolean canceled, final List<Double> progressLog, final List<String> messageLog,
        final ExecutionMonitor parent, final double offset, final double scale) {
        m_canceled = canceled;
        m_progressLog = progressLog;
        m_messageLog = messageLog;
        m_parent = parent;
        m_offset = offset;
        m_scale = scale;
    }

    AtomicBoolean canceledFlag() {
        return m_canceled;
    }

    List<Double> progressLog() {
        return m_progressLog;
    }

    List<String> messageLog() {
        return m_messageLog;
    }

    /** Base of the next sub-progress slice, in this monitor's own [0,1] units. */
    double currentProgress() {
        return m_progress;
    }

    public void checkCanceled() throws CanceledExecutionException {
        if (m_canceled.get()) {
            throw new CanceledExecutionException("Execution canceled");
        }
    }

    public void setProgress(final double progress) {
        m_progress = progress;
        m_progressLog.add(toAbsolute(progress));
        countDownToCancel();
    }

    public void setProgress(final double progress, final String message) {
        setProgress(progress);
        setMessage(message);
    }

    public void setProgress(final String message) {
        setMessage(message);
    }

    public void setMessage(final String message) {
        m_messageLog.add(message);
    }

    /** Shim: cancellation requested by a test after a number of progress reports (see org.bertgeometry.knime.testing.ShimExecution). */
    private void countDownToCancel() {
        ExecutionMonitor root = this;
        while (root.m_parent != null) {
            root = root.m_parent;
        }
        if (root.m_cancelAfter > 0 && --root.m_cancelAfter == 0) {
            m_canceled.set(true);
        }
    }

    void cancelAfter(final int progressReports) {
        m_cancelAfter = progressReports;
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(m_canceled, m_progressLog, m_messageLog, this, m_progress, maxProg);
    }

    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(m_canceled, new ArrayList<>(), new ArrayList<>(), this, m_progress, maxProg);
    }

    private double toAbsolute(final double p) {
        double local = m_offset + m_scale * p;
        return m_parent == null ? p : m_parent.toAbsolute(local);
    }
}
