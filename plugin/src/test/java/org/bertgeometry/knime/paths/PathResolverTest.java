package org.bertgeometry.knime.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;

/**
 * Path settings outside a running KNIME workflow (the shim has no workflow context): plain paths and file: URLs
 * resolve by themselves, knime:// URLs fail with an error naming the URL. The knime:// cases inside real KNIME
 * are proven by knime-it's InRealKnimeIT.
 */
class PathResolverTest {

    @Test
    void aPlainPathIsTakenAsItIs() throws Exception {
        assertEquals(Path.of("/data/models/bert"), PathResolver.resolve(" /data/models/bert ", "model folder"));
        assertEquals(Path.of("relative/vocab.txt"), PathResolver.resolve("relative/vocab.txt", "vocabulary file"));
    }

    @Test
    void aFileUrlBecomesItsPathWithSpacesAndEscapes() throws Exception {
        assertEquals(Path.of("/data/my models/bert"), PathResolver.resolve("file:/data/my models/bert", "model folder"));
        assertEquals(Path.of("/data/my models/bert"),
            PathResolver.resolve("file:///data/my%20models/bert", "model folder"));
    }

    @Test
    void aKnimeUrlOutsideAWorkflowFailsNamingTheUrlAndWhatToDo() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> PathResolver.resolve("knime://knime.workflow/model", "model folder"));
        assertTrue(e.getMessage().contains("'knime://knime.workflow/model'"), e.getMessage());
        assertTrue(e.getMessage().contains("model folder") && e.getMessage().contains("no workflow context"),
            e.getMessage());
    }

    @Test
    void aMalformedUrlFailsNamingIt() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> PathResolver.resolve("file://bad host/x", "vocabulary file"));
        assertTrue(e.getMessage().contains("'file://bad host/x'"), e.getMessage());
    }
}
