package org.bertgeometry.knime.workflows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.knime.core.data.DataCell;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.image.ImagePortObject;

/**
 * Expectations on outputs that are not tables, named in testflow.properties and checked by both workflow runners
 * (on the shim and in real KNIME, after execution and after every reload):
 * <ul>
 * <li>{@code image.node<id>.port<p>=<w>x<h>} (exact size), {@code >=<w>x<h>} (at least) or a picture expression
 * whose exact size {@link PictureSizes} derives from settings, data shape and texts: the port holds an image port
 * object whose cell is PNG, the bytes decode with ImageIO, the size is as stated and the picture is not of one
 * colour;</li>
 * <li>{@code variable.node<id>.<name>=<value>}: the node pushed flow variable {@code name}; a number is compared
 * within {@code tolerance}, {@code *} only asks for its presence, anything else is compared as text.</li>
 * </ul>
 */
public final class PortExpectations {
    /** Matches image keys: node id, port. */
    public static final Pattern IMAGE = Pattern.compile("image\\.node(\\d+)\\.port(\\d+)");
    /** Matches variable keys: node id, variable name. */
    public static final Pattern VARIABLE = Pattern.compile("variable\\.node(\\d+)\\.(.+)");

    private static final Pattern SIZE = Pattern.compile("(>=)?(\\d+)x(\\d+)");

    private PortExpectations() {
    }

    /** @return the problems of {@code port} against the image expectation {@code expected} */
    public static List<String> image(final String expected, final PortObject port) {
        List<String> problems = new ArrayList<>();
        Matcher size = SIZE.matcher(expected.trim());
        PictureSizes.Size derived = size.matches() ? null : PictureSizes.of(expected);
        if (!size.matches() && derived == null) {
            problems.add("image expectation '" + expected + "' is not <w>x<h>, >=<w>x<h> or a picture expression");
            return problems;
        }
        if (!(port instanceof ImagePortObject image)) {
            problems.add("no image port object but " + port);
            return problems;
        }
        DataCell cell = image.toDataCell();
        if (!(cell instanceof PNGImageValue png)) {
            problems.add("the image is no PNG cell but " + cell.getType());
            return problems;
        }
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(png.getImageContent().getByteArray()));
        } catch (IOException e) {
            decoded = null;
        }
        if (decoded == null) {
            problems.add("the PNG bytes do not decode");
            return problems;
        }
        int w = derived != null ? derived.width() : Integer.parseInt(size.group(2));
        int h = derived != null ? derived.height() : Integer.parseInt(size.group(3));
        boolean atLeast = derived == null && size.group(1) != null;
        if (atLeast ? decoded.getWidth() < w || decoded.getHeight() < h
            : decoded.getWidth() != w || decoded.getHeight() != h) {
            problems.add("image is " + decoded.getWidth() + "x" + decoded.getHeight() + ", expected " + expected
                + (derived != null ? " = " + derived : ""));
        }
        if (colours(decoded) < 2) {
            problems.add("image is of one colour");
        }
        return problems;
    }

    /** @return the problems of a flow variable's value (as text; null when absent) against {@code expected} */
    public static List<String> variable(final String name, final String expected, final String actual,
        final double tolerance) {
        List<String> problems = new ArrayList<>();
        if (actual == null) {
            problems.add("flow variable " + name + " was not pushed");
        } else if (!"*".equals(expected.trim()) && !sameValue(expected.trim(), actual, tolerance)) {
            problems.add("flow variable " + name + " is " + actual + ", expected " + expected);
        }
        return problems;
    }

    private static boolean sameValue(final String expected, final String actual, final double tolerance) {
        try {
            return Math.abs(Double.parseDouble(expected) - Double.parseDouble(actual)) <= tolerance;
        } catch (NumberFormatException e) {
            return expected.equals(actual);
        }
    }

    private static int colours(final BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight() && seen.size() < 2; y++) {
            for (int x = 0; x < image.getWidth() && seen.size() < 2; x++) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }
}
