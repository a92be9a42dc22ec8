package org.bertgeometry.knime.nodes.pattern;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;

/**
 * Settings of the Attention Pattern Classifier: whether the stored per-sample maps are classified too (default
 * false: class means only), whether the rank of every map is computed rather than only where a rule needs it
 * (default false; added after the first release, so older workflows load with it off) and the picture
 * ({@link PatternPictureSettings}).
 */
final class PatternClassifierSettings extends DeclaredSettings {
    static final String CFG_SAMPLES = "include_samples";

    private final SettingsModelBoolean m_samples = firstRelease().bool(CFG_SAMPLES, false);
    private final SettingsModelBoolean m_rankEveryMap = addedLater().bool("rank_every_map", false);
    private final PatternPictureSettings m_picture = group(new PatternPictureSettings());

    SettingsModelBoolean samplesModel() {
        return m_samples;
    }

    SettingsModelBoolean rankEveryMapModel() {
        return m_rankEveryMap;
    }

    PatternPictureSettings picture() {
        return m_picture;
    }

    boolean samples() {
        return m_samples.getBooleanValue();
    }

    boolean rankEveryMap() {
        return m_rankEveryMap.getBooleanValue();
    }
}
