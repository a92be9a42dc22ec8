package org.bertgeometry.knime.nodes.textreader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.knime.nodes.NamedInWarning;
import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.nodes.ProgressInputStream;
import org.bertgeometry.knime.nodes.ReaderColumns;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.knime.nodes.textreader.TextFileReader.TextRow;
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
 * Text Reader: reads the texts of a UTF-8 file ({@link TextFileReader}: one text per line, or a tab-separated file
 * whose header names the text column and an optional label column) into a table with the columns {@code text} and,
 * where a label column is named, {@code label}, so that a workflow holding its sentences in its own {@code data/}
 * folder needs no other extension. Row IDs are Row0, Row1, ... in file order, as KNIME's own readers write them.
 * Configure reads a tab-separated file's header row, so that a named column it lacks is reported before execution.
 * Skipped blank lines and empty fields (missing values) are counted and their lines named in the warning; a file
 * without any text, or one that cannot be read as described, fails the node with a message naming the file and
 * line, and no table is output.
 */
public final class TextReaderNodeModel extends SettingsNodeModel {

    private final TextReaderSettings m_settings = new TextReaderSettings();

    TextReaderNodeModel() {
        super(new PortType[0], new PortType[]{BufferedDataTable.TYPE});
    }

    TextReaderSettings settings() {
        return m_settings;
    }

    /** The columns text and, with a label column named, label; both strings. */
    static DataTableSpec outputSpec(final boolean withLabel) {
        return ReaderColumns.spec(List.of("text"), withLabel);
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        Path file = m_settings.file();
        if (m_settings.layout() == TextLayout.TAB_SEPARATED) {
            try (TextFileReader header = open(Files.newInputStream(file), file)) {
                // opening reads the header row: a named column it lacks fails here, before execution
            } catch (IOException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        }
        return new PortObjectSpec[]{outputSpec(!m_settings.labelColumn().isEmpty())};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        Path file = m_settings.file();
        boolean withLabel = !m_settings.labelColumn().isEmpty();
        BufferedDataContainer out = exec.createDataContainer(outputSpec(withLabel));
        List<Long> missingTexts = new ArrayList<>();
        List<Long> missingLabels = new ArrayList<>();
        List<Long> blankLines;
        long size = Math.max(1, Files.size(file));
        long rows = 0;
        ProgressInputStream bytes = new ProgressInputStream(Files.newInputStream(file));
        try (TextFileReader reader = open(bytes, file)) {
            for (TextRow row = reader.next(); row != null; row = reader.next()) {
                exec.checkCanceled();
                if (row.text() == null) {
                    missingTexts.add(row.line());
                }
                if (withLabel && row.label() == null) {
                    missingLabels.add(row.line());
                }
                out.addRowToTable(new DefaultRow(RowKey.createRowKey(rows), cells(row, withLabel)));
                rows++;
                exec.setProgress((double)bytes.bytesRead() / size, "Line " + row.line());
            }
            blankLines = reader.blankLines();
        } finally {
            out.close();
        }
        if (rows == 0) {
            throw new IllegalArgumentException("The text file '" + file + "' holds no text"
                + (m_settings.layout() == TextLayout.LINES ? " (it is empty or all its lines are blank)."
                    : " below its header row."));
        }
        String warning = warning(blankLines, missingTexts, missingLabels);
        if (!warning.isEmpty()) {
            setWarningMessage(warning);
        }
        return new PortObject[]{out.getTable()};
    }

    private TextFileReader open(final InputStream bytes, final Path file) throws IOException {
        return m_settings.layout() == TextLayout.LINES ? TextFileReader.lines(bytes, file.toString())
            : TextFileReader.tabSeparated(bytes, file.toString(), m_settings.textColumn(), m_settings.labelColumn());
    }

    private static List<DataCell> cells(final TextRow row, final boolean withLabel) {
        List<DataCell> cells = new ArrayList<>(List.of(cell(row.text())));
        if (withLabel) {
            cells.add(cell(row.label()));
        }
        return cells;
    }

    private static DataCell cell(final String value) {
        return value == null ? DataType.getMissingCell() : new StringCell(value);
    }

    /** One warning for everything skipped or missing, each with its count and first line numbers. */
    static String warning(final List<Long> blankLines, final List<Long> missingTexts, final List<Long> missingLabels) {
        List<String> parts = new ArrayList<>();
        if (!blankLines.isEmpty()) {
            parts.add(blankLines.size() + " blank line(s) skipped: " + lines(blankLines) + ".");
        }
        if (!missingTexts.isEmpty()) {
            parts.add(missingTexts.size() + " row(s) with an empty text field (missing value): "
                + lines(missingTexts) + ".");
        }
        if (!missingLabels.isEmpty()) {
            parts.add(missingLabels.size() + " row(s) with an empty label field (missing value): "
                + lines(missingLabels) + ".");
        }
        return String.join(" ", parts);
    }

    private static String lines(final List<Long> numbers) {
        return (numbers.size() == 1 ? "line " : "lines ")
            + NamedInWarning.first(numbers.stream().map(String::valueOf).toList());
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
