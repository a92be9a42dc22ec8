package org.bertgeometry.model;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A stateless TorchScript module built from our own source text, for PyTorch operations that DJL 0.36
 * has no call for (fused scaled-dot-product attention, prepacked linear kernels). DJL can load a
 * TorchScript archive and run its methods by name, so the archive is written here, in memory, in
 * PyTorch's serialization format: a zip with uncompressed entries under one folder, holding the
 * class's source ({@code code/__torch__.py}), the module object as a protocol-2 pickle with its one
 * attribute {@code training = False} ({@code data.pkl}), an empty constants tuple
 * ({@code constants.pkl}) and the format version. The source declares {@code class NAME(Module)} with
 * typed methods (docs/decisions.md D11); PyTorch compiles it when the archive is loaded, so a method
 * that names an unknown operation fails at load, not at its first call.
 */
public final class ScriptModule {

    private ScriptModule() {
    }

    /**
     * Loads {@code source}, which declares {@code class className(Module)}, as a module owned by
     * {@code manager} (closed with it).
     *
     * @throws IllegalStateException when PyTorch refuses the source, naming the class
     */
    public static PtSymbolBlock load(NDManager manager, String className, String source) {
        byte[] archive = archive(className, source);
        try {
            return JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("PyTorch could not compile the TorchScript module " + className + ": "
                    + e.getMessage(), e);
        }
    }

    /** The archive's bytes: {@code source} as the class {@code __torch__.className}. */
    public static byte[] archive(String className, String source) {
        if (!className.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a Python class name: " + className);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, className + "/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            stored(zip, className + "/data.pkl", moduleObject(className));
            stored(zip, className + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, className + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            stored(zip, className + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The module instance as a protocol-2 pickle: the class {@code __torch__.className}, created
     * without arguments and given the state {@code {"training": False}}.
     */
    static byte[] moduleObject(String className) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80); // PROTO 2
        out.write(2);
        out.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        out.write(')'); // EMPTY_TUPLE
        out.write(0x81); // NEWOBJ
        out.write('}'); // EMPTY_DICT
        out.write('('); // MARK
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        out.write('X'); // BINUNICODE with a 4-byte little-endian length
        out.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        out.writeBytes(key);
        out.write(0x89); // NEWFALSE
        out.write('u'); // SETITEMS
        out.write('b'); // BUILD
        out.write('.'); // STOP
        return out.toByteArray();
    }

    /** Uncompressed, as PyTorch's own writer stores entries. */
    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
