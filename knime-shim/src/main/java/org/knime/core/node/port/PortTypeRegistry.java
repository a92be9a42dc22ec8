package org.knime.core.node.port;

import java.util.HashMap;
import java.util.Map;

/**
 * Shim of KNIME's {@code PortTypeRegistry}. The real registry reads extension point org.knime.core.PortType from
 * the Eclipse extension registry; this one works without OSGi and creates port types on demand, so that static
 * {@code TYPE} fields initialise in plain JUnit.
 */
public final class PortTypeRegistry {
    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private final Map<Class<? extends PortObject>, PortType> m_required = new HashMap<>();
    private final Map<Class<? extends PortObject>, PortType> m_optional = new HashMap<>();

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass,
        final boolean isOptional) {
        Map<Class<? extends PortObject>, PortType> m = isOptional ? m_optional : m_required;
        return m.computeIfAbsent(objectClass, c -> new PortType(c, isOptional));
    }
}
