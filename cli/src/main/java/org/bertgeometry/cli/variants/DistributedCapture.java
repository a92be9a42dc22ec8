package org.bertgeometry.cli.variants;

import java.io.Serializable;
import java.util.Map;
import java.util.ServiceLoader;
import org.bertgeometry.analysis.ClassMeanMaps;
import org.bertgeometry.analysis.ClassMeanReadout;
import org.bertgeometry.analysis.GeometryCapture;
import org.bertgeometry.analysis.GeometryRunSettings;
import org.bertgeometry.geometry.GateClassifier;

/**
 * The capture pass of {@code analyze} on a cluster: reads the FASTA file there, runs the model in
 * tasks, reduces the class-mean sums per head where they are and returns the merged rest of the
 * {@link GeometryCapture} with what the report reads of the class-mean maps (the gates, the drawn maps of
 * one class, the domain tests), which the command turns into the same report as on one machine.
 * Implemented by the spark module and found with {@link ServiceLoader}, so the command line has no
 * Spark dependency: {@code bertgeo analyze --spark MASTER} works when the spark
 * module is on the class path (the launcher puts it there).
 */
public interface DistributedCapture {

    /**
     * What to capture.
     *
     * @param master   the cluster to run on (e.g. {@code local[2]}, {@code yarn})
     * @param model    the model, a local path on the driver (shipped to the executors)
     * @param fasta    the input, any Hadoop path ({@code file:}, {@code hdfs:}, {@code s3a:}) or a local path
     * @param byId     classes by record id, or null to read {@code class=NAME} from descriptions
     * @param classes  number of the model's classes
     * @param layers   layers of the model
     * @param heads    attention heads per layer (layers × heads class-mean blocks are reduced separately)
     * @param settings what to measure; its batch size fixes the batches
     * @param mapClass the class whose class-mean maps the report reads: its maps of the last layer come back
     *                 (the report draws them), of every head only what {@code readout} reads from them
     * @param readout  what the report reads from every head's map of {@code mapClass} (the domain tests)
     */
    record Request(String master, String model, String fasta, Map<String, String> byId, int classes,
            int layers, int heads, GeometryRunSettings settings, int mapClass, ClassMeanReadout readout) {
    }

    /**
     * What came back.
     *
     * @param capture        the merged capture of every analysed sequence without its class-mean sums
     *                       ({@link GeometryCapture#snapshotWithoutClassMeanMaps}): they stayed on the cluster
     * @param gates          the gate of every (class, layer, head), null for a class without aggregated samples
     * @param maps           the cropped class-mean maps of {@link Request#mapClass()} in the last layer
     * @param readouts       by layer and head, what {@link Request#readout()} read from the map of
     *                       {@link Request#mapClass()}; null when that class has no aggregated samples
     * @param skippedGenomes whole genomes without a usable spike
     * @param truncated      sequences longer than the model's positions
     */
    record Outcome(GeometryCapture capture, GateClassifier.Classification[][][] gates, ClassMeanMaps maps,
            Serializable[][] readouts, long skippedGenomes, long truncated) {
    }

    /** Runs the capture; throws with a message naming the record when one fails. */
    Outcome capture(Request request) throws Exception;

    /**
     * The implementation on the class path.
     *
     * @throws IllegalStateException when there is none (the spark module is missing)
     */
    static DistributedCapture find() {
        return ServiceLoader.load(DistributedCapture.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "--spark needs the spark module on the class path: run ./bertgeo (it adds it when --spark is given) "
                        + "or spark-submit the bertgeometry-spark jar (docs/spark.md)"));
    }
}
