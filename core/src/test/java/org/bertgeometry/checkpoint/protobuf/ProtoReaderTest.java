package org.bertgeometry.checkpoint.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

    @Test
    void decodesTheExampleFromTheProtobufEncodingGuide() {
        // protobuf.dev "Encoding": field 1 = 150 is 08 96 01; field 2 = "testing" is 12 07 74 65 73 74 69 6e 67
        byte[] bytes = {0x08, (byte) 0x96, 0x01, 0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'};
        ProtoReader r = new ProtoReader(ByteBuffer.wrap(bytes));
        assertTrue(r.next());
        assertEquals(1, r.field());
        assertEquals(150, r.varint());
        assertTrue(r.next());
        assertEquals(2, r.field());
        assertEquals("testing", r.string());
        assertFalse(r.next());
    }

    @Test
    void repeatedIntegersAreReadPackedAndUnpacked() {
        // packed: field 4, bytes 03 8E 02 9E A7 05 = [3, 270, 86942] (protobuf encoding guide)
        byte[] packed = {0x22, 0x06, 0x03, (byte) 0x8E, 0x02, (byte) 0x9E, (byte) 0xA7, 0x05};
        List<Long> values = new ArrayList<>();
        ProtoReader r = new ProtoReader(ByteBuffer.wrap(packed));
        r.next();
        r.varints(values::add);
        assertEquals(List.of(3L, 270L, 86942L), values);
        values.clear();
        ProtoReader u = new ProtoReader(ByteBuffer.wrap(new ProtoWriter().varint(4, 3).varint(4, 270).toByteArray()));
        while (u.next()) {
            u.varints(values::add);
        }
        assertEquals(List.of(3L, 270L), values);
    }

    @Test
    void lengthPastTheEndIsMalformedNotAnOutOfBoundsRead() {
        byte[] bytes = {0x12, 0x7f, 'a'};
        ProtoReader r = new ProtoReader(ByteBuffer.wrap(bytes));
        r.next();
        MalformedProtobufException e = assertThrows(MalformedProtobufException.class, r::bytes);
        assertTrue(e.getMessage().contains("127"), e.getMessage());
    }

    @Test
    void unterminatedVarintIsMalformed() {
        ProtoReader r = new ProtoReader(ByteBuffer.wrap(new byte[] {0x08, (byte) 0xff, (byte) 0xff}));
        r.next();
        assertThrows(MalformedProtobufException.class, r::varint);
    }
}
