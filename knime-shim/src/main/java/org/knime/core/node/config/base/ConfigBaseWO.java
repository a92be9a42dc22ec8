package org.knime.core.node.config.base;

/**
 * Shim of KNIME's {@code ConfigBaseWO} (bundle org.knime.core.util): write access to a settings tree.
 */
public interface ConfigBaseWO {
    String getKey();

    void addInt(String key, int value);

    void addLong(String key, long value);

    void addDouble(String key, double value);

    void addBoolean(String key, boolean value);

    void addString(String key, String value);

    void addStringArray(String key, String... values);
}
