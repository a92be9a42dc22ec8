package org.bertgeometry.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bertgeometry.checkpoint.onnx.OnnxBertImporter;
import org.bertgeometry.checkpoint.tensorflow.TensorFlowBertImporter;

/**
 * The one entry point that turns a path on disk into a {@link BertCheckpoint}, whatever the format:
 * it looks at what the path is and hands it to the matching importer, so that the CLI and the KNIME
 * nodes accept any supported model with one "model" argument. PyTorch pickles are refused with
 * conversion advice; anything unrecognised fails with the list of what is accepted.
 */
public final class ModelLoader {

    /** What {@link #load} accepts, for error messages and help texts. */
    public static final String ACCEPTED = "a Hugging Face folder (config.json + model.safetensors + vocab.txt"
            + " or tokenizer.json), a .safetensors file with config.json beside it, an .onnx file or a folder"
            + " holding one, or a TensorFlow checkpoint (folder with bert_model.ckpt.index or"
            + " variables/variables.index, a .index file, or a checkpoint prefix)";

    private ModelLoader() {
    }

    /** The kinds of model {@link #load} reads, as {@link #detect} tells them apart. */
    public enum Format {
        /** A folder with config.json and safetensors weights (or config.json and no weights, reported on load). */
        HUGGING_FACE_FOLDER,
        /** A .safetensors file (or a shard index) with config.json beside it. */
        SAFETENSORS_FILE,
        /** An .onnx file, or a folder holding exactly one. */
        ONNX,
        /** A TensorFlow checkpoint: folder, .index file or prefix. */
        TENSORFLOW
    }

    /**
     * Which importer {@link #load} would hand {@code path} to, found from names alone (no file is read), so
     * that callers can decide early (the KNIME Loader checks a Hugging Face folder in configure).
     *
     * @throws ModelFormatException for a PyTorch pickle (with conversion advice), a folder with several .onnx
     *                              files, a path that does not exist or anything else we cannot read
     */
    public static Format detect(Path path) throws ModelFormatException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (lower.equals(HuggingFaceFolder.PYTORCH_PICKLE) || lower.endsWith(".bin") || lower.endsWith(".pt")
                    || lower.endsWith(".pth")) {
                throw HuggingFaceFolder.pickleRefusal(path);
            }
            if (lower.endsWith(".safetensors") || lower.endsWith(".safetensors.index.json")) {
                return Format.SAFETENSORS_FILE;
            }
            if (lower.endsWith(".onnx")) {
                return Format.ONNX;
            }
            if (lower.equals(HuggingFaceFolder.CONFIG) && path.toAbsolutePath().getParent() != null) {
                return detect(path.toAbsolutePath().getParent());
            }
        }
        if (TensorFlowBertImporter.resolvePrefix(path) != null && !HuggingFaceFolder.isFolder(path)) {
            return Format.TENSORFLOW;
        }
        if (Files.isDirectory(path)) {
            if (HuggingFaceFolder.isFolder(path)) {
                return Format.HUGGING_FACE_FOLDER;
            }
            List<Path> onnx = filesEndingWith(path, ".onnx");
            if (onnx.size() == 1) {
                return Format.ONNX;
            }
            if (onnx.size() > 1) {
                throw new ModelFormatException(path, "the folder holds several .onnx files " + onnx
                        + "; name the one to load");
            }
            if (Files.isRegularFile(path.resolve(HuggingFaceFolder.PYTORCH_PICKLE))) {
                throw HuggingFaceFolder.pickleRefusal(path.resolve(HuggingFaceFolder.PYTORCH_PICKLE));
            }
            if (Files.isRegularFile(path.resolve(HuggingFaceFolder.CONFIG))) {
                return Format.HUGGING_FACE_FOLDER; // load reports which weight file is missing
            }
        }
        if (!Files.exists(path)) {
            throw new ModelFormatException(path, "does not exist; expected " + ACCEPTED);
        }
        throw new ModelFormatException(path, "not a model we can read; expected " + ACCEPTED);
    }

    /** Loads the model at {@code path}; see {@link #ACCEPTED}. */
    public static BertCheckpoint load(Path path) throws ModelFormatException {
        Format format = detect(path);
        Path target = Files.isRegularFile(path) && HuggingFaceFolder.CONFIG.equalsIgnoreCase(
                String.valueOf(path.getFileName())) ? path.toAbsolutePath().getParent() : path;
        return switch (format) {
            case HUGGING_FACE_FOLDER -> HuggingFaceFolder.load(target);
            case SAFETENSORS_FILE -> HuggingFaceFolder.loadSafetensors(target);
            case ONNX -> OnnxBertImporter.read(Files.isDirectory(target)
                    ? filesEndingWith(target, ".onnx").get(0) : target, List.of());
            case TENSORFLOW -> TensorFlowBertImporter.read(target);
        };
    }

    private static List<Path> filesEndingWith(Path dir, String suffix) throws ModelFormatException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path p : s) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new ModelFormatException(dir, "cannot list the folder: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
