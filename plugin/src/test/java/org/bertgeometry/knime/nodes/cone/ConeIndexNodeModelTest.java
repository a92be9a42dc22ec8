package org.bertgeometry.knime.nodes.cone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.awt.image.BufferedImage;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.knime.testing.Pictures;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.collection.CollectionCellFactory;
import org.knime.core.data.collection.ListCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;

class ConeIndexNodeModelTest {

    @TempDir
    Path tmp;

    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("v", ListCell.getCollectionType(DoubleCell.TYPE)).createSpec(),
        new DataColumnSpecCreator("g", StringCell.TYPE).createSpec());

    private static DataCell vec(final double... v) {
        List<DataCell> c = new ArrayList<>();
        for (double x : v) {
            c.add(new DoubleCell(x));
        }
        return CollectionCellFactory.createListCell(c);
    }

    private BufferedDataTable table(final ExecutionContext exec, final Object[][] rows) {
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        for (int i = 0; i < rows.length; i++) {
            c.addRowToTable(new DefaultRow("r" + i, (DataCell)rows[i][0], new StringCell((String)rows[i][1])));
        }
        c.close();
        return c.getTable();
    }

    private static ConeIndexNodeModel node() {
        ConeIndexNodeModel m = new ConeIndexNodeFactory().createNodeModel();
        m.settings().vectorModel().setStringValue("v");
        m.settings().groupModel().setStringValue("g");
        return m;
    }

    @Test
    void unitConeIndexPerGroupMatchesHandCalculation() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp);
        BufferedDataTable in = table(exec, new Object[][]{
            {vec(1, 0), "same"}, {vec(2, 0), "same"}, {vec(3, 0), "same"}, {vec(0, 0), "same"},
            {vec(1, 0), "opposite"}, {vec(-5, 0), "opposite"},
            {vec(1, 0), "orthogonal"}, {vec(0, 2), "orthogonal"}, {DataType.getMissingCell(), "orthogonal"}});
        BufferedDataTable out = (BufferedDataTable)ShimNodeRunner.execute(node(), exec, in)[0];
        List<DataRow> rows = new ArrayList<>();
        out.forEach(rows::add);
        assertEquals(3, rows.size());
        // same direction: three unit vectors (1,0) sum to (3,0): index 3, normalised 1; the zero vector is skipped
        assertEquals(3.0, ((DoubleValue)rows.get(0).getCell(2)).getDoubleValue(), 1e-12);
        assertEquals(1.0, ((DoubleValue)rows.get(0).getCell(3)).getDoubleValue(), 1e-12);
        assertEquals(1, ((IntValue)rows.get(0).getCell(4)).getIntValue());
        // opposite: (1,0) + (-1,0) = 0
        assertEquals(0.0, ((DoubleValue)rows.get(1).getCell(2)).getDoubleValue(), 1e-12);
        // orthogonal: (1,0) + (0,1) has length sqrt(2); one missing vector counted
        assertEquals(Math.sqrt(2), ((DoubleValue)rows.get(2).getCell(2)).getDoubleValue(), 1e-12);
        assertEquals(1, ((IntValue)rows.get(2).getCell(5)).getIntValue());
    }

    @Test
    void thePictureIsABarChartOfTheChosenSize() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp);
        BufferedDataTable in = table(exec, new Object[][]{{vec(1, 0), "same"}, {vec(2, 0), "same"},
            {vec(1, 0), "opposite"}, {vec(-5, 0), "opposite"}});
        ConeIndexNodeModel m = node();
        m.settings().picture().widthModel().setIntValue(640);
        m.settings().picture().heightModel().setIntValue(360);
        assertEquals(PicturePort.spec().getDataType(),
            ((ImagePortObjectSpec)ShimNodeRunner.configure(m, in.getDataTableSpec())[1]).getDataType());
        BufferedImage picture = Pictures.decode(ShimNodeRunner.execute(m, exec, in)[1]);
        assertEquals(640, picture.getWidth());
        assertEquals(360, picture.getHeight());
        assertTrue(Pictures.colours(picture) > 2, "bars, axes and text on white");
    }

    @Test
    void nonListOrMissingVectorColumnIsRejected() {
        ConeIndexNodeModel m = new ConeIndexNodeFactory().createNodeModel();
        InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(m, SPEC));
        assertTrue(e.getMessage().contains("No vector column"), e.getMessage());
        m.settings().vectorModel().setStringValue("g");
        e = assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.configure(m, SPEC));
        assertTrue(e.getMessage().contains("not a list column"), e.getMessage());
    }

    @Test
    void vectorsOfDifferentLengthInOneGroupFail() throws Exception {
        ExecutionContext exec = ShimExecution.createContext(tmp);
        BufferedDataTable in = table(exec, new Object[][]{{vec(1, 0), "a"}, {vec(1, 0, 0), "a"}});
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> ShimNodeRunner.execute(node(), exec, in));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
    }

    @Test
    void settingsRoundTripAndUnknownVariantRejected() throws Exception {
        ConeIndexNodeModel other = new ConeIndexNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, ShimNodeRunner.saveSettings(node()));
        assertEquals("g", other.settings().groupModel().getStringValue());
        var s = ShimNodeRunner.saveSettings(node());
        s.addString(ConeIndexSettings.CFG_VARIANT, "SQUARE");
        assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(other, s));
    }
}
