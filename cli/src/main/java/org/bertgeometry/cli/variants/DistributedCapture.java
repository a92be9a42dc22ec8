package org.bertgeometry.cli.variants;

import java.util.Map;
import java.util.ServiceLoader;
import org.bertgeometry.analysis.GeometryCapture;
import org.bertgeometry.analysis.GeometryRunSettings;

/**
 * The capture pass of {@code analyze} on a cluster: reads the FASTA file there, runs the model in
 * tasks and returns the merged {@link GeometryCapture}, which the command turns into the same report
 * as on one machine. Implemented by the spark module and found with {@link ServiceLoader}, so the
 * command line has no Spark dependency: {@code bertgeo analyze --spark MASTER} works when the spark
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
     * @param settings what to measure; its batch size fixes the batches
     */
    record Request(String master, String model, String fasta, Map<String, String> byId, int classes,
            GeometryRunSettings settings) {
    }

    /**
     * What came back.
     *
     * @param capture        the merged capture of every analysed sequence
     * @param skippedGenomes whole genomes without a usable spike
     * @param truncated      sequences longer than the model's positions
     */
    record Outcome(GeometryCapture capture, long skippedGenomes, long truncated) {
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
