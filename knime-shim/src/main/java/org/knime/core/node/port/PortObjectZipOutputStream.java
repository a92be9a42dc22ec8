package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Shim of KNIME's {@code PortObjectZipOutputStream}; obtain one through {@link PortUtil}. */
public class PortObjectZipOutputStream extends ZipOutputStream {
    PortObjectZipOutputStream(final OutputStream out) {
        super(out);
    }
}
