package org.bertgeometry.knime.testing;

import java.lang.reflect.Method;
import java.util.Map;

import org.knime.core.node.NodeModel;

/**
 * Test helper: the flow variables a node model pushed in the shim (name to Integer, Double or String). The shim
 * keeps them behind a package-private accessor because KNIME's NodeModel has no public getter for its outgoing
 * variables; reflection here keeps the shim free of members KNIME lacks.
 */
public final class FlowVariablesOf {
    private FlowVariablesOf() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> model(final NodeModel model) {
        try {
            Method m = NodeModel.class.getDeclaredMethod("flowVariables");
            m.setAccessible(true);
            return (Map<String, Object>)m.invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The shim's NodeModel has no flowVariables() accessor", e);
        }
    }
}
