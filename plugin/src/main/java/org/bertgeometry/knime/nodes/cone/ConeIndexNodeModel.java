package org.bertgeometry.knime.nodes.cone;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bertgeometry.geometry.ConeIndex;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.collection.ListDataValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
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
 * Cone Index: the length of the sum of (by default unit-normalised) vectors, per group, as in the paper's cone
 * index of [CLS] vectors per class ({@link ConeIndex}; docs/methods.md "Cone index"). Input is any table with a
 * list-of-numbers column, e.g. the cls_embedding column of the Infer node. All vectors of a group must have the
 * same length; missing vectors are skipped and counted.
 */
public final class ConeIndexNodeModel extends SettingsNodeModel {

    private final ConeIndexSettings m_settings = new ConeIndexSettings();

    ConeIndexNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE, PicturePort.TYPE});
    }

    ConeIndexSettings settings() {
        return m_settings;
    }

    static DataTableSpec outputSpec() {
        return new DataTableSpec(new DataColumnSpecCreator("group", StringCell.TYPE).createSpec(),
            new DataColumnSpecCreator("n", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("cone_index", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("cone_index_normalized", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("zero_vectors", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("missing_vectors", IntCell.TYPE).createSpec());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec in = (DataTableSpec)inSpecs[0];
        m_settings.vectorIndex(in);
        m_settings.groupIndex(in);
        m_settings.params();
        return new PortObjectSpec[]{outputSpec(), PicturePort.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable)inObjects[0];
        int vec = m_settings.vectorIndex(table.getDataTableSpec());
        int grp = m_settings.groupIndex(table.getDataTableSpec());
        ConeIndex.Params params = m_settings.params();
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        Map<String, Integer> missing = new LinkedHashMap<>();
        long i = 0;
        long n = table.size();
        for (DataRow row : table) {
            exec.checkCanceled();
            String g = grp < 0 || row.getCell(grp).isMissing() ? (grp < 0 ? "all" : "?")
                : ((StringValue)row.getCell(grp)).getStringValue();
            groups.computeIfAbsent(g, k -> new ArrayList<>());
            DataCell c = row.getCell(vec);
            if (c.isMissing()) {
                missing.merge(g, 1, Integer::sum);
            } else {
                groups.get(g).add(toVector(row, (ListDataValue)c));
            }
            exec.setProgress((double)++i / n);
        }
        BufferedDataContainer out = exec.createDataContainer(outputSpec());
        long r = 0;
        double[] normalized = new double[groups.size()];
        for (Map.Entry<String, List<double[]>> e : groups.entrySet()) {
            List<double[]> v = e.getValue();
            int dim = v.isEmpty() ? 0 : v.get(0).length;
            for (double[] x : v) {
                if (x.length != dim) {
                    throw new IllegalArgumentException("Group '" + e.getKey() + "' mixes vectors of length " + dim
                        + " and " + x.length + "; all vectors of a group must have the same length.");
                }
            }
            int miss = missing.getOrDefault(e.getKey(), 0);
            if (v.isEmpty()) {
                out.addRowToTable(new DefaultRow(RowKey.createRowKey(r++), new StringCell(e.getKey()),
                    new IntCell(0), org.knime.core.data.DataType.getMissingCell(),
                    org.knime.core.data.DataType.getMissingCell(), new IntCell(0), new IntCell(miss)));
                continue;
            }
            ConeIndex.Result res = ConeIndex.of(v.toArray(new double[0][]), params);
            normalized[(int)r] = res.normalized();
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(r++), new StringCell(e.getKey()),
                new IntCell(res.n()), new DoubleCell(res.index()), new DoubleCell(res.normalized()),
                new IntCell(res.zeroRows()), new IntCell(miss)));
        }
        out.close();
        return new PortObject[]{out.getTable(),
            PicturePort.of(ConePicture.draw(List.copyOf(groups.keySet()), normalized, m_settings.picture()))};
    }

    private static double[] toVector(final DataRow row, final ListDataValue list) {
        double[] v = new double[list.size()];
        for (int k = 0; k < v.length; k++) {
            DataCell c = list.get(k);
            if (c.isMissing() || !(c instanceof DoubleValue d)) {
                throw new IllegalArgumentException("Row " + row.getKey() + ": element " + k
                    + " of the vector is missing or not a number.");
            }
            v[k] = d.getDoubleValue();
        }
        return v;
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
