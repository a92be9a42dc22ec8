package org.bertgeometry.knime.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Test helper: the picture in a node's image port, read the way a KNIME user's Image Writer would (the port's cell,
 * its PNG bytes) and decoded independently of the chart code with ImageIO.
 */
public final class Pictures {

    private static final byte[] PNG_MAGIC = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Pictures() {
    }

    /** @return the decoded image of an image port object, checked to be PNG */
    public static BufferedImage decode(final PortObject port) throws IOException {
        ImagePortObject image = assertInstanceOf(ImagePortObject.class, port);
        assertTrue(image.getSpec().getDataType().equals(PNGImageContent.TYPE), "the spec announces PNG");
        PNGImageValue cell = assertInstanceOf(PNGImageValue.class, image.toDataCell());
        byte[] bytes = cell.getImageContent().getByteArray();
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length), "PNG signature");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(decoded, "ImageIO decodes the PNG");
        return decoded;
    }

    /** @return how many different colours the rectangle holds */
    public static int colours(final BufferedImage image, final int x, final int y, final int w, final int h) {
        Set<Integer> seen = new HashSet<>();
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                seen.add(image.getRGB(i, j) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    /** @return how many different colours the whole image holds */
    public static int colours(final BufferedImage image) {
        return colours(image, 0, 0, image.getWidth(), image.getHeight());
    }
}
