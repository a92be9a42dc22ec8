package org.bertgeometry.benchmarks.packed;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import org.bertgeometry.model.ScriptModule;

/**
 * TorchScript source of one stateless module whose methods call PyTorch's prepacked linear kernels,
 * which DJL 0.36 does not expose as operations: {@code mkl::_mkl_reorder_linear_weight} and
 * {@code mkl::_mkl_linear} (MKL's packed sgemm, {@code cblas_sgemm_pack}/{@code _compute}), and
 * {@code mkldnn::_reorder_linear_weight} and {@code mkldnn::_linear_pointwise} (a oneDNN inner product
 * over a weight reordered once). Loaded through core's {@link ScriptModule}. Used by
 * {@link PackedLinearBenchmark} only; the product does not use these kernels (docs/performance.md,
 * "Prepacked weights"; docs/decisions.md D11).
 */
public final class PackedKernels {

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

    private PackedKernels() {
    }

    /** Compiles the module into {@code manager}, which owns it from then on. */
    public static PtSymbolBlock load(NDManager manager) {
        return ScriptModule.load(manager, MODULE, SOURCE);
    }
}
