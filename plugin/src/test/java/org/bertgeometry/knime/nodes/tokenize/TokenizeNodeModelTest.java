package org.bertgeometry.knime.nodes.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.knime.testing.ModelFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.IntValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;

class TokenizeNodeModelTest {

    @TempDir
    Path tmp;

    private BertModelPortObject model() throws Exception {
        Path folder = ModelFolders.write(tmp.resolve("m"), ModelFolders.tinyConfig(), 4);
        return new BertModelPortObject(new BertModelPortObjectSpec("m", ModelFolders.tinyConfig(), "vocab.txt"),
            ShimFileStoresAccess.store(folder));
    }

    private BufferedDataTable table(final ExecutionContext exec, final String... texts) {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("text", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("n", IntCell.TYPE).createSpec());
        BufferedDataContainer c = exec.createDataContainer(spec);
        for (int i = 0; i < texts.length; i++) {
            DataCell t = texts[i] == null ? DataType.getMissingCell() : new StringCell(texts[i]);
            c.addRowToTable(new DefaultRow("r" + i, t, new IntCell(i)));
        }
        c.close();
        return c.getTable();
    }

    private static List<Integer> ints(final DataCell list) {
        List<Integer> out = new ArrayList<>();
        ((ListDataValue)list).forEach(c -> out.add(((IntValue)c).getIntValue()));
        return out;
    }

    private TokenizeNodeModel node(final int maxLength) {
        TokenizeNodeModel m = new TokenizeNodeFactory().createNodeModel();
        m.settings().setColumn("text");
        m.settings().setMaxLength(maxLength);
        return m;
    }

    @Test
    void appendsTokensIdsMaskAndTruncationKeepingInputColumns() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(node(0), exec, model(),
            table(exec, "tok5 TOK6", "zzz", null))[0];
        List<DataRow> rows = new ArrayList<>();
        out.forEach(rows::add);
        assertEquals(3, rows.size());
        // vocab: 0 [PAD], 1 [UNK], 2 [CLS], 3 [SEP], 4 [MASK], 5 tok5, 6 tok6 ...; lower-casing maps TOK6 to tok6
        assertEquals(List.of(2, 5, 6, 3), ints(rows.get(0).getCell(3)));
        assertEquals(List.of(1, 1, 1, 1), ints(rows.get(0).getCell(4)));
        assertEquals(false, ((BooleanValue)rows.get(0).getCell(5)).getBooleanValue());
        assertEquals(List.of(2, 1, 3), ints(rows.get(1).getCell(3)), "unknown word becomes [UNK]");
        assertTrue(rows.get(2).getCell(3).isMissing(), "missing input gives missing output");
        assertEquals(1, ((IntValue)rows.get(1).getCell(1)).getIntValue(), "input columns are kept");
    }

    @Test
    void longInputIsTruncatedAndFlagged() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        TokenizeNodeModel m = node(3);
        BufferedDataTable out =
            (BufferedDataTable)ShimNodeRunner.execute(m, exec, model(), table(exec, "tok5 tok6 tok7"))[0];
        DataRow row = out.iterator().next();
        assertEquals(List.of(2, 5, 3), ints(row.getCell(3)));
        assertTrue(((BooleanValue)row.getCell(5)).getBooleanValue());
        assertTrue(ShimNodeRunner.warning(m).orElse("").contains("truncated"));
    }

    @Test
    void missingOrNonStringColumnIsRejectedInConfigure() throws Exception {
        DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("n", IntCell.TYPE).createSpec());
        BertModelPortObjectSpec ms = new BertModelPortObjectSpec("m", ModelFolders.tinyConfig(), "vocab.txt");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(new TokenizeNodeFactory().createNodeModel(), ms, spec));
        assertTrue(e.getMessage().contains("No text column selected"), e.getMessage());
        TokenizeNodeModel m = new TokenizeNodeFactory().createNodeModel();
        m.settings().setColumn("n");
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(m, ms, spec));
        assertTrue(e.getMessage().contains("does not hold strings"), e.getMessage());
    }

    @Test
    void maxLengthTooSmallForSpecialTokensIsRejected() {
        NodeSettings s = ShimNodeRunner.saveSettings(node(0));
        s.addInt(TokenizeSettings.CFG_MAX_LENGTH, 2);
        assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.loadSettings(new TokenizeNodeFactory().createNodeModel(), s));
    }

    @Test
    void settingsRoundTrip() throws Exception {
        TokenizeNodeModel other = new TokenizeNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, ShimNodeRunner.saveSettings(node(64)));
        assertEquals(64, other.settings().maxLength());
        assertEquals("text", other.settings().columnModel().getStringValue());
    }

    @Test
    void cancelMidTableLeavesNoOutput() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BufferedDataTable in = table(exec, "tok5", "tok6", "tok7", "tok8");
        ShimExecution.cancelAfterProgressReports(exec, 2);
        assertThrows(CanceledExecutionException.class, () -> ShimNodeRunner.execute(node(0), exec, model(), in));
    }
}
