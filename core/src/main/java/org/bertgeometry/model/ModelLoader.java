package org.bertgeometry.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bertgeometry.model.onnx.OnnxBertImporter;
import org.bertgeometry.model.tensorflow.TensorFlowBertImporter;

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

    /** Loads the model at {@code path}; see {@link #ACCEPTED}. */
    public static BertCheckpoint load(Path path) throws ModelFormatException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path)) {
            if (lower.equals(HuggingFaceFolder.PYTORCH_PICKLE) || lower.endsWith(".bin") || lower.endsWith(".pt")
                    || lower.endsWith(".pth")) {
                throw HuggingFaceFolder.pickleRefusal(path);
            }
            if (lower.endsWith(".safetensors") || lower.endsWith(".safetensors.index.json")) {
                return HuggingFaceFolder.loadSafetensors(path);
            }
            if (lower.endsWith(".onnx")) {
                return OnnxBertImporter.read(path, List.of());
            }
            if (lower.equals(HuggingFaceFolder.CONFIG) && path.toAbsolutePath().getParent() != null) {
                return load(path.toAbsolutePath().getParent());
            }
        }
        if (TensorFlowBertImporter.resolvePrefix(path) != null && !HuggingFaceFolder.isFolder(path)) {
            return TensorFlowBertImporter.read(path);
        }
        if (Files.isDirectory(path)) {
            if (HuggingFaceFolder.isFolder(path)) {
                return HuggingFaceFolder.load(path);
            }
            List<Path> onnx = filesEndingWith(path, ".onnx");
            if (onnx.size() == 1) {
                return OnnxBertImporter.read(onnx.get(0), List.of());
            }
            if (onnx.size() > 1) {
                throw new ModelFormatException(path, "the folder holds several .onnx files " + onnx
                        + "; name the one to load");
            }
            if (Files.isRegularFile(path.resolve(HuggingFaceFolder.PYTORCH_PICKLE))) {
                throw HuggingFaceFolder.pickleRefusal(path.resolve(HuggingFaceFolder.PYTORCH_PICKLE));
            }
            if (Files.isRegularFile(path.resolve(HuggingFaceFolder.CONFIG))) {
                return HuggingFaceFolder.load(path); // reports which weight file is missing
            }
        }
        if (!Files.exists(path)) {
            throw new ModelFormatException(path, "does not exist; expected " + ACCEPTED);
        }
        throw new ModelFormatException(path, "not a model we can read; expected " + ACCEPTED);
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
