package org.bertgeometry.knime.testing.installation;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compile-time constants of a class, read from its class file ({@code ConstantValue} attributes of its
 * fields) without loading or initialising it. A client compiled against the shim carries these values inlined,
 * so they must equal KNIME's.
 */
final class ConstantValues {
    private ConstantValues() {
    }

    /** @return field name to constant value (Integer, Long, Float, Double or String) for every constant field */
    static Map<String, Object> of(final byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("Not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        Object[] pool = readConstantPool(in);
        in.skipBytes(6); // access flags, this class, super class
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        Map<String, Object> constants = new TreeMap<>();
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.readUnsignedShort();
            String name = (String)pool[in.readUnsignedShort()];
            in.readUnsignedShort();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = (String)pool[in.readUnsignedShort()];
                int length = in.readInt();
                if ("ConstantValue".equals(attribute)) {
                    Object v = pool[in.readUnsignedShort()];
                    constants.put(name, v instanceof StringRef s ? pool[s.utf8Index()] : v);
                } else {
                    in.skipBytes(length);
                }
            }
        }
        return constants;
    }

    /** A CONSTANT_String entry, resolved once the whole pool is read. */
    private record StringRef(int utf8Index) {
    }

    private static Object[] readConstantPool(final DataInputStream in) throws IOException {
        Object[] pool = new Object[in.readUnsignedShort()];
        for (int i = 1; i < pool.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = in.readInt();
                case 4 -> pool[i] = in.readFloat();
                case 5 -> pool[i++] = in.readLong();
                case 6 -> pool[i++] = in.readDouble();
                case 8 -> pool[i] = new StringRef(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        return pool;
    }
}
