package org.bertgeometry.knime.nodes.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bertgeometry.geometry.GateClassifier;
import org.bertgeometry.knime.nodes.SettingsNodeModel;
import org.bertgeometry.knime.picture.HeadSelection;
import org.bertgeometry.knime.picture.PicturePort;
import org.bertgeometry.geometry.GateStatistics;
import org.bertgeometry.geometry.SpecialPositions;
import org.bertgeometry.knime.port.AttentionCapturePortObject;
import org.bertgeometry.knime.port.AttentionCapturePortObjectSpec;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
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
 * Attention Pattern Classifier: labels each head's attention map with one of the paper's pattern names ("gates")
 * using the project's rules ({@link GateClassifier}; docs/methods.md "Attention gates") and reports the
 * statistics behind the label. Maps come from an attention capture: the class-mean maps (one row per class,
 * layer and head) and, optionally, the stored per-sample maps (one row per sample, layer and head).
 *
 * <p>Class-mean maps are cut at each sample's first [SEP], so their trailing rows and columns are zero: the map
 * is cropped to its last non-zero row, [CLS] is position 0, and any all-zero row inside the crop (shorter samples
 * mixed in) is treated as a removed position. This cropping is our own choice.
 */
public final class PatternClassifierNodeModel extends SettingsNodeModel {
    private final PatternClassifierSettings m_settings = new PatternClassifierSettings();

    PatternClassifierNodeModel() {
        super(new PortType[]{AttentionCapturePortObject.TYPE}, new PortType[]{BufferedDataTable.TYPE, PicturePort.TYPE});
    }

    @Override
    protected PatternClassifierSettings settingsGroup() {
        return m_settings;
    }

    PatternClassifierSettings settings() {
        return m_settings;
    }

    static DataTableSpec outputSpec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("source", StringCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("item", StringCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("layer", IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("head", IntCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("pattern", StringCell.TYPE).createSpec());
        cols.add(new DataColumnSpecCreator("rule", StringCell.TYPE).createSpec());
        for (String h : GateStatistics.csvHeader()) {
            cols.add(new DataColumnSpecCreator(h, DoubleCell.TYPE).createSpec());
        }
        return new DataTableSpec(cols.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (!(inSpecs[0] instanceof AttentionCapturePortObjectSpec)) {
            throw new InvalidSettingsException("Connect an attention capture (from the Infer with Attention"
                + " Capture node).");
        }
        AttentionCapturePortObjectSpec capture = (AttentionCapturePortObjectSpec)inSpecs[0];
        m_settings.picture().heads().heads(capture.layers(), capture.heads());
        return new PortObjectSpec[]{outputSpec(), PicturePort.spec()};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        AttentionCapturePortObject capture = (AttentionCapturePortObject)inObjects[0];
        AttentionCapturePortObjectSpec spec = capture.getSpec();
        List<HeadSelection.Head> pictureHeads = m_settings.picture().heads().heads(spec.layers(), spec.heads());
        GateClassifier.Params params = GateClassifier.Params.defaults().withRankPolicy(m_settings.rankEveryMap()
            ? GateClassifier.RankPolicy.ALWAYS : GateClassifier.RankPolicy.WHEN_NEEDED);
        BufferedDataContainer out = exec.createDataContainer(outputSpec());
        long[] row = {0};
        List<String> classes = capture.contents().classNames();
        int total = classes.size() * spec.layers() * spec.heads();
        int done = 0;
        GateClassifier.Classification[][][] perClass =
            new GateClassifier.Classification[classes.size()][spec.layers()][spec.heads()];
        for (int l = 0; l < spec.layers(); l++) {
            for (int h = 0; h < spec.heads(); h++) {
                // one head's class-mean maps together, so that the instance rule can compare classes
                List<Integer> seen = new ArrayList<>();
                List<double[][]> maps = new ArrayList<>();
                List<SpecialPositions> special = new ArrayList<>();
                for (int c = 0; c < classes.size(); c++) {
                    exec.checkCanceled();
                    Optional<double[][]> mean = capture.classMean(c, l, h);
                    if (mean.isPresent()) {
                        double[][] m = crop(mean.get());
                        if (m.length >= 2) {
                            seen.add(c);
                            maps.add(m);
                            special.add(zeroRowsRemoved(m));
                        }
                    }
                }
                List<GateClassifier.Classification> labels = GateClassifier.classifyClasses(maps, special, params);
                for (int k = 0; k < seen.size(); k++) {
                    perClass[seen.get(k)][l][h] = labels.get(k);
                }
                done += classes.size();
                exec.setProgress((double)done / Math.max(1, total));
            }
        }
        for (int c = 0; c < classes.size(); c++) {
            for (int l = 0; l < spec.layers(); l++) {
                for (int h = 0; h < spec.heads(); h++) {
                    if (perClass[c][l][h] != null) {
                        add(out, row, "class", classes.get(c), l, h, perClass[c][l][h]);
                    }
                }
            }
        }
        if (m_settings.samples()) {
            for (AttentionCapturePortObject.StoredSample s : capture.readSamples()) {
                for (int l = 0; l < spec.layers(); l++) {
                    for (int h = 0; h < spec.heads(); h++) {
                        exec.checkCanceled();
                        float[][] map = s.maps()[l][h];
                        if (map.length >= 2) {
                            add(out, row, "sample", s.rowKey(), l, h,
                                GateClassifier.classify(map, SpecialPositions.bert(map.length), params));
                        }
                    }
                }
            }
        }
        out.close();
        return new PortObject[]{out.getTable(),
            PicturePort.of(PatternPicture.draw(capture, perClass, pictureHeads, m_settings.picture()))};
    }

    /** The leading block up to the last row or column with any mass. */
    static double[][] crop(final double[][] m) {
        int k = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (m[i][j] != 0) {
                    k = Math.max(k, Math.max(i, j) + 1);
                }
            }
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, c[i], 0, k);
        }
        return c;
    }

    private static SpecialPositions zeroRowsRemoved(final double[][] m) {
        List<Integer> removed = new ArrayList<>();
        for (int i = 1; i < m.length; i++) {
            double s = 0;
            for (double v : m[i]) {
                s += v;
            }
            if (s == 0) {
                removed.add(i);
            }
        }
        return new SpecialPositions(0, removed.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void add(final BufferedDataContainer out, final long[] row, final String source,
        final String item, final int layer, final int head, final GateClassifier.Classification c) {
        List<DataCell> cells = new ArrayList<>(List.of(new StringCell(source), new StringCell(item),
            new IntCell(layer), new IntCell(head), new StringCell(c.label().csvName()), new StringCell(c.rule())));
        for (String v : c.statistics().csvValues()) {
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                d = Double.NaN;
            }
            cells.add(Double.isNaN(d) ? DataType.getMissingCell() : new DoubleCell(d));
        }
        out.addRowToTable(new DefaultRow(RowKey.createRowKey(row[0]++), cells));
    }
}
