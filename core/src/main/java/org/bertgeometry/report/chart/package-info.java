/**
 * PNG pictures for reports, drawn with java.awt in headless mode: {@link HeatmapChart} (matrices such
 * as attention maps, with a colour bar), {@link CategoricalGrid} (layer x head gate labels),
 * {@link LineChart}, {@link BarChart}, {@link ScatterPlot} (points coloured by class) and
 * {@link ConfusionMatrixChart}. Each chart takes its data plus a small {@code Options} record with
 * documented defaults, and returns a {@code BufferedImage} or writes a PNG through {@link Png}.
 * Output is deterministic: the same input gives the same bytes on the same JDK and fonts (text uses
 * the logical font {@code SansSerif}, so glyph shapes can differ between machines with different
 * fonts installed).
 */
package org.bertgeometry.report.chart;
