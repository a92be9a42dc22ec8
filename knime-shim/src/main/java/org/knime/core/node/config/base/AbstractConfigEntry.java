package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Objects;

/**
 * Shim of KNIME's {@code AbstractConfigEntry}: the common base of config trees and their entries, holding the
 * key. As in KNIME, the key of a config read from XML is the root element's key, so it is set while loading.
 */
public abstract class AbstractConfigEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private String m_key;

    AbstractConfigEntry(final String key) {
        m_key = key;
    }

    public final String getKey() {
        return m_key;
    }

    /** Set by {@link XMLConfig#load} from the root element (KNIME does the same). */
    void setKey(final String key) {
        m_key = key;
    }

    /** @return whether {@code other}, of the same class and key, holds the same content */
    abstract boolean hasSameContent(AbstractConfigEntry other);

    @Override
    public boolean equals(final Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(((AbstractConfigEntry)o).m_key, m_key)
            && hasSameContent((AbstractConfigEntry)o);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(m_key);
    }
}
