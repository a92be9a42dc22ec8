package org.bertgeometry.spark;

import org.apache.spark.SparkConf;

/**
 * The JVM settings executors need and Spark does not pass on by itself: DJL offline and without
 * tracking (nothing may be downloaded at run time), PyTorch threads equal to {@code spark.task.cpus}
 * (more would oversubscribe the slots of one executor), a node-local natives cache, and Spark's
 * default parent-first class loading (DJL's natives cannot be loaded by two class loaders in one
 * JVM). Settings the user gave win; see docs/spark.md.
 */
final class ExecutorSettings {

    /** Where executors extract the PyTorch natives; relative paths are inside the executor's work dir. */
    static final String CACHE_KEY = "spark.bertgeo.djlCacheDir";

    private ExecutorSettings() {
    }

    static void apply(SparkConf conf) {
        int threads = conf.getInt("spark.task.cpus", 1);
        String cache = conf.get(CACHE_KEY, System.getProperty("DJL_CACHE_DIR", "djl-cache"));
        String ours = "-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=" + threads
                + " -Dai.djl.pytorch.num_interop_threads=1 -DDJL_CACHE_DIR=" + cache + " -DENGINE_CACHE_DIR=" + cache;
        String given = conf.get("spark.executor.extraJavaOptions", "");
        if (!given.contains("ai.djl.offline")) {
            conf.set("spark.executor.extraJavaOptions", (given + " " + ours).strip());
        }
        conf.setIfMissing("spark.executorEnv.OPT_OUT_TRACKING", "true");
        conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
        if (conf.getBoolean("spark.executor.userClassPathFirst", false)) {
            throw new IllegalArgumentException("spark.executor.userClassPathFirst=true loads DJL's natives in a second "
                    + "class loader, which fails ('already loaded in another classloader'); leave it false");
        }
    }
}
