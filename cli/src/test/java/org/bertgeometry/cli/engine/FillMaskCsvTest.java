package org.bertgeometry.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bertgeometry.checkpoint.BertCheckpoint;
import org.bertgeometry.checkpoint.HuggingFaceFolder;
import org.bertgeometry.cli.CliRun;
import org.bertgeometry.model.Activation;
import org.bertgeometry.model.BertConfig;
import org.bertgeometry.model.BertInit;
import org.bertgeometry.report.table.CsvReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fill-mask} writes CSV that a CSV reader gets back exactly, on a model whose vocabulary holds
 * BERT's {@code ,} and {@code "} tokens, in a German default locale. With {@code --top-k} equal to the
 * vocabulary size every token is listed once and the probabilities, a softmax, sum to 1.
 */
class FillMaskCsvTest {

    private static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ",", "\"", "a");

    @TempDir
    Path dir;

    @Test
    void punctuationTokensAreQuotedAndProbabilitiesKeepADecimalPoint() throws IOException {
        BertConfig c = new BertConfig(VOCAB.size(), 8, 1, 2, 16, Activation.GELU, 16, 2, 1e-12, 0.1, 0.1, List.of());
        Path model = dir.resolve("mlm");
        HuggingFaceFolder.save(new BertCheckpoint(c, BertInit.random(c, 5, true), VOCAB, Map.of(), null), model);
        Locale before = Locale.getDefault();
        CliRun r;
        try {
            Locale.setDefault(Locale.GERMANY);
            r = CliRun.of("fill-mask", "--model", model.toString(), "--top-k", Integer.toString(VOCAB.size()),
                    "a [MASK]");
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(0, r.code(), r.err());
        // RFC 4180 by hand: a field holding a comma or a quote is quoted, quotes doubled
        assertTrue(r.out().contains(",\",\",") && r.out().contains(",\"\"\"\","), r.out());
        List<CsvReader.CsvRecord> records = CsvReader.readRecords(new StringReader(r.out()), "stdout", ',');
        assertEquals(List.of("mask", "rank", "token", "probability"), records.get(0).fields());
        assertEquals(1 + VOCAB.size(), records.size());
        Set<String> tokens = new HashSet<>();
        double sum = 0;
        for (CsvReader.CsvRecord rec : records.subList(1, records.size())) {
            assertEquals(4, rec.fields().size(), rec.toString());
            tokens.add(rec.fields().get(2));
            sum += Double.parseDouble(rec.fields().get(3));
        }
        assertEquals(new HashSet<>(VOCAB), tokens, "every token once, punctuation included");
        assertEquals(1.0, sum, 1e-6, "a softmax over the whole vocabulary");
    }
}
