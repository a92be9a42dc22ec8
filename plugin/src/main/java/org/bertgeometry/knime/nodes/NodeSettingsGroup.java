package org.bertgeometry.knime.nodes;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * The settings of one node, kept together in one object shared by its model and dialog (KNIME's
 * {@code XxxSettings} habit): written, checked and read as a group.
 */
public interface NodeSettingsGroup {

    /** Writes every setting. */
    void saveTo(NodeSettingsWO settings);

    /** Checks stored settings without applying them. */
    void validate(NodeSettingsRO settings) throws InvalidSettingsException;

    /** Applies stored settings that {@link #validate} accepted. */
    void loadFrom(NodeSettingsRO settings) throws InvalidSettingsException;
}
