package org.bertgeometry.spark;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Asks every task of a small job what its JVM was given: process id, {@code ai.djl.offline},
 * {@code ai.djl.pytorch.num_threads} and the {@code OPT_OUT_TRACKING} variable. Shows on a real cluster
 * (or {@code local-cluster}) that {@link ExecutorSettings} reach the executors.
 */
final class ExecutorSettingsProbe {

    private ExecutorSettingsProbe() {
    }

    /** One line per task: {@code pid,offline,threads,tracking}. */
    static List<String> run(String master, int tasks) {
        SparkConf conf = new SparkConf().setAppName("bertgeo executor settings").setMaster(master);
        ExecutorSettings.apply(conf);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            return sc.parallelize(java.util.stream.IntStream.range(0, tasks).boxed().toList(), tasks)
                    .map(i -> ProcessHandle.current().pid() + "," + System.getProperty("ai.djl.offline") + ","
                            + System.getProperty("ai.djl.pytorch.num_threads") + "," + System.getenv("OPT_OUT_TRACKING"))
                    .collect();
        }
    }
}
