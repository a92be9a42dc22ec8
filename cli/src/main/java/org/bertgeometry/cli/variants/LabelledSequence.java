package org.bertgeometry.cli.variants;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bertgeometry.tokenize.Encoding;
import org.bertgeometry.tokenize.Tokenizer;
import org.bertgeometry.variants.fasta.SequenceRecord;

/**
 * One FASTA record as {@code analyze} feeds it to the model: its real token ids, its class and
 * whether the tokenizer truncated it. The single-machine command and the spark module both make it
 * here, so a record is read the same way wherever it runs; errors name the record.
 *
 * @param ids       real token ids ([CLS] first, [SEP] last)
 * @param label     class index in the model's labels
 * @param truncated whether the sequence was longer than the model's positions
 */
public record LabelledSequence(int[] ids, int label, boolean truncated) {

    /**
     * @param record  a spike record
     * @param byId    classes by record id (from {@code --labels}), or null to read {@code class=NAME}
     *                from the description
     * @param classes the model's class names
     * @throws IllegalArgumentException naming the record when it has no class or one the model lacks
     */
    public static LabelledSequence of(SequenceRecord record, Map<String, String> byId, List<String> classes,
            Tokenizer tokenizer) {
        String name = byId == null ? ClassLabels.fromDescription(record.description()) : byId.get(record.id());
        if (name == null) {
            throw new IllegalArgumentException("sequence '" + record.id() + "' has no class; add class=NAME to its "
                    + "FASTA description or give --labels");
        }
        int label = classes.indexOf(ClassLabels.normalise(name));
        if (label < 0) {
            throw new IllegalArgumentException("sequence '" + record.id() + "' has class '" + name
                    + "', which the model does not know; its classes are " + classes);
        }
        Encoding e = tokenizer.encode(record.sequence());
        return new LabelledSequence(Arrays.copyOf(e.ids(), e.realLength()), label, e.truncated());
    }
}
