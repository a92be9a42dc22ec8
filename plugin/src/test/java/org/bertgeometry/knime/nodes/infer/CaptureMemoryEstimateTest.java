package org.bertgeometry.knime.nodes.infer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaptureMemoryEstimateTest {

    @Test
    void bertBaseAtFullLengthIsCountedByHand() {
        // 8 classes x 12 layers x 12 heads x 512^2 x 16 bytes = 4,831,838,208 bytes of class means;
        // 10 samples x 144 maps x 512^2 x 4 bytes = 1,509,949,440 bytes of stored maps
        CaptureMemoryEstimate e = new CaptureMemoryEstimate(8, 12, 12, 512, 10);
        assertEquals(4_831_838_208L, e.classMeanBytes());
        assertEquals(1_509_949_440L, e.storedSampleBytes());
        assertEquals(6_341_787_648L, e.totalBytes());
    }

    @Test
    void aCaptureThatCannotFitFailsWithAdvice() {
        CaptureMemoryEstimate e = new CaptureMemoryEstimate(8, 12, 12, 512, 10);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.requireFits(1L << 30));
        assertTrue(x.getMessage().contains("5.9 GB"), x.getMessage());
        assertTrue(x.getMessage().contains("Samples with full attention maps"), x.getMessage());
        assertDoesNotThrow(() -> new CaptureMemoryEstimate(2, 2, 2, 16, 3).requireFits(1L << 30));
    }
}
