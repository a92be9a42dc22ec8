package org.bertgeometry.knime.nodes;

import org.knime.core.node.util.ButtonGroupEnumInterface;

/**
 * One option of a radio-button group in a node dialog: the words a user reads ({@code text}, {@code toolTip}) and
 * the constant the settings store ({@code actionCommand}), so that saved workflows keep their values while the
 * dialog speaks plainly. {@code isDefault} marks the settings' default.
 */
public record Choice(String getActionCommand, String getText, String getToolTip, boolean isDefault)
    implements ButtonGroupEnumInterface {
}
