package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.swing.tree.TreeNode;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.InvalidSettingsException;
import org.xml.sax.SAXException;

/**
 * Shim of KNIME's {@code ConfigBase}: an ordered tree of typed entries (KNIME's {@code xint}, {@code xstring}, ...)
 * and child configs. Arrays are stored as KNIME stores them: a child config with {@code array-size} and entries
 * {@code 0..n-1}. {@link XMLConfig} reads and writes KNIME's XMLConfig format.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {
    private static final long serialVersionUID = 1L;

    /** One typed leaf entry; {@code type} is KNIME's XML type name, {@code value} null for a null string. */
    private static final class Entry extends AbstractConfigEntry {
        private static final long serialVersionUID = 1L;

        private final String m_type;
        private final String m_value;

        Entry(final String key, final String type, final String value) {
            super(key);
            m_type = type;
            m_value = value;
        }

        String type() {
            return m_type;
        }

        String value() {
            return m_value;
        }

        @Override
        boolean hasSameContent(final AbstractConfigEntry other) {
            return m_type.equals(((Entry)other).m_type) && Objects.equals(m_value, ((Entry)other).m_value);
        }

        @Override
        public String toString() {
            return getKey() + "=" + m_value;
        }
    }

    private final Map<String, AbstractConfigEntry> m_children = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        super(key);
    }

    /** Creates an empty child of the concrete subclass's type. */
    public abstract ConfigBase getInstance(String key);

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(m_children.keySet()));
    }

    @Override
    public boolean containsKey(final String key) {
        return m_children.containsKey(key);
    }

    /** @return KNIME's XML type name of the entry {@code key}, or null where {@code key} is a child config */
    String entryType(final String key) {
        return m_children.get(key) instanceof Entry e ? e.type() : null;
    }

    /** @return the value of the entry {@code key} as stored in XML (null for a null string) */
    String entryValue(final String key) {
        return ((Entry)m_children.get(key)).value();
    }

    /** @return the child config {@code key}, null where {@code key} is an entry */
    ConfigBase childConfig(final String key) {
        return m_children.get(key) instanceof ConfigBase c ? c : null;
    }

    public final ConfigBase addConfigBase(final String key) {
        ConfigBase c = getInstance(key);
        c.setParent(this);
        m_children.put(key, c);
        return c;
    }

    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        Object o = m_children.get(key);
        if (!(o instanceof ConfigBase c)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return c;
    }

    void put(final String key, final String type, final String value) {
        Entry e = new Entry(key, type, value);
        e.setParent(this);
        m_children.put(key, e);
    }

    private String raw(final String key, final String type) throws InvalidSettingsException {
        Object o = m_children.get(key);
        if (!(o instanceof Entry e)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        if (!e.type().equals(type)) {
            throw new InvalidSettingsException(
                "Config for key \"" + key + "\" has type " + e.type() + ", expected " + type + ".");
        }
        return e.value();
    }

    @Override
    public void addInt(final String key, final int value) {
        put(key, "xint", Integer.toString(value));
    }

    @Override
    public void addLong(final String key, final long value) {
        put(key, "xlong", Long.toString(value));
    }

    @Override
    public void addDouble(final String key, final double value) {
        put(key, "xdouble", Double.toString(value));
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        put(key, "xboolean", Boolean.toString(value));
    }

    @Override
    public void addString(final String key, final String value) {
        put(key, "xstring", value);
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        ConfigBase c = addConfigBase(key);
        if (values == null) {
            return;
        }
        c.addInt("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.addString(Integer.toString(i), values[i]);
        }
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        String v = raw(key, "xint");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" is not an int: " + v, e);
        }
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        String v = raw(key, "xlong");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" is not a long: " + v, e);
        }
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        String v = raw(key, "xdouble");
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" is not a double: " + v, e);
        }
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        String v = raw(key, "xboolean");
        if (!"true".equals(v) && !"false".equals(v)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" is not a boolean: " + v);
        }
        return Boolean.parseBoolean(v);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return raw(key, "xstring");
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        ConfigBase c = getConfigBase(key);
        if (!c.containsKey("array-size")) {
            return null;
        }
        int n = c.getInt("array-size");
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = c.getString(Integer.toString(i));
        }
        return out;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    /**
     * Writes this config to {@code os} as XML and closes the stream, as KNIME does.
     *
     * @throws IOException if writing fails
     */
    public final void saveToXML(final OutputStream os) throws IOException {
        XMLConfig.save(this, os);
    }

    /**
     * Reads entries from XML into this config (its key becomes the root element's key) and closes the stream.
     *
     * @throws IOException if the stream cannot be read or is not a KNIME XML config
     */
    public void load(final InputStream is) throws IOException {
        try (is) {
            XMLConfig.load(this, is);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Makes a deep copy of all entries and children of this config into {@code dest}. */
    public void copyTo(final ConfigBaseWO dest) {
        ConfigBase target = (ConfigBase)dest;
        for (Map.Entry<String, AbstractConfigEntry> e : m_children.entrySet()) {
            if (e.getValue() instanceof Entry en) {
                target.put(e.getKey(), en.type(), en.value());
            } else {
                ((ConfigBase)e.getValue()).copyTo(target.addConfigBase(e.getKey()));
            }
        }
    }

    @Override
    boolean hasSameContent(final AbstractConfigEntry other) {
        return ((ConfigBase)other).m_children.equals(m_children);
    }

    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return List.copyOf(m_children.values()).get(childIndex);
    }

    @Override
    public int getChildCount() {
        return m_children.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        return List.copyOf(m_children.values()).indexOf(node);
    }

    @Override
    public final boolean isLeaf() {
        return false;
    }

    @Override
    public final Enumeration<TreeNode> children() {
        return Collections.enumeration(List.copyOf(m_children.values()));
    }

    @Override
    public String toString() {
        return getKey() + m_children;
    }
}
