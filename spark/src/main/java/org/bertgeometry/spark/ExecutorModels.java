package org.bertgeometry.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.bertgeometry.checkpoint.ModelLoader;
import org.bertgeometry.inference.LoadedBert;

/**
 * The models of one executor JVM: a task borrows one for the length of its partition and gives it
 * back, so each task slot ends up with its own model ({@code BertModel} is not thread-safe, and
 * {@code local[N]} runs N tasks in one JVM) and a model is loaded once per slot, not once per
 * partition. This is the project's one piece of static mutable state, on purpose: Spark gives a task
 * nothing that outlives it except the JVM. Models stay open until the JVM exits.
 */
final class ExecutorModels {

    private static final Map<String, ConcurrentLinkedDeque<LoadedBert>> IDLE = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** Runs {@code work} with a model of {@code path} that no other task uses meanwhile. */
    static <T> T with(String path, Function<LoadedBert, T> work) throws IOException {
        ConcurrentLinkedDeque<LoadedBert> idle = IDLE.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        LoadedBert bert = idle.pollFirst();
        if (bert == null) {
            bert = LoadedBert.open(ModelLoader.load(Path.of(path)));
        }
        try {
            return work.apply(bert);
        } finally {
            idle.addFirst(bert);
        }
    }
}
