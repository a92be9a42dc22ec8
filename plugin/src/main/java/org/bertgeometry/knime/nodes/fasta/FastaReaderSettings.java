package org.bertgeometry.knime.nodes.fasta;

import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.bertgeometry.knime.nodes.DeclaredSettings;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the FASTA Reader, shared by its model and dialog: the file (no default: must be chosen), whether
 * IUPAC ambiguity codes are kept (default false: replaced by N, as the paper's data), where labels come from
 * (default: the {@code class=} key, which the project's simulated FASTA writes), the key (default "class") and the
 * regular expression (default empty; required when that source is chosen), and whether the spike gene is cut out
 * of whole genomes (default false).
 */
public final class FastaReaderSettings extends DeclaredSettings {
    static final String CFG_LABEL_SOURCE = "label_source";
    static final String CFG_LABEL_KEY = "label_key";
    static final String CFG_LABEL_REGEX = "label_regex";

    private final SettingsModelString m_file = firstRelease().string("fasta_file", "");
    private final SettingsModelBoolean m_keepAmbiguity = firstRelease().bool("keep_ambiguity_codes", false);
    private final SettingsModelString m_labelSource = firstRelease().string(CFG_LABEL_SOURCE, LabelSource.KEY.label());
    private final SettingsModelString m_labelKey = firstRelease().string(CFG_LABEL_KEY, "class");
    private final SettingsModelString m_labelRegex = firstRelease().string(CFG_LABEL_REGEX, "");
    private final SettingsModelBoolean m_extractSpike = firstRelease().bool("extract_spike", false);

    public FastaReaderSettings() {
        m_labelSource.addChangeListener(e -> enableLabelOptions());
        enableLabelOptions();
    }

    /** Only the option of the chosen label source is enabled (in the dialog and here). */
    private void enableLabelOptions() {
        LabelSource source = LabelSource.ofLabel(m_labelSource.getStringValue());
        m_labelKey.setEnabled(source == LabelSource.KEY);
        m_labelRegex.setEnabled(source == LabelSource.REGEX);
    }

    SettingsModelString fileModel() {
        return m_file;
    }

    SettingsModelBoolean keepAmbiguityModel() {
        return m_keepAmbiguity;
    }

    SettingsModelString labelSourceModel() {
        return m_labelSource;
    }

    SettingsModelString labelKeyModel() {
        return m_labelKey;
    }

    SettingsModelString labelRegexModel() {
        return m_labelRegex;
    }

    SettingsModelBoolean extractSpikeModel() {
        return m_extractSpike;
    }

    void setFile(final String location) {
        m_file.setStringValue(location);
    }

    void setLabels(final LabelSource source, final String keyOrRegex) {
        m_labelSource.setStringValue(source.label());
        if (source == LabelSource.KEY) {
            m_labelKey.setStringValue(keyOrRegex);
        } else if (source == LabelSource.REGEX) {
            m_labelRegex.setStringValue(keyOrRegex);
        }
    }

    void setKeepAmbiguity(final boolean keep) {
        m_keepAmbiguity.setBooleanValue(keep);
    }

    void setExtractSpike(final boolean extract) {
        m_extractSpike.setBooleanValue(extract);
    }

    Path file() throws InvalidSettingsException {
        return FastaLocation.resolve(m_file.getStringValue());
    }

    AmbiguityPolicy ambiguity() {
        return m_keepAmbiguity.getBooleanValue() ? AmbiguityPolicy.KEEP : AmbiguityPolicy.MAP_TO_N;
    }

    boolean extractSpike() {
        return m_extractSpike.getBooleanValue();
    }

    /** @return the configured label reader, its key or expression checked */
    HeaderLabels labels() throws InvalidSettingsException {
        return labels(m_labelSource.getStringValue(), m_labelKey.getStringValue(), m_labelRegex.getStringValue());
    }

    private static HeaderLabels labels(final String sourceLabel, final String key, final String regex)
        throws InvalidSettingsException {
        LabelSource source = LabelSource.ofLabel(sourceLabel);
        if (source == null) {
            throw new InvalidSettingsException("Unknown label source '" + sourceLabel + "'; choose one of: "
                + String.join(", ", LabelSource.labels()) + ".");
        }
        if (source == LabelSource.KEY && (key == null || key.isBlank() || !key.trim().matches("[^\\s=|;]+"))) {
            throw new InvalidSettingsException("The label key '" + key + "' must be one word without '=', '|' or"
                + " ';' (for example: class).");
        }
        Pattern pattern = null;
        if (source == LabelSource.REGEX) {
            if (regex == null || regex.isEmpty()) {
                throw new InvalidSettingsException("Give a regular expression for the label, for example"
                    + " \\|([A-Za-z]+)$ for the last '|'-separated word of the header.");
            }
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InvalidSettingsException("The label expression is not a valid regular expression: "
                    + e.getDescription() + " near position " + e.getIndex() + " of '" + regex + "'.", e);
            }
        }
        return new HeaderLabels(source, key == null ? "" : key.trim(), pattern);
    }

    @Override
    protected void checkStored(final NodeSettingsRO settings) throws InvalidSettingsException {
        labels(settings.getString(CFG_LABEL_SOURCE), settings.getString(CFG_LABEL_KEY),
            settings.getString(CFG_LABEL_REGEX));
    }
}
