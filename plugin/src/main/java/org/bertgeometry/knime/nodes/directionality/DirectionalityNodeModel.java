package org.bertgeometry.knime.nodes.directionality;

import org.bertgeometry.knime.nodes.NodeSettingsGroup;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.geometry.Directionality;
import org.bertgeometry.geometry.HeadWeights;
import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.HostTensor;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.checkpoint.ModelFormatException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Subspace Directionality: for every layer and head, decomposes the head's bilinear form M = W_Q^T W_K into its
 * symmetric and skew parts and measures the principal angles between query and key subspaces
 * ({@link Directionality}; the project's operationalisation of the paper's directionality of subspace selection,
 * see docs/methods.md "Directionality of subspace selection"). Reads the weights only (pure Java, no DJL).
 */
public final class DirectionalityNodeModel extends SettingsNodeModel {

    private final DirectionalitySettings m_settings = new DirectionalitySettings();

    DirectionalityNodeModel() {
        super(new PortType[]{BertModelPortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE, PicturePort.TYPE});
    }

    DirectionalitySettings settings() {
        return m_settings;
    }

    static DataTableSpec outputSpec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("layer", IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("head", IntCell.TYPE).createSpec());
        for (String d : List.of("norm_M", "norm_symmetric", "norm_skew", "delta")) {
            cols.add(new DataColumnSpecCreator(d, DoubleCell.TYPE).createSpec());
        }
        for (String i : List.of("sym_positive_eigs", "sym_negative_eigs", "sym_zero_eigs")) {
            cols.add(new DataColumnSpecCreator(i, IntCell.TYPE).createSpec());
        }
        for (String d : List.of("min_principal_angle_deg", "mean_principal_angle_deg", "max_principal_angle_deg")) {
            cols.add(new DataColumnSpecCreator(d, DoubleCell.TYPE).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (!(inSpecs[0] instanceof BertModelPortObjectSpec spec)) {
            throw new InvalidSettingsException("Connect a BERT model (for example from the BERT Loader node).");
        }
        check(spec.config());
        return new PortObjectSpec[]{outputSpec(), PicturePort.spec()};
    }

    private void check(final BertConfig config) throws InvalidSettingsException {
        m_settings.params();
        if (m_settings.rank() > config.headDim()) {
            throw new InvalidSettingsException("Subspace rank " + m_settings.rank() + " exceeds the head dimension "
                + config.headDim() + " of this model; use 0 (all) or a value up to " + config.headDim() + ".");
        }
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        BertModelPortObject model = (BertModelPortObject)inObjects[0];
        BertConfig config = model.getSpec().config();
        check(config);
        Directionality.Params params = m_settings.params();
        exec.setMessage("Reading weights");
        BertCheckpoint checkpoint;
        try {
            checkpoint = HuggingFaceFolder.load(model.getModelFolder());
        } catch (ModelFormatException e) {
            throw new IllegalStateException("Cannot read the model's weights: " + e.getMessage(), e);
        }
        int d = config.hiddenSize();
        int heads = config.numAttentionHeads();
        int total = config.numHiddenLayers() * heads;
        BufferedDataContainer out = exec.createDataContainer(outputSpec());
        int done = 0;
        double[][] delta = new double[config.numHiddenLayers()][heads];
        for (int l = 0; l < config.numHiddenLayers(); l++) {
            HostTensor wq = checkpoint.weights().require(HeadWeights.weightName(l, "query"), d, d);
            HostTensor wk = checkpoint.weights().require(HeadWeights.weightName(l, "key"), d, d);
            for (int h = 0; h < heads; h++) {
                exec.checkCanceled();
                Directionality.HeadResult r = Directionality.ofHead(l, h,
                    HeadWeights.projection(wq, h, heads, params.convention()),
                    HeadWeights.projection(wk, h, heads, params.convention()), params);
                delta[l][h] = r.delta();
                out.addRowToTable(new DefaultRow(RowKey.createRowKey((long)done), row(r)));
                done++;
                exec.setProgress((double)done / total, "Layer " + l + ", head " + h);
            }
        }
        out.close();
        return new PortObject[]{out.getTable(), PicturePort.of(DirectionalityPicture.draw(delta, m_settings.picture()))};
    }

    private static DataCell[] row(final Directionality.HeadResult r) {
        double[] a = r.principalAngles();
        double min = a.length == 0 ? Double.NaN : Math.toDegrees(a[0]);
        double max = a.length == 0 ? Double.NaN : Math.toDegrees(a[a.length - 1]);
        return new DataCell[]{new IntCell(r.layer()), new IntCell(r.head()), dbl(r.normM()),
            dbl(r.normSymmetric()), dbl(r.normSkew()), dbl(r.delta()), new IntCell(r.positive()),
            new IntCell(r.negative()), new IntCell(r.zero()), dbl(min), dbl(Math.toDegrees(r.meanAngle())),
            dbl(max)};
    }

    /** NaN (undefined, e.g. delta of a zero matrix) becomes a missing cell rather than a number. */
    private static DataCell dbl(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return m_settings;
    }
}
