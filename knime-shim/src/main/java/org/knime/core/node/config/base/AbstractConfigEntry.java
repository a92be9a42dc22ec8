package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

import javax.swing.tree.TreeNode;

/**
 * Shim of KNIME's {@code AbstractConfigEntry}: the common base of config trees and their entries, holding the
 * key. As in KNIME, the key of a config read from XML is the root element's key, so it is set while loading.
 */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {
    private static final long serialVersionUID = 1L;

    private String m_key;
    private transient AbstractConfigEntry m_parent;

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

    /** Called by the parent config when this entry is added to it. */
    void setParent(final AbstractConfigEntry parent) {
        m_parent = parent;
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

    // Tree node methods, as in KNIME: a leaf unless overridden by ConfigBase.

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return null;
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public final TreeNode getParent() {
        return m_parent;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public final boolean getAllowsChildren() {
        return !isLeaf();
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public Enumeration<TreeNode> children() {
        return Collections.emptyEnumeration();
    }
}
