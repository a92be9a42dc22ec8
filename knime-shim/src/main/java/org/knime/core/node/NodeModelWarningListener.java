package org.knime.core.node;

import java.util.EventListener;

/** Shim of KNIME's {@code NodeModelWarningListener} (implemented by {@code NodeView}); no members needed here. */
public interface NodeModelWarningListener extends EventListener {
}
