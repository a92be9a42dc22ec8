package org.bertgeometry.knime.nodes.cone;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.PictureSettings;
import java.util.Arrays;

import org.bertgeometry.geometry.ConeIndex;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Cone Index node: the list-of-numbers column holding the vectors (required), an optional
 * string column to group by (for example the class), and the variant (default UNIT, as the reference
 * implementation: every vector is unit-normalised before summing).
 */
public final class ConeIndexSettings implements NodeSettingsGroup {
    static final String CFG_VECTOR = "vector_column";
    static final String CFG_GROUP = "group_column";
    static final String CFG_VARIANT = "variant";

    private final SettingsModelString m_vector = new SettingsModelString(CFG_VECTOR, "");
    private final SettingsModelString m_group = new SettingsModelString(CFG_GROUP, "");
    private final SettingsModelString m_variant = new SettingsModelString(CFG_VARIANT, ConeIndex.Variant.UNIT.name());
    private final PictureSettings m_picture = new PictureSettings();

    /** How the node's picture output looks (PictureSettings; old workflows load its defaults). */
    PictureSettings picture() {
        return m_picture;
    }

    SettingsModelString vectorModel() {
        return m_vector;
    }

    SettingsModelString groupModel() {
        return m_group;
    }

    SettingsModelString variantModel() {
        return m_variant;
    }

    static String[] variantNames() {
        return Arrays.stream(ConeIndex.Variant.values()).map(Enum::name).toArray(String[]::new);
    }

    int vectorIndex(final DataTableSpec spec) throws InvalidSettingsException {
        String name = m_vector.getStringValue();
        if (name == null || name.isBlank()) {
            throw new InvalidSettingsException("No vector column selected. Choose a list column such as"
                + " cls_embedding from the Infer node.");
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The input table has no column '" + name + "'.");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(ListDataValue.class)) {
            throw new InvalidSettingsException("Column '" + name + "' is not a list column.");
        }
        return i;
    }

    /** @return the group column's index, or -1 for one group over all rows */
    int groupIndex(final DataTableSpec spec) throws InvalidSettingsException {
        String name = m_group.getStringValue();
        if (name == null || name.isBlank()) {
            return -1;
        }
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The input table has no group column '" + name + "'.");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("The group column '" + name + "' does not hold strings.");
        }
        return i;
    }

    ConeIndex.Params params() throws InvalidSettingsException {
        return new ConeIndex.Params(variant(m_variant.getStringValue()), ConeIndex.ZeroVectors.SKIP);
    }

    private static ConeIndex.Variant variant(final String name) throws InvalidSettingsException {
        try {
            return ConeIndex.Variant.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Unknown cone index variant '" + name + "'; choose one of "
                + Arrays.toString(variantNames()) + ".", e);
        }
    }

    @Override
    public void saveTo(final NodeSettingsWO s) {
        m_picture.saveTo(s);
        m_vector.saveSettingsTo(s);
        m_group.saveSettingsTo(s);
        m_variant.saveSettingsTo(s);
    }

    @Override
    public void validate(final NodeSettingsRO s) throws InvalidSettingsException {
        m_picture.validate(s);
        m_vector.validateSettings(s);
        m_group.validateSettings(s);
        variant(((SettingsModelString)m_variant.createCloneWithValidatedValue(s)).getStringValue());
    }

    @Override
    public void loadFrom(final NodeSettingsRO s) throws InvalidSettingsException {
        m_picture.loadFrom(s);
        m_vector.loadSettingsFrom(s);
        m_group.loadSettingsFrom(s);
        m_variant.loadSettingsFrom(s);
    }
}
