package org.bertgeometry.knime.workflows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * The test workflows' small CSV dialect, used both for input tables and for expected outputs: the header names
 * each column as {@code name:type} (types string, int, double, boolean, and stringlist / intlist / doublelist
 * written {@code [a;b;c]}); fields are separated by commas and never quoted (the workflows' data hold no commas);
 * {@code ?} is a missing cell. Input rows get KNIME's CSV Reader row keys Row0, Row1, ...
 */
final class CsvTables {
    private CsvTables() {
    }

    record Column(String name, String type) {
        DataType dataType() {
            return switch (type) {
                case "string" -> StringCell.TYPE;
                case "int" -> IntCell.TYPE;
                case "double" -> DoubleCell.TYPE;
                case "boolean" -> BooleanCell.TYPE;
                case "stringlist" -> ListCell.getCollectionType(StringCell.TYPE);
                case "intlist" -> ListCell.getCollectionType(IntCell.TYPE);
                case "doublelist" -> ListCell.getCollectionType(DoubleCell.TYPE);
                default -> throw new IllegalArgumentException("unknown column type '" + type + "'");
            };
        }
    }

    /** Parses a {@code name:type} header field. */
    static Column column(final String field) {
        int c = field.lastIndexOf(':');
        if (c < 0) {
            throw new IllegalArgumentException("header field '" + field + "' lacks ':type'");
        }
        return new Column(field.substring(0, c), field.substring(c + 1));
    }

    static List<String> lines(final Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    static String[] fields(final String line) {
        return line.split(",", -1);
    }

    /** Reads {@code file} into a table. */
    static BufferedDataTable read(final Path file, final ExecutionContext exec) throws IOException {
        List<String> lines = lines(file);
        String[] header = fields(lines.get(0));
        List<Column> cols = new ArrayList<>();
        for (String h : header) {
            cols.add(column(h));
        }
        DataColumnSpec[] specs = new DataColumnSpec[cols.size()];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = new DataColumnSpecCreator(cols.get(i).name(), cols.get(i).dataType()).createSpec();
        }
        BufferedDataContainer c = exec.createDataContainer(new DataTableSpec(specs));
        for (int r = 1; r < lines.size(); r++) {
            String[] f = fields(lines.get(r));
            if (f.length != cols.size()) {
                throw new IOException(file + " line " + (r + 1) + ": " + f.length + " fields, header has "
                    + cols.size());
            }
            DataCell[] cells = new DataCell[f.length];
            for (int i = 0; i < f.length; i++) {
                cells[i] = cell(f[i], cols.get(i).type());
            }
            c.addRowToTable(new DefaultRow("Row" + (r - 1), cells));
        }
        c.close();
        return c.getTable();
    }

    static DataCell cell(final String text, final String type) {
        if (text.equals("?")) {
            return DataType.getMissingCell();
        }
        return switch (type) {
            case "string" -> new StringCell(text);
            case "int" -> new IntCell(Integer.parseInt(text));
            case "double" -> new DoubleCell(Double.parseDouble(text));
            case "boolean" -> BooleanCell.get(Boolean.parseBoolean(text));
            default -> {
                List<String> items = listItems(text);
                String element = type.substring(0, type.length() - "list".length());
                List<DataCell> cells = new ArrayList<>();
                items.forEach(s -> cells.add(cell(s, element)));
                yield CollectionCellFactory.createListCell(cells);
            }
        };
    }

    /** The elements of {@code [a;b;c]}. */
    static List<String> listItems(final String text) {
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw new IllegalArgumentException("a list cell is written [a;b;c], got '" + text + "'");
        }
        String inner = text.substring(1, text.length() - 1);
        return inner.isEmpty() ? List.of() : List.of(inner.split(";", -1));
    }
}
