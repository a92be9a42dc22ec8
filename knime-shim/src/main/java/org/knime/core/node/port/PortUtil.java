package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

/**
 * Shim of KNIME's {@code PortUtil}: creates the zip streams handed to port serializers, positioned inside the
 * entry {@code portObject.file} / {@code portSpec.file} as in KNIME.
 */
public final class PortUtil {
    private PortUtil() {
    }

    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in)
        throws IOException {
        PortObjectZipOutputStream out = new PortObjectZipOutputStream(in);
        out.putNextEntry(new ZipEntry("portObject.file"));
        return out;
    }

    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        PortObjectZipInputStream zin = new PortObjectZipInputStream(in);
        ZipEntry e = zin.getNextEntry();
        if (e == null || !"portObject.file".equals(e.getName())) {
            throw new IOException("Invalid port object stream: expected entry portObject.file");
        }
        return zin;
    }

    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
        throws IOException {
        PortObjectSpecZipOutputStream out = new PortObjectSpecZipOutputStream(in);
        out.putNextEntry(new ZipEntry("portSpec.file"));
        return out;
    }

    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
        throws IOException {
        PortObjectSpecZipInputStream zin = new PortObjectSpecZipInputStream(in);
        ZipEntry e = zin.getNextEntry();
        if (e == null || !"portSpec.file".equals(e.getName())) {
            throw new IOException("Invalid port spec stream: expected entry portSpec.file");
        }
        return zin;
    }
}
