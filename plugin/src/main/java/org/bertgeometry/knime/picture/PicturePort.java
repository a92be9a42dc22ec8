package org.bertgeometry.knime.picture;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.bertgeometry.report.chart.Png;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * A picture drawn by the engine's charts as KNIME's own image port (PNG content), which KNIME shows in the port
 * view and which Image Writer and reporting nodes take. Nodes append this port after their existing ports, so that
 * stored workflows keep their port numbers.
 */
public final class PicturePort {

    /** The port type of every picture output. */
    public static final PortType TYPE = ImagePortObject.TYPE;

    private PicturePort() {
    }

    /** The spec of a PNG picture port, known at configure time. */
    public static ImagePortObjectSpec spec() {
        return new ImagePortObjectSpec(PNGImageContent.TYPE);
    }

    /** Encodes {@code image} as PNG into an image port object. */
    public static ImagePortObject of(final BufferedImage image) throws IOException {
        return new ImagePortObject(new PNGImageContent(Png.encode(image)), spec());
    }
}
