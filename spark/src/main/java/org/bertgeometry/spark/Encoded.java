package org.bertgeometry.spark;

import java.io.Serializable;

/**
 * One FASTA record after the executor read it: the token ids and class of its spike, or, for a whole
 * genome without a usable spike, {@code ids == null}. Serializable because Spark ships it between
 * stages; core types are not.
 *
 * @param id        the record id (for error messages)
 * @param ids       real token ids, or null when the record was skipped
 * @param label     class index
 * @param truncated whether the tokenizer truncated the sequence
 */
record Encoded(String id, int[] ids, int label, boolean truncated) implements Serializable {

    boolean skipped() {
        return ids == null;
    }
}
