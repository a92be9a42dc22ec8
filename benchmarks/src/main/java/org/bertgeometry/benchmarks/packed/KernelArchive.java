package org.bertgeometry.benchmarks.packed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript archive holding one stateless module whose methods call PyTorch's prepacked
 * linear kernels, which DJL 0.36 does not expose as operations: {@code mkl::_mkl_reorder_linear_weight}
 * and {@code mkl::_mkl_linear} (MKL's packed sgemm, {@code cblas_sgemm_pack}/{@code _compute}), and
 * {@code mkldnn::_reorder_linear_weight} and {@code mkldnn::_linear_pointwise} (a oneDNN inner product
 * over a weight reordered once). DJL can load such an archive and run its methods by name, so a
 * benchmark can time the kernels without Python. The archive layout (a stored zip under one folder
 * with {@code code/__torch__.py}, {@code data.pkl}, {@code constants.pkl} and {@code version}) is
 * PyTorch's serialization format; the module's source is ours. Used by {@link PackedLinearBenchmark}
 * only; the product does not use these kernels (docs/performance.md, "Prepacked weights").
 */
public final class KernelArchive {

    /** The class name under {@code __torch__}, and the archive's folder. */
    static final String MODULE = "PackedLinear";

    /** TorchScript source of the module; method names are what {@link PackedLinearBenchmark} calls. */
    static final String SOURCE = String.join("\n",
            "class " + MODULE + "(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__." + MODULE + ",",
            "    x: Tensor) -> Tensor:",
            "    return x",
            "  def mkl_pack(self: __torch__." + MODULE + ",",
            "    w: Tensor,",
            "    rows: int) -> Tensor:",
            "    return ops.mkl._mkl_reorder_linear_weight(w, rows)",
            "  def mkl_linear(self: __torch__." + MODULE + ",",
            "    x: Tensor,",
            "    packed: Tensor,",
            "    w: Tensor,",
            "    b: Tensor,",
            "    rows: int) -> Tensor:",
            "    return ops.mkl._mkl_linear(x, packed, w, b, rows)",
            "  def onednn_pack(self: __torch__." + MODULE + ",",
            "    w: Tensor,",
            "    rows: int) -> Tensor:",
            "    return ops.mkldnn._reorder_linear_weight(w, rows)",
            "  def onednn_linear(self: __torch__." + MODULE + ",",
            "    x: Tensor,",
            "    packed: Tensor,",
            "    b: Tensor) -> Tensor:",
            "    _0 = annotate(List[Optional[number]], [])",
            "    return ops.mkldnn._linear_pointwise(x, packed, b, \"none\", _0, \"\")",
            "");

    private KernelArchive() {
    }

    /** Writes the archive to {@code target} (replaced if present) and returns it. */
    public static Path write(Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            stored(zip, MODULE + "/code/__torch__.py", SOURCE.getBytes(StandardCharsets.UTF_8));
            stored(zip, MODULE + "/data.pkl", moduleObject());
            // an empty tuple: the source refers to no tensor constants
            stored(zip, MODULE + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, MODULE + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            stored(zip, MODULE + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        }
        return target;
    }

    /**
     * The module instance as a protocol-2 pickle: {@code __torch__.PackedLinear} built with its one
     * attribute, {@code training = False}.
     */
    static byte[] moduleObject() {
        byte[] global = ("c__torch__\n" + MODULE + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[2 + global.length + 4 + 5 + key.length + 4];
        int i = 0;
        out[i++] = (byte) 0x80; // PROTO
        out[i++] = 2;
        System.arraycopy(global, 0, out, i, global.length); // GLOBAL module class
        i += global.length;
        out[i++] = ')'; // EMPTY_TUPLE
        out[i++] = (byte) 0x81; // NEWOBJ
        out[i++] = '}'; // EMPTY_DICT
        out[i++] = '('; // MARK
        out[i++] = 'X'; // BINUNICODE, 4-byte little-endian length
        out[i++] = (byte) key.length;
        out[i++] = 0;
        out[i++] = 0;
        out[i++] = 0;
        System.arraycopy(key, 0, out, i, key.length);
        i += key.length;
        out[i++] = (byte) 0x89; // NEWFALSE
        out[i++] = 'u'; // SETITEMS
        out[i++] = 'b'; // BUILD
        out[i++] = '.'; // STOP
        if (i != out.length) {
            throw new IllegalStateException("pickle length " + i + " != " + out.length);
        }
        return out;
    }

    /** Entries are stored uncompressed, as PyTorch's own writer stores them. */
    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}
