package org.bertgeometry.knime.nodes.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bertgeometry.knime.port.BertModelPortObject;
import org.bertgeometry.knime.port.BertModelPortObjectSpec;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.tokenize.TokenizerFactory;
import org.bertgeometry.variants.classifier.VariantPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.bertgeometry.knime.testing.ShimExecution;
import org.bertgeometry.knime.testing.ShimNodeRunner;

/** The Loader's RANDOM source: a new model of a preset's size for a given vocab.txt. */
class BertLoaderRandomModelTest {

    @TempDir
    Path tmp;

    private Path vocab(final String... extra) throws Exception {
        StringBuilder b = new StringBuilder("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n");
        for (String e : extra) {
            b.append(e).append('\n');
        }
        return Files.writeString(tmp.resolve("vocab.txt"), b);
    }

    private BertLoaderNodeModel node(final Path vocab, final String tokenizer, final String labels) {
        BertLoaderNodeModel m = new BertLoaderNodeFactory().createNodeModel();
        m.settings().setRandom(VariantPreset.TINY, vocab.toString(), tokenizer, labels, 5);
        return m;
    }

    @Test
    void configureDescribesTheNewModelFromTheVocabularyAlone() throws Exception {
        BertLoaderNodeModel m = node(vocab("acgtacgtacgt", "cgtacgtacgta"), BertLoaderSettings.KMER, "a, b");
        BertModelPortObjectSpec spec = (BertModelPortObjectSpec)ShimNodeRunner.configure(m)[0];
        // TINY: 1 layer, hidden 32, 2 heads (VariantPreset); 5 specials + 2 k-mers = 7 tokens
        assertEquals(1, spec.config().numHiddenLayers());
        assertEquals(32, spec.config().hiddenSize());
        assertEquals(2, spec.config().numAttentionHeads());
        assertEquals(7, spec.config().vocabSize());
        assertEquals(List.of("a", "b"), spec.config().labels());
    }

    @Test
    void executeSavesALoadableModelWithTheVocabularyAndTokenizerAndTheSeedDecidesTheWeights() throws Exception {
        Path v = vocab("acgtacgtacgt");
        ExecutionContext exec = ShimExecution.createContext(tmp.resolve("fs"));
        BertModelPortObject a =
            (BertModelPortObject)ShimNodeRunner.execute(node(v, BertLoaderSettings.KMER, ""), exec)[0];
        BertCheckpoint ca = HuggingFaceFolder.load(a.getModelFolder());
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "acgtacgtacgt"), ca.vocabulary());
        assertEquals("kmer", ca.tokenizerConfig().get(TokenizerFactory.KIND));
        assertEquals(a.getSpec().config(), ca.config());
        BertModelPortObject b = (BertModelPortObject)ShimNodeRunner.execute(node(v, BertLoaderSettings.KMER, ""),
            ShimExecution.createContext(tmp.resolve("fs2")))[0];
        String q = org.bertgeometry.model.BertWeights.layerPrefix(0) + "attention.self.query.weight";
        assertArrayEquals(ca.weights().require(q, 32, 32).data(),
            HuggingFaceFolder.load(b.getModelFolder()).weights().require(q, 32, 32).data(), "same seed, same weights");
    }

    @Test
    void aVocabularyWithoutSpecialTokensIsRejectedNamingThem() throws Exception {
        Path v = Files.writeString(tmp.resolve("vocab.txt"), "[PAD]\n[UNK]\nhello\n");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimNodeRunner.configure(node(v, BertLoaderSettings.WORDPIECE, "")));
        assertTrue(e.getMessage().contains("[CLS], [SEP], [MASK]"), e.getMessage());
    }

    @Test
    void randomSettingsRoundTripAndBadValuesAreRejected() throws Exception {
        BertLoaderNodeModel m = node(vocab(), BertLoaderSettings.WORDPIECE, "x,y");
        BertLoaderNodeModel other = new BertLoaderNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(other, ShimNodeRunner.saveSettings(m));
        assertTrue(other.settings().isRandom());
        assertEquals(VariantPreset.TINY, other.settings().size());
        assertEquals(List.of("x", "y"), other.settings().labels());
        assertEquals(5, other.settings().seed());
        NodeSettings s = ShimNodeRunner.saveSettings(m);
        s.addString(BertLoaderSettings.CFG_SIZE, "HUGE");
        assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(other, s));
        NodeSettings t = ShimNodeRunner.saveSettings(m);
        t.addString(BertLoaderSettings.CFG_LABELS, "x,x");
        assertThrows(InvalidSettingsException.class, () -> ShimNodeRunner.loadSettings(other, t));
    }

    @Test
    void settingsSavedBeforeTheRandomSourceExistedLoadAsFolder() throws Exception {
        NodeSettings old = new NodeSettings("model");
        old.addString(BertLoaderSettings.CFG_FOLDER, "/some/model");
        BertLoaderNodeModel m = new BertLoaderNodeFactory().createNodeModel();
        ShimNodeRunner.loadSettings(m, old);
        assertTrue(!m.settings().isRandom());
        assertEquals(Path.of("/some/model"), m.settings().folder());
    }
}
