package org.bertgeometry.checkpoint.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnappyDecoderTest {

    @Test
    void overlappingOneByteOffsetCopyRepeatsTheLiteral() {
        // Hand-encoded from Snappy's format_description.txt: length 12 (0x0C); literal of 3 bytes:
        // tag (3-1)<<2 = 0x08, "abc"; copy with 1-byte offset, length 9, offset 3:
        // tag = 01 | (9-4)<<2 | (3>>8)<<5 = 0x15, then offset low byte 0x03.
        byte[] block = {0x0C, 0x08, 'a', 'b', 'c', 0x15, 0x03};
        assertArrayEquals("abcabcabcabc".getBytes(StandardCharsets.US_ASCII),
                SnappyDecoder.decompress(ByteBuffer.wrap(block)));
    }

    @Test
    void twoByteOffsetCopy() {
        // length 6; literal "xyz" (tag 0x08); copy length 3 offset 3 with 2-byte offset: tag (3-1)<<2 | 2 = 0x0A, 03 00
        byte[] block = {0x06, 0x08, 'x', 'y', 'z', 0x0A, 0x03, 0x00};
        assertArrayEquals("xyzxyz".getBytes(StandardCharsets.US_ASCII), SnappyDecoder.decompress(ByteBuffer.wrap(block)));
    }

    @Test
    void copyBeforeTheStartOfOutputIsMalformed() {
        byte[] block = {0x08, 0x08, 'a', 'b', 'c', 0x15, 0x09};
        assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(ByteBuffer.wrap(block)));
    }

    @Test
    void outputShorterThanDeclaredIsMalformed() {
        byte[] block = {0x10, 0x08, 'a', 'b', 'c'};
        assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(ByteBuffer.wrap(block)));
    }
}
