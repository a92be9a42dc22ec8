package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Shim of KNIME's {@code PortObjectSpecZipOutputStream}; obtain one through {@link PortUtil}. */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {
    PortObjectSpecZipOutputStream(final OutputStream out) {
        super(out);
    }
}
