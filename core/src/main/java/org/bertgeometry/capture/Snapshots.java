package org.bertgeometry.capture;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The compact serialised form of a {@link MergeableState}: the bytes {@code BGSS}, a format version, a
 * tag naming the state's type, then the state's own fields, all deflate-compressed (docs/capture.md,
 * "Snapshots"). The tag makes reading one type's bytes as another a clear error.
 */
public final class Snapshots {

    private static final int MAGIC = 0x42475353;   // "BGSS"
    private static final int VERSION = 1;

    /** Reads one type's fields (after the header). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private Snapshots() {
    }

    /** The state as bytes, tagged {@code tag}. */
    public static byte[] toBytes(String tag, MergeableState<?> state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);   // sums are mostly incompressible low bits
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(tag);
            state.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * Reads bytes written by {@link #toBytes} with the same tag.
     *
     * @throws IllegalArgumentException when the bytes are not a snapshot of this type or are damaged
     */
    public static <T> T fromBytes(String tag, byte[] bytes, Reader<T> reader) {
        return read(bytes, in -> {
            String found = tagAfterHeader(in);
            if (!found.equals(tag)) {
                throw new IllegalArgumentException("snapshot holds a " + found + ", not a " + tag);
            }
            return reader.read(in);
        });
    }

    /**
     * The tag of a snapshot (which type it holds), read from its header alone: for code that handles
     * snapshots of several types, such as a reduce that merges each kind with its own kind.
     *
     * @throws IllegalArgumentException when the bytes are not a snapshot or are damaged
     */
    public static String tagOf(byte[] bytes) {
        return read(bytes, Snapshots::tagAfterHeader);
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes)), 1 << 16))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged sink snapshot: " + e.getMessage(), e);
        }
    }

    private static String tagAfterHeader(DataInput in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("not a sink snapshot (no BGSS header)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("sink snapshot of format version " + version + "; this build reads "
                    + VERSION);
        }
        return in.readUTF();
    }
}
