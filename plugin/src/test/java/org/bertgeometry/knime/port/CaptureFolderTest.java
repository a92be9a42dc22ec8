package org.bertgeometry.knime.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bertgeometry.knime.port.AttentionCapturePortObject.HeadStatRow;
import org.bertgeometry.knime.port.AttentionCapturePortObject.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture files read back exactly what was written, in the documented byte layout. */
class CaptureFolderTest {

    @TempDir
    Path dir;

    /** 2 layers x 1 head; entry value encodes (layer, query, key) so a misplaced float is caught. */
    private static StoredSample sample(final String key, final int label, final int... ids) {
        int t = ids.length;
        float[][][][] maps = new float[2][1][t][t];
        for (int l = 0; l < 2; l++) {
            for (int q = 0; q < t; q++) {
                for (int k = 0; k < t; k++) {
                    maps[l][0][q][k] = 100 * l + 10 * q + k + 0.5f;
                }
            }
        }
        return new StoredSample(key, label, 1 - label, ids, maps);
    }

    @Test
    void storedSamplesRoundTripInTheDocumentedLayout() throws Exception {
        CaptureFolder folder = new CaptureFolder(dir, 2, 1);
        List<StoredSample> written = List.of(sample("Row0", 0, 2, 7, 3), sample("Row1", 1, 2, 3));
        folder.writeSamples(2, written.iterator());

        List<StoredSample> read = folder.readSamples();
        assertEquals(2, read.size());
        for (int s = 0; s < 2; s++) {
            StoredSample w = written.get(s);
            StoredSample r = read.get(s);
            assertEquals(w.rowKey(), r.rowKey());
            assertEquals(w.label(), r.label());
            assertEquals(w.predicted(), r.predicted());
            assertArrayEquals(w.tokenIds(), r.tokenIds());
            for (int l = 0; l < 2; l++) {
                for (int q = 0; q < w.tokenIds().length; q++) {
                    assertArrayEquals(w.maps()[l][0][q], r.maps()[l][0][q]);
                }
            }
        }
        // count (4) + per sample: UTF key (2 + 4 bytes), label, prediction, t (3 x 4), t ids, 2 x t x t floats
        long expected = 4 + (6 + 12 + 4 * 3 + 4 * 2 * 9) + (6 + 12 + 4 * 2 + 4 * 2 * 4);
        assertEquals(expected, Files.size(dir.resolve(CaptureFolder.SAMPLES)));
    }

    @Test
    void aSampleCountThatDoesNotMatchIsRefused() {
        CaptureFolder folder = new CaptureFolder(dir, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> folder.writeSamples(3, List.of(sample("Row0", 0, 2, 3)).iterator()));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void classMapsAreFoundBehindOtherClassesAndAbsentClassesAreEmpty() throws Exception {
        CaptureFolder folder = new CaptureFolder(dir, 2, 2);
        // map entries encode (class, layer, head, threshold, row, column)
        CaptureFolder.ClassMaps maps = (c, l, h, threshold) -> new double[][]{
            {1000 * c + 100 * l + 10 * h + (threshold ? 5 : 0), 1}, {2, 3}};
        folder.writeClassMeans(List.of(4, 1), 2, maps);

        double[][] mean = folder.readClassMap(1, 1, 0, false, 2).orElseThrow();
        assertArrayEquals(new double[]{1100, 1}, mean[0]);
        assertArrayEquals(new double[]{2, 3}, mean[1]);
        double[][] threshold = folder.readClassMap(4, 0, 1, true, 2).orElseThrow();
        assertArrayEquals(new double[]{4015, 1}, threshold[0]);
        assertTrue(folder.readClassMap(2, 0, 0, false, 2).isEmpty(), "class 2 was never written");
        // count + per class: id + 2 layers x 2 heads x 2 maps x 4 doubles
        assertEquals(4 + 2 * (4 + 2 * 2 * 2 * 4 * 8), Files.size(dir.resolve(CaptureFolder.CLASS_MEANS)));
    }

    @Test
    void headStatisticsStreamBackRowByRow() throws Exception {
        CaptureFolder folder = new CaptureFolder(dir, 1, 2);
        List<HeadStatRow> written = List.of(new HeadStatRow(0, 0, 1, 2, -1, new double[]{0.25, -3}),
            new HeadStatRow(7_000_000_000L, 0, 0, -1, 1, new double[]{Double.NaN, 1e-300}));
        try (CaptureFolder.HeadStatWriter w = folder.headStatWriter()) {
            for (HeadStatRow r : written) {
                w.write(r);
            }
        }
        List<HeadStatRow> read = new ArrayList<>();
        folder.forEachHeadStatistic(2, read::add);
        assertEquals(2, read.size());
        for (int i = 0; i < 2; i++) {
            HeadStatRow w = written.get(i);
            HeadStatRow r = read.get(i);
            assertEquals(List.of(w.sample(), w.layer(), w.head(), w.label(), w.predicted()),
                List.of(r.sample(), r.layer(), r.head(), r.label(), r.predicted()));
            assertArrayEquals(w.values(), r.values());
        }
        // per row: long + 4 ints + 2 doubles
        assertEquals(2 * (8 + 16 + 16), Files.size(dir.resolve(CaptureFolder.HEAD_STATS)));
    }
}
