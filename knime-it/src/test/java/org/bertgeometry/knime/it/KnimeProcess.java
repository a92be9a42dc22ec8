package org.bertgeometry.knime.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands of the test driver in a fresh JVM holding one KNIME framework ({@link KnimeLauncher}). One JVM
 * per session because the PyTorch natives can be loaded by only one class loader per JVM, so every session that
 * must start "alone" needs its own process. The child's class path is the installation's own Equinox jar and
 * this module's test classes; its heap is 2 GB for KNIME's core plus 1 GB for the models; its files (framework
 * storage, workspace, home, temp, log) stay under {@code work}.
 */
final class KnimeProcess {
    private KnimeProcess() {
    }

    /** One report line: the command, how long it ran, and its problems (none when it passed). */
    record Result(String command, long millis, boolean passed, String details) {
    }

    static List<Result> run(final KnimeInstallation knime, final List<Path> bundles, final Path work,
        final List<String> commands) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path report = work.resolve("report.tsv");
        Files.deleteIfExists(report);
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Path home = Files.createDirectories(work.resolve("home"));
        String cacheDir = System.getProperty("djl.cache.dir");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx3g", "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
            "-Dai.djl.offline=true", "-DDJL_CACHE_DIR=" + cacheDir, "-DENGINE_CACHE_DIR=" + cacheDir,
            "-cp", knime.framework() + ":" + testClasses(), KnimeLauncher.class.getName(),
            knime.plugins().toString(), work.toString(), report.toString()));
        bundles.forEach(b -> cmd.add(b.toString()));
        cmd.add("--");
        cmd.addAll(commands);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(work.resolve("knime.log").toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("the KNIME process did not finish in 10 minutes; log: " + work.resolve("knime.log"));
        }
        List<Result> results = new ArrayList<>();
        if (Files.exists(report)) {
            for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                results.add(new Result(f[0], Long.parseLong(f[1]), f[2].equals("OK"), f.length > 3 ? f[3] : ""));
            }
        }
        if (results.size() != commands.size()) {
            throw new IOException("the KNIME process (exit " + p.exitValue() + ") reported " + results.size() + " of "
                + commands.size() + " commands; log: " + work.resolve("knime.log") + "\n" + tail(work));
        }
        return results;
    }

    private static String testClasses() {
        return Path.of(KnimeProcess.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }

    private static String tail(final Path work) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("knime.log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
