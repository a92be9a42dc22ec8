package org.bertgeometry.knime.nodes.cone;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.knime.picture.PictureSettings;
import java.util.Arrays;

import org.bertgeometry.geometry.ConeIndex;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Cone Index node: the list-of-numbers column holding the vectors (required), an optional
 * string column to group by (for example the class), and the variant (default UNIT, as the reference
 * implementation: every vector is unit-normalised before summing).
 */
public final class ConeIndexSettings extends DeclaredSettings {
    static final String CFG_VARIANT = "variant";

    private final PictureSettings m_picture = group(new PictureSettings());
    private final SettingsModelString m_vector = firstRelease().string("vector_column", "");
    private final SettingsModelString m_group = firstRelease().string("group_column", "");
    private final SettingsModelString m_variant = firstRelease().string(CFG_VARIANT, ConeIndex.Variant.UNIT.name());

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
    protected void checkStored(final NodeSettingsRO s) throws InvalidSettingsException {
        variant(s.getString(CFG_VARIANT));
    }
}
