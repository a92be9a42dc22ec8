package org.knime.core.node.util;

/** Shim of KNIME's {@code ButtonGroupEnumInterface}: one radio button, its text and stored action command. */
public interface ButtonGroupEnumInterface {
    String getText();

    String getActionCommand();

    String getToolTip();

    boolean isDefault();
}
