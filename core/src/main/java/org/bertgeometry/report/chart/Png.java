package org.bertgeometry.report.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes images as PNG with the JDK's ImageIO encoder, which adds no time stamp or other varying
 * metadata, so identical images give identical files.
 */
public final class Png {

    private Png() {
    }

    /** The PNG bytes of {@code image}. */
    public static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("this JDK has no PNG writer for image type " + image.getType());
        }
        return out.toByteArray();
    }

    /** Writes {@code image} to {@code file} as PNG (created or replaced; parent folders are created). */
    public static void write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, encode(image));
    }
}
