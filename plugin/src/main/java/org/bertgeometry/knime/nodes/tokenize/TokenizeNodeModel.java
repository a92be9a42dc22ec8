package org.bertgeometry.knime.nodes.tokenize;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.inference.LoadedBert;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.Tokenizer;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Tokenize: encodes a string column with the model's own tokenizer (WordPiece for text, overlapping k-mers for
 * nucleotide sequences, as the model folder's tokenizer settings say) and appends the tokens, token ids,
 * attention mask and a truncation flag. Missing input cells give missing outputs; nothing is dropped.
 */
public final class TokenizeNodeModel extends SettingsNodeModel {

    static final String[] NEW_COLUMNS = {"tokens", "token_ids", "attention_mask", "truncated"};

    private final TokenizeSettings m_settings = new TokenizeSettings();

    TokenizeNodeModel() {
        super(new PortType[]{BertModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE});
    }

    TokenizeSettings settings() {
        return m_settings;
    }

    static DataTableSpec outputSpec(final DataTableSpec in) throws InvalidSettingsException {
        for (String c : NEW_COLUMNS) {
            if (in.containsName(c)) {
                throw new InvalidSettingsException("The input table already has a column '" + c
                    + "'; rename it first (for example with the Column Renamer node).");
            }
        }
        List<DataColumnSpec> cols = new ArrayList<>();
        in.forEach(cols::add);
        cols.add(new DataColumnSpecCreator("tokens", ListCell.getCollectionType(StringCell.TYPE)).createSpec());
        cols.add(new DataColumnSpecCreator("token_ids", ListCell.getCollectionType(IntCell.TYPE)).createSpec());
        cols.add(new DataColumnSpecCreator("attention_mask", ListCell.getCollectionType(IntCell.TYPE))
            .createSpec());
        cols.add(new DataColumnSpecCreator("truncated", BooleanCell.TYPE).createSpec());
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (!(inSpecs[0] instanceof BertModelPortObjectSpec)) {
            throw new InvalidSettingsException("Connect a BERT model (for example from the BERT Loader node).");
        }
        DataTableSpec table = (DataTableSpec)inSpecs[1];
        m_settings.columnIndex(table);
        return new PortObjectSpec[]{outputSpec(table)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BertModelPortObject model = (BertModelPortObject)inObjects[0];
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        int col = m_settings.columnIndex(table.getDataTableSpec());
        Tokenizer tokenizer;
        try {
            tokenizer = LoadedBert.openTokenizer(model.getModelFolder(), m_settings.maxLength());
        } catch (ModelFormatException e) {
            throw new IllegalStateException("Cannot build the model's tokenizer: " + e.getMessage(), e);
        }
        BufferedDataContainer out = exec.createDataContainer(outputSpec(table.getDataTableSpec()));
        long n = table.size();
        long i = 0;
        long truncated = 0;
        for (DataRow row : table) {
            exec.checkCanceled();
            List<DataCell> cells = new ArrayList<>();
            row.forEach(cells::add);
            DataCell in = row.getCell(col);
            if (in.isMissing()) {
                for (int k = 0; k < NEW_COLUMNS.length; k++) {
                    cells.add(org.knime.core.data.DataType.getMissingCell());
                }
            } else {
                Encoding e = tokenizer.encode(((StringValue)in).getStringValue());
                cells.addAll(encodingCells(e));
                if (e.truncated()) {
                    truncated++;
                }
            }
            out.addRowToTable(new DefaultRow(row.getKey(), cells));
            i++;
            exec.setProgress((double)i / n, "Row " + i + " of " + n);
        }
        out.close();
        if (truncated > 0) {
            setWarningMessage(truncated + " row(s) were truncated to " + tokenizer.maxLength() + " positions.");
        }
        return new PortObject[]{out.getTable()};
    }

    static List<DataCell> encodingCells(final Encoding e) {
        List<DataCell> tokens = new ArrayList<>();
        e.tokens().forEach(t -> tokens.add(new StringCell(t)));
        List<DataCell> ids = new ArrayList<>();
        List<DataCell> mask = new ArrayList<>();
        for (int k = 0; k < e.length(); k++) {
            ids.add(new IntCell(e.ids()[k]));
            mask.add(new IntCell(e.attentionMask()[k]));
        }
        return List.of(CollectionCellFactory.createListCell(tokens), CollectionCellFactory.createListCell(ids),
            CollectionCellFactory.createListCell(mask), BooleanCell.get(e.truncated()));
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
