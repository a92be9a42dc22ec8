package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/** Shim of KNIME's {@code PNGImageContent}: PNG bytes, decoded on demand as KNIME does. */
public class PNGImageContent implements ImageContent {
    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private final byte[] m_imageBytes;

    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_imageBytes = imageBytes;
        getImage(); // KNIME decodes in the constructor too, so bad bytes fail here
    }

    public byte[] getByteArray() {
        return Arrays.copyOf(m_imageBytes, m_imageBytes.length);
    }

    public Image getImage() {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(m_imageBytes));
            if (image == null) {
                throw new IllegalArgumentException("ImageIO returned null while reading image bytes");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("Image can't be read", e);
        }
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        g.drawImage(getImage(), 0, 0, width, height, null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_imageBytes);
    }

    @Override
    public DataCell toImageCell() {
        return new PNGImageCell(this);
    }

    @Override
    public Dimension getPreferredSize() {
        Image image = getImage();
        return new Dimension(image.getWidth(null), image.getHeight(null));
    }

    @Override
    public String getSummary() {
        Dimension dim = getPreferredSize();
        String summary = "PNG Image " + dim.width + " x " + dim.height + " with ";
        return m_imageBytes.length < 1000 ? summary + m_imageBytes.length + " B"
            : summary + (m_imageBytes.length / 1024) + " KB";
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_imageBytes);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PNGImageContent other && Arrays.equals(m_imageBytes, other.m_imageBytes);
    }
}
