package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Shim of KNIME's {@code PortObjectSpecZipInputStream}; obtain one through {@link PortUtil}. */
public class PortObjectSpecZipInputStream extends ZipInputStream {
    PortObjectSpecZipInputStream(final InputStream in) {
        super(in);
    }
}
