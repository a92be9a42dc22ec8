package org.bertgeometry.knime.paths;

import java.io.File;
import java.nio.file.Files;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

import org.knime.core.node.InvalidSettingsException;

/**
 * Turns what a user typed into a node's path setting into a local file-system path, the way KNIME does: a plain
 * path; a {@code file:} URL; or a {@code knime://} URL, resolved first by KNIME's own resolver service
 * ({@code ResolverUtil}, registered in a full KNIME Analytics Platform, where it also knows remote mount points)
 * and, where no such service is registered (a bare KNIME core, a batch executor), from the executing workflow's
 * context: {@code knime://knime.workflow/...} relative to the workflow folder, {@code knime://knime.mountpoint/...}
 * and {@code knime://<mount id>/...} relative to the root of the workflow's mount point. Anything else fails with
 * an error naming the URL. Every node that takes a path uses this class (docs/knime.md, "Paths").
 *
 * <p>KNIME's classes are reached by reflection because the bundle is compiled against knime-shim, which holds only
 * the node API; at run time they come from org.knime.core through Require-Bundle.
 */
public final class PathResolver {
    private static final String WORKFLOW = "knime.workflow";
    private static final String MOUNTPOINT = "knime.mountpoint";

    private PathResolver() {
    }

    /**
     * @param location a plain path, a file: URL or a knime:// URL, as typed in a setting
     * @param what what the path is for, used in error messages (e.g. "model folder")
     * @return the local path
     * @throws InvalidSettingsException if it cannot be resolved, naming the location and why
     */
    public static Path resolve(final String location, final String what) throws InvalidSettingsException {
        String text = location.trim();
        try {
            if (text.regionMatches(true, 0, "file:", 0, 5)) {
                return Path.of(new URI(text.replace(" ", "%20")));
            }
            if (!text.regionMatches(true, 0, "knime:", 0, 6)) {
                return Path.of(text);
            }
            URI uri = new URI(text.replace(" ", "%20"));
            Optional<Path> byKnime = byKnimeResolver(uri);
            return byKnime.isPresent() ? byKnime.get() : byWorkflowContext(uri, what);
        } catch (URISyntaxException | IllegalArgumentException e) { // incl. InvalidPathException
            throw new InvalidSettingsException("The " + what + " '" + location + "' is not a valid path or URL: "
                + e.getMessage(), e);
        }
    }

    /**
     * A file a reader node reads: {@code location} resolved as by {@link #resolve}, required to be set and to name
     * an existing regular file.
     *
     * @param what what the file is, used in error messages (e.g. "FASTA file")
     * @param choose what the user should pick when nothing is set (e.g. "a .fasta or .fa file")
     * @throws InvalidSettingsException if nothing is set, it cannot be resolved, or it is no existing file
     */
    public static Path existingFile(final String location, final String what, final String choose)
        throws InvalidSettingsException {
        if (location == null || location.isBlank()) {
            throw new InvalidSettingsException("No " + what + " selected. Open the dialog and choose " + choose + ".");
        }
        Path file = resolve(location, what);
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("The " + what + " '" + file + "' does not exist or is not a file.");
        }
        return file;
    }

    /** KNIME's resolver service: present in KNIME Analytics Platform, absent from a bare core. */
    private static Optional<Path> byKnimeResolver(final URI uri) {
        try {
            Object file = knimeClass("org.knime.core.util.pathresolve.ResolverUtil")
                .getMethod("resolveURItoLocalFile", URI.class).invoke(null, uri);
            return Optional.ofNullable((File)file).map(File::toPath);
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty(); // no resolver service registered, or not running in KNIME: use the context
        }
    }

    private static Path byWorkflowContext(final URI uri, final String what) throws InvalidSettingsException {
        String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        String relative = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
        Object executor = executorInfo().orElseThrow(() -> unresolved(uri, what,
            "it is not inside an executing KNIME workflow (no workflow context)"));
        if (WORKFLOW.equals(host)) {
            return ((Path)call(executor, "getLocalWorkflowPath")).resolve(relative).normalize();
        }
        Object mount = mountpoint(executor);
        if (mount == null) {
            throw unresolved(uri, what, "the workflow is not stored in a mount point");
        }
        URI mountUri = (URI)call(mount, "getFirst");
        Path root = (Path)call(mount, "getSecond");
        if (MOUNTPOINT.equals(host) || (host != null && host.equalsIgnoreCase(mountUri.getAuthority()))) {
            return root.resolve(relative).normalize();
        }
        throw unresolved(uri, what, "mount point '" + host + "' is not the workflow's own ('"
            + mountUri.getAuthority() + "') and no KNIME URL resolver is registered to reach it");
    }

    private static InvalidSettingsException unresolved(final URI uri, final String what, final String why) {
        return new InvalidSettingsException("Cannot resolve the " + what + " '" + uri + "': " + why
            + ". Use a local path, a file: URL, or knime://knime.workflow/..., knime://knime.mountpoint/... "
            + "relative to the workflow.");
    }

    /** NodeContext.getContext().getWorkflowManager().getContextV2().getExecutorInfo(), if there is one. */
    private static Optional<Object> executorInfo() {
        try {
            Object ctx = knimeClass("org.knime.core.node.workflow.NodeContext").getMethod("getContext").invoke(null);
            Object wfm = ctx == null ? null : call(ctx, "getWorkflowManager");
            Object v2 = wfm == null ? null : call(wfm, "getContextV2");
            return Optional.ofNullable(v2 == null ? null : call(v2, "getExecutorInfo"));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The executor's {@code Pair<URI, Path>} mount point (KNIME Analytics Platform executors have one), or null. */
    private static Object mountpoint(final Object executor) {
        try {
            return ((Optional<?>)executor.getClass().getMethod("getMountpoint").invoke(executor)).orElse(null);
        } catch (ReflectiveOperationException e) {
            return null; // a server or hub job executor: no local mount point
        }
    }

    private static Object call(final Object target, final String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("KNIME's " + target.getClass().getName() + "." + method
                + "() is not available: " + e, e);
        }
    }

    private static Class<?> knimeClass(final String name) throws ClassNotFoundException {
        return Class.forName(name, true, PathResolver.class.getClassLoader());
    }
}
