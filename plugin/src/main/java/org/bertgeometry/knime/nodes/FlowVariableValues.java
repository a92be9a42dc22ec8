package org.bertgeometry.knime.nodes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named results a node publishes as KNIME flow variables (integers, doubles or strings), collected in order so
 * that a small class per node can say what it publishes while the node model only pushes them
 * ({@link SettingsNodeModel#pushFlowVariables}). Names are prefixed by the node's subject (for example
 * {@code bert_layers}) so that several nodes in one branch do not overwrite each other.
 */
public final class FlowVariableValues {

    private final Map<String, Object> m_values = new LinkedHashMap<>();

    public FlowVariableValues putInt(final String name, final int value) {
        m_values.put(name, value);
        return this;
    }

    public FlowVariableValues putDouble(final String name, final double value) {
        m_values.put(name, value);
        return this;
    }

    public FlowVariableValues putString(final String name, final String value) {
        m_values.put(name, value);
        return this;
    }

    /** @return name to Integer, Double or String, in the order put */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(m_values);
    }
}
