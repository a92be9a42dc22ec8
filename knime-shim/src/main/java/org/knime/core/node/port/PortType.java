package org.knime.core.node.port;

/**
 * Shim of KNIME's {@code PortType}: identifies the class of object a port accepts. Obtain instances from
 * {@link PortTypeRegistry}.
 */
public final class PortType {
    private final Class<? extends PortObject> m_objectClass;
    private final boolean m_optional;

    PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        m_objectClass = objectClass;
        m_optional = optional;
    }

    public String getName() {
        return m_objectClass.getSimpleName();
    }

    public boolean isOptional() {
        return m_optional;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PortType p && p.m_objectClass.equals(m_objectClass) && p.m_optional == m_optional;
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() * 2 + (m_optional ? 1 : 0);
    }

    @Override
    public String toString() {
        return getName() + (m_optional ? " (optional)" : "");
    }
}
