package org.bertgeometry.knime.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

import org.bertgeometry.knime.testing.installation.InstallationClasses;

/**
 * A compiler's file manager whose class path also holds the classes of a KNIME installation, served in place
 * from its bundles (including jars nested inside bundles, which javac cannot read from a class path).
 */
final class InstallationFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final InstallationClasses m_knime;

    InstallationFileManager(final StandardJavaFileManager standard, final InstallationClasses knime) {
        super(standard);
        m_knime = knime;
    }

    @Override
    public Iterable<JavaFileObject> list(final Location location, final String packageName,
        final Set<JavaFileObject.Kind> kinds, final boolean recurse) throws IOException {
        Iterable<JavaFileObject> standard = super.list(location, packageName, kinds, recurse);
        if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)) {
            return standard;
        }
        List<JavaFileObject> all = new ArrayList<>();
        standard.forEach(all::add);
        for (String className : m_knime.classesIn(packageName)) {
            all.add(new KnimeClassFile(className));
        }
        return all;
    }

    @Override
    public String inferBinaryName(final Location location, final JavaFileObject file) {
        return file instanceof KnimeClassFile k ? k.m_className : super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(final FileObject a, final FileObject b) {
        if (a instanceof KnimeClassFile || b instanceof KnimeClassFile) {
            return a.toUri().equals(b.toUri());
        }
        return super.isSameFile(a, b);
    }

    /** One class file of the installation, read when the compiler opens it. */
    private final class KnimeClassFile extends SimpleJavaFileObject {
        private final String m_className;

        KnimeClassFile(final String className) {
            super(URI.create("knime-installation:///" + className.replace('.', '/') + ".class"), Kind.CLASS);
            m_className = className;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(m_knime.classFile(m_className).orElseThrow());
        }
    }
}
