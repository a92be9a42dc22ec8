package org.bertgeometry.knime.nodes.fasta;

import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.variants.fasta.AmbiguityPolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * Settings of the FASTA Reader, shared by its model and dialog: the file (no default: must be chosen), whether
 * IUPAC ambiguity codes are kept (default false: replaced by N, as the paper's data), where labels come from
 * (default: the {@code class=} key, which the project's simulated FASTA writes), the key (default "class") and the
 * regular expression (default empty; required when that source is chosen), and whether the spike gene is cut out
 * of whole genomes (default false).
 */
public final class FastaReaderSettings implements NodeSettingsGroup {
    static final String CFG_FILE = "fasta_file";
    static final String CFG_KEEP_AMBIGUITY = "keep_ambiguity_codes";
    static final String CFG_LABEL_SOURCE = "label_source";
    static final String CFG_LABEL_KEY = "label_key";
    static final String CFG_LABEL_REGEX = "label_regex";
    static final String CFG_EXTRACT_SPIKE = "extract_spike";

    private final SettingsModelString m_file = new SettingsModelString(CFG_FILE, "");
    private final SettingsModelBoolean m_keepAmbiguity = new SettingsModelBoolean(CFG_KEEP_AMBIGUITY, false);
    private final SettingsModelString m_labelSource =
        new SettingsModelString(CFG_LABEL_SOURCE, LabelSource.KEY.label());
    private final SettingsModelString m_labelKey = new SettingsModelString(CFG_LABEL_KEY, "class");
    private final SettingsModelString m_labelRegex = new SettingsModelString(CFG_LABEL_REGEX, "");
    private final SettingsModelBoolean m_extractSpike = new SettingsModelBoolean(CFG_EXTRACT_SPIKE, false);

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
    public void saveTo(final NodeSettingsWO settings) {
        m_file.saveSettingsTo(settings);
        m_keepAmbiguity.saveSettingsTo(settings);
        m_labelSource.saveSettingsTo(settings);
        m_labelKey.saveSettingsTo(settings);
        m_labelRegex.saveSettingsTo(settings);
        m_extractSpike.saveSettingsTo(settings);
    }

    @Override
    public void validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.validateSettings(settings);
        m_keepAmbiguity.validateSettings(settings);
        m_labelSource.validateSettings(settings);
        m_labelKey.validateSettings(settings);
        m_labelRegex.validateSettings(settings);
        m_extractSpike.validateSettings(settings);
        labels(settings.getString(CFG_LABEL_SOURCE), settings.getString(CFG_LABEL_KEY),
            settings.getString(CFG_LABEL_REGEX));
    }

    @Override
    public void loadFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_file.loadSettingsFrom(settings);
        m_keepAmbiguity.loadSettingsFrom(settings);
        m_labelSource.loadSettingsFrom(settings);
        m_labelKey.loadSettingsFrom(settings);
        m_labelRegex.loadSettingsFrom(settings);
        m_extractSpike.loadSettingsFrom(settings);
    }
}
