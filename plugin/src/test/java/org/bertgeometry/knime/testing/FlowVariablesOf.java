package org.bertgeometry.knime.testing;

import java.util.Map;

import org.knime.core.node.NodeModel;

/**
 * Test helper: the flow variables a node model pushed in the shim (name to Integer, Double or String). KNIME's
 * NodeModel has no public getter for its outgoing variables, so the shim keeps them behind a package-private
 * accessor, reached through {@link ShimInternals}.
 */
public final class FlowVariablesOf {
    private FlowVariablesOf() {
    }

    public static Map<String, Object> model(final NodeModel model) {
        return ShimInternals.callUnchecked(NodeModel.class, model, "flowVariables", new Class<?>[0]);
    }
}
