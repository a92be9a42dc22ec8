package org.bertgeometry.knime.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.knime.testing.ModelFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.filestore.FileStore;
import org.bertgeometry.knime.testing.ShimFileStores;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortUtil;

class BertModelPortObjectTest {

    @TempDir
    Path tmp;

    private static BertModelPortObjectSpec spec() {
        return new BertModelPortObjectSpec("tiny", ModelFolders.tinyConfig(), "vocab.txt");
    }

    private static BertModelPortObjectSpec roundTrip(final BertModelPortObjectSpec spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            new BertModelPortObjectSpec.Serializer().savePortObjectSpec(spec, out);
        }
        try (PortObjectSpecZipInputStream in =
            PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return new BertModelPortObjectSpec.Serializer().loadPortObjectSpec(in);
        }
    }

    @Test
    void specSurvivesSerialisationWithConfigAndLabels() throws IOException {
        BertModelPortObjectSpec loaded = roundTrip(spec());
        assertEquals(spec(), loaded);
        assertEquals(List.of("neg", "pos"), loaded.config().labels());
    }

    @Test
    void portObjectRoundTripReattachesTheSameModelFolder() throws Exception {
        Path folder = ModelFolders.write(tmp.resolve("store"), ModelFolders.tinyConfig(), 10);
        FileStore store = ShimFileStores.newFileStore(folder.toFile());
        BertModelPortObject po = new BertModelPortObject(spec(), store);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            new BertModelPortObject.Serializer().savePortObject(po, out, new ExecutionMonitor());
        }
        assertTrue(bytes.size() < 1024, "weights must not be written into the port object zip");
        BertModelPortObject loaded;
        try (PortObjectZipInputStream in =
            PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = new BertModelPortObject.Serializer().loadPortObject(in, roundTrip(spec()),
                new ExecutionMonitor());
        }
        ShimFileStores.attach(loaded, ShimFileStores.fileStoresOf(po));
        assertEquals(folder, loaded.getModelFolder());
        assertEquals(po.getSummary(), loaded.getSummary());
    }

    @Test
    void reattachingToAFolderWithoutTheModelFailsClearly() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        BertModelPortObject po = new BertModelPortObject(spec(), ShimFileStores.newFileStore(empty.toFile()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            new BertModelPortObject.Serializer().savePortObject(po, out, new ExecutionMonitor());
        }
        BertModelPortObject loaded;
        try (PortObjectZipInputStream in =
            PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = new BertModelPortObject.Serializer().loadPortObject(in, spec(), new ExecutionMonitor());
        }
        IOException e = assertThrows(IOException.class, () -> ShimFileStores.attach(loaded, List.of(
            ShimFileStores.newFileStore(empty.toFile()))));
        assertTrue(e.getMessage().contains("Re-execute"), e.getMessage());
    }

    @Test
    void corruptSpecIsReportedAsIOException() {
        assertThrows(IOException.class, () -> BertModelPortObjectSpec.fromJson("{\"format\": 1}"));
        assertThrows(IOException.class, () -> BertModelPortObjectSpec.fromJson("{\"format\": 2}"));
    }
}
