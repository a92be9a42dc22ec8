package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Shim of KNIME's {@code PortObjectZipInputStream}; obtain one through {@link PortUtil}. */
public class PortObjectZipInputStream extends ZipInputStream {
    PortObjectZipInputStream(final InputStream in) {
        super(in);
    }
}
