package org.bertgeometry.knime.nodes.directionality;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.knime.picture.PictureSettings;
import java.util.Arrays;

import org.bertgeometry.geometry.Convention;
import org.bertgeometry.geometry.Directionality;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the Subspace Directionality node: the weight-slicing convention (default HF_EXACT, what the model
 * computes) and the subspace rank r compared by principal angles (default 0 = all head dimensions).
 */
public final class DirectionalitySettings extends DeclaredSettings {
    static final String CFG_CONVENTION = "convention";
    static final String CFG_RANK = "subspace_rank";

    private final SettingsModelString m_convention =
        firstRelease().string(CFG_CONVENTION, Convention.defaultConvention().name());
    private final SettingsModelIntegerBounded m_rank = firstRelease().bounded(CFG_RANK, 0, 0, Integer.MAX_VALUE);
    private final PictureSettings m_picture = group(new PictureSettings());

    PictureSettings picture() {
        return m_picture;
    }

    SettingsModelString conventionModel() {
        return m_convention;
    }

    SettingsModelIntegerBounded rankModel() {
        return m_rank;
    }

    static String[] conventionNames() {
        return Arrays.stream(Convention.values()).map(Enum::name).toArray(String[]::new);
    }

    Directionality.Params params() throws InvalidSettingsException {
        return new Directionality.Params(convention(m_convention.getStringValue()), m_rank.getIntValue(),
            Directionality.Params.defaults().eigenvalueTolerance());
    }

    int rank() {
        return m_rank.getIntValue();
    }

    void setRank(final int rank) {
        m_rank.setIntValue(rank);
    }

    void setConvention(final String name) {
        m_convention.setStringValue(name);
    }

    private static Convention convention(final String name) throws InvalidSettingsException {
        try {
            return Convention.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidSettingsException("Unknown convention '" + name + "'; choose one of "
                + Arrays.toString(conventionNames()) + ".", e);
        }
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        convention(settings.getString(CFG_CONVENTION));
    }
}
