package org.bertgeometry.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in ({@code -Dbertgeo.local-cluster=local-cluster[2,1,1024]}): executors in separate JVMs receive
 * the DJL offline flag, the PyTorch thread count of spark.task.cpus and the tracking opt-out.
 */
@EnabledIfSystemProperty(named = "bertgeo.local-cluster", matches = "local-cluster.*")
class LocalClusterSettingsTest {

    @Test
    void executorJvmsGetTheOfflineAndThreadSettings(@TempDir Path home) throws IOException {
        // without a Spark distribution, executors get this JVM's class path only in Spark's testing mode
        System.setProperty("spark.testing", "true");
        // the worker looks for a Spark build's jar folder; empty is enough, the class path comes from here
        Files.createDirectories(home.resolve("assembly/target/scala-2.13/jars"));
        System.setProperty("spark.test.home", home.toString());
        List<String> lines = ExecutorSettingsProbe.run(System.getProperty("bertgeo.local-cluster"), 4);
        long driver = ProcessHandle.current().pid();
        assertEquals(4, lines.size());
        for (String line : lines) {
            String[] f = line.split(",");
            assertTrue(Long.parseLong(f[0]) != driver, "task ran in a separate executor JVM: " + line);
            assertEquals("true", f[1], line);
            assertEquals("1", f[2], "spark.task.cpus defaults to 1: " + line);
            assertEquals("true", f[3], line);
        }
    }
}
