package org.bertgeometry.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogitsTest {

    @Test
    void softmaxOfZeroAndLnThreeIsAQuarterAndThreeQuarters() {
        // e^0 : e^ln3 = 1 : 3
        assertArrayEquals(new double[] {0.25, 0.75}, Logits.softmax(new float[] {0f, (float) Math.log(3)}), 1e-7);
    }

    @Test
    void hugeEqualLogitsDoNotOverflow() {
        double[] l = Logits.logSoftmax(new float[] {1000f, 1000f});
        assertEquals(-Math.log(2), l[0], 1e-12);
        assertEquals(-Math.log(2), l[1], 1e-12);
    }

    @Test
    void argmaxTakesTheFirstOfTiedMaxima() {
        assertEquals(1, Logits.argmax(new float[] {0f, 2f, 2f}));
        assertEquals(2, Logits.argmax(new double[] {0.1, 0.2, 0.7}));
        assertThrows(IllegalArgumentException.class, () -> Logits.softmax(new float[0]));
    }
}
