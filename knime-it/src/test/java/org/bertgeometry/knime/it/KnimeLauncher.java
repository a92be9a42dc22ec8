package org.bertgeometry.knime.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The main class of one KNIME process: starts Equinox over a KNIME installation's bundles exactly as
 * ../shared/knime-runtime/README.md describes (boot delegation, clean storage, writable instance/install/user
 * areas under target/, the five platform bundles started eagerly, every other bundle by its activation policy),
 * installs the extension's bundle, its natives fragment and the test bundle, then runs each command
 * {@code method:argument} as a call of {@code KnimeWorkflowDriver.method(argument)} inside the framework, in the
 * given order, and appends one report line per command. Only JDK types cross the framework boundary (boot
 * delegation hides everything else, JUnit included).
 *
 * <p>Arguments: the framework jar's folder is on the class path; {@code <plugins> <work> <report> <bundle>...
 * -- <command>...}.
 */
public final class KnimeLauncher {
    static final String DRIVER = "org.bertgeometry.knime.workflows.KnimeWorkflowDriver";
    private static final Set<String> EAGER = Set.of("org.apache.felix.scr", "org.eclipse.equinox.common",
        "org.eclipse.equinox.registry", "org.eclipse.equinox.preferences", "org.eclipse.core.runtime");

    private KnimeLauncher() {
    }

    public static void main(final String[] args) {
        int rc = 1;
        try {
            run(args);
            rc = 0;
        } catch (Throwable t) { // report anything, then end the process (see below)
            t.printStackTrace();
        } finally {
            // KNIME leaves non-daemon threads behind: end the process explicitly, also after a failure
            System.exit(rc);
        }
    }

    private static void run(final String[] args) throws Exception {
        Path plugins = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path report = Path.of(args[2]);
        int sep = List.of(args).indexOf("--");
        List<String> extra = List.of(args).subList(3, sep);
        List<String> commands = List.of(args).subList(sep + 1, args.length);
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_BOOTDELEGATION, "*");
        props.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("osgi.instance.area", Files.createDirectories(work.resolve("workspace")).toUri().toString());
        props.put("osgi.install.area", Files.createDirectories(work.resolve("install")).toUri().toString());
        props.put("osgi.user.area", Files.createDirectories(work.resolve("user")).toUri().toString());
        props.put("osgi.os", "linux");
        props.put("osgi.arch", "x86_64");
        props.put("osgi.ws", "gtk");
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        Bundle testBundle = null;
        for (Path jar : new KnimeInstallation(plugins, null).bundles()) {
            if (!jar.getFileName().toString().startsWith("org.eclipse.osgi_")) {
                installed.add(ctx.installBundle(jar.toUri().toString()));
            }
        }
        for (String jar : extra) {
            Bundle b = ctx.installBundle(Path.of(jar).toUri().toString());
            installed.add(b);
            if (TestBundleBuilder.SYMBOLIC_NAME.equals(b.getSymbolicName())) {
                testBundle = b;
            }
        }
        for (Bundle b : installed) {
            if (EAGER.contains(b.getSymbolicName())) {
                b.start();
            }
        }
        for (Bundle b : installed) {
            if (!EAGER.contains(b.getSymbolicName()) && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    // a full installation holds UI bundles that a headless framework cannot resolve; the tests
                    // fail on their own if a bundle they need is among them
                    System.out.println("[knime-it] not started: " + b.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        Class<?> driver = testBundle.loadClass(DRIVER);
        for (String command : commands) {
            int colon = command.indexOf(':');
            String line;
            long started = System.nanoTime();
            try {
                Method m = driver.getMethod(command.substring(0, colon), String.class);
                @SuppressWarnings("unchecked")
                List<String> problems = (List<String>)m.invoke(null, command.substring(colon + 1));
                line = (problems.isEmpty() ? "OK" : "FAIL") + "\t" + String.join(" | ", problems);
            } catch (InvocationTargetException e) {
                line = "FAIL\t" + stackTrace(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                line = "FAIL\t" + stackTrace(e);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            Files.writeString(report, command + "\t" + ms + "\t" + line.replace('\n', ' ').replace('\r', ' ')
                + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        framework.stop();
        framework.waitForStop(30_000);
    }

    private static String stackTrace(final Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
