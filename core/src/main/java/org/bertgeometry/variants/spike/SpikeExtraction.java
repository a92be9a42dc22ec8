package org.bertgeometry.variants.spike;

/**
 * Outcome of extracting the spike from one genome: either {@link Status#OK} with the spike in reference
 * orientation, or a reason why the genome was skipped, with a message for the user.
 *
 * @param genomeStart 0-based start of the spike on the genome's forward strand as given (-1 if not found)
 * @param genomeEnd   exclusive end on the same strand (-1 if not found)
 * @param reverseStrand whether the genome carried the spike on its reverse strand
 * @param message     why the genome was skipped; for OK results empty, or a warning (a boundary inside
 *                    an N run)
 */
public record SpikeExtraction(String id, Status status, String spike, boolean reverseStrand, int genomeStart,
        int genomeEnd, double nFraction, String message) {

    /** Why a genome yields no spike. */
    public enum Status {
        OK,
        /** Too few anchors on either strand: no spike, or another virus or gene. */
        NOT_FOUND,
        /** The genome ends inside the spike. */
        PARTIAL,
        /** The spike was located but more than the allowed share of it is N. */
        MOSTLY_N,
        /** The located spike's length is implausible (large indel or misplacement). */
        BAD_LENGTH
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    static SpikeExtraction skipped(String id, Status status, String message) {
        return new SpikeExtraction(id, status, null, false, -1, -1, Double.NaN, message);
    }
}
