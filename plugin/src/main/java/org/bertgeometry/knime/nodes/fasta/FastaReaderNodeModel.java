package org.bertgeometry.knime.nodes.fasta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bertgeometry.knime.nodes.NamedInWarning;
import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.nodes.ProgressInputStream;
import org.bertgeometry.knime.nodes.ReaderColumns;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.variants.fasta.FastaFormatException;
import org.bertgeometry.variants.fasta.FastaReader;
import org.bertgeometry.variants.fasta.SequenceRecord;
import org.bertgeometry.variants.spike.SpikeExtraction;
import org.bertgeometry.variants.spike.SpikeExtractor;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * FASTA Reader: reads a plain or gzipped nucleotide FASTA file with the engine's reader (multi-line records, LF or
 * CRLF, any case, IUPAC codes mapped to N or kept) into a table of id, description, sequence and, optionally, a
 * label parsed from the header. With spike extraction on, each record is taken as a whole SARS-CoV-2 genome and
 * replaced by its spike gene (the engine's extractor); genomes without a complete spike are left out and named,
 * with their count, in the node's warning. A malformed record fails the node with a message naming the file,
 * line and record; nothing is left half-read.
 */
public final class FastaReaderNodeModel extends SettingsNodeModel {

    private final FastaReaderSettings m_settings = new FastaReaderSettings();

    FastaReaderNodeModel() {
        super(new PortType[0], new PortType[]{BufferedDataTable.TYPE});
    }

    FastaReaderSettings settings() {
        return m_settings;
    }

    static DataTableSpec outputSpec(final boolean withLabel) {
        return ReaderColumns.spec(List.of("id", "description", "sequence"), withLabel);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        m_settings.file();
        return new PortObjectSpec[]{outputSpec(m_settings.labels().source() != LabelSource.NONE)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path file = m_settings.file();
        HeaderLabels labels = m_settings.labels();
        boolean withLabel = labels.source() != LabelSource.NONE;
        SpikeExtractor extractor = m_settings.extractSpike() ? SpikeExtractor.withDefaults() : null;
        BufferedDataContainer out = exec.createDataContainer(outputSpec(withLabel));
        List<String> skipped = new ArrayList<>();
        List<String> unlabelled = new ArrayList<>();
        List<String> readerWarnings;
        long size = Math.max(1, Files.size(file));
        long records = 0;
        ProgressInputStream bytes = new ProgressInputStream(Files.newInputStream(file));
        try (FastaReader reader = FastaReader.of(bytes, file.toString(), m_settings.ambiguity())) {
            while (reader.hasNext()) {
                exec.checkCanceled();
                SequenceRecord record = reader.next();
                records++;
                String sequence = record.sequence();
                if (extractor != null) {
                    SpikeExtraction spike = extractor.extract(record);
                    if (!spike.isOk()) {
                        skipped.add(record.id() + " (" + spike.status().name().toLowerCase().replace('_', ' ') + ")");
                        continue;
                    }
                    sequence = spike.spike();
                }
                Optional<String> label = labels.labelOf(record);
                if (withLabel && label.isEmpty()) {
                    unlabelled.add(record.id());
                }
                out.addRowToTable(new DefaultRow(new RowKey(record.id()), cells(record, sequence, withLabel, label)));
                exec.setProgress((double)bytes.bytesRead() / size, "Record " + records + " (" + record.id() + ")");
            }
            readerWarnings = reader.warnings();
        } catch (FastaFormatException e) {
            out.close();
            throw new IllegalArgumentException("Cannot read the FASTA file: " + e.getMessage(), e);
        } catch (IOException e) {
            out.close();
            throw new IOException("Cannot read the FASTA file " + file + ": " + e.getMessage()
                + " (a truncated .gz file ends like this).", e);
        }
        out.close();
        String warning = warning(records, extractor != null ? skipped : List.of(), unlabelled, readerWarnings);
        if (!warning.isEmpty()) {
            setWarningMessage(warning);
        }
        return new PortObject[]{out.getTable()};
    }

    private static List<DataCell> cells(final SequenceRecord record, final String sequence, final boolean withLabel,
        final Optional<String> label) {
        List<DataCell> cells = new ArrayList<>(List.of(new StringCell(record.id()),
            new StringCell(record.description()), new StringCell(sequence)));
        if (withLabel) {
            cells.add(label.<DataCell>map(StringCell::new).orElseGet(DataType::getMissingCell));
        }
        return cells;
    }

    /** One warning for everything the user should know about rows not in, or incomplete in, the output. */
    static String warning(final long records, final List<String> skipped, final List<String> unlabelled,
        final List<String> readerWarnings) {
        List<String> parts = new ArrayList<>();
        if (!skipped.isEmpty()) {
            parts.add(skipped.size() + " of " + records + " genomes skipped because no complete spike was found: "
                + NamedInWarning.first(skipped) + ".");
        }
        if (!unlabelled.isEmpty()) {
            parts.add(unlabelled.size() + " record(s) have no label in their header (missing value): "
                + NamedInWarning.first(unlabelled) + ".");
        }
        if (!readerWarnings.isEmpty()) {
            parts.add(readerWarnings.size() + " duplicate record(s) skipped: " + NamedInWarning.first(readerWarnings)
                + ".");
        }
        return String.join(" ", parts);
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
